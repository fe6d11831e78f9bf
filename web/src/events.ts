// Rendering shared by the article and code pages: an event's line, its
// span texts, and the text of a document with every event highlighted.

import type { ByteSpan, SpannedEvent } from './api';
import { fmtNum, h, quadNames } from './dom';
import { highlight, spanText } from './highlight';
import { href } from './route';
import { ByteIndex } from './utf8';

/**
 * eventKey names event i in the highlight data attributes: its store id,
 * else (a coded text's events have id 0) its 1-based position.
 */
export function eventKey(e: SpannedEvent, i: number): string {
  return e.id ? String(e.id) : String(i + 1);
}

/**
 * documentText renders text with its sentences (byte ranges) as
 * span.sentence elements and the events' spans highlighted.
 */
export function documentText(idx: ByteIndex, sentences: ByteSpan[], events: SpannedEvent[]): HTMLElement {
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
export function eventItem(idx: ByteIndex, e: SpannedEvent, i: number, onFocus: (key: string) => void): HTMLElement {
  const key = eventKey(e, i);
  const flags = [e.negated && 'negated', e.reported && 'reported', e.historical && 'historical'].filter(Boolean) as string[];
  const role = (r: 'source' | 'target' | 'verb', code: string, name?: string) => {
    const text = spanText(idx, e.spans?.[r]);
    return h('span', { class: 'role role-' + r, 'data-role': r }, code ? h('b', null, code) : null, name ? ` ${name}` : '', text ? h('q', null, text) : code ? null : h('span', { class: 'muted' }, '—'));
  };
  return h(
    'li',
    { class: 'event', 'data-event': key, onclick: () => onFocus(key) },
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
      e.sentence_index ? h('a', { href: '#s-' + e.sentence_index, onclick: (ev: Event) => jump(ev, e.sentence_index!) }, `sentence ${e.sentence_index}`) : null,
      e.rule ? h('span', null, ' · rule ', h('code', { class: 'rule' }, e.rule)) : null,
      e.id !== undefined && e.num_mentions ? h('span', null, ' · ', h('a', { href: href('explore', { code: e.code, actor: e.source || undefined, from: e.date, to: e.date }) }, `${e.num_mentions} mention${e.num_mentions === 1 ? '' : 's'}`)) : null,
    ),
  );
}

function jump(ev: Event, sentence: number) {
  ev.preventDefault();
  document.getElementById('s-' + sentence)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}
