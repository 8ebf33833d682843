package emitter_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
)

var update = flag.Bool("update", false, "rewrite the want folders of the golden scenarios")

// goldenDir holds one folder per scenario: input.xml, roots.txt (one root
// per line; none selects the whole model) and want/, the expected files.
// Want files are named <file>.golden so that the go tool never compiles
// them as part of this module; the runtime files are left out, as the
// templates package tests them.
const goldenDir = "../golden"

// goldenConfig is the configuration every scenario is generated with.
var goldenConfig = emitter.Config{Package: "golden", BaseURL: "https://graph.example/v1.0"}

// scenarios lists the folders of goldenDir.
func scenarios(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatalf("read %s: %v", goldenDir, err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatalf("no scenarios in %s", goldenDir)
	}
	return names
}

// generateScenario parses a scenario's input, selects its roots and
// returns every generated file, runtime included.
func generateScenario(t *testing.T, scenario string) []emitter.File {
	t.Helper()
	files, _, err := emitter.Generate(selectScenario(t, scenario), goldenConfig)
	if err != nil {
		t.Fatalf("%s: generate: %v", scenario, err)
	}
	return files
}

// isRuntime reports whether a generated file is a copy of the runtime.
func isRuntime(name string) bool { return strings.HasPrefix(name, "runtime_") }

// TestGolden compares the generated files of each scenario, runtime
// excluded, with its want folder; -update rewrites the folder instead.
func TestGolden(t *testing.T) {
	for _, scenario := range scenarios(t) {
		t.Run(scenario, func(t *testing.T) {
			got := map[string][]byte{}
			for _, f := range generateScenario(t, scenario) {
				if !isRuntime(f.Name) {
					got[f.Name+".golden"] = f.Content
				}
			}
			wantDir := filepath.Join(goldenDir, scenario, "want")
			if *update {
				writeWant(t, wantDir, got)
				return
			}
			want := readWant(t, wantDir)
			compareFiles(t, got, want)
		})
	}
}

// compareFiles reports every file whose content differs, and the files
// only one side has.
func compareFiles(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	names := map[string]bool{}
	for name := range got {
		names[name] = true
	}
	for name := range want {
		names[name] = true
	}
	sorted := make([]string, 0, len(names))
	for name := range names {
		sorted = append(sorted, name)
	}
	slices.Sort(sorted)
	for _, name := range sorted {
		g, inGot := got[name]
		w, inWant := want[name]
		switch {
		case !inWant:
			t.Errorf("extra file %s (run go test ./emitter -update if it is expected)", name)
		case !inGot:
			t.Errorf("missing file %s", name)
		default:
			if diff := cmp.Diff(string(w), string(g)); diff != "" {
				t.Errorf("%s differs (-want +got):\n%s", name, diff)
			}
		}
	}
}

// readWant returns the files of a scenario's want folder by name.
func readWant(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read want: %v (run go test ./emitter -update to create it)", err)
	}
	want := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want[e.Name()] = data
	}
	return want
}

// writeWant replaces a scenario's want folder with files.
func writeWant(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGoldenCompiles builds and vets the full output of every scenario,
// runtime and behaviour tests included, in one temporary module.
func TestGoldenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	dir := scenarioModule(t)
	runGo(t, dir, "build", "./...")
	runGo(t, dir, "vet", "./...")
}

// behaviourFile is the hand-written test a scenario may keep next to its
// input; it is copied into the scenario's package as behaviour_test.go.
const behaviourFile = "behaviour_test.go.txt"

var (
	moduleOnce sync.Once
	moduleDir  string
	moduleErr  error
)

// scenarioModule writes, once per test binary, a module with one package
// per scenario: its generated files and its behaviour test, if any.
func scenarioModule(t *testing.T) string {
	t.Helper()
	moduleOnce.Do(func() {
		moduleDir, moduleErr = os.MkdirTemp("", "graphgen-golden-")
		if moduleErr != nil {
			return
		}
		moduleErr = writeModule(t, moduleDir)
	})
	if moduleErr != nil {
		t.Fatalf("write scenario module: %v", moduleErr)
	}
	return moduleDir
}

// testDependency is the module the behaviour tests may import besides the
// standard library; its go.sum lines come from this repository, so the go
// tool needs no network.
const testDependency = "github.com/google/go-cmp v0.7.0"

// writeModule writes go.mod, go.sum and a package per scenario into dir.
func writeModule(t *testing.T, dir string) error {
	gomod := "module example.test/golden\n\ngo 1.26\n\nrequire " + testDependency + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	sums, err := os.ReadFile("../go.sum")
	if err != nil {
		return err
	}
	var gosum []byte
	for line := range strings.Lines(string(sums)) {
		if strings.HasPrefix(line, testDependency+" ") || strings.HasPrefix(line, testDependency+"/go.mod ") {
			gosum = append(gosum, line...)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), gosum, 0o644); err != nil {
		return err
	}
	for _, scenario := range scenarios(t) {
		pkg := filepath.Join(dir, scenario)
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			return err
		}
		for _, f := range generateScenario(t, scenario) {
			if err := os.WriteFile(filepath.Join(pkg, f.Name), f.Content, 0o644); err != nil {
				return err
			}
		}
		behaviour, err := os.ReadFile(filepath.Join(goldenDir, scenario, behaviourFile))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(pkg, "behaviour_test.go"), behaviour, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// TestMain removes the scenario module after the tests.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if moduleDir != "" {
		os.RemoveAll(moduleDir)
	}
	os.Exit(code)
}

// runGo runs the go tool in dir, offline and with the local toolchain, and
// fails the test with its output if it fails.
func runGo(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off", "GOPROXY=off")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

// TestGenerateIsDeterministic generates every scenario twice and wants the
// same bytes.
func TestGenerateIsDeterministic(t *testing.T) {
	for _, scenario := range scenarios(t) {
		first, second := generateScenario(t, scenario), generateScenario(t, scenario)
		if diff := cmp.Diff(fileMap(first), fileMap(second)); diff != "" {
			t.Errorf("%s: second run differs (-first +second):\n%s", scenario, diff)
		}
	}
}

func fileMap(files []emitter.File) map[string]string {
	m := make(map[string]string, len(files))
	for _, f := range files {
		m[f.Name] = string(f.Content)
	}
	return m
}

// TestGenerateRejectsBadPackageName checks the names that cannot be a Go
// package clause.
func TestGenerateRejectsBadPackageName(t *testing.T) {
	model, err := parser.ParseFile(filepath.Join(goldenDir, "enums", "input.xml"))
	if err != nil {
		t.Fatal(err)
	}
	sel := model.All()
	for _, name := range []string{"", "1v", "v-1", "graph.v1", "v 1", "func"} {
		_, _, err := emitter.Generate(sel, emitter.Config{Package: name, BaseURL: "https://graph.example"})
		if err == nil {
			t.Errorf("Generate(Package: %q): got no error, want one", name)
		}
	}
	if _, _, err := emitter.Generate(sel, goldenConfig); err != nil {
		t.Errorf("Generate(Package: %q): %v", goldenConfig.Package, err)
	}
}
