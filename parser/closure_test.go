package parser_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

func TestClosureFromExchangeRestoreSession(t *testing.T) {
	tests := []struct {
		file      string
		wantTypes int
		// wantIncluded are types the closure must hold, wantExcluded types
		// it must not.
		wantIncluded []string
		wantExcluded []string
	}{
		{
			file:      v10Current,
			wantTypes: 64,
			wantIncluded: []string{
				"microsoft.graph.exchangeRestoreSession", "microsoft.graph.restoreSessionBase",
				"microsoft.graph.entity", "microsoft.graph.restoreSessionStatus",
				"microsoft.graph.identitySet", "microsoft.graph.callRecords.userIdentity",
				// reached only through the bound search action
				"microsoft.graph.restorePointSearchResponse", "microsoft.graph.artifactQuery",
			},
			wantExcluded: []string{
				"microsoft.graph.sharePointRestoreSession", "microsoft.graph.user",
				"microsoft.graph.solutionsRoot",
			},
		},
		{
			file:      betaRestoreCut,
			wantTypes: 74,
			wantIncluded: []string{
				"microsoft.graph.retentionPeriodChange", "microsoft.graph.retentionPeriodChangeStatus",
				"microsoft.graph.restoreSearchArtifactQueryExpression", "microsoft.graph.granularRestoreItems",
				"microsoft.graph.auditUserIdentity", "microsoft.graph.customEmojiFromIdentitySet",
			},
			wantExcluded: []string{"microsoft.graph.solutionsRoot", "microsoft.graph.backupRestoreRoot"},
		},
	}
	wantOps := []string{
		"microsoft.graph.activate(microsoft.graph.restoreSessionBase)",
		"microsoft.graph.cancelOffboard(microsoft.graph.protectionUnitBase)",
		"microsoft.graph.offboard(microsoft.graph.protectionUnitBase)",
		"microsoft.graph.search(Collection(microsoft.graph.restorePoint),Collection(Edm.String)," +
			"microsoft.graph.timePeriod,microsoft.graph.restorePointPreference," +
			"microsoft.graph.restorePointTags,microsoft.graph.artifactQuery)",
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			m := realModel(t, tt.file)
			sel, err := m.Closure([]string{"microsoft.graph.exchangeRestoreSession"}, parser.DefaultDerivedPolicy)
			if err != nil {
				t.Fatalf("Closure: %v", err)
			}
			got := names(sel.Types)
			if len(got) != tt.wantTypes {
				t.Errorf("%s: Closure(exchangeRestoreSession) has %d types, want %d:\n%s",
					tt.file, len(got), tt.wantTypes, strings.Join(got, "\n"))
			}
			if !slices.IsSorted(got) {
				t.Errorf("%s: Types not sorted by qualified name", tt.file)
			}
			for _, name := range tt.wantIncluded {
				if !slices.Contains(got, name) || !sel.Includes(m.Type(name)) {
					t.Errorf("%s: closure lacks %s", tt.file, name)
				}
			}
			for _, name := range tt.wantExcluded {
				if slices.Contains(got, name) {
					t.Errorf("%s: closure holds %s, want it left out", tt.file, name)
				}
			}
			var ops []string
			for _, op := range sel.Operations {
				ops = append(ops, op.FullSignature())
			}
			if !slices.Equal(ops, wantOps) {
				t.Errorf("%s: closure operations =\n%s\nwant\n%s", tt.file,
					strings.Join(ops, "\n"), strings.Join(wantOps, "\n"))
			}
			if len(sel.Singletons)+len(sel.EntitySets) != 0 {
				t.Errorf("%s: type root selected container elements %v %v", tt.file, sel.Singletons, sel.EntitySets)
			}
		})
	}
}

func TestClosureEveryTypeReferenceIsSelected(t *testing.T) {
	m := realModel(t, v10Current)
	sel, err := m.Closure([]string{"graph.exchangeRestoreSession"}, parser.DefaultDerivedPolicy)
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range sel.Types {
		s, ok := typ.(*parser.StructuredType)
		if !ok {
			continue
		}
		if s.Base != nil && !sel.Includes(s.Base) {
			t.Errorf("%s: base %s not selected", s.QualifiedName(), s.Base.QualifiedName())
		}
		for _, p := range s.Properties {
			if !sel.Includes(p.Type.Type) {
				t.Errorf("%s/%s: type %s not selected", s.QualifiedName(), p.Name, p.Type.Name)
			}
		}
		for _, n := range s.NavigationProperties {
			if !sel.IncludesNavigation(n) {
				t.Errorf("%s/%s: navigation not selected", s.QualifiedName(), n.Name)
			}
		}
	}
	for _, op := range sel.Operations {
		for _, p := range op.Parameters {
			if !sel.Includes(p.Type.Type) {
				t.Errorf("%s/%s: type %s not selected", op.FullSignature(), p.Name, p.Type.Name)
			}
		}
	}
}

