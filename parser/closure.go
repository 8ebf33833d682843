package parser

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// DerivedPolicy decides which derived types a closure takes in besides the
// types it reaches directly.
type DerivedPolicy struct {
	// Complex takes in every complex type derived from a complex type that
	// is reached through a property, parameter or return type, so that a
	// value of any subtype decodes into its own Go type.
	Complex bool

	// Entity does the same for entity types reached through navigation
	// properties, parameters or return types. It is off by default: most
	// entity types derive from microsoft.graph.entity, so it takes in the
	// whole model.
	Entity bool
}

// DefaultDerivedPolicy takes in derived complex types but not derived
// entity types.
var DefaultDerivedPolicy = DerivedPolicy{Complex: true}

// Selection is the part of a model that is generated: types, bound
// operations and container elements.
type Selection struct {
	Model *Model

	// Types are the selected entity, complex, enum and type-definition
	// types, sorted by qualified name.
	Types []Type

	// Operations are the selected actions and functions: those bound to a
	// selected type or a collection of one, and unbound operations that
	// are imported by a selected container element; sorted by signature.
	Operations []*Operation

	// EntitySets and Singletons are the selected container elements.
	EntitySets []*EntitySet
	Singletons []*Singleton

	included map[Type]bool

	// pathOnly are types reached only as steps of a container path: of
	// their navigation properties only those on a path are followed.
	pathOnly map[*StructuredType]bool
	onPath   map[*NavigationProperty]bool
}

// Includes reports whether t is selected. Primitive types always are.
func (s *Selection) Includes(t Type) bool {
	if _, ok := t.(*PrimitiveType); ok {
		return true
	}
	return s.included[t]
}

// IncludesNavigation reports whether a navigation property of a selected
// type is part of the selection: its target is selected and, for a type
// that is only a step of a container path, the property is on that path.
func (s *Selection) IncludesNavigation(n *NavigationProperty) bool {
	if !s.Includes(n.Owner) || !s.Includes(n.Type.Type) {
		return false
	}
	if s.pathOnly[n.Owner] {
		return s.onPath[n]
	}
	return true
}

// PathOnly reports whether t was selected only as a step of a container
// path, such as solutionsRoot for /solutions/backupRestore/....
func (s *Selection) PathOnly(t *StructuredType) bool { return s.pathOnly[t] }

// All selects the whole model.
func (m *Model) All() *Selection {
	c := newClosure(m, DerivedPolicy{})
	for _, sc := range m.Schemas {
		for _, e := range sc.EnumTypes {
			c.add(e, false)
		}
		for _, d := range sc.TypeDefinitions {
			c.add(d, false)
		}
		for t := range m.StructuredTypes() {
			c.add(t, false)
		}
		for _, ct := range sc.Containers {
			c.sel.EntitySets = append(c.sel.EntitySets, ct.EntitySets...)
			c.sel.Singletons = append(c.sel.Singletons, ct.Singletons...)
		}
	}
	c.run()
	c.addOperations(func(*Operation) bool { return true })
	return c.finish()
}

// Select returns the closure of the roots with the policy, or the whole
// model when there are no roots: the selection graphgen generates.
func (m *Model) Select(roots []string, policy DerivedPolicy) (*Selection, error) {
	if len(roots) == 0 {
		return m.All(), nil
	}
	return m.Closure(roots, policy)
}

// Closure selects the minimal part of the model needed to generate the
// roots. A root is a qualified type name (namespace or alias form), or a
// container path such as /solutions/backupRestore/exchangeRestoreSessions
// ({id} or {anything} stands for a key segment). The selection holds the
// roots, their base types, the targets of their properties and navigation
// properties, the operations bound to selected types with their parameter
// and return types, and derived types as the policy says, all transitively.
func (m *Model) Closure(roots []string, policy DerivedPolicy) (*Selection, error) {
	c := newClosure(m, policy)
	for _, root := range roots {
		if err := c.addRoot(root); err != nil {
			return nil, err
		}
	}
	for {
		c.run()
		added := c.addOperations(c.boundToSelected)
		if !added {
			break
		}
	}
	return c.finish(), nil
}

type closure struct {
	model  *Model
	policy DerivedPolicy
	sel    *Selection

	queue []Type

	// reached are the types whose derived types were already taken in.
	reached map[*StructuredType]bool
	ops     map[*Operation]bool
}

