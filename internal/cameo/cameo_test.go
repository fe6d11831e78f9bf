package cameo

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shareddata"
)

func TestEventCodeCounts(t *testing.T) {
	levels := map[Level]int{}
	for e := range EventCodes() {
		levels[e.Level]++
		if int(e.Level) != len(e.Code) {
			t.Errorf("%s: level %v, want %d digits", e.Code, e.Level, len(e.Code))
		}
	}
	// 310 codes listed in CAMEO.eventcodes.txt plus 106, restored from the
	// record fused into 1056.
	want := map[Level]int{LevelRoot: 20, LevelBase: 147, LevelSub: 144}
	if !reflect.DeepEqual(levels, want) {
		t.Errorf("codes per level = %v, want %v", levels, want)
	}
	if NumEventCodes() != 311 {
		t.Errorf("NumEventCodes() = %d, want 311", NumEventCodes())
	}
}

func TestEventCodeOrderAndHierarchy(t *testing.T) {
	prev := ""
	for e := range EventCodes() {
		if e.Code <= prev {
			t.Errorf("%s after %s: not in code order", e.Code, prev)
		}
		prev = e.Code
		root, ok := Lookup(e.Root)
		if !ok || root.Level != LevelRoot {
			t.Errorf("%s: root %s missing", e.Code, e.Root)
		}
		if base, ok := Lookup(e.Base); !ok || base.Level > LevelBase {
			t.Errorf("%s: base %s missing", e.Code, e.Base)
		}
		if e.QuadClass != root.QuadClass {
			t.Errorf("%s: QuadClass %v, root %s has %v", e.Code, e.QuadClass, e.Root, root.QuadClass)
		}
		if e.Goldstein < -10 || e.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v out of range", e.Code, e.Goldstein)
		}
		if e.Name == "" || strings.TrimSpace(e.Name) != e.Name {
			t.Errorf("%s: bad name %q", e.Code, e.Name)
		}
	}
}

