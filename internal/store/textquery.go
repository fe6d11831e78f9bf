package store

import "fmt"

// TextQueryError is a full-text query (Filter.Text) that the store cannot
// read, explained in the terms of the query language (words, "phrases",
// prefix*, AND, OR, NOT, parentheses) rather than the database's.
type TextQueryError struct {
	Query string // the query as given
	Msg   string // what is wrong and how to write it, in lower case
}

func (e *TextQueryError) Error() string { return fmt.Sprintf("text query %q: %s", e.Query, e.Msg) }
