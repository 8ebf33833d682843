package emitter

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/parser"
)

// commentWidth is where doc comments wrap.
const commentWidth = 100

// docComment builds a doc comment from paragraphs: the first says what the
// name is, then the metadata's description, then a Deprecated paragraph.
func docComment(first string, as parser.Annotations) string {
	paragraphs := []string{cleanText(first)}
	if d := cleanText(as.Description()); d != "" {
		paragraphs = append(paragraphs, d)
	}
	if d := cleanText(as.LongDescription()); d != "" {
		paragraphs = append(paragraphs, d)
	}
	if dep := deprecation(as); dep != "" {
		paragraphs = append(paragraphs, dep)
	}
	var wrapped []string
	for _, p := range paragraphs {
		wrapped = append(wrapped, wrap(p, commentWidth))
	}
	return strings.Join(wrapped, "\n\n")
}

// deprecation renders Core.Revisions as a Go "Deprecated:" paragraph.
func deprecation(as parser.Annotations) string {
	rev, ok := as.Deprecation()
	if !ok {
		return ""
	}
	text := "Deprecated: " + cleanText(rev.Description)
	if rev.Description == "" {
		text = "Deprecated: the service marks this as deprecated."
	}
	var when []string
	if rev.Date != "" {
		when = append(when, "since "+rev.Date)
	}
	if rev.RemovalDate != "" {
		when = append(when, "removal planned for "+rev.RemovalDate)
	}
	if len(when) > 0 {
		text = strings.TrimSuffix(text, ".") + fmt.Sprintf(" (%s).", strings.Join(when, ", "))
	}
	return text
}

// cleanText folds white space, line breaks included, so that the text
// fits the // lines comment writes. Such lines end only at a line break,
// so text such as */ is kept as it is. Control characters become spaces
// and invisible format characters are dropped: a byte order mark inside a
// comment is a syntax error in Go, and bidirectional marks would make the
// source read differently from how it compiles.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Cf, r):
			return -1
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// wrap breaks a paragraph into lines no longer than width where it can.
func wrap(text string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// comment renders text as // lines, blank lines as a bare //.
func comment(text string) *jen.Statement {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = "//"
		} else {
			lines[i] = "// " + l
		}
	}
	return jen.Comment(strings.Join(lines, "\n"))
}
