package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The permissions golden scenario: a small CSDL document with its own
// permissions.json and provisioningInfo.json.
var (
	scenarioDir      = filepath.Join("..", "..", "golden", "permissions")
	scenarioMetadata = filepath.Join(scenarioDir, "input.xml")
)

// runPermissionsOK runs the command and fails the test on an error.
func runPermissionsOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := runPermissions(args, &stdout, &stderr); err != nil {
		t.Fatalf("permissions %q: %v\nstderr: %s", args, err, stderr.String())
	}
	return stdout.String()
}

func TestPermissionsCommandText(t *testing.T) {
	out := runPermissionsOK(t, "-metadata", scenarioMetadata, "-permissions", scenarioDir)
	for _, want := range []string{
		"METHOD                          HTTP    PATH ",
		"WidgetCollectionBuilder.List    GET     /widgets                                       " +
			"DelegatedWork      Widget.Read.All                     Widget.ReadWrite.All\n",
		"/shop/widgets/{id}                             Application        Widget.ReadWrite.All + Audit.Write" +
			"  -                     published as /widgets/{widgetId}\n",
		"No permissions published for 12 requests:\n  Client.Lookup                 GET     /lookup(code={code})\n",
		"19 request methods: 12 with permissions for every path, 0 for some paths, 7 for none\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q; got\n%s", want, out)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, line)
		}
	}
}

func TestPermissionsCommandJSON(t *testing.T) {
	out := runPermissionsOK(t, "-metadata", scenarioMetadata, "-permissions", scenarioDir, "-json")
	var got permissionsReport
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	want := reportSummary{Methods: 19, MatchedAll: 12, Unmatched: 7}
	if got.Summary != want {
		t.Errorf("summary: got %+v, want %+v", got.Summary, want)
	}
	i := slices.IndexFunc(got.Methods, func(m reportMethod) bool { return m.Method == "WidgetBuilder.Delete" })
	if i < 0 {
		t.Fatalf("no WidgetBuilder.Delete in %q", out)
	}
	app := got.Methods[i].Paths[0].Application
	wantLeast := []reportPermission{{
		Name:         "Widget.ReadWrite.All",
		ID:           "20000000-0000-0000-0000-000000000002",
		AlsoRequires: []string{"Audit.Write"},
	}}
	if app == nil || !equalPermissions(app.Least, wantLeast) {
		t.Errorf("WidgetBuilder.Delete application: got %+v, want least %+v", app, wantLeast)
	}
	firstUnmatched := reportRequest{"Client.Lookup", "GET", "/lookup(code={code})"}
	if len(got.Unmatched) != 12 || got.Unmatched[0] != firstUnmatched {
		t.Errorf("unmatched: got %+v", got.Unmatched)
	}
}

func equalPermissions(a, b []reportPermission) bool {
	return slices.EqualFunc(a, b, func(x, y reportPermission) bool {
		return x.Name == y.Name && x.ID == y.ID && slices.Equal(x.AlsoRequires, y.AlsoRequires)
	})
}

// TestPermissionsCommandInputs checks the forms -permissions and
// -provisioning take, and the mistakes they report.
func TestPermissionsCommandInputs(t *testing.T) {
	permsFile := filepath.Join(scenarioDir, "permissions.json")
	provFile := filepath.Join(scenarioDir, "provisioningInfo.json")
	tests := []struct {
		name      string
		args      []string
		wantUsage bool
		wantErr   bool
	}{
		{"folder", []string{"-permissions", scenarioDir}, false, false},
		{"file with provisioning next to it", []string{"-permissions", permsFile}, false, false},
		{"two files", []string{"-permissions", permsFile, "-provisioning", provFile}, false, false},
		{"provisioning with a folder", []string{"-permissions", scenarioDir, "-provisioning", provFile},
			true, true},
		{"no permissions", nil, true, true},
		{"missing folder", []string{"-permissions", filepath.Join(scenarioDir, "nope")}, false, true},
		{"missing provisioning", []string{"-permissions", permsFile, "-provisioning", "nope.json"}, false, true},
		{"extra argument", []string{"-permissions", scenarioDir, "extra"}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-metadata", scenarioMetadata}, tt.args...)
			var stdout, stderr bytes.Buffer
			err := runPermissions(args, &stdout, &stderr)
			var usage usageError
			if (err != nil) != tt.wantErr || errors.As(err, &usage) != tt.wantUsage {
				t.Errorf("permissions %q: got error %v, want error %v (usage %v)", args, err, tt.wantErr, tt.wantUsage)
			}
		})
	}
}

// TestPermissionsCommandBackupRestore runs the command on the published
// data for the Backup restore area.
func TestPermissionsCommandBackupRestore(t *testing.T) {
	metadata := filepath.Join("..", "..", "..", "shared", "metadata", "graph-v1.0-2026-08.xml")
	perms := filepath.Join("..", "..", "..", "shared", "permissions")
	for _, p := range []string{metadata, perms} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("published data not found (%v); the test needs ../shared next to the repository", err)
		}
	}
	out := runPermissionsOK(t, "-metadata", metadata, "-permissions", perms,
		"-root", "microsoft.graph.exchangeRestoreSession",
		"-root", "/solutions/backupRestore/exchangeRestoreSessions",
		"-root", "/solutions/backupRestore/restoreSessions",
		"-root", "/solutions/backupRestore/restorePoints", "-json")
	var got permissionsReport
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(got.Methods, func(m reportMethod) bool {
		return strings.HasSuffix(m.Method, ".List") &&
			m.Paths[0].Path == "/solutions/backupRestore/exchangeRestoreSessions"
	})
	if i < 0 {
		t.Fatal("no List method for /solutions/backupRestore/exchangeRestoreSessions")
	}
	app := got.Methods[i].Paths[0].Application
	want := []reportPermission{{
		Name: "BackupRestore-Restore.Read.All",
		ID:   "87853aa5-0372-4710-b34b-cef27bb7156e",
	}}
	if app == nil || !equalPermissions(app.Least, want) {
		t.Errorf("application least: got %+v, want %+v", app, want)
	}
	if got.Summary.Methods != got.Summary.MatchedAll+got.Summary.MatchedSome+got.Summary.Unmatched {
		t.Errorf("summary does not add up: %+v", got.Summary)
	}
	t.Logf("backup restore: %+v", got.Summary)
}
