// Package emitter writes Go source for a parser.Selection: one package with
// a struct per entity and complex type, a string type per enumeration,
// request builders for the container paths, and the runtime those need, so
// that the package depends on the standard library only.
//
// The design in short:
//
//   - Inheritance is embedding: a derived struct embeds its base, so its
//     fields and methods are promoted. A type with generated derived types
//     also gets an interface, AnyT, which *T and every derived type
//     implement; properties declared as T hold an AnyT and decode into the
//     Go type their @odata.type names, falling back to the nearest
//     generated ancestor for types that were not generated.
//   - Every property is a Nullable[T] (absent, null or a value) or a slice
//     (nil when absent), so decoded payloads and PATCH bodies say exactly
//     what was sent.
//   - JSON goes through generated MarshalJSON and UnmarshalJSON methods that
//     match member names exactly (encoding/json alone would match them
//     case-insensitively) and keep unknown members in AdditionalData.
//   - Enumerations are strings, so a member the service adds later is kept
//     and written back unchanged.
//   - Names are chosen in one pass before any code is written (see plan),
//     in a fixed order, so output is the same on every run; a clash gets the
//     smallest free numeric suffix.
package emitter
