package parser_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

// zooSchema is a small schema in the style of Graph's, used by several
// tests: an alias, a base type in another schema, containment, partners,
// overloads and a container.
const zooSchema = `
      <EnumType Name="diet">
        <Member Name="herbivore" />
        <Member Name="carnivore" />
        <Member Name="omnivore" Value="10" />
        <Member Name="unknownFutureValue" />
        <Member Name="insectivore" />
      </EnumType>
      <EnumType Name="habitat" IsFlags="true" UnderlyingType="Edm.Int64">
        <Member Name="land" Value="1" />
        <Member Name="water" Value="2" />
        <Member Name="air" Value="4" />
      </EnumType>
      <TypeDefinition Name="tagNumber" UnderlyingType="Edm.String" MaxLength="12">
        <Annotation Term="Core.Description" String="A tag clipped to an ear." />
      </TypeDefinition>
      <ComplexType Name="feeding">
        <Property Name="food" Type="Edm.String" Nullable="false" MaxLength="max" />
        <Property Name="grams" Type="Edm.Decimal" Precision="9" Scale="2" DefaultValue="0" />
        <Property Name="diet" Type="zoo.diet" />
        <Property Name="times" Type="Collection(Edm.TimeOfDay)" />
      </ComplexType>
      <EntityType Name="animal" BaseType="base.thing" Abstract="true">
        <Property Name="tag" Type="zoo.tagNumber" />
        <Property Name="habitat" Type="zoo.habitat" Nullable="false" DefaultValue="land" />
        <Property Name="feedings" Type="Collection(zoo.feeding)" />
        <NavigationProperty Name="enclosure" Type="zoo.enclosure" Partner="residents" />
      </EntityType>
      <EntityType Name="lion" BaseType="zoo.animal">
        <Property Name="maneLength" Type="Edm.Int32" />
      </EntityType>
      <EntityType Name="enclosure" BaseType="base.thing" HasStream="true" OpenType="true">
        <NavigationProperty Name="residents" Type="Collection(zoo.animal)" Partner="enclosure" />
        <NavigationProperty Name="keepers" Type="Collection(zoo.keeper)" ContainsTarget="true"
          Nullable="false" />
      </EntityType>
      <EntityType Name="keeper" BaseType="base.thing" />
      <Action Name="feed" IsBound="true">
        <Parameter Name="bindingParameter" Type="zoo.animal" />
        <Parameter Name="meal" Type="zoo.feeding" Nullable="false" />
      </Action>
      <Action Name="feed" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(zoo.animal)" />
        <Parameter Name="meal" Type="zoo.feeding" />
        <ReturnType Type="Collection(zoo.animal)" />
      </Action>
      <Action Name="openGates">
        <Parameter Name="minutes" Type="Edm.Int32" />
      </Action>
      <Function Name="count" IsBound="true" IsComposable="true">
        <Parameter Name="bindingParameter" Type="Collection(zoo.animal)" />
        <ReturnType Type="Edm.Int64" Nullable="false" />
      </Function>
      <Function Name="heaviest">
        <Parameter Name="kind" Type="Edm.String" MaxLength="20" />
        <ReturnType Type="zoo.animal" />
      </Function>
      <Function Name="heaviest">
        <ReturnType Type="zoo.animal" />
      </Function>
      <EntityContainer Name="ZooService">
        <EntitySet Name="animals" EntityType="zoo.animal">
          <NavigationPropertyBinding Path="enclosure" Target="enclosures" />
        </EntitySet>
        <EntitySet Name="enclosures" EntityType="zoo.enclosure">
          <NavigationPropertyBinding Path="residents" Target="animals" />
        </EntitySet>
        <Singleton Name="headKeeper" Type="zoo.keeper" />
        <ActionImport Name="openGates" Action="zoo.openGates" />
        <FunctionImport Name="heaviest" Function="zoo.heaviest" EntitySet="animals" />
      </EntityContainer>`

// baseSchema declares the base type zooSchema uses, in another schema.
const baseSchema = `
      <EntityType Name="thing">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>`

// coreReference includes the Core vocabulary with the alias Core.
const coreReference = "" +
	`  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core" />
  </edmx:Reference>
`

