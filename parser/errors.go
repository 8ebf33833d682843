package parser

import (
	"fmt"
	"strings"
)

// Error is a problem in an input document (metadata, or permissions data).
// It names the file, the path of the element at fault and, for malformed
// XML or JSON, the line and column.
type Error struct {
	File string

	// Path is the element path, such as
	// Schema microsoft.graph / EntityType user / Property id.
	Path string

	// Line and Column are 1-based; zero when unknown.
	Line   int
	Column int

	Err error
}

// Error formats the problem as file:line:column: path: message, leaving
// out the position and the path when they are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found while resolving one document.
type ErrorList []*Error

// maxReported bounds how many problems Error prints.
const maxReported = 10

// Error lists the problems one per line, at most ten of them, followed by
// a count of the rest.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == maxReported {
			fmt.Fprintf(&b, "\n(and %d more)", len(l)-maxReported)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the individual errors, so errors.As finds an *Error.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// elementPath builds the "Kind name / Kind name" paths used in errors.
type elementPath []string

func (p elementPath) with(kind, name string) elementPath {
	out := make(elementPath, len(p), len(p)+1)
	copy(out, p)
	if name == "" {
		return append(out, kind)
	}
	return append(out, kind+" "+name)
}

func (p elementPath) String() string { return strings.Join(p, " / ") }
