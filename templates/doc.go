// Package templates holds the runtime that graphgen copies into every
// generated package, so that generated code depends on the standard
// library alone.
//
// The runtime is ordinary Go source in the runtime folder, written as
// package runtime and tested there. It provides Nullable for absent, null
// and set values; types for the Edm primitives without a Go built-in
// (DateTimeOffset, Date, TimeOfDay, Duration, Decimal, Double, Single,
// GUID, Binary, Stream, Untyped); and the request runtime: Client,
// RequestOptions, QueryOptions, ListOptions, Error, Page and Pager, plus
// unexported helpers that generated request builders call, such as
// doJSON, doNoContent, newPager, escapeKey and callSegment.
//
// Runtime renders those files for one target package: each gets the
// generated-code header, the target package clause and the original body,
// and is named runtime_<file>.go. Test files are not copied.
//
// The runtime refers to one name it does not declare: the untyped string
// constant defaultBaseURL, the service root a Client uses without
// WithBaseURL. The emitter must generate it in each output package, for
// example
//
//	const defaultBaseURL = "https://graph.microsoft.com/v1.0"
//
// The runtime declares it in base.go, which Runtime leaves out.
//
// The helpers that generated code calls for every property and request
// (encodeMember, decodeMember, doJSON, ...) are marked //go:noinline:
// inlined into thousands of generated methods they cost the compiler more
// than the calls cost at run time. For the whole v1.0 API, building the
// generated package went from about 87 s and 6.1 GB to 64 s and 5.6 GB.
//
// RuntimeIdentifiers lists every name the runtime declares at package
// scope and every package name it imports, so the emitter can keep
// generated names from clashing with them.
package templates