// withReferences inserts edmx:Reference elements before DataServices.
func withReferences(doc string, refs ...string) string {
	return strings.Replace(doc, "  <edmx:DataServices>", strings.Join(refs, "")+"  <edmx:DataServices>", 1)
}

func zooModel(t *testing.T) *parser.Model {
	t.Helper()
	doc := edmx(schema("example.zoo", "zoo", zooSchema), schema("example.base", "base", baseSchema))
	return mustParse(t, withReferences(doc, coreReference))
}

func TestSchemasInAnyOrder(t *testing.T) {
	zoo := schema("example.zoo", "zoo", zooSchema)
	base := schema("example.base", "base", baseSchema)
	tests := []struct {
		name string
		doc  string
	}{
		{"base first", edmx(base, zoo)},
		{"base last", edmx(zoo, base)},
	}
	for _, tt := range tests {
		m := mustParse(t, tt.doc)
		lion := m.StructuredType("example.zoo.lion")
		var chain []string
		for _, a := range lion.Ancestors() {
			chain = append(chain, a.QualifiedName())
		}
		want := []string{"example.zoo.animal", "example.base.thing"}
		if !slices.Equal(chain, want) {
			t.Errorf("%s: lion ancestors = %v, want %v", tt.name, chain, want)
		}
		if got := lion.EffectiveKey(); !slices.Equal(got, []string{"id"}) {
			t.Errorf("%s: lion.EffectiveKey() = %v, want [id]", tt.name, got)
		}
		if bad := unresolved(m); len(bad) > 0 {
			t.Errorf("%s: unresolved %v", tt.name, bad)
		}
	}
}

func TestAliasAndNamespaceReferences(t *testing.T) {
	m := zooModel(t)
	tests := []struct{ alias, namespace string }{
		{"zoo.animal", "example.zoo.animal"},
		{"base.thing", "example.base.thing"},
		{"zoo.diet", "example.zoo.diet"},
		{"zoo.tagNumber", "example.zoo.tagNumber"},
	}
	for _, tt := range tests {
		a, n := m.Type(tt.alias), m.Type(tt.namespace)
		if a == nil || a != n {
			t.Errorf("Type(%s) = %v, Type(%s) = %v; want the same type", tt.alias, a, tt.namespace, n)
		}
		if n != nil && n.QualifiedName() != tt.namespace {
			t.Errorf("Type(%s).QualifiedName() = %s, want %s", tt.alias, n.QualifiedName(), tt.namespace)
		}
	}
	if got := m.Qualify("zoo.lion"); got != "example.zoo.lion" {
		t.Errorf("Qualify(zoo.lion) = %s, want example.zoo.lion", got)
	}
	if got := m.Qualify("Edm.String"); got != "Edm.String" {
		t.Errorf("Qualify(Edm.String) = %s, want it unchanged", got)
	}
	if m.Type("zoo.nope") != nil || m.Type("nope") != nil {
		t.Errorf("Type of an unknown name is not nil")
	}
	if p, ok := m.Type("Edm.Guid").(*parser.PrimitiveType); !ok || p.Name != "Edm.Guid" {
		t.Errorf("Type(Edm.Guid) = %v, want the primitive", m.Type("Edm.Guid"))
	}
}

