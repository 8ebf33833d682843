// Package parser reads a Microsoft Graph $metadata document (OData v4 CSDL
// in its EDMX XML form) and turns it into a resolved Model.
//
// The model mirrors CSDL: a Model holds Schemas; a Schema holds EnumTypes,
// ComplexTypes, EntityTypes, TypeDefinitions, Actions, Functions and at most
// one EntityContainer. After Parse returns, every type name in the document
// has been resolved to the element it names, whether it was written with the
// schema's namespace (microsoft.graph.user) or its alias (graph.user), so a
// consumer never looks at XML or at unresolved names again:
//
//   - StructuredType.Base points at the base type and Derived lists the
//     direct subtypes, which is what @odata.type polymorphism needs.
//   - TypeRef says whether a property, parameter or return value is a
//     collection and points at its primitive, enum, complex, entity or
//     type-definition type.
//   - Enum members know whether they are the unknownFutureValue sentinel or
//     an evolvable member that follows it.
//   - Annotations, inline or out-of-line (<Annotations Target="...">), are
//     attached to the element they target. Annotations gives typed access to
//     the terms a generator needs (descriptions, deprecations, capability
//     restrictions, ...) and keeps every other term as a generic value tree.
//
// Closure selects the minimal part of a model needed to generate a set of
// roots, following an explicit policy for derived types.
//
// Parse never panics on bad input: it returns an *Error that names the file
// and the element path, and for malformed XML the line and column.
package parser
