// Package diff compares two versions of a metadata document and lists what
// changed, as a changelog a person reads before regenerating code.
//
// Compare takes two selections, usually the closure of the same roots
// computed on each model, so that only the part a client generates is
// compared; CompareModels does the selecting. A root that only one
// document has (a type added in the new version, say) selects nothing in
// the other, so everything it needs shows as added or removed.
//
// Elements are matched by name: types by qualified name, properties,
// navigation properties and enum members by name within their type,
// operations by overload signature (Operation.Signature: actions by
// binding parameter, functions by all parameter types), entity sets and
// singletons by name. A renamed element shows as removed and added.
//
// Every Change says whether it is breaking, and by which rule; the rules
// are the Rule constants, listed with their reasons in rules.go, the one
// place that decides. The changelog is sorted by element path, then by
// kind and aspect, so the same inputs give the same output.
//
// Known limitation: annotations (descriptions, capability restrictions,
// deprecations) are not compared, and neither are facets (MaxLength,
// Precision, Scale, SRID) nor default values.
package diff
