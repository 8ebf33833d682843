package emitter_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/parser/permissions"
)

// The published data lives next to the repository, in /work/shared.
var (
	realMetadata    = filepath.Join("..", "..", "shared", "metadata", "graph-v1.0-2026-08.xml")
	realPermissions = filepath.Join("..", "..", "shared", "permissions")
)

// backupRestoreRoots select the Backup restore area.
var backupRestoreRoots = []string{
	"microsoft.graph.exchangeRestoreSession",
	"/solutions/backupRestore/exchangeRestoreSessions",
	"/solutions/backupRestore/restoreSessions",
	"/solutions/backupRestore/restorePoints",
}

// loadRealData parses the v1.0 2026-08 metadata and loads Microsoft's
// permissions files, or skips the test when they are missing.
func loadRealData(t *testing.T) (*parser.Model, *permissions.Table) {
	t.Helper()
	perms := filepath.Join(realPermissions, "permissions.json")
	prov := filepath.Join(realPermissions, "provisioningInfo.json")
	for _, f := range []string{realMetadata, perms, prov} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("published data not found (%v); the test needs ../shared/metadata and ../shared/permissions "+
				"next to the repository", err)
		}
	}
	model, err := parser.ParseFile(realMetadata)
	if err != nil {
		t.Fatal(err)
	}
	table, err := permissions.LoadFiles(perms, prov)
	if err != nil {
		t.Fatal(err)
	}
	return model, table
}

func backupRestoreSelection(t *testing.T, model *parser.Model) *parser.Selection {
	t.Helper()
	sel, err := model.Closure(backupRestoreRoots, parser.DefaultDerivedPolicy)
	if err != nil {
		t.Fatal(err)
	}
	return sel
}

// findResult returns the answer for the Go method named goMethod (of any
// builder type) that sends httpMethod to path.
func findResult(methods []emitter.MethodPermissions,
	goMethod, httpMethod, path string) (permissions.Result, bool) {
	for _, m := range methods {
		if !strings.HasSuffix(m.Method, "."+goMethod) || m.HTTPMethod != httpMethod {
			continue
		}
		for _, r := range m.Results {
			if r.Path == path {
				return r, true
			}
		}
	}
	return permissions.Result{}, false
}

// withIDs renders permissions as "name id".
func withIDs(list []permissions.Permission) []string {
	var out []string
	for _, p := range list {
		out = append(out, p.Name+" "+p.ID)
	}
	return out
}

const (
	restoreRead  = "BackupRestore-Restore.Read.All"
	restoreWrite = "BackupRestore-Restore.ReadWrite.All"
	searchRead   = "BackupRestore-Search.Read.All"

	restoreReadWork = restoreRead + " 94b36f78-434f-4904-8c08-421d9a9c1dc2"
	restoreReadApp  = restoreRead + " 87853aa5-0372-4710-b34b-cef27bb7156e"
)

// TestBackupRestorePermissions checks the permissions of the Backup
// restore area against what permissions.json publishes, which is what its
// documentation pages show. permissions.json has no entry for a single
// exchangeRestoreSession (GET and PATCH are published on the collection
// path only), so those methods must say none are published.
func TestBackupRestorePermissions(t *testing.T) {
	model, table := loadRealData(t)
	methods, err := emitter.RequestPermissions(backupRestoreSelection(t, model),
		emitter.Config{Permissions: table})
	if err != nil {
		t.Fatal(err)
	}
	const sessions = "/solutions/backupRestore/exchangeRestoreSessions"
	tests := []struct {
		goMethod, httpMethod, path string

		// least and higher names, the same for DelegatedWork and
		// Application; nil least means nothing is published.
		least, higher []string
	}{
		{"List", "GET", sessions, []string{restoreRead}, []string{restoreWrite}},
		{"Create", "POST", sessions, []string{restoreWrite}, nil},
		{"Get", "GET", sessions + "/{id}", nil, nil},
		{"Update", "PATCH", sessions + "/{id}", nil, nil},
		{"List", "GET", sessions + "/{id}/mailboxRestoreArtifacts", []string{restoreRead}, []string{restoreWrite}},
		{"Activate", "POST", "/solutions/backupRestore/restoreSessions/{id}/activate", []string{restoreWrite}, nil},
		{"Search", "POST", "/solutions/backupRestore/restorePoints/search", []string{searchRead}, nil},
	}
	for _, tt := range tests {
		r, ok := findResult(methods, tt.goMethod, tt.httpMethod, tt.path)
		if !ok {
			t.Errorf("no %s method sends %s %s", tt.goMethod, tt.httpMethod, tt.path)
			continue
		}
		if r.Matched != (tt.least != nil) {
			t.Errorf("%s %s: matched %v, want %v", tt.httpMethod, tt.path, r.Matched, tt.least != nil)
			continue
		}
		for _, s := range []permissions.Scheme{permissions.DelegatedWork, permissions.Application} {
			part := r.For(s)
			gotLeast, gotHigher := names(part.Least), names(part.Higher)
			if !slices.Equal(gotLeast, tt.least) || !slices.Equal(gotHigher, tt.higher) {
				t.Errorf("%s %s, %s: got least %q higher %q, want least %q higher %q",
					tt.httpMethod, tt.path, s, gotLeast, gotHigher, tt.least, tt.higher)
			}
		}
	}

	list, _ := findResult(methods, "List", "GET", sessions)
	if got := withIDs(list.Application.Least); !slices.Equal(got, []string{restoreReadApp}) {
		t.Errorf("application least of GET %s: got %q, want %q", sessions, got, restoreReadApp)
	}
	if got := withIDs(list.DelegatedWork.Least); !slices.Equal(got, []string{restoreReadWork}) {
		t.Errorf("delegated least of GET %s: got %q, want %q", sessions, got, restoreReadWork)
	}
}

