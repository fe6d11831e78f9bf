package main

import (
	"bytes"
	"strings"
	"testing"
)

// runCLI runs eventwire with args and returns its exit status and outputs.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// cliCase is a command line that fails and how: its exit status and a
// part of its standard error.
type cliCase struct {
	args []string
	code int
	msg  string
}

// checkCLIErrors runs each case's command line and reports those whose exit
// status is not the case's or whose standard error lacks its msg.
func checkCLIErrors(t *testing.T, cases []cliCase) {
	t.Helper()
	for _, tc := range cases {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("eventwire %v = %d, stderr %q; want %d, %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
}

func TestDispatch(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{nil, 2, "", "usage: eventwire COMMAND"},
		{[]string{"help"}, 0, "", "commands:"},
		{[]string{"nosuch"}, 2, "", `unknown command "nosuch"`},
		{[]string{"version"}, 0, "eventwire ", ""},
		{[]string{"version", "--bogus"}, 2, "", "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.inStdout) || !strings.Contains(errOut, tt.inStderr) {
			t.Errorf("eventwire %v = %d, stdout %q, stderr %q; want %d, %q, %q",
				tt.args, code, out, errOut, tt.code, tt.inStdout, tt.inStderr)
		}
	}
}
