package parser

// Fixup is a named, documented repair of a problem that Microsoft's
// published metadata is known to have. Parse applies every fixup unless
// Options.Strict is set; each application is recorded in Model.Warnings.
type Fixup struct {
	Name    string
	Problem string
}

// FixupDanglingAnnotationTarget drops out-of-line annotations whose target
// names nothing.
var FixupDanglingAnnotationTarget = Fixup{
	Name: "dangling-annotation-target",
	Problem: "Graph's documents keep out-of-line <Annotations> blocks for elements " +
		"that were removed or renamed (v1.0 2026-08 has microsoft.graph.user/joinedGroups " +
		"and microsoft.graph.directorySetting); the annotations are dropped with a warning",
}

// Fixups lists every fixup, in the order they apply.
var Fixups = []Fixup{FixupDanglingAnnotationTarget}

// Warning is a problem that a fixup repaired.
type Warning struct {
	Fixup Fixup
	Err   *Error
}

// String returns the repaired problem followed by the name of the fixup.
func (w Warning) String() string { return w.Err.Error() + " (fixup " + w.Fixup.Name + ")" }

// Options adjust Parse.
type Options struct {
	// Strict turns every fixup off: the problems they repair are errors.
	Strict bool
}
