package diff_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/parser/diff"
)

// document wraps schema elements in a one-schema EDMX document.
func document(body string) []byte {
	return []byte(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
<edmx:DataServices><Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">` +
		body + `</Schema></edmx:DataServices></edmx:Edmx>`)
}

func changelog(t *testing.T, old, new string, roots ...string) diff.Changelog {
	t.Helper()
	o, err := parser.Parse("old.xml", document(old))
	if err != nil {
		t.Fatal(err)
	}
	n, err := parser.Parse("new.xml", document(new))
	if err != nil {
		t.Fatal(err)
	}
	cl, err := diff.CompareModels(o, n, roots, parser.DefaultDerivedPolicy)
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

func lines(cl diff.Changelog) []string {
	var out []string
	for _, ch := range cl.Changes {
		out = append(out, ch.String())
	}
	return out
}

const (
	entity = `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key>` +
		`<Property Name="id" Type="Edm.String" Nullable="false"/>`
	endE = `</EntityType>`
)

func TestCompareRules(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"type added", ``, `<ComplexType Name="c"/>`,
			[]string{"added complex type t.c"}},
		{"type removed", `<ComplexType Name="c"/>`, ``,
			[]string{"removed complex type t.c [breaking: removed]"}},
		{"kind changed", `<ComplexType Name="c"/>`,
			`<EntityType Name="c"><Key><PropertyRef Name="id"/></Key>` +
				`<Property Name="id" Type="Edm.String"/></EntityType>`,
			[]string{"changed entity type t.c: kind complex type -> entity type [breaking: type-changed]"}},
		{"base changed", `<ComplexType Name="b"/><ComplexType Name="c"/>`,
			`<ComplexType Name="b"/><ComplexType Name="c" BaseType="t.b"/>`,
			[]string{"changed complex type t.c: base type (none) -> t.b [breaking: base-changed]"}},
		{"now abstract", `<ComplexType Name="c"/>`, `<ComplexType Name="c" Abstract="true"/>`,
			[]string{"changed complex type t.c: abstract false -> true [breaking: now-abstract]"}},
		{"no longer abstract", `<ComplexType Name="c" Abstract="true"/>`, `<ComplexType Name="c"/>`,
			[]string{"changed complex type t.c: abstract true -> false"}},
		{"no longer open", `<ComplexType Name="c" OpenType="true"/>`, `<ComplexType Name="c"/>`,
			[]string{"changed complex type t.c: open true -> false [breaking: no-longer-open]"}},
		{"now open", `<ComplexType Name="c"/>`, `<ComplexType Name="c" OpenType="true"/>`,
			[]string{"changed complex type t.c: open false -> true"}},
		{"key changed", entity + endE,
			`<EntityType Name="e"><Key><PropertyRef Name="k"/></Key>` +
				`<Property Name="id" Type="Edm.String" Nullable="false"/>` +
				`<Property Name="k" Type="Edm.String"/>` + endE,
			[]string{
				"changed entity type t.e: key id -> k [breaking: key-changed]",
				"added property t.e/k (Edm.String)",
			}},
		{"property added", entity + endE, entity + `<Property Name="p" Type="Edm.Int32"/>` + endE,
			[]string{"added property t.e/p (Edm.Int32)"}},
		{"property removed", entity + `<Property Name="p" Type="Edm.Int32"/>` + endE, entity + endE,
			[]string{"removed property t.e/p (Edm.Int32) [breaking: removed]"}},
		{"property type changed",
			entity + `<Property Name="p" Type="Edm.Int32"/>` + endE,
			entity + `<Property Name="p" Type="Collection(Edm.Int32)"/>` + endE,
			[]string{"changed property t.e/p: type Edm.Int32 -> Collection(Edm.Int32) [breaking: type-changed]"}},
		{"property now non-nullable",
			entity + `<Property Name="p" Type="Edm.Int32"/>` + endE,
			entity + `<Property Name="p" Type="Edm.Int32" Nullable="false"/>` + endE,
			[]string{"changed property t.e/p: nullable true -> false [breaking: now-non-nullable]"}},
		{"property now nullable",
			entity + `<Property Name="p" Type="Edm.Int32" Nullable="false"/>` + endE,
			entity + `<Property Name="p" Type="Edm.Int32"/>` + endE,
			[]string{"changed property t.e/p: nullable false -> true"}},
		{"navigation target changed",
			entity + `<NavigationProperty Name="n" Type="t.e"/>` + endE + `<EntityType Name="f" BaseType="t.e"/>`,
			entity + `<NavigationProperty Name="n" Type="t.f"/>` + endE + `<EntityType Name="f" BaseType="t.e"/>`,
			[]string{"changed navigation property t.e/n: type t.e -> t.f [breaking: type-changed]"}},
		{"containment changed",
			entity + `<NavigationProperty Name="n" Type="Collection(t.e)"/>` + endE,
			entity + `<NavigationProperty Name="n" Type="Collection(t.e)" ContainsTarget="true"/>` + endE,
			[]string{
				"changed navigation property t.e/n: containment false -> true [breaking: containment-changed]",
			}},
		{"navigation added", entity + endE, entity + `<NavigationProperty Name="n" Type="t.e"/>` + endE,
			[]string{"added navigation property t.e/n (t.e)"}},
		{"enum member added after sentinel",
			`<EnumType Name="s"><Member Name="a"/><Member Name="unknownFutureValue"/></EnumType>`,
			`<EnumType Name="s"><Member Name="a"/><Member Name="unknownFutureValue"/><Member Name="b"/></EnumType>`,
			[]string{"added enum member t.s/b = 2 [evolvable]"}},
		{"enum member added before sentinel", `<EnumType Name="s"><Member Name="a"/></EnumType>`,
			`<EnumType Name="s"><Member Name="a"/><Member Name="b"/></EnumType>`,
			[]string{"added enum member t.s/b = 1"}},
		{"enum member removed",
			`<EnumType Name="s"><Member Name="a"/><Member Name="b"/></EnumType>`,
			`<EnumType Name="s"><Member Name="a"/></EnumType>`,
			[]string{"removed enum member t.s/b = 1 [breaking: removed]"}},
		{"enum member value changed",
			`<EnumType Name="s"><Member Name="a" Value="1"/></EnumType>`,
			`<EnumType Name="s"><Member Name="a" Value="2"/></EnumType>`,
			[]string{"changed enum member t.s/a: value 1 -> 2 [breaking: member-value-changed]"}},
		{"enum becomes flags",
			`<EnumType Name="s"><Member Name="a" Value="1"/></EnumType>`,
			`<EnumType Name="s" IsFlags="true"><Member Name="a" Value="1"/></EnumType>`,
			[]string{"changed enum type t.s: flags false -> true [breaking: member-value-changed]"}},
		{"type definition changed",
			`<TypeDefinition Name="d" UnderlyingType="Edm.String"/>`,
			`<TypeDefinition Name="d" UnderlyingType="Edm.Int32"/>`,
			[]string{"changed type definition t.d: type Edm.String -> Edm.Int32 [breaking: type-changed]"}},
		{"overload added",
			entity + endE +
				`<Function Name="f" IsBound="true"><Parameter Name="b" Type="t.e"/>` +
				`<ReturnType Type="Edm.String"/></Function>`,
			entity + endE +
				`<Function Name="f" IsBound="true"><Parameter Name="b" Type="t.e"/>` +
				`<ReturnType Type="Edm.String"/></Function>` +
				`<Function Name="f" IsBound="true"><Parameter Name="b" Type="t.e"/>` +
				`<Parameter Name="x" Type="Edm.Int32"/><ReturnType Type="Edm.String"/></Function>`,
			[]string{"added function t.f(t.e,Edm.Int32) (Edm.String)"}},
		{"action removed",
			entity + endE + `<Action Name="a" IsBound="true"><Parameter Name="b" Type="t.e"/></Action>`,
			entity + endE,
			[]string{"removed action t.a(t.e) [breaking: removed]"}},
		{"action gains required parameter",
			entity + endE + `<Action Name="a" IsBound="true"><Parameter Name="b" Type="t.e"/></Action>`,
			entity + endE +
				`<Action Name="a" IsBound="true"><Parameter Name="b" Type="t.e"/>` +
				`<Parameter Name="x" Type="Edm.Int32" Nullable="false"/></Action>`,
			[]string{"added parameter t.a(t.e)/x (Edm.Int32) [breaking: required-parameter-added]"}},
		{"action gains optional parameter",
			entity + endE + `<Action Name="a" IsBound="true"><Parameter Name="b" Type="t.e"/></Action>`,
			entity + endE +
				`<Action Name="a" IsBound="true"><Parameter Name="b" Type="t.e"/>` +
				`<Parameter Name="x" Type="Edm.Int32"/></Action>`,
			[]string{"added parameter t.a(t.e)/x (Edm.Int32)"}},
		{"parameter type and return changed",
			entity + endE +
				`<Action Name="a" IsBound="true"><Parameter Name="b" Type="t.e"/>` +
				`<Parameter Name="x" Type="Edm.Int32"/><ReturnType Type="Edm.String"/></Action>`,
			entity + endE +
				`<Action Name="a" IsBound="true"><Parameter Name="b" Type="t.e"/>` +
				`<Parameter Name="x" Type="Edm.Int64"/></Action>`,
			[]string{"removed return type t.a(t.e)/$ReturnType (Edm.String) [breaking: removed]",
				"changed parameter t.a(t.e)/x: type Edm.Int32 -> Edm.Int64 [breaking: type-changed]"}},
		{"entity set changed",
			entity + endE + `<EntityType Name="f" BaseType="t.e"/>` +
				`<EntityContainer Name="c"><EntitySet Name="es" EntityType="t.e"/>` +
				`<Singleton Name="one" Type="t.e"/></EntityContainer>`,
			entity + endE + `<EntityType Name="f" BaseType="t.e"/>` +
				`<EntityContainer Name="c"><EntitySet Name="es" EntityType="t.f"/>` +
				`<EntitySet Name="more" EntityType="t.e"/></EntityContainer>`,
			[]string{"changed entity set es: type t.e -> t.f [breaking: type-changed]", "added entity set more (t.e)",
				"removed singleton one (t.e) [breaking: removed]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lines(changelog(t, tt.old, tt.new))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Compare:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCompareRestrictedToRoots(t *testing.T) {
	old := entity + endE + `<ComplexType Name="x"/>`
	new := entity + `<Property Name="p" Type="Edm.Int32"/>` + endE +
		`<ComplexType Name="x"><Property Name="q" Type="Edm.Int32"/></ComplexType>`
	got := lines(changelog(t, old, new, "t.e"))
	want := []string{"added property t.e/p (Edm.Int32)"}
	if !slices.Equal(got, want) {
		t.Errorf("Compare(roots t.e):\n got %q\nwant %q", got, want)
	}
}

func TestCompareNotesNewlySelectedTypes(t *testing.T) {
	old := entity + endE + `<ComplexType Name="x"/>`
	new := entity + `<Property Name="p" Type="t.x"/>` + endE + `<ComplexType Name="x"/>`
	got := lines(changelog(t, old, new, "t.e"))
	want := []string{
		"added property t.e/p (t.x)",
		"added complex type t.x [already in the old document, newly selected]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Compare(roots t.e):\n got %q\nwant %q", got, want)
	}
}

func TestWriteTextAndJSON(t *testing.T) {
	cl := changelog(t,
		entity+`<Property Name="p" Type="Edm.Int32"/>`+endE,
		entity+`<Property Name="q" Type="Edm.Int32"/>`+endE)
	var text bytes.Buffer
	if err := cl.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	want := `2 changes, 1 breaking

Breaking changes:
  removed property t.e/p (Edm.Int32) [breaking: removed]

Additions:
  added property t.e/q (Edm.Int32)
`
	if text.String() != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", text.String(), want)
	}

	var js bytes.Buffer
	if err := cl.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back diff.Changelog
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("JSON does not decode: %v\n%s", err, js.String())
	}
	if !slices.Equal(back.Changes, cl.Changes) {
		t.Errorf("JSON round trip = %+v, want %+v", back.Changes, cl.Changes)
	}
	if !strings.Contains(js.String(), `"rule": "removed"`) {
		t.Errorf("JSON lacks the rule:\n%s", js.String())
	}
}

