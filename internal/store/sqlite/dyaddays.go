package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"sync"

	"modernc.org/sqlite"

	"github.com/eventwire/eventwire/internal/store/writeplan"
)

// dyad_days holds, per dyad, its events, mentions and Goldstein sum per day
// as one packed series (dayRecord, in day order): the top dyads of any date
// range are then one pass over the dyads, summing each one's days in the
// range with the SQL function ew_dyad_days, instead of grouping every
// event of the range by dyad (with evenly used dyads a month-keyed table
// of dyad rows is about as large as the events of a month, so it would not
// be much faster). A series holds one record per day the dyad has events:
// at most as many as its events.

// dayRecordSize is the size of one packed day: day, events and mentions as
// int32, the Goldstein sum as float64, little-endian.
const dayRecordSize = 20

// dayRecord is one day of a dyad's series.
type dayRecord struct {
	day              int64
	events, mentions int64
	goldstein        float64
}

func decodeDays(b []byte) []dayRecord {
	out := make([]dayRecord, 0, len(b)/dayRecordSize)
	for ; len(b) >= dayRecordSize; b = b[dayRecordSize:] {
		out = append(out, dayRecord{day: int64(int32(binary.LittleEndian.Uint32(b))),
			events: int64(int32(binary.LittleEndian.Uint32(b[4:]))), mentions: int64(int32(binary.LittleEndian.Uint32(b[8:]))),
			goldstein: math.Float64frombits(binary.LittleEndian.Uint64(b[12:]))})
	}
	return out
}

func encodeDays(rs []dayRecord) []byte {
	b := make([]byte, 0, len(rs)*dayRecordSize)
	for _, r := range rs {
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(r.day)))
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(r.events)))
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(r.mentions)))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(r.goldstein))
	}
	return b
}

// addDays adds the changes ch (by day) to the series rs, keeping day order
// and dropping days left without events or mentions.
func addDays(rs []dayRecord, ch map[int64]*dayRecord) []dayRecord {
	for day, c := range ch {
		i := sort.Search(len(rs), func(i int) bool { return rs[i].day >= day })
		if i == len(rs) || rs[i].day != day {
			rs = append(rs, dayRecord{})
			copy(rs[i+1:], rs[i:])
			rs[i] = dayRecord{day: day}
		}
		rs[i].events += c.events
		rs[i].mentions += c.mentions
		rs[i].goldstein += c.goldstein
	}
	out := rs[:0]
	for _, r := range rs {
		if r.events != 0 || r.mentions != 0 {
			out = append(out, r)
		}
	}
	return out
}

// sumDays sums field (0 events, 1 mentions, 2 Goldstein) of the packed
// series b over the days lo to hi.
func sumDays(b []byte, lo, hi int64, field int64) driver.Value {
	// Binary search for the first day at or after lo.
	n := len(b) / dayRecordSize
	i := sort.Search(n, func(i int) bool { return int64(int32(binary.LittleEndian.Uint32(b[i*dayRecordSize:]))) >= lo })
	var ni int64
	var g float64
	for ; i < n; i++ {
		r := b[i*dayRecordSize:]
		if int64(int32(binary.LittleEndian.Uint32(r))) > hi {
			break
		}
		switch field {
		case 0:
			ni += int64(int32(binary.LittleEndian.Uint32(r[4:])))
		case 1:
			ni += int64(int32(binary.LittleEndian.Uint32(r[8:])))
		default:
			g += math.Float64frombits(binary.LittleEndian.Uint64(r[12:]))
		}
	}
	if field == 2 {
		return g
	}
	return ni
}

var registerOnce sync.Once

// registerFunctions registers ew_dyad_days(series, lo, hi, field) with the
// driver, once per process, before the first store is opened: the sum of
// field (0 events, 1 mentions, 2 Goldstein) of a packed dyad series over
// the days lo to hi.
func registerFunctions() {
	registerOnce.Do(func() {
		sqlite.MustRegisterDeterministicScalarFunction("ew_dyad_days", 4, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			b, _ := args[0].([]byte)
			lo, ok1 := args[1].(int64)
			hi, ok2 := args[2].(int64)
			field, ok3 := args[3].(int64)
			if !ok1 || !ok2 || !ok3 {
				return nil, fmt.Errorf("ew_dyad_days: want a series and three integers")
			}
			return sumDays(b, lo, hi, field), nil
		})
	})
}

// dyadKey is a dyad.
type dyadKey struct{ source, target string }

// flushDyadDays adds the changes of the dyads' days (sorted by dyad, then
// day) to their series, each series read and written once.
func (t *tx) flushDyadDays(days []writeplan.Rollup[writeplan.DyadDay]) error {
	for i := 0; i < len(days); {
		k := days[i].Key.Dyad
		ch := map[int64]*dayRecord{}
		for ; i < len(days) && days[i].Key.Dyad == k; i++ {
			r := days[i]
			ch[r.Key.Day] = &dayRecord{day: r.Key.Day, events: r.Events, mentions: r.Mentions, goldstein: r.Goldstein}
		}
		var b []byte
		err := t.QueryRowContext(t.ctx, `SELECT days FROM dyad_days WHERE source = ? AND target = ?`, k.Source, k.Target).Scan(&b)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("reading dyad days: %w", err)
		}
		rs := addDays(decodeDays(b), ch)
		if _, err := t.exec(`INSERT INTO dyad_days(source, target, days) VALUES (?,?,?)
			ON CONFLICT(source, target) DO UPDATE SET days = excluded.days`, k.Source, k.Target, encodeDays(rs)); err != nil {
			return fmt.Errorf("writing dyad days: %w", err)
		}
	}
	return nil
}

// fillDyadDays builds dyad_days from the events (migration 10, and the
// benchmark's generated store).
func fillDyadDays(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}) error {
	rows, err := q.QueryContext(ctx, `SELECT source, target, day, count(*), sum(num_mentions), sum(goldstein) FROM events
		WHERE num_mentions > 0 GROUP BY source, target, day ORDER BY source, target, day`)
	if err != nil {
		return fmt.Errorf("reading events by dyad and day: %w", err)
	}
	type series struct {
		k  dyadKey
		rs []dayRecord
	}
	var all []series
	for rows.Next() {
		var k dyadKey
		var r dayRecord
		if err := rows.Scan(&k.source, &k.target, &r.day, &r.events, &r.mentions, &r.goldstein); err != nil {
			rows.Close()
			return fmt.Errorf("reading events by dyad and day: %w", err)
		}
		if len(all) == 0 || all[len(all)-1].k != k {
			all = append(all, series{k: k})
		}
		s := &all[len(all)-1]
		s.rs = append(s.rs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading events by dyad and day: %w", err)
	}
	for _, s := range all {
		if _, err := q.ExecContext(ctx, `INSERT INTO dyad_days(source, target, days) VALUES (?,?,?)`, s.k.source, s.k.target, encodeDays(s.rs)); err != nil {
			return fmt.Errorf("writing dyad days: %w", err)
		}
	}
	return nil
}
