package parser

import "strings"

// Vocabulary terms with typed access. Terms are stored with their full
// namespace even when the document writes an alias such as Core.
const (
	TermDescription               = "Org.OData.Core.V1.Description"
	TermLongDescription           = "Org.OData.Core.V1.LongDescription"
	TermRevisions                 = "Org.OData.Core.V1.Revisions"
	TermComputed                  = "Org.OData.Core.V1.Computed"
	TermImmutable                 = "Org.OData.Core.V1.Immutable"
	TermExplicitOperationBindings = "Org.OData.Core.V1.ExplicitOperationBindings"
	TermDerivedTypeConstraint     = "Org.OData.Validation.V1.DerivedTypeConstraint"
	TermInsertRestrictions        = "Org.OData.Capabilities.V1.InsertRestrictions"
	TermUpdateRestrictions        = "Org.OData.Capabilities.V1.UpdateRestrictions"
	TermDeleteRestrictions        = "Org.OData.Capabilities.V1.DeleteRestrictions"
	TermReadRestrictions          = "Org.OData.Capabilities.V1.ReadRestrictions"
	TermNavigationRestrictions    = "Org.OData.Capabilities.V1.NavigationRestrictions"
)

// Annotation is one applied vocabulary term.
type Annotation struct {
	// Term is the qualified term name with any alias replaced by the
	// vocabulary's namespace.
	Term      string
	Qualifier string
	Value     Expr
}

// ExprKind tells which CSDL expression an Expr holds.
type ExprKind int

// The expression kinds. Constant and path kinds keep their text in Expr.Text.
const (
	ExprNone ExprKind = iota
	ExprString
	ExprBool
	ExprInt
	ExprFloat
	ExprDecimal
	ExprDate
	ExprDateTimeOffset
	ExprDuration
	ExprTimeOfDay
	ExprGuid
	ExprBinary
	ExprEnumMember
	ExprPath
	ExprPropertyPath
	ExprNavigationPropertyPath
	ExprAnnotationPath
	ExprNull
	ExprCollection
	ExprRecord
	// ExprOther is any other dynamic expression (Apply, If, ...): Name
	// holds its element name and Items its operands.
	ExprOther
)

// Expr is an annotation value: a constant, a path, a collection, a record
// or another expression, kept as a tree so that nothing is lost.
type Expr struct {
	Kind ExprKind
	Text string

	// Name is the element name of an ExprOther.
	Name string

	// Items are the elements of a collection or the operands of ExprOther.
	Items []Expr

	// Type and Properties describe a record.
	Type       string
	Properties []PropertyValue

	// Annotations are annotations nested in a record.
	Annotations Annotations
}

// PropertyValue is one property of a record expression.
type PropertyValue struct {
	Property string
	Value    Expr
}

// Property returns the value of a record's property and whether it is set.
func (e Expr) Property(name string) (Expr, bool) {
	for _, p := range e.Properties {
		if p.Property == name {
			return p.Value, true
		}
	}
	return Expr{}, false
}

// Bool reports whether the expression is the constant true.
func (e Expr) Bool() bool { return e.Kind == ExprBool && e.Text == "true" }

// Strings returns the texts of a collection's items, or of e itself when it
// is not a collection.
func (e Expr) Strings() []string {
	if e.Kind != ExprCollection {
		if e.Kind == ExprNone {
			return nil
		}
		return []string{e.Text}
	}
	out := make([]string, 0, len(e.Items))
	for _, it := range e.Items {
		out = append(out, it.Text)
	}
	return out
}

// Annotations is the list of annotations applied to one element, inline
// ones first, then out-of-line ones in document order.
type Annotations []*Annotation

// Find returns the first annotation of the term without a qualifier, or
// with any qualifier when none is unqualified; nil if there is none.
func (as Annotations) Find(term string) *Annotation {
	var qualified *Annotation
	for _, a := range as {
		if a.Term != term {
			continue
		}
		if a.Qualifier == "" {
			return a
		}
		if qualified == nil {
			qualified = a
		}
	}
	return qualified
}

// Description returns the Core.Description text, or "".
func (as Annotations) Description() string { return as.text(TermDescription) }

// LongDescription returns the Core.LongDescription text, or "".
func (as Annotations) LongDescription() string { return as.text(TermLongDescription) }

func (as Annotations) text(term string) string {
	if a := as.Find(term); a != nil {
		return a.Value.Text
	}
	return ""
}

// Computed reports whether Core.Computed is applied and true.
func (as Annotations) Computed() bool { return as.flag(TermComputed) }

// Immutable reports whether Core.Immutable is applied and true.
func (as Annotations) Immutable() bool { return as.flag(TermImmutable) }

// flag reads a tagging term: applied without a value means true.
func (as Annotations) flag(term string) bool {
	a := as.Find(term)
	if a == nil {
		return false
	}
	return a.Value.Kind == ExprNone || a.Value.Bool()
}

// DerivedTypeConstraint returns the type names listed by
// Validation.DerivedTypeConstraint.
func (as Annotations) DerivedTypeConstraint() []string {
	return as.strings(TermDerivedTypeConstraint)
}

// ExplicitOperationBindings returns the qualified operation names listed by
// Core.ExplicitOperationBindings.
func (as Annotations) ExplicitOperationBindings() []string {
	return as.strings(TermExplicitOperationBindings)
}

func (as Annotations) strings(term string) []string {
	if a := as.Find(term); a != nil {
		return a.Value.Strings()
	}
	return nil
}