func TestRulesListed(t *testing.T) {
	if got, want := len(diff.Rules), 10; got != want {
		t.Errorf("len(Rules) = %d, want %d", got, want)
	}
}

const (
	v10Previous = "../../../shared/metadata/graph-v1.0-2024-08.xml"
	v10Current  = "../../../shared/metadata/graph-v1.0-2026-08.xml"
)

func realModel(t *testing.T, path string) *parser.Model {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("metadata %s not available: %v", path, err)
	}
	m, err := parser.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCompareRealPair checks the changelog of the exchangeRestoreSession
// closure between v1.0 of 2024-08 and 2026-08. Each entry was found by
// reading both files: for example protectionUnitStatus gained
// offboardRequested, offboarded and cancelOffboardRequested after
// unknownFutureValue, restoreSessionBase gained restoreJobType and
// restoreSessionArtifactCount, and restoreSessionStatus/failed was already
// there in 2024-08.
func TestCompareRealPair(t *testing.T) {
	old, new := realModel(t, v10Previous), realModel(t, v10Current)
	roots := []string{
		"microsoft.graph.exchangeRestoreSession",
		"/solutions/backupRestore/exchangeRestoreSessions",
	}
	cl, err := diff.CompareModels(old, new, roots, parser.DefaultDerivedPolicy)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"added complex type microsoft.graph.aiInteractionMentionedIdentitySet",
		"added action microsoft.graph.cancelOffboard(microsoft.graph.protectionUnitBase) " +
			"(microsoft.graph.protectionUnitBase)",
		"added property microsoft.graph.communicationsGuestIdentity/email (Edm.String)",
		"added complex type microsoft.graph.engagementIdentitySet",
		"added navigation property " +
			"microsoft.graph.exchangeRestoreSession/mailboxRestoreArtifactsBulkAdditionRequests " +
			"(Collection(microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest))",
		"added property microsoft.graph.mailboxRestoreArtifact/restoredItemCount (Edm.Int32)",
		"added entity type microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest",
		"added action microsoft.graph.offboard(microsoft.graph.protectionUnitBase) " +
			"(microsoft.graph.protectionUnitBase)",
		"added enum type microsoft.graph.protectionSource",
		"added property microsoft.graph.protectionUnitBase/offboardRequestedDateTime (Edm.DateTimeOffset)",
		"added property microsoft.graph.protectionUnitBase/protectionSources (microsoft.graph.protectionSource)",
		"added enum member microsoft.graph.protectionUnitStatus/cancelOffboardRequested = 8 [evolvable]",
		"added enum member microsoft.graph.protectionUnitStatus/offboardRequested = 6 [evolvable]",
		"added enum member microsoft.graph.protectionUnitStatus/offboarded = 7 [evolvable]",
		"added entity type microsoft.graph.restoreArtifactsBulkRequestBase",
		"added enum type microsoft.graph.restoreArtifactsBulkRequestStatus",
		"added enum type microsoft.graph.restoreJobType",
		"added complex type microsoft.graph.restoreSessionArtifactCount",
		"added property microsoft.graph.restoreSessionBase/restoreJobType (microsoft.graph.restoreJobType)",
		"added property microsoft.graph.restoreSessionBase/restoreSessionArtifactCount " +
			"(microsoft.graph.restoreSessionArtifactCount)",
		"added complex type microsoft.graph.sharePointGroupIdentity",
		"added property microsoft.graph.sharePointIdentitySet/sharePointGroup " +
			"(microsoft.graph.sharePointGroupIdentity)",
	}
	got := lines(cl)
	if !slices.Equal(got, want) {
		t.Errorf("changelog 2024-08 → 2026-08:\n got %q\nwant %q", got, want)
	}
	if b := cl.Breaking(); len(b) != 0 {
		t.Errorf("Breaking() = %v, want none", b)
	}
}

