// "Code a text": the text is sent to POST /api/code (nothing is stored);
// the page shows the events with their spans highlighted in the text, each
// sentence's dependency tree, and the coder's explanation.

import { api, type ByteSpan } from '../api';
import { errorBox, h } from '../dom';
import { documentText, eventItem, eventKeys, focusEvent } from '../events';
import { legend } from '../highlight';
import type { Route } from '../route';
import { tree } from '../tree';
import { ByteIndex } from '../utf8';

const storeKey = 'eventwire.code';

export function codePage(root: HTMLElement, _r: Route) {
  let saved: { text?: string; date?: string } = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(storeKey) ?? '{}');
  } catch {
    saved = {};
  }
  const text = h('textarea', { id: 'code-text', name: 'text', rows: 7, placeholder: 'Paste a news text, e.g. “Armenia accused Azerbaijan of blocking the Lachin corridor on Monday.”', required: true });
  text.value = saved.text ?? '';
  const date = h('input', { id: 'code-date', name: 'date', type: 'date', value: saved.date ?? '' });
  const button = h('button', { type: 'submit', id: 'code-submit' }, 'Code');
  const out = h('div', { id: 'code-result' });
  const form = h(
    'form',
    { class: 'code-form', id: 'code-form' },
    h('label', { for: 'code-text' }, 'Text (up to 64 KiB)'),
    text,
    h('div', { class: 'actions' }, h('label', { for: 'code-date' }, 'Date of the text ', date), button),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(storeKey, JSON.stringify({ text: text.value, date: date.value }));
    button.disabled = true;
    out.replaceChildren(h('p', { class: 'muted' }, 'Coding…'));
    delete out.dataset.ready;
    try {
      await show(out, text.value, date.value);
      out.dataset.ready = 'ok';
    } catch (e) {
      out.replaceChildren(errorBox(e));
      out.dataset.ready = 'error';
    } finally {
      button.disabled = false;
    }
  });
  root.append(h('h1', null, 'Code a text'), form, out);
}

async function show(out: HTMLElement, text: string, date: string) {
  const res = await api.code(text, date);
  const idx = new ByteIndex(text);
  const sentences = res.sentences ?? [];
  // Sentence ranges from their tokens' byte offsets into the text.
  const ranges: ByteSpan[] = sentences
    .filter((s) => s.tokens.length > 0)
    .map((s) => ({ start: s.tokens[0].start, end: s.tokens[s.tokens.length - 1].end }));
  const events = res.events ?? [];
  const keys = eventKeys(events);
  const onFocus = (key: string) => {
    const cur = out.querySelector<HTMLElement>('[data-event].on')?.dataset.event ?? '';
    focusEvent(out, cur === key ? '' : key);
  };
  out.replaceChildren(
    h('h2', null, `Events (${events.length})`),
    events.length ? h('ol', { id: 'code-events', class: 'event-list' }, events.map((e, i) => eventItem(idx, e, keys[i], onFocus))) : h('p', { class: 'muted', id: 'code-events-none' }, 'No event was coded from this text.'),
    legend(),
    documentText(idx, ranges, events, keys),
    h('h2', null, 'Dependency trees'),
    h(
      'div',
      { id: 'trees', class: 'trees' },
      sentences.map((s, i) => h('figure', null, h('figcaption', null, `Sentence ${i + 1}`), h('div', { class: 'tree-scroll' }, tree(s.tokens, i + 1)))),
    ),
    h('h2', null, 'Explanation'),
    h('pre', { id: 'explain', class: 'explain' }, res.explain ?? ''),
  );
}
