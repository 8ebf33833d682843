package extract

import (
	"strconv"

	"github.com/beevik/etree"

	"github.com/graphgen/graphgen/parser"
)

func (w *writer) typeDefinition(d *parser.TypeDefinition) *etree.Element {
	el := etree.NewElement("TypeDefinition")
	el.CreateAttr("Name", d.Name)
	el.CreateAttr("UnderlyingType", d.UnderlyingType.Name)
	writeFacets(el, d.Facets)
	w.annotations(el, d.Annotations)
	return el
}

func (w *writer) enumType(e *parser.EnumType) *etree.Element {
	el := etree.NewElement("EnumType")
	el.CreateAttr("Name", e.Name)
	if e.UnderlyingType != "" && e.UnderlyingType != "Edm.Int32" {
		el.CreateAttr("UnderlyingType", e.UnderlyingType)
	}
	if e.IsFlags {
		el.CreateAttr("IsFlags", "true")
	}
	for _, m := range e.Members {
		member := el.CreateElement("Member")
		member.CreateAttr("Name", m.Name)
		if m.ExplicitValue {
			member.CreateAttr("Value", strconv.FormatInt(m.Value, 10))
		}
		w.annotations(member, m.Annotations)
	}
	w.annotations(el, e.Annotations)
	return el
}

// structuredType writes a selected type in full, a stub type as its name
// and base, and returns nil for any other type.
func (w *writer) structuredType(t *parser.StructuredType) *etree.Element {
	tag := "ComplexType"
	if t.IsEntity() {
		tag = "EntityType"
	}
	el := etree.NewElement(tag)
	el.CreateAttr("Name", t.Name)
	if t.Base != nil {
		el.CreateAttr("BaseType", t.Base.QualifiedName())
	}
	if w.stubs[t] {
		return el
	}
	if !w.sel.Includes(t) {
		return nil
	}

	boolAttr(el, "Abstract", t.Abstract)
	boolAttr(el, "OpenType", t.OpenType)
	boolAttr(el, "HasStream", t.HasStream)
	if len(t.Key) > 0 {
		key := el.CreateElement("Key")
		for _, name := range t.Key {
			key.CreateElement("PropertyRef").CreateAttr("Name", name)
		}
	}
	for _, p := range t.Properties {
		el.AddChild(w.property(p))
	}
	for _, n := range t.NavigationProperties {
		if w.sel.IncludesNavigation(n) {
			el.AddChild(w.navigationProperty(n))
		}
	}
	w.annotations(el, t.Annotations)
	return el
}

func (w *writer) property(p *parser.Property) *etree.Element {
	el := etree.NewElement("Property")
	el.CreateAttr("Name", p.Name)
	el.CreateAttr("Type", typeName(p.Type))
	if !p.Nullable {
		el.CreateAttr("Nullable", "false")
	}
	if p.DefaultValue != nil {
		el.CreateAttr("DefaultValue", *p.DefaultValue)
	}
	writeFacets(el, p.Facets)
	w.annotations(el, p.Annotations)
	return el
}

func (w *writer) navigationProperty(n *parser.NavigationProperty) *etree.Element {
	el := etree.NewElement("NavigationProperty")
	el.CreateAttr("Name", n.Name)
	el.CreateAttr("Type", typeName(n.Type))
	if !n.Nullable {
		el.CreateAttr("Nullable", "false")
	}
	if n.Partner != "" {
		el.CreateAttr("Partner", n.Partner)
	}
	boolAttr(el, "ContainsTarget", n.ContainsTarget)
	w.annotations(el, n.Annotations)
	return el
}

func (w *writer) operation(op *parser.Operation) *etree.Element {
	tag := "Action"
	if op.Kind == parser.KindFunction {
		tag = "Function"
	}
	el := etree.NewElement(tag)
	el.CreateAttr("Name", op.Name)
	boolAttr(el, "IsBound", op.IsBound)
	boolAttr(el, "IsComposable", op.IsComposable)
	if op.EntitySetPath != "" {
		el.CreateAttr("EntitySetPath", op.EntitySetPath)
	}
	for _, p := range op.Parameters {
		param := el.CreateElement("Parameter")
		param.CreateAttr("Name", p.Name)
		param.CreateAttr("Type", typeName(p.Type))
		if !p.Nullable {
			param.CreateAttr("Nullable", "false")
		}
		writeFacets(param, p.Facets)
		w.annotations(param, p.Annotations)
	}
	if rt := op.ReturnType; rt != nil {
		ret := el.CreateElement("ReturnType")
		ret.CreateAttr("Type", typeName(rt.Type))
		if !rt.Nullable {
			ret.CreateAttr("Nullable", "false")
		}
		writeFacets(ret, rt.Facets)
		w.annotations(ret, rt.Annotations)
	}
	w.annotations(el, op.Annotations)
	return el
}

// typeName writes a type reference with the namespace of its type.
func typeName(r parser.TypeRef) string {
	name := r.Type.QualifiedName()
	if r.Collection {
		return "Collection(" + name + ")"
	}
	return name
}

func writeFacets(el *etree.Element, f parser.Facets) {
	if f.MaxLength != nil {
		el.CreateAttr("MaxLength", *f.MaxLength)
	}
	if f.Precision != nil {
		el.CreateAttr("Precision", strconv.Itoa(*f.Precision))
	}
	if f.Scale != nil {
		el.CreateAttr("Scale", *f.Scale)
	}
	if f.SRID != nil {
		el.CreateAttr("SRID", *f.SRID)
	}
}

// boolAttr writes a boolean attribute whose default is false, only when
// it is true.
func boolAttr(el *etree.Element, name string, value bool) {
	if value {
		el.CreateAttr(name, "true")
	}
}
