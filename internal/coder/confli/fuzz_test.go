package confli

import (
	"bytes"
	"testing"
)

func FuzzReadClass(f *testing.F) {
	f.Add([]byte("Russia attacked Ukraine.\t4\n"))
	f.Add([]byte("x\t9\n\t\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		sents, err := ReadClass(bytes.NewReader(b), "fuzz")
		if err == nil {
			for _, s := range sents {
				if s.Class < 0 || s.Class > 4 {
					t.Fatalf("class %d accepted", s.Class)
				}
			}
		}
	})
}

func FuzzReadNER(f *testing.F) {
	f.Add([]byte("Russia B-S\nattacked O\n\nUkraine B-T\n"))
	f.Add([]byte(" O\nx Y\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ts, err := ReadNER(bytes.NewReader(b), "fuzz")
		if err == nil {
			for _, s := range ts {
				if len(s.Tokens) != len(s.Tags) {
					t.Fatal("tokens and tags differ in length")
				}
			}
			Evaluate(nil, nil)
		}
	})
}
