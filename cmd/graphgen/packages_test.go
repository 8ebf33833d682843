package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/cmd/graphgen/internal/output"
)

func TestCheckPackageClauses(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // part of the error; empty for none
	}{
		{"no folder", nil, ""},
		{"same package", map[string]string{"extra.go": "package graph\n"}, ""},
		{"generated file of another package",
			map[string]string{"models.go": output.Header + "\n\npackage old\n"}, ""},
		{"internal test", map[string]string{"extra_test.go": "package graph\n"}, ""},
		{"external test", map[string]string{"extra_test.go": "package graph_test\n"}, ""},
		{"ignored by the build", map[string]string{"gen.go": "//go:build ignore\n\npackage main\n"}, ""},
		{"not Go", map[string]string{"notes.txt": "package main\n"}, ""},
		{"another package",
			map[string]string{"a.go": "package graph\n", "b.go": "// Package api is mine.\npackage api\n"},
			"b.go is in package api, but graphgen would generate package graph"},
		{"external test of another package", map[string]string{"x_test.go": "package api_test\n"},
			"x_test.go is in package api_test, but graphgen would generate package graph"},
		{"header not on the first line", map[string]string{"x.go": "\n" + output.Header + "\npackage api\n"},
			"x.go is in package api"},
		{"bad package clause", map[string]string{"x.go": "packag graph\n"}, "x.go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "graph")
			for name, content := range tt.files {
				writeFile(t, filepath.Join(dir, name), content)
			}
			err := checkPackageClauses(dir, "graph")
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("checkPackageClauses(%v) = %v, want nil", tt.files, err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("checkPackageClauses(%v) = %v, want an error containing %q", tt.files, err, tt.want)
			}
		})
	}
}