func TestCompareRootOnOneSide(t *testing.T) {
	container := `<EntityContainer Name="c"><EntitySet Name="es" EntityType="t.e"/></EntityContainer>`
	tests := []struct {
		name             string
		old, new         string
		root             string
		want             []string
		onlyOld, onlyNew []string
		breaking         bool
	}{
		{"type added", entity + endE,
			entity + endE + `<ComplexType Name="c"><Property Name="p" Type="Edm.Int32"/></ComplexType>`, "t.c",
			[]string{"added complex type t.c"}, nil, []string{"t.c"}, false},
		{"type removed", entity + endE + `<ComplexType Name="c"/>`, entity + endE, "t.c",
			[]string{"removed complex type t.c [breaking: removed]"}, []string{"t.c"}, nil, true},
		{"path added", entity + endE, entity + endE + container, "/es",
			[]string{
				"added entity set es (t.e)",
				"added entity type t.e [already in the old document, newly selected]",
			},
			nil, []string{"/es"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl := changelog(t, tt.old, tt.new, tt.root)
			if got := lines(cl); !slices.Equal(got, tt.want) {
				t.Errorf("Compare(root %s):\n got %q\nwant %q", tt.root, got, tt.want)
			}
			if !slices.Equal(cl.RootsOnlyInOld, tt.onlyOld) || !slices.Equal(cl.RootsOnlyInNew, tt.onlyNew) {
				t.Errorf("roots only in old, new = %q, %q; want %q, %q",
					cl.RootsOnlyInOld, cl.RootsOnlyInNew, tt.onlyOld, tt.onlyNew)
			}
			if got := len(cl.Breaking()) > 0; got != tt.breaking {
				t.Errorf("any breaking change: got %v, want %v", got, tt.breaking)
			}
		})
	}
}

