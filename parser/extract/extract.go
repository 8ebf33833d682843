package extract

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/beevik/etree"

	"github.com/graphgen/graphgen/parser"
)

// Namespaces of the EDMX wrapper and of CSDL elements.
const (
	edmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx"
	edmNamespace  = "http://docs.oasis-open.org/odata/ns/edm"
)

// Write returns the CSDL document for sel: UTF-8 XML with a two-space
// indent, the same bytes for the same selection on every run.
func Write(sel *parser.Selection) ([]byte, error) {
	if sel == nil || sel.Model == nil {
		return nil, fmt.Errorf("extract: no selection")
	}
	w := newWriter(sel)

	doc := etree.NewDocument()
	doc.CreateProcInst("xml", `version="1.0" encoding="utf-8"`)
	edmx := doc.CreateElement("edmx:Edmx")
	edmx.CreateAttr("Version", "4.0")
	edmx.CreateAttr("xmlns:edmx", edmxNamespace)

	services := etree.NewElement("edmx:DataServices")
	for _, s := range sel.Model.Schemas {
		if el := w.schema(s); el != nil {
			services.AddChild(el)
		}
	}
	for _, ref := range w.references() {
		edmx.AddChild(ref)
	}
	edmx.AddChild(services)

	doc.Indent(2)
	doc.WriteSettings.CanonicalAttrVal = true
	out, err := doc.WriteToBytes()
	if err != nil {
		return nil, fmt.Errorf("extract: write document: %w", err)
	}
	return out, nil
}

// writer holds what one call of Write decided to keep.
type writer struct {
	sel   *parser.Selection
	model *parser.Model

	// stubs are the unselected types derived from selected ones.
	stubs map[*parser.StructuredType]bool

	operations map[*parser.Operation]bool
	sets       map[string]bool

	// vocabularies collects the namespaces and aliases that written
	// annotations use, to choose the edmx:References.
	vocabularies map[string]bool
}

func newWriter(sel *parser.Selection) *writer {
	w := &writer{
		sel:          sel,
		model:        sel.Model,
		stubs:        map[*parser.StructuredType]bool{},
		operations:   map[*parser.Operation]bool{},
		sets:         map[string]bool{},
		vocabularies: map[string]bool{},
	}
	for _, t := range sel.Types {
		s, ok := t.(*parser.StructuredType)
		if !ok || s.Base == nil {
			continue
		}
		for _, d := range s.AllDerived() {
			if !sel.Includes(d) {
				w.stubs[d] = true
			}
		}
	}
	for _, op := range sel.Operations {
		w.operations[op] = true
	}
	for _, s := range sel.EntitySets {
		w.sets[s.Name] = true
	}
	for _, s := range sel.Singletons {
		w.sets[s.Name] = true
	}
	return w
}

// schema writes one Schema element, or returns nil when the schema keeps
// nothing.
func (w *writer) schema(s *parser.Schema) *etree.Element {
	el := etree.NewElement("Schema")
	el.CreateAttr("Namespace", s.Namespace)
	if s.Alias != "" {
		el.CreateAttr("Alias", s.Alias)
	}
	el.CreateAttr("xmlns", edmNamespace)

	for _, d := range sortedByName(s.TypeDefinitions, (*parser.TypeDefinition).QualifiedName) {
		if w.sel.Includes(d) {
			el.AddChild(w.typeDefinition(d))
		}
	}
	for _, e := range sortedByName(s.EnumTypes, (*parser.EnumType).QualifiedName) {
		if w.sel.Includes(e) {
			el.AddChild(w.enumType(e))
		}
	}
	for _, t := range append(slices.Clone(s.ComplexTypes), s.EntityTypes...) {
		if c := w.structuredType(t); c != nil {
			el.AddChild(c)
		}
	}
	for _, op := range append(slices.Clone(s.Actions), s.Functions...) {
		if w.operations[op] {
			el.AddChild(w.operation(op))
		}
	}
	for _, c := range s.Containers {
		if c == w.model.Container() {
			if ct := w.container(c); ct != nil {
				el.AddChild(ct)
			}
		}
	}

	if len(el.ChildElements()) == 0 {
		return nil
	}
	return el
}

func sortedByName[T any](list []T, name func(T) string) []T {
	out := slices.Clone(list)
	slices.SortFunc(out, func(a, b T) int { return cmp.Compare(name(a), name(b)) })
	return out
}
