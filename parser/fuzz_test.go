package parser_test

import (
	"fmt"
	"runtime/debug"
	"testing"
	"time"

	"github.com/graphgen/graphgen/parser"
)

// FuzzParse checks that Parse never panics and that a document it accepts
// yields a model in which every name is resolved. The seeds are small
// valid and invalid documents; regressions found by fuzzing are kept in
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	seeds := []string{
		edmx(schema("example.zoo", "zoo", zooSchema), schema("example.base", "base", baseSchema)),
		withReferences(edmx(schema("example", "", `
      <EntityType Name="thing">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <Annotation Term="Core.Revisions">
          <Collection><Record>
            <PropertyValue Property="Kind">
              <EnumMember>Org.OData.Core.V1.RevisionKind/Deprecated</EnumMember>
            </PropertyValue>
            <PropertyValue Property="Date" Date="2024-01-01" />
          </Record></Collection>
        </Annotation>
      </EntityType>
      <Function Name="f" IsBound="true">
        <Parameter Name="b" Type="example.thing" />
        <ReturnType Type="Edm.String" />
      </Function>
      <Annotations Target="example.f(example.thing)/$ReturnType">
        <Annotation Term="Core.Description" String="d" />
      </Annotations>
      <Annotations Target="example.thing/nope">
        <Annotation Term="Core.Computed" />
      </Annotations>`)), coreReference),
		edmx(schema("microsoft.graph", "graph", badEntity)),
		edmx(schema("example", "self",
			`<EntityType Name="a" BaseType="self.b" /><EntityType Name="b" BaseType="self.a" />`)),
		edmx(schema("example", "", `<EnumType Name="e" IsFlags="true"><Member Name="x" Value="1" />`+
			`<Member Name="unknownFutureValue" /><Member Name="y" /></EnumType>`)),
		edmx(schema("example", "", `<Action Name="go"><Parameter Name="p" Type="example.nope" /></Action>
      <Annotations Target="example.go/q"><Annotation Term="Core.Computed" /></Annotations>`)),
		edmx(schema("example", "", `<Function Name="f"><Parameter Name="p" Type="example.nope" />`+
			`<ReturnType Type="Edm.String" /></Function>
      <Annotations Target="example.f/q"><Annotation Term="Core.Computed" /></Annotations>`)),
		`<edmx:Edmx Version="1.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>`,
		"<a>\n <b>\n </c>\n</a>\n",
		"\xEF\xBB\xBF",
		"",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan []string, 1)
		go func() { done <- checkParse(data) }()
		select {
		case problems := <-done:
			for _, p := range problems {
				t.Error(p)
			}
		case <-time.After(fuzzDeadline):
			t.Fatalf("ParseWith did not return within %v for %q", fuzzDeadline, data)
		}
	})
}

// fuzzDeadline bounds one input of the fuzz target: a slower parse is a
// hang, which the fuzzing engine would otherwise not report.
const fuzzDeadline = 10 * time.Second

// checkParse parses data in both modes and returns what breaks the fuzz
// property: a panic, a model returned with an error, an empty error
// message, or an accepted model with an unresolved name.
func checkParse(data []byte) (problems []string) {
	defer func() {
		if p := recover(); p != nil {
			problems = append(problems, fmt.Sprintf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	for _, opts := range []parser.Options{{}, {Strict: true}} {
		m, err := parser.ParseWith("fuzz.xml", data, opts)
		if err != nil {
			if m != nil {
				problems = append(problems,
					fmt.Sprintf("strict=%v: a model was returned with the error %v", opts.Strict, err))
			}
			if err.Error() == "" {
				problems = append(problems, fmt.Sprintf("strict=%v: empty error message", opts.Strict))
			}
			continue
		}
		if bad := unresolved(m); len(bad) > 0 {
			problems = append(problems, fmt.Sprintf("strict=%v: accepted with unresolved names: %v", opts.Strict, bad))
		}
		for s := range m.StructuredTypes() {
			if len(s.Ancestors()) > len(m.Schemas)*maxTypesPerSchema(m) {
				problems = append(problems, s.QualifiedName()+": base chain longer than the number of types")
			}
			s.AllDerived()
		}
		for op := range m.AllOperations() {
			op.Signature()
			op.FullSignature()
		}
	}
	return problems
}

// maxTypesPerSchema is the number of structured types of the largest
// schema, which bounds the length of any base type chain.
func maxTypesPerSchema(m *parser.Model) int {
	n := 1
	for _, s := range m.Schemas {
		n = max(n, len(s.ComplexTypes)+len(s.EntityTypes))
	}
	return n
}
