package emitter_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/parser/permissions"
)

// The permissions scenario keeps, next to the usual input.xml, roots.txt
// and want/ (output without permissions, checked by TestGolden), a small
// hand-written permissions.json and provisioningInfo.json, and in
// want-permissions/ the output generated with them.
const (
	permissionsScenario = "permissions"
	permissionsWant     = "want-permissions"
	permissionsBehavior = "permissions_behaviour_test.go.txt"
)

// scenarioTable loads the permissions files of the permissions scenario.
func scenarioTable(t *testing.T) *permissions.Table {
	t.Helper()
	dir := filepath.Join(goldenDir, permissionsScenario)
	table, err := permissions.LoadFiles(filepath.Join(dir, "permissions.json"),
		filepath.Join(dir, "provisioningInfo.json"))
	if err != nil {
		t.Fatalf("load scenario permissions: %v", err)
	}
	return table
}

// selectScenario parses a scenario's input and selects its roots.
func selectScenario(t *testing.T, scenario string) *parser.Selection {
	t.Helper()
	dir := filepath.Join(goldenDir, scenario)
	model, err := parser.ParseFile(filepath.Join(dir, "input.xml"))
	if err != nil {
		t.Fatalf("%s: parse: %v", scenario, err)
	}
	roots, err := os.ReadFile(filepath.Join(dir, "roots.txt"))
	if err != nil {
		t.Fatalf("%s: %v", scenario, err)
	}
	names := strings.Fields(string(roots))
	sel, err := model.Select(names, parser.DefaultDerivedPolicy)
	if err != nil {
		t.Fatalf("%s: select %v: %v", scenario, names, err)
	}
	return sel
}

// generateWithPermissions generates a scenario with a permissions table.
func generateWithPermissions(t *testing.T, scenario string, table *permissions.Table) []emitter.File {
	t.Helper()
	cfg := goldenConfig
	cfg.Permissions = table
	files, _, err := emitter.Generate(selectScenario(t, scenario), cfg)
	if err != nil {
		t.Fatalf("%s: generate: %v", scenario, err)
	}
	return files
}

// TestPermissionsGolden compares the permissions scenario generated with
// its permissions files, runtime excluded, with want-permissions; -update
// rewrites the folder instead.
func TestPermissionsGolden(t *testing.T) {
	got := map[string][]byte{}
	for _, f := range generateWithPermissions(t, permissionsScenario, scenarioTable(t)) {
		if !isRuntime(f.Name) {
			got[f.Name+".golden"] = f.Content
		}
	}
	wantDir := filepath.Join(goldenDir, permissionsScenario, permissionsWant)
	if *update {
		writeWant(t, wantDir, got)
		return
	}
	compareFiles(t, got, readWant(t, wantDir))
}

// TestPermissionsOffLeavesOutputUnchanged generates every scenario with
// and without a permissions table: without one there is no permissions
// file and no permission paragraph, and with one the output differs only
// by those.
func TestPermissionsOffLeavesOutputUnchanged(t *testing.T) {
	table := scenarioTable(t)
	for _, scenario := range scenarios(t) {
		without := fileMap(generateScenario(t, scenario))
		for name, content := range without {
			if name == "permissions.go" || name == "runtime_permissions.go" ||
				strings.Contains(content, "// Permissions") {
				t.Errorf("%s: %s mentions permissions without a permissions table", scenario, name)
			}
		}
		with := fileMap(generateWithPermissions(t, scenario, table))
		for _, name := range []string{"permissions.go", "runtime_permissions.go"} {
			if _, ok := with[name]; !ok {
				t.Errorf("%s: no %s with a permissions table", scenario, name)
			}
			delete(with, name)
		}
		for name, content := range with {
			with[name] = stripPermissionParagraphs(content)
		}
		if diff := cmp.Diff(without, with); diff != "" {
			t.Errorf("%s: output with permissions, their paragraphs removed, differs (-without +with):\n%s",
				scenario, diff)
		}
	}
}

