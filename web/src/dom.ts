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
  return h('div', { class: 'error', role: 'alert' }, errorText(err.message ?? String(e), err.param));
}

/**
 * errorText is the message of a failed request with the parameter it names
 * in front, unless the message starts with it already (the server's do:
 * "quad: want 1 to 4", not "quad: quad: want 1 to 4").
 */
export function errorText(message: string, param?: string): string {
  if (!param || message === param || message.startsWith(param + ':')) return message;
  return `${param}: ${message}`;
}

/**
 * httpURL returns the address url names when it is an absolute http or
 * https URL, else '': an article's address comes from the page or feed it
 * was read from, and a javascript: or data: address must never become a
 * link.
 */
export function httpURL(url: string | null | undefined): string {
  if (!url) return '';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '';
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
}

/** BylinePart is a piece of an article's byline: text, or a link. */
export interface BylinePart {
  text: string;
  href?: string;
}

/**
 * byline lists the source, the publication day and the address of an
 * article, ' · ' between those present (none in front when the first are
 * missing); the address is a link only when it is http(s), text otherwise.
 */
export function byline(source?: string | null, published?: string | null, url?: string | null): BylinePart[] {
  const parts: BylinePart[] = [];
  const head = [source ?? '', published ? published.slice(0, 10) : ''].filter(Boolean).join(' · ');
  if (head) parts.push({ text: head });
  if (url) {
    if (head) parts.push({ text: ' · ' });
    const link = httpURL(url);
    parts.push(link ? { text: url, href: link } : { text: url });
  }
  return parts;
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
