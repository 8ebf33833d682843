package parser_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

func TestParseRealDocuments(t *testing.T) {
	tests := []struct {
		file        string
		firstSchema string
		// a type every version of Graph has, as a smoke check of lookup
		wantType string
	}{
		{v10Current, "microsoft.graph", "microsoft.graph.user"},
		{v10Previous, "microsoft.graph", "microsoft.graph.exchangeRestoreSession"},
		{v10Raw, "microsoft.graph.identityGovernance", "microsoft.graph.identityGovernance.workflow"},
		{v10WithDocs, "microsoft.graph", "microsoft.graph.user"},
		{betaComplete, "microsoft.graph", "microsoft.graph.user"},
		{betaRestoreCut, "microsoft.graph", "microsoft.graph.exchangeRestoreSession"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			m := realModel(t, tt.file)
			if got := m.Schemas[0].Namespace; got != tt.firstSchema {
				t.Errorf("%s: first schema = %s, want %s", tt.file, got, tt.firstSchema)
			}
			if m.Type(tt.wantType) == nil {
				t.Errorf("%s: Type(%s) = nil", tt.file, tt.wantType)
			}
			if bad := unresolved(m); len(bad) > 0 {
				t.Errorf("%s: %d unresolved names, first: %v", tt.file, len(bad), bad[0])
			}
			if n := typeRefCount(m); n == 0 {
				t.Errorf("%s: no type references walked", tt.file)
			}
		})
	}
}

func TestRawDocumentResolvesAliasDeclaredLater(t *testing.T) {
	// The first schema of the raw document uses the alias graph, which the
	// second schema declares.
	m := realModel(t, v10Raw)
	wf := m.StructuredType("microsoft.graph.identityGovernance.workflow")
	if wf == nil {
		t.Fatal("identityGovernance.workflow not found")
	}
	var chain []string
	for _, a := range wf.Ancestors() {
		chain = append(chain, a.QualifiedName())
	}
	want := "microsoft.graph.identityGovernance.workflowBase"
	if len(chain) == 0 || chain[0] != want {
		t.Errorf("workflow ancestors = %v, want to start with %s", chain, want)
	}
	if m.Schema("graph") != m.Schema("microsoft.graph") || m.Schema("graph") == nil {
		t.Errorf("Schema(graph) and Schema(microsoft.graph) differ or are nil")
	}
}

func TestRealCounts(t *testing.T) {
	m := realModel(t, v10Current)
	got := m.Count()
	want := parser.Counts{
		Schemas: 11, EntityTypes: 1182, ComplexTypes: 1780, EnumTypes: 861,
		Actions: 857, Functions: 324, EntitySets: 40, Singletons: 30,
	}
	if got != want {
		t.Errorf("%s: Count() = %+v, want %+v", v10Current, got, want)
	}
	for _, ns := range []string{"microsoft.graph", "microsoft.graph.security", "microsoft.graph.callRecords"} {
		if m.Schema(ns) == nil {
			t.Errorf("%s: Schema(%s) = nil", v10Current, ns)
		}
	}
}