// Revision is one entry of Core.Revisions.
type Revision struct {
	// Kind is the RevisionKind member, such as Deprecated.
	Kind        string
	Version     string
	Description string
	// Date is when the change was made and RemovalDate when the element
	// goes away, both as written (YYYY-MM-DD).
	Date        string
	RemovalDate string
}

// Revisions returns the entries of Core.Revisions.
func (as Annotations) Revisions() []Revision {
	a := as.Find(TermRevisions)
	if a == nil {
		return nil
	}
	var out []Revision
	for _, rec := range a.Value.Items {
		out = append(out, revisionFrom(rec))
	}
	return out
}

func revisionFrom(rec Expr) Revision {
	text := func(name string) string {
		v, _ := rec.Property(name)
		return v.Text
	}
	kind := text("Kind")
	if i := strings.LastIndexByte(kind, '/'); i >= 0 {
		kind = kind[i+1:]
	}
	return Revision{
		Kind:        kind,
		Version:     text("Version"),
		Description: text("Description"),
		Date:        text("Date"),
		RemovalDate: text("RemovalDate"),
	}
}

// Deprecation returns the first Core.Revisions entry of kind Deprecated.
func (as Annotations) Deprecation() (Revision, bool) {
	for _, r := range as.Revisions() {
		if r.Kind == "Deprecated" {
			return r, true
		}
	}
	return Revision{}, false
}

// Restriction is the typed form of a Capabilities Insert, Update, Delete or
// Read restriction record.
type Restriction struct {
	// Allowed is the Insertable, Updatable, Deletable or Readable property;
	// true unless the record sets it to false.
	Allowed bool

	// Description and LongDescription document the request.
	Description     string
	LongDescription string

	// Record is the whole record, for the properties not typed here.
	Record Expr
}

// InsertRestrictions returns Capabilities.InsertRestrictions, if applied.
func (as Annotations) InsertRestrictions() *Restriction {
	return restrictionFrom(as.Find(TermInsertRestrictions), "Insertable")
}

// UpdateRestrictions returns Capabilities.UpdateRestrictions, if applied.
func (as Annotations) UpdateRestrictions() *Restriction {
	return restrictionFrom(as.Find(TermUpdateRestrictions), "Updatable")
}

// DeleteRestrictions returns Capabilities.DeleteRestrictions, if applied.
func (as Annotations) DeleteRestrictions() *Restriction {
	return restrictionFrom(as.Find(TermDeleteRestrictions), "Deletable")
}

// ReadRestrictions returns Capabilities.ReadRestrictions, if applied.
func (as Annotations) ReadRestrictions() *Restriction {
	return restrictionFrom(as.Find(TermReadRestrictions), "Readable")
}

func restrictionFrom(a *Annotation, allowedProperty string) *Restriction {
	if a == nil {
		return nil
	}
	return restrictionRecord(a.Value, allowedProperty)
}

func restrictionRecord(rec Expr, allowedProperty string) *Restriction {
	r := &Restriction{Allowed: true, Record: rec}
	if v, ok := rec.Property(allowedProperty); ok {
		r.Allowed = v.Bool()
	}
	if v, ok := rec.Property("Description"); ok {
		r.Description = v.Text
	}
	if v, ok := rec.Property("LongDescription"); ok {
		r.LongDescription = v.Text
	}
	return r
}

// NavigationRestriction is one RestrictedProperties entry of
// Capabilities.NavigationRestrictions: the restrictions that apply to one
// navigation property reached from the annotated element.
type NavigationRestriction struct {
	// NavigationProperty is the path as written, such as
	// microsoft.graph.backupRestoreRoot/restoreSessions or restoreSessions.
	NavigationProperty string

	// Navigability is the member of Capabilities.NavigationType, or "".
	Navigability string

	Insert *Restriction
	Update *Restriction
	Delete *Restriction
	Read   *Restriction
}

// NavigationRestrictions returns the RestrictedProperties entries of
// Capabilities.NavigationRestrictions, and the top-level Navigability.
func (as Annotations) NavigationRestrictions() (navigability string, restricted []NavigationRestriction) {
	a := as.Find(TermNavigationRestrictions)
	if a == nil {
		return "", nil
	}
	if v, ok := a.Value.Property("Navigability"); ok {
		navigability = memberName(v.Text)
	}
	list, _ := a.Value.Property("RestrictedProperties")
	for _, rec := range list.Items {
		restricted = append(restricted, navigationRestrictionFrom(rec))
	}
	return navigability, restricted
}

func navigationRestrictionFrom(rec Expr) NavigationRestriction {
	var nr NavigationRestriction
	if v, ok := rec.Property("NavigationProperty"); ok {
		nr.NavigationProperty = v.Text
	}
	if v, ok := rec.Property("Navigability"); ok {
		nr.Navigability = memberName(v.Text)
	}
	nested := []struct {
		property, allowed string
		dst               **Restriction
	}{
		{"InsertRestrictions", "Insertable", &nr.Insert},
		{"UpdateRestrictions", "Updatable", &nr.Update},
		{"DeleteRestrictions", "Deletable", &nr.Delete},
		{"ReadRestrictions", "Readable", &nr.Read},
	}
	for _, n := range nested {
		if v, ok := rec.Property(n.property); ok {
			*n.dst = restrictionRecord(v, n.allowed)
		}
	}
	return nr
}

// memberName strips the enum type from an EnumMember expression such as
// Org.OData.Capabilities.V1.NavigationType/None.
func memberName(s string) string {
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		return s[i+1:]
	}
	return s
}
