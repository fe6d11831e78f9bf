// Unit tests of the interface's pure functions, run with `npm test`
// (esbuild bundles them for node's test runner). The browser tests in
// internal/server/e2e cover the pages.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byline, errorText, httpURL } from '../src/dom';
import { eventKeys } from '../src/events';
import { periodKey } from '../src/pages/timeline';
import { href, parseHash } from '../src/route';
import { ByteIndex } from '../src/utf8';

/** byteOffsetOf returns the UTF-8 byte offset of s's UTF-16 index i. */
function byteOffsetOf(s: string, i: number): number {
  return new TextEncoder().encode(s.slice(0, i)).length;
}

test('ByteIndex maps every character start', () => {
  const cases = ['plain ASCII', 'Türkiye’s Erdoğan', '🌍 Earth and 🇹🇷 flag', 'mixed é€𝄞 end', ''];
  for (const text of cases) {
    const idx = new ByteIndex(text);
    assert.equal(idx.byteLength, new TextEncoder().encode(text).length, text);
    for (let i = 0; i <= text.length; i++) {
      const c = text.charCodeAt(i - 1);
      if (i > 0 && c >= 0xd800 && c <= 0xdbff) continue; // inside a surrogate pair
      assert.equal(idx.unit(byteOffsetOf(text, i)), i, `${JSON.stringify(text)} index ${i}`);
    }
  }
});

test('ByteIndex slices by byte offsets', () => {
  const cases: [string, number, number, string][] = [
    ['Türkiye’s President', 0, 12, 'Türkiye’s'],
    ['🌍 Türkiye accused Greece', 5, 13, 'Türkiye'],
    ['a€b', 1, 4, '€'],
    ['abc', 1, 99, 'bc'],
    ['abc', -5, 1, 'a'],
  ];
  for (const [text, start, end, want] of cases) assert.equal(new ByteIndex(text).slice(start, end), want, `${text} ${start}:${end}`);
});

test('ByteIndex maps an offset inside a character to its start', () => {
  const idx = new ByteIndex('a€b'); // € is bytes 1..3
  assert.equal(idx.unit(2), 1);
  assert.equal(idx.unit(3), 1);
  assert.equal(idx.unit(4), 2);
});

test('ByteIndex counts a lone surrogate as U+FFFD (3 bytes)', () => {
  const text = 'a\ud800b';
  const idx = new ByteIndex(text);
  assert.equal(idx.byteLength, new TextEncoder().encode(text).length);
  assert.equal(idx.unit(4), 2);
});

test('routes round-trip through href and parseHash', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['explore', {}, ''],
    ['explore', { actor: 'RUS', q: 'cease fire & talks', sort: '-date' }, ''],
    ['article', {}, 'u998242a776fd0b39c449c1e6'],
    ['article', { x: '1' }, 'id/with?odd#chars'],
  ];
  for (const [name, params, arg] of cases) {
    const r = parseHash(href(name, params, arg));
    assert.deepEqual(r, { name, arg, params }, href(name, params, arg));
  }
  assert.deepEqual(parseHash(''), { name: 'explore', arg: '', params: {} });
  assert.deepEqual(parseHash('#/article/%E0%A4%A'), { name: 'article', arg: '%E0%A4%A', params: {} });
});

test('periodKey gives the first day of the period', () => {
  const cases: [string, string, string][] = [
    ['2023-05-14', 'day', '2023-05-14'],
    ['2023-05-14', 'month', '2023-05-01'],
    ['2023-05-14', 'week', '2023-05-08'], // a Sunday: the week began on Monday the 8th
    ['2023-05-08', 'week', '2023-05-08'],
    ['2024-01-03', 'week', '2024-01-01'],
    ['2023-01-01', 'week', '2022-12-26'],
  ];
  for (const [date, interval, want] of cases) assert.equal(periodKey(date, interval), want, `${date} ${interval}`);
});

test('eventKeys tells repeated events apart', () => {
  const ev = (id: number) => ({ id, source: '', target: '', code: '' });
  assert.deepEqual(eventKeys([ev(50), ev(53), ev(53), ev(54), ev(53)]), ['50', '53', '53.2', '54', '53.3']);
  assert.deepEqual(eventKeys([ev(0), ev(0)]), ['1', '2']);
});

test('httpURL keeps http(s) addresses only', () => {
  const cases: [string | undefined, string][] = [
    ['https://news.example/a?b=1', 'https://news.example/a?b=1'],
    ['http://news.example/', 'http://news.example/'],
    ['HTTPS://NEWS.EXAMPLE/x', 'https://news.example/x'],
    ['javascript:alert(1)', ''],
    [' JavaScript:alert(document.cookie)', ''],
    ['java\tscript:alert(1)', ''],
    ['data:text/html,<script>alert(1)</script>', ''],
    ['vbscript:msgbox', ''],
    ['file:///etc/passwd', ''],
    ['//news.example/a', ''],
    ['not a url', ''],
    ['', ''],
    [undefined, ''],
  ];
  for (const [url, want] of cases) assert.equal(httpURL(url), want, String(url));
});

test('byline has no separator in front and links only http(s)', () => {
  const text = (ps: ReturnType<typeof byline>) => ps.map((p) => p.text).join('');
  assert.equal(text(byline('Reuters', '2024-05-10T00:00:00Z', 'https://r.example/a')), 'Reuters · 2024-05-10 · https://r.example/a');
  assert.equal(text(byline('', '', 'https://r.example/a')), 'https://r.example/a');
  assert.equal(text(byline(undefined, '2024-05-10', '')), '2024-05-10');
  assert.deepEqual(byline('', '', ''), []);
  const evil = byline('', '', 'javascript:alert(1)');
  assert.deepEqual(evil, [{ text: 'javascript:alert(1)' }]);
  assert.equal(byline('X', '', 'https://r.example/a').at(-1)?.href, 'https://r.example/a');
});

test('errorText names the parameter once', () => {
  assert.equal(errorText('quad: want 1 to 4, not 5', 'quad'), 'quad: want 1 to 4, not 5');
  assert.equal(errorText('want 1 to 4, not 5', 'quad'), 'quad: want 1 to 4, not 5');
  assert.equal(errorText('quadrant missing', 'quad'), 'quad: quadrant missing');
  assert.equal(errorText('cannot reach the server', undefined), 'cannot reach the server');
});
