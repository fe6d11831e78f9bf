// Client for the eventwire HTTP API (docs/serve.md; contract in the
// server's openapi.json). Every function throws an ApiError carrying the
// server's message and the offending parameter when the request fails.

export interface Place {
  name: string;
  country: string;
  lat: number;
  lon: number;
}

export interface Event {
  id: number;
  date: string;
  source: string;
  source_name: string;
  target: string;
  target_name: string;
  code: string;
  code_name: string;
  root: string;
  quad: number;
  goldstein: number;
  num_mentions: number;
  num_sources: number;
  num_articles: number;
  is_root: boolean;
  place: Place | null;
  article_id: string;
  url: string;
  sentence: string;
  historical: boolean;
}

/** A byte range into UTF-8 text. */
export interface ByteSpan {
  start: number;
  end: number;
}

export interface Spans {
  source: ByteSpan | null;
  target: ByteSpan | null;
  verb: ByteSpan | null;
}

/** An event as the article and code endpoints return it: with its spans and rule. */
export interface SpannedEvent extends Partial<Event> {
  source: string;
  target: string;
  code: string;
  sentence_index?: number;
  spans?: Spans | null;
  rule?: string;
  negated?: boolean;
  reported?: boolean;
}

export interface EventPage {
  events: Event[];
  next_cursor: string | null;
}

export interface SeriesPoint {
  date: string;
  count: number;
  /** null for a period without a score */
  goldstein: number | null;
  tone?: number | null;
}

export interface Series {
  interval: string;
  points: SeriesPoint[];
}

export interface CountryCount {
  iso3: string;
  numeric: string;
  name: string;
  count: number;
  goldstein: number;
}

/** A place with its events; lat and lon are null for a place without coordinates. */
export interface PlaceCount {
  name: string;
  country: string;
  lat: number | null;
  lon: number | null;
  count: number;
  goldstein: number;
}

export interface Dyad {
  source: string;
  target: string;
  count: number;
  goldstein: number;
}

export interface ArticleSummary {
  id: string;
  title: string;
  source: string;
  published: string;
  events: number;
}

export interface Entity {
  text: string;
  type: string;
  start: number;
  end: number;
  sentence: number;
  canonical?: string;
  actor?: string;
}

export interface Knowledge {
  entities?: Entity[] | null;
  locations?: { text?: string; name?: string; offset?: number; geo?: { full_name?: string; country_iso?: string } | null; [k: string]: unknown }[] | null;
  themes?: { theme: string; text?: string; offset?: number }[] | null;
  tone?: { tone: number; positive: number; negative: number; polarity: number; activity: number; self_group: number; word_count: number } | null;
  quotations?: { quote: string; verb?: string; speaker?: string; actor?: string; offset?: number }[] | null;
  dates?: { resolution: number; year: number; month: number; day: number; text?: string }[] | null;
  counts?: { type: string; number: number; object: string; approx?: string }[] | null;
  [k: string]: unknown;
}

export interface ArticleView {
  article: { id: string; title: string; url: string; source: string; published: string; text: string };
  sentences: ByteSpan[];
  events: SpannedEvent[];
  knowledge: Knowledge | null;
}

export interface Token {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  head: number;
  deprel: string;
  start: number;
  end: number;
}

export interface CodeResult {
  events: SpannedEvent[];
  sentences: { text: string; tokens: Token[] }[];
  explain: string;
}

export interface Health {
  status: string;
  version: string;
  events: number;
  articles: number;
}

/** ApiError is a failed request: the HTTP status and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

/** The filter parameters shared by the list and aggregate endpoints. */
export const filterKeys = ['actor', 'country', 'code', 'quad', 'from', 'to', 'theme', 'place', 'q'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** query builds a query string from the non-empty values of params. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** pickFilters keeps the filter parameters of p. */
export function pickFilters(p: Record<string, string | undefined>): Filters {
  const f: Filters = {};
  for (const k of filterKeys) {
    const v = p[k];
    if (v) f[k] = v;
  }
  return f;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `cannot reach the server: ${(e as Error).message}`);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, `${path}: not JSON (HTTP ${res.status})`);
  }
  if (!res.ok) {
    const b = (body ?? {}) as { error?: string; param?: string };
    throw new ApiError(res.status, b.error ?? `HTTP ${res.status}`, b.param);
  }
  return body as T;
}

export const api = {
  health: () => request<Health>('/api/health'),
  events: (p: Record<string, string | number | undefined>) => request<EventPage>('/api/events' + query(p)),
  eventsCSV: (p: Record<string, string | number | undefined>) => '/api/events' + query({ ...p, format: 'csv' }),
  series: (p: Record<string, string | number | undefined>) => request<Series>('/api/series' + query(p)),
  countries: (p: Filters) => request<{ countries: CountryCount[] }>('/api/countries' + query(p)),
  places: (p: Record<string, string | number | undefined>) => request<{ places: PlaceCount[] }>('/api/places' + query(p)),
  dyads: (p: Record<string, string | number | undefined>) => request<{ dyads: Dyad[] }>('/api/dyads' + query(p)),
  articles: (p: Record<string, string | number | undefined>) =>
    request<{ articles: ArticleSummary[] }>('/api/articles' + query(p)),
  article: (id: string) => request<ArticleView>('/api/articles/' + encodeURIComponent(id)),
  code: (text: string, date: string) =>
    request<CodeResult>('/api/code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(date ? { text, date } : { text }),
    }),
};
