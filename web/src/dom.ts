// Small DOM helpers. Text always goes in as text nodes, never as HTML, so
// article text and API strings cannot inject markup.

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** h creates an element with attributes (on* keys become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2), v);
      } else if (k === 'class') {
        el.className = String(v);
      } else if (v === true) {
        el.setAttribute(k, '');
      } else {
        el.setAttribute(k, String(v));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]) {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c === null || c === undefined || c === false) continue;
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

const svgNS = 'http://www.w3.org/2000/svg';

/** s creates an SVG element with attributes and children. */
export function s(tag: string, attrs?: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(svgNS, tag) as SVGElement;
  if (attrs) for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** errorBox shows a failed request. */
export function errorBox(e: unknown): HTMLElement {
  const err = e as { message?: string; param?: string };
  return h('div', { class: 'error', role: 'alert' }, err.param ? `${err.param}: ` : '', err.message ?? String(e));
}

/** fmtNum formats a number with at most digits decimals. */
export function fmtNum(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

export const quadNames: Record<number, string> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};
