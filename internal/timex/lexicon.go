package timex

// kind classifies one word for the expression finder.
type kind uint8

const (
	kNone     kind = iota
	kMonth         // val = 1..12
	kWeekday       // val = time.Weekday (0 Sunday)
	kNum           // cardinal; val = value, digits = number of digits (0 for a number word)
	kOrd           // ordinal "15th", "nineteenth"; val = value
	kNumRange      // "15-17" or "1830-1962"; val, val2; digits of the first
	kISO           // "2022-11-15"; val year, val2 month, val3 day
	kDecade        // "1990s", "'90s"; val = first year
	kDash          // "-", "–", "—"
	kComma         // ","
	kPeriod        // "."
	kKeyword       // kw says which
)

// keyword is a function word or unit that takes part in time expressions.
type keyword uint8

const (
	kwNone keyword = iota
	kwToday
	kwTonight
	kwYesterday
	kwTomorrow
	kwLast
	kwNext
	kwThis
	kwPast
	kwComing
	kwPrevious
	kwAgo
	kwEarlier
	kwLater
	kwEarly
	kwMid
	kwLate
	kwHour
	kwDay
	kwWeek
	kwWeekend
	kwMonth
	kwYear
	kwDecade
	kwCentury
	kwPartOfDay // morning, afternoon, evening, night
	kwIn
	kwOn
	kwAt
	kwSince
	kwFor
	kwDuring
	kwOver
	kwThroughout
	kwWithin
	kwFrom
	kwTo // to, until, till, through, thru
	kwBetween
	kwAnd
	kwOf
	kwThe
	kwApprox // nearly, almost, about, around, some, roughly, approximately, close
	kwMore   // more (than), less (than)
	kwThan
	kwLeast // at least
	kwBy
	kwBefore
	kwAfter
	kwSeason
	kwEnd
	kwBeginning // beginning, start
	kwMiddle
	kwA // a, an
)

// unit is the calendar unit of a keyword such as "week" or "years".
type unit uint8

const (
	uNone unit = iota
	uHour
	uDay
	uWeek
	uMonth
	uYear
	uDecade
	uCentury
)

type lexEntry struct {
	k    kind
	kw   keyword
	val  int
	unit unit
}

// lexicon maps lower-cased word forms to their class. Month and weekday
// abbreviations appear with and without the final period.
var lexicon = map[string]lexEntry{}

func init() {
	months := [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sep", "sept"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, names := range months {
		for j, n := range names {
			lexicon[n] = lexEntry{k: kMonth, val: i + 1}
			if j > 0 {
				lexicon[n+"."] = lexEntry{k: kMonth, val: i + 1}
			}
		}
	}
	days := [][]string{
		{"sunday", "sun"}, {"monday", "mon"}, {"tuesday", "tue", "tues"}, {"wednesday", "wed"},
		{"thursday", "thu", "thur", "thurs"}, {"friday", "fri"}, {"saturday", "sat"},
	}
	for i, names := range days {
		lexicon[names[0]] = lexEntry{k: kWeekday, val: i}
		// Bare abbreviations ("sun", "wed") are ordinary words; only the
		// dotted forms name days.
		for _, n := range names[1:] {
			lexicon[n+"."] = lexEntry{k: kWeekday, val: i}
		}
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, n := range nums {
		lexicon[n] = lexEntry{k: kNum, val: i}
	}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, n := range tens {
		if n != "" {
			lexicon[n] = lexEntry{k: kNum, val: 10 * i}
		}
	}
	lexicon["hundred"] = lexEntry{k: kNum, val: 100}
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"}
	for i, n := range ords {
		if n != "" {
			lexicon[n] = lexEntry{k: kOrd, val: i}
		}
	}
	lexicon["thirtieth"] = lexEntry{k: kOrd, val: 30}
	kws := map[keyword][]string{
		kwToday:      {"today"},
		kwTonight:    {"tonight"},
		kwYesterday:  {"yesterday"},
		kwTomorrow:   {"tomorrow"},
		kwLast:       {"last"},
		kwNext:       {"next"},
		kwThis:       {"this"},
		kwPast:       {"past"},
		kwComing:     {"coming", "upcoming"},
		kwPrevious:   {"previous", "preceding"},
		kwAgo:        {"ago"},
		kwEarlier:    {"earlier"},
		kwLater:      {"later"},
		kwEarly:      {"early"},
		kwMid:        {"mid", "mid-"},
		kwLate:       {"late"},
		kwPartOfDay:  {"morning", "afternoon", "evening", "night", "overnight"},
		kwIn:         {"in"},
		kwOn:         {"on"},
		kwAt:         {"at"},
		kwSince:      {"since"},
		kwFor:        {"for"},
		kwDuring:     {"during"},
		kwOver:       {"over"},
		kwThroughout: {"throughout"},
		kwWithin:     {"within"},
		kwFrom:       {"from"},
		kwTo:         {"to", "until", "till", "through", "thru"},
		kwBetween:    {"between"},
		kwAnd:        {"and"},
		kwOf:         {"of"},
		kwThe:        {"the"},
		kwApprox:     {"nearly", "almost", "about", "around", "some", "roughly", "approximately", "close", "circa", "c.", "ca."},
		kwMore:       {"more", "less", "fewer"},
		kwThan:       {"than"},
		kwLeast:      {"least"},
		kwBy:         {"by"},
		kwBefore:     {"before"},
		kwAfter:      {"after"},
		kwEnd:        {"end"},
		kwBeginning:  {"beginning", "start"},
		kwMiddle:     {"middle"},
		kwA:          {"a", "an"},
	}
	for kw, forms := range kws {
		for _, f := range forms {
			lexicon[f] = lexEntry{k: kKeyword, kw: kw}
		}
	}
	units := map[unit][]string{
		uHour:    {"hour", "hours"},
		uDay:     {"day", "days"},
		uWeek:    {"week", "weeks"},
		uMonth:   {"month", "months"},
		uYear:    {"year", "years"},
		uDecade:  {"decade", "decades"},
		uCentury: {"century", "centuries"},
	}
	unitKw := map[unit]keyword{uHour: kwHour, uDay: kwDay, uWeek: kwWeek, uMonth: kwMonth, uYear: kwYear, uDecade: kwDecade, uCentury: kwCentury}
	for u, forms := range units {
		for _, f := range forms {
			lexicon[f] = lexEntry{k: kKeyword, kw: unitKw[u], unit: u}
		}
	}
	lexicon["weekend"] = lexEntry{k: kKeyword, kw: kwWeekend}
	// Seasons, val = the month the season starts in (northern hemisphere).
	for n, m := range map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12} {
		lexicon[n] = lexEntry{k: kKeyword, kw: kwSeason, val: m}
	}
}

// futureForms lists word forms that mark a clause as future or planned when
// no tags are available.
var futureForms = map[string]bool{
	"will": true, "'ll": true, "shall": true, "would": true, "wo": true, "going": true, "plans": true, "planned": true,
	"plan": true, "scheduled": true, "expected": true, "intends": true,
	"tomorrow": true, "upcoming": true,
}

// pastForms lists word forms that mark a clause as past when no tags are
// available; words ending in "-ed" count too.
var pastForms = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "met": true, "held": true,
	"took": true, "made": true, "began": true, "went": true, "came": true, "told": true, "signed": true,
	"killed": true, "ago": true, "yesterday": true,
	"fought": true, "struck": true, "led": true, "won": true, "lost": true, "left": true, "sent": true,
	"gave": true, "saw": true, "fell": true, "broke": true, "wrote": true, "spoke": true, "became": true,
}
