package parser_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

// metadataDir holds the real Graph documents shared by the team. They are
// never copied into this repository.
const metadataDir = "../../shared/metadata"

// The real documents used by the tests.
const (
	v10Current     = "graph-v1.0-2026-08.xml"
	v10Previous    = "graph-v1.0-2024-08.xml"
	v10Raw         = "graph-v1.0-2024-01-raw.xml"
	v10WithDocs    = "graph-v1.0-2023-05-descriptions.xml"
	betaComplete   = "graph-beta-2021-06.xml"
	betaRestoreCut = "graph-beta-2026-08-restore-excerpt.xml"
)

// readMetadata returns the bytes of a shared document, or skips the test
// when the shared folder is not there.
func readMetadata(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(metadataDir, name))
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("shared metadata %s not found in %s; these tests need the team's shared folder", name, metadataDir)
	}
	if err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return data
}

type parsed struct {
	model *parser.Model
	err   error
}

var (
	parsedMu    sync.Mutex
	parsedCache = map[string]parsed{}
)

// realModel parses a shared document once per test binary; the model is
// shared, so tests must not modify it.
func realModel(tb testing.TB, name string) *parser.Model {
	tb.Helper()
	data := readMetadata(tb, name)
	parsedMu.Lock()
	defer parsedMu.Unlock()
	p, ok := parsedCache[name]
	if !ok {
		p.model, p.err = parser.Parse(name, data)
		parsedCache[name] = p
	}
	if p.err != nil {
		tb.Fatalf("Parse(%s): %v", name, p.err)
	}
	return p.model
}

// mustParse parses a hand-written document that must be valid.
func mustParse(tb testing.TB, doc string) *parser.Model {
	tb.Helper()
	m, err := parser.Parse("test.xml", []byte(doc))
	if err != nil {
		tb.Fatalf("Parse:\n%s\nerror: %v", doc, err)
	}
	return m
}

// edmx wraps schema elements into a minimal EDMX v4 document.
func edmx(schemas ...string) string {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
`
	for _, s := range schemas {
		doc += s + "\n"
	}
	return doc + "  </edmx:DataServices>\n</edmx:Edmx>\n"
}

// schema writes a Schema element with the given namespace, alias and body.
func schema(namespace, alias, body string) string {
	a := ""
	if alias != "" {
		a = fmt.Sprintf(` Alias="%s"`, alias)
	}
	return fmt.Sprintf(`    <Schema Namespace="%s"%s xmlns="http://docs.oasis-open.org/odata/ns/edm">
%s
    </Schema>`, namespace, a, body)
}

// unresolved lists every place in the model where a name was not linked
// to the element it names: type references of properties, navigation
// properties, parameters and return types, base types, the types of entity
// sets and singletons, and operation imports without overloads.
func unresolved(m *parser.Model) []string {
	var bad []string
	check := func(where string, ref parser.TypeRef) {
		if ref.Type == nil {
			bad = append(bad, fmt.Sprintf("%s: %q not resolved", where, ref.Name))
		}
	}
	for t := range m.StructuredTypes() {
		if t.BaseTypeName != "" && t.Base == nil {
			bad = append(bad, fmt.Sprintf("%s: base %s not resolved", t.QualifiedName(), t.BaseTypeName))
		}
		for _, p := range t.Properties {
			check(t.QualifiedName()+"/"+p.Name, p.Type)
		}
		for _, n := range t.NavigationProperties {
			check(t.QualifiedName()+"/"+n.Name, n.Type)
			if n.Target() == nil || !n.Target().IsEntity() {
				bad = append(bad, fmt.Sprintf("%s/%s: target is not an entity type", t.QualifiedName(), n.Name))
			}
		}
	}
	for op := range m.AllOperations() {
		for _, p := range op.Parameters {
			check(op.QualifiedName()+"/"+p.Name, p.Type)
		}
		if op.ReturnType != nil {
			check(op.QualifiedName()+"/$ReturnType", op.ReturnType.Type)
		}
	}
	for _, s := range m.Schemas {
		for _, c := range s.Containers {
			for _, set := range c.EntitySets {
				if set.Type == nil {
					bad = append(bad, "entity set "+set.Name+": type not resolved")
				}
			}
			for _, single := range c.Singletons {
				if single.Type == nil {
					bad = append(bad, "singleton "+single.Name+": type not resolved")
				}
			}
			for _, imp := range append(c.ActionImports, c.FunctionImports...) {
				if len(imp.Overloads) == 0 {
					bad = append(bad, "import "+imp.Name+": no overloads")
				}
			}
		}
	}
	return bad
}

// typeRefCount counts the type references unresolved checks.
func typeRefCount(m *parser.Model) int {
	n := 0
	for t := range m.StructuredTypes() {
		n += len(t.Properties) + len(t.NavigationProperties)
	}
	for op := range m.AllOperations() {
		n += len(op.Parameters)
		if op.ReturnType != nil {
			n++
		}
	}
	return n
}

// names returns the qualified names of types.
func names(types []parser.Type) []string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = t.QualifiedName()
	}
	return out
}