func TestQuadClassByRoot(t *testing.T) {
	want := []QuadClass{0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4}
	n := 0
	for e := range EventCodes() {
		if e.Level != LevelRoot {
			continue
		}
		n++
		r := int(e.Code[0]-'0')*10 + int(e.Code[1]-'0')
		if e.QuadClass != want[r] {
			t.Errorf("root %s: QuadClass %d, want %d", e.Code, e.QuadClass, want[r])
		}
	}
	if n != 20 {
		t.Errorf("%d roots, want 20", n)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code string
		ok   bool
		want EventCode
	}{
		{"01", true, EventCode{Code: "01", Name: "MAKE PUBLIC STATEMENT", Level: LevelRoot, Root: "01", Base: "01", QuadClass: VerbalCooperation}},
		{"0211", true, EventCode{Code: "0211", Name: "Appeal for economic cooperation", Level: LevelSub, Root: "02", Base: "021", QuadClass: VerbalCooperation, Goldstein: 3.4}},
		{"044", true, EventCode{Code: "044", Name: "Meet at a \u201cthird\u201d location", Level: LevelBase, Root: "04", Base: "044", QuadClass: VerbalCooperation, Goldstein: 2.5, Plover: Plover{"CONSULT", "third-party", ""}}},
		{"08", true, EventCode{Code: "08", Name: "YIELD", Level: LevelRoot, Root: "08", Base: "08", QuadClass: MaterialCooperation, Goldstein: 5, Plover: Plover{"CONCEDE", "", ""}}},
		{"1056", true, EventCode{Code: "1056", Name: "Demand de-escalation of military engagement", Level: LevelSub, Root: "10", Base: "105", QuadClass: VerbalConflict, Goldstein: -5, Plover: Plover{"REQUEST", "yield", "military"}}},
		{"106", true, EventCode{Code: "106", Name: "Demand withdrawal", Level: LevelBase, Root: "10", Base: "106", QuadClass: VerbalConflict, Goldstein: -5, Plover: Plover{"REQUEST", "meet", "diplomatic"}}},
		{"1121", true, EventCode{Code: "1121", Name: "Accuse of crime, corruption", Level: LevelSub, Root: "11", Base: "112", QuadClass: VerbalConflict, Goldstein: -2, Plover: Plover{"ACCUSE", "allege", "crime;corruption"}}},
		{"145", true, EventCode{Code: "145", Name: "Protest violently, riot", Level: LevelBase, Root: "14", Base: "145", QuadClass: VerbalConflict, Goldstein: -7.5, Plover: Plover{"PROTEST", "riot", ""}}},
		{"163", true, EventCode{Code: "163", Name: "Impose embargo, boycott, or sanctions", Level: LevelBase, Root: "16", Base: "163", QuadClass: MaterialConflict, Goldstein: -8, Plover: Plover{"COERCE", "restrict", "diplomatic"}}},
		{"2042", true, EventCode{Code: "2042", Name: "Detonate nuclear weapons", Level: LevelSub, Root: "20", Base: "204", QuadClass: MaterialConflict, Goldstein: -10, Plover: Plover{"ASSAULT", "unconventional", "cbrn"}}},
		{"1213", false, EventCode{}},
		{"21", false, EventCode{}},
		{"", false, EventCode{}},
		{"0", false, EventCode{}},
		{"11a", false, EventCode{}},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.code)
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEventCodesWithPrefix(t *testing.T) {
	tests := []struct {
		prefix string
		want   []string
	}{
		{"11", []string{"11", "110", "111", "112", "1121", "1122", "1123", "1124", "1125", "113", "114", "115", "116"}},
		{"106", []string{"106"}},
		{"043", []string{"043"}},
		{"2", []string{"20", "200", "201", "202", "203", "204", "2041", "2042"}},
		{"21", nil},
		{"x", nil},
	}
	for _, tt := range tests {
		var got []string
		for e := range EventCodesWithPrefix(tt.prefix) {
			got = append(got, e.Code)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("EventCodesWithPrefix(%q) = %v, want %v", tt.prefix, got, tt.want)
		}
	}
	n := 0
	for range EventCodesWithPrefix("") {
		n++
		if n == 3 {
			break // stopping early must be allowed
		}
	}
	if n != 3 {
		t.Errorf("early stop: got %d", n)
	}
}

func TestPloverCoverage(t *testing.T) {
	// The PLOVER table maps every code outside the 01 and 02 families.
	for e := range EventCodes() {
		mapped := e.Plover.Category != ""
		if want := e.Root != "01" && e.Root != "02"; mapped != want {
			t.Errorf("%s: PLOVER %+v, want mapped=%v", e.Code, e.Plover, want)
		}
	}
	if got := (Plover{Context: "crime;corruption"}).Contexts(); !slices.Equal(got, []string{"crime", "corruption"}) {
		t.Errorf("Contexts() = %q", got)
	}
	if got := (Plover{}).Contexts(); got != nil {
		t.Errorf("empty Contexts() = %q", got)
	}
}

func TestCountries(t *testing.T) {
	tests := []struct {
		by, key string
		want    Country
	}{
		{"cameo", "FRA", Country{"FRA", "France", false, "FRA", "FR", "FR"}},
		{"cameo", "ROM", Country{"ROM", "Romania", false, "ROU", "RO", "RO"}},
		{"cameo", "MEA", Country{Code: "MEA", Name: "Middle East", Region: true}},
		{"cameo", "WSB", Country{Code: "WSB", Name: "West Bank", FIPS: "WE"}},
		{"iso3", "TLS", Country{"TMP", "East Timor (Timor-Leste)", false, "TLS", "TL", "TT"}},
		{"iso3", "DEU", Country{"DEU", "Germany", false, "DEU", "DE", "GM"}},
		{"iso2", "GB", Country{"GBR", "United Kingdom", false, "GBR", "GB", "UK"}},
		{"iso2", "ME", Country{"MTN", "Montenegro", false, "MNE", "ME", "MJ"}},
		{"fips", "UK", Country{"GBR", "United Kingdom", false, "GBR", "GB", "UK"}},
		{"fips", "RS", Country{"RUS", "Russia", false, "RUS", "RU", "RS"}},
		{"fips", "SY", Country{"SYR", "Syria", false, "SYR", "SY", "SY"}},
		{"fips", "AS", Country{"AUS", "Australia", false, "AUS", "AU", "AS"}},
		{"cameo", "XYZ", Country{}},
		{"fips", "", Country{}},
	}
	for _, tt := range tests {
		var got Country
		var ok bool
		switch tt.by {
		case "cameo":
			got, ok = LookupCountry(tt.key)
		case "iso3":
			got, ok = CountryByISO3(tt.key)
		case "iso2":
			got, ok = CountryByISO2(tt.key)
		case "fips":
			got, ok = CountryByFIPS(tt.key)
		}
		if ok != (tt.want.Code != "") || got != tt.want {
			t.Errorf("%s %q = %+v, %v; want %+v", tt.by, tt.key, got, ok, tt.want)
		}
	}
}

func TestCountryCompleteness(t *testing.T) {
	// Codes a scheme lacks: FIPS 10-4 has no Åland or Palestine as a whole;
	// GDELT's additions WSB, GZS, BAG have no ISO code, BAG (Baghdad) no FIPS.
	noFIPS := map[string]bool{"ALA": true, "PSE": true, "BAG": true}
	noISO := map[string]bool{"WSB": true, "GZS": true, "BAG": true}
	var nCountry, nRegion int
	for c := range Countries() {
		if c.Region {
			nRegion++
			if c.ISO3 != "" || c.ISO2 != "" || c.FIPS != "" {
				t.Errorf("region %s has codes %+v", c.Code, c)
			}
			continue
		}
		nCountry++
		if (c.FIPS == "") != noFIPS[c.Code] {
			t.Errorf("%s: FIPS %q", c.Code, c.FIPS)
		}
		if (c.ISO2 == "" || c.ISO3 == "") != noISO[c.Code] {
			t.Errorf("%s: ISO %q %q", c.Code, c.ISO3, c.ISO2)
		}
		if c.ISO3 != "" && c.ISO3[0] != c.Code[0] && c.Code != "TMP" && c.Code != "KSV" && c.Code != "USR" {
			t.Errorf("%s: ISO3 %s", c.Code, c.ISO3)
		}
	}
	// 232 ISO countries of the CAMEO manual + TWN, SSD, KSV, USR, DDR, SCG,
	// WSB, GZS, BAG; 25 regions.
	if nCountry != 241 || nRegion != 25 {
		t.Errorf("%d countries, %d regions; want 241, 25", nCountry, nRegion)
	}
}

func TestLookupActor(t *testing.T) {
	tests := []struct {
		kind ActorKind
		code string
		name string
	}{
		{KindType, "GOV", "Government"},
		{KindType, "UNO", "United Nations"},
		{KindKnownGroup, "UNO", "United Nations"},
		{KindKnownGroup, "HMS", "Hamas"},
		{KindKnownGroup, "CEM", "Common Market for Eastern and Southern Africa / Monetary and Economic Community of Central Africa"},
		{KindKnownGroup, "WTO", "World Trade Organization"},
		{KindReligion, "SHN", "Old Shinto School"},
		{KindCountry, "SHN", "Saint Helena"},
		{KindEthnic, "kur", "Kurd"},
		{KindEthnic, "KUR", "Kurd"},
		{KindEthnic, "bod", "Bodo / Tibetan"},
		{KindRegion, "WST", "the West"},
		{KindCountry, "WST", ""},
		{KindEthnic, "Kur", ""},
		{KindType, "XYZ", ""},
	}
	for _, tt := range tests {
		a, ok := LookupActor(tt.kind, tt.code)
		if ok != (tt.name != "") || a.Name != tt.name || (ok && (a.Code != tt.code || a.Kind != tt.kind)) {
			t.Errorf("LookupActor(%v, %q) = %+v, %v; want name %q", tt.kind, tt.code, a, ok, tt.name)
		}
	}
	counts := map[ActorKind]int{}
	for a := range Actors() {
		counts[a.Kind]++
	}
	want := map[ActorKind]int{KindCountry: 241, KindRegion: 25, KindType: 39, KindKnownGroup: 115, KindReligion: 31, KindEthnic: 641}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("actor counts %v, want %v", counts, want)
	}
}

