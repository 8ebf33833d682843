package parser

import (
	"iter"
	"strings"
)

// Type returns the type with that qualified name (namespace or alias
// form, or an Edm primitive), or nil.
func (m *Model) Type(name string) Type {
	if p, ok := primitive(name); ok {
		return p
	}
	if t, ok := m.types[name]; ok {
		return t
	}
	return m.types[m.Qualify(name)]
}

// StructuredType returns the entity or complex type with that name, or nil.
func (m *Model) StructuredType(name string) *StructuredType {
	t, _ := m.Type(name).(*StructuredType)
	return t
}

// EnumType returns the enum type with that name, or nil.
func (m *Model) EnumType(name string) *EnumType {
	t, _ := m.Type(name).(*EnumType)
	return t
}

// Schema returns the schema with that namespace or alias, or nil.
func (m *Model) Schema(namespace string) *Schema {
	if s, ok := m.schemas[namespace]; ok {
		return s
	}
	for _, s := range m.Schemas {
		if s.Alias == namespace {
			return s
		}
	}
	return nil
}

// Qualify replaces a leading schema alias (graph.user) by the schema's
// namespace (microsoft.graph.user); other names are returned unchanged.
func (m *Model) Qualify(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return name
	}
	for _, s := range m.Schemas {
		if s.Alias == name[:i] {
			return s.Namespace + name[i:]
		}
	}
	return name
}

// Operations returns every overload of the action or function with that
// qualified name.
func (m *Model) Operations(name string) []*Operation {
	return m.operation[m.Qualify(name)]
}

// Container returns the entity container of the document, or nil when it
// has none. Graph documents have exactly one.
func (m *Model) Container() *EntityContainer {
	for _, s := range m.Schemas {
		if len(s.Containers) > 0 {
			return s.Containers[0]
		}
	}
	return nil
}

// StructuredTypes yields every entity and complex type, schema by schema,
// complex types first, in document order.
func (m *Model) StructuredTypes() iter.Seq[*StructuredType] {
	return func(yield func(*StructuredType) bool) {
		// Two loops rather than append(s.ComplexTypes, s.EntityTypes...),
		// which would write into the spare capacity of s.ComplexTypes and
		// so race with concurrent readers of the model.
		for _, s := range m.Schemas {
			for _, list := range [][]*StructuredType{s.ComplexTypes, s.EntityTypes} {
				for _, t := range list {
					if !yield(t) {
						return
					}
				}
			}
		}
	}
}

// AllOperations yields every action and function overload, schema by
// schema, actions first.
func (m *Model) AllOperations() iter.Seq[*Operation] {
	return func(yield func(*Operation) bool) {
		for _, s := range m.Schemas {
			for _, list := range [][]*Operation{s.Actions, s.Functions} {
				for _, op := range list {
					if !yield(op) {
						return
					}
				}
			}
		}
	}
}

// BoundTo returns the operations bound to t itself (not to its ancestors),
// single-valued or collection-valued as asked, in document order.
func (m *Model) BoundTo(t *StructuredType, collection bool) []*Operation {
	var out []*Operation
	for op := range m.AllOperations() {
		b := op.BindingParameter()
		if b != nil && b.Type.Type == Type(t) && b.Type.Collection == collection {
			out = append(out, op)
		}
	}
	return out
}

// Counts is the number of elements of each kind in a model.
type Counts struct {
	Schemas, EntityTypes, ComplexTypes, EnumTypes, TypeDefinitions int
	Actions, Functions                                             int
	EntitySets, Singletons                                         int
}

// Count returns how many elements of each kind the model holds.
func (m *Model) Count() Counts {
	c := Counts{Schemas: len(m.Schemas)}
	for _, s := range m.Schemas {
		c.EntityTypes += len(s.EntityTypes)
		c.ComplexTypes += len(s.ComplexTypes)
		c.EnumTypes += len(s.EnumTypes)
		c.TypeDefinitions += len(s.TypeDefinitions)
		c.Actions += len(s.Actions)
		c.Functions += len(s.Functions)
		for _, ct := range s.Containers {
			c.EntitySets += len(ct.EntitySets)
			c.Singletons += len(ct.Singletons)
		}
	}
	return c
}