// stripPermissionParagraphs removes from Go source the doc comment
// paragraphs that start with "Permissions", and the blank comment line
// before each.
func stripPermissionParagraphs(src string) string {
	lines := strings.Split(src, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if lines[i] == "//" && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "// Permissions") {
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "//") {
				i++
			}
			continue
		}
		out = append(out, lines[i])
	}
	return strings.Join(out, "\n")
}

func TestRequestPermissionsScenario(t *testing.T) {
	methods, err := emitter.RequestPermissions(selectScenario(t, permissionsScenario),
		emitter.Config{Permissions: scenarioTable(t)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range methods {
		var parts []string
		for _, r := range m.Results {
			part := r.Method + " " + r.Path + " " + leastNames(r.DelegatedWork) + " / " + leastNames(r.Application)
			if r.Fallback != "" {
				part += " (" + r.Fallback + ")"
			}
			parts = append(parts, part)
		}
		got[m.Method] = strings.Join(parts, "; ")
	}
	tests := []struct{ method, want string }{
		{"WidgetCollectionBuilder.List",
			"GET /widgets Widget.Read.All / Widget.Read.All; GET /shop/widgets Shop.Read.All / Widget.ReadWrite.All"},
		{"WidgetCollectionBuilder.Create",
			"POST /widgets Widget.ReadWrite.All / Widget.ReadWrite.All; " +
				"POST /shop/widgets Widget.ReadWrite.All / Widget.ReadWrite.All"},
		{"WidgetCollectionBuilder.Stats",
			"GET /widgets/stats(period={period}) Widget.Read.All / Widget.Read.All; " +
				"GET /shop/widgets/stats(period={period}) Widget.Read.All / Widget.Read.All (dropped-first-segment)"},
		{"WidgetBuilder.Update", "PATCH /widgets/{id} none / none; PATCH /shop/widgets/{id} none / none"},
		{"WidgetBuilder.Archive",
			"POST /widgets/{id}/archive Widget.Archive / none; " +
				"POST /shop/widgets/{id}/archive Widget.Archive / none (dropped-first-segment)"},
		{"WidgetBuilder.Ping",
			"POST /widgets/{id}/microsoft.graph.extra.ping Widget.ReadWrite.All / Widget.ReadWrite.All; " +
				"POST /shop/widgets/{id}/microsoft.graph.extra.ping Widget.ReadWrite.All / Widget.ReadWrite.All " +
				"(dropped-first-segment)"},
		{"Client.ResetAll", "POST /resetAll none / Widget.Manage.All"},
		{"Client.Lookup", "GET /lookup(code={code}) none / none"},
	}
	for _, tt := range tests {
		if got[tt.method] != tt.want {
			t.Errorf("%s:\n got  %q\n want %q", tt.method, got[tt.method], tt.want)
		}
	}
	if _, ok := got["WidgetCollectionBuilder.ByID"]; ok {
		t.Errorf("ByID is listed, but it sends no request")
	}
}

func TestRequestPermissionsNeedsTable(t *testing.T) {
	_, err := emitter.RequestPermissions(selectScenario(t, permissionsScenario), emitter.Config{})
	if err == nil {
		t.Errorf("RequestPermissions without a table: got no error, want one")
	}
}

// leastNames joins the names of the least-privileged permissions of a
// scheme, or says none.
func leastNames(s permissions.SchemeResult) string {
	if len(s.Least) == 0 {
		return "none"
	}
	var names []string
	for _, p := range s.Least {
		names = append(names, p.Name)
	}
	return strings.Join(names, " or ")
}

// TestPermissionsScenarioBuilds builds and vets the permissions scenario
// generated with its table, runtime included, and runs its behaviour test
// against the generated Permissions table.
func TestPermissionsScenarioBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	dir := t.TempDir()
	gomod := "module example.test/permissions\n\ngo 1.26\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range generateWithPermissions(t, permissionsScenario, scenarioTable(t)) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	behaviour, err := os.ReadFile(filepath.Join(goldenDir, permissionsScenario, permissionsBehavior))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "permissions_test.go"), behaviour, 0o644); err != nil {
		t.Fatal(err)
	}
	runGo(t, dir, "vet", ".")
	runGo(t, dir, "test", "-count=1", ".")
}
