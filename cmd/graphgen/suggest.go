package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/graphgen/graphgen/parser"
)

// maxSuggestions is how many close names an unknown root suggests.
const maxSuggestions = 3

// checkTypeRoots reports the first root that names no type of the model,
// with the names the user may have meant. Container paths are left to
// Model.Closure.
func checkTypeRoots(m *parser.Model, roots []string) error {
	for _, root := range roots {
		if strings.HasPrefix(root, "/") || m.Type(root) != nil {
			continue
		}
		return unknownRoot(m, root, "")
	}
	return nil
}

// unknownRoot is the error for a root that names no type, where says in
// which documents if not empty; it suggests names from m.
func unknownRoot(m *parser.Model, root, where string) error {
	msg := fmt.Sprintf("root %s: no such type%s", root, where)
	if names := suggestTypes(m, root); len(names) > 0 {
		msg += "; did you mean " + strings.Join(names, " or ") + "?"
	}
	return errors.New(msg)
}

// suggestTypes returns the qualified names of the types whose local name
// is the local name of name, ignoring case; failing that, the few whose
// local names are closest by edit distance, if any is close.
func suggestTypes(m *parser.Model, name string) []string {
	want := strings.ToLower(localName(name))
	var same []string
	var near []scored
	for _, qualified := range typeNames(m) {
		local := strings.ToLower(localName(qualified))
		if local == want {
			same = append(same, qualified)
			continue
		}
		limit := max(2, len(want)/4)
		if d := editDistance(want, local, limit); d <= limit {
			near = append(near, scored{qualified, d})
		}
	}
	if len(same) > 0 {
		return same
	}
	slices.SortFunc(near, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.distance, b.distance), cmp.Compare(a.name, b.name))
	})
	var out []string
	for _, s := range near[:min(len(near), maxSuggestions)] {
		out = append(out, s.name)
	}
	return out
}

// scored is a suggested name and its edit distance.
type scored struct {
	name     string
	distance int
}

// typeNames lists the qualified names of the enum types, type
// definitions, complex types and entity types of the model.
func typeNames(m *parser.Model) []string {
	var names []string
	for _, s := range m.Schemas {
		for _, e := range s.EnumTypes {
			names = append(names, e.QualifiedName())
		}
		for _, d := range s.TypeDefinitions {
			names = append(names, d.QualifiedName())
		}
	}
	for t := range m.StructuredTypes() {
		names = append(names, t.QualifiedName())
	}
	return names
}

// localName is the part of a qualified name after the last dot.
func localName(name string) string {
	return name[strings.LastIndexByte(name, '.')+1:]
}

// editDistance is the Levenshtein distance between a and b, counted in
// bytes. It returns limit+1 early when the lengths alone exceed limit.
func editDistance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