func TestClosureFromContainerPath(t *testing.T) {
	tests := []struct {
		file      string
		wantTypes int
	}{
		// 64 types of the type root, the two path steps and, in v1.0, the
		// types of backupRestoreRoot's structural property serviceStatus.
		{v10Current, 70},
		// The excerpt trimmed serviceStatus: the 74 types and the two steps.
		{betaRestoreCut, 76},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			m := realModel(t, tt.file)
			roots := []string{"/solutions/backupRestore/exchangeRestoreSessions"}
			sel, err := m.Closure(roots, parser.DefaultDerivedPolicy)
			if err != nil {
				t.Fatalf("Closure: %v", err)
			}
			if len(sel.Types) != tt.wantTypes {
				t.Errorf("%s: path closure has %d types, want %d:\n%s", tt.file, len(sel.Types), tt.wantTypes,
					strings.Join(names(sel.Types), "\n"))
			}
			solutions := m.Container().Singleton("solutions")
			if !slices.Equal(sel.Singletons, []*parser.Singleton{solutions}) || len(sel.EntitySets) != 0 {
				t.Errorf("%s: Singletons = %v, EntitySets = %v; want only solutions",
					tt.file, sel.Singletons, sel.EntitySets)
			}
			root := m.StructuredType("microsoft.graph.solutionsRoot")
			backup := m.StructuredType("microsoft.graph.backupRestoreRoot")
			session := m.StructuredType("microsoft.graph.exchangeRestoreSession")
			for _, s := range []*parser.StructuredType{root, backup} {
				if !sel.Includes(s) || !sel.PathOnly(s) {
					t.Errorf("%s: %s Includes %v PathOnly %v, want both true",
						tt.file, s.Name, sel.Includes(s), sel.PathOnly(s))
				}
			}
			if !sel.Includes(session) || sel.PathOnly(session) {
				t.Errorf("%s: exchangeRestoreSession must be a full root", tt.file)
			}

			navs := []struct {
				owner, name string
				want        bool
			}{
				{"solutionsRoot", "backupRestore", true},
				{"backupRestoreRoot", "exchangeRestoreSessions", true},
				{"backupRestoreRoot", "restoreSessions", false},
				{"backupRestoreRoot", "restorePoints", false},
				{"exchangeRestoreSession", "mailboxRestoreArtifacts", true},
			}
			for _, n := range navs {
				nav := m.StructuredType("microsoft.graph." + n.owner).NavigationProperty(n.name)
				if got := sel.IncludesNavigation(nav); got != n.want {
					t.Errorf("%s: IncludesNavigation(%s/%s) = %v, want %v", tt.file, n.owner, n.name, got, n.want)
				}
			}
			for _, op := range sel.Operations {
				if b := op.BindingParameter(); b.Type.Structured() == root || b.Type.Structured() == backup {
					t.Errorf("%s: operation %s bound to a path step was selected", tt.file, op.FullSignature())
				}
			}
		})
	}
}

func TestClosureBadRoots(t *testing.T) {
	m := realModel(t, betaRestoreCut)
	tests := []struct {
		root    string
		wantErr string
	}{
		{"microsoft.graph.nope", "no such type"},
		{"Edm.String", "primitive"},
		{"/nope", "nope is no entity set or singleton"},
		{"/solutions/nope", "no navigation property nope"},
		{"/solutions/backupRestore/exchangeRestoreSessions/mailboxRestoreArtifacts", "without a key"},
		{"/", "empty"},
	}
	for _, tt := range tests {
		_, err := m.Closure([]string{"graph.exchangeRestoreSession", tt.root}, parser.DefaultDerivedPolicy)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("Closure(%q) error = %v, want one containing %q", tt.root, err, tt.wantErr)
		}
	}
}

