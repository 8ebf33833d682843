package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestGenerateFlagsMergeConfig(t *testing.T) {
	tests := []struct {
		name   string
		config string // graphgen.json in the working directory, if not empty
		args   []string
		want   Config
	}{
		{
			name: "flags only, defaults",
			args: []string{"-metadata", "m.xml", "-out", "graph"},
			want: Config{Metadata: "m.xml", Out: "graph", Package: "graph", Version: "v1.0",
				BaseURL: "https://graph.microsoft.com/v1.0"},
		},
		{
			name:   "config paths are relative to its folder",
			config: `{"metadata": "meta/m.xml", "out": "v1", "version": "beta", "roots": ["a.b"], "permissions": "p.json"}`,
			want: Config{Metadata: "conf/meta/m.xml", Out: "conf/v1", Package: "v1", Version: "beta",
				BaseURL: "https://graph.microsoft.com/beta", Roots: []string{"a.b"}, Permissions: "conf/p.json"},
		},
		{
			name:   "flags override config",
			config: `{"metadata": "https://example.com/$metadata", "out": "v1", "roots": ["a.b"], "strict": true, "derivedEntities": true}`,
			args:   []string{"-root", "c.d", "-root", "/x", "-strict=false", "-package", "api", "-base-url", "http://localhost/v1.0"},
			want: Config{Metadata: "https://example.com/$metadata", Out: "conf/v1", Package: "api", Version: "v1.0",
				BaseURL: "http://localhost/v1.0", Roots: []string{"c.d", "/x"}, DerivedEntities: true},
		},
		{
			name: "package from a dotted folder",
			args: []string{"-metadata", "m.xml", "-out", "v1.0"},
			want: Config{Metadata: "m.xml", Out: "v1.0", Package: "v10", Version: "v1.0",
				BaseURL: "https://graph.microsoft.com/v1.0"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			args := tt.args
			if tt.config != "" {
				writeFile(t, "conf/graphgen.json", tt.config)
				args = append([]string{"-config", "conf/graphgen.json"}, args...)
			}
			got, err := generateFlags(args, io.Discard)
			if err != nil {
				t.Fatalf("generateFlags(%q): %v", args, err)
			}
			if !reflect.DeepEqual(got.Config, tt.want) {
				t.Errorf("generateFlags(%q) =\n %+v\nwant\n %+v", args, got.Config, tt.want)
			}
		})
	}
}

func TestDefaultConfigFileIsRead(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, DefaultConfigFile, `{"metadata": "m.xml", "package": "api"}`)
	got, err := generateFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if got.Metadata != "m.xml" || got.Package != "api" {
		t.Errorf("config from %s = %+v, want metadata m.xml and package api", DefaultConfigFile, got.Config)
	}
}

func TestGenerateFlagsErrors(t *testing.T) {
	tests := []struct {
		name   string
		config string
		args   []string
		want   string
	}{
		{"unknown key names the file", `{"metadata": "m.xml", "root": ["x"]}`, nil, `graphgen.json: json: unknown field "root"`},
		{"trailing data", `{"metadata": "m.xml"} {}`, nil, "data after the JSON object"},
		{"no metadata", "", []string{"-out", "x"}, "no metadata"},
		{"bad version", "", []string{"-metadata", "m", "-version", "v2"}, `unknown Graph version "v2"`},
		{"bad package", "", []string{"-metadata", "m", "-package", "func"}, `package name "func" is not a Go identifier`},
		{"argument", "", []string{"-metadata", "m", "extra"}, `unexpected argument "extra"`},
		{"missing config", "", []string{"-config", "nope.json"}, "nope.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tt.config != "" {
				writeFile(t, DefaultConfigFile, tt.config)
			}
			_, err := generateFlags(tt.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("generateFlags(%q) error = %v, want it to contain %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestPackageName(t *testing.T) {
	tests := []struct{ out, want string }{
		{"graph", "graph"},
		{"./v1.0", "v10"},
		{"Graph-Beta", "graphbeta"},
		{"2024", "v2024"},
	}
	for _, tt := range tests {
		got, err := packageName(tt.out)
		if err != nil || got != tt.want {
			t.Errorf("packageName(%q) = %q, %v; want %q", tt.out, got, err, tt.want)
		}
	}
	if _, err := packageName("type"); err == nil {
		t.Errorf("packageName(%q) succeeded, want an error for a keyword", "type")
	}
}

func TestStatsText(t *testing.T) {
	got := words("TypeDefinitions")
	if want := "type definitions"; got != want {
		t.Errorf("words(TypeDefinitions) = %q, want %q", got, want)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
