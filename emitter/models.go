package emitter

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/parser"
)

const jsonPkg = "encoding/json"

// emitBase writes the package-wide declarations that depend on the
// configuration.
func (g *generator) emitBase() {
	f := g.file("client", g.namespace)
	f.PackageComment(comment(g.packageDoc).GoString())
	f.Add(comment("defaultBaseURL is the service root NewClient uses unless WithBaseURL says otherwise."))
	f.Const().Id("defaultBaseURL").Op("=").Lit(g.cfg.BaseURL)
}

// emitDefinition writes a TypeDefinition as an alias of the Go type of its
// underlying primitive. An alias keeps the methods of that type: a defined
// type based on DateTimeOffset or GUID would lose MarshalText and encode as
// a JSON object or array instead.
func (g *generator) emitDefinition(d *parser.TypeDefinition) {
	g.stats.TypeDefinitions++
	f := g.file("models", d.Namespace)
	name := g.typeName[d]
	first := fmt.Sprintf("%s is the %s type definition, based on %s.",
		name, d.QualifiedName(), d.UnderlyingType.Name)
	f.Add(comment(docComment(first, d.Annotations)))
	f.Type().Id(name).Op("=").Add(g.elementType(d.UnderlyingType))
}

// emitStruct writes an entity or complex type: the struct, its JSON
// methods and, for a type with derived types, its interface and decoder.
func (g *generator) emitStruct(s *parser.StructuredType) {
	g.stats.Structs++
	f := g.file("models", s.Namespace)
	name := g.typeName[s]

	f.Add(comment(g.structDoc(s)))
	f.Type().Id(name).StructFunc(func(grp *jen.Group) {
		g.structFields(grp, s)
	})
	f.Line()
	g.emitJSONMethods(f, s)
	if g.polymorphic[s] {
		g.emitPolymorphism(f, s)
	}
}

func (g *generator) structDoc(s *parser.StructuredType) string {
	kind := "complex type"
	if s.IsEntity() {
		kind = "entity type"
	}
	first := fmt.Sprintf("%s is the %s %s.", g.typeName[s], s.QualifiedName(), kind)
	if s.Base != nil && g.sel.Includes(s.Base) {
		first += fmt.Sprintf(" It extends %s", g.typeName[s.Base])
		if g.polymorphic[s.Base] {
			first += fmt.Sprintf(" and can be used where %s is expected", g.anyName[s.Base])
		}
		first += "."
	}
	if s.Abstract {
		first += " The type is abstract: the service sends one of its derived types."
	}
	if s.OpenType {
		first += " It is open: members the metadata does not declare are kept in AdditionalData."
	}
	return docComment(first, s.Annotations)
}

func (g *generator) structFields(grp *jen.Group, s *parser.StructuredType) {
	if s.Base != nil && g.sel.Includes(s.Base) {
		grp.Id(g.typeName[s.Base])
	} else {
		grp.Add(comment(fieldODataType + " is the @odata.type the value was decoded with, such as " +
			"#microsoft.graph.user;\nwhen set, it is written back as it is."))
		grp.Id(fieldODataType).String().Tag(map[string]string{"json": "@odata.type,omitempty"})
		grp.Add(comment(fieldAdditionalData + " holds the JSON members the metadata does not describe, " +
			"such as instance\nannotations (@odata.etag) and properties the service added later, " +
			"so that they survive a\ndecode and encode."))
		grp.Id(fieldAdditionalData).Map(jen.String()).Qual(jsonPkg, "RawMessage").
			Tag(map[string]string{"json": "-"})
	}
	for _, fd := range g.fields[s] {
		grp.Line()
		grp.Add(comment(g.fieldDoc(fd)))
		grp.Id(fd.name).Add(g.valueType(fd.ref)).Tag(map[string]string{"json": fd.jsonName + ",omitzero"})
	}
}

func (g *generator) fieldDoc(fd field) string {
	kind := "property"
	if fd.nav {
		kind = "navigation property"
		if fd.ref.Collection {
			kind = "navigation collection"
		}
	}
	first := fmt.Sprintf("%s is the %s %s (%s).", fd.name, fd.jsonName, kind, typeLabel(fd.ref))
	var notes []string
	if fd.doc.Computed() {
		notes = append(notes, "read-only: the service computes it")
	}
	if fd.doc.Immutable() {
		notes = append(notes, "set on create only")
	}
	if !fd.nullable && !fd.ref.Collection {
		notes = append(notes, "never null")
	}
	if len(notes) > 0 {
		first = strings.TrimSuffix(first, ".") + "; " + strings.Join(notes, ", ") + "."
	}
	return docComment(first, fd.doc)
}

// typeLabel writes a TypeRef for a reader: Edm.String,
// collection of microsoft.graph.identity.
func typeLabel(ref parser.TypeRef) string {
	name := ref.Type.QualifiedName()
	if ref.Collection {
		return "collection of " + name
	}
	return name
}