func TestRealEnumSentinel(t *testing.T) {
	m := realModel(t, v10Current)
	e := m.EnumType("microsoft.graph.restoreSessionStatus")
	if e == nil {
		t.Fatal("restoreSessionStatus not found")
	}
	type member struct {
		name      string
		value     int64
		evolvable bool
	}
	want := []member{
		{"draft", 0, false}, {"activating", 1, false}, {"active", 2, false},
		{"completedWithError", 3, false}, {"completed", 4, false},
		{"unknownFutureValue", 5, false}, {"failed", 6, true},
	}
	var got []member
	for _, m := range e.Members {
		got = append(got, member{m.Name, m.Value, m.Evolvable})
		if !m.ExplicitValue {
			t.Errorf("member %s: ExplicitValue = false, want true", m.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("restoreSessionStatus members = %v, want %v", got, want)
	}
	if e.UnknownFutureValue != e.Member("unknownFutureValue") || e.UnknownFutureValue == nil {
		t.Errorf("UnknownFutureValue = %v, want the unknownFutureValue member", e.UnknownFutureValue)
	}
	if e.IsFlags || e.UnderlyingType != "Edm.Int32" {
		t.Errorf("IsFlags, UnderlyingType = %v, %s; want false, Edm.Int32", e.IsFlags, e.UnderlyingType)
	}
}

func TestRealOperations(t *testing.T) {
	m := realModel(t, v10Current)
	overloads := m.Operations("microsoft.graph.activate")
	if len(overloads) < 2 {
		t.Fatalf("activate has %d overloads, want several", len(overloads))
	}
	var found *parser.Operation
	for _, op := range overloads {
		if b := op.BindingParameter(); b != nil && b.Type.Structured() != nil &&
			b.Type.Structured().Name == "restoreSessionBase" && !b.Type.Collection {
			found = op
		}
	}
	if found == nil {
		t.Fatal("no activate overload bound to restoreSessionBase")
	}
	want := "microsoft.graph.activate(microsoft.graph.restoreSessionBase)"
	if got := found.Signature(); got != want {
		t.Errorf("Signature() = %s, want %s", got, want)
	}
	if found.Kind != parser.KindAction || found.ReturnType == nil ||
		found.ReturnType.Type.Structured() != m.StructuredType("graph.restoreSessionBase") {
		t.Errorf("activate(restoreSessionBase): kind %v, return %+v; want an action returning restoreSessionBase",
			found.Kind, found.ReturnType)
	}
	base := m.StructuredType("microsoft.graph.restoreSessionBase")
	if got := m.BoundTo(base, false); !slices.Contains(got, found) {
		t.Errorf("BoundTo(restoreSessionBase) does not list activate")
	}
}

func TestRealTypeHierarchy(t *testing.T) {
	m := realModel(t, v10Current)
	ex := m.StructuredType("microsoft.graph.exchangeRestoreSession")
	if ex == nil {
		t.Fatal("exchangeRestoreSession not found")
	}
	var chain []string
	for _, a := range ex.Ancestors() {
		chain = append(chain, a.QualifiedName())
	}
	want := []string{"microsoft.graph.restoreSessionBase", "microsoft.graph.entity"}
	if !slices.Equal(chain, want) {
		t.Errorf("exchangeRestoreSession.Ancestors() = %v, want %v", chain, want)
	}
	if got := ex.EffectiveKey(); !slices.Equal(got, []string{"id"}) {
		t.Errorf("exchangeRestoreSession.EffectiveKey() = %v, want [id]", got)
	}

	base := m.StructuredType("microsoft.graph.restoreSessionBase")
	var derived []string
	for _, d := range base.Derived {
		derived = append(derived, d.Name)
		if d.Base != base {
			t.Errorf("%s is in restoreSessionBase.Derived but its Base is %v", d.Name, d.Base)
		}
	}
	for _, name := range []string{
		"exchangeRestoreSession", "oneDriveForBusinessRestoreSession", "sharePointRestoreSession",
	} {
		if !slices.Contains(derived, name) {
			t.Errorf("restoreSessionBase.Derived = %v, want it to contain %s", derived, name)
		}
	}
	if !ex.DerivesFrom(m.StructuredType("microsoft.graph.entity")) {
		t.Errorf("exchangeRestoreSession.DerivesFrom(entity) = false")
	}
}

func TestRealAliasLookupSharesPointer(t *testing.T) {
	m := realModel(t, v10Current)
	tests := []struct{ alias, full string }{
		{"graph.exchangeRestoreSession", "microsoft.graph.exchangeRestoreSession"},
		{"graph.restoreSessionStatus", "microsoft.graph.restoreSessionStatus"},
		{"graph.identitySet", "microsoft.graph.identitySet"},
		{"self.alert", "microsoft.graph.security.alert"},
	}
	for _, tt := range tests {
		a, f := m.Type(tt.alias), m.Type(tt.full)
		if a == nil || a != f {
			t.Errorf("Type(%s) = %p, Type(%s) = %p; want the same non-nil type", tt.alias, a, tt.full, f)
		}
	}
}

func TestRealOutOfLineAnnotations(t *testing.T) {
	m := realModel(t, v10Current)

	nav := m.StructuredType("microsoft.graph.backupRestoreRoot").NavigationProperty("protectionUnits")
	if nav == nil {
		t.Fatal("backupRestoreRoot/protectionUnits not found")
	}
	got := nav.Annotations.ExplicitOperationBindings()
	want := []string{"microsoft.graph.cancelOffboard", "microsoft.graph.offboard"}
	if !slices.Equal(got, want) {
		t.Errorf("backupRestoreRoot/protectionUnits ExplicitOperationBindings = %v, want %v", got, want)
	}

	artifact := m.StructuredType("microsoft.graph.mailboxRestoreArtifact")
	p := artifact.Property("restoredFolderName")
	if p == nil || !p.Annotations.Computed() {
		t.Errorf("mailboxRestoreArtifact/restoredFolderName: Computed() = false, want true (Annotations %v)", p)
	}
	if other := artifact.Property("restoredFolderId"); other != nil && other.Annotations.Computed() {
		t.Errorf("mailboxRestoreArtifact/restoredFolderId: Computed() = true, want false")
	}

	pkg := m.StructuredType("microsoft.graph.androidStoreApp").Property("packageId")
	if pkg == nil || !pkg.Annotations.Computed() ||
		pkg.Annotations.Description() != "The package identifier. This property is read-only." {
		t.Errorf("androidStoreApp/packageId: want Computed and its description")
	}
}

func TestRealDeprecation(t *testing.T) {
	m := realModel(t, v10Current)
	alert := m.StructuredType("microsoft.graph.alert")
	rev, ok := alert.Annotations.Deprecation()
	if !ok {
		t.Fatal("microsoft.graph.alert has no deprecation")
	}
	want := parser.Revision{
		Kind:    "Deprecated",
		Version: "2024-01/Deprecation",
		Description: "The legacy Graph Security API is deprecated and will stop returning data " +
			"on January 31, 2025. Please use the new Graph Security API.",
		Date:        "2024-04-10",
		RemovalDate: "2026-04-10",
	}
	if rev != want {
		t.Errorf("alert.Deprecation() = %+v, want %+v", rev, want)
	}
	if _, ok := m.StructuredType("microsoft.graph.user").Annotations.Deprecation(); ok {
		t.Errorf("user.Deprecation() found one, want none")
	}
}

func TestRealCapabilities(t *testing.T) {
	m := realModel(t, v10Current)

	c := m.Container()
	set := c.EntitySet("applicationTemplates")
	if set == nil {
		t.Fatal("entity set applicationTemplates not found")
	}
	tests := []struct {
		name string
		r    *parser.Restriction
	}{
		{"insert", set.Annotations.InsertRestrictions()},
		{"update", set.Annotations.UpdateRestrictions()},
		{"delete", set.Annotations.DeleteRestrictions()},
	}
	for _, tt := range tests {
		if tt.r == nil || tt.r.Allowed {
			t.Errorf("applicationTemplates %s restriction = %+v, want not allowed", tt.name, tt.r)
		}
	}
	if r := set.Annotations.ReadRestrictions(); r != nil {
		t.Errorf("applicationTemplates ReadRestrictions = %+v, want nil", r)
	}

	nav := m.StructuredType("microsoft.graph.bookingBusiness").NavigationProperty("calendarView")
	_, restricted := nav.Annotations.NavigationRestrictions()
	if len(restricted) != 1 {
		t.Fatalf("bookingBusiness/calendarView: %d restricted properties, want 1", len(restricted))
	}
	nr := restricted[0]
	if nr.NavigationProperty != "calendarView" || nr.Read == nil || nr.Insert != nil {
		t.Fatalf("bookingBusiness/calendarView restriction = %+v, want a read restriction on calendarView", nr)
	}
	options, _ := nr.Read.Record.Property("CustomQueryOptions")
	var optionNames []string
	for _, rec := range options.Items {
		n, _ := rec.Property("Name")
		optionNames = append(optionNames, n.Text)
	}
	if !slices.Equal(optionNames, []string{"start", "end"}) {
		t.Errorf("calendarView custom query options = %v, want [start end]", optionNames)
	}
	if !nr.Read.Allowed {
		t.Errorf("calendarView Read.Allowed = false, want true (Readable not set)")
	}
}

func TestRealDerivedTypeConstraint(t *testing.T) {
	m := realModel(t, v10Current)
	nav := m.StructuredType("microsoft.graph.administrativeUnit").NavigationProperty("members")
	got := nav.Annotations.DerivedTypeConstraint()
	want := []string{
		"microsoft.graph.user", "microsoft.graph.group", "microsoft.graph.application",
		"microsoft.graph.servicePrincipal", "microsoft.graph.device", "microsoft.graph.orgContact",
	}
	if !slices.Equal(got, want) {
		t.Errorf("administrativeUnit/members DerivedTypeConstraint = %v, want %v", got, want)
	}
}

func TestRealOverloadAnnotationByFullSignature(t *testing.T) {
	m := realModel(t, v10Current)
	// Target="microsoft.graph.cancel(microsoft.graph.bookingAppointment, Edm.String)"
	const want = "Cancels the giving booking appointment, sending a message to the involved parties."
	var hits int
	for _, op := range m.Operations("microsoft.graph.cancel") {
		b := op.BindingParameter()
		onBooking := b != nil && b.Type.Structured() == m.StructuredType("microsoft.graph.bookingAppointment")
		got := op.Annotations.Description()
		switch {
		case onBooking && got != want:
			t.Errorf("%s: Description() = %q, want %q", op.FullSignature(), got, want)
		case !onBooking && got == want:
			t.Errorf("%s: got the description of the bookingAppointment overload", op.FullSignature())
		}
		if onBooking {
			hits++
		}
	}
	if hits != 1 {
		t.Errorf("cancel overloads bound to bookingAppointment = %d, want 1", hits)
	}
}

func TestRealInlineDescriptions(t *testing.T) {
	m := realModel(t, v10WithDocs)
	p := m.StructuredType("microsoft.graph.user").Property("accountEnabled")
	want := "true if the account is enabled; otherwise, false. This property is required when a user is " +
		"created. Returned only on $select. Supports $filter (eq, ne, not, and in)."
	if got := p.Annotations.Description(); got != want {
		t.Errorf("user/accountEnabled Description() = %q, want %q", got, want)
	}
}

func TestRealDanglingTargets(t *testing.T) {
	data := readMetadata(t, v10Current)
	m := realModel(t, v10Current)
	want := []string{
		"microsoft.graph.user/joinedGroups",
		"microsoft.graph.list/activities",
		"microsoft.graph.publishedResource/agentGroups",
		"microsoft.graph.entitlementManagement/accessPackageAssignmentPolicies",
		"microsoft.graph.directorySetting",
	}
	var warned []string
	for _, w := range m.Warnings {
		if w.Fixup.Name != parser.FixupDanglingAnnotationTarget.Name {
			t.Errorf("warning %v: fixup %s, want %s", w, w.Fixup.Name, parser.FixupDanglingAnnotationTarget.Name)
		}
		warned = append(warned, w.String())
	}
	all := strings.Join(warned, "\n")
	for _, target := range want {
		if !strings.Contains(all, "Annotations "+target+":") {
			t.Errorf("Warnings do not name %s:\n%s", target, all)
		}
	}

	_, err := parser.ParseWith(v10Current, data, parser.Options{Strict: true})
	if err == nil {
		t.Fatal("strict ParseWith succeeded, want the dangling targets as errors")
	}
	var list parser.ErrorList
	if !errors.As(err, &list) || len(list) != len(m.Warnings) {
		t.Fatalf("strict error = %v, want an ErrorList of %d", err, len(m.Warnings))
	}
	for _, target := range want {
		if !strings.Contains(err.Error(), target) {
			t.Errorf("strict error does not name %s:\n%v", target, err)
		}
	}
}
