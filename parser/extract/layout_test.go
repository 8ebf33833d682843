package extract_test

import (
	"strings"
	"testing"

	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/parser/extract"
)

// source uses aliases, out-of-line annotations and elements the roots do
// not need, to show what the extract keeps and how it spells it.
const source = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://example.com/Core.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>
  </edmx:Reference>
  <edmx:Reference Uri="https://example.com/Capabilities.xml">
    <edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/>
  </edmx:Reference>
  <edmx:Reference Uri="https://example.com/Unused.xml">
    <edmx:Include Namespace="Org.Example.Unused" Alias="Unused"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="test.ns" Alias="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <TypeDefinition Name="label" UnderlyingType="Edm.String" MaxLength="20"/>
      <EnumType Name="status">
        <Member Name="ok"/>
        <Member Name="unknownFutureValue"/>
        <Member Name="failed"/>
      </EnumType>
      <EnumType Name="unused"><Member Name="a"/></EnumType>
      <ComplexType Name="note" OpenType="true">
        <Property Name="text" Type="t.label" DefaultValue="none"/>
        <Property Name="price" Type="Edm.Decimal" Precision="10" Scale="2"/>
      </ComplexType>
      <EntityType Name="root">
        <NavigationProperty Name="items" Type="Collection(t.item)" ContainsTarget="true"/>
        <NavigationProperty Name="other" Type="t.other"/>
      </EntityType>
      <EntityType Name="item" Abstract="true">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="state" Type="t.status"/>
        <Property Name="notes" Type="Collection(t.note)"/>
      </EntityType>
      <EntityType Name="special" BaseType="t.item"/>
      <EntityType Name="verySpecial" BaseType="t.special">
        <Property Name="extra" Type="Edm.Int32"/>
      </EntityType>
      <EntityType Name="other">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <Action Name="archive" IsBound="true">
        <Parameter Name="bindingParameter" Type="t.item"/>
        <Parameter Name="reason" Type="Edm.String" Nullable="false"/>
        <ReturnType Type="t.item"/>
      </Action>
      <Function Name="lookup" IsBound="true">
        <Parameter Name="bindingParameter" Type="t.other"/>
        <ReturnType Type="Edm.String"/>
      </Function>
      <EntityContainer Name="Service">
        <Singleton Name="root" Type="t.root">
          <NavigationPropertyBinding Path="other" Target="others"/>
        </Singleton>
        <EntitySet Name="others" EntityType="t.other"/>
      </EntityContainer>
      <Annotations Target="t.item/id">
        <Annotation Term="Core.Description" String="first line&#xA;second line"/>
        <Annotation Term="Core.Computed"/>
      </Annotations>
      <Annotations Target="t.root/items" Qualifier="v2">
        <Annotation Term="Capabilities.ReadRestrictions">
          <Record>
            <PropertyValue Property="Readable" Bool="false"/>
            <PropertyValue Property="CustomHeaders">
              <Collection>
                <Record Type="Capabilities.CustomParameter">
                  <PropertyValue Property="Name" String="x-custom"/>
                  <PropertyValue Property="ExampleValues"><Null/></PropertyValue>
                  <Annotation Term="Core.Description" String="nested"/>
                </Record>
              </Collection>
            </PropertyValue>
          </Record>
        </Annotation>
      </Annotations>
      <Annotations Target="t.status/failed">
        <Annotation Term="Unknown.Flag" EnumMember="Capabilities.NavigationType/None"/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

