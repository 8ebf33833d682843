package emitter

import (
	"go/format"
	"strings"
)

// maxLine is the length past which a generated function signature or
// returned call is continued on the next line.
const maxLine = 100

// wrapLongLines breaks the long signatures and return calls of formatted
// Go source the way a careful person would. Other lines are left alone.
func wrapLongLines(src []byte) ([]byte, error) {
	lines := strings.Split(string(src), "\n")
	changed := false
	for i, line := range lines {
		if len(line) <= maxLine {
			continue
		}
		if wrapped, ok := wrapLine(line); ok {
			lines[i] = wrapped
			changed = true
		}
	}
	if !changed {
		return src, nil
	}
	return format.Source([]byte(strings.Join(lines, "\n")))
}

// wrapLine wraps a "func ..." or "return f(...)" line at the first group
// of parentheses that holds a list: items fill each line up to maxLine and
// continue on the next, one tab further in, as the standard library does.
func wrapLine(line string) (string, bool) {
	trimmed := strings.TrimLeft(line, "\t")
	if !strings.HasPrefix(trimmed, "func ") && !strings.HasPrefix(trimmed, "return ") {
		return "", false
	}
	indent := line[:len(line)-len(trimmed)]
	for _, g := range parenGroups(line) {
		items := splitTopLevel(line[g.open+1 : g.close])
		if len(items) < 2 {
			continue
		}
		return fill(line[:g.open+1], items, line[g.close:], indent+"\t"), true
	}
	return "", false
}

// fill writes head, the items separated by commas and tail, starting a new
// line (with indent) before an item that would pass maxLine.
func fill(head string, items []string, tail, indent string) string {
	var b strings.Builder
	current := head
	for i, item := range items {
		item = strings.TrimSpace(item)
		end := ", "
		if i == len(items)-1 {
			end = tail
		}
		if i > 0 && len(strings.TrimRight(current, " ")+item+end) > maxLine {
			b.WriteString(strings.TrimRight(current, " ") + "\n")
			current = indent
		}
		current += item
		if i < len(items)-1 {
			current += ", "
		}
	}
	b.WriteString(current + tail)
	return b.String()
}

// group is a pair of matching parentheses at depth zero.
type group struct{ open, close int }

// parenGroups lists the outermost parenthesized groups of a line, skipping
// string and rune literals.
func parenGroups(line string) []group {
	var groups []group
	depth, start := 0, 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '"', '\'', '`':
			i = skipLiteral(line, i)
		case '(':
			if depth == 0 {
				start = i
			}
			depth++
		case ')':
			depth--
			if depth == 0 {
				groups = append(groups, group{start, i})
			}
		}
	}
	return groups
}

// splitTopLevel splits a list at the commas outside brackets and
// literals.
func splitTopLevel(list string) []string {
	var items []string
	depth, start := 0, 0
	for i := 0; i < len(list); i++ {
		switch c := list[i]; c {
		case '"', '\'', '`':
			i = skipLiteral(list, i)
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				items = append(items, list[start:i])
				start = i + 1
			}
		}
	}
	if rest := list[start:]; strings.TrimSpace(rest) != "" {
		items = append(items, rest)
	}
	return items
}

// skipLiteral returns the index of the quote that ends the literal
// starting at i.
func skipLiteral(s string, i int) int {
	quote := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if quote != '`' {
				j++
			}
		case quote:
			return j
		}
	}
	return len(s) - 1
}