// emitJSONMethods writes MarshalJSON and UnmarshalJSON. Each type encodes
// and decodes its own members and asks its embedded base for the rest, so
// every member goes to exactly one field, matched by exact name.
func (g *generator) emitJSONMethods(f *jen.File, s *parser.StructuredType) {
	name := g.typeName[s]
	recv := jen.Params(jen.Id("v").Id(name))
	precv := jen.Params(jen.Id("v").Op("*").Id(name))
	hasBase := s.Base != nil && g.sel.Includes(s.Base)

	f.Func().Add(recv.Clone()).Id("odataTypeName").Params().String().Block(
		jen.Return(jen.Lit(odataTypeName(s))),
	)
	f.Line()

	f.Add(comment("MarshalJSON encodes the members that are set, then AdditionalData."))
	f.Func().Add(recv.Clone()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Var().Id("e").Id("objectEncoder"),
		jen.Id("e").Dot("odataType").Call(jen.Id("v").Dot(fieldODataType)),
		jen.Id("v").Dot("encodeMembers").Call(jen.Op("&").Id("e")),
		jen.Id("e").Dot("additional").Call(jen.Id("v").Dot(fieldAdditionalData)),
		jen.Return(jen.Id("e").Dot("finish").Call()),
	)
	f.Line()

	encoder := jen.Id("e").Op("*").Id("objectEncoder")
	f.Func().Add(recv.Clone()).Id("encodeMembers").Params(encoder).BlockFunc(func(b *jen.Group) {
		if hasBase {
			b.Id("v").Dot(g.typeName[s.Base]).Dot("encodeMembers").Call(jen.Id("e"))
		}
		for _, fd := range g.fields[s] {
			b.Add(g.encodeField(fd))
		}
	})
	f.Line()

	f.Add(comment("UnmarshalJSON decodes each member into its own field, matching names exactly;\n" +
		"members without a field go to AdditionalData. A JSON null leaves v unchanged."))
	f.Func().Add(precv.Clone()).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("unmarshalObject").Call(jen.Id("data"), jen.Id("v"), jen.Lit(s.QualifiedName()))),
	)
	f.Line()

	f.Func().Add(precv.Clone()).Id("newObject").Params().Id("objectValue").
		Block(jen.Return(jen.New(jen.Id(name))))
	f.Line()

	f.Func().Add(precv.Clone()).Id("decodeObject").Params(jen.Id("d").Op("*").Id("objectDecoder")).Error().Block(
		jen.Id("v").Dot("decodeMembers").Call(jen.Id("d")),
		jen.Return(jen.Id("d").Dot("finish").Call(
			jen.Op("&").Id("v").Dot(fieldODataType), jen.Op("&").Id("v").Dot(fieldAdditionalData))),
	)
	f.Line()

	decoder := jen.Id("d").Op("*").Id("objectDecoder")
	f.Func().Add(precv).Id("decodeMembers").Params(decoder).BlockFunc(func(b *jen.Group) {
		if hasBase {
			b.Id("v").Dot(g.typeName[s.Base]).Dot("decodeMembers").Call(jen.Id("d"))
		}
		for _, fd := range g.fields[s] {
			b.Add(g.decodeField(fd))
		}
	})
	f.Line()
}

func (g *generator) encodeField(fd field) jen.Code {
	value := jen.Id("v").Dot(fd.name)
	if base, ok := g.isPolymorphic(fd.ref); ok {
		fn := "encodeMemberAs"
		if fd.ref.Collection {
			fn = "encodeListAs"
		}
		return jen.Id(fn).Call(jen.Id("e"), jen.Lit(fd.jsonName), value, jen.Lit(odataTypeName(base)))
	}
	fn := "encodeMember"
	if fd.ref.Collection {
		fn = "encodeList"
	}
	return jen.Id(fn).Call(jen.Id("e"), jen.Lit(fd.jsonName), value)
}

func (g *generator) decodeField(fd field) jen.Code {
	dst := jen.Op("&").Id("v").Dot(fd.name)
	if base, ok := g.isPolymorphic(fd.ref); ok {
		fn := "decodeMemberWith"
		if fd.ref.Collection {
			fn = "decodeListWith"
		}
		return jen.Id(fn).Call(jen.Id("d"), jen.Lit(fd.jsonName), dst, jen.Id(g.decodeName[base]))
	}
	fn := "decodeMember"
	if fd.ref.Collection {
		fn = "decodeList"
	}
	if st := fd.ref.Structured(); st != nil && g.sel.Includes(st) {
		fn = "decodeStructMember"
		if fd.ref.Collection {
			fn = "decodeStructList"
		}
	}
	return jen.Id(fn).Call(jen.Id("d"), jen.Lit(fd.jsonName), dst)
}

