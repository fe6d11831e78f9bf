package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrations are applied in order, each once; the table schema_version
// holds the number applied. Never edit one that has shipped: append a new
// one. The tables mirror the SQLite store's (store/sqlite/schema.go) so that
// both answer the same queries the same way; the differences are
// PostgreSQL's types (timestamptz, boolean, bytea for the article text,
// whose sentence ranges are byte offsets), identity columns, and a
// tsvector column with a GIN index instead of an FTS5 table.
var migrations = []string{
	// 1: articles, copies, near-duplicate bands, sentences with full-text
	// index, events, mentions, ingest runs and skipped inputs.
	`
CREATE TABLE articles (
	id            text COLLATE "C" PRIMARY KEY,
	canonical_url text,
	url           text,
	title         text,
	source        text,
	published     timestamptz,
	text          bytea NOT NULL,
	simhash       bigint NOT NULL,
	words         integer NOT NULL,
	ingested      timestamptz NOT NULL,
	tone          double precision,
	knowledge     json
);
-- Most recent first: the article listing.
CREATE INDEX articles_recent ON articles((coalesce(published, ingested)), id);
-- One row per theme an article's knowledge names, with the number of its
-- mentions; keyed by theme for the theme filter.
CREATE TABLE article_themes (
	theme      text COLLATE "C" NOT NULL,
	article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
	n          integer NOT NULL,
	PRIMARY KEY (theme, article_id)
);
CREATE INDEX article_themes_article ON article_themes(article_id);
CREATE TABLE copies (
	id         text COLLATE "C" PRIMARY KEY,
	article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
	url        text,
	source     text,
	published  timestamptz,
	origin     text,
	run_id     text,
	seen       timestamptz NOT NULL,
	seq        bigint GENERATED ALWAYS AS IDENTITY -- the order copies were stored in
);
CREATE INDEX copies_article ON copies(article_id);
-- One row per band of an article's SimHash, keyed by band and publication
-- day (days since 1970) and carrying the whole hash, so a lookup reads a
-- few days of one index.
CREATE TABLE simhash_bands (
	key        bigint NOT NULL,
	day        integer NOT NULL,
	article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
	simhash    bigint NOT NULL,
	PRIMARY KEY (key, day, article_id)
);
CREATE TABLE sentences (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
	n          integer NOT NULL,
	start_byte integer NOT NULL,
	end_byte   integer NOT NULL,
	tsv        tsvector NOT NULL,
	UNIQUE (article_id, n)
);
CREATE INDEX sentences_tsv ON sentences USING gin (tsv);
CREATE TABLE events (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source        text COLLATE "C" NOT NULL,
	target        text COLLATE "C" NOT NULL,
	base          text COLLATE "C" NOT NULL,
	code          text COLLATE "C" NOT NULL,
	quad          integer NOT NULL,
	goldstein     double precision NOT NULL,
	day           integer NOT NULL,
	place         text COLLATE "C" NOT NULL,
	place_name    text NOT NULL,
	country       text COLLATE "C" NOT NULL,
	country_fips  text COLLATE "C" NOT NULL,
	source_name   text NOT NULL,
	target_name   text NOT NULL,
	first_seen    timestamptz NOT NULL,
	is_root       boolean NOT NULL,
	num_mentions  integer NOT NULL DEFAULT 0,
	num_sources   integer NOT NULL DEFAULT 0,
	num_articles  integer NOT NULL DEFAULT 0,
	first_mention bigint,
	tone          double precision
);
-- The matcher's lookup, and top dyads (covering: index-only scans).
CREATE INDEX events_key ON events(source, target, base, day) INCLUDE (place, goldstein, num_mentions);
CREATE INDEX events_target ON events(target, day);
CREATE INDEX events_code ON events(code, day);
-- Series with tone, average Goldstein, places and countries in a date range (covering).
CREATE INDEX events_day ON events(day) INCLUDE (goldstein, num_mentions, quad, place, tone, country);
-- Countries over all dates (covering).
CREATE INDEX events_country ON events(country, day) INCLUDE (goldstein, num_mentions);
CREATE INDEX events_country_fips ON events(country_fips, day);
CREATE INDEX events_place ON events(place, day) INCLUDE (goldstein, num_mentions);
-- Action places by feature id: full name, name before the first comma,
-- country and coordinates, for the place filter and top places.
CREATE TABLE places (
	id      text COLLATE "C" PRIMARY KEY,
	name    text NOT NULL,
	short   text NOT NULL,
	country text NOT NULL,
	lat     double precision,
	lon     double precision
);
CREATE INDEX places_name ON places(lower(name));
CREATE INDEX places_short ON places(lower(short));
CREATE TABLE mentions (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	event_id    bigint NOT NULL REFERENCES events(id),
	article_id  text COLLATE "C" NOT NULL REFERENCES articles(id),
	copy_id     text COLLATE "C" NOT NULL REFERENCES copies(id),
	sentence_id bigint,
	source_name text,
	confidence  integer NOT NULL,
	seen        timestamptz NOT NULL,
	of_mention  bigint REFERENCES mentions(id),
	data        json
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_sentence ON mentions(sentence_id);
CREATE TABLE runs (
	id        text PRIMARY KEY,
	started   timestamptz NOT NULL,
	updated   timestamptz NOT NULL,
	args      text,
	new       bigint NOT NULL DEFAULT 0,
	duplicate bigint NOT NULL DEFAULT 0,
	already   bigint NOT NULL DEFAULT 0,
	events    bigint NOT NULL DEFAULT 0,
	mentions  bigint NOT NULL DEFAULT 0,
	skipped   bigint NOT NULL DEFAULT 0
);
CREATE TABLE skips (
	run_id  text NOT NULL,
	origin  text NOT NULL,
	reason  text NOT NULL,
	message text,
	PRIMARY KEY (run_id, origin)
);
`,
	// 2: the themes of each event (of the articles that reported it), so
	// that the theme filter reads one index range instead of joining
	// articles to mentions; indexes for the goldstein and mentions sort
	// orders.
	`
CREATE TABLE event_themes (
	theme    text COLLATE "C" NOT NULL,
	event_id bigint NOT NULL REFERENCES events(id),
	PRIMARY KEY (theme, event_id)
);
INSERT INTO event_themes(theme, event_id)
	SELECT DISTINCT t.theme, m.event_id FROM article_themes t JOIN mentions m ON m.article_id = t.article_id;
CREATE INDEX events_goldstein ON events(goldstein, id);
CREATE INDEX events_mentions ON events(num_mentions, id);
`,
	// 3: each event's themes as a bit set for the first 63 themes stored
	// (event_themes keeps every theme), in the covering indexes with the
	// event id, so that the theme filter is a test on index columns
	// whatever the theme's frequency.
	`
CREATE TABLE theme_bits (
	theme text COLLATE "C" PRIMARY KEY,
	bit   integer NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 62)
);
ALTER TABLE events ADD COLUMN themes bigint NOT NULL DEFAULT 0;
` + themeBitsBackfill + `
DROP INDEX events_key;
CREATE INDEX events_key ON events(source, target, base, day) INCLUDE (place, goldstein, num_mentions, themes, id);
DROP INDEX events_day;
CREATE INDEX events_day ON events(day) INCLUDE (goldstein, num_mentions, quad, place, tone, country, themes, id);
DROP INDEX events_country;
CREATE INDEX events_country ON events(country, day) INCLUDE (goldstein, num_mentions, themes, id);
DROP INDEX events_place;
CREATE INDEX events_place ON events(place, day) INCLUDE (goldstein, num_mentions, themes, id);
`,
	// 4: each event's coded confidence (event.Event.Confidence, 0–1), as
	// in the SQLite store's migration 9: the highest of its original
	// mentions', NULL (unknown, matched by no confidence filter) when
	// none carried one. Not the GDELT mention confidence.
	`
ALTER TABLE events ADD COLUMN event_confidence double precision;
UPDATE events e SET event_confidence = x.c
	FROM (SELECT event_id, max(least((data->>'confidence')::float8, 1)) AS c FROM mentions
		WHERE data IS NOT NULL AND (data->>'confidence')::float8 > 0 GROUP BY event_id) x
	WHERE e.id = x.event_id;
`,
	// 5: the rollups of the SQLite store (its migrations 5, 7 and 10),
	// kept by every write (writeplan.Rollups): sums per day and action
	// country (series, Goldstein figures and countries filtered on dates
	// and country only) and per day, quad class and country (countries
	// of a quad class), per place and per dyad over all dates (the
	// unfiltered top places and dyads), per month and place (top places
	// over date ranges: the whole months from these, the days at either
	// end from the day index) and, per dyad, its sums by month as
	// cumulative arrays (dyadseries.go: the whole months of a range are
	// two subscripts per dyad; the days at either end from the day index,
	// which covers the dyad). Indexes that begin with the source and the target and
	// cover what aggregations read, so that an aggregation of an actor
	// code is an index-only scan of each side.
	`
CREATE TABLE event_rollup (
	day       integer NOT NULL,
	country   text COLLATE "C" NOT NULL,
	events    bigint NOT NULL,
	mentions  bigint NOT NULL,
	goldstein double precision NOT NULL, -- sum of the events' Goldstein values
	gm        double precision NOT NULL, -- sum of Goldstein × mentions
	tone_n    bigint NOT NULL,           -- events with a tone
	tone      double precision NOT NULL, -- sum of their tones
	PRIMARY KEY (day, country)
);
INSERT INTO event_rollup(day, country, events, mentions, goldstein, gm, tone_n, tone)
	SELECT day, country, count(*), sum(num_mentions), sum(goldstein), sum(goldstein * num_mentions), count(tone), coalesce(sum(tone), 0)
	FROM events WHERE num_mentions > 0 GROUP BY day, country;
CREATE INDEX event_rollup_country ON event_rollup(country, day);
CREATE TABLE quad_rollup (
	day       integer NOT NULL,
	quad      integer NOT NULL,
	country   text COLLATE "C" NOT NULL,
	events    bigint NOT NULL,
	mentions  bigint NOT NULL,
	goldstein double precision NOT NULL,
	PRIMARY KEY (day, quad, country)
);
INSERT INTO quad_rollup(day, quad, country, events, mentions, goldstein)
	SELECT day, quad, country, count(*), sum(num_mentions), sum(goldstein) FROM events WHERE num_mentions > 0 GROUP BY day, quad, country;
CREATE TABLE place_totals (
	place     text COLLATE "C" PRIMARY KEY,
	events    bigint NOT NULL,
	mentions  bigint NOT NULL,
	goldstein double precision NOT NULL
);
INSERT INTO place_totals(place, events, mentions, goldstein)
	SELECT place, count(*), sum(num_mentions), sum(goldstein) FROM events WHERE num_mentions > 0 AND place != '' GROUP BY place;
CREATE TABLE dyad_totals (
	source    text COLLATE "C" NOT NULL,
	target    text COLLATE "C" NOT NULL,
	events    bigint NOT NULL,
	mentions  bigint NOT NULL,
	goldstein double precision NOT NULL,
	PRIMARY KEY (source, target)
);
INSERT INTO dyad_totals(source, target, events, mentions, goldstein)
	SELECT source, target, count(*), sum(num_mentions), sum(goldstein) FROM events WHERE num_mentions > 0 GROUP BY source, target;
CREATE TABLE place_months (
	month     integer NOT NULL, -- year×12 + month − 1
	place     text COLLATE "C" NOT NULL,
	events    bigint NOT NULL,
	mentions  bigint NOT NULL,
	goldstein double precision NOT NULL,
	PRIMARY KEY (month, place)
);
INSERT INTO place_months(month, place, events, mentions, goldstein)
	SELECT ` + monthOfDay + `, place, count(*), sum(num_mentions), sum(goldstein)
	FROM events WHERE num_mentions > 0 AND place != '' GROUP BY 1, 2;
CREATE TABLE dyad_series (
	source      text COLLATE "C" NOT NULL,
	target      text COLLATE "C" NOT NULL,
	first_month integer NOT NULL,            -- the month of the first element (none: the arrays are empty)
	events      bigint[] NOT NULL,           -- events from first_month to each month, cumulative
	mentions    bigint[] NOT NULL,
	goldstein   double precision[] NOT NULL,
	PRIMARY KEY (source, target)
);
INSERT INTO dyad_series(source, target, first_month, events, mentions, goldstein)
	WITH dm AS MATERIALIZED (SELECT ` + monthOfDay + ` AS month, source, target, count(*) AS n, sum(num_mentions) AS m, sum(goldstein) AS g
		FROM events WHERE num_mentions > 0 GROUP BY 1, 2, 3)
	SELECT source, target, lo, array_agg(cn ORDER BY month), array_agg(cm ORDER BY month), array_agg(cg ORDER BY month) FROM (
		SELECT g.source, g.target, g.lo, g.month,
			sum(coalesce(d.n, 0)) OVER w AS cn, sum(coalesce(d.m, 0)) OVER w AS cm, sum(coalesce(d.g, 0)) OVER w AS cg
		FROM (SELECT b.source, b.target, b.lo, m AS month
			FROM (SELECT source, target, min(month) AS lo, max(month) AS hi FROM dm GROUP BY 1, 2) b, generate_series(b.lo, b.hi) m) g
		LEFT JOIN dm d ON d.source = g.source AND d.target = g.target AND d.month = g.month
		WINDOW w AS (PARTITION BY g.source, g.target ORDER BY g.month)) c
	GROUP BY source, target, lo;
CREATE INDEX events_source ON events(source, day) INCLUDE (target, code, quad, goldstein, num_mentions, tone, place, country, themes, id);
DROP INDEX events_target;
CREATE INDEX events_target ON events(target, day) INCLUDE (source, code, quad, goldstein, num_mentions, tone, place, country, themes, id);
DROP INDEX events_day;
CREATE INDEX events_day ON events(day) INCLUDE (goldstein, num_mentions, quad, place, tone, country, themes, id, source, target);
-- A country's events by mentions (the listing's -mentions order with a
-- country and dates): a page is the first entries of the country whose
-- day is in the range, not a sort of all its events of the range.
CREATE INDEX events_country_mentions ON events(country, num_mentions, id) INCLUDE (day);
-- Statistics of every actor code (the default keeps the 100 most common):
-- without them a code's events are estimated at one, and a page of its
-- events by date is planned as a sort of all of them.
ALTER TABLE events ALTER COLUMN source SET STATISTICS 1000;
ALTER TABLE events ALTER COLUMN target SET STATISTICS 1000;
ANALYZE events;
`,
}

