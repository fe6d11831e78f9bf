// The eventwire web interface: a hash router over five pages (explore,
// timeline, map, article, code). Each page renders into #app from its
// route (see route.ts).

import './style.css';
import { api } from './api';
import { errorBox, h } from './dom';
import { articlePage } from './pages/article';
import { codePage } from './pages/code';
import { explorePage } from './pages/explore';
import { mapPage } from './pages/map';
import { timelinePage } from './pages/timeline';
import { leave, parseHash, type Route } from './route';

/** A Page renders route r into root; the promise ends when its data is shown. */
type Page = (root: HTMLElement, r: Route) => Promise<void> | void;

const pages: Record<string, Page> = {
  explore: explorePage,
  timeline: timelinePage,
  map: mapPage,
  article: articlePage,
  code: codePage,
};

let generation = 0;

async function render() {
  const gen = ++generation;
  const r = parseHash(location.hash);
  const page = pages[r.name];
  leave();
  const app = document.getElementById('app')!;
  app.replaceChildren();
  app.dataset.page = r.name;
  delete app.dataset.ready;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    a.classList.toggle('active', a.dataset.route === r.name);
  }
  if (!page) {
    app.append(errorBox(new Error(`no page ${r.name}: see the menu above`)));
    app.dataset.ready = 'error';
    return;
  }
  const root = h('section', { class: 'page page-' + r.name });
  app.append(root);
  const loading = h('p', { class: 'loading' }, 'Loading…');
  app.append(loading);
  try {
    await page(root, r);
    // data-ready tells a reader (and the browser tests) that the page's
    // first data is on screen.
    if (gen === generation) app.dataset.ready = 'ok';
  } catch (e) {
    if (gen === generation) {
      root.append(errorBox(e));
      app.dataset.ready = 'error';
    }
  } finally {
    loading.remove();
  }
}

async function showHealth() {
  const el = document.getElementById('health')!;
  try {
    const hl = await api.health();
    el.textContent = `${hl.events.toLocaleString()} events · ${hl.articles.toLocaleString()} articles · ${hl.version}`;
  } catch (e) {
    el.textContent = 'server unreachable';
    el.classList.add('bad');
  }
}

window.addEventListener('hashchange', () => void render());
void render();
void showHealth();
