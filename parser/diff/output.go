package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// String writes the change as one changelog line, for example
// "added enum member microsoft.graph.restoreSessionStatus/failed = 6 (evolvable)".
func (ch Change) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", ch.Kind, ch.Element, ch.Path)
	switch {
	case ch.Kind == Changed:
		fmt.Fprintf(&b, ": %s %s -> %s", ch.Aspect, orNone(ch.Old), orNone(ch.New))
	case ch.Element == EnumMember && ch.New != "":
		fmt.Fprintf(&b, " = %s", ch.New)
	case ch.Element == EnumMember && ch.Old != "":
		fmt.Fprintf(&b, " = %s", ch.Old)
	case ch.New != "":
		fmt.Fprintf(&b, " (%s)", ch.New)
	case ch.Old != "":
		fmt.Fprintf(&b, " (%s)", ch.Old)
	}
	var notes []string
	if ch.Evolvable {
		notes = append(notes, "evolvable")
	}
	if ch.Note != "" {
		notes = append(notes, ch.Note)
	}
	if ch.Breaking {
		notes = append(notes, "breaking: "+string(ch.Rule))
	}
	if len(notes) > 0 {
		fmt.Fprintf(&b, " [%s]", strings.Join(notes, "; "))
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// WriteText writes the changelog for people: a count, the roots only one
// document has, then the breaking changes, the additions and the other
// changes, one per line.
func (c Changelog) WriteText(w io.Writer) error {
	noun := "changes"
	if len(c.Changes) == 1 {
		noun = "change"
	}
	var head strings.Builder
	fmt.Fprintf(&head, "%d %s, %d breaking\n", len(c.Changes), noun, len(c.Breaking()))
	for _, root := range c.RootsOnlyInOld {
		fmt.Fprintf(&head, "root %s is only in the old document\n", root)
	}
	for _, root := range c.RootsOnlyInNew {
		fmt.Fprintf(&head, "root %s is only in the new document\n", root)
	}
	if _, err := io.WriteString(w, head.String()); err != nil {
		return fmt.Errorf("write changelog: %w", err)
	}
	sections := []struct {
		title string
		match func(Change) bool
	}{
		{"Breaking changes", func(ch Change) bool { return ch.Breaking }},
		{"Additions", func(ch Change) bool { return !ch.Breaking && ch.Kind == Added }},
		{"Other changes", func(ch Change) bool { return !ch.Breaking && ch.Kind != Added }},
	}
	var b strings.Builder
	for _, s := range sections {
		var lines []string
		for _, ch := range c.Changes {
			if s.match(ch) {
				lines = append(lines, "  "+ch.String())
			}
		}
		if len(lines) > 0 {
			fmt.Fprintf(&b, "\n%s:\n%s\n", s.title, strings.Join(lines, "\n"))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write changelog: %w", err)
	}
	return nil
}

// WriteJSON writes the changelog as an indented JSON object with a
// "changes" array.
func (c Changelog) WriteJSON(w io.Writer) error {
	if c.Changes == nil {
		c.Changes = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("write changelog: %w", err)
	}
	return nil
}
