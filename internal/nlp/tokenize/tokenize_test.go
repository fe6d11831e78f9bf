package tokenize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/nlp"
)

// render writes sentences as their tokens separated by spaces, a multiword
// token as "don't=do+n't", and sentences separated by " | ".
func render(sents []nlp.Sentence) string {
	var b strings.Builder
	for i, s := range sents {
		if i > 0 {
			b.WriteString(" | ")
		}
		mw := 0
		for k := 0; k < len(s.Words); k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			w := s.Words[k]
			if mw < len(s.MultiWords) && s.MultiWords[mw].First == w.ID {
				m := s.MultiWords[mw]
				b.WriteString(m.Form + "=")
				for j := m.First; j <= m.Last; j++ {
					if j > m.First {
						b.WriteByte('+')
					}
					b.WriteString(s.Words[j-1].Form)
				}
				k += m.Last - m.First
				mw++
				continue
			}
			b.WriteString(w.Form)
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"possessive", "France's army moved.", "France's=France+'s army moved ."},
		{"negation", "They don't know.", "They don't=do+n't know ."},
		{"can't won't", "I can't and won't.", "I can't=ca+n't and won't=wo+n't ."},
		{"contractions", "I'm sure we'll see they've gone and you'd agree.",
			"I'm=I+'m sure we'll=we+'ll see they've=they+'ve gone and you'd=you+'d agree ."},
		{"curly apostrophe", "It’s Iran’s turn.", "It’s=It+’s Iran’s=Iran+’s turn ."},
		{"cannot gonna", "You cannot. I'm gonna go.", "You cannot=can+not . | I'm=I+'m gonna=gon+na go ."},
		{"no apostrophe", "I dont care", "I dont=do+nt care"},
		{"plural possessive", "The parents' rights.", "The parents'=parents+' rights ."},
		{"name with apostrophe", "O'Brien's view.", "O'Brien's=O'Brien+'s view ."},
		{"abbreviations", "Gen. Smith met U.S. officials on Jan. 5 at Acme Inc. headquarters.",
			"Gen. Smith met U.S. officials on Jan. 5 at Acme Inc. headquarters ."},
		{"abbreviation ends paragraph", "They work for Acme Inc.", "They work for Acme Inc ."},
		{"initials", "John F. Kennedy spoke.", "John F. Kennedy spoke ."},
		{"decimals and thousands", "It cost $1,250.50, up 3.5% from 12,000.",
			"It cost $ 1,250.50 , up 3.5 % from 12,000 ."},
		{"range", "He lived 1830-1962 in Paris.", "He lived 1830 - 1962 in Paris ."},
		{"hyphenated", "A well-known co-author of a 15-year plan.",
			"A well - known co-author of a 15 - year plan ."},
		{"phone", "Call 713-853-3989 now.", "Call 713-853-3989 now ."},
		{"quotes", `He said "it is 'fine' now."`, `He said " it is ' fine ' now . "`},
		{"unicode quotes", "He said “we will win” today.", "He said “ we will win ” today ."},
		{"dashes", "The war -- and peace — returned – again.", "The war -- and peace — returned – again ."},
		{"url", "See http://example.com/a?b=1. Then go.", "See http://example.com/a?b=1 . | Then go ."},
		{"www", "Visit www.un.org, please.", "Visit www.un.org , please ."},
		{"email", "Write to carol.st.clair@enron.com today.", "Write to carol.st.clair@enron.com today ."},
		{"hashtag", "Protests #Tbilisi grow.", "Protests #Tbilisi grow ."},
		{"ellipsis", "Well... maybe… not.", "Well ... maybe … not ."},
		{"exclamations", "Wow!!! Really?!", "Wow !!! | Really ?!"},
		{"headline", "Troops leave Kabul\n\nThe last soldiers left on Monday.",
			"Troops leave Kabul | The last soldiers left on Monday ."},
		{"headline on its own line", "Troops leave Kabul\nThe last soldiers left on Monday.",
			"Troops leave Kabul | The last soldiers left on Monday ."},
		{"list items on lines", "Agenda:\n- budget\n- elections", "Agenda : | - budget | - elections"},
		{"list items", "Agenda:\n\n- budget\n\n- elections", "Agenda : | - budget | - elections"},
		{"non-breaking space", "10\u00a0km from Gaza.", "10 km from Gaza ."},
		{"time and unit", "At 7:30pm and 5 km.", "At 7:30 pm and 5 km ."},
		{"emoticon", "Great :) thanks", "Great :) thanks"},
		{"sentences", "The UN met on Monday. Russia objected! Will China agree?",
			"The UN met on Monday . | Russia objected ! | Will China agree ?"},
		{"quote ends sentence", `"We will fight," he said. "Never."`, `" We will fight , " he said . | " Never . "`},
		{"parentheses", "The council (UNSC) voted.", "The council ( UNSC ) voted ."},
		{"slash", "and/or 1/2 on 11/28/2000", "and / or 1 / 2 on 11/28/2000"},
		{"empty", "  \n ", ""},
	}
	tk := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tk.Tokenize(tc.in)
			if r := render(got); r != tc.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, r, tc.want)
			}
			checkInvariants(t, tc.in, got)
		})
	}
}

