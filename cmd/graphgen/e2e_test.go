package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fixture is a small metadata document: an enum, an entity type with a
// derived type, a complex type and a container with an entity set.
const fixture = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color">
        <Member Name="red" Value="0"/>
        <Member Name="unknownFutureValue" Value="1"/>
        <Member Name="blue" Value="2"/>
      </EnumType>
      <ComplexType Name="label">
        <Property Name="text" Type="Edm.String"/>
      </ComplexType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="widget" BaseType="graph.entity">
        <Property Name="color" Type="graph.color"/>
        <Property Name="labels" Type="Collection(graph.label)"/>
      </EntityType>
      <EntityType Name="gadget" BaseType="graph.widget">
        <Property Name="size" Type="Edm.Int32"/>
      </EntityType>
      <EntityContainer Name="GraphService">
        <EntitySet Name="widgets" EntityType="graph.widget"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

// TestGoGenerateEndToEnd builds graphgen, runs it from go:generate in a
// fresh module, builds and vets the result, and checks -check, user
// files and a failed run.
func TestGoGenerateEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds graphgen and a module; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "graphgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build graphgen: %v\n%s", err, out)
	}

	app := t.TempDir()
	writeFileIn(t, app, "go.mod", "module example.com/app\n\ngo 1.26\n")
	writeFileIn(t, app, "meta.xml", fixture)
	writeFileIn(t, app, "gen.go", "package app\n\n//go:generate "+bin+
		" -metadata meta.xml -out ./graph -package graph -root /widgets -root microsoft.graph.gadget\n")

	goCmd(t, app, "generate", "./...")
	goCmd(t, app, "build", "./...")
	goCmd(t, app, "vet", "./...")
	if _, err := os.Stat(filepath.Join(app, "graph", "models.go")); err != nil {
		t.Fatalf("go generate wrote no models.go: %v", err)
	}

	check := []string{"-metadata", "meta.xml", "-out", "./graph", "-package", "graph",
		"-root", "/widgets", "-root", "microsoft.graph.gadget", "-check"}
	if out, err := graphgen(t, bin, app, check...); err != nil {
		t.Fatalf("-check on fresh output: %v\n%s", err, out)
	}

	user := filepath.Join(app, "graph", "extra.go")
	writeFileIn(t, app, "graph/extra.go", "package graph\n\n// Extra is written by hand.\nconst Extra = 1\n")
	changed := strings.Replace(fixture, `<Property Name="size" Type="Edm.Int32"/>`,
		`<Property Name="size" Type="Edm.Int32"/><Property Name="weight" Type="Edm.Double"/>`, 1)
	writeFileIn(t, app, "meta.xml", changed)
	out, err := graphgen(t, bin, app, check...)
	if code := exitCode(err); code != 1 || !strings.Contains(out, "update models.go") {
		t.Errorf("-check after adding a property: exit %d, output:\n%s\nwant exit 1 listing update models.go",
			code, out)
	}

	goCmd(t, app, "generate", "./...")
	goCmd(t, app, "build", "./...")
	if _, err := os.Stat(user); err != nil {
		t.Errorf("hand-written file did not survive a regenerate: %v", err)
	}
	models, _ := os.ReadFile(filepath.Join(app, "graph", "models.go"))
	if !bytes.Contains(models, []byte(`"weight`)) {
		t.Errorf("regenerated models.go lacks the new property weight")
	}

	before := snapshot(t, filepath.Join(app, "graph"))
	writeFileIn(t, app, "meta.xml", strings.Replace(fixture, `graph.color"/>`, `graph.colour"/>`, 1))
	out, err = graphgen(t, bin, app, "-metadata", "meta.xml", "-out", "./graph", "-root", "/widgets")
	if exitCode(err) == 0 || !strings.Contains(out, "meta.xml") {
		t.Errorf("bad metadata: exit %d, output:\n%s\nwant a failure naming meta.xml", exitCode(err), out)
	}
	if after := snapshot(t, filepath.Join(app, "graph")); after != before {
		t.Errorf("bad metadata changed the output folder")
	}
}

func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func graphgen(t *testing.T, bin, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(*exec.ExitError); ok {
		return e.ExitCode()
	}
	return -1
}

// snapshot lists the names and contents of the files in dir.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		b.WriteString(e.Name() + "\n" + string(data))
	}
	return b.String()
}

func writeFileIn(t *testing.T, dir, name, content string) {
	t.Helper()
	writeFile(t, filepath.Join(dir, name), content)
}

// TestGenerateFromURL serves the metadata on loopback and generates from
// the URL, which goes through the cache.
func TestGenerateFromURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"1"`)
		w.Write([]byte(fixture))
	}))
	defer srv.Close()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Chdir(t.TempDir())

	var stdout, stderr bytes.Buffer
	args := []string{"-metadata", srv.URL + "/v1.0/$metadata", "-out", "graph",
		"-root", "microsoft.graph.widget"}
	code := run(args, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("generate from URL: exit %d\n%s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "graphgen: wrote ") {
		t.Errorf("summary = %q, want it to start with %q", stdout.String(), "graphgen: wrote ")
	}
}

func TestSubcommands(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(fixture))
	}))
	defer srv.Close()
	t.Chdir(t.TempDir())
	writeFile(t, "old.xml", fixture)
	writeFile(t, "new.xml", strings.Replace(fixture, `<Member Name="blue" Value="2"/>`,
		`<Member Name="blue" Value="2"/><Member Name="green" Value="3"/>`, 1))

	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"fetch", "-base-url", srv.URL, "-version", "beta", "-o", "got.xml"}, 0,
			"graphgen: wrote got.xml"},
		{[]string{"fetch", "-base-url", srv.URL, "-version", "beta", "-o", "got.xml"}, 0, "got.xml unchanged"},
		{[]string{"fetch", "-version", "v2", "-o", "got.xml"}, 2, `unknown Graph version "v2"`},
		{[]string{"diff", "old.xml", "new.xml"}, 0,
			"added enum member microsoft.graph.color/green = 3 [evolvable]"},
		{[]string{"diff", "-json", "-root", "microsoft.graph.color", "old.xml", "new.xml"}, 0, `"evolvable": true`},
		{[]string{"diff", "old.xml"}, 2, "want two documents"},
		{[]string{"extract", "-metadata", "old.xml", "-root", "microsoft.graph.color", "-o", "-"}, 0,
			`<EnumType Name="color">`},
		{[]string{"extract", "-metadata", "old.xml", "-o", "x.xml"}, 2, "no -root given"},
		{[]string{"version"}, 0, "graphgen "},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"generate", "-h"}, 0, "Usage: graphgen [generate]"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		out := stdout.String() + stderr.String()
		if code != tt.code || !strings.Contains(out, tt.want) {
			t.Errorf("graphgen %q: exit %d, output:\n%s\nwant exit %d and %q", tt.args, code, out, tt.code, tt.want)
		}
	}
}
