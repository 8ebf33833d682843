package emitter

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/graphgen/graphgen/parser"
)

// builder is one request-builder type: the requests on an entity type
// reached as one entity (item) or as a collection, with a given access.
// Builders are shared by every path that reaches the same type with the
// same access, so recursive containment needs no special case.
type builder struct {
	name       string
	typ        *parser.StructuredType
	collection bool
	access     access

	// item is the builder ByID returns, for a collection.
	item *builder

	// navigations are the navigation methods of an item builder.
	navigations []navigationMethod

	// operations are the bound actions and functions.
	operations []operationMethod

	explicit string
	methods  *scope

	// paths are URL path templates that reach the builder, shortest first
	// ({id} for keys), at most maxPaths of them.
	paths []string
}

// maxPaths bounds the paths recorded per builder; recursive containment
// would otherwise give infinitely many.
const maxPaths = 4

type navigationMethod struct {
	name     string
	property *parser.NavigationProperty
	target   *builder
}

type operationMethod struct {
	name string
	op   *parser.Operation
}

type builderKey struct {
	typ        *parser.StructuredType
	collection bool
	access     access

	// explicit lists, comma-separated, the operations bound explicitly to
	// the navigation property the builder was reached through
	// (Core.ExplicitOperationBindings): operations annotated with
	// Core.RequiresExplicitBinding are offered only there.
	explicit string
}

// rootMethod is a method of Client: an entity set, a singleton or an
// operation import.
type rootMethod struct {
	name    string
	segment string
	target  *builder
	op      *parser.Operation

	// annotations are those of the entity set or singleton.
	annotations parser.Annotations
}

// itemMethods and collectionMethods are the fixed methods of item and
// collection builders; navigation and operation methods must not take
// these names.
var (
	itemMethods       = []string{"Get", "Update", "Delete", "Content", "PutContent", "Path"}
	collectionMethods = []string{"List", "Pager", "Create", "ByID", "Path"}
)

// planBuilders walks from the selected entity sets and singletons along
// the selected navigation properties and names a builder for every
// (type, item or collection, access) it meets.
func (g *generator) planBuilders() {
	c := g.sel.Model.Container()
	if c == nil {
		return
	}
	clientScope := newScope("NewClient", "WithBaseURL", "WithHeader")
	for _, s := range g.sel.EntitySets {
		b := g.builderFor(builderKey{s.Type, true, entitySetAccess(s), explicitBindings(s.Annotations)})
		g.roots = append(g.roots, rootMethod{
			name: clientScope.claim(exportedName(s.Name)), segment: s.Name, target: b, annotations: s.Annotations,
		})
	}
	for _, s := range g.sel.Singletons {
		b := g.builderFor(builderKey{s.Type, false, singletonAccess(s).item(), explicitBindings(s.Annotations)})
		g.roots = append(g.roots, rootMethod{
			name: clientScope.claim(exportedName(s.Name)), segment: s.Name, target: b, annotations: s.Annotations,
		})
	}
	g.planImports(c, clientScope)

	for i := 0; i < len(g.builders); i++ {
		g.expandBuilder(g.builders[i])
	}
	g.nameBuilders()
	g.stats.Builders = len(g.builders)
	g.tracePaths()
}

