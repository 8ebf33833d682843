package parser

import (
	"strings"
)

// primitiveNames are the Edm types a document may use. The abstract types
// (Edm.PrimitiveType, Edm.Untyped, ...) are included so that their uses
// resolve too.
var primitiveNames = []string{
	"Binary", "Boolean", "Byte", "Date", "DateTimeOffset", "Decimal", "Double",
	"Duration", "Guid", "Int16", "Int32", "Int64", "SByte", "Single", "Stream",
	"String", "TimeOfDay", "Untyped", "PrimitiveType", "ComplexType", "EntityType",
	"AnnotationPath", "PropertyPath", "NavigationPropertyPath", "ModelElementPath",
	"Geography", "GeographyPoint", "GeographyLineString", "GeographyPolygon",
	"GeographyMultiPoint", "GeographyMultiLineString", "GeographyMultiPolygon",
	"GeographyCollection", "Geometry", "GeometryPoint", "GeometryLineString",
	"GeometryPolygon", "GeometryMultiPoint", "GeometryMultiLineString",
	"GeometryMultiPolygon", "GeometryCollection",
}

var primitives = func() map[string]*PrimitiveType {
	m := make(map[string]*PrimitiveType, len(primitiveNames))
	for _, n := range primitiveNames {
		m["Edm."+n] = &PrimitiveType{Name: "Edm." + n}
	}
	return m
}()

// primitive returns the shared PrimitiveType for an Edm name.
func primitive(name string) (*PrimitiveType, bool) {
	p, ok := primitives[name]
	return p, ok
}

// resolve links every name read so far; problems are added to r.errs.
func (r *reader) resolve() {
	r.resolveBaseTypes()
	r.resolveTypeRefs()
	r.resolveContainers()
	r.resolveAnnotationTargets()
}

// qualify replaces a leading schema alias by the schema's namespace.
func (r *reader) qualify(name string) string { return r.model.Qualify(name) }

// lookupType resolves a qualified or alias-qualified type name, without
// Collection().
func (r *reader) lookupType(name string) Type {
	if p, ok := primitive(name); ok {
		return p
	}
	if t, ok := r.model.types[name]; ok {
		return t
	}
	if t, ok := r.model.types[r.qualify(name)]; ok {
		return t
	}
	return nil
}

func (r *reader) resolveBaseTypes() {
	for _, p := range r.structured {
		t := p.t
		if t.BaseTypeName == "" {
			continue
		}
		base, ok := r.lookupType(t.BaseTypeName).(*StructuredType)
		if !ok {
			r.fail(p.path, "unknown base type %s", t.BaseTypeName)
			continue
		}
		if base.Kind != t.Kind {
			r.fail(p.path, "base type %s is %s, want %s", t.BaseTypeName, kindName(base.Kind), kindName(t.Kind))
			continue
		}
		t.Base = base
		base.Derived = append(base.Derived, t)
	}

	for _, p := range r.structured {
		if hasInheritanceCycle(p.t) {
			r.fail(p.path, "base type chain of %s is a cycle", p.t.QualifiedName())
			p.t.Base = nil
		}
	}
}

// kindName names a kind of structured type in error messages.
func kindName(k TypeKind) string {
	if k == KindEntity {
		return "an entity type"
	}
	return "a complex type"
}

func hasInheritanceCycle(t *StructuredType) bool {
	slow, fast := t, t
	for fast != nil && fast.Base != nil {
		slow, fast = slow.Base, fast.Base.Base
		if slow == fast {
			return true
		}
	}
	return false
}

func (r *reader) resolveTypeRefs() {
	for _, p := range r.refs {
		name := p.name
		if inner, ok := strings.CutPrefix(name, "Collection("); ok && strings.HasSuffix(inner, ")") {
			p.dst.Collection = true
			name = strings.TrimSuffix(inner, ")")
		}
		t := r.lookupType(name)
		if t == nil {
			r.fail(p.path, "unknown type %s", name)
			continue
		}
		p.dst.Type = t
	}
	r.checkNavigationTargets()
}

// checkNavigationTargets reports navigation properties whose type is not an
// entity type.
func (r *reader) checkNavigationTargets() {
	for _, p := range r.structured {
		for _, n := range p.t.NavigationProperties {
			if n.Type.Type == nil {
				continue
			}
			if s := n.Type.Structured(); s == nil || !s.IsEntity() {
				r.fail(p.path.with("NavigationProperty", n.Name),
					"navigation property type %s is not an entity type", n.Type.Name)
			}
		}
	}
}
