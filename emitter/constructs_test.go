package emitter

import (
	"cmp"
	"fmt"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/graphgen/graphgen/parser"
)

// constructDocuments are the published documents TestRealConstructs
// scans, in ../shared/metadata.
var constructDocuments = []string{
	"graph-v1.0-2026-08",
	"graph-v1.0-2024-08",
	"graph-v1.0-2024-01-raw",
	"graph-v1.0-2023-05-descriptions",
	"graph-beta-2021-06",
}

// predeclared are the identifiers of Go's universe scope. A CSDL name
// spelled like one is legal as an exported Go name, but worth counting.
var predeclared = strings.Fields(`any bool byte comparable complex64 complex128 error float32 float64
	int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr true false iota
	nil append cap clear close complex copy delete imag len make max min new panic print println
	real recover`)

// tally counts, per kind of construct and per document, how often the
// construct occurs, and keeps a few examples of each kind.
type tally struct {
	docs     []string
	kinds    []string
	counts   map[string]map[string]int
	examples map[string][]string
}

func newTally() *tally {
	return &tally{counts: map[string]map[string]int{}, examples: map[string][]string{}}
}

// maxExamples bounds the examples kept per kind.
const maxExamples = 3

func (t *tally) add(kind, doc, example string) {
	if _, ok := t.counts[kind]; !ok {
		t.kinds = append(t.kinds, kind)
		t.counts[kind] = map[string]int{}
	}
	t.counts[kind][doc]++
	if len(t.examples[kind]) < maxExamples && !slices.Contains(t.examples[kind], example) {
		t.examples[kind] = append(t.examples[kind], example)
	}
}

// table renders the tally as a Markdown table, kinds sorted.
func (t *tally) table() string {
	var b strings.Builder
	b.WriteString("| kind |")
	for _, d := range t.docs {
		b.WriteString(" " + strings.TrimPrefix(d, "graph-") + " |")
	}
	b.WriteString(" examples |\n|---|")
	for range t.docs {
		b.WriteString("---:|")
	}
	b.WriteString("---|\n")
	kinds := slices.Clone(t.kinds)
	slices.Sort(kinds)
	for _, k := range kinds {
		b.WriteString("| " + k + " |")
		for _, d := range t.docs {
			fmt.Fprintf(&b, " %d |", t.counts[k][d])
		}
		b.WriteString(" " + strings.Join(t.examples[k], "; ") + " |\n")
	}
	return b.String()
}

