package emitter

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/parser"
)

// primitiveGo maps Edm primitive types to Go: built-in types where they
// are exact, runtime types where JSON needs care.
var primitiveGo = map[string]func() jen.Code{
	"Edm.String":         func() jen.Code { return jen.String() },
	"Edm.Boolean":        func() jen.Code { return jen.Bool() },
	"Edm.Byte":           func() jen.Code { return jen.Uint8() },
	"Edm.SByte":          func() jen.Code { return jen.Int8() },
	"Edm.Int16":          func() jen.Code { return jen.Int16() },
	"Edm.Int32":          func() jen.Code { return jen.Int32() },
	"Edm.Int64":          func() jen.Code { return jen.Int64() },
	"Edm.Single":         func() jen.Code { return jen.Id("Single") },
	"Edm.Double":         func() jen.Code { return jen.Id("Double") },
	"Edm.Decimal":        func() jen.Code { return jen.Id("Decimal") },
	"Edm.DateTimeOffset": func() jen.Code { return jen.Id("DateTimeOffset") },
	"Edm.Date":           func() jen.Code { return jen.Id("Date") },
	"Edm.TimeOfDay":      func() jen.Code { return jen.Id("TimeOfDay") },
	"Edm.Duration":       func() jen.Code { return jen.Id("Duration") },
	"Edm.Guid":           func() jen.Code { return jen.Id("GUID") },
	"Edm.Binary":         func() jen.Code { return jen.Id("Binary") },
	"Edm.Stream":         func() jen.Code { return jen.Id("Stream") },
}

// elementType is the Go type of one value of a TypeRef's element type.
// Structured values are pointers, or the type's interface when it has
// selected derived types. Types outside the selection and Edm types
// without a Go equivalent (geography, Edm.Untyped) become Untyped, which
// keeps the JSON as it is.
func (g *generator) elementType(t parser.Type) jen.Code {
	switch t := t.(type) {
	case *parser.PrimitiveType:
		if f, ok := primitiveGo[t.Name]; ok {
			return f()
		}
		return jen.Id("Untyped")
	case *parser.StructuredType:
		if !g.sel.Includes(t) {
			return jen.Id("Untyped")
		}
		if g.polymorphic[t] {
			return jen.Id(g.anyName[t])
		}
		return jen.Op("*").Id(g.typeName[t])
	default:
		if !g.sel.Includes(t) {
			return jen.Id("Untyped")
		}
		return jen.Id(g.typeName[t])
	}
}

// valueType is the Go type of a property, parameter or return value:
// []T for collections, Nullable[T] otherwise.
func (g *generator) valueType(ref parser.TypeRef) jen.Code {
	if ref.Collection {
		return jen.Index().Add(g.elementType(ref.Type))
	}
	return jen.Id("Nullable").Types(g.elementType(ref.Type))
}

// isPolymorphic reports whether values of the ref decode by @odata.type.
func (g *generator) isPolymorphic(ref parser.TypeRef) (*parser.StructuredType, bool) {
	s := ref.Structured()
	if s == nil || !g.sel.Includes(s) || !g.polymorphic[s] {
		return nil, false
	}
	return s, true
}

// odataTypeName is the @odata.type value of a type: #namespace.name.
func odataTypeName(t parser.Type) string { return "#" + t.QualifiedName() }
