package parser_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

// badEntity is a schema in the shape of Graph's with a navigation property
// to a type that does not exist.
const badEntity = `
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="exchangeRestoreSession" BaseType="graph.entity">
        <NavigationProperty Name="x" Type="Collection(graph.nope)" />
      </EntityType>`

func TestBadInput(t *testing.T) {
	valid := edmx(schema("microsoft.graph", "graph", badEntity))
	tests := []struct {
		name string
		doc  string
		// wantPath is the element path the error must name; wantMsg a
		// part of the message.
		wantPath string
		wantMsg  string
	}{
		{"empty file", "", "", "empty document"},
		{"blank file", " \n\t", "", "empty document"},
		{"BOM only", "\xEF\xBB\xBF", "", "empty document"},
		{"declaration only", `<?xml version="1.0"?>`, "", "no root element"},
		{"not EDMX", `<html><body/></html>`, "html", "not an EDMX document"},
		{"EDMX in another namespace", `<edmx:Edmx Version="4.0" xmlns:edmx="urn:other"/>`,
			"edmx:Edmx", "not an EDMX document"},
		{"EDMX 1.0", strings.Replace(valid, `Version="4.0"`, `Version="1.0"`, 1),
			"Edmx", `unsupported EDMX version "1.0"`},
		{"EDMX 3.0", strings.Replace(valid, `Version="4.0"`, `Version="3.0"`, 1),
			"Edmx", `unsupported EDMX version "3.0"`},
		{"EDMX without version", strings.Replace(valid, `Version="4.0"`, ``, 1),
			"Edmx", `unsupported EDMX version ""`},
		{"no DataServices", `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>`,
			"Edmx", "want exactly one edmx:DataServices element, found 0"},
		{"no schema", edmx(), "Edmx / DataServices", "no Schema element"},
		{
			"dangling type name", valid,
			"Schema microsoft.graph / EntityType exchangeRestoreSession / NavigationProperty x",
			"unknown type graph.nope",
		},
		{
			"dangling base type",
			edmx(schema("microsoft.graph", "graph", `<ComplexType Name="a" BaseType="graph.b" />`)),
			"Schema microsoft.graph / ComplexType a", "unknown base type graph.b",
		},
		{
			"duplicate type",
			edmx(schema("example", "", `<ComplexType Name="a" /><EnumType Name="a" />`)),
			"Schema example / EnumType a", "duplicate type example.a",
		},
		{
			"duplicate type across schema elements with one namespace",
			edmx(schema("example", "", `<ComplexType Name="a" />`), schema("example", "", `<ComplexType Name="b" />`)),
			"Schema example", "duplicate schema namespace",
		},
		{
			"duplicate property",
			edmx(schema("example", "", `<ComplexType Name="a"><Property Name="p" Type="Edm.String" />`+
				`<Property Name="p" Type="Edm.Int32" /></ComplexType>`)),
			"Schema example / ComplexType a / Property p", "duplicate property",
		},
		{
			"enum value not a number",
			edmx(schema("example", "", `<EnumType Name="color"><Member Name="red" Value="0" />`+
				`<Member Name="blue" Value="one" /></EnumType>`)),
			"Schema example / EnumType color / Member blue", `member value "one" is not an integer`,
		},
		{
			"duplicate enum member",
			edmx(schema("example", "",
				`<EnumType Name="color"><Member Name="red" /><Member Name="red" /></EnumType>`)),
			"Schema example / EnumType color / Member red", "duplicate member",
		},
		{
			"enum over a string",
			edmx(schema("example", "", `<EnumType Name="color" UnderlyingType="Edm.String" />`)),
			"Schema example / EnumType color", "not an integer type",
		},
		{
			"base type cycle",
			edmx(schema("example", "self", `
      <EntityType Name="a" BaseType="self.c" />
      <EntityType Name="b" BaseType="self.a" />
      <EntityType Name="c" BaseType="example.b" />`)),
			"Schema example / EntityType a", "base type chain of example.a is a cycle",
		},
		{
			"base type is itself",
			edmx(schema("example", "", `<ComplexType Name="a" BaseType="example.a" />`)),
			"Schema example / ComplexType a", "is a cycle",
		},
		{
			"entity derived from complex",
			edmx(schema("example", "", `<ComplexType Name="a" /><EntityType Name="b" BaseType="example.a" />`)),
			"Schema example / EntityType b", "base type example.a is a complex type, want an entity type",
		},
		{
			"complex derived from entity",
			edmx(schema("example", "", `<EntityType Name="a" /><ComplexType Name="b" BaseType="example.a" />`)),
			"Schema example / ComplexType b", "base type example.a is an entity type, want a complex type",
		},
		{
			"base type is an enum",
			edmx(schema("example", "", `<EnumType Name="a" /><ComplexType Name="b" BaseType="example.a" />`)),
			"Schema example / ComplexType b", "unknown base type example.a",
		},
		{
			"navigation to complex type",
			edmx(schema("example", "", `
      <ComplexType Name="address" />
      <EntityType Name="user"><NavigationProperty Name="home" Type="example.address" /></EntityType>`)),
			"Schema example / EntityType user / NavigationProperty home",
			"navigation property type example.address is not an entity type",
		},
		{
			"navigation to primitive type",
			edmx(schema("example", "", `<EntityType Name="user">`+
				`<NavigationProperty Name="n" Type="Collection(Edm.String)" /></EntityType>`)),
			"Schema example / EntityType user / NavigationProperty n", "is not an entity type",
		},
		{
			"property without type",
			edmx(schema("example", "", `<ComplexType Name="a"><Property Name="p" /></ComplexType>`)),
			"Schema example / ComplexType a / Property p", "missing Type attribute",
		},
		{
			"type without name",
			edmx(schema("example", "", `<ComplexType />`)),
			"Schema example / ComplexType", "missing Name attribute",
		},
		{
			"schema without namespace",
			edmx(`<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" />`),
			"Schema", "missing Namespace attribute",
		},
		{
			"unknown schema element",
			edmx(schema("example", "", `<Table Name="t" />`)),
			"Schema example / Table t", "unknown schema element <Table>",
		},
		{
			"bad precision",
			edmx(schema("example", "", `<ComplexType Name="a">`+
				`<Property Name="p" Type="Edm.Decimal" Precision="high" /></ComplexType>`)),
			"Schema example / ComplexType a / Property p", `Precision "high" is not an integer`,
		},
		{
			"type definition over a complex type",
			edmx(schema("example", "",
				`<ComplexType Name="a" /><TypeDefinition Name="d" UnderlyingType="example.a" />`)),
			"Schema example / TypeDefinition d", `underlying type "example.a" is not an Edm primitive type`,
		},
		{
			"bound operation without parameters",
			edmx(schema("example", "", `<Action Name="go" IsBound="true" />`)),
			"Schema example / Action go", "bound operation has no binding parameter",
		},
		{
			"unknown parameter type",
			edmx(schema("example", "", `<Function Name="f"><Parameter Name="p" Type="example.nope" />`+
				`<ReturnType Type="Edm.String" /></Function>`)),
			"Schema example / Function f / Parameter p", "unknown type example.nope",
		},
		{
			"unknown return type",
			edmx(schema("example", "",
				`<Function Name="f"><ReturnType Type="Collection(example.nope)" /></Function>`)),
			"Schema example / Function f / ReturnType", "unknown type example.nope",
		},
		{
			"entity set of a complex type",
			edmx(schema("example", "", `<ComplexType Name="a" /><EntityContainer Name="svc">`+
				`<EntitySet Name="as" EntityType="example.a" /></EntityContainer>`)),
			"Schema example / EntityContainer svc / EntitySet as", "unknown entity type example.a",
		},
		{
			"singleton of an unknown type",
			edmx(schema("example", "",
				`<EntityContainer Name="svc"><Singleton Name="me" Type="example.user" /></EntityContainer>`)),
			"Schema example / EntityContainer svc / Singleton me", "unknown entity type example.user",
		},
		{
			"import of a bound action",
			edmx(schema("example", "", `
      <EntityType Name="a" />
      <Action Name="go" IsBound="true"><Parameter Name="b" Type="example.a" /></Action>
      <EntityContainer Name="svc"><ActionImport Name="go" Action="example.go" /></EntityContainer>`)),
			"Schema example / EntityContainer svc / ActionImport go", "unknown unbound operation example.go",
		},
		{
			"annotation on a parameter of a function with an unknown parameter type",
			edmx(schema("example", "", `
      <Function Name="f"><Parameter Name="p" Type="example.nope" /><ReturnType Type="Edm.String" /></Function>
      <Annotations Target="example.f/q"><Annotation Term="Org.OData.Core.V1.Computed" /></Annotations>`)),
			"Schema example / Function f / Parameter p", "unknown type example.nope",
		},
		{
			"annotation without term",
			edmx(schema("example", "", `<ComplexType Name="a"><Annotation String="x" /></ComplexType>`)),
			"Schema example / ComplexType a / Annotation", "missing Term attribute",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseError(t, "bad.xml", tt.doc, parser.Options{})
			if e == nil {
				return
			}
			if e.File != "bad.xml" {
				t.Errorf("%s: File = %q, want bad.xml", tt.name, e.File)
			}
			if e.Path != tt.wantPath {
				t.Errorf("%s: Path = %q, want %q (error %v)", tt.name, e.Path, tt.wantPath, e)
			}
			msg := e.Error()
			if !strings.Contains(msg, tt.wantMsg) || !strings.HasPrefix(msg, "bad.xml") {
				t.Errorf("%s: error %q, want it to start with bad.xml and contain %q", tt.name, msg, tt.wantMsg)
			}
			if tt.wantPath != "" && !strings.Contains(msg, tt.wantPath+": ") {
				t.Errorf("%s: error %q does not name the path %q", tt.name, msg, tt.wantPath)
			}
		})
	}
}

