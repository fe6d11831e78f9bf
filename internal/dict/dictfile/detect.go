package dictfile

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

// Detect returns the format of the file at path with the given content.
// The extension decides for .ewd and the TABARI extensions; otherwise a file
// whose first entry line is an @section header is an eventwire file, a file
// with TABARI's marks (a ~~FINISH line, <SYNSETS>, <TIME>, <NOUN> or
// <ADJECTIVE> sections, ';' comments after code blocks) is a TABARI file, and anything else is taken to be a
// PETRARCH file.
func Detect(path string, content []byte) Format {
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
	if firstEntryIsSection(content) {
		return Native
	}
	if f := sniffTabari(content); f != Unknown {
		return f
	}
	return Petrarch
}

// sniffTabari recognises a TABARI file by its marks (including ';' comments
// after code blocks) and tells its kind:
// verbs when it has <SYNSETS>/<TIME> sections or "- ... *" pattern lines,
// agents when most codes are [~CODE] or [CODE~], actors otherwise.
func sniffTabari(content []byte) Format {
	tabari, verbs := false, false
	agentCodes, codes := 0, 0
	for len(content) > 0 {
		line := content
		if i := bytes.IndexByte(content, '\n'); i >= 0 {
			line, content = content[:i], content[i+1:]
		} else {
			content = nil
		}
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(line, []byte("~~FINISH")):
			tabari = true
			content = nil
		case bytes.EqualFold(line, []byte("<SYNSETS>")) || bytes.EqualFold(line, []byte("<TIME>")):
			tabari, verbs = true, true
		case bytes.EqualFold(line, []byte("<NOUN>")) || bytes.EqualFold(line, []byte("<ADJECTIVE>")):
			tabari = true
		case len(line) > 1 && line[0] == '-' && line[1] != '-' && bytes.IndexByte(line, '*') >= 0:
			verbs = true
		case agentBlock(line):
			agentCodes++
		case bytes.IndexByte(line, '[') >= 0:
			codes++
		}
		// a ';' comment after a code block: TABARI comments start with ';',
		// PETRARCH ones with '#'
		if i := bytes.LastIndexByte(line, ']'); i >= 0 {
			if rest := bytes.TrimSpace(line[i+1:]); len(rest) > 0 && rest[0] == ';' {
				tabari = true
			}
		}
	}
	switch {
	case !tabari:
		return Unknown
	case verbs:
		return TabariVerbs
	case agentCodes > codes:
		return TabariAgents
	}
	return TabariActors
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

// agentBlock reports whether line has a code block "[~CODE]" or "[CODE~]"
// (spaces allowed inside the brackets).
func agentBlock(line []byte) bool {
	i := bytes.IndexByte(line, '[')
	if i < 0 {
		return false
	}
	j := bytes.IndexByte(line[i:], ']')
	if j < 0 {
		return false
	}
	inner := bytes.TrimSpace(line[i+1 : i+j])
	return len(inner) > 1 && (inner[0] == '~' || inner[len(inner)-1] == '~')
}
