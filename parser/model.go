package parser

import "strings"

// Model is a resolved CSDL document: all schemas of one $metadata document.
type Model struct {
	// Schemas are in document order.
	Schemas []*Schema

	// References are the edmx:Reference includes (vocabularies) by alias.
	References []Reference

	// Warnings are the problems that fixups repaired.
	Warnings []Warning

	types     map[string]Type
	schemas   map[string]*Schema
	operation map[string][]*Operation
}

// Reference is one edmx:Include of an edmx:Reference, such as the Core
// vocabulary included with the alias Core.
type Reference struct {
	URI       string
	Namespace string
	Alias     string
}

// Schema is one CSDL Schema element.
type Schema struct {
	Namespace string
	Alias     string

	EnumTypes       []*EnumType
	ComplexTypes    []*StructuredType
	EntityTypes     []*StructuredType
	TypeDefinitions []*TypeDefinition
	Actions         []*Operation
	Functions       []*Operation
	Containers      []*EntityContainer
}

// Type is implemented by every kind of type a TypeRef can point at:
// *PrimitiveType, *EnumType, *StructuredType and *TypeDefinition.
type Type interface {
	// QualifiedName is the namespace-qualified name, such as
	// microsoft.graph.user or Edm.String.
	QualifiedName() string
	isType()
}

// PrimitiveType is one of the Edm primitive types, such as Edm.String.
type PrimitiveType struct {
	// Name is the qualified name, for example Edm.DateTimeOffset.
	Name string
}

// QualifiedName returns the Edm name, for example Edm.Int64.
func (p *PrimitiveType) QualifiedName() string { return p.Name }
func (p *PrimitiveType) isType()               {}

// TypeKind tells what a StructuredType is.
type TypeKind int

// The kinds of StructuredType.
const (
	KindComplex TypeKind = iota
	KindEntity
)

// StructuredType is an EntityType or a ComplexType.
type StructuredType struct {
	Kind      TypeKind
	Namespace string
	Name      string
	Abstract  bool
	OpenType  bool
	HasStream bool

	// BaseTypeName is the BaseType attribute as written; Base is the type it
	// names, nil for a type without a base.
	BaseTypeName string
	Base         *StructuredType

	// Key lists the property names of the key declared on this type; the
	// effective key of a derived type is found with EffectiveKey.
	Key []string

	Properties           []*Property
	NavigationProperties []*NavigationProperty

	// Derived lists the types whose base is this type, in document order.
	Derived []*StructuredType

	Annotations Annotations
}

// QualifiedName returns namespace.name.
func (t *StructuredType) QualifiedName() string { return t.Namespace + "." + t.Name }
func (t *StructuredType) isType()               {}

// IsEntity reports whether t is an EntityType.
func (t *StructuredType) IsEntity() bool { return t.Kind == KindEntity }

// Ancestors returns the chain of base types, nearest first.
func (t *StructuredType) Ancestors() []*StructuredType {
	var chain []*StructuredType
	for b := t.Base; b != nil; b = b.Base {
		chain = append(chain, b)
	}
	return chain
}

// DerivesFrom reports whether base is t itself or one of its ancestors.
func (t *StructuredType) DerivesFrom(base *StructuredType) bool {
	for s := t; s != nil; s = s.Base {
		if s == base {
			return true
		}
	}
	return false
}

// AllDerived returns every type that derives from t, directly or not, in a
// depth-first order that follows the document.
func (t *StructuredType) AllDerived() []*StructuredType {
	var all []*StructuredType
	for _, d := range t.Derived {
		all = append(all, d)
		all = append(all, d.AllDerived()...)
	}
	return all
}

// EffectiveKey returns the key property names of t or of the nearest
// ancestor that declares one.
func (t *StructuredType) EffectiveKey() []string {
	for s := t; s != nil; s = s.Base {
		if len(s.Key) > 0 {
			return s.Key
		}
	}
	return nil
}