// emitPolymorphism writes the interface that s and its derived types
// implement, the As method, and the decoder that picks the Go type by
// @odata.type.
func (g *generator) emitPolymorphism(f *jen.File, s *parser.StructuredType) {
	name, anyName, asName := g.typeName[s], g.anyName[s], g.asName[s]

	f.Add(comment(wrap(fmt.Sprintf("%s is implemented by *%s and by every generated type derived from it; "+
		"properties declared as %s hold one. Use a type switch to get the derived type, or "+
		"%s to read the %s part.", anyName, name, s.QualifiedName(), asName, name), commentWidth)))
	f.Type().Id(anyName).InterfaceFunc(func(grp *jen.Group) {
		if base := g.polymorphicAncestor(s); base != nil {
			grp.Id(g.anyName[base])
		} else {
			grp.Qual(jsonPkg, "Marshaler")
			grp.Qual(jsonPkg, "Unmarshaler")
			grp.Id("odataTypeName").Params().String()
			grp.Id("decodeObject").Params(jen.Op("*").Id("objectDecoder")).Error()
		}
		grp.Line()
		grp.Comment(fmt.Sprintf("%s returns the %s part of the value.", asName, name))
		grp.Id(asName).Params().Op("*").Id(name)
	})
	f.Line()

	f.Add(comment(wrap(fmt.Sprintf("%s returns v itself; types derived from %s inherit it and return their "+
		"embedded %s.", asName, name, name), commentWidth)))
	f.Func().Params(jen.Id("v").Op("*").Id(name)).Id(asName).Params().Op("*").Id(name).
		Block(jen.Return(jen.Id("v")))
	f.Line()

	g.emitDecoder(f, s)
}

// polymorphicAncestor returns the nearest ancestor of s that has an
// interface, so that s's interface can embed it.
func (g *generator) polymorphicAncestor(s *parser.StructuredType) *parser.StructuredType {
	for a := s.Base; a != nil; a = a.Base {
		if g.polymorphic[a] {
			return a
		}
	}
	return nil
}

// emitDecoder writes UnmarshalAnyT: it reads @odata.type and decodes into the
// generated type of that name, or into the nearest generated ancestor for a
// type that was not generated, which keeps every member and the
// @odata.type, so the value re-encodes to the same JSON.
func (g *generator) emitDecoder(f *jen.File, s *parser.StructuredType) {
	anyName := g.anyName[s]
	f.Add(comment(wrap(fmt.Sprintf("%s decodes a %s, or a value of a type derived from it, into the Go "+
		"type its @odata.type names; a type that was not generated decodes into its nearest generated "+
		"ancestor, keeping every member. Use it for JSON that does not come through the client, such as "+
		"change notifications. A JSON null gives nil.", g.decodeName[s], s.QualifiedName()), commentWidth)))
	f.Func().Id(g.decodeName[s]).Params(jen.Id("data").Index().Byte()).
		Params(jen.Id(anyName), jen.Error()).Block(
		jen.If(jen.Id("isJSONNull").Call(jen.Id("data"))).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.List(jen.Id("d"), jen.Err()).Op(":=").Id("newObjectDecoder").Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(
			jen.Lit("decode "+s.QualifiedName()+": %w"), jen.Err()))),
		jen.Var().Id("v").Id(anyName),
		jen.Switch(jen.Id("d").Dot("odataType").Call()).BlockFunc(func(sw *jen.Group) {
			for _, target := range g.decodeCases(s) {
				sw.Case(stringLits(target.names)...).Block(
					jen.Id("v").Op("=").New(jen.Id(g.typeName[target.goType])),
				)
			}
			sw.Default().Block(jen.Id("v").Op("=").New(jen.Id(g.typeName[s])))
		}),
		jen.Return(jen.Id("v"), jen.Id("v").Dot("decodeObject").Call(jen.Id("d"))),
	)
	f.Line()
}

// decodeCase is one case of a decoder: the @odata.type names that decode
// into one generated type.
type decodeCase struct {
	goType *parser.StructuredType
	names  []string
}

// decodeCases groups every type derived from s by the generated type its
// values decode into: itself when it is selected, otherwise its nearest
// selected ancestor below s. Types that fall back to s itself need no case.
func (g *generator) decodeCases(s *parser.StructuredType) []decodeCase {
	index := map[*parser.StructuredType]int{}
	var cases []decodeCase
	for _, d := range s.AllDerived() {
		target := d
		for !g.sel.Includes(target) {
			target = target.Base
		}
		if target == s {
			continue
		}
		i, ok := index[target]
		if !ok {
			i = len(cases)
			index[target] = i
			cases = append(cases, decodeCase{goType: target})
		}
		cases[i].names = append(cases[i].names, g.typeNames(d)...)
	}
	return cases
}

// typeNames lists the @odata.type spellings of a type without the #: with
// the namespace and, when the schema has one, the alias.
func (g *generator) typeNames(t *parser.StructuredType) []string {
	names := []string{t.QualifiedName()}
	if sc := g.sel.Model.Schema(t.Namespace); sc != nil && sc.Alias != "" {
		names = append(names, sc.Alias+"."+t.Name)
	}
	return names
}

// stringLits writes case values, one per line when there are several, so
// that long lists of type names stay readable.
func stringLits(values []string) []jen.Code {
	out := make([]jen.Code, len(values))
	for i, v := range values {
		out[i] = jen.Lit(v)
		if len(values) > 2 {
			out[i] = jen.Line().Lit(v)
		}
	}
	return out
}
