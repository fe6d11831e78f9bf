// The article page: the text with each event's source, target and verb
// highlighted, the events with the rule and sentence behind them, and the
// knowledge extracted from the article.

import { api, type Knowledge } from '../api';
import { byline, fmtNum, h } from '../dom';
import { documentText, eventItem, eventKeys, focusEvent } from '../events';
import { legend } from '../highlight';
import { href, type Route } from '../route';
import { ByteIndex } from '../utf8';

export async function articlePage(root: HTMLElement, r: Route) {
  if (!r.arg) {
    root.append(h('p', null, 'No article chosen: open one from the ', h('a', { href: href('explore') }, 'explorer'), '.'));
    return;
  }
  const view = await api.article(r.arg);
  const a = view.article;
  const idx = new ByteIndex(a.text);
  const events = view.events ?? [];
  const keys = eventKeys(events);
  root.append(
    h('h1', { id: 'article-title' }, a.title || a.id),
    h(
      'p',
      { class: 'byline' },
      byline(a.source, a.published, a.url).map((p) => (p.href ? h('a', { href: p.href, rel: 'noopener noreferrer', target: '_blank' }, p.text) : p.text)),
    ),
  );
  const onFocus = (key: string) => {
    const cur = root.querySelector<HTMLElement>('[data-event].on')?.dataset.event ?? '';
    focusEvent(root, cur === key ? '' : key);
  };
  const text = documentText(idx, view.sentences ?? [], events, keys);
  const list = h('ol', { id: 'article-events', class: 'event-list' }, events.map((e, i) => eventItem(idx, e, keys[i], onFocus)));
  root.append(
    h(
      'div',
      { class: 'two-col' },
      h('div', { class: 'col-main' }, legend(), text),
      h(
        'aside',
        { class: 'col-side' },
        h('h2', null, `Events (${events.length})`),
        events.length ? list : h('p', { class: 'muted' }, 'No event was coded from this article.'),
        knowledge(view.knowledge),
      ),
    ),
  );
}

function uniq<T>(xs: T[], key: (x: T) => string): [T, number][] {
  const m = new Map<string, [T, number]>();
  for (const x of xs) {
    const k = key(x);
    const v = m.get(k);
    if (v) v[1]++;
    else m.set(k, [x, 1]);
  }
  return [...m.values()];
}

function knowledge(k: Knowledge | null): HTMLElement {
  const box = h('section', { id: 'knowledge', class: 'knowledge' }, h('h2', null, 'Knowledge'));
  if (!k) {
    box.append(h('p', { class: 'muted' }, 'No knowledge record for this article.'));
    return box;
  }
  if (k.tone) {
    const t = k.tone;
    box.append(h('h3', null, 'Tone'), h('p', { id: 'tone' }, `tone ${fmtNum(t.tone, 2)} (positive ${fmtNum(t.positive, 2)}%, negative ${fmtNum(t.negative, 2)}%, polarity ${fmtNum(t.polarity, 2)}%), ${t.word_count} words`));
  }
  const ents = k.entities ?? [];
  if (ents.length) {
    const byType = new Map<string, typeof ents>();
    for (const e of ents) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
    box.append(h('h3', null, 'Entities'));
    const dl = h('dl', { id: 'entities' });
    for (const [type, es] of byType) {
      dl.append(
        h('dt', null, type),
        h('dd', null, uniq(es, (e) => e.canonical || e.text).map(([e, n], i) => [i ? ', ' : '', h('span', { class: 'entity entity-' + type, title: e.actor ? `actor ${e.actor}` : '' }, e.canonical || e.text), n > 1 ? ` ×${n}` : ''])),
      );
    }
    box.append(dl);
  }
  const locs = k.locations ?? [];
  if (locs.length) {
    box.append(
      h('h3', null, 'Places'),
      h('ul', { id: 'locations' }, uniq(locs, (l) => String(l.geo?.full_name ?? l.text ?? l.name ?? '')).map(([l, n]) => h('li', null, String(l.geo?.full_name ?? l.text ?? l.name ?? ''), l.geo?.country_iso ? ` (${l.geo.country_iso})` : '', n > 1 ? ` ×${n}` : ''))),
    );
  }
  const themes = k.themes ?? [];
  if (themes.length) {
    box.append(
      h('h3', null, 'Themes'),
      h('p', { id: 'themes', class: 'tags' }, uniq(themes, (t) => t.theme).map(([t, n]) => h('a', { class: 'tag', href: href('explore', { theme: t.theme }), title: t.text ?? '' }, t.theme + (n > 1 ? ` ×${n}` : '')))),
    );
  }
  const quotes = k.quotations ?? [];
  if (quotes.length) {
    box.append(h('h3', null, 'Quotations'), h('ul', { id: 'quotations', class: 'quotes' }, quotes.map((q) => h('li', null, h('q', null, q.quote), q.speaker ? h('small', null, ` — ${q.speaker}${q.actor ? ' (' + q.actor + ')' : ''}${q.verb ? ', ' + q.verb : ''}`) : null))));
  }
  const dates = k.dates ?? [];
  if (dates.length) {
    box.append(h('h3', null, 'Dates'), h('ul', { id: 'dates' }, dates.map((d) => h('li', null, [d.year || '', d.month ? '-' + String(d.month).padStart(2, '0') : '', d.day ? '-' + String(d.day).padStart(2, '0') : ''].join(''), d.text ? ` “${d.text}”` : ''))));
  }
  const counts = k.counts ?? [];
  if (counts.length) {
    box.append(h('h3', null, 'Counts'), h('ul', { id: 'counts' }, counts.map((c) => h('li', null, `${c.type}: ${c.approx ? c.approx + ' ' : ''}${c.number} ${c.object}`))));
  }
  return box;
}