// TestRealConstructs scans the published documents for the constructs
// that make naming and generation hard (clashes after conversion to Go,
// keywords, odd enum members, deprecations, streams, overloads,
// containment cycles and so on), plans the whole of each document and
// checks that every clash was resolved by the one rule the emitter has:
// the wanted name, or the wanted name with a suffix. It logs a table of
// what it found; set GRAPHGEN_CONSTRUCTS to a file name to write it there.
func TestRealConstructs(t *testing.T) {
	if testing.Short() {
		t.Skip("parses and plans five whole documents")
	}
	dir := filepath.Join("..", "..", "shared", "metadata")
	tl := newTally()
	for _, doc := range constructDocuments {
		path := filepath.Join(dir, doc+".xml")
		if _, err := os.Stat(path); err != nil {
			t.Skipf("published metadata not found: %v", err)
		}
		model, err := parser.ParseFile(path)
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		tl.docs = append(tl.docs, doc)
		scanModel(tl, doc, model)

		g := newGenerator(model.All(), Config{Package: "graph", BaseURL: "https://graph.example/v1.0"})
		g.plan()
		scanPlan(t, tl, doc, g)
	}
	table := tl.table()
	t.Log("\n" + table)
	if out := os.Getenv("GRAPHGEN_CONSTRUCTS"); out != "" {
		if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// scanModel counts the constructs of the metadata itself.
func scanModel(tl *tally, doc string, m *parser.Model) {
	names := func(element, name, where string) {
		ex := where
		switch {
		case token.IsKeyword(name):
			tl.add("name: Go keyword ("+element+")", doc, ex)
		case slices.Contains(predeclared, name):
			tl.add("name: Go predeclared identifier ("+element+")", doc, ex)
		}
		if name != "" && unicode.IsDigit([]rune(name)[0]) {
			tl.add("name: starts with a digit ("+element+")", doc, ex)
		}
		if strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			tl.add("name: contains _ or punctuation ("+element+")", doc, ex)
		}
		if strings.ContainsFunc(name, func(r rune) bool { return r > unicode.MaxASCII }) {
			tl.add("name: non-ASCII ("+element+")", doc, ex)
		}
	}
	deprecated := func(element string, as parser.Annotations, where string) {
		if _, ok := as.Deprecation(); ok {
			tl.add("deprecated (Core.Revisions): "+element, doc, where)
		}
	}

	typeGroups := map[string][]string{}
	for _, sc := range m.Schemas {
		for _, e := range sc.EnumTypes {
			scanEnum(tl, doc, e, names, deprecated)
			key := strings.ToLower(exportedName(e.Name))
			typeGroups[key] = append(typeGroups[key], e.QualifiedName())
		}
		for _, d := range sc.TypeDefinitions {
			tl.add("TypeDefinition", doc, d.QualifiedName()+" ("+d.UnderlyingType.Name+")")
			names("type", d.Name, d.QualifiedName())
		}
		for _, s := range slices.Concat(sc.ComplexTypes, sc.EntityTypes) {
			scanStruct(tl, doc, s, names, deprecated)
			key := strings.ToLower(exportedName(s.Name))
			typeGroups[key] = append(typeGroups[key], s.QualifiedName())
		}
		for _, op := range slices.Concat(sc.Actions, sc.Functions) {
			scanOperation(tl, doc, op, names, deprecated)
		}
		for _, c := range sc.Containers {
			scanContainer(tl, doc, c, deprecated)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(typeGroups)) {
		if group := typeGroups[key]; len(group) > 1 {
			slices.Sort(group)
			tl.add("clash: type local names equal after conversion (any namespace)", doc, strings.Join(group, " / "))
		}
	}
	scanOverloads(tl, doc, m)
	scanContainment(tl, doc, m)
}

func scanEnum(tl *tally, doc string, e *parser.EnumType, names func(string, string, string),
	deprecated func(string, parser.Annotations, string)) {
	qn := e.QualifiedName()
	names("type", e.Name, qn)
	deprecated("enum type", e.Annotations, qn)
	if len(e.Members) == 0 {
		tl.add("enum: empty", doc, qn)
	}
	if e.IsFlags {
		tl.add("enum: IsFlags", doc, qn)
	}
	if u := e.UnderlyingType; u != "" && u != "Edm.Int32" {
		tl.add("enum: underlying type "+u, doc, qn)
	}
	seen := map[string]string{}
	evolvable := false
	for _, mem := range e.Members {
		where := qn + "." + mem.Name
		names("enum member", mem.Name, where)
		deprecated("enum member", mem.Annotations, where)
		if mem.Evolvable {
			tl.add("enum: evolvable member (after unknownFutureValue)", doc, where)
			evolvable = true
		}
		if mem.Value > 1<<31-1 || mem.Value < -1<<31 {
			tl.add("enum: member value outside int32", doc, where)
		}
		goName := exportedName(mem.Name)
		if other, ok := seen[goName]; ok {
			tl.add("clash: enum members equal after conversion", doc, qn+": "+other+" / "+mem.Name)
		}
		seen[goName] = mem.Name
	}
	if evolvable {
		tl.add("enum: has evolvable members", doc, qn)
	}
	if e.UnknownFutureValue == nil && len(e.Members) > 0 {
		tl.add("enum: no unknownFutureValue", doc, qn)
	}
}

func scanStruct(tl *tally, doc string, s *parser.StructuredType, names func(string, string, string),
	deprecated func(string, parser.Annotations, string)) {
	qn := s.QualifiedName()
	kind := "complex type"
	if s.IsEntity() {
		kind = "entity type"
	}
	names("type", s.Name, qn)
	deprecated(kind, s.Annotations, qn)
	if s.HasStream {
		tl.add("type: HasStream", doc, qn)
	}
	if s.OpenType {
		tl.add("type: OpenType ("+kind+")", doc, qn)
	}
	if s.Abstract {
		tl.add("type: Abstract ("+kind+")", doc, qn)
	}
	if s.Base != nil && s.Base.Namespace != s.Namespace {
		tl.add("type: base in another namespace", doc, qn+" : "+s.Base.QualifiedName())
	}
	local := exportedName(s.Name)
	for _, suffix := range []string{"Builder", "Params", "Values", "Options", "Request", "Response"} {
		if strings.HasSuffix(local, suffix) {
			tl.add("type: name ends in "+suffix, doc, qn)
		}
	}
	if strings.HasPrefix(local, "Any") {
		tl.add("type: name starts with Any", doc, qn)
	}
	if s.IsEntity() && s.Base == nil {
		key := s.EffectiveKey()
		if len(key) > 1 {
			tl.add("key: composite", doc, qn+" ("+strings.Join(key, ",")+")")
		}
		for _, k := range key {
			if p := findProperty(s, k); p != nil && p.Type.Type.QualifiedName() != "Edm.String" {
				tl.add("key: not Edm.String", doc, qn+"."+k+" ("+p.Type.Type.QualifiedName()+")")
			}
		}
	}

	// Members, own and inherited, that meet after conversion.
	inherited := map[string]string{}
	for _, a := range s.Ancestors() {
		for _, p := range a.Properties {
			inherited[exportedName(p.Name)] = a.Name + "." + p.Name
		}
		for _, n := range a.NavigationProperties {
			inherited[exportedName(n.Name)] = a.Name + "." + n.Name
		}
	}
	own := map[string]string{}
	member := func(element, name string, annotations parser.Annotations, ref parser.TypeRef) {
		where := qn + "." + name
		names(element, name, where)
		deprecated(element, annotations, where)
		goName := exportedName(name)
		if other, ok := own[goName]; ok {
			tl.add("clash: members of one type equal after conversion", doc, qn+": "+other+" / "+name)
		}
		if other, ok := inherited[goName]; ok {
			tl.add("clash: member equal to an inherited member after conversion", doc, where+" / "+other)
		}
		own[goName] = name
		switch goName {
		case fieldODataType, fieldAdditionalData, "MarshalJSON", "UnmarshalJSON":
			tl.add("name: member named like a generated field or method", doc, where)
		}
		if goName == local {
			tl.add("name: member named like its type", doc, where)
		}
		if strings.HasPrefix(goName, "As") && len(goName) > 2 && unicode.IsUpper([]rune(goName)[2]) {
			tl.add("name: member named As<Something>", doc, where)
		}
		if strings.HasPrefix(ref.Name, "Collection(Collection(") {
			tl.add("type ref: collection of collections", doc, where)
		}
		switch t := ref.Type.QualifiedName(); {
		case t == "Edm.Stream":
			tl.add("property: Edm.Stream", doc, where)
		case t == "Edm.Untyped":
			tl.add("property: Edm.Untyped", doc, where)
		case strings.HasPrefix(t, "Edm.Geography") || strings.HasPrefix(t, "Edm.Geometry"):
			tl.add("property: Edm.Geography/Geometry", doc, where)
		case t == "Edm.PrimitiveType" || t == "Edm.ComplexType" || t == "Edm.EntityType":
			tl.add("property: abstract Edm type "+t, doc, where)
		}
	}
	for _, p := range s.Properties {
		member("property", p.Name, p.Annotations, p.Type)
		if st := p.Type.Structured(); st != nil && st.IsEntity() {
			tl.add("property: structural property of entity type", doc, qn+"."+p.Name)
		}
	}
	for _, n := range s.NavigationProperties {
		member("navigation property", n.Name, n.Annotations, n.Type)
		where := qn + "." + n.Name
		if !s.IsEntity() {
			tl.add("navigation: declared on a complex type", doc, where)
		}
		if n.Target().Abstract {
			tl.add("navigation: to an abstract type", doc, where+" → "+n.Target().Name)
		}
		if n.ContainsTarget {
			tl.add("navigation: containment", doc, where)
		}
		if slices.Contains(itemMethods, exportedName(n.Name)) {
			tl.add("name: navigation named like a builder method", doc, where)
		}
	}
}

func findProperty(s *parser.StructuredType, name string) *parser.Property {
	for t := s; t != nil; t = t.Base {
		if p := t.Property(name); p != nil {
			return p
		}
	}
	return nil
}

func scanOperation(tl *tally, doc string, op *parser.Operation, names func(string, string, string),
	deprecated func(string, parser.Annotations, string)) {
	kind := "action"
	if op.Kind == parser.KindFunction {
		kind = "function"
	}
	sig := op.Signature()
	names("operation", op.Name, sig)
	deprecated("operation", op.Annotations, sig)
	if op.IsComposable {
		tl.add("function: composable", doc, sig)
	}
	if b := op.BindingParameter(); b != nil && b.Type.Collection {
		tl.add(kind+": bound to a collection", doc, sig)
	}
	if b := op.BindingParameter(); b != nil {
		if st := b.Type.Structured(); st != nil && !st.IsEntity() {
			tl.add(kind+": bound to a complex type", doc, sig)
		}
	}
	if !op.IsBound {
		tl.add(kind+": unbound", doc, sig)
	}
	if op.EntitySetPath != "" {
		tl.add(kind+": EntitySetPath", doc, sig)
	}
	if slices.Contains(append(slices.Clone(itemMethods), collectionMethods...), exportedName(op.Name)) {
		tl.add("name: operation named like a builder method", doc, sig)
	}
	if op.Namespace != "microsoft.graph" {
		tl.add("operation: outside the default namespace", doc, sig)
	}
	if r := op.ReturnType; r != nil {
		switch t := r.Type.Type.(type) {
		case *parser.PrimitiveType:
			if t.Name == "Edm.Stream" {
				tl.add(kind+": returns Edm.Stream", doc, sig)
			}
		case *parser.StructuredType:
			if r.Type.Collection && t.IsEntity() {
				tl.add(kind+": returns a collection of entities", doc, sig)
			}
		}
	}
	seen := map[string]string{}
	for _, p := range op.NonBindingParameters() {
		where := sig + " " + p.Name
		names("parameter", p.Name, where)
		if other, ok := seen[exportedName(p.Name)]; ok {
			tl.add("clash: parameters equal after conversion", doc, sig+": "+other+" / "+p.Name)
		}
		seen[exportedName(p.Name)] = p.Name
		_, structured := p.Type.Type.(*parser.StructuredType)
		switch {
		case p.Type.Collection && structured:
			tl.add(kind+": collection of structured parameter", doc, where)
		case p.Type.Collection:
			tl.add(kind+": collection of primitive/enum parameter", doc, where)
		case structured:
			tl.add(kind+": structured parameter", doc, where)
		}
		if p.Type.Type.QualifiedName() == "Edm.Stream" {
			tl.add(kind+": Edm.Stream parameter", doc, where)
		}
	}
}

func scanContainer(tl *tally, doc string, c *parser.EntityContainer,
	deprecated func(string, parser.Annotations, string)) {
	seen := map[string]string{}
	root := func(name string) {
		goName := exportedName(name)
		if other, ok := seen[goName]; ok {
			tl.add("clash: container elements equal after conversion", doc, other+" / "+name)
		}
		seen[goName] = name
	}
	for _, s := range c.EntitySets {
		root(s.Name)
		deprecated("entity set", s.Annotations, s.Name)
	}
	for _, s := range c.Singletons {
		root(s.Name)
		deprecated("singleton", s.Annotations, s.Name)
	}
	for _, imp := range c.ActionImports {
		tl.add("container: ActionImport", doc, imp.Name)
		root(imp.Name)
	}
	for _, imp := range c.FunctionImports {
		tl.add("container: FunctionImport", doc, imp.Name)
		root(imp.Name)
		if len(imp.Overloads) > 1 {
			tl.add("container: FunctionImport with overloads", doc, imp.Name)
		}
	}
}

// scanOverloads counts operations that share a qualified name, split into
// those bound to different types and those with one binding and several
// parameter lists.
func scanOverloads(tl *tally, doc string, m *parser.Model) {
	byName := map[string][]*parser.Operation{}
	var order []string
	for op := range m.AllOperations() {
		qn := op.QualifiedName()
		if _, ok := byName[qn]; !ok {
			order = append(order, qn)
		}
		byName[qn] = append(byName[qn], op)
	}
	for _, qn := range order {
		ops := byName[qn]
		if len(ops) < 2 {
			continue
		}
		tl.add("overload: name shared by several operations", doc, fmt.Sprintf("%s (%d)", qn, len(ops)))
		perBinding := map[string]int{}
		for _, op := range ops {
			binding := ""
			if b := op.BindingParameter(); b != nil {
				binding = b.Type.Name
			}
			perBinding[binding]++
		}
		for binding, n := range perBinding {
			if n > 1 {
				tl.add("overload: same binding, different parameters", doc, qn+" on "+cmp.Or(binding, "(unbound)"))
			}
		}
		// A binding to a type and to one of its ancestors: the derived
		// builder offers both, and the nearer one hides the other.
		for _, a := range ops {
			for _, b := range ops {
				ba, bb := a.BindingParameter(), b.BindingParameter()
				if ba == nil || bb == nil || ba.Type.Collection != bb.Type.Collection {
					continue
				}
				sa, sb := ba.Type.Structured(), bb.Type.Structured()
				if sa != nil && sb != nil && sa != sb && sa.DerivesFrom(sb) {
					tl.add("overload: bound to a type and to its ancestor", doc, qn+" on "+sa.Name+" and "+sb.Name)
				}
			}
		}
	}
}

// scanContainment finds entity types that contain themselves, directly or
// through other types, counting a navigation inherited from a base as the
// derived type's own.
func scanContainment(tl *tally, doc string, m *parser.Model) {
	edges := map[*parser.StructuredType][]*parser.StructuredType{}
	var types []*parser.StructuredType
	for s := range m.StructuredTypes() {
		types = append(types, s)
		for _, n := range s.NavigationProperties {
			if !n.ContainsTarget {
				continue
			}
			for _, from := range append([]*parser.StructuredType{s}, s.AllDerived()...) {
				edges[from] = append(edges[from], n.Target())
			}
			if n.Target().DerivesFrom(s) || s.DerivesFrom(n.Target()) {
				tl.add("containment: type contains itself or a relative", doc, s.Name+"."+n.Name+" → "+n.Target().Name)
			}
		}
	}
	for _, s := range types {
		if reaches(edges, s, s) {
			tl.add("containment: type on a containment cycle", doc, s.QualifiedName())
		}
	}
}

// reaches reports whether to can be reached from from along edges, in at
// least one step.
func reaches(edges map[*parser.StructuredType][]*parser.StructuredType,
	from, to *parser.StructuredType) bool {
	seen := map[*parser.StructuredType]bool{}
	stack := slices.Clone(edges[from])
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s == to {
			return true
		}
		if !seen[s] {
			seen[s] = true
			stack = append(stack, edges[s]...)
		}
	}
	return false
}

// longName is the length from which a generated name counts as long.
const longName = 80

// scanPlan records every name the plan chose that is not the wanted one,
// and checks the invariants of naming: every name is an identifier, the
// wanted name or the wanted name with a suffix, and unique in its scope.
func scanPlan(t *testing.T, tl *tally, doc string, g *generator) {
	t.Helper()
	pkg := map[string]string{}
	declare := func(kind, want, got, what string) {
		if !token.IsIdentifier(got) || token.IsKeyword(got) {
			t.Errorf("%s: %s %s: %q is not an identifier", doc, kind, what, got)
		}
		stem := strings.TrimSuffix(want, "Params")
		if !strings.HasPrefix(got, stem) {
			t.Errorf("%s: %s %s: got %q, want %q or %q with a suffix", doc, kind, what, got, want, stem)
		}
		if got != want {
			tl.add("resolved: "+kind+" renamed", doc, fmt.Sprintf("%s → %s", what, got))
		}
		if len(got) > longName {
			tl.add("name: Go name longer than 80 characters", doc, fmt.Sprintf("%s (%d)", got, len(got)))
		}
		if kind == "field" || kind == "navigation method" || kind == "operation method" || kind == "Client method" {
			return
		}
		if other, ok := pkg[got]; ok {
			t.Errorf("%s: %s and %s are both named %s", doc, other, what, got)
		}
		pkg[got] = what
	}

	for _, typ := range g.sel.Types {
		declare("type", g.goTypeName(typ), g.typeName[typ], typ.QualifiedName())
	}
	for _, s := range g.structs {
		if g.polymorphic[s] {
			declare("interface", "Any"+g.typeName[s], g.anyName[s], s.QualifiedName())
			declare("decoder", "UnmarshalAny"+g.typeName[s], g.decodeName[s], s.QualifiedName())
		}
		names := map[string]bool{}
		for a := s; a != nil && g.sel.Includes(a); a = a.Base {
			for _, fd := range g.fields[a] {
				if a == s {
					declare("field", exportedName(fd.jsonName), fd.name, s.Name+"."+fd.jsonName)
				}
				if names[fd.name] {
					t.Errorf("%s: %s has two fields named %s", doc, s.QualifiedName(), fd.name)
				}
				names[fd.name] = true
			}
		}
	}
	for _, e := range g.enums {
		declare("Values function", g.typeName[e]+"Values", g.valuesName[e], e.QualifiedName())
		for _, m := range e.Members {
			declare("enum constant", g.typeName[e]+exportedName(m.Name), g.memberName[m], e.Name+"."+m.Name)
		}
	}
	for _, b := range g.builders {
		want := g.typeName[b.typ]
		if b.collection {
			want += b.access.suffix(defaultSetAccess) + "CollectionBuilder"
		} else {
			want += b.access.suffix(defaultSetAccess.item()) + "Builder"
		}
		if !b.collection && b.access == defaultSingletonAccess && b.name == g.typeName[b.typ]+"Builder" {
			// Get and update only, and no builder of the type deletes:
			// the plain name.
			want = b.name
		}
		if b.explicit != "" {
			// A builder reached through Core.ExplicitOperationBindings is
			// named for the operations it adds; only the type is fixed.
			tl.add("resolved: builder for explicit operation bindings", doc, b.name)
			if !strings.HasPrefix(b.name, g.typeName[b.typ]) {
				t.Errorf("%s: builder %s does not start with its type's name %s", doc, b.name, g.typeName[b.typ])
			}
			want = b.name
		}
		declare("builder", want, b.name, want)
		for _, n := range b.navigations {
			declare("navigation method", exportedName(n.property.Name), n.name, b.name+"."+n.property.Name)
		}
		for _, o := range b.operations {
			declare("operation method", exportedName(o.op.Name), o.name, b.name+"."+o.op.Name)
		}
	}
	for _, r := range g.roots {
		declare("Client method", exportedName(r.segment), r.name, "Client."+r.segment)
	}
	for _, op := range g.sel.Operations {
		name, ok := g.paramsName[op]
		if !ok {
			continue
		}
		prefix := ""
		if b := op.BindingParameter(); b != nil {
			if s := b.Type.Structured(); s != nil {
				prefix = g.typeName[s]
			}
		}
		declare("params struct", prefix+exportedName(op.Name)+"Params", name, op.Signature())
	}
}
