package parser_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

// fixtureDir holds the repository's own fixtures of the Backup restore
// area, so these tests run without Microsoft's documents.
const fixtureDir = "../metadata"

// areaRoots are the roots the fixtures were made for.
var areaRoots = []string{
	"microsoft.graph.exchangeRestoreSession",
	"/solutions/backupRestore/exchangeRestoreSessions",
	"/solutions/backupRestore/restoreSessions",
	"/solutions/backupRestore/restorePoints",
}

func TestFixturesHoldTheBackupRestoreFacts(t *testing.T) {
	for _, name := range []string{"graph-v1.0-backup-restore.xml", "graph-beta-backup-restore.xml"} {
		t.Run(name, func(t *testing.T) {
			m, err := parser.ParseWith(name, readFixture(t, name), parser.Options{Strict: true})
			if err != nil {
				t.Fatal(err)
			}

			status := m.EnumType("graph.restoreSessionStatus")
			if status == nil {
				t.Fatal("restoreSessionStatus missing")
			}
			var evolvable []string
			for _, member := range status.Members {
				if member.Evolvable {
					evolvable = append(evolvable, member.Name)
				}
			}
			if !slices.Equal(evolvable, []string{"failed"}) || status.UnknownFutureValue == nil {
				t.Errorf("restoreSessionStatus evolvable = %v, sentinel %v", evolvable, status.UnknownFutureValue)
			}

			session := m.StructuredType("microsoft.graph.exchangeRestoreSession")
			var chain []string
			for _, a := range session.Ancestors() {
				chain = append(chain, a.Name)
			}
			if !slices.Equal(chain, []string{"restoreSessionBase", "entity"}) {
				t.Errorf("exchangeRestoreSession ancestors = %v", chain)
			}
			if !boundTo(m, "microsoft.graph.activate", "microsoft.graph.restoreSessionBase") {
				t.Error("activate is not bound to restoreSessionBase")
			}

			sel, err := m.Closure(areaRoots, parser.DefaultDerivedPolicy)
			if err != nil {
				t.Fatal(err)
			}
			if len(sel.Singletons) != 1 || sel.Singletons[0].Name != "solutions" {
				t.Errorf("singletons = %v, want solutions", sel.Singletons)
			}
		})
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// boundTo reports whether an overload of op is bound to the type.
func boundTo(m *parser.Model, op, binding string) bool {
	for _, o := range m.Operations(op) {
		if b := o.BindingParameter(); b != nil && b.Type.Type.QualifiedName() == binding {
			return true
		}
	}
	return false
}