// parseError parses a document that must fail and returns the first
// *parser.Error; it reports a test failure if Parse succeeds, panics or
// returns another kind of error.
func parseError(t *testing.T, name, doc string, opts parser.Options) (first *parser.Error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("ParseWith(%q) panicked: %v\n%s", name, p, doc)
			first = nil
		}
	}()
	m, err := parser.ParseWith(name, []byte(doc), opts)
	if err == nil {
		t.Errorf("ParseWith succeeded (%d schemas), want an error for\n%s", len(m.Schemas), doc)
		return nil
	}
	if m != nil {
		t.Errorf("ParseWith returned a model with the error %v", err)
	}
	var e *parser.Error
	if !errors.As(err, &e) {
		t.Errorf("error %v (%T) is not a *parser.Error", err, err)
		return nil
	}
	return e
}

func TestErrorListReportsEveryProblem(t *testing.T) {
	doc := edmx(schema("example", "", `
      <ComplexType Name="a">
        <Property Name="p" Type="example.nope1" />
        <Property Name="q" Type="example.nope2" />
      </ComplexType>`))
	_, err := parser.Parse("two.xml", []byte(doc))
	var list parser.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not an ErrorList", err, err)
	}
	if len(list) != 2 {
		t.Fatalf("ErrorList has %d errors, want 2: %v", len(list), err)
	}
	want := "two.xml: Schema example / ComplexType a / Property p: unknown type example.nope1\n" +
		"two.xml: Schema example / ComplexType a / Property q: unknown type example.nope2"
	if err.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", err.Error(), want)
	}
}

