// Package extract writes a selection of a model back out as a small CSDL
// document: an EDMX 4.0 file that holds exactly what the selection needs.
//
// The document is re-serialized from the resolved model, never copied from
// the source text, so it is the same whatever spelling the source used:
// type names are written with their namespace (microsoft.graph.user, not
// graph.user), every annotation sits inline on the element it applies to
// with its term fully qualified, and out-of-line Annotations blocks are
// gone. Reading the result with the parser and selecting the same roots
// gives a model from which the emitter writes the same Go code as from the
// full document; extracttest.AssertFaithful checks exactly that.
//
// What is written:
//
//   - every schema that keeps an element, with its namespace and alias;
//   - the selected type definitions and enum types (sorted by name), with
//     their members, values, facets and annotations;
//   - the selected complex and entity types with all their structural
//     properties, key, base type and flags, and the navigation properties
//     the selection includes (Selection.IncludesNavigation), so that a type
//     that is only a step of a container path keeps only the navigation
//     properties on that path;
//   - stub types (see below);
//   - the selected actions and functions with all parameters and the
//     return type;
//   - an EntityContainer with the selected entity sets and singletons,
//     the navigation property bindings that still resolve, and the
//     operation imports whose overloads are all selected;
//   - an edmx:Reference for every vocabulary an annotation uses.
//
// Complex types, entity types and operations keep the model's order rather
// than being sorted: the order of derived types (StructuredType.Derived)
// and of overloads (Model.BoundTo) is visible to the emitter, which follows
// it in its output, so sorting them would change the generated code.
//
// Stub types. The emitter decodes a polymorphic value by its @odata.type
// and, for a derived type that is not generated, falls back to the nearest
// generated ancestor. That mapping shows in the decoder of a selected type
// P only for an unselected type whose nearest selected ancestor lies below
// P, so every unselected type that derives from a selected type which has
// a base is written as a stub: its name and base type, nothing else. (The
// unselected types right below a selected root type, such as the many
// entity types that derive from microsoft.graph.entity, decode into that
// root anyway and need no stub.) The stubs are not selected again when the
// document is read back, because nothing selected refers to them.
//
// Known limitation: Term declarations of the source schemas are not
// written; annotations that apply such terms are kept with their
// qualified term name, which the parser accepts without a declaration.
//
// Known limitation: dynamic annotation expressions other than
// collections and records (Apply, If, Cast, LabeledElement, ...) are
// written with their element name, text and operands only, because the
// model keeps no more; their attributes are lost.
package extract
