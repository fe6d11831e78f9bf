// A dependency tree drawn as SVG arcs above the words: each arc goes from
// the head to its dependent (arrow at the dependent) with the relation as
// its label; the root gets a vertical arrow.

import type { Token } from './api';
import { s } from './dom';

const font = '13px system-ui, sans-serif';
const gap = 18;
const level = 26;

let ctx: CanvasRenderingContext2D | null = null;

function width(text: string): number {
  ctx ??= document.createElement('canvas').getContext('2d');
  if (!ctx) return text.length * 7.5;
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** tree draws the tokens of one sentence; ids are 1-based and head 0 is the root. */
export function tree(tokens: Token[], sentence: number): SVGElement {
  const xs: number[] = [];
  let x = 10;
  for (const t of tokens) {
    const w = Math.max(width(t.form), width(t.upos), 14);
    xs.push(x + w / 2);
    x += w + gap;
  }
  const byId = new Map<number, number>();
  tokens.forEach((t, i) => byId.set(t.id, i));
  // Arc heights: an arc sits above every arc it spans.
  const arcs = tokens
    .map((t, i) => ({ dep: i, head: t.head > 0 ? byId.get(t.head) : undefined, rel: t.deprel }))
    .filter((a): a is { dep: number; head: number; rel: string } => a.head !== undefined)
    .sort((a, b) => Math.abs(a.dep - a.head) - Math.abs(b.dep - b.head));
  const heights: number[] = [];
  arcs.forEach((a, k) => {
    const lo = Math.min(a.dep, a.head);
    const hi = Math.max(a.dep, a.head);
    let hgt = 1;
    for (let j = 0; j < k; j++) {
      const b = arcs[j];
      if (Math.min(b.dep, b.head) >= lo && Math.max(b.dep, b.head) <= hi) hgt = Math.max(hgt, heights[j] + 1);
    }
    heights.push(hgt);
  });
  const top = (Math.max(1, ...heights) + 1) * level + 10;
  const base = top;
  const svg = s('svg', { class: 'deptree', 'data-sentence': sentence, width: Math.ceil(x), height: base + 44, viewBox: `0 0 ${Math.ceil(x)} ${base + 44}`, role: 'img', 'aria-label': `dependency tree of sentence ${sentence}` });
  svg.append(s('defs', {}, s('marker', { id: `arrow-${sentence}`, viewBox: '0 0 10 10', refX: '5', refY: '9', markerWidth: '6', markerHeight: '6', orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,0 L5,10 z', class: 'arrowhead' }))));
  arcs.forEach((a, k) => {
    const x1 = xs[a.head];
    const x2 = xs[a.dep];
    const y = base - 4;
    const hy = y - heights[k] * level;
    const dir = x2 > x1 ? 1 : -1;
    const sx = x1 + dir * 3;
    const ex = x2 - dir * 3;
    svg.append(
      s('path', { class: 'arc', 'data-dep': tokens[a.dep].id, 'data-head': tokens[a.head].id, d: `M${sx},${y} C${sx},${hy} ${ex},${hy} ${ex},${y}`, 'marker-end': `url(#arrow-${sentence})` }),
      s('text', { class: 'deprel', x: (sx + ex) / 2, y: y - heights[k] * level * 0.75 - 3, 'text-anchor': 'middle' }, a.rel),
    );
  });
  tokens.forEach((t, i) => {
    if (t.head === 0) {
      svg.append(
        s('path', { class: 'arc root', 'data-dep': t.id, 'data-head': 0, d: `M${xs[i]},6 L${xs[i]},${base - 4}`, 'marker-end': `url(#arrow-${sentence})` }),
        s('text', { class: 'deprel', x: xs[i] + 4, y: 14 }, t.deprel || 'root'),
      );
    }
    svg.append(
      s('text', { class: 'form', x: xs[i], y: base + 16, 'text-anchor': 'middle' }, t.form),
      s('text', { class: 'upos', x: xs[i], y: base + 34, 'text-anchor': 'middle' }, s('title', {}, t.lemma), t.upos),
    );
  });
  return svg;
}