func TestEnumValues(t *testing.T) {
	m := zooModel(t)
	type member struct {
		name      string
		value     int64
		explicit  bool
		evolvable bool
	}
	tests := []struct {
		enum       string
		flags      bool
		underlying string
		members    []member
		sentinel   string
	}{
		{
			enum: "zoo.diet", underlying: "Edm.Int32", sentinel: "unknownFutureValue",
			members: []member{
				{"herbivore", 0, false, false},
				{"carnivore", 1, false, false},
				{"omnivore", 10, true, false},
				{"unknownFutureValue", 11, false, false},
				{"insectivore", 12, false, true},
			},
		},
		{
			enum: "zoo.habitat", flags: true, underlying: "Edm.Int64",
			members: []member{{"land", 1, true, false}, {"water", 2, true, false}, {"air", 4, true, false}},
		},
	}
	for _, tt := range tests {
		e := m.EnumType(tt.enum)
		var got []member
		for _, mb := range e.Members {
			got = append(got, member{mb.Name, mb.Value, mb.ExplicitValue, mb.Evolvable})
		}
		if !slices.Equal(got, tt.members) {
			t.Errorf("%s members = %v, want %v", tt.enum, got, tt.members)
		}
		if e.IsFlags != tt.flags || e.UnderlyingType != tt.underlying {
			t.Errorf("%s: IsFlags, UnderlyingType = %v, %s; want %v, %s",
				tt.enum, e.IsFlags, e.UnderlyingType, tt.flags, tt.underlying)
		}
		sentinel := ""
		if e.UnknownFutureValue != nil {
			sentinel = e.UnknownFutureValue.Name
		}
		if sentinel != tt.sentinel {
			t.Errorf("%s: UnknownFutureValue = %q, want %q", tt.enum, sentinel, tt.sentinel)
		}
	}
}

// ptr returns a pointer to a copy of v, for optional facets in tables.
func ptr[T any](v T) *T { return &v }

// deref returns *p, or nil for a nil pointer, so that optional values
// compare and print by value.
func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestPropertyFacets(t *testing.T) {
	m := zooModel(t)
	tests := []struct {
		owner, name  string
		typeName     string
		collection   bool
		nullable     bool
		maxLength    *string
		precision    *int
		scale        *string
		defaultValue *string
	}{
		{"zoo.feeding", "food", "Edm.String", false, false, ptr("max"), nil, nil, nil},
		{"zoo.feeding", "grams", "Edm.Decimal", false, true, nil, ptr(9), ptr("2"), ptr("0")},
		{"zoo.feeding", "diet", "example.zoo.diet", false, true, nil, nil, nil, nil},
		{"zoo.feeding", "times", "Edm.TimeOfDay", true, true, nil, nil, nil, nil},
		{"zoo.animal", "tag", "example.zoo.tagNumber", false, true, nil, nil, nil, nil},
		{"zoo.animal", "habitat", "example.zoo.habitat", false, false, nil, nil, nil, ptr("land")},
		{"zoo.animal", "feedings", "example.zoo.feeding", true, true, nil, nil, nil, nil},
	}
	for _, tt := range tests {
		owner := m.StructuredType(tt.owner)
		p := owner.Property(tt.name)
		if p == nil {
			t.Errorf("%s/%s not found", tt.owner, tt.name)
			continue
		}
		if p.Owner != owner {
			t.Errorf("%s/%s: Owner = %v, want %s", tt.owner, tt.name, p.Owner, tt.owner)
		}
		if got := p.Type.Type.QualifiedName(); got != tt.typeName || p.Type.Collection != tt.collection {
			t.Errorf("%s/%s: type %s collection %v, want %s collection %v",
				tt.owner, tt.name, got, p.Type.Collection, tt.typeName, tt.collection)
		}
		if p.Nullable != tt.nullable {
			t.Errorf("%s/%s: Nullable = %v, want %v", tt.owner, tt.name, p.Nullable, tt.nullable)
		}
		got := []any{deref(p.MaxLength), deref(p.Precision), deref(p.Scale), deref(p.DefaultValue)}
		want := []any{deref(tt.maxLength), deref(tt.precision), deref(tt.scale), deref(tt.defaultValue)}
		if !slices.Equal(got, want) {
			t.Errorf("%s/%s: MaxLength, Precision, Scale, DefaultValue = %v, want %v", tt.owner, tt.name, got, want)
		}
	}
}

