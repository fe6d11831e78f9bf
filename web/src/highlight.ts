// Highlighting of event spans in text: each event's source, target and
// verb become <mark> elements (classes span-source, span-target,
// span-verb) carrying the ids of the events they belong to in data-source,
// data-target and data-verb, so overlapping spans of several events stay
// readable and testable.

import type { ByteSpan, SpannedEvent } from './api';
import { h } from './dom';
import { ByteIndex } from './utf8';

export type Role = 'source' | 'target' | 'verb';
const roles: Role[] = ['source', 'target', 'verb'];

interface Mark {
  start: number; // UTF-16 indexes
  end: number;
  role: Role;
  key: string;
}

/**
 * highlight renders text[from:to] (byte offsets) with the spans of events
 * that fall inside it. key names each event in the data attributes.
 */
export function highlight(idx: ByteIndex, from: number, to: number, events: SpannedEvent[], key: (e: SpannedEvent, i: number) => string): Node[] {
  const lo = idx.unit(from);
  const hi = idx.unit(to);
  const marks: Mark[] = [];
  events.forEach((e, i) => {
    if (!e.spans) return;
    for (const r of roles) {
      const sp: ByteSpan | null | undefined = e.spans[r];
      if (!sp || sp.start < 0 || sp.end <= sp.start) continue;
      const a = Math.max(idx.unit(sp.start), lo);
      const b = Math.min(idx.unit(sp.end), hi);
      if (a < b) marks.push({ start: a, end: b, role: r, key: key(e, i) });
    }
  });
  const cuts = new Set<number>([lo, hi]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Node[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const text = idx.text.slice(a, b);
    const on = marks.filter((m) => m.start <= a && m.end >= b);
    if (on.length === 0) {
      out.push(document.createTextNode(text));
      continue;
    }
    const byRole: Record<Role, string[]> = { source: [], target: [], verb: [] };
    for (const m of on) if (!byRole[m.role].includes(m.key)) byRole[m.role].push(m.key);
    const classes = roles.filter((r) => byRole[r].length > 0).map((r) => 'span-' + r);
    out.push(
      h(
        'mark',
        {
          class: classes.join(' '),
          'data-source': byRole.source.join(' ') || null,
          'data-target': byRole.target.join(' ') || null,
          'data-verb': byRole.verb.join(' ') || null,
          title: roles
            .filter((r) => byRole[r].length > 0)
            .map((r) => `${r} of event ${byRole[r].join(', ')}`)
            .join('; '),
        },
        text,
      ),
    );
  }
  return out;
}

/** spanText returns the text of an event's span, '' when absent. */
export function spanText(idx: ByteIndex, sp: ByteSpan | null | undefined): string {
  if (!sp || sp.start < 0 || sp.end <= sp.start) return '';
  return idx.slice(sp.start, sp.end);
}

/** legend explains the highlight colours. */
export function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend' },
    h('mark', { class: 'span-source' }, 'source'),
    ' ',
    h('mark', { class: 'span-verb' }, 'verb'),
    ' ',
    h('mark', { class: 'span-target' }, 'target'),
  );
}
