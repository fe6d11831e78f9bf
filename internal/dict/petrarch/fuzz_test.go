package petrarch

import (
	"bytes"
	"testing"
)

func fuzzReader(f *testing.F, read func([]byte) error) {
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = read(data) // must not panic; errors are expected
	})
}

func FuzzActors(f *testing.F) {
	f.Add([]byte("ARNOR_ [ARN]\nGOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n"))
	fuzzReader(f, func(b []byte) error { _, err := ReadActors(bytes.NewReader(b), "f"); return err })
}

func FuzzAgents(f *testing.F) {
	f.Add([]byte("!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [ ~COP]\n"))
	fuzzReader(f, func(b []byte) error { _, err := ReadAgents(bytes.NewReader(b), "f"); return err })
}

func FuzzVerbs(f *testing.F) {
	f.Add([]byte("&T\n+A\n\n--- B [1:2] ---\nB {C D}\n+E_F\n- + X_* IN_ $ [076]\n- * (TO {P Q}) [037]\n~ a (a b X) Y = a b 1\n"))
	fuzzReader(f, func(b []byte) error { _, err := ReadVerbs(bytes.NewReader(b), "f"); return err })
}

func FuzzDiscards(f *testing.F) {
	f.Add([]byte("MONTHS LATER\n+TYPHOON # x\n"))
	fuzzReader(f, func(b []byte) error { _, err := ReadDiscards(bytes.NewReader(b), "f"); return err })
}

func FuzzIssues(f *testing.F) {
	f.Add([]byte("<ISSUE CATEGORY=\"E\" TYPE=\"ALL\">\nn:school [S]\n~a b\n</ISSUE>\n"))
	fuzzReader(f, func(b []byte) error { _, err := ReadIssues(bytes.NewReader(b), "f"); return err })
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("--- A [1] ---\nA\n- * B [2]\n"))
	f.Add([]byte("A [B]\n"))
	fuzzReader(f, func(b []byte) error {
		s, _, err := Read(bytes.NewReader(b), "f")
		if s != nil {
			s.Build()
		}
		return err
	})
}
