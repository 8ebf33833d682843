package emitter_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestBehaviour runs the hand-written tests of the scenarios that have one
// (golden/<scenario>/behaviour_test.go.txt) against the generated code:
// decoding and encoding of absent, null and zero values, polymorphic
// values, unknown members, enumerations and every Edm primitive.
func TestBehaviour(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	var packages []string
	for _, scenario := range scenarios(t) {
		_, err := os.Stat(filepath.Join(goldenDir, scenario, behaviourFile))
		if err == nil {
			packages = append(packages, "./"+scenario)
		}
	}
	if len(packages) == 0 {
		t.Fatalf("no scenario has a %s", behaviourFile)
	}
	dir := scenarioModule(t)
	out := runGo(t, dir, append([]string{"test", "-count=1"}, packages...)...)
	t.Logf("go test %v:\n%s", packages, out)
}
