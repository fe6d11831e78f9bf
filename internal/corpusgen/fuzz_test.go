package corpusgen

import (
	"strings"
	"testing"
)

// FuzzReadConfli checks that any input gives sentences or an error naming
// the file, never a panic, and that sentences are non-empty and bounded.
func FuzzReadConfli(f *testing.F) {
	f.Add("Troops shelled the town.\t4\n")
	f.Add("a\tb\n\n\t\t\n")
	f.Add("x\t-1\ny\t4")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := ReadConfli(strings.NewReader(in), "f.tsv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.tsv") && !strings.HasPrefix(err.Error(), "reading f.tsv") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, s := range ss {
			if s.Text == "" || len(s.Text) > maxSentence || s.Class < 0 || s.Class > 4 {
				t.Fatalf("bad sentence %+v", s)
			}
		}
	})
}

// FuzzReadPetrarchXML checks the XML reader the same way.
func FuzzReadPetrarchXML(f *testing.F) {
	f.Add(petrXML)
	f.Add("<Sentences><Sentence id=\"a\"><Text>x</Text></Sentence></Sentences>")
	f.Add("<Sentence><Text><![CDATA[ y ]]></Text>")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := ReadPetrarchXML(strings.NewReader(in), "f.xml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.xml:") {
				t.Fatalf("error %q does not name the file and line", err)
			}
			return
		}
		for _, s := range ss {
			if s.Text == "" || len(s.Text) > maxSentence || s.Text != strings.TrimSpace(s.Text) {
				t.Fatalf("bad sentence %+v", s)
			}
		}
	})
}
