// Routes are location hashes: #/name/arg?params. The URL holds all of a
// page's state, so every view can be linked and reloaded.

/** A Route is a parsed location hash. */
export interface Route {
  name: string;
  arg: string;
  params: Record<string, string>;
}

export function parseHash(hash: string): Route {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.startsWith('/')) raw = raw.slice(1);
  const qi = raw.indexOf('?');
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const params: Record<string, string> = {};
  if (qi >= 0) new URLSearchParams(raw.slice(qi + 1)).forEach((v, k) => (params[k] = v));
  const slash = path.indexOf('/');
  const name = slash >= 0 ? path.slice(0, slash) : path;
  let arg = '';
  if (slash >= 0) {
    try {
      arg = decodeURIComponent(path.slice(slash + 1));
    } catch {
      arg = path.slice(slash + 1);
    }
  }
  return { name: name || 'explore', arg, params };
}

/** href builds a hash link to a page with parameters. */
export function href(name: string, params: Record<string, string | undefined> = {}, arg = ''): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const qs = q.toString();
  return `#/${name}${arg ? '/' + encodeURIComponent(arg) : ''}${qs ? '?' + qs : ''}`;
}

/** navigate changes the route; a route equal to the current one renders again. */
export function navigate(name: string, params: Record<string, string | undefined> = {}, arg = '') {
  const target = href(name, params, arg);
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

let leaving: (() => void)[] = [];

/** onLeave registers fn to run when the current page is replaced. */
export function onLeave(fn: () => void) {
  leaving.push(fn);
}

/** leave runs and forgets the onLeave callbacks of the current page. */
export function leave() {
  const fns = leaving;
  leaving = [];
  for (const fn of fns) fn();
}