func TestTypeRefAccessors(t *testing.T) {
	m := zooModel(t)
	animal := m.StructuredType("zoo.animal")
	feeding := m.StructuredType("zoo.feeding")
	tests := []struct {
		prop                                    string
		primitive, structured, enum, definition bool
	}{
		{"tag", false, false, false, true},
		{"habitat", false, false, true, false},
		{"feedings", false, true, false, false},
	}
	for _, tt := range tests {
		ref := animal.Property(tt.prop).Type
		got := []bool{ref.Primitive() != nil, ref.Structured() != nil, ref.Enum() != nil, ref.Definition() != nil}
		want := []bool{tt.primitive, tt.structured, tt.enum, tt.definition}
		if !slices.Equal(got, want) {
			t.Errorf("animal/%s (%s): Primitive, Structured, Enum, Definition set = %v, want %v",
				tt.prop, ref.Name, got, want)
		}
	}
	if ref := feeding.Property("food").Type; ref.Primitive() == nil || ref.Primitive().Name != "Edm.String" {
		t.Errorf("feeding/food: Primitive() = %v, want Edm.String", ref.Primitive())
	}
	if feeding.IsEntity() || !animal.IsEntity() || !animal.Abstract {
		t.Errorf("IsEntity(feeding), IsEntity(animal), animal.Abstract = %v, %v, %v; want false, true, true",
			feeding.IsEntity(), animal.IsEntity(), animal.Abstract)
	}
	enc := m.StructuredType("zoo.enclosure")
	if !enc.HasStream || !enc.OpenType {
		t.Errorf("enclosure HasStream, OpenType = %v, %v; want true, true", enc.HasStream, enc.OpenType)
	}
}

func TestTypeDefinition(t *testing.T) {
	m := zooModel(t)
	d, ok := m.Type("zoo.tagNumber").(*parser.TypeDefinition)
	if !ok {
		t.Fatalf("Type(zoo.tagNumber) = %T, want *parser.TypeDefinition", m.Type("zoo.tagNumber"))
	}
	if d.UnderlyingType == nil || d.UnderlyingType.Name != "Edm.String" {
		t.Errorf("tagNumber.UnderlyingType = %v, want Edm.String", d.UnderlyingType)
	}
	if deref(d.MaxLength) != "12" {
		t.Errorf("tagNumber.MaxLength = %v, want 12", deref(d.MaxLength))
	}
	if got := d.Annotations.Description(); got != "A tag clipped to an ear." {
		t.Errorf("tagNumber description = %q", got)
	}
	if got := m.Count().TypeDefinitions; got != 1 {
		t.Errorf("Count().TypeDefinitions = %d, want 1", got)
	}
}

func TestNavigationProperties(t *testing.T) {
	m := zooModel(t)
	tests := []struct {
		owner, name, target string
		collection          bool
		contains, nullable  bool
		partner             string
	}{
		{"zoo.animal", "enclosure", "enclosure", false, false, true, "residents"},
		{"zoo.enclosure", "residents", "animal", true, false, true, "enclosure"},
		{"zoo.enclosure", "keepers", "keeper", true, true, false, ""},
	}
	for _, tt := range tests {
		n := m.StructuredType(tt.owner).NavigationProperty(tt.name)
		if n == nil {
			t.Errorf("%s/%s not found", tt.owner, tt.name)
			continue
		}
		got := []any{n.Target().Name, n.Type.Collection, n.ContainsTarget, n.Nullable, n.Partner}
		want := []any{tt.target, tt.collection, tt.contains, tt.nullable, tt.partner}
		if !slices.Equal(got, want) {
			t.Errorf("%s/%s: target, collection, contains, nullable, partner = %v, want %v",
				tt.owner, tt.name, got, want)
		}
	}
	lion := m.StructuredType("zoo.lion")
	if lion.NavigationProperty("enclosure") != nil {
		t.Errorf("lion.NavigationProperty(enclosure) found an inherited property, want only declared ones")
	}
	if n := lion.FindNavigationProperty("enclosure"); n == nil || n.Owner != m.StructuredType("zoo.animal") {
		t.Errorf("lion.FindNavigationProperty(enclosure) = %v, want animal's", n)
	}
}