// checkInvariants checks the properties every tokenization has: offsets
// inside the text and increasing, sentence text its slice, words spelling
// their slice of the text, and every non-space character covered.
func checkInvariants(t *testing.T, text string, sents []nlp.Sentence) {
	t.Helper()
	covered := 0 // text[:covered] is accounted for
	for si, s := range sents {
		if s.Start < covered || s.End < s.Start || s.End > len(text) || s.Text != text[s.Start:s.End] {
			t.Fatalf("sentence %d: bad span %d:%d (covered %d) or text", si, s.Start, s.End, covered)
		}
		mw := 0
		for k, w := range s.Words {
			if w.ID != k+1 {
				t.Fatalf("sentence %d word %d has id %d", si, k, w.ID)
			}
			if w.Start < s.Start || w.End > s.End || w.End <= w.Start {
				t.Fatalf("sentence %d word %q: span %d:%d outside %d:%d", si, w.Form, w.Start, w.End, s.Start, s.End)
			}
			for mw < len(s.MultiWords) && s.MultiWords[mw].Last < w.ID {
				mw++
			}
			inMW := mw < len(s.MultiWords) && s.MultiWords[mw].First <= w.ID
			slice := text[w.Start:w.End]
			if inMW {
				m := s.MultiWords[mw]
				if m.Form != slice || m.Start != w.Start || m.End != w.End || !strings.Contains(slice, w.Form) || w.Form == "" {
					t.Fatalf("sentence %d: multiword word %q not within token %q at %d:%d", si, w.Form, m.Form, w.Start, w.End)
				}
				if w.ID != m.Last {
					continue
				}
				// the words of the token spell it
				var sb strings.Builder
				for j := m.First; j <= m.Last; j++ {
					sb.WriteString(s.Words[j-1].Form)
				}
				if sb.String() != m.Form {
					t.Fatalf("sentence %d: words %q do not spell token %q", si, sb.String(), m.Form)
				}
			} else if w.Form != slice {
				t.Fatalf("sentence %d: word form %q, text %q", si, w.Form, slice)
			}
			if w.Start < covered {
				t.Fatalf("sentence %d word %q at %d overlaps what precedes (%d)", si, w.Form, w.Start, covered)
			}
			if gap := text[covered:w.Start]; strings.TrimFunc(gap, isSpace) != "" {
				t.Fatalf("text %q before word %q is not covered", gap, w.Form)
			}
			covered = w.End
		}
	}
	if rest := text[covered:]; strings.TrimFunc(rest, isSpace) != "" {
		t.Fatalf("text %q at the end is not covered", rest)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"France's army didn't move.", "Gen. Smith met U.S. officials.", "“Quote” — dash… http://x.org/a. a@b.c #tag",
		"1,250.50 1830-1962 713-853-3989", "\u00a0'em '60s +44 7:30pm", "x\n\ny", ":) <3 :-( ====",
		strings.Repeat("The army attacked rebels in Khartoum and the police arrested protesters ", 30),
	} {
		f.Add(s)
	}
	tk := New()
	f.Fuzz(func(t *testing.T, text string) {
		sents := tk.Tokenize(text)
		checkInvariants(t, text, sents)
		checkLimits(t, sents)
		if !utf8.ValidString(text) {
			return
		}
		for _, s := range sents {
			if strings.TrimFunc(s.Text, unicode.IsSpace) != s.Text {
				t.Fatalf("sentence %q has outer space", s.Text)
			}
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat(`Gen. Smith didn't visit the U.S. on Jan. 5, 2024, officials said. `+
		`"We can't accept this," the minister told reporters in Tbilisi -- a 15-year-old dispute over 1,250.50 km² of land. `+
		"Protesters (about 3,000) gathered near www.gov.ge... Police fired tear gas!\n\n", 50)
	nw := 0
	for _, s := range Tokenize(text) {
		nw += len(s.Words)
	}
	tk := New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tk.Tokenize(text)
	}
	b.ReportMetric(float64(nw)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func TestSpaceAfter(t *testing.T) {
	sents := Tokenize(`He said "don't." Then left`)
	var got []string
	for _, s := range sents {
		for _, w := range s.Words {
			got = append(got, w.Form+":"+w.Misc)
		}
		for _, m := range s.MultiWords {
			got = append(got, m.Form+":"+m.Misc)
		}
	}
	want := `He: said: ":SpaceAfter=No do: n't: .:SpaceAfter=No ": don't:SpaceAfter=No Then: left:`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("forms:misc\n got %s\nwant %s", g, want)
	}
}

// TestRuleFallback checks the boundary rule used when no model is loaded.
func TestRuleFallback(t *testing.T) {
	tk := &Tokenizer{}
	for _, tc := range []struct{ in, want string }{
		{"Hi there. Bye now", "Hi there . | Bye now"},
		{"Gen. Smith left. \"Why?\" he asked.", "Gen. Smith left . | \" Why ? \" he asked ."},
		{"It costs 5 dollars. 3 left.", "It costs 5 dollars . | 3 left ."},
		{"See you soon... or not.", "See you soon ... or not ."},
	} {
		if got := render(tk.Tokenize(tc.in)); got != tc.want {
			t.Errorf("rules on %q\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}
