// Package generated_test generates the whole of Microsoft's published
// documents and compiles the result, as a user generating "everything"
// would.
package generated_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
)

// sharedMetadata is where CI puts Microsoft's documents, beside the clone.
const sharedMetadata = "../../shared/metadata"

// TestWholeAPICompiles generates every type, enum, operation and request
// builder of a full document and runs go build and go vet on the result.
// v1.0 2026-08 and beta 2021-06 run always; set GRAPHGEN_ALL_DOCUMENTS=1
// to add the three older v1.0 documents (each takes about two minutes).
func TestWholeAPICompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("generating and building the whole API takes minutes; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	documents := []string{"graph-v1.0-2026-08.xml", "graph-beta-2021-06.xml"}
	if os.Getenv("GRAPHGEN_ALL_DOCUMENTS") != "" {
		documents = append(documents, "graph-v1.0-2024-08.xml", "graph-v1.0-2024-01-raw.xml",
			"graph-v1.0-2023-05-descriptions.xml")
	}
	for _, doc := range documents {
		t.Run(strings.TrimSuffix(doc, ".xml"), func(t *testing.T) {
			path := filepath.Join(sharedMetadata, doc)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s is missing (Microsoft's metadata is expected in %s): %v", doc, sharedMetadata, err)
			}
			dir := generateAll(t, path)
			goTool(t, dir, "build", "./...")
			goTool(t, dir, "vet", "./...")
		})
	}
}

// generateAll writes the whole document as package graph into a temporary
// module and returns its folder.
func generateAll(t *testing.T, path string) string {
	t.Helper()
	model, err := parser.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	files, stats, err := emitter.Generate(model.All(), emitter.Config{
		Package: "graph", BaseURL: "https://graph.microsoft.com/v1.0",
	})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Structs < 1000 || stats.Builders < 100 {
		t.Errorf("suspiciously little generated: %+v", stats)
	}
	t.Logf("%s: %+v", filepath.Base(path), stats)

	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), []byte("module example.com/graph\n\ngo 1.26\n"))
	for _, f := range files {
		write(t, filepath.Join(dir, f.Name), f.Content)
	}
	return dir
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// goTool runs the go command in dir and fails with its output.
func goTool(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, limit(out))
	}
}

// limit keeps compiler output readable: the first errors say enough.
func limit(out []byte) string {
	lines := strings.Split(string(out), "\n")
	if len(lines) > 40 {
		lines = append(lines[:40], "...")
	}
	return strings.Join(lines, "\n")
}
