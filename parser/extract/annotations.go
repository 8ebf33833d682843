package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/beevik/etree"

	"github.com/graphgen/graphgen/parser"
)

// kindNames are the attribute and element names of constant and path
// expressions.
var kindNames = map[parser.ExprKind]string{
	parser.ExprString:                 "String",
	parser.ExprBool:                   "Bool",
	parser.ExprInt:                    "Int",
	parser.ExprFloat:                  "Float",
	parser.ExprDecimal:                "Decimal",
	parser.ExprDate:                   "Date",
	parser.ExprDateTimeOffset:         "DateTimeOffset",
	parser.ExprDuration:               "Duration",
	parser.ExprTimeOfDay:              "TimeOfDay",
	parser.ExprGuid:                   "Guid",
	parser.ExprBinary:                 "Binary",
	parser.ExprEnumMember:             "EnumMember",
	parser.ExprPath:                   "Path",
	parser.ExprPropertyPath:           "PropertyPath",
	parser.ExprNavigationPropertyPath: "NavigationPropertyPath",
	parser.ExprAnnotationPath:         "AnnotationPath",
}

// annotations writes each annotation as an Annotation child of el.
func (w *writer) annotations(el *etree.Element, list parser.Annotations) {
	for _, a := range list {
		ae := el.CreateElement("Annotation")
		ae.CreateAttr("Term", a.Term)
		if a.Qualifier != "" {
			ae.CreateAttr("Qualifier", a.Qualifier)
		}
		w.useName(a.Term)
		w.value(ae, a.Value)
	}
}

// value writes an expression as the value of an Annotation or
// PropertyValue: a constant or path as an attribute, anything else as a
// child element.
func (w *writer) value(el *etree.Element, e parser.Expr) {
	if name, ok := kindNames[e.Kind]; ok {
		el.CreateAttr(name, e.Text)
		w.useExpr(e)
		return
	}
	if e.Kind != parser.ExprNone {
		el.AddChild(w.expr(e))
	}
}

// expr writes an expression as an element.
func (w *writer) expr(e parser.Expr) *etree.Element {
	if name, ok := kindNames[e.Kind]; ok {
		el := etree.NewElement(name)
		el.SetText(e.Text)
		w.useExpr(e)
		return el
	}
	switch e.Kind {
	case parser.ExprNull:
		return etree.NewElement("Null")
	case parser.ExprCollection:
		el := etree.NewElement("Collection")
		w.items(el, e.Items)
		return el
	case parser.ExprRecord:
		return w.record(e)
	}
	el := etree.NewElement(e.Name)
	if e.Text != "" {
		el.SetText(e.Text)
	}
	w.items(el, e.Items)
	return el
}

func (w *writer) items(el *etree.Element, items []parser.Expr) {
	for _, it := range items {
		el.AddChild(w.expr(it))
	}
}

func (w *writer) record(e parser.Expr) *etree.Element {
	el := etree.NewElement("Record")
	if e.Type != "" {
		el.CreateAttr("Type", e.Type)
		w.useName(e.Type)
	}
	for _, p := range e.Properties {
		pv := el.CreateElement("PropertyValue")
		pv.CreateAttr("Property", p.Property)
		w.value(pv, p.Value)
	}
	w.annotations(el, e.Annotations)
	return el
}

// useExpr notes the vocabulary an enum member expression such as
// Org.OData.Capabilities.V1.NavigationType/None names.
func (w *writer) useExpr(e parser.Expr) {
	if e.Kind != parser.ExprEnumMember {
		return
	}
	for _, member := range strings.Fields(e.Text) {
		typ, _, _ := strings.Cut(member, "/")
		w.useName(typ)
	}
}

// useName notes the namespace or alias of a qualified name.
func (w *writer) useName(name string) {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		w.vocabularies[name[:i]] = true
	}
}

// references writes one edmx:Reference per URI whose includes the written
// annotations use, sorted by URI.
func (w *writer) references() []*etree.Element {
	byURI := map[string][]parser.Reference{}
	for _, r := range w.model.References {
		if w.vocabularies[r.Namespace] || (r.Alias != "" && w.vocabularies[r.Alias]) {
			byURI[r.URI] = append(byURI[r.URI], r)
		}
	}
	uris := make([]string, 0, len(byURI))
	for uri := range byURI {
		uris = append(uris, uri)
	}
	slices.Sort(uris)

	var out []*etree.Element
	for _, uri := range uris {
		ref := etree.NewElement("edmx:Reference")
		ref.CreateAttr("Uri", uri)
		includes := slices.SortedFunc(slices.Values(byURI[uri]), func(a, b parser.Reference) int {
			return cmp.Compare(a.Namespace, b.Namespace)
		})
		for _, inc := range includes {
			ie := ref.CreateElement("edmx:Include")
			ie.CreateAttr("Namespace", inc.Namespace)
			if inc.Alias != "" {
				ie.CreateAttr("Alias", inc.Alias)
			}
		}
		out = append(out, ref)
	}
	return out
}
