package extract

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/graphgen/graphgen/parser"
)

// container writes the selected entity sets, singletons and operation
// imports, or returns nil when none is selected.
func (w *writer) container(c *parser.EntityContainer) *etree.Element {
	el := etree.NewElement("EntityContainer")
	el.CreateAttr("Name", c.Name)
	for _, s := range c.EntitySets {
		if w.sets[s.Name] {
			set := el.CreateElement("EntitySet")
			set.CreateAttr("Name", s.Name)
			set.CreateAttr("EntityType", s.Type.QualifiedName())
			w.bindings(set, s.Type, s.Bindings)
			w.annotations(set, s.Annotations)
		}
	}
	for _, s := range c.Singletons {
		if w.sets[s.Name] {
			single := el.CreateElement("Singleton")
			single.CreateAttr("Name", s.Name)
			single.CreateAttr("Type", s.Type.QualifiedName())
			w.bindings(single, s.Type, s.Bindings)
			w.annotations(single, s.Annotations)
		}
	}
	imports := append(append([]*parser.OperationImport(nil), c.ActionImports...), c.FunctionImports...)
	for _, imp := range imports {
		if w.importKept(imp) {
			el.AddChild(w.operationImport(imp))
		}
	}

	if len(el.ChildElements()) == 0 {
		return nil
	}
	w.annotations(el, c.Annotations)
	return el
}

func (w *writer) importKept(imp *parser.OperationImport) bool {
	for _, op := range imp.Overloads {
		if !w.operations[op] {
			return false
		}
	}
	return len(imp.Overloads) > 0
}

func (w *writer) operationImport(imp *parser.OperationImport) *etree.Element {
	tag, attr := "ActionImport", "Action"
	if imp.Kind == parser.KindFunction {
		tag, attr = "FunctionImport", "Function"
	}
	el := etree.NewElement(tag)
	el.CreateAttr("Name", imp.Name)
	el.CreateAttr(attr, imp.Overloads[0].QualifiedName())
	if imp.EntitySet != "" && w.sets[containerChild(imp.EntitySet)] {
		el.CreateAttr("EntitySet", imp.EntitySet)
	}
	w.annotations(el, imp.Annotations)
	return el
}

// bindings writes the navigation property bindings whose path still
// resolves in the written document and whose target is kept.
func (w *writer) bindings(el *etree.Element, t *parser.StructuredType,
	list []parser.NavigationPropertyBinding) {
	for _, b := range list {
		if !w.sets[containerChild(b.Target)] || !w.pathKept(t, b.Path) {
			continue
		}
		be := el.CreateElement("NavigationPropertyBinding")
		be.CreateAttr("Path", b.Path)
		be.CreateAttr("Target", b.Target)
	}
}

// containerChild returns the entity set or singleton a binding target
// starts with: the first segment, without a container qualifier.
func containerChild(target string) string {
	first, rest, found := strings.Cut(target, "/")
	if found && strings.Contains(first, ".") {
		first, _, _ = strings.Cut(rest, "/")
	}
	return first
}

// pathKept reports whether every segment of a binding path (type casts,
// complex properties, navigation properties) is written.
func (w *writer) pathKept(t *parser.StructuredType, path string) bool {
	for _, seg := range strings.Split(path, "/") {
		next, ok := w.pathStep(t, seg)
		if !ok {
			return false
		}
		t = next
	}
	return true
}

func (w *writer) pathStep(t *parser.StructuredType, seg string) (*parser.StructuredType, bool) {
	if strings.Contains(seg, ".") {
		cast := w.model.StructuredType(seg)
		return cast, cast != nil && w.sel.Includes(cast)
	}
	if n := t.FindNavigationProperty(seg); n != nil {
		return n.Target(), w.sel.IncludesNavigation(n)
	}
	for s := t; s != nil; s = s.Base {
		if p := s.Property(seg); p != nil {
			target := p.Type.Structured()
			return target, target != nil && w.sel.Includes(target)
		}
	}
	return nil, false
}