func TestActorsWithPrefix(t *testing.T) {
	var got []string
	for a := range ActorsWithPrefix("us") {
		got = append(got, a.Code+"/"+a.Kind.String())
	}
	want := []string{"USA/country"}
	for a := range Actors() {
		if strings.HasPrefix(strings.ToUpper(a.Code), "US") && a.Code != "USA" {
			want = append(want, a.Code+"/"+a.Kind.String())
		}
	}
	slices.Sort(want[1:])
	if !slices.Equal(got, want) {
		t.Errorf("ActorsWithPrefix(us) = %v, want %v", got, want)
	}
}

func TestParseActorCode(t *testing.T) {
	tests := []struct {
		code string
		want ActorCode
	}{
		{"FRA", ActorCode{Country: "FRA"}},
		{"FRALEG", ActorCode{Country: "FRA", Types: []string{"LEG"}}},
		{"AZENGO", ActorCode{Country: "AZE", Types: []string{"NGO"}}},
		{"USAMIL", ActorCode{Country: "USA", Types: []string{"MIL"}}},
		{"IGOUNO", ActorCode{KnownGroup: "UNO", Types: []string{"IGO"}}},
		{"PSEREBHMS", ActorCode{Country: "PSE", KnownGroup: "HMS", Types: []string{"REB"}}},
		{"IMGMOSALQ", ActorCode{KnownGroup: "ALQ", Religions: []string{"MOS"}, Types: []string{"IMG"}}},
		{"MNCUSA", ActorCode{Country: "USA", Types: []string{"MNC"}}},
		{"IGOEUREEC", ActorCode{Country: "EUR", KnownGroup: "EEC", Types: []string{"IGO"}}},
		{"USASHN", ActorCode{Country: "USA", Religions: []string{"SHN"}}},
		{"IRQkur", ActorCode{Country: "IRQ", Ethnic: "kur"}},
		{"IRQREBKUR", ActorCode{Country: "IRQ", Ethnic: "KUR", Types: []string{"REB"}}},
		{"TURara", ActorCode{Country: "TUR", Ethnic: "ara"}},
		{"IRQGOVSHISUN", ActorCode{Country: "IRQ", Religions: []string{"SHI", "SUN"}, Types: []string{"GOV"}}},
		{"USAGOVMILLEG", ActorCode{Country: "USA", Types: []string{"GOV", "MIL", "LEG"}}},
		{"GOV", ActorCode{Types: []string{"GOV"}}},
		{"WSB", ActorCode{Country: "WSB"}},
	}
	for _, tt := range tests {
		tt.want.Code = tt.code
		got, err := ParseActorCode(tt.code)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseActorCode(%q) = %+v, %v; want %+v", tt.code, got, err, tt.want)
		}
	}
}

