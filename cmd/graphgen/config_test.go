package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
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
			name: "config paths are relative to its folder",
			config: `{"metadata": "meta/m.xml", "out": "v1", "version": "beta", "roots": ["a.b"], ` +
				`"permissions": "p.json"}`,
			want: Config{Metadata: "conf/meta/m.xml", Out: "conf/v1", Package: "v1", Version: "beta",
				BaseURL: "https://graph.microsoft.com/beta", Roots: []string{"a.b"}, Permissions: "conf/p.json"},
		},
		{
			name: "flags override config",
			config: `{"metadata": "https://example.com/$metadata", "out": "v1", "roots": ["a.b"], ` +
				`"strict": true, "derivedEntities": true}`,
			args: []string{"-root", "c.d", "-root", "/x", "-strict=false", "-package", "api",
				"-base-url", "http://localhost/v1.0"},
			want: Config{Metadata: "https://example.com/$metadata", Out: "conf/v1", Package: "api", Version: "v1.0",
				BaseURL: "http://localhost/v1.0", Roots: []string{"c.d", "/x"}, DerivedEntities: true},
		},
		{
			name:   "out defaults to the config file's folder",
			config: `{"metadata": "m.xml"}`,
			want: Config{Metadata: "conf/m.xml", Out: "conf", Package: "conf", Version: "v1.0",
				BaseURL: "https://graph.microsoft.com/v1.0"},
		},
		{
			name:   "-out overrides the config file's folder",
			config: `{"metadata": "m.xml"}`,
			args:   []string{"-out", "elsewhere"},
			want: Config{Metadata: "conf/m.xml", Out: "elsewhere", Package: "elsewhere", Version: "v1.0",
				BaseURL: "https://graph.microsoft.com/v1.0"},
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
	const usage, other = true, false
	tests := []struct {
		name   string
		config string
		args   []string
		want   string
		usage  bool
	}{
		{"unknown key names the file", `{"metadata": "m.xml", "root": ["x"]}`, nil,
			`config graphgen.json: unknown key "root"; the keys are metadata, out,`, usage},
		{"key in another case", `{"metadata": "a.xml", "Metadata": "b.xml"}`, nil,
			`config graphgen.json: unknown key "Metadata" (keys are case-sensitive: did you mean "metadata"?)`, usage},
		{"key twice", `{"metadata": "a.xml", "metadata": "b.xml"}`, nil,
			`config graphgen.json: key "metadata" given twice`, usage},
		{"not an object", `["m.xml"]`, nil, "config graphgen.json: want a JSON object", usage},
		{"wrong value type", `{"roots": "a.b"}`, nil, "config graphgen.json: json: cannot unmarshal string", usage},
		{"trailing data", `{"metadata": "m.xml"} {}`, nil, "data after the JSON object", usage},
		{"no metadata", "", []string{"-out", "x"}, "no metadata", usage},
		{"bad version", "", []string{"-metadata", "m", "-version", "v2"}, `unknown Graph version "v2"`, usage},
		{"keyword package", "", []string{"-metadata", "m", "-package", "func"},
			`package name "func": want a Go identifier`, usage},
		{"blank package", "", []string{"-metadata", "m", "-package", "_"},
			`package name "_": want a Go identifier`, usage},
		{"digit package", "", []string{"-metadata", "m", "-package", "1abc"},
			`package name "1abc": want a Go identifier`, usage},
		{"main package", "", []string{"-metadata", "m", "-package", "main"},
			`package main cannot be imported`, usage},
		{"main folder", "", []string{"-metadata", "m", "-out", "main"},
			`cannot derive a package name from the folder main`, usage},
		{"base URL not a URL", "", []string{"-metadata", "m", "-base-url", "not a url"},
			`base URL "not a url": want an absolute http or https URL with a host`, usage},
		{"base URL without host", "", []string{"-metadata", "m", "-base-url", "https:///v1.0"},
			"with a host", usage},
		{"base URL with query", "", []string{"-metadata", "m", "-base-url", "https://graph.microsoft.com/v1.0?x=1"},
			"want no query or fragment", usage},
		{"base URL with fragment", "", []string{"-metadata", "m",
			"-base-url", "https://graph.microsoft.com/v1.0#x"},
			"want no query or fragment", usage},
		{"base URL ftp in config", `{"metadata": "m.xml", "baseURL": "ftp://x"}`, nil, `base URL "ftp://x"`, usage},
		{"argument", "", []string{"-metadata", "m", "extra"}, `unexpected argument "extra"`, usage},
		{"bad flag", "", []string{"-nope"}, "flag provided but not defined: -nope", usage},
		{"missing config", "", []string{"-config", "nope.json"}, "nope.json", other},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tt.config != "" {
				writeFile(t, DefaultConfigFile, tt.config)
			}
			_, err := generateFlags(tt.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("generateFlags(%q) error = %v, want it to contain %q", tt.args, err, tt.want)
			}
			var u usageError
			if got := errors.As(err, &u); got != tt.usage {
				t.Errorf("generateFlags(%q) error %v: usage error %v, want %v", tt.args, err, got, tt.usage)
			}
		})
	}
}

func TestCheckBaseURL(t *testing.T) {
	for _, raw := range []string{
		"https://graph.microsoft.com/v1.0",
		"https://graph.microsoft.com/beta/",
		"http://localhost:8080/v1.0",
		"https://graph.microsoft.us",
	} {
		if err := checkBaseURL(raw); err != nil {
			t.Errorf("checkBaseURL(%q) = %v, want nil", raw, err)
		}
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
	got := statsText(emitter.Stats{Structs: 2, Enums: 1, TypeDefinitions: 1, Operations: 1, Lines: 0})
	want := "2 structs, 0 interfaces, 1 enum, 1 type definition, 0 builders, 1 operation, 0 lines"
	if got != want {
		t.Errorf("statsText = %q, want %q", got, want)
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{0, "files", "0 files"},
		{1, "files", "1 file"},
		{2, "files", "2 files"},
		{1, "request methods", "1 request method"},
	}
	for _, tt := range tests {
		if got := plural(tt.n, tt.noun); got != tt.want {
			t.Errorf("plural(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
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

func TestReportWarnings(t *testing.T) {
	warnings := []parser.Warning{{
		Fixup: parser.FixupDanglingAnnotationTarget,
		Err: &parser.Error{
			File: "meta.xml", Path: "Schema a / Annotations a.gone", Err: errors.New("names no element"),
		},
	}}

	var short, long bytes.Buffer
	reportWarnings(warnings, false, &short)
	reportWarnings(warnings, true, &long)

	if got, want := short.String(), "graphgen: repaired 1 known problem in the metadata "+
		"(-v lists them, -strict makes them errors)\n"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if !strings.Contains(long.String(), "meta.xml: Schema a / Annotations a.gone: names no element "+
		"(fixup dangling-annotation-target)") {
		t.Errorf("-v output = %q", long.String())
	}
}
