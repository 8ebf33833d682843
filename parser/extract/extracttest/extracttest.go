// Package extracttest checks that an extracted CSDL document is faithful:
// that the emitter writes the same Go code from it as from the full
// document it was extracted from. Tests of any package can call it.
package extracttest

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/parser/extract"
)

// Config is the emitter configuration AssertFaithful generates with.
var Config = emitter.Config{Package: "graph", BaseURL: "https://graph.microsoft.com/v1.0"}

// AssertFaithful parses the document at fullPath, selects the closure of
// roots (the whole model when roots is empty) with the default derived
// policy, extracts it, parses the extract strictly and selects the same
// roots again, and fails t unless both selections generate byte-identical
// files. It also checks that extracting the second selection gives the
// same document again. A missing document skips the test.
func AssertFaithful(t testing.TB, fullPath string, roots []string) {
	t.Helper()
	if _, err := os.Stat(fullPath); err != nil {
		t.Skipf("metadata %s not available: %v", fullPath, err)
	}
	full, err := parser.ParseFile(fullPath)
	if err != nil {
		t.Fatalf("parse %s: %v", fullPath, err)
	}
	sel, err := selectRoots(full, roots)
	if err != nil {
		t.Fatalf("%s: %v", fullPath, err)
	}
	doc, err := extract.Write(sel)
	if err != nil {
		t.Fatalf("extract %s: %v", fullPath, err)
	}

	name := "extract of " + fullPath
	small, err := parser.ParseWith(name, doc, parser.Options{Strict: true})
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	again, err := selectRoots(small, roots)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}

	want := generate(t, fullPath, sel)
	got := generate(t, name, again)
	if diff := compareFiles(got, want); diff != "" {
		t.Errorf("roots %v: code from the extract differs from code from %s:\n%s", roots, fullPath, diff)
	}

	redo, err := extract.Write(again)
	if err != nil {
		t.Fatalf("extract %s: %v", name, err)
	}
	if !bytes.Equal(redo, doc) {
		t.Errorf("roots %v: extracting the extract of %s changes it:\n%s",
			roots, fullPath, firstDifference(redo, doc))
	}
}

func selectRoots(m *parser.Model, roots []string) (*parser.Selection, error) {
	sel, err := m.Select(roots, parser.DefaultDerivedPolicy)
	if err != nil {
		return nil, fmt.Errorf("closure: %w", err)
	}
	return sel, nil
}

func generate(t testing.TB, name string, sel *parser.Selection) []emitter.File {
	t.Helper()
	files, _, err := emitter.Generate(sel, Config)
	if err != nil {
		t.Fatalf("generate from %s: %v", name, err)
	}
	return files
}

// compareFiles describes the first differences between two file sets, or
// returns "" when they are equal.
func compareFiles(got, want []emitter.File) string {
	var b strings.Builder
	index := map[string][]byte{}
	for _, f := range got {
		index[f.Name] = f.Content
	}
	for _, f := range want {
		content, ok := index[f.Name]
		delete(index, f.Name)
		switch {
		case !ok:
			fmt.Fprintf(&b, "missing file %s\n", f.Name)
		case !bytes.Equal(content, f.Content):
			fmt.Fprintf(&b, "file %s: %s\n", f.Name, firstDifference(content, f.Content))
		}
	}
	for name := range index {
		fmt.Fprintf(&b, "extra file %s\n", name)
	}
	return b.String()
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d:\n got: %q\nwant: %q", i+1, gl, wl)
		}
	}
	return "equal"
}