func TestParseActorCodeErrors(t *testing.T) {
	tests := []struct {
		code, chunk string
		offset      int
		reason      string
	}{
		{"", "", 0, "empty code"},
		{"FR", "", 0, "length 2 is not a multiple of 3"},
		{"FRALE", "", 0, "length 5 is not a multiple of 3"},
		{"FRAXYZ", "XYZ", 3, "unknown code"},
		{"XYZFRA", "XYZ", 0, "unknown code"},
		{"USAFRA", "FRA", 3, "second country or region (first is USA)"},
		{"HMSALQ", "ALQ", 3, "second known group (first is HMS)"},
		{"IRQkurara", "ara", 6, "second ethnic code (first is kur)"},
		{"FRaLEG", "FRa", 0, "not three letters of one case"},
		{"USA-GOV", "", 0, "length 7 is not a multiple of 3"},
		{"~GOV", "", 0, "length 4 is not a multiple of 3"},
		{"---GOV", "---", 0, "not three letters of one case"},
		{"USAxyz", "xyz", 3, "unknown ethnic code"},
		{"USA\xff\xfeA", "\xff\xfeA", 3, "not three letters of one case"},
	}
	for _, tt := range tests {
		got, err := ParseActorCode(tt.code)
		var ae *ActorCodeError
		if !errors.As(err, &ae) {
			t.Errorf("ParseActorCode(%q) = %+v, %v; want an *ActorCodeError", tt.code, got, err)
			continue
		}
		want := ActorCodeError{Code: tt.code, Chunk: tt.chunk, Offset: tt.offset, Reason: tt.reason}
		if *ae != want {
			t.Errorf("ParseActorCode(%q) error = %+v, want %+v", tt.code, *ae, want)
		}
		if (tt.chunk != "" && !strings.Contains(err.Error(), strconv.Quote(tt.chunk))) || !reflect.DeepEqual(got, ActorCode{Code: tt.code}) {
			t.Errorf("ParseActorCode(%q): error %q, result %+v", tt.code, err, got)
		}
	}
}

