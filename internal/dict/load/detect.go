package load

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Format is a dictionary file format.
type Format uint8

const (
	Unknown      Format = iota
	Native              // eventwire's own format (docs/dictionaries.md)
	TabariActors        // TABARI .actors
	TabariAgents        // TABARI .agents
	TabariVerbs         // TABARI .verbs
	Petrarch            // PETRARCH / Phoenix .txt (kind detected by the petrarch reader)
)

func (f Format) String() string {
	switch f {
	case Native:
		return "eventwire"
	case TabariActors:
		return "TABARI actors"
	case TabariAgents:
		return "TABARI agents"
	case TabariVerbs:
		return "TABARI verbs"
	case Petrarch:
		return "PETRARCH"
	}
	return "unknown"
}

// dictExt lists the extensions a directory walk picks up; other files in a
// dictionary directory (TABARI .options, .project, .text, licences) are left
// alone. A file named explicitly is read whatever its extension.
var dictExt = map[string]bool{".ewd": true, ".txt": true, ".actors": true, ".agents": true, ".verbs": true}

// Detect returns the format of the file at path whose first bytes are head.
// The extension decides for .ewd and the TABARI extensions; otherwise a file
// whose first entry line is an @section header is an eventwire file, and
// anything else is taken to be a PETRARCH file.
func Detect(path string, head []byte) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ewd":
		return Native
	case ".actors":
		return TabariActors
	case ".agents":
		return TabariAgents
	case ".verbs":
		return TabariVerbs
	}
	if firstEntryIsSection(head) {
		return Native
	}
	return Petrarch
}

// firstEntryIsSection reports whether the first line that is not blank or a
// '#' comment starts with '@' followed by a letter.
func firstEntryIsSection(head []byte) bool {
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		return len(line) > 1 && line[0] == '@' && line[1] >= 'a' && line[1] <= 'z'
	}
	return false
}
