package parser

import (
	"strings"

	"github.com/beevik/etree"
)

// constantKinds maps the attribute and element names of constant and path
// expressions to their kinds.
var constantKinds = map[string]ExprKind{
	"String":                 ExprString,
	"Bool":                   ExprBool,
	"Int":                    ExprInt,
	"Float":                  ExprFloat,
	"Decimal":                ExprDecimal,
	"Date":                   ExprDate,
	"DateTimeOffset":         ExprDateTimeOffset,
	"Duration":               ExprDuration,
	"TimeOfDay":              ExprTimeOfDay,
	"Guid":                   ExprGuid,
	"Binary":                 ExprBinary,
	"EnumMember":             ExprEnumMember,
	"Path":                   ExprPath,
	"PropertyPath":           ExprPropertyPath,
	"NavigationPropertyPath": ExprNavigationPropertyPath,
	"AnnotationPath":         ExprAnnotationPath,
}

// readInlineAnnotations collects the Annotation children of an element.
func (r *reader) readInlineAnnotations(path elementPath, el *etree.Element) Annotations {
	var out Annotations
	for _, child := range el.SelectElements("Annotation") {
		out = r.appendAnnotation(out, path, child)
	}
	return out
}

func (r *reader) appendAnnotation(list Annotations, path elementPath, el *etree.Element) Annotations {
	term := el.SelectAttrValue("Term", "")
	if term == "" {
		r.fail(path.with("Annotation", ""), "missing Term attribute")
		return list
	}
	a := &Annotation{
		Term:      r.qualifyTerm(term),
		Qualifier: el.SelectAttrValue("Qualifier", ""),
		Value:     r.readExpr(path.with("Annotation", term), el),
	}
	return append(list, a)
}

// qualifyTerm replaces a vocabulary alias (Core.Description) by its
// namespace (Org.OData.Core.V1.Description).
func (r *reader) qualifyTerm(term string) string {
	i := strings.LastIndexByte(term, '.')
	if i < 0 {
		return term
	}
	if ns, ok := r.termAliases[term[:i]]; ok {
		return ns + term[i:]
	}
	return term
}

// readExpr reads the value of an Annotation or PropertyValue: a constant in
// an attribute, or a child expression element.
func (r *reader) readExpr(path elementPath, el *etree.Element) Expr {
	for _, attr := range el.Attr {
		if kind, ok := constantKinds[attr.Key]; ok && attr.Space == "" {
			return Expr{Kind: kind, Text: attr.Value}
		}
	}
	for _, child := range el.ChildElements() {
		if child.Tag == "Annotation" {
			continue
		}
		return r.readExprElement(path, child)
	}
	return Expr{Kind: ExprNone}
}

func (r *reader) readExprElement(path elementPath, el *etree.Element) Expr {
	if kind, ok := constantKinds[el.Tag]; ok {
		return Expr{Kind: kind, Text: strings.TrimSpace(el.Text())}
	}
	switch el.Tag {
	case "Null":
		return Expr{Kind: ExprNull}
	case "Collection":
		e := Expr{Kind: ExprCollection}
		for _, child := range el.ChildElements() {
			e.Items = append(e.Items, r.readExprElement(path, child))
		}
		return e
	case "Record":
		return r.readRecord(path, el)
	}

	e := Expr{Kind: ExprOther, Name: el.Tag, Text: strings.TrimSpace(el.Text())}
	for _, child := range el.ChildElements() {
		e.Items = append(e.Items, r.readExprElement(path, child))
	}
	return e
}

func (r *reader) readRecord(path elementPath, el *etree.Element) Expr {
	e := Expr{Kind: ExprRecord, Type: el.SelectAttrValue("Type", "")}
	for _, child := range el.ChildElements() {
		switch child.Tag {
		case "PropertyValue":
			e.Properties = append(e.Properties, PropertyValue{
				Property: child.SelectAttrValue("Property", ""),
				Value:    r.readExpr(path, child),
			})
		case "Annotation":
			e.Annotations = r.appendAnnotation(e.Annotations, path, child)
		}
	}
	return e
}
