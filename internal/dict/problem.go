package dict

import (
	"fmt"
	"strings"
)

// Problem is one problem in a dictionary file, whatever its format. Line is
// 0 for a problem with the whole file (it cannot be opened, its format is
// unknown). A Warning does not stop loading: it marks a doubtful but
// readable entry (a TABARI feature the model cannot hold, an event code
// CAMEO does not define); the other problems are bad lines whose entries
// were skipped.
type Problem struct {
	File    string
	Line    int
	Msg     string
	Warning bool
}

// String formats the problem as "file:line: message" ("file: message" when
// Line is 0), with "warning: " before the message of a warning.
func (p Problem) String() string {
	msg := p.Msg
	if p.Warning {
		msg = "warning: " + msg
	}
	if p.Line == 0 {
		return p.File + ": " + msg
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, msg)
}

// Error is String: a *Problem is an error.
func (p *Problem) Error() string { return p.String() }

// maxListed is how many problems Problems.Error lists.
const maxListed = 1000

// Problems are the problems of a file, the error the readers return, so
// that a caller sees every bad line and not only the first.
type Problems []*Problem

// Error lists the problems one a line, the first 1,000 and how many more.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i == maxListed {
			fmt.Fprintf(&b, "\n(and %d more)", len(ps)-maxListed)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap exposes the single problems to errors.As.
func (ps Problems) Unwrap() []error {
	out := make([]error, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

// Err returns ps as an error, or nil when it is empty.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}