func TestClosureDerivedPolicy(t *testing.T) {
	m := realModel(t, v10Current)
	// restorePoint/protectionUnit reaches protectionUnitBase, whose derived
	// entity types only the Entity policy takes in; identitySet/user reaches
	// identity, whose derived complex types only the Complex policy does.
	tests := []struct {
		policy parser.DerivedPolicy
		name   string
		want   bool
	}{
		{parser.DefaultDerivedPolicy, "microsoft.graph.mailboxProtectionUnit", false},
		{parser.DerivedPolicy{Complex: true, Entity: true}, "microsoft.graph.mailboxProtectionUnit", true},
		{parser.DefaultDerivedPolicy, "microsoft.graph.callRecords.userIdentity", true},
		{parser.DerivedPolicy{}, "microsoft.graph.callRecords.userIdentity", false},
		{parser.DerivedPolicy{}, "microsoft.graph.identity", true},
	}
	for _, tt := range tests {
		sel, err := m.Closure([]string{"microsoft.graph.exchangeRestoreSession"}, tt.policy)
		if err != nil {
			t.Fatal(err)
		}
		if got := sel.Includes(m.Type(tt.name)); got != tt.want {
			t.Errorf("policy %+v: Includes(%s) = %v, want %v", tt.policy, tt.name, got, tt.want)
		}
	}
}

func TestAllSelectsEverything(t *testing.T) {
	m := realModel(t, betaRestoreCut)
	sel := m.All()
	c := m.Count()
	if got, want := len(sel.Types), c.EntityTypes+c.ComplexTypes+c.EnumTypes+c.TypeDefinitions; got != want {
		t.Errorf("All() has %d types, want %d", got, want)
	}
	if got, want := len(sel.Operations), c.Actions+c.Functions; got != want {
		t.Errorf("All() has %d operations, want %d", got, want)
	}
}

func TestResolvePath(t *testing.T) {
	m := realModel(t, v10Current)
	type step struct {
		segment    string
		typ        string
		collection bool
	}
	tests := []struct {
		path string
		want []step
	}{
		{"/solutions", []step{{"solutions", "solutionsRoot", false}}},
		{"/users", []step{{"users", "user", true}}},
		{"/users/{id}", []step{{"users", "user", true}, {"{id}", "user", false}}},
		{"/solutions/backupRestore/exchangeRestoreSessions/{exchangeRestoreSession-id}/mailboxRestoreArtifacts",
			[]step{
				{"solutions", "solutionsRoot", false},
				{"backupRestore", "backupRestoreRoot", false},
				{"exchangeRestoreSessions", "exchangeRestoreSession", true},
				{"{exchangeRestoreSession-id}", "exchangeRestoreSession", false},
				{"mailboxRestoreArtifacts", "mailboxRestoreArtifact", true},
			}},
		{"/solutions/backupRestore/restoreSessions/microsoft.graph.exchangeRestoreSession",
			[]step{
				{"solutions", "solutionsRoot", false},
				{"backupRestore", "backupRestoreRoot", false},
				{"restoreSessions", "restoreSessionBase", true},
				{"microsoft.graph.exchangeRestoreSession", "exchangeRestoreSession", true},
			}},
		{"/users/{id}/memberOf", []step{
			{"users", "user", true}, {"{id}", "user", false}, {"memberOf", "directoryObject", true},
		}},
	}
	for _, tt := range tests {
		steps, err := m.ResolvePath(tt.path)
		if err != nil {
			t.Errorf("ResolvePath(%s): %v", tt.path, err)
			continue
		}
		var got []step
		for _, s := range steps {
			name := ""
			if s.Type != nil {
				name = s.Type.Name
			}
			got = append(got, step{s.Segment, name, s.Collection})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ResolvePath(%s) =\n%v\nwant\n%v", tt.path, got, tt.want)
		}
		last := steps[len(steps)-1]
		kinds := 0
		sets := []bool{
			last.EntitySet != nil, last.Singleton != nil, last.Navigation != nil, last.Key, last.Cast != nil,
		}
		for _, set := range sets {
			if set {
				kinds++
			}
		}
		if kinds != 1 {
			t.Errorf("ResolvePath(%s): last step sets %d of EntitySet/Singleton/Navigation/Key/Cast, want 1",
				tt.path, kinds)
		}
	}
}

func TestResolvePathErrors(t *testing.T) {
	m := realModel(t, v10Current)
	tests := []struct {
		path    string
		wantErr string
	}{
		{"", "empty"},
		{"/nope", "nope is no entity set or singleton of microsoft.graph.GraphService"},
		{"/solutions/{id}", "not a collection"},
		{"/users/manager", "without a key"},
		{"/solutions/nope", "microsoft.graph.solutionsRoot has no navigation property nope"},
		{"/solutions/backupRestore/restoreSessions/microsoft.graph.user",
			"cast microsoft.graph.user: not derived from microsoft.graph.restoreSessionBase"},
		{"/users/{id}/displayName", "has no navigation property displayName"},
	}
	for _, tt := range tests {
		_, err := m.ResolvePath(tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ResolvePath(%q) error = %v, want one containing %q", tt.path, err, tt.wantErr)
		}
	}
}
