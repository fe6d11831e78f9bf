// The event explorer: filters, a sortable table with cursor paging, CSV
// download, and the recent articles the filters match.

import { api, pickFilters, type Event } from '../api';
import { errorBox, fmtNum, h, quadNames } from '../dom';
import { describe, filterForm } from '../filters';
import { href, navigate, type Route } from '../route';

const pageSize = 50;

interface Column {
  label: string;
  sort?: string; // the API's sort key
  cell: (e: Event) => Node | string;
}

function actorCell(code: string, name: string): Node {
  if (!code) return h('span', { class: 'muted' }, '—');
  return h('span', { title: name || code }, h('a', { href: href('explore', { actor: code }) }, code), name ? h('small', null, ' ' + name) : null);
}

const columns: Column[] = [
  { label: 'Date', sort: 'date', cell: (e) => e.date + (e.historical ? ' (hist.)' : '') },
  { label: 'Source', cell: (e) => actorCell(e.source, e.source_name) },
  {
    label: 'Event',
    cell: (e) =>
      h('span', { title: quadNames[e.quad] ?? '' }, h('a', { href: href('explore', { code: e.code }) }, e.code), ' ', e.code_name ?? '', h('span', { class: 'quad q' + e.quad }, String(e.quad))),
  },
  { label: 'Target', cell: (e) => actorCell(e.target, e.target_name) },
  { label: 'Goldstein', sort: 'goldstein', cell: (e) => h('span', { class: e.goldstein < 0 ? 'neg' : 'pos' }, fmtNum(e.goldstein)) },
  { label: 'Mentions', sort: 'mentions', cell: (e) => `${e.num_mentions} (${e.num_sources} src)` },
  { label: 'Place', cell: (e) => (e.place ? `${e.place.name}${e.place.country ? ' · ' + e.place.country : ''}` : '') },
  {
    label: 'Sentence',
    cell: (e) => h('a', { class: 'sentence', href: href('article', {}, e.article_id), title: 'open the article' }, e.sentence),
  },
];

export async function explorePage(root: HTMLElement, r: Route) {
  const p = r.params;
  const filters = pickFilters(p);
  const sort = p.sort ?? '-date';
  const go = (next: Record<string, string | undefined>) => navigate('explore', next);

  root.append(
    h('h1', null, 'Events'),
    filterForm(p, (v) => go({ ...v, sort: p.sort })),
  );
  const csv = h('a', { id: 'csv', class: 'button', href: api.eventsCSV({ ...filters, sort }), download: 'events.csv' }, 'Download CSV');
  const links = h(
    'p',
    { class: 'links' },
    h('span', { id: 'summary' }, describe(filters)),
    ' · ',
    h('a', { href: href('timeline', filters) }, 'timeline'),
    ' · ',
    h('a', { href: href('map', filters) }, 'map'),
    ' · ',
    csv,
  );
  root.append(links);

  // The cursors of the pages before this one, so Previous can go back.
  const back = p.back ? p.back.split(',') : [];
  const page = await api.events({ ...filters, sort, limit: pageSize, cursor: p.cursor });

  const thead = h(
    'tr',
    null,
    columns.map((c) => {
      if (!c.sort) return h('th', null, c.label);
      const asc = sort === c.sort;
      const desc = sort === '-' + c.sort;
      const nextSort = desc ? c.sort : '-' + c.sort;
      return h(
        'th',
        { class: 'sortable' + (asc ? ' asc' : desc ? ' desc' : ''), 'data-sort': c.sort, 'aria-sort': asc ? 'ascending' : desc ? 'descending' : 'none' },
        h('a', { href: href('explore', { ...filters, sort: nextSort }) }, c.label, asc ? ' ▲' : desc ? ' ▼' : ''),
      );
    }),
  );
  const rows = page.events.map((e) => h('tr', { 'data-id': e.id }, columns.map((c) => h('td', null, c.cell(e)))));
  const table = h(
    'table',
    { id: 'events', class: 'events', 'data-count': page.events.length },
    h('thead', null, thead),
    h('tbody', null, rows.length ? rows : h('tr', null, h('td', { colspan: columns.length, class: 'muted' }, 'No event matches these filters.'))),
  );
  const start = back.length * pageSize;
  const pager = h(
    'div',
    { class: 'pager' },
    h(
      'button',
      {
        id: 'prev',
        disabled: back.length === 0,
        onclick: () => {
          const prev = back.slice(0, -1);
          go({ ...filters, sort: p.sort, cursor: back[back.length - 1] || undefined, back: prev.join(',') || undefined });
        },
      },
      '← Previous',
    ),
    h('span', null, page.events.length ? ` rows ${start + 1}–${start + page.events.length} ` : ' '),
    h(
      'button',
      {
        id: 'next',
        disabled: !page.next_cursor,
        onclick: () => go({ ...filters, sort: p.sort, cursor: page.next_cursor ?? undefined, back: [...back, p.cursor ?? ''].join(',') }),
      },
      'Next →',
    ),
  );
  root.append(h('div', { class: 'table-wrap' }, table), pager);

  // Recent articles matching the same filters; a failure here leaves the table.
  const side = h('section', { class: 'articles' }, h('h2', null, 'Recent articles'));
  root.append(side);
  try {
    const arts = await api.articles({ ...filters, limit: 20 });
    side.append(
      h(
        'ul',
        { id: 'articles' },
        arts.articles.map((a) =>
          h('li', null, h('a', { href: href('article', {}, a.id) }, a.title || a.id), h('small', null, ` ${a.source} · ${a.published.slice(0, 10)} · ${a.events} events`)),
        ),
      ),
    );
  } catch (e) {
    side.append(errorBox(e));
  }
}