func TestOperationsAndOverloads(t *testing.T) {
	m := zooModel(t)
	tests := []struct {
		signature  string
		kind       parser.OperationKind
		bound      bool
		composable bool
		params     []string
		returns    string
	}{
		{"example.zoo.feed(example.zoo.animal)", parser.KindAction, true, false, []string{"meal"}, ""},
		{"example.zoo.feed(Collection(example.zoo.animal))", parser.KindAction, true, false, []string{"meal"},
			"Collection(example.zoo.animal)"},
		{"example.zoo.openGates()", parser.KindAction, false, false, []string{"minutes"}, ""},
		{"example.zoo.count(Collection(example.zoo.animal))", parser.KindFunction, true, true, nil, "Edm.Int64"},
		{"example.zoo.heaviest(Edm.String)", parser.KindFunction, false, false, []string{"kind"},
			"example.zoo.animal"},
		{"example.zoo.heaviest()", parser.KindFunction, false, false, nil, "example.zoo.animal"},
	}
	bySignature := map[string]*parser.Operation{}
	for op := range m.AllOperations() {
		bySignature[op.Signature()] = op
	}
	if len(bySignature) != len(tests) {
		t.Errorf("%d distinct signatures, want %d: %v", len(bySignature), len(tests), bySignature)
	}
	for _, tt := range tests {
		op := bySignature[tt.signature]
		if op == nil {
			t.Errorf("no overload with signature %s", tt.signature)
			continue
		}
		var params []string
		for _, p := range op.NonBindingParameters() {
			params = append(params, p.Name)
		}
		returns := ""
		if op.ReturnType != nil {
			returns = op.ReturnType.Type.Type.QualifiedName()
			if op.ReturnType.Type.Collection {
				returns = "Collection(" + returns + ")"
			}
		}
		if op.Kind != tt.kind || op.IsBound != tt.bound || op.IsComposable != tt.composable ||
			!slices.Equal(params, tt.params) || returns != tt.returns {
			t.Errorf("%s: kind %v bound %v composable %v params %v returns %q; want %v %v %v %v %q",
				tt.signature, op.Kind, op.IsBound, op.IsComposable, params, returns,
				tt.kind, tt.bound, tt.composable, tt.params, tt.returns)
		}
		if (op.BindingParameter() != nil) != tt.bound {
			t.Errorf("%s: BindingParameter() = %v, want one only when bound", tt.signature, op.BindingParameter())
		}
	}
	if got := len(m.Operations("zoo.feed")); got != 2 {
		t.Errorf("Operations(zoo.feed) = %d overloads, want 2", got)
	}
	feed := bySignature["example.zoo.feed(example.zoo.animal)"]
	want := "example.zoo.feed(example.zoo.animal,example.zoo.feeding)"
	if got := feed.FullSignature(); got != want {
		t.Errorf("FullSignature() = %s, want %s", got, want)
	}
	if feed.Parameters[1].Nullable {
		t.Errorf("feed meal: Nullable = true, want false")
	}
	if got := m.BoundTo(m.StructuredType("zoo.animal"), true); len(got) != 2 {
		t.Errorf("BoundTo(animal, collection) = %d operations, want feed and count", len(got))
	}
	if got := m.BoundTo(m.StructuredType("zoo.lion"), false); len(got) != 0 {
		t.Errorf("BoundTo(lion) = %d operations, want none (bound to the base only)", len(got))
	}
}

func TestContainer(t *testing.T) {
	m := zooModel(t)
	c := m.Container()
	if c == nil || c.QualifiedName() != "example.zoo.ZooService" {
		t.Fatalf("Container() = %v, want example.zoo.ZooService", c)
	}
	animals := c.EntitySet("animals")
	if animals == nil || animals.Type != m.StructuredType("zoo.animal") {
		t.Errorf("entity set animals = %+v, want type animal", animals)
	}
	wantBindings := []parser.NavigationPropertyBinding{{Path: "enclosure", Target: "enclosures"}}
	if !slices.Equal(animals.Bindings, wantBindings) {
		t.Errorf("animals bindings = %v, want %v", animals.Bindings, wantBindings)
	}
	if s := c.Singleton("headKeeper"); s == nil || s.Type != m.StructuredType("zoo.keeper") {
		t.Errorf("singleton headKeeper = %+v, want type keeper", s)
	}
	if len(c.ActionImports) != 1 || len(c.FunctionImports) != 1 {
		t.Fatalf("imports = %d actions, %d functions; want 1, 1", len(c.ActionImports), len(c.FunctionImports))
	}
	open := c.ActionImports[0]
	if open.Kind != parser.KindAction || open.Name != "openGates" || len(open.Overloads) != 1 ||
		open.Overloads[0].Name != "openGates" {
		t.Errorf("action import = %+v, want openGates with its one overload", open)
	}
	heaviest := c.FunctionImports[0]
	if heaviest.Kind != parser.KindFunction || len(heaviest.Overloads) != 2 || heaviest.EntitySet != "animals" {
		t.Errorf("function import = %+v, want heaviest with 2 overloads and entity set animals", heaviest)
	}

	steps, err := m.ResolvePath("/animals/{id}/enclosure/keepers")
	if err != nil {
		t.Fatalf("ResolvePath: %v", err)
	}
	if last := steps[len(steps)-1]; last.Type.Name != "keeper" || !last.Collection {
		t.Errorf("ResolvePath last step = %+v, want a keeper collection", last)
	}
	steps, err = m.ResolvePath("/animals/{id}/zoo.lion/enclosure")
	if err != nil {
		t.Fatalf("ResolvePath with cast and inherited navigation: %v", err)
	}
	if steps[2].Cast != m.StructuredType("zoo.lion") || steps[3].Navigation.Owner.Name != "animal" {
		t.Errorf("ResolvePath cast steps = %+v", steps)
	}
}