func names(list []permissions.Permission) []string {
	var out []string
	for _, p := range list {
		out = append(out, p.Name)
	}
	return out
}

// TestBackupRestoreGeneratedPermissions checks the generated table and doc
// comments of the Backup restore area.
func TestBackupRestoreGeneratedPermissions(t *testing.T) {
	model, table := loadRealData(t)
	files, _, err := emitter.Generate(backupRestoreSelection(t, model),
		emitter.Config{Package: "v1", BaseURL: "https://graph.microsoft.com/v1.0", Permissions: table})
	if err != nil {
		t.Fatal(err)
	}
	content := fileMap(files)
	tableSrc := content["permissions.go"]
	for _, want := range []string{
		`{Name: "BackupRestore-Restore.Read.All", ID: "87853aa5-0372-4710-b34b-cef27bb7156e", Least: true}`,
		`{Name: "BackupRestore-Restore.Read.All", ID: "94b36f78-434f-4904-8c08-421d9a9c1dc2", Least: true}`,
		`Method:     "ExchangeRestoreSessionCollectionBuilder.List"`,
	} {
		if !strings.Contains(tableSrc, want) {
			t.Errorf("permissions.go lacks %s", want)
		}
	}

	// Doc comments are wrapped; compare with the line breaks and comment
	// markers folded into single spaces.
	docs := regexp.MustCompile(`(\s*\n//)+\s*`).ReplaceAllString(content["requests.go"], " ")
	for _, want := range []string{
		"Permissions for GET /solutions/backupRestore/exchangeRestoreSessions (published as " +
			"/backupRestore/exchangeRestoreSessions): - Delegated (work or school) and application: " +
			"least BackupRestore-Restore.Read.All; higher BackupRestore-Restore.ReadWrite.All.",
		"Permissions: none published for GET /solutions/backupRestore/exchangeRestoreSessions/{id}.",
	} {
		if !strings.Contains(docs, want) {
			t.Errorf("requests.go lacks the doc comment text %q", want)
		}
	}
}

// TestPermissionCoverage counts the generated request methods that got
// published permissions, for the Backup restore area and the whole
// v1.0 2026-08 API; run with -v to see the numbers.
func TestPermissionCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("plans the whole API")
	}
	model, table := loadRealData(t)
	for _, tt := range []struct {
		name string
		sel  *parser.Selection
	}{
		{"backup restore", backupRestoreSelection(t, model)},
		{"whole v1.0 2026-08", model.All()},
	} {
		methods, err := emitter.RequestPermissions(tt.sel, emitter.Config{Permissions: table})
		if err != nil {
			t.Fatal(err)
		}
		all, some, paths, matchedPaths := 0, 0, 0, 0
		for _, m := range methods {
			matched := 0
			for _, r := range m.Results {
				if r.Matched {
					matched++
				}
			}
			paths += len(m.Results)
			matchedPaths += matched
			switch {
			case matched == len(m.Results) && matched > 0:
				all++
			case matched > 0:
				some++
			}
		}
		t.Logf("%s: %d request methods, %d with permissions (%d for every path, %d for some), "+
			"%d of %d method paths matched", tt.name, len(methods), all+some, all, some, matchedPaths, paths)
		if all+some == 0 {
			t.Errorf("%s: no request method got a permission", tt.name)
		}
	}
}