func TestCompareRootInNeither(t *testing.T) {
	o, err := parser.Parse("old.xml", document(entity+endE))
	if err != nil {
		t.Fatal(err)
	}
	n, err := parser.Parse("new.xml", document(entity+endE))
	if err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"t.nope", "/nope"} {
		_, err := diff.CompareModels(o, n, []string{"t.e", root}, parser.DefaultDerivedPolicy)
		want := "root " + root + " is in neither document: "
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("CompareModels(root %s) error = %v, want it to start with %q", root, err, want)
		}
	}
}

func TestWriteTextNamesOneSidedRoots(t *testing.T) {
	cl := changelog(t, ``, `<ComplexType Name="c"/>`, "t.c")
	var text bytes.Buffer
	if err := cl.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	want := "1 change, 0 breaking\n" +
		"root t.c is only in the new document\n\n" +
		"Additions:\n" +
		"  added complex type t.c\n"
	if text.String() != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", text.String(), want)
	}
}

// TestCompareRealPairAddedRoot compares the closure of a type that v1.0
// gained between 2024-08 and 2026-08: the old side selects nothing, so
// the type and all it needs show as added and nothing is breaking.
func TestCompareRealPairAddedRoot(t *testing.T) {
	old, new := realModel(t, v10Previous), realModel(t, v10Current)
	const root = "microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest"
	cl, err := diff.CompareModels(old, new, []string{root}, parser.DefaultDerivedPolicy)
	if err != nil {
		t.Fatalf("CompareModels(root %s): %v", root, err)
	}
	if !slices.Equal(cl.RootsOnlyInNew, []string{root}) || len(cl.RootsOnlyInOld) != 0 {
		t.Errorf("roots only in old, new = %q, %q; want none, [%s]", cl.RootsOnlyInOld, cl.RootsOnlyInNew, root)
	}
	for _, want := range []string{
		"added entity type " + root,
		"added entity type microsoft.graph.restoreArtifactsBulkRequestBase",
		"added enum type microsoft.graph.restoreArtifactsBulkRequestStatus",
	} {
		if !slices.Contains(lines(cl), want) {
			t.Errorf("changelog lacks %q", want)
		}
	}
	for _, ch := range cl.Changes {
		if ch.Kind != diff.Added {
			t.Errorf("change %q, want only additions", ch)
		}
	}
}