func TestErrorListTruncates(t *testing.T) {
	var props strings.Builder
	for i := range 12 {
		props.WriteString(`<Property Name="p` + string(rune('a'+i)) + `" Type="example.nope" />`)
	}
	doc := edmx(schema("example", "", `<ComplexType Name="a">`+props.String()+`</ComplexType>`))
	_, err := parser.Parse("many.xml", []byte(doc))
	if err == nil {
		t.Fatal("Parse succeeded, want 12 errors")
	}
	msg := err.Error()
	if got := strings.Count(msg, "\n") + 1; got != 11 || !strings.HasSuffix(msg, "(and 2 more)") {
		t.Errorf("Error() has %d lines and ends %q; want 10 errors and (and 2 more)",
			got, msg[strings.LastIndex(msg, "\n")+1:])
	}
}

// TestMalformedXMLPosition checks the position of syntax errors. Like
// encoding/xml, the column is that of the byte just after the offending
// character or token.
func TestMalformedXMLPosition(t *testing.T) {
	tests := []struct {
		name      string
		doc       string
		wantLine  int
		wantCol   int
		wantCause string
	}{
		{
			"unclosed attribute value on line 3",
			"<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n" +
				"  <edmx:DataServices>\n" +
				"    <Schema Namespace=\"a\" Alias=b>\n",
			3, 34, "unquoted or missing attribute value",
		},
		{
			"mismatched end tag",
			"<a>\n <b>\n </c>\n</a>\n",
			3, 6, "element <b> closed by </c>",
		},
		{
			"truncated document",
			"<a>\n  <b>",
			2, 6, "unexpected EOF",
		},
		{
			"stray ampersand",
			"<a>\n\n x & y</a>",
			3, 5, "invalid character entity",
		},
	}
	for _, tt := range tests {
		e := parseError(t, "broken.xml", tt.doc, parser.Options{})
		if e == nil {
			continue
		}
		if e.Line != tt.wantLine || e.Column != tt.wantCol {
			t.Errorf("%s: Line, Column = %d, %d; want %d, %d (%v)",
				tt.name, e.Line, e.Column, tt.wantLine, tt.wantCol, e)
		}
		msg := e.Error()
		prefix := fmt.Sprintf("broken.xml:%d:%d: malformed XML", tt.wantLine, tt.wantCol)
		if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tt.wantCause) {
			t.Errorf("%s: error %q, want prefix %q and cause %q", tt.name, msg, prefix, tt.wantCause)
		}
	}
}

