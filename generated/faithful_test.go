package generated_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
)

// TestFixturesAreFaithful generates each checked-in package again, from
// Microsoft's full document instead of the repository's fixture, and
// expects exactly the checked-in files: the fixture holds everything the
// roots need.
func TestFixturesAreFaithful(t *testing.T) {
	cases := []struct{ dir, document string }{
		{"v1", "graph-v1.0-2026-08.xml"},
		{"beta", "graph-beta-2026-08-restore-excerpt.xml"},
	}
	for _, tc := range cases {
		t.Run(tc.dir, func(t *testing.T) {
			full := filepath.Join(sharedMetadata, tc.document)
			if _, err := os.Stat(full); err != nil {
				t.Skipf("%s is missing (Microsoft's metadata is expected in %s): %v", tc.document, sharedMetadata, err)
			}
			cfg := readConfig(t, filepath.Join(tc.dir, "graphgen.json"))
			want := ownedFiles(t, tc.dir)

			model, err := parser.ParseFile(full)
			if err != nil {
				t.Fatal(err)
			}
			sel, err := model.Closure(cfg.Roots, parser.DefaultDerivedPolicy)
			if err != nil {
				t.Fatal(err)
			}
			files, _, err := emitter.Generate(sel, emitter.Config{
				Package: cfg.Package, BaseURL: "https://graph.microsoft.com/" + cfg.Version,
			})
			if err != nil {
				t.Fatal(err)
			}

			got := map[string]string{}
			for _, f := range files {
				got[f.Name] = string(f.Content)
			}
			compareFiles(t, want, got)
		})
	}
}

// config is the part of graphgen.json the test needs.
type config struct {
	Package string   `json:"package"`
	Version string   `json:"version"`
	Roots   []string `json:"roots"`
}

func readConfig(t *testing.T, path string) config {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c config
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// ownedFiles reads the files of dir that graphgen wrote.
func ownedFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(data, []byte(emitter.Header+"\n")) {
			out[e.Name()] = string(data)
		}
	}
	return out
}

func compareFiles(t *testing.T, want, got map[string]string) {
	t.Helper()
	var names []string
	for name := range want {
		names = append(names, name)
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		w, inWant := want[name]
		g, inGot := got[name]
		switch {
		case !inWant:
			t.Errorf("%s: generated from the full document but not checked in", name)
		case !inGot:
			t.Errorf("%s: checked in but not generated from the full document", name)
		case w != g:
			t.Errorf("%s differs (-checked in +from full document):\n%s", name,
				cmp.Diff(strings.Split(w, "\n"), strings.Split(g, "\n")))
		}
	}
}