// Property returns the structural property declared on t with that name.
func (t *StructuredType) Property(name string) *Property {
	for _, p := range t.Properties {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// NavigationProperty returns the navigation property declared on t with
// that name.
func (t *StructuredType) NavigationProperty(name string) *NavigationProperty {
	for _, n := range t.NavigationProperties {
		if n.Name == name {
			return n
		}
	}
	return nil
}

// FindNavigationProperty looks for a navigation property on t and its
// ancestors.
func (t *StructuredType) FindNavigationProperty(name string) *NavigationProperty {
	for s := t; s != nil; s = s.Base {
		if n := s.NavigationProperty(name); n != nil {
			return n
		}
	}
	return nil
}

// TypeRef is the type of a property, parameter or return value.
type TypeRef struct {
	// Name is the Type attribute as written, such as
	// Collection(graph.identitySet).
	Name string

	// Collection is true for Collection(...) types.
	Collection bool

	// Type is the element type.
	Type Type
}

// Primitive returns the primitive type, or nil if the element type is not
// an Edm primitive.
func (r TypeRef) Primitive() *PrimitiveType {
	p, _ := r.Type.(*PrimitiveType)
	return p
}

// Structured returns the entity or complex type, or nil.
func (r TypeRef) Structured() *StructuredType {
	s, _ := r.Type.(*StructuredType)
	return s
}

// Enum returns the enum type, or nil.
func (r TypeRef) Enum() *EnumType {
	e, _ := r.Type.(*EnumType)
	return e
}

// Definition returns the type definition, or nil.
func (r TypeRef) Definition() *TypeDefinition {
	d, _ := r.Type.(*TypeDefinition)
	return d
}

// Facets are the type facets CSDL allows on properties, parameters, return
// types and type definitions. Nil pointers mean the facet is not given.
type Facets struct {
	MaxLength *string // a number or "max"
	Precision *int
	Scale     *string // a number, "variable" or "floating"
	SRID      *string
}

// Property is a structural property of an entity or complex type.
type Property struct {
	Owner *StructuredType
	Name  string
	Type  TypeRef

	// Nullable is true unless the document says Nullable="false".
	Nullable     bool
	DefaultValue *string
	Facets

	Annotations Annotations
}

// NavigationProperty is a navigation property of an entity or complex type.
type NavigationProperty struct {
	Owner *StructuredType
	Name  string

	// Type's element type is always an entity type.
	Type           TypeRef
	Nullable       bool
	ContainsTarget bool
	Partner        string

	Annotations Annotations
}

// Target returns the entity type the navigation property leads to.
func (n *NavigationProperty) Target() *StructuredType { return n.Type.Structured() }

// EnumType is a CSDL EnumType.
type EnumType struct {
	Namespace string
	Name      string

	// UnderlyingType is Edm.Int32 unless the document names another.
	UnderlyingType string
	IsFlags        bool
	Members        []*EnumMember

	// UnknownFutureValue is the sentinel member named unknownFutureValue,
	// nil when the enum has none.
	UnknownFutureValue *EnumMember

	Annotations Annotations
}

// QualifiedName returns namespace.name.
func (e *EnumType) QualifiedName() string { return e.Namespace + "." + e.Name }
func (e *EnumType) isType()               {}

// Member returns the member with that name.
func (e *EnumType) Member(name string) *EnumMember {
	for _, m := range e.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// EnumMember is one member of an EnumType.
type EnumMember struct {
	Name  string
	Value int64

	// ExplicitValue is true when the document gives the value.
	ExplicitValue bool

	// Evolvable marks members declared after the unknownFutureValue
	// sentinel: a service returns them only to clients that send
	// Prefer: include-unknown-enum-members.
	Evolvable bool

	Annotations Annotations
}

// TypeDefinition is a CSDL TypeDefinition: a named primitive type.
type TypeDefinition struct {
	Namespace      string
	Name           string
	UnderlyingType *PrimitiveType
	Facets
	Annotations Annotations
}

// QualifiedName returns namespace.name.
func (d *TypeDefinition) QualifiedName() string { return d.Namespace + "." + d.Name }
func (d *TypeDefinition) isType()               {}

// OperationKind tells an Action from a Function.
type OperationKind int

// The kinds of Operation.
const (
	KindAction OperationKind = iota
	KindFunction
)

// Operation is one overload of an Action or a Function.
type Operation struct {
	Kind          OperationKind
	Namespace     string
	Name          string
	IsBound       bool
	IsComposable  bool
	EntitySetPath string

	// Parameters include the binding parameter first when IsBound.
	Parameters []*Parameter

	// ReturnType is nil when the operation returns nothing.
	ReturnType *ReturnType

	Annotations Annotations
}

// QualifiedName returns namespace.name; overloads share it.
func (o *Operation) QualifiedName() string { return o.Namespace + "." + o.Name }

// BindingParameter returns the first parameter of a bound operation, or nil.
func (o *Operation) BindingParameter() *Parameter {
	if !o.IsBound || len(o.Parameters) == 0 {
		return nil
	}
	return o.Parameters[0]
}

// NonBindingParameters returns the parameters a caller supplies.
func (o *Operation) NonBindingParameters() []*Parameter {
	if o.IsBound && len(o.Parameters) > 0 {
		return o.Parameters[1:]
	}
	return o.Parameters
}

// Signature returns the overload's name with its parameter types, the form
// out-of-line annotations use to target it, for example
// microsoft.graph.activate(microsoft.graph.restoreSessionBase). Actions are
// identified by their binding parameter only, functions by all parameters.
func (o *Operation) Signature() string {
	n := len(o.Parameters)
	if o.Kind == KindAction {
		n = 0
		if o.IsBound && len(o.Parameters) > 0 {
			n = 1
		}
	}
	return o.signature(n)
}

// FullSignature lists the types of all parameters, the form Graph's
// documents also use to target actions.
func (o *Operation) FullSignature() string { return o.signature(len(o.Parameters)) }

func (o *Operation) signature(n int) string {
	types := make([]string, 0, n)
	for _, p := range o.Parameters[:n] {
		types = append(types, p.Type.canonical())
	}
	return o.QualifiedName() + "(" + strings.Join(types, ",") + ")"
}

// canonical writes a type reference with the namespace, not the alias. An
// unresolved reference, which only error messages show, is written as is.
func (r TypeRef) canonical() string {
	if r.Type == nil {
		return r.Name
	}
	name := r.Type.QualifiedName()
	if r.Collection {
		return "Collection(" + name + ")"
	}
	return name
}

// Parameter is a parameter of an Operation.
type Parameter struct {
	Name     string
	Type     TypeRef
	Nullable bool
	Facets

	Annotations Annotations
}

// ReturnType is the return type of an Operation.
type ReturnType struct {
	Type     TypeRef
	Nullable bool
	Facets

	Annotations Annotations
}

// EntityContainer is the CSDL EntityContainer: the service's entry points.
type EntityContainer struct {
	Namespace       string
	Name            string
	EntitySets      []*EntitySet
	Singletons      []*Singleton
	ActionImports   []*OperationImport
	FunctionImports []*OperationImport

	Annotations Annotations
}

// QualifiedName returns namespace.name, for example
// microsoft.graph.GraphService.
func (c *EntityContainer) QualifiedName() string { return c.Namespace + "." + c.Name }

// EntitySet returns the entity set with that name.
func (c *EntityContainer) EntitySet(name string) *EntitySet {
	for _, s := range c.EntitySets {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Singleton returns the singleton with that name.
func (c *EntityContainer) Singleton(name string) *Singleton {
	for _, s := range c.Singletons {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// EntitySet is a collection of entities at the service root, such as
// /users.
type EntitySet struct {
	Name     string
	Type     *StructuredType
	Bindings []NavigationPropertyBinding

	Annotations Annotations
}

// Singleton is a single entity at the service root, such as /solutions.
type Singleton struct {
	Name     string
	Type     *StructuredType
	Bindings []NavigationPropertyBinding

	Annotations Annotations
}

// NavigationPropertyBinding tells which entity set a navigation path leads
// to.
type NavigationPropertyBinding struct {
	Path   string
	Target string
}

// OperationImport is an ActionImport or FunctionImport: an unbound
// operation exposed at the service root.
type OperationImport struct {
	Kind      OperationKind
	Name      string
	Operation string

	// Overloads are the operations the import names.
	Overloads []*Operation
	EntitySet string

	Annotations Annotations
}
