package knowledge

import "testing"

func TestDateMentionString(t *testing.T) {
	tests := []struct {
		d    DateMention
		want string
	}{
		{DateMention{Resolution: 1, Year: 1830}, "1830"},
		{DateMention{Resolution: 2, Year: 2022, Month: 11}, "2022-11"},
		{DateMention{Resolution: 3, Year: 2022, Month: 11, Day: 15}, "2022-11-15"},
		{DateMention{Resolution: 4, Month: 11, Day: 5}, "--11-05"},
		{DateMention{}, "?"},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.d, got, tc.want)
		}
	}
}
