package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// result is what run printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

func runArgs(args ...string) result {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// TestExitStatus checks the documented statuses: 0 success, 1 changes
// found, 2 usage error, 3 any other error.
func TestExitStatus(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "meta.xml", fixture)
	writeFile(t, "new.xml", strings.Replace(fixture, `<Property Name="size" Type="Edm.Int32"/>`, ``, 1))
	gen := []string{"-metadata", "meta.xml", "-out", "graph", "-root", "microsoft.graph.widget"}
	if r := runArgs(gen...); r.code != 0 {
		t.Fatalf("generate: exit %d\n%s", r.code, r.stderr)
	}

	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"check up to date", append(gen, "-check"), 0, ""},
		{"check stale",
			[]string{"-metadata", "meta.xml", "-out", "graph", "-root", "microsoft.graph.gadget", "-check"},
			1, "graph is out of date"},
		{"bad flag", []string{"-nope"}, 2, "graphgen generate: flag provided but not defined: -nope\n"},
		{"blank package", append(gen, "-package", "_"), 2, `package name "_": want a Go identifier`},
		{"main package", append(gen, "-package", "main"), 2, "package main cannot be imported"},
		{"base URL", append(gen, "-base-url", "not a url"), 2, `base URL "not a url"`},
		{"missing metadata", []string{"-metadata", "nope.xml", "-out", "graph"}, 3, "nope.xml"},
		{"unknown root", []string{"-metadata", "meta.xml", "-out", "x", "-root", "gadget"}, 3,
			"root gadget: no such type; did you mean microsoft.graph.gadget?"},
		{"fetch bad version", []string{"fetch", "-version", "v2", "-o", "x.xml"}, 2, `unknown Graph version "v2"`},
		{"diff breaking", []string{"diff", "-exit-code", "meta.xml", "new.xml"}, 1, ""},
		{"diff breaking without -exit-code", []string{"diff", "meta.xml", "new.xml"}, 0, ""},
		{"diff not breaking", []string{"diff", "-exit-code", "new.xml", "meta.xml"}, 0, ""},
		{"diff missing file", []string{"diff", "meta.xml", "nope.xml"}, 3, "nope.xml"},
		{"help unknown command", []string{"help", "nope"}, 2, `unknown command "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs(tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("graphgen %q: exit %d, stderr:\n%s\nwant exit %d and %q",
					tt.args, r.code, r.stderr, tt.code, tt.want)
			}
		})
	}
}

// TestHelpGoesToStdout checks that -h and help CMD print the command's
// usage to stdout, nothing to stderr, and exit 0.
func TestHelpGoesToStdout(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"help"}, "Exit status, for every command:"},
		{[]string{"-h"}, "Usage: graphgen [generate]"},
		{[]string{"help", "generate"}, "Usage: graphgen [generate]"},
		{[]string{"help", "fetch"}, "Usage: graphgen fetch"},
		{[]string{"fetch", "-h"}, "Usage: graphgen fetch"},
		{[]string{"help", "diff"}, "-exit-code"},
		{[]string{"help", "extract"}, "Usage: graphgen extract"},
		{[]string{"help", "permissions"}, "Usage: graphgen permissions"},
		{[]string{"version", "-help"}, "Usage: graphgen version"},
	}
	for _, tt := range tests {
		r := runArgs(tt.args...)
		if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("graphgen %q: exit %d, stdout:\n%s\nstderr:\n%s\nwant exit 0, %q on stdout and nothing on stderr",
				tt.args, r.code, r.stdout, r.stderr, tt.want)
		}
	}
}

// TestConfigInSubfolder runs generate and -check from the module root
// with a config file in graph/ that has no "out": the output goes to
// graph/, not to the working directory.
func TestConfigInSubfolder(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "meta.xml", fixture)
	writeFile(t, "graph/graphgen.json", `{"metadata": "../meta.xml", "roots": ["microsoft.graph.widget"]}`)

	r := runArgs("-config", "graph/graphgen.json")
	if r.code != 0 || !strings.Contains(r.stdout, "to graph in") {
		t.Fatalf("generate: exit %d\nstdout: %s\nstderr: %s\nwant exit 0 and output to graph",
			r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join("graph", "models.go")); err != nil {
		t.Errorf("no graph/models.go: %v", err)
	}
	if entries, _ := filepath.Glob("*.go"); len(entries) > 0 {
		t.Errorf("generate wrote %q to the working directory", entries)
	}
	models, _ := os.ReadFile(filepath.Join("graph", "models.go"))
	if !bytes.Contains(models, []byte("\npackage graph\n")) {
		t.Errorf("graph/models.go is not in package graph")
	}

	r = runArgs("-config", "graph/graphgen.json", "-check")
	if r.code != 0 || !strings.Contains(r.stdout, "graph is up to date") {
		t.Errorf("-check: exit %d\nstdout: %s\nstderr: %s\nwant exit 0 and graph up to date",
			r.code, r.stdout, r.stderr)
	}
}

func TestNoRootsNote(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "meta.xml", fixture)
	r := runArgs("-metadata", "meta.xml", "-out", "graph")
	if r.code != 0 || r.stderr != noRootsNote {
		t.Errorf("generate without roots: exit %d, stderr %q; want exit 0 and %q", r.code, r.stderr, noRootsNote)
	}
	r = runArgs("-metadata", "meta.xml", "-out", "graph", "-root", "microsoft.graph.color")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("generate with a root: exit %d, stderr %q; want exit 0 and nothing", r.code, r.stderr)
	}
}

// TestPackageClauseConflict checks that a hand-written file of another
// package stops generate before anything is written.
func TestPackageClauseConflict(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "meta.xml", fixture)
	writeFile(t, "graph/extra.go", "package api\n")
	r := runArgs("-metadata", "meta.xml", "-out", "graph", "-root", "microsoft.graph.color")
	want := "graph/extra.go is in package api, but graphgen would generate package graph"
	if r.code != 3 || !strings.Contains(r.stderr, want) {
		t.Errorf("generate: exit %d, stderr:\n%s\nwant exit 3 and %q", r.code, r.stderr, want)
	}
	if _, err := os.Stat(filepath.Join("graph", "models.go")); err == nil {
		t.Errorf("generate wrote models.go despite the conflict")
	}
}

// TestDiffRootOnOneSide diffs a type that only the new document has,
// then one that neither has.
func TestDiffRootOnOneSide(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "old.xml", fixture)
	writeFile(t, "new.xml", strings.Replace(fixture, `<EntityContainer`,
		`<ComplexType Name="badge"><Property Name="label" Type="graph.label"/></ComplexType><EntityContainer`, 1))

	r := runArgs("diff", "-exit-code", "-root", "microsoft.graph.badge", "old.xml", "new.xml")
	for _, want := range []string{
		"root microsoft.graph.badge is only in the new document",
		"added complex type microsoft.graph.badge",
		"added complex type microsoft.graph.label [already in the old document, newly selected]",
	} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("diff: exit %d, stdout:\n%s\nstderr:\n%s\nwant exit 0 and %q", r.code, r.stdout, r.stderr, want)
		}
	}

	r = runArgs("diff", "-root", "badge", "old.xml", "old.xml")
	want := "graphgen diff: root badge: no such type in old.xml or old.xml; " +
		"did you mean microsoft.graph.gadget?\n"
	if r.code != 3 || r.stderr != want {
		t.Errorf("diff: exit %d, stderr %q; want exit 3 and %q", r.code, r.stderr, want)
	}
	r = runArgs("diff", "-root", "/nope", "old.xml", "new.xml")
	want = "graphgen diff: compare old.xml with new.xml: root /nope is in neither document: path /nope:"
	if r.code != 3 || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("diff: exit %d, stderr %q; want exit 3 and a line starting %q", r.code, r.stderr, want)
	}
}

// TestDiffRealPairAddedType is the reported case: a type added to v1.0
// between 2024-08 and 2026-08.
func TestDiffRealPairAddedType(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "metadata")
	old, new := filepath.Join(dir, "graph-v1.0-2024-08.xml"), filepath.Join(dir, "graph-v1.0-2026-08.xml")
	for _, p := range []string{old, new} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("metadata not found (%v); the test needs ../shared next to the repository", err)
		}
	}
	const root = "microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest"
	r := runArgs("diff", "-exit-code", "-root", root, old, new)
	for _, want := range []string{"root " + root + " is only in the new document", "added entity type " + root} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("diff -root %s: exit %d, stderr %q; want exit 0 and %q in:\n%s",
				root, r.code, r.stderr, want, r.stdout)
		}
	}
	r = runArgs("diff", "-root", root, new, old)
	if r.code != 0 || !strings.Contains(r.stdout, "removed entity type "+root) {
		t.Errorf("diff -root %s NEW OLD: exit %d, stderr %q; want exit 0 and the type removed",
			root, r.code, r.stderr)
	}
	r = runArgs("diff", "-exit-code", "-root", root, new, old)
	if r.code != 1 {
		t.Errorf("diff -exit-code -root %s NEW OLD: exit %d, want 1 for the breaking removal", root, r.code)
	}
}
