package main

import (
	"strings"
	"testing"
)

func TestCodes(t *testing.T) {
	tests := []struct {
		args      []string
		status    int
		wantLines []string // the first lines of stdout
		nLines    int      // the number of lines, 0 to skip the check
		inStderr  string
	}{
		{[]string{"codes", "11"}, 0, []string{
			"11\tDISAPPROVE\t-2.0\t3\tACCUSE",
			"110\tDisapprove, not specified below\t-2.0\t3\tACCUSE",
			"111\tCriticize or denounce\t-2.0\t3\tACCUSE",
			"112\tAccuse, not specified below\t-2.0\t3\tACCUSE",
			"1121\tAccuse of crime, corruption\t-2.0\t3\tACCUSE",
		}, 13, ""},
		{[]string{"codes", "0211"}, 0, []string{"0211\tAppeal for economic cooperation\t3.4\t1\t"}, 1, ""},
		{[]string{"codes"}, 0, []string{"01\tMAKE PUBLIC STATEMENT\t0.0\t1\t"}, 311, ""},
		{[]string{"codes", "--actors", "fra"}, 0, []string{"FRA\tcountry\tFrance\tFRA\tFR\tFR"}, 1, ""},
		{[]string{"codes", "--actors", "UNO"}, 0, []string{"UNO\ttype\tUnited Nations\t\t\t", "UNO\tgroup\tUnited Nations\t\t\t"}, 2, ""},
		{[]string{"codes", "--actors", "GBR"}, 0, []string{"GBR\tcountry\tUnited Kingdom\tGBR\tGB\tUK"}, 1, ""},
		{[]string{"codes", "--actors"}, 0, nil, 1092, ""},
		{[]string{"codes", "99"}, 1, nil, 0, `no codes start with "99"`},
		{[]string{"codes", "1", "2"}, 2, nil, 0, "at most one PREFIX"},
		{[]string{"codes", "--bogus"}, 2, nil, 0, "flag provided but not defined"},
	}
	for _, tt := range tests {
		status, out, errOut := runCLI(t, tt.args...)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if out == "" {
			lines = nil
		}
		if status != tt.status || !strings.Contains(errOut, tt.inStderr) {
			t.Errorf("eventwire %v: status %d, stderr %q; want %d, %q", tt.args, status, errOut, tt.status, tt.inStderr)
			continue
		}
		if tt.nLines != 0 && len(lines) != tt.nLines {
			t.Errorf("eventwire %v: %d lines, want %d", tt.args, len(lines), tt.nLines)
		}
		for i, want := range tt.wantLines {
			if i >= len(lines) || lines[i] != want {
				t.Errorf("eventwire %v: line %d = %q, want %q", tt.args, i+1, strings.Join(lines[i:min(i+1, len(lines))], ""), want)
			}
		}
	}
}
