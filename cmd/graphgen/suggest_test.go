package main

import (
	"slices"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

func TestSuggestTypes(t *testing.T) {
	m, err := parser.Parse("fixture.xml", []byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want []string
	}{
		{"widget", []string{"microsoft.graph.widget"}},
		{"Widget", []string{"microsoft.graph.widget"}},
		{"other.namespace.gadget", []string{"microsoft.graph.gadget"}},
		{"microsoft.graph.widgit", []string{"microsoft.graph.widget"}},
		{"microsoft.graph.colr", []string{"microsoft.graph.color"}},
		{"microsoft.graph.somethingElse", nil},
	}
	for _, tt := range tests {
		if got := suggestTypes(m, tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("suggestTypes(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"widget", "widget", 2, 0},
		{"widgit", "widget", 2, 1},
		{"kitten", "sitting", 3, 3},
		{"a", "abcdef", 2, 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
