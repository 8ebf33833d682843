package permissions

import (
	"fmt"
	"strings"
)

// Error is a problem in one of the two input files. It names the file, the
// place in the document at fault and, for malformed JSON, the line and column.
type Error struct {
	File string

	// Where is the place in the document, such as
	// permission User.Read / pathSets[2]; empty for file-level problems.
	Where string

	// Line and Column are 1-based; zero when unknown.
	Line   int
	Column int

	Err error
}

// Error formats the problem as file:line:column: where: message, leaving
// out the position and the place when they are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Where != "" {
		b.WriteString(e.Where)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// position turns a byte offset into a 1-based line and column.
func position(data []byte, offset int64) (line, column int) {
	offset = max(0, min(offset, int64(len(data))))
	line, column = 1, 1
	for _, c := range data[:offset] {
		if c == '\n' {
			line++
			column = 1
			continue
		}
		column++
	}
	return line, column
}