// TestPhoenixActorCodes parses every actor code in the Phoenix actor
// dictionaries. Codes outside the CAMEO tables (KAS Kashmir, MUS written for
// Muslim, regional codes of later CAMEO versions) fail; the floor guards
// against regressions in the chunk rules.
func TestPhoenixActorCodes(t *testing.T) {
	dir := filepath.Join(shareddata.Dir(t), "petrarch", "dictionaries")
	codes := map[string]bool{}
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatalf("reading dictionary: %v", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			for {
				i := strings.IndexByte(line, '[')
				if i < 0 {
					break
				}
				j := strings.IndexByte(line[i:], ']')
				if j < 0 {
					break
				}
				if f := strings.Fields(line[i+1 : i+j]); len(f) > 0 {
					codes[f[0]] = true
				}
				line = line[i+j:]
			}
		}
	}
	ok := 0
	bad := map[string]int{}
	for c := range codes {
		if _, err := ParseActorCode(c); err == nil {
			ok++
		} else if ae := (*ActorCodeError)(nil); errors.As(err, &ae) {
			bad[ae.Chunk]++
		}
	}
	rate := float64(ok) / float64(len(codes))
	t.Logf("parsed %d of %d distinct Phoenix actor codes (%.1f%%)", ok, len(codes), 100*rate)
	type kv struct {
		chunk string
		n     int
	}
	var top []kv
	for c, n := range bad {
		top = append(top, kv{c, n})
	}
	slices.SortFunc(top, func(a, b kv) int { return b.n - a.n })
	if len(top) > 10 {
		top = top[:10]
	}
	t.Logf("most frequent failing chunks: %v", top)
	if len(codes) < 3000 || rate < 0.90 {
		t.Errorf("parsed %d of %d codes (%.3f), want at least 3000 codes and a rate of 0.90", ok, len(codes), rate)
	}
}

func FuzzParseActorCode(f *testing.F) {
	for _, s := range []string{"FRALEG", "IGOUNO", "PSEREBHMS", "IRQkur", "USAFRA", "", "FRa"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		ac, err := ParseActorCode(code)
		if err != nil {
			var ae *ActorCodeError
			if !errors.As(err, &ae) || ae.Code != code {
				t.Fatalf("ParseActorCode(%q): error %v is not an *ActorCodeError for the code", code, err)
			}
			if ae.Chunk != "" && code[ae.Offset:ae.Offset+3] != ae.Chunk {
				t.Fatalf("ParseActorCode(%q): chunk %q not at offset %d", code, ae.Chunk, ae.Offset)
			}
			return
		}
		n := len(ac.Religions) + len(ac.Types)
		for _, s := range []string{ac.Country, ac.KnownGroup, ac.Ethnic} {
			if s != "" {
				n++
			}
		}
		if n*3 != len(code) {
			t.Fatalf("ParseActorCode(%q) = %+v: %d parts for %d bytes", code, ac, n, len(code))
		}
		if ac.Country != "" {
			if _, ok := LookupCountry(ac.Country); !ok {
				t.Fatalf("ParseActorCode(%q): unknown country %q", code, ac.Country)
			}
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	codes := []string{"01", "0211", "112", "1823", "2042", "999"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Lookup(codes[i%len(codes)])
	}
}

func BenchmarkParseActorCode(b *testing.B) {
	codes := []string{"FRALEG", "PSEREBHMS", "IMGMOSALQ", "USA", "IGOEUREEC"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ParseActorCode(codes[i%len(codes)]); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHasRole(t *testing.T) {
	for _, c := range []struct {
		code, role string
		want       bool
	}{
		{"RUSMED", "MED", true},
		{"---MED", "MED", true},
		{"USAGOVMED", "MED", true},
		{"MED", "MED", false}, // the first chunk is the country or group
		{"MEDGOV", "MED", false},
		{"USAGOV", "MED", false},
		{"USAGO", "GOV", false},
	} {
		if got := HasRole(c.code, c.role); got != c.want {
			t.Errorf("HasRole(%q, %q) = %v, want %v", c.code, c.role, got, c.want)
		}
	}
}

func TestActorCodeOrganisation(t *testing.T) {
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"PSEHMS", true},  // a known group
		{"IGOUNO", true},  // an IGO
		{"USAMED", true},  // media
		{"LKASEP", true},  // a separatist group
		{"USAGOV", false}, // a state organ
		{"SYRCVL", false}, // a people
		{"RUS", false},    // a state
	} {
		ac, err := ParseActorCode(tc.code)
		if err != nil {
			t.Fatalf("%s: %v", tc.code, err)
		}
		if got := ac.Organisation(); got != tc.want {
			t.Errorf("%s: Organisation() = %v, want %v", tc.code, got, tc.want)
		}
	}
}