func TestBOMAccepted(t *testing.T) {
	doc := edmx(schema("example.base", "", baseSchema))
	tests := []struct {
		name string
		data []byte
	}{
		{"no BOM", []byte(doc)},
		{"BOM before declaration", append([]byte{0xEF, 0xBB, 0xBF}, doc...)},
		{"BOM without declaration", append([]byte{0xEF, 0xBB, 0xBF}, doc[strings.Index(doc, "<edmx:Edmx"):]...)},
	}
	for _, tt := range tests {
		m, err := parser.Parse("bom.xml", tt.data)
		if err != nil {
			t.Errorf("%s: Parse: %v", tt.name, err)
			continue
		}
		if m.StructuredType("example.base.thing") == nil {
			t.Errorf("%s: thing not found", tt.name)
		}
	}
}

func TestTermAliases(t *testing.T) {
	body := `
      <EntityType Name="thing">
        <Annotation Term="Core.Description" String="by alias" />
        <Annotation Term="Org.OData.Core.V1.LongDescription" String="by namespace" />
        <Annotation Term="Caps.ReadRestrictions">
          <Record><PropertyValue Property="Readable" Bool="false" /></Record>
        </Annotation>
        <Annotation Term="Unknown.Term" String="kept as written" />
      </EntityType>`
	capsRef := `  <edmx:Reference Uri="https://example.org/Capabilities.xml">
    <edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Caps" />
  </edmx:Reference>
`
	m := mustParse(t, withReferences(edmx(schema("example", "", body)), coreReference, capsRef))
	as := m.StructuredType("example.thing").Annotations
	var terms []string
	for _, a := range as {
		terms = append(terms, a.Term)
	}
	want := []string{
		parser.TermDescription, parser.TermLongDescription, parser.TermReadRestrictions, "Unknown.Term",
	}
	if !slices.Equal(terms, want) {
		t.Errorf("terms = %v, want %v", terms, want)
	}
	if as.Description() != "by alias" || as.LongDescription() != "by namespace" {
		t.Errorf("Description, LongDescription = %q, %q", as.Description(), as.LongDescription())
	}
	if r := as.ReadRestrictions(); r == nil || r.Allowed {
		t.Errorf("ReadRestrictions = %+v, want not readable", r)
	}
	wantRefs := []parser.Reference{
		{URI: "https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml",
			Namespace: "Org.OData.Core.V1", Alias: "Core"},
		{URI: "https://example.org/Capabilities.xml", Namespace: "Org.OData.Capabilities.V1", Alias: "Caps"},
	}
	if !slices.Equal(m.References, wantRefs) {
		t.Errorf("References = %+v, want %+v", m.References, wantRefs)
	}
}