// tracePaths records, breadth first from the Client methods, the path
// templates that reach each builder.
func (g *generator) tracePaths() {
	type step struct {
		b    *builder
		path string
	}
	var queue []step
	for _, r := range g.roots {
		if r.target != nil {
			queue = append(queue, step{r.target, "/" + r.segment})
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if len(s.b.paths) >= maxPaths || slices.Contains(s.b.paths, s.path) {
			continue
		}
		s.b.paths = append(s.b.paths, s.path)
		if s.b.collection {
			queue = append(queue, step{s.b.item, s.path + "/{id}"})
			continue
		}
		for _, n := range s.b.navigations {
			queue = append(queue, step{n.target, s.path + "/" + n.property.Name})
		}
	}
}

// builderFor returns the builder for key, creating and naming it on first
// use.
func (g *generator) builderFor(key builderKey) *builder {
	if b, ok := g.builderIndex[key]; ok {
		return b
	}
	b := &builder{
		typ: key.typ, collection: key.collection, access: key.access,
		explicit: key.explicit, methods: newScope(itemMethods...),
	}
	if key.collection {
		b.methods = newScope(collectionMethods...)
	}
	g.builderIndex[key] = b
	g.builders = append(g.builders, b)
	return b
}

// nameBuilders names every builder after its type and what it lacks
// (NoDelete, ReadOnly, ...). The get-and-update access of a singleton or a
// single-valued navigation property is the plain name (SolutionsRootBuilder)
// unless the same type also has a builder that can delete, which then
// keeps the plain name.
func (g *generator) nameBuilders() {
	deletable := map[builderKey]bool{}
	for _, b := range g.builders {
		if !b.collection && b.access == defaultSetAccess.item() {
			deletable[builderKey{typ: b.typ, explicit: b.explicit}] = true
		}
	}
	for _, b := range g.builders {
		name := g.typeName[b.typ] + explicitSuffix(b.explicit)
		switch {
		case b.collection:
			name += b.access.suffix(defaultSetAccess) + "CollectionBuilder"
		case b.access == defaultSingletonAccess && !deletable[builderKey{typ: b.typ, explicit: b.explicit}]:
			name += "Builder"
		default:
			name += b.access.suffix(defaultSetAccess.item()) + "Builder"
		}
		b.name = g.pkg.claim(name)
	}
}

func (g *generator) expandBuilder(b *builder) {
	if b.collection {
		b.item = g.builderFor(builderKey{b.typ, false, b.access.item(), b.explicit})
		b.operations = g.boundOperations(b, true)
		return
	}
	for _, n := range g.inheritedNavigations(b.typ) {
		key := builderKey{n.Target(), n.Type.Collection, g.navigationAccess(n), explicitBindings(n.Annotations)}
		if !key.collection {
			key.access = key.access.item()
		}
		b.navigations = append(b.navigations, navigationMethod{
			name: b.methods.claim(exportedName(n.Name)), property: n, target: g.builderFor(key),
		})
	}
	b.operations = g.boundOperations(b, false)
}

// inheritedNavigations returns the selected navigation properties of t and
// its ancestors, the most distant ancestor's first.
func (g *generator) inheritedNavigations(t *parser.StructuredType) []*parser.NavigationProperty {
	chain := append([]*parser.StructuredType{t}, t.Ancestors()...)
	slices.Reverse(chain)
	var out []*parser.NavigationProperty
	for _, s := range chain {
		for _, n := range s.NavigationProperties {
			if g.sel.IncludesNavigation(n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// boundOperations returns the selected operations a builder offers: those
// bound to its type or an ancestor (to a collection of them for a
// collection builder). Where overloads of one name are bound at several
// levels, the most derived binding hides the others with the same
// parameters, as OData overload resolution does.
func (g *generator) boundOperations(b *builder, collection bool) []operationMethod {
	depth := map[*parser.StructuredType]int{b.typ: 0}
	for i, a := range b.typ.Ancestors() {
		depth[a] = i + 1
	}
	var found []*parser.Operation
	for _, op := range g.sel.Operations {
		p := op.BindingParameter()
		if p == nil || p.Type.Collection != collection {
			continue
		}
		if _, ok := depth[p.Type.Structured()]; ok && g.bindable(b, op) {
			found = append(found, op)
		}
	}
	slices.SortStableFunc(found, func(x, y *parser.Operation) int {
		return cmp.Or(cmp.Compare(depth[x.BindingParameter().Type.Structured()],
			depth[y.BindingParameter().Type.Structured()]), compareOverloads(x, y))
	})

	seen := map[string]bool{}
	var out []operationMethod
	for _, op := range found {
		sig := op.Name + "(" + parameterNames(op) + ")"
		if seen[sig] {
			continue
		}
		seen[sig] = true
		out = append(out, operationMethod{name: b.methods.claim(g.operationMethodName(op, seen)), op: op})
	}
	g.stats.Operations += len(out)
	return out
}

// compareOverloads orders operations by name, then by number of
// parameters, then by parameter names: of overloads, the first in this
// order keeps the plain name and the others get With<Parameters>.
func compareOverloads(x, y *parser.Operation) int {
	return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(len(x.Parameters), len(y.Parameters)),
		cmp.Compare(parameterNames(x), parameterNames(y)))
}

// operationMethodName is the Go name of an operation: its name, and for a
// second overload of the same name, With and its parameter names.
func (g *generator) operationMethodName(op *parser.Operation, seen map[string]bool) string {
	name := exportedName(op.Name)
	if seen["overload:"+op.Name] {
		name += "With" + parameterList(op)
	}
	seen["overload:"+op.Name] = true
	return name
}

// parameterList joins the Go names of an operation's parameters, to tell
// overloads apart: GetScheduleWithStartEnd.
func parameterList(op *parser.Operation) string {
	var names []string
	for _, p := range op.NonBindingParameters() {
		names = append(names, exportedName(p.Name))
	}
	return strings.Join(names, "")
}

func parameterNames(op *parser.Operation) string {
	var names []string
	for _, p := range op.NonBindingParameters() {
		names = append(names, p.Name)
	}
	return strings.Join(names, ",")
}

// planImports adds Client methods for the selected unbound operations that
// the container imports.
func (g *generator) planImports(c *parser.EntityContainer, clientScope *scope) {
	selected := map[*parser.Operation]bool{}
	for _, op := range g.sel.Operations {
		selected[op] = true
	}
	for _, imp := range append(slices.Clone(c.ActionImports), c.FunctionImports...) {
		for _, op := range imp.Overloads {
			if !selected[op] {
				continue
			}
			name := exportedName(imp.Name)
			if clientScope.has(name) {
				name += "With" + parameterList(op)
			}
			g.roots = append(g.roots, rootMethod{name: clientScope.claim(name), segment: imp.Name, op: op})
			g.stats.Operations++
		}
	}
}

// operationSegment is the URL segment of an operation: its name, with the
// namespace for operations outside the default namespace.
func (g *generator) operationSegment(op *parser.Operation) string {
	if op.Namespace == g.namespace {
		return op.Name
	}
	return op.QualifiedName()
}

// termRequiresExplicitBinding marks operations that may only be called
// through a navigation property that lists them.
const termRequiresExplicitBinding = "Org.OData.Core.V1.RequiresExplicitBinding"

// bindable reports whether a builder offers an operation bound to its
// type: always, unless the operation requires explicit binding and the
// builder was not reached through a navigation property that lists it.
func (g *generator) bindable(b *builder, op *parser.Operation) bool {
	if op.Annotations.Find(termRequiresExplicitBinding) == nil {
		return true
	}
	return slices.Contains(strings.Split(b.explicit, ","), op.QualifiedName())
}

// explicitBindings joins the Core.ExplicitOperationBindings of an element.
func explicitBindings(as parser.Annotations) string {
	names := slices.Clone(as.ExplicitOperationBindings())
	slices.Sort(names)
	return strings.Join(names, ",")
}

// explicitSuffix names the operations a builder offers only because it
// was reached through a navigation property that binds them explicitly:
// ArtifactWithOffboardBuilder.
func explicitSuffix(explicit string) string {
	if explicit == "" {
		return ""
	}
	names := strings.Split(explicit, ",")
	first := exportedName(names[0][strings.LastIndexByte(names[0], '.')+1:])
	switch len(names) {
	case 1:
		return "With" + first
	case 2:
		return "With" + first + "And" + exportedName(names[1][strings.LastIndexByte(names[1], '.')+1:])
	}
	return fmt.Sprintf("With%sAnd%dMore", first, len(names)-1)
}