func newClosure(m *Model, policy DerivedPolicy) *closure {
	return &closure{
		model:  m,
		policy: policy,
		sel: &Selection{
			Model:    m,
			included: map[Type]bool{},
			pathOnly: map[*StructuredType]bool{},
			onPath:   map[*NavigationProperty]bool{},
		},
		reached: map[*StructuredType]bool{},
		ops:     map[*Operation]bool{},
	}
}

func (c *closure) addRoot(root string) error {
	if strings.HasPrefix(root, "/") {
		return c.addPath(root)
	}
	t := c.model.Type(root)
	if t == nil {
		return fmt.Errorf("root %s: no such type", root)
	}
	if _, ok := t.(*PrimitiveType); ok {
		return fmt.Errorf("root %s: a primitive type cannot be a root", root)
	}
	c.add(t, true)
	return nil
}

// add selects t; reached says that t was reached through a property,
// parameter or return type, so the derived-type policy applies.
func (c *closure) add(t Type, reached bool) {
	if _, ok := t.(*PrimitiveType); ok || t == nil {
		return
	}
	if s, ok := t.(*StructuredType); ok {
		if c.sel.included[t] && !c.sel.pathOnly[s] {
			c.addDerived(s, reached)
			return
		}
		delete(c.sel.pathOnly, s)
		c.sel.included[t] = true
		c.queue = append(c.queue, t)
		c.addDerived(s, reached)
		return
	}
	if !c.sel.included[t] {
		c.sel.included[t] = true
		c.queue = append(c.queue, t)
	}
}

func (c *closure) addDerived(s *StructuredType, reached bool) {
	if !reached || c.reached[s] {
		return
	}
	if (s.IsEntity() && !c.policy.Entity) || (!s.IsEntity() && !c.policy.Complex) {
		return
	}
	c.reached[s] = true
	for _, d := range s.AllDerived() {
		c.reached[d] = true
		c.add(d, false)
	}
}

// run follows the queue until every selected type's references are
// selected.
func (c *closure) run() {
	for len(c.queue) > 0 {
		t := c.queue[0]
		c.queue = c.queue[1:]
		s, ok := t.(*StructuredType)
		if !ok || c.sel.pathOnly[s] {
			if ok && s.Base != nil {
				c.addPathStep(s.Base)
			}
			c.followStructural(s)
			continue
		}
		c.follow(s)
	}
}

func (c *closure) follow(s *StructuredType) {
	if s.Base != nil {
		c.add(s.Base, false)
	}
	c.followStructural(s)
	for _, n := range s.NavigationProperties {
		c.add(n.Type.Type, true)
	}
}

// followStructural selects the types of the structural properties.
func (c *closure) followStructural(s *StructuredType) {
	if s == nil {
		return
	}
	for _, p := range s.Properties {
		c.add(p.Type.Type, true)
	}
}

// boundToSelected reports whether an operation is bound to a selected type
// that is not only a path step.
func (c *closure) boundToSelected(op *Operation) bool {
	b := op.BindingParameter()
	if b == nil {
		return false
	}
	s, ok := b.Type.Type.(*StructuredType)
	return ok && c.sel.included[s] && !c.sel.pathOnly[s]
}

// addOperations selects the operations that match and the types their
// parameters and return values use; it reports whether anything was new.
func (c *closure) addOperations(match func(*Operation) bool) bool {
	added := false
	for op := range c.model.AllOperations() {
		if c.ops[op] || !match(op) {
			continue
		}
		c.ops[op] = true
		added = true
		c.sel.Operations = append(c.sel.Operations, op)
		for _, p := range op.NonBindingParameters() {
			c.add(p.Type.Type, true)
		}
		if op.ReturnType != nil {
			c.add(op.ReturnType.Type.Type, true)
		}
	}
	return added
}

func (c *closure) finish() *Selection {
	s := c.sel
	for t := range s.included {
		s.Types = append(s.Types, t)
	}
	slices.SortFunc(s.Types, func(a, b Type) int { return cmp.Compare(a.QualifiedName(), b.QualifiedName()) })
	slices.SortStableFunc(s.Operations, func(a, b *Operation) int {
		return cmp.Compare(a.FullSignature(), b.FullSignature())
	})
	return s
}
