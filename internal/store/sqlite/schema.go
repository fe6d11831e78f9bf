package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order, each once; PRAGMA user_version holds the
// number applied. Never edit one that has shipped: append a new one.
var migrations = []string{
	// 1: articles, copies, near-duplicate bands, sentences with full-text
	// index, events, mentions, ingest runs and skipped inputs.
	`
CREATE TABLE articles (
	id            TEXT PRIMARY KEY,
	canonical_url TEXT,
	url           TEXT,
	title         TEXT,
	source        TEXT,
	published     TEXT,
	text          TEXT NOT NULL,
	simhash       INTEGER NOT NULL,
	words         INTEGER NOT NULL,
	ingested      INTEGER NOT NULL
);
CREATE TABLE copies (
	id         TEXT PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles(id),
	url        TEXT,
	source     TEXT,
	published  TEXT,
	origin     TEXT,
	run_id     TEXT,
	seen       INTEGER NOT NULL
);
CREATE INDEX copies_article ON copies(article_id);
-- One row per band of an article's SimHash, keyed by band and publication
-- day (days since 1970) and carrying the whole hash, so a lookup reads a
-- few days of one table.
CREATE TABLE simhash_bands (
	key        INTEGER NOT NULL,
	day        INTEGER NOT NULL,
	article_id TEXT NOT NULL REFERENCES articles(id),
	simhash    INTEGER NOT NULL,
	PRIMARY KEY (key, day, article_id)
) WITHOUT ROWID;
CREATE TABLE sentences (
	id         INTEGER PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles(id),
	n          INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	UNIQUE (article_id, n)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='');
CREATE TABLE events (
	id            INTEGER PRIMARY KEY,
	source        TEXT NOT NULL,
	target        TEXT NOT NULL,
	base          TEXT NOT NULL,
	code          TEXT NOT NULL,
	quad          INTEGER NOT NULL,
	goldstein     REAL NOT NULL,
	day           INTEGER NOT NULL,
	place         TEXT NOT NULL,
	place_name    TEXT NOT NULL,
	country       TEXT NOT NULL,
	country_fips  TEXT NOT NULL,
	source_name   TEXT NOT NULL,
	target_name   TEXT NOT NULL,
	first_seen    INTEGER NOT NULL,
	is_root       INTEGER NOT NULL,
	num_mentions  INTEGER NOT NULL DEFAULT 0,
	num_sources   INTEGER NOT NULL DEFAULT 0,
	num_articles  INTEGER NOT NULL DEFAULT 0,
	first_mention INTEGER
);
-- The matcher's lookup, and top dyads (covering: no table reads).
CREATE INDEX events_key ON events(source, target, base, day, place, goldstein, num_mentions);
CREATE INDEX events_target ON events(target, day);
CREATE INDEX events_code ON events(code, day);
-- Counts by day, week and month, average Goldstein, places in a date range (covering).
CREATE INDEX events_day ON events(day, goldstein, num_mentions, quad, place);
CREATE INDEX events_country ON events(country, day);
CREATE INDEX events_country_fips ON events(country_fips, day);
CREATE INDEX events_place ON events(place, day, goldstein, num_mentions);
CREATE TABLE mentions (
	id          INTEGER PRIMARY KEY,
	event_id    INTEGER NOT NULL REFERENCES events(id),
	article_id  TEXT NOT NULL REFERENCES articles(id),
	copy_id     TEXT NOT NULL REFERENCES copies(id),
	sentence_id INTEGER,
	source_name TEXT,
	confidence  INTEGER NOT NULL,
	seen        INTEGER NOT NULL,
	of_mention  INTEGER REFERENCES mentions(id),
	data        TEXT
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_sentence ON mentions(sentence_id);
CREATE TABLE runs (
	id        TEXT PRIMARY KEY,
	started   INTEGER NOT NULL,
	updated   INTEGER NOT NULL,
	args      TEXT,
	new       INTEGER NOT NULL DEFAULT 0,
	duplicate INTEGER NOT NULL DEFAULT 0,
	already   INTEGER NOT NULL DEFAULT 0,
	events    INTEGER NOT NULL DEFAULT 0,
	mentions  INTEGER NOT NULL DEFAULT 0,
	skipped   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE skips (
	run_id  TEXT NOT NULL,
	origin  TEXT NOT NULL,
	reason  TEXT NOT NULL,
	message TEXT,
	PRIMARY KEY (run_id, origin)
);
`,
	// 2: article knowledge (the gkg.Record as JSON, its tone, its themes),
	// each event's tone (of the article that first reported it), action
	// places with coordinates, and the indexes of the theme and place
	// filters, countries and series with tone.
	`
ALTER TABLE articles ADD COLUMN tone REAL;
ALTER TABLE articles ADD COLUMN knowledge TEXT;
-- Most recent first: the article listing.
CREATE INDEX articles_recent ON articles(coalesce(published, strftime('%Y-%m-%dT%H:%M:%SZ', ingested, 'unixepoch')), id);
-- One row per theme an article's knowledge names, with the number of its
-- mentions; keyed by theme for the theme filter.
CREATE TABLE article_themes (
	theme      TEXT NOT NULL,
	article_id TEXT NOT NULL REFERENCES articles(id),
	n          INTEGER NOT NULL,
	PRIMARY KEY (theme, article_id)
) WITHOUT ROWID;
CREATE INDEX article_themes_article ON article_themes(article_id);
ALTER TABLE events ADD COLUMN tone REAL;
-- Action places by feature id: full name, name before the first comma,
-- country and coordinates, for the place filter and top places.
CREATE TABLE places (
	id      TEXT PRIMARY KEY,
	name    TEXT NOT NULL,
	short   TEXT NOT NULL,
	country TEXT NOT NULL,
	lat     REAL,
	lon     REAL
);
CREATE INDEX places_name ON places(name COLLATE NOCASE);
CREATE INDEX places_short ON places(short COLLATE NOCASE);
INSERT OR IGNORE INTO places(id, name, short, country, lat, lon)
	SELECT g.id, g.name, trim(CASE WHEN instr(g.name, ',') > 0 THEN substr(g.name, 1, instr(g.name, ',') - 1) ELSE g.name END),
		g.country, g.lat, g.lon
	FROM (SELECT json_extract(data, '$.action_geo.feature_id') AS id, coalesce(json_extract(data, '$.action_geo.full_name'), '') AS name,
		coalesce(json_extract(data, '$.action_geo.country_iso'), '') AS country, json_extract(data, '$.action_geo.lat') AS lat,
		json_extract(data, '$.action_geo.lon') AS lon, id AS mention
		FROM mentions WHERE data IS NOT NULL) g
	WHERE g.id IS NOT NULL AND g.id != '' ORDER BY g.mention;
-- Series with tone, and countries in a date range (covering).
DROP INDEX events_day;
CREATE INDEX events_day ON events(day, goldstein, num_mentions, quad, place, tone, country);
-- Countries over all dates (covering).
DROP INDEX events_country;
CREATE INDEX events_country ON events(country, day, goldstein, num_mentions);
`,
	// 3: each event's themes (of the articles that reported it) as a bit
	// set, so that the theme filter is a test on covering index columns
	// whatever the theme's frequency; themes beyond the 63 bits are listed
	// per event in event_themes. Indexes for the goldstein and mentions
	// sort orders.
	`
CREATE TABLE theme_bits (
	theme TEXT PRIMARY KEY,
	bit   INTEGER NOT NULL UNIQUE
);
CREATE TABLE event_themes (
	theme    TEXT NOT NULL,
	event_id INTEGER NOT NULL REFERENCES events(id),
	PRIMARY KEY (theme, event_id)
) WITHOUT ROWID;
ALTER TABLE events ADD COLUMN themes INTEGER NOT NULL DEFAULT 0;
INSERT INTO theme_bits(theme, bit)
	SELECT theme, row_number() OVER (ORDER BY theme) - 1 FROM (SELECT DISTINCT theme FROM article_themes) ORDER BY theme LIMIT 63;
UPDATE events SET themes = (SELECT coalesce(sum(DISTINCT 1 << b.bit), 0) FROM mentions m
		JOIN article_themes t ON t.article_id = m.article_id JOIN theme_bits b ON b.theme = t.theme WHERE m.event_id = events.id)
	WHERE id IN (SELECT m.event_id FROM mentions m JOIN article_themes t ON t.article_id = m.article_id);
INSERT OR IGNORE INTO event_themes(theme, event_id)
	SELECT t.theme, m.event_id FROM article_themes t JOIN mentions m ON m.article_id = t.article_id
	WHERE t.theme NOT IN (SELECT theme FROM theme_bits);
DROP INDEX events_day;
CREATE INDEX events_day ON events(day, goldstein, num_mentions, quad, place, tone, country, themes);
DROP INDEX events_key;
CREATE INDEX events_key ON events(source, target, base, day, place, goldstein, num_mentions, themes);
DROP INDEX events_country;
CREATE INDEX events_country ON events(country, day, goldstein, num_mentions, themes);
DROP INDEX events_place;
CREATE INDEX events_place ON events(place, day, goldstein, num_mentions, themes);
CREATE INDEX events_goldstein ON events(goldstein);
CREATE INDEX events_mentions ON events(num_mentions);
`,
	// 4: the country index covers the quad class too (a map's country
	// with a quad class: pages and aggregations without table reads).
	`
DROP INDEX events_country;
CREATE INDEX events_country ON events(country, day, goldstein, num_mentions, quad, themes);
`,
	// 5: events, mentions, Goldstein and tone sums per day and action
	// country, kept by every write, for the series, Goldstein and country
	// aggregations that filter on dates and country only (a UI's default
	// views) to read a row per day and country instead of every event.
	`
CREATE TABLE event_rollup (
	day       INTEGER NOT NULL,
	country   TEXT NOT NULL,
	events    INTEGER NOT NULL,
	mentions  INTEGER NOT NULL,
	goldstein REAL NOT NULL,    -- sum of the events' Goldstein values
	gm        REAL NOT NULL,    -- sum of Goldstein × mentions
	tone_n    INTEGER NOT NULL, -- events with a tone
	tone      REAL NOT NULL,    -- sum of their tones
	PRIMARY KEY (day, country)
) WITHOUT ROWID;
INSERT INTO event_rollup(day, country, events, mentions, goldstein, gm, tone_n, tone)
	SELECT day, country, count(*), sum(num_mentions), sum(goldstein), sum(goldstein * num_mentions), count(tone), coalesce(sum(tone), 0)
	FROM events WHERE num_mentions > 0 GROUP BY day, country;
`,
	// 6: a country's series from the rollup without reading every row.
	`
CREATE INDEX event_rollup_country ON event_rollup(country, day);
`,
	// 7: events, mentions and Goldstein sums per action place and per
	// dyad over all dates, kept by every write, for the unfiltered top
	// places and dyads (a UI's map and default dyads).
	`
CREATE TABLE place_totals (
	place     TEXT PRIMARY KEY,
	events    INTEGER NOT NULL,
	mentions  INTEGER NOT NULL,
	goldstein REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO place_totals(place, events, mentions, goldstein)
	SELECT place, count(*), sum(num_mentions), sum(goldstein) FROM events WHERE num_mentions > 0 AND place != '' GROUP BY place;
CREATE TABLE dyad_totals (
	source    TEXT NOT NULL,
	target    TEXT NOT NULL,
	events    INTEGER NOT NULL,
	mentions  INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	PRIMARY KEY (source, target)
) WITHOUT ROWID;
INSERT INTO dyad_totals(source, target, events, mentions, goldstein)
	SELECT source, target, count(*), sum(num_mentions), sum(goldstein) FROM events WHERE num_mentions > 0 GROUP BY source, target;
`,
	// 8: the sentence index of mentions covers their event, so that a
	// word search maps its sentences to events without reading a mention
	// row (with its JSON) per matching sentence.
	`
DROP INDEX mentions_sentence;
CREATE INDEX mentions_sentence ON mentions(sentence_id, event_id);
`,
	// 9: each event's coded confidence (event.Event.Confidence, 0–1):
	// the highest of its original mentions', NULL when none carried one.
	// Stored events get it from the JSON of their mentions; events coded
	// before events carried a confidence stay NULL (unknown), which no
	// confidence filter matches. Not the GDELT mention confidence
	// (mentions.confidence).
	`
ALTER TABLE events ADD COLUMN event_confidence REAL;
UPDATE events SET event_confidence = x.c
	FROM (SELECT event_id, max(min(json_extract(data, '$.confidence'), 1.0)) AS c FROM mentions
		WHERE data IS NOT NULL AND json_extract(data, '$.confidence') > 0 GROUP BY event_id) x
	WHERE events.id = x.event_id;
`,
	// 10: events, mentions and Goldstein sums per month (year×12 +
	// month − 1) and action place, kept by every write, for top places
	// over date ranges: the whole months of a range from these, the days
	// at either end from the events; and per dyad, its sums per day as one
	// packed series (dyaddays.go, filled by fillDyadDays), for top dyads
	// over date ranges.
	// Indexes that begin with the source and the target and cover what
	// aggregations read, so that an aggregation of an actor code reads the
	// actor's index entries and no table row; the day index covers the
	// dyad, for the ends of a dyad range. The full-text index's
	// vocabulary (sentences per word), for the plan of word searches.
	`
CREATE TABLE place_months (
	month     INTEGER NOT NULL,
	place     TEXT NOT NULL,
	events    INTEGER NOT NULL,
	mentions  INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	PRIMARY KEY (month, place)
) WITHOUT ROWID;
INSERT INTO place_months(month, place, events, mentions, goldstein)
	SELECT ` + monthOfDay + `, place, count(*), sum(num_mentions), sum(goldstein)
	FROM events WHERE num_mentions > 0 AND place != '' GROUP BY 1, 2;
CREATE TABLE dyad_days (
	source TEXT NOT NULL,
	target TEXT NOT NULL,
	days   BLOB NOT NULL,
	PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE INDEX events_source ON events(source, day, target, code, quad, goldstein, num_mentions, tone, place, country, themes);
DROP INDEX events_target;
CREATE INDEX events_target ON events(target, day, source, code, quad, goldstein, num_mentions, tone, place, country, themes);
DROP INDEX events_day;
CREATE INDEX events_day ON events(day, goldstein, num_mentions, quad, place, tone, country, themes, source, target);
-- The number of sentences of each word, for the plan of word searches.
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, row);
`,
}

// monthOfDay is the month (year×12 + month − 1) of events.day in SQL.
const monthOfDay = `(CAST(strftime('%Y', day*86400, 'unixepoch') AS INTEGER)*12 + CAST(strftime('%m', day*86400, 'unixepoch') AS INTEGER) - 1)`

// migrationSteps are what a migration does beyond its SQL, by migration
// number, run after it in the same transaction.
var migrationSteps = map[int]func(context.Context, *sql.Tx) error{
	10: func(ctx context.Context, tx *sql.Tx) error { return fillDyadDays(ctx, tx) },
}

// SchemaVersion is the schema version this package writes.
var SchemaVersion = len(migrations)

// migrate applies the migrations the database lacks, all in one
// transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrating schema: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this program's %d", v, len(migrations))
	}
	if v == len(migrations) {
		return nil
	}
	for i := v; i < len(migrations); i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return fmt.Errorf("applying migration %d: %w", i+1, err)
		}
		if step := migrationSteps[i+1]; step != nil {
			if err := step(ctx, tx); err != nil {
				return fmt.Errorf("applying migration %d: %w", i+1, err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return fmt.Errorf("setting schema version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrating schema: %w", err)
	}
	return nil
}