func TestUnknownTermKeepsValueTree(t *testing.T) {
	body := `
      <EntityType Name="thing">
        <Annotation Term="Example.Rules" Qualifier="strict">
          <Record Type="Example.RuleSet">
            <PropertyValue Property="Names">
              <Collection>
                <String>first</String>
                <String>second</String>
              </Collection>
            </PropertyValue>
            <PropertyValue Property="Limit" Int="3" />
            <PropertyValue Property="Kind">
              <EnumMember>Example.RuleKind/Hard</EnumMember>
            </PropertyValue>
            <PropertyValue Property="Nothing"><Null /></PropertyValue>
            <PropertyValue Property="Sum">
              <Apply Function="odata.concat"><String>a</String><Path>b</Path></Apply>
            </PropertyValue>
            <Annotation Term="Core.Description" String="nested" />
          </Record>
        </Annotation>
        <Annotation Term="Example.Flag" />
      </EntityType>`
	m := mustParse(t, withReferences(edmx(schema("example", "", body)), coreReference))
	as := m.StructuredType("example.thing").Annotations
	a := as.Find("Example.Rules")
	if a == nil {
		t.Fatal("Example.Rules not kept")
	}
	if a.Qualifier != "strict" || a.Value.Kind != parser.ExprRecord || a.Value.Type != "Example.RuleSet" {
		t.Errorf("Rules = qualifier %q kind %v type %q; want strict, record, Example.RuleSet",
			a.Qualifier, a.Value.Kind, a.Value.Type)
	}
	tests := []struct {
		property string
		kind     parser.ExprKind
		strings  []string
	}{
		{"Names", parser.ExprCollection, []string{"first", "second"}},
		{"Limit", parser.ExprInt, []string{"3"}},
		{"Kind", parser.ExprEnumMember, []string{"Example.RuleKind/Hard"}},
		{"Nothing", parser.ExprNull, []string{""}},
	}
	for _, tt := range tests {
		v, ok := a.Value.Property(tt.property)
		if !ok || v.Kind != tt.kind || !slices.Equal(v.Strings(), tt.strings) {
			t.Errorf("Rules.%s = %+v (set %v), want kind %v with %v", tt.property, v, ok, tt.kind, tt.strings)
		}
	}
	sum, _ := a.Value.Property("Sum")
	if sum.Kind != parser.ExprOther || sum.Name != "Apply" || len(sum.Items) != 2 ||
		sum.Items[0].Kind != parser.ExprString || sum.Items[1].Kind != parser.ExprPath || sum.Items[1].Text != "b" {
		t.Errorf("Rules.Sum = %+v, want Apply(String a, Path b)", sum)
	}
	if _, ok := a.Value.Property("Missing"); ok {
		t.Errorf("Property(Missing) reported set")
	}
	if got := a.Value.Annotations.Description(); got != "nested" {
		t.Errorf("nested record annotation Description() = %q, want nested", got)
	}
	flag := as.Find("Example.Flag")
	if flag == nil || flag.Value.Kind != parser.ExprNone || flag.Value.Strings() != nil {
		t.Errorf("Example.Flag = %+v, want an annotation without value", flag)
	}
}

func TestAnnotationHelpers(t *testing.T) {
	body := `
      <EntityType Name="thing">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false">
          <Annotation Term="Core.Computed" />
          <Annotation Term="Core.Immutable" Bool="false" />
        </Property>
        <Property Name="name" Type="Edm.String">
          <Annotation Term="Core.Description" Qualifier="short" String="qualified" />
          <Annotation Term="Core.Description" String="plain" />
        </Property>
        <Property Name="code" Type="Edm.String">
          <Annotation Term="Core.Description" Qualifier="short" String="only qualified" />
          <Annotation Term="Core.Immutable" Bool="true" />
        </Property>
      </EntityType>
      <Annotations Target="example.thing/id">
        <Annotation Term="Core.Description" String="out of line" />
      </Annotations>
      <Annotations Target="example.thing" Qualifier="v2">
        <Annotation Term="Core.LongDescription" String="block qualifier" />
      </Annotations>`
	m := mustParse(t, withReferences(edmx(schema("example", "", body)), coreReference))
	thing := m.StructuredType("example.thing")
	tests := []struct {
		prop                string
		computed, immutable bool
		description         string
	}{
		{"id", true, false, "out of line"},
		{"name", false, false, "plain"},
		{"code", false, true, "only qualified"},
	}
	for _, tt := range tests {
		as := thing.Property(tt.prop).Annotations
		if as.Computed() != tt.computed || as.Immutable() != tt.immutable || as.Description() != tt.description {
			t.Errorf("%s: Computed, Immutable, Description = %v, %v, %q; want %v, %v, %q", tt.prop,
				as.Computed(), as.Immutable(), as.Description(), tt.computed, tt.immutable, tt.description)
		}
	}
	long := thing.Annotations.Find(parser.TermLongDescription)
	if long == nil || long.Qualifier != "v2" {
		t.Errorf("out-of-line qualifier: got %+v, want v2", long)
	}
}