func TestDanglingAnnotationTarget(t *testing.T) {
	body := `
      <ComplexType Name="a"><Property Name="p" Type="Edm.String" /></ComplexType>
      <Action Name="go"><Parameter Name="x" Type="Edm.Int32" /></Action>
      <Annotations Target="example.a/p">
        <Annotation Term="Org.OData.Core.V1.Description" String="kept" />
      </Annotations>`
	dangling := []struct {
		target  string
		wantMsg string
	}{
		{"example.gone", "annotation target example.gone names no element"},
		{"example.a/gone", "annotation target example.a/gone names no property"},
		{"example.go(Edm.String)", "annotation target example.go(Edm.String) names no operation overload"},
		{"example.go/nope", "annotation target example.go()/nope names no parameter"},
		{"example.go(", "annotation target example.go(: unbalanced parentheses"},
		{"", "annotation target  names no element"},
	}
	for _, d := range dangling {
		block := `<Annotations Target="` + d.target + `">` +
			`<Annotation Term="Org.OData.Core.V1.Description" String="lost" /></Annotations>`
		doc := edmx(schema("example", "", body+block))
		wantPath := strings.TrimSpace("Schema example / Annotations " + d.target)

		m, err := parser.Parse("dangling.xml", []byte(doc))
		if err != nil {
			t.Errorf("target %q: Parse: %v, want a warning only", d.target, err)
			continue
		}
		if len(m.Warnings) != 1 || m.Warnings[0].Err.Path != wantPath ||
			!strings.Contains(m.Warnings[0].String(), d.wantMsg) ||
			m.Warnings[0].Fixup.Name != parser.FixupDanglingAnnotationTarget.Name {
			t.Errorf("target %q: Warnings = %v, want one at %q containing %q",
				d.target, m.Warnings, wantPath, d.wantMsg)
		}
		if got := m.StructuredType("example.a").Property("p").Annotations.Description(); got != "kept" {
			t.Errorf("target %q: the valid block was lost, Description = %q", d.target, got)
		}

		e := parseError(t, "dangling.xml", doc, parser.Options{Strict: true})
		if e == nil {
			continue
		}
		if e.Path != wantPath || !strings.Contains(e.Error(), d.wantMsg) {
			t.Errorf("target %q strict: error %v, want path %q and %q", d.target, e, wantPath, d.wantMsg)
		}
	}
}

func TestFixupsAreListed(t *testing.T) {
	for _, f := range parser.Fixups {
		if f.Name == "" || f.Problem == "" {
			t.Errorf("fixup %+v lacks a name or a problem statement", f)
		}
	}
	if len(parser.Fixups) == 0 || parser.Fixups[0] != parser.FixupDanglingAnnotationTarget {
		t.Errorf("Fixups = %v, want dangling-annotation-target listed", parser.Fixups)
	}
}
