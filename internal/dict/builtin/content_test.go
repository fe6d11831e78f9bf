package builtin

import (
	"fmt"
	"strings"
	"testing"
)

// TestStatementContent codes statements with the built-in dictionaries: a
// statement whose content blames an actor is an accusation of it (112); one
// that only mentions an actor, or that reaches the press, is no event
// (internal/coder/content.go); military platforms are the military.
func TestStatementContent(t *testing.T) {
	c, w := newCoder(t)
	sc := c.NewScratch()
	for _, tc := range []struct{ text, want string }{
		// accusation by content: blame adjectives and wrongdoing nouns
		{"Germany said that Russia was responsible for the attack on the pipeline.", "DEU→RUS 112"},
		{"Kenya claimed that Somalia was behind the bombing in Nairobi.", "KEN→SOM 112"},
		{"France stated that Iran was guilty of torture.", "FRA→IRN 112"},
		// the content is negated: no accusation
		{"Germany said that Russia was not responsible for the attack.", ""},
		// plain statements about an actor, and attribution to the press
		{"France said Germany was a large country.", ""},
		{"Japan said China would hold elections next year.", ""},
		{"The Russian foreign minister told journalists that talks would continue.", ""},
		// a statement to an actor stays a statement
		{"France told Germany that the border would stay open.", "FRA→DEU 010"},
		// military platforms stand for the military
		{"Israeli helicopter gunships fired missiles at Hamas militants.", "ISRMIL→PSEHMSREB 195"},
		// security forces breaking up a gathering repress it
		// (the students' role is not yet joined to their country: BLR, not BLREDU)
		{"Belarusian police stormed a demonstration of Belarusian students.", "BLRCOP→BLR 175"},
	} {
		evs := codeText(t, c, w, sc, tc.text)
		var got []string
		for _, e := range evs {
			got = append(got, fmt.Sprintf("%s→%s %s", e.Source, e.Target, e.Code))
		}
		if g := strings.Join(got, ", "); g != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, g, tc.want)
		}
	}
}