func TestOutOfLineTargets(t *testing.T) {
	extra := `
      <Annotations Target="zoo.diet/carnivore">
        <Annotation Term="Core.Description" String="member" />
      </Annotations>
      <Annotations Target="example.zoo.lion/enclosure">
        <Annotation Term="Core.Description" String="inherited navigation" />
      </Annotations>
      <Annotations Target="zoo.feed(zoo.animal)">
        <Annotation Term="Core.Description" String="single overload" />
      </Annotations>
      <Annotations Target="zoo.feed(Collection(zoo.animal), zoo.feeding)/meal">
        <Annotation Term="Core.Description" String="parameter by full signature" />
      </Annotations>
      <Annotations Target="zoo.heaviest">
        <Annotation Term="Core.Description" String="all overloads" />
      </Annotations>
      <Annotations Target="zoo.count(Collection(zoo.animal))/$ReturnType">
        <Annotation Term="Core.Description" String="return type" />
      </Annotations>
      <Annotations Target="zoo.ZooService/headKeeper">
        <Annotation Term="Core.Description" String="singleton" />
      </Annotations>
      <Annotations Target="example.zoo.ZooService">
        <Annotation Term="Core.Description" String="container" />
      </Annotations>
      <Annotations Target="zoo.tagNumber">
        <Annotation Term="Core.LongDescription" String="type definition" />
      </Annotations>`
	doc := edmx(schema("example.zoo", "zoo", zooSchema+extra), schema("example.base", "base", baseSchema))
	m := mustParse(t, withReferences(doc, coreReference))
	if len(m.Warnings) != 0 {
		t.Errorf("Warnings = %v, want none", m.Warnings)
	}
	var feedSingle, feedColl *parser.Operation
	for _, op := range m.Operations("zoo.feed") {
		if op.Parameters[0].Type.Collection {
			feedColl = op
		} else {
			feedSingle = op
		}
	}
	count := m.Operations("zoo.count")[0]
	tests := []struct {
		name string
		as   parser.Annotations
		want string
	}{
		{"enum member", m.EnumType("zoo.diet").Member("carnivore").Annotations, "member"},
		{"navigation on base", m.StructuredType("zoo.animal").NavigationProperty("enclosure").Annotations,
			"inherited navigation"},
		{"action overload", feedSingle.Annotations, "single overload"},
		{"other overload", feedColl.Annotations, ""},
		{"parameter", feedColl.Parameters[1].Annotations, "parameter by full signature"},
		{"function overload 1", m.Operations("zoo.heaviest")[0].Annotations, "all overloads"},
		{"function overload 2", m.Operations("zoo.heaviest")[1].Annotations, "all overloads"},
		{"return type", count.ReturnType.Annotations, "return type"},
		{"singleton", m.Container().Singleton("headKeeper").Annotations, "singleton"},
		{"container", m.Container().Annotations, "container"},
	}
	for _, tt := range tests {
		if got := tt.as.Description(); got != tt.want {
			t.Errorf("%s: Description() = %q, want %q", tt.name, got, tt.want)
		}
	}
	d, _ := m.Type("zoo.tagNumber").(*parser.TypeDefinition)
	if got := d.Annotations.LongDescription(); got != "type definition" {
		t.Errorf("type definition LongDescription() = %q", got)
	}
	if got := d.Annotations.Description(); got != "A tag clipped to an ear." {
		t.Errorf("type definition keeps inline Description, got %q", got)
	}
}
