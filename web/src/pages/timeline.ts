// The timeline: event counts and average Goldstein score per day, week or
// month for the filters (an actor, a country, ...) or for a dyad.
//
// The API's filters select events by one actor; a dyad (events from A to
// B or from B to A) is aggregated here from the events of actor A, read
// page by page up to dyadCap events.

import { api, pickFilters, type Event, type SeriesPoint } from '../api';
import { h } from '../dom';
import { describe, filterForm } from '../filters';
import { href, navigate, type Route } from '../route';

const intervals = ['day', 'week', 'month'];
const dyadCap = 5000;
const dyadPage = 500;

export async function timelinePage(root: HTMLElement, r: Route) {
  const p = r.params;
  const interval = intervals.includes(p.interval) ? p.interval : 'month';
  const filters = pickFilters(p);
  const dyadA = p.dyad_a ?? '';
  const dyadB = p.dyad_b ?? '';

  const extra = [
    h('label', { class: 'field', for: 'f-interval' }, h('span', null, 'Interval'), h('select', { id: 'f-interval', name: 'interval' }, intervals.map((i) => h('option', { value: i, selected: i === interval }, i)))),
    h('label', { class: 'field', for: 'f-dyad_a' }, h('span', null, 'Dyad: actor A'), h('input', { id: 'f-dyad_a', name: 'dyad_a', placeholder: 'e.g. ARM', value: dyadA })),
    h('label', { class: 'field', for: 'f-dyad_b' }, h('span', null, 'Dyad: actor B'), h('input', { id: 'f-dyad_b', name: 'dyad_b', placeholder: 'e.g. AZE', value: dyadB })),
  ];
  root.append(h('h1', null, 'Timeline'), filterForm(p, (v) => navigate('timeline', v), extra));

  let points: SeriesPoint[];
  let title: string;
  let note = '';
  if (dyadA && dyadB) {
    const res = await dyadSeries(dyadA.toUpperCase(), dyadB.toUpperCase(), filters, interval);
    points = res.points;
    title = `${dyadA.toUpperCase()} ↔ ${dyadB.toUpperCase()}` + (Object.keys(filters).length ? ` (${describe(filters)})` : '');
    note = `${res.matched} events between the two actors, from ${res.read} events of ${dyadA.toUpperCase()}` + (res.capped ? ` (first ${dyadCap} read)` : '');
  } else {
    const s = await api.series({ ...filters, interval });
    points = s.points;
    title = describe(filters);
  }
  const total = points.reduce((n, x) => n + x.count, 0);
  const summary = h('p', { id: 'series-summary', 'data-points': points.length, 'data-total': total }, `${title}: ${total} events in ${points.length} ${interval}s`, note ? ` — ${note}` : '', ' · ', h('a', { href: href('explore', filters) }, 'list them'));
  const box = h('div', { id: 'timeline-chart', class: 'chart' });
  root.append(summary, box);
  if (points.length === 0) {
    box.append(h('p', { class: 'muted' }, 'No events for these filters.'));
    return;
  }
  const { chart } = await import('../charts');
  const hasTone = points.some((x) => typeof x.tone === 'number');
  const c = chart(box);
  // Goldstein scores lie in [-10, 10]; tone can go beyond.
  const side = points.flatMap((x) => [x.goldstein ?? 0, typeof x.tone === 'number' ? x.tone : 0]);
  const lo = Math.min(-10, Math.floor(Math.min(...side)));
  const hi = Math.max(10, Math.ceil(Math.max(...side)));
  c.setOption({
    animationDuration: 300,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 60, top: 40, bottom: 70 },
    dataZoom: [{ type: 'slider', bottom: 10 }, { type: 'inside' }],
    // A time axis keeps the gaps between periods with events.
    xAxis: { type: 'time' },
    yAxis: [
      { type: 'value', name: 'events', minInterval: 1 },
      { type: 'value', name: 'Goldstein / tone', min: lo, max: hi, splitLine: { show: false } },
    ],
    series: [
      { name: 'events', type: 'bar', data: points.map((x) => [x.date, x.count]), itemStyle: { color: '#7aa6c2' }, barMaxWidth: 40 },
      { name: 'avg Goldstein', type: 'line', yAxisIndex: 1, data: points.filter((x) => typeof x.goldstein === 'number').map((x) => [x.date, round(x.goldstein!)]), itemStyle: { color: '#c0392b' } },
      ...(hasTone
        ? [{ name: 'avg tone', type: 'line' as const, yAxisIndex: 1, data: points.filter((x) => typeof x.tone === 'number').map((x) => [x.date, round(x.tone!)]), itemStyle: { color: '#8e44ad' }, lineStyle: { type: 'dashed' as const } }]
        : []),
    ],
  });
  c.on('click', (ev) => {
    const v = ev.value as [string, number] | undefined;
    const range = v ? periodRange(String(v[0]), interval) : null;
    if (range) navigate('explore', { ...filters, actor: dyadA || filters.actor, from: range[0], to: range[1] });
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** periodKey returns the first day of the day, ISO week or month of date (YYYY-MM-DD). */
export function periodKey(date: string, interval: string): string {
  if (interval === 'day') return date;
  if (interval === 'month') return date.slice(0, 7) + '-01';
  const d = new Date(date + 'T00:00:00Z');
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

function periodRange(key: string, interval: string): [string, string] | null {
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(key)) return null;
  if (key.length === 7) key += '-01';
  const d = new Date(key + 'T00:00:00Z');
  const end = new Date(d);
  if (interval === 'day') return [key, key];
  if (interval === 'week') end.setUTCDate(end.getUTCDate() + 6);
  else {
    end.setUTCMonth(end.getUTCMonth() + 1);
    end.setUTCDate(0);
  }
  return [key, end.toISOString().slice(0, 10)];
}

function inDyad(e: Event, a: string, b: string): boolean {
  return (e.source.startsWith(a) && e.target.startsWith(b)) || (e.source.startsWith(b) && e.target.startsWith(a));
}

async function dyadSeries(a: string, b: string, filters: Record<string, string>, interval: string) {
  const byKey = new Map<string, { count: number; gold: number }>();
  let cursor: string | undefined;
  let read = 0;
  let matched = 0;
  do {
    const page = await api.events({ ...filters, actor: a, sort: 'date', limit: dyadPage, cursor });
    for (const e of page.events) {
      read++;
      if (!inDyad(e, a, b)) continue;
      matched++;
      const k = periodKey(e.date, interval);
      const v = byKey.get(k) ?? { count: 0, gold: 0 };
      v.count++;
      v.gold += e.goldstein;
      byKey.set(k, v);
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor && read < dyadCap);
  const points = [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([date, v]) => ({ date, count: v.count, goldstein: v.gold / v.count }));
  return { points, read, matched, capped: !!cursor };
}
