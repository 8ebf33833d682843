package diff

import (
	"fmt"
	"strings"

	"github.com/graphgen/graphgen/parser"
)

func elementOf(t parser.Type) Element {
	switch t := t.(type) {
	case *parser.StructuredType:
		if t.IsEntity() {
			return EntityType
		}
		return ComplexType
	case *parser.EnumType:
		return EnumType
	}
	return TypeDefinition
}

func typeIndex(sel *parser.Selection) map[string]parser.Type {
	m := make(map[string]parser.Type, len(sel.Types))
	for _, t := range sel.Types {
		m[t.QualifiedName()] = t
	}
	return m
}

func (c *comparer) types() {
	olds, news := typeIndex(c.old), typeIndex(c.new)
	for _, name := range keysOf(olds, news) {
		o, n := olds[name], news[name]
		switch {
		case n == nil:
			c.add(Change{Kind: Removed, Element: elementOf(o), Path: name, Rule: RuleRemoved})
		case o == nil:
			ch := Change{Kind: Added, Element: elementOf(n), Path: name}
			if c.old.Model.Type(name) != nil {
				ch.Note = "already in the old document, newly selected"
			}
			c.add(ch)
		case elementOf(o) != elementOf(n):
			c.changed(elementOf(n), name, "kind", string(elementOf(o)), string(elementOf(n)), RuleTypeChanged)
		default:
			c.sameKind(o, n)
		}
	}
}

func (c *comparer) sameKind(o, n parser.Type) {
	switch o := o.(type) {
	case *parser.StructuredType:
		c.structured(o, n.(*parser.StructuredType))
	case *parser.EnumType:
		c.enum(o, n.(*parser.EnumType))
	case *parser.TypeDefinition:
		d := n.(*parser.TypeDefinition)
		c.changed(TypeDefinition, d.QualifiedName(), "type", o.UnderlyingType.Name, d.UnderlyingType.Name,
			RuleTypeChanged)
	}
}

func (c *comparer) structured(o, n *parser.StructuredType) {
	el, path := elementOf(n), n.QualifiedName()
	c.changed(el, path, "base type", baseName(o), baseName(n), RuleBaseChanged)
	c.flag(el, path, "abstract", o.Abstract, n.Abstract, RuleNowAbstract, "")
	c.flag(el, path, "open", o.OpenType, n.OpenType, "", RuleNoLongerOpen)
	c.flag(el, path, "has stream", o.HasStream, n.HasStream, "", "")
	if n.IsEntity() {
		c.changed(el, path, "key", strings.Join(o.EffectiveKey(), ","), strings.Join(n.EffectiveKey(), ","),
			RuleKeyChanged)
	}
	c.properties(o, n)
	c.navigationProperties(o, n)
}

func baseName(t *parser.StructuredType) string {
	if t.Base == nil {
		return ""
	}
	return t.Base.QualifiedName()
}

func (c *comparer) properties(o, n *parser.StructuredType) {
	olds, news := map[string]*parser.Property{}, map[string]*parser.Property{}
	for _, p := range o.Properties {
		olds[p.Name] = p
	}
	for _, p := range n.Properties {
		news[p.Name] = p
	}
	for _, name := range keysOf(olds, news) {
		op, np := olds[name], news[name]
		path := n.QualifiedName() + "/" + name
		switch {
		case np == nil:
			c.add(Change{Kind: Removed, Element: Property, Path: path, Old: typeName(op.Type), Rule: RuleRemoved})
		case op == nil:
			c.add(Change{Kind: Added, Element: Property, Path: path, New: typeName(np.Type)})
		default:
			c.changed(Property, path, "type", typeName(op.Type), typeName(np.Type), RuleTypeChanged)
			c.nullability(Property, path, op.Nullable, np.Nullable)
		}
	}
}

// navigationProperties compares the navigation properties each selection
// includes.
func (c *comparer) navigationProperties(o, n *parser.StructuredType) {
	olds, news := map[string]*parser.NavigationProperty{}, map[string]*parser.NavigationProperty{}
	for _, p := range o.NavigationProperties {
		if c.old.IncludesNavigation(p) {
			olds[p.Name] = p
		}
	}
	for _, p := range n.NavigationProperties {
		if c.new.IncludesNavigation(p) {
			news[p.Name] = p
		}
	}
	for _, name := range keysOf(olds, news) {
		op, np := olds[name], news[name]
		path := n.QualifiedName() + "/" + name
		switch {
		case np == nil:
			c.add(Change{Kind: Removed, Element: NavigationProperty, Path: path, Old: typeName(op.Type),
				Rule: RuleRemoved})
		case op == nil:
			c.add(Change{Kind: Added, Element: NavigationProperty, Path: path, New: typeName(np.Type)})
		default:
			c.changed(NavigationProperty, path, "type", typeName(op.Type), typeName(np.Type), RuleTypeChanged)
			c.nullability(NavigationProperty, path, op.Nullable, np.Nullable)
			c.flag(NavigationProperty, path, "containment", op.ContainsTarget, np.ContainsTarget,
				RuleContainmentChanged, RuleContainmentChanged)
		}
	}
}

func (c *comparer) enum(o, n *parser.EnumType) {
	path := n.QualifiedName()
	c.flag(EnumType, path, "flags", o.IsFlags, n.IsFlags, RuleMemberValueChanged, RuleMemberValueChanged)
	olds, news := map[string]*parser.EnumMember{}, map[string]*parser.EnumMember{}
	for _, m := range o.Members {
		olds[m.Name] = m
	}
	for _, m := range n.Members {
		news[m.Name] = m
	}
	for _, name := range keysOf(olds, news) {
		om, nm := olds[name], news[name]
		mpath := path + "/" + name
		switch {
		case nm == nil:
			c.add(Change{Kind: Removed, Element: EnumMember, Path: mpath, Old: fmt.Sprint(om.Value),
				Rule: RuleRemoved})
		case om == nil:
			c.add(Change{Kind: Added, Element: EnumMember, Path: mpath, New: fmt.Sprint(nm.Value),
				Evolvable: nm.Evolvable})
		default:
			c.changed(EnumMember, mpath, "value", fmt.Sprint(om.Value), fmt.Sprint(nm.Value), RuleMemberValueChanged)
			c.flag(EnumMember, mpath, "evolvable", om.Evolvable, nm.Evolvable, "", "")
		}
	}
}