const want = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://example.com/Capabilities.xml">
    <edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/>
  </edmx:Reference>
  <edmx:Reference Uri="https://example.com/Core.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="test.ns" Alias="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <TypeDefinition Name="label" UnderlyingType="Edm.String" MaxLength="20"/>
      <EnumType Name="status">
        <Member Name="ok"/>
        <Member Name="unknownFutureValue"/>
        <Member Name="failed">
          <Annotation Term="Unknown.Flag" EnumMember="Capabilities.NavigationType/None"/>
        </Member>
      </EnumType>
      <ComplexType Name="note" OpenType="true">
        <Property Name="text" Type="test.ns.label" DefaultValue="none"/>
        <Property Name="price" Type="Edm.Decimal" Precision="10" Scale="2"/>
      </ComplexType>
      <EntityType Name="root">
        <NavigationProperty Name="items" Type="Collection(test.ns.item)" ContainsTarget="true">
          <Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions" Qualifier="v2">
            <Record>
              <PropertyValue Property="Readable" Bool="false"/>
              <PropertyValue Property="CustomHeaders">
                <Collection>
                  <Record Type="Capabilities.CustomParameter">
                    <PropertyValue Property="Name" String="x-custom"/>
                    <PropertyValue Property="ExampleValues">
                      <Null/>
                    </PropertyValue>
                    <Annotation Term="Org.OData.Core.V1.Description" String="nested"/>
                  </Record>
                </Collection>
              </PropertyValue>
            </Record>
          </Annotation>
        </NavigationProperty>
      </EntityType>
      <EntityType Name="item" Abstract="true">
        <Key>
          <PropertyRef Name="id"/>
        </Key>
        <Property Name="id" Type="Edm.String" Nullable="false">
          <Annotation Term="Org.OData.Core.V1.Description" String="first line&#xA;second line"/>
          <Annotation Term="Org.OData.Core.V1.Computed"/>
        </Property>
        <Property Name="state" Type="test.ns.status"/>
        <Property Name="notes" Type="Collection(test.ns.note)"/>
      </EntityType>
      <Action Name="archive" IsBound="true">
        <Parameter Name="bindingParameter" Type="test.ns.item"/>
        <Parameter Name="reason" Type="Edm.String" Nullable="false"/>
        <ReturnType Type="test.ns.item"/>
      </Action>
      <EntityContainer Name="Service">
        <Singleton Name="root" Type="test.ns.root"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

func TestWriteLayout(t *testing.T) {
	m, err := parser.Parse("source.xml", []byte(source))
	if err != nil {
		t.Fatal(err)
	}
	sel, err := m.Closure([]string{"/root/items"}, parser.DefaultDerivedPolicy)
	if err != nil {
		t.Fatal(err)
	}
	got, err := extract.Write(sel)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("Write(closure of /root/items):\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteKeepsBindingsToKeptTargets(t *testing.T) {
	m, err := parser.Parse("source.xml", []byte(source))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		roots []string
		want  bool
	}{
		{[]string{"/root/items"}, false},
		{[]string{"/root/items", "/others"}, false},
		{[]string{"/root/other", "/others"}, true},
	}
	for _, tt := range tests {
		sel, err := m.Closure(tt.roots, parser.DefaultDerivedPolicy)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Write(sel)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(string(doc), `<NavigationPropertyBinding Path="other" Target="others"/>`)
		if got != tt.want {
			t.Errorf("roots %v: binding other→others kept = %v, want %v", tt.roots, got, tt.want)
		}
	}
}

func TestWriteWholeModelRoundTrips(t *testing.T) {
	m, err := parser.Parse("source.xml", []byte(source))
	if err != nil {
		t.Fatal(err)
	}
	first, err := extract.Write(m.All())
	if err != nil {
		t.Fatal(err)
	}
	again, err := parser.ParseWith("extract", first, parser.Options{Strict: true})
	if err != nil {
		t.Fatalf("parse extract: %v\n%s", err, first)
	}
	second, err := extract.Write(again.All())
	if err != nil {
		t.Fatal(err)
	}
	if string(first) != string(second) {
		t.Errorf("extract of the extract differs:\n%s\nwant:\n%s", second, first)
	}
	for _, name := range []string{`Name="unused"`, `Function Name="lookup"`, `EntitySet Name="others"`} {
		if !strings.Contains(string(first), name) {
			t.Errorf("Write(All()) lacks %s", name)
		}
	}
}