// monthOfDay is the month (year×12 + month − 1, store.MonthOfDay) of the
// day column.
const monthOfDay = `(extract(year FROM date '1970-01-01' + day) * 12 + extract(month FROM date '1970-01-01' + day) - 1)::integer`

// themeBitsBackfill gives the first 63 themes (by name) of event_themes
// their bits and sets the events' bit sets.
const themeBitsBackfill = `
INSERT INTO theme_bits(theme, bit)
	SELECT theme, (row_number() OVER (ORDER BY theme) - 1)::int FROM (SELECT DISTINCT theme FROM event_themes) t
	ORDER BY theme LIMIT 63;
UPDATE events e SET themes = x.bits
	FROM (SELECT t.event_id, bit_or(1::bigint << b.bit) AS bits FROM event_themes t JOIN theme_bits b ON b.theme = t.theme
		GROUP BY t.event_id) x
	WHERE e.id = x.event_id;
`

// maxThemeBits is the number of themes that get a bit of events.themes.
const maxThemeBits = 63

// themeBitsLock is the advisory lock key that serialises giving themes
// their bits.
const themeBitsLock = 0x657674686d62 // "evthmb"

// SchemaVersion is the schema version this package writes.
var SchemaVersion = len(migrations)

// migrationLock is the advisory lock key that serialises migrations, so
// that workers starting at once against a new database do not race.
const migrationLock = 0x657677697265 // "evwire"

// migrate applies the migrations the database lacks, all in one
// transaction.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("migrating schema: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return fmt.Errorf("migrating schema: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`); err != nil {
		return fmt.Errorf("migrating schema: %w", err)
	}
	var v int
	err = tx.QueryRow(ctx, `SELECT version FROM schema_version`).Scan(&v)
	switch {
	case err == pgx.ErrNoRows:
		if _, err := tx.Exec(ctx, `INSERT INTO schema_version(version) VALUES (0)`); err != nil {
			return fmt.Errorf("migrating schema: %w", err)
		}
	case err != nil:
		return fmt.Errorf("reading schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this program's %d", v, len(migrations))
	}
	if v == len(migrations) {
		return nil
	}
	for i := v; i < len(migrations); i++ {
		if _, err := tx.Exec(ctx, migrations[i]); err != nil {
			return fmt.Errorf("applying migration %d: %w", i+1, err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE schema_version SET version = $1`, len(migrations)); err != nil {
		return fmt.Errorf("setting schema version: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("migrating schema: %w", err)
	}
	return nil
}
