// Rendering shared by the article and code pages: an event's line, its
// span texts, and the text of a document with every event highlighted.

import type { ByteSpan, SpannedEvent } from './api';
import { fmtNum, h, quadNames } from './dom';
import { highlight, spanText } from './highlight';
import { href } from './route';
import { ByteIndex } from './utf8';

/**
 * eventKeys name the events in the highlight data attributes: an event's
 * store id, with ".2", ".3"... on its second and later entries (one stored
 * event can be reported twice in an article, e.g. arrests in two cities of
 * one country); a coded text's events (id 0) are named by their 1-based
 * position.
 */
export function eventKeys(events: SpannedEvent[]): string[] {
  const seen = new Map<number, number>();
  return events.map((e, i) => {
    if (!e.id) return String(i + 1);
    const n = (seen.get(e.id) ?? 0) + 1;
    seen.set(e.id, n);
    return n === 1 ? String(e.id) : `${e.id}.${n}`;
  });
}

/**
 * documentText renders text with its sentences (byte ranges) as
 * span.sentence elements and the events' spans highlighted.
 */
export function documentText(idx: ByteIndex, sentences: ByteSpan[], events: SpannedEvent[], keys: string[]): HTMLElement {
  const eventKey = (_: SpannedEvent, i: number) => keys[i];
  const out = h('div', { class: 'doc-text', id: 'doc-text' });
  let at = 0;
  sentences.forEach((s, i) => {
    if (s.start > at) out.append(...highlight(idx, at, s.start, events, eventKey));
    out.append(h('span', { class: 'sentence', id: 's-' + (i + 1), 'data-sentence': i + 1 }, highlight(idx, s.start, s.end, events, eventKey)));
    at = Math.max(at, s.end);
  });
  if (at < idx.byteLength) out.append(...highlight(idx, at, idx.byteLength, events, eventKey));
  return out;
}

/** focusEvent marks the spans of the event with key (or none, for '') in root. */
export function focusEvent(root: HTMLElement, key: string) {
  root.classList.toggle('focusing', key !== '');
  for (const m of root.querySelectorAll<HTMLElement>('.doc-text mark')) {
    const on = key !== '' && ['source', 'target', 'verb'].some((r) => (m.dataset[r] ?? '').split(' ').includes(key));
    m.classList.toggle('on', on);
  }
  for (const li of root.querySelectorAll<HTMLElement>('[data-event]')) li.classList.toggle('on', li.dataset.event === key);
}

/** eventItem renders one event with its spans, rule and flags. */
export function eventItem(idx: ByteIndex, e: SpannedEvent, key: string, onFocus: (key: string) => void): HTMLElement {
  const flags = [e.negated && 'negated', e.reported && 'reported', e.historical && 'historical'].filter(Boolean) as string[];
  const role = (r: 'source' | 'target' | 'verb', code: string, name?: string) => {
    const text = spanText(idx, e.spans?.[r]);
    return h('span', { class: 'role role-' + r, 'data-role': r }, code ? h('b', null, code) : null, name ? ` ${name}` : '', text ? h('q', null, text) : code ? null : h('span', { class: 'muted' }, '—'));
  };
  return h(
    'li',
    {
      class: 'event',
      'data-event': key,
      tabindex: 0,
      title: 'mark only this event in the text',
      onclick: () => onFocus(key),
      onkeydown: (ev: Event) => {
        const k = (ev as KeyboardEvent).key;
        if (k === 'Enter' || k === ' ') {
          ev.preventDefault();
          onFocus(key);
        }
      },
    },
    h(
      'div',
      { class: 'event-head' },
      h('span', { class: 'quad q' + (e.quad ?? 0), title: quadNames[e.quad ?? 0] ?? '' }, String(e.quad ?? '')),
      h('b', null, e.code),
      ' ',
      e.code_name ?? '',
      e.goldstein !== undefined ? h('span', { class: e.goldstein < 0 ? 'neg' : 'pos' }, ` ${fmtNum(e.goldstein)}`) : null,
      e.date ? h('small', null, ` ${e.date}`) : null,
      flags.length ? h('small', { class: 'flags' }, ` (${flags.join(', ')})`) : null,
    ),
    h('div', { class: 'event-roles' }, role('source', e.source, e.source_name), ' → ', role('verb', '', undefined), ' → ', role('target', e.target, e.target_name)),
    h(
      'div',
      { class: 'event-meta' },
      e.sentence_index ? h('button', { type: 'button', class: 'linklike', onclick: () => jump(e.sentence_index!) }, `sentence ${e.sentence_index}`) : null,
      e.rule ? h('span', null, ' · rule ', h('code', { class: 'rule' }, e.rule)) : null,
      e.id !== undefined && e.num_mentions ? h('span', null, ' · ', h('a', { href: href('explore', { code: e.code, actor: e.source || undefined, from: e.date, to: e.date }) }, `${e.num_mentions} mention${e.num_mentions === 1 ? '' : 's'}`)) : null,
    ),
  );
}

function jump(sentence: number) {
  const el = document.getElementById('s-' + sentence);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1500);
}
