package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// errInjected is the error returned by the operations a test makes fail.
var errInjected = errors.New("injected failure")

// faultyWriter returns a writer whose operation op fails on its n-th call,
// and the number of calls of op made so far. The operation "write temp" makes
// the n-th temporary file for new content unwritable. With n = 0 nothing fails.
func faultyWriter(op string, n int) (*writer, *int) {
	w := newWriter()
	calls := new(int)
	failNow := func() bool {
		*calls++
		return *calls == n
	}
	switch op {
	case "rename":
		w.rename = func(oldPath, newPath string) error {
			if failNow() {
				return &os.LinkError{Op: "rename", Old: oldPath, New: newPath, Err: errInjected}
			}
			return os.Rename(oldPath, newPath)
		}
	case "create temp":
		w.createTemp = func(dir, pattern string) (*os.File, error) {
			if failNow() {
				return nil, &fs.PathError{Op: "open", Path: dir, Err: fs.ErrPermission}
			}
			return os.CreateTemp(dir, pattern)
		}
	case "write temp":
		w.createTemp = func(dir, pattern string) (*os.File, error) {
			f, err := os.CreateTemp(dir, pattern)
			if err != nil || pattern != tempPattern || !failNow() {
				return f, err
			}
			f.Close()
			return os.Open(f.Name())
		}
	}
	return w, calls
}

// rollbackSetup fills dir with an earlier run and hand-written files, and
// returns a new set of files that updates, creates, keeps and removes files.
func rollbackSetup(t *testing.T, dir string) []File {
	writeGen(t, dir, gen("a.go", "// old\n"), gen("b.go", ""), gen("stale.go", ""))
	writeFile(t, dir, "doc.go", "package gen\n")
	writeFile(t, dir, "README.md", "read me\n")
	return []File{gen("a.go", "// new\n"), gen("b.go", ""), gen("d.go", ""), gen("e.go", "")}
}

func TestWriteRollback(t *testing.T) {
	tests := []struct {
		op    string
		fresh bool // whether the output folder does not exist yet
	}{
		{"rename", false},
		{"create temp", false},
		{"write temp", false},
		{"rename", true},
		{"create temp", true},
		{"write temp", true},
	}
	for _, tt := range tests {
		// Make each call of the operation fail in turn, so that every step
		// of the run is covered.
		total := countCalls(t, tt.op, tt.fresh)
		for n := 1; n <= total; n++ {
			name := fmt.Sprintf("%s fails on call %d of %d, fresh folder %v", tt.op, n, total, tt.fresh)
			t.Run(name, func(t *testing.T) { testRollbackAt(t, tt.op, n, tt.fresh) })
		}
	}
}

// rollbackFiles prepares dir for a rollback test and returns the files to
// write. A fresh folder is left missing.
func rollbackFiles(t *testing.T, dir string, fresh bool) []File {
	if fresh {
		return []File{gen("a.go", ""), gen("b.go", "")}
	}
	return rollbackSetup(t, dir)
}

// countCalls returns how often a successful run calls op.
func countCalls(t *testing.T, op string, fresh bool) int {
	dir := filepath.Join(t.TempDir(), "gen")
	w, calls := faultyWriter(op, 0)
	if _, err := w.write(dir, rollbackFiles(t, dir, fresh)); err != nil {
		t.Fatalf("Write without failures: %v", err)
	}
	if *calls == 0 {
		t.Fatalf("Write without failures never calls %s", op)
	}
	return *calls
}

// testRollbackAt makes op fail on call n and checks that the folder is left
// as it was.
func testRollbackAt(t *testing.T, op string, n int, fresh bool) {
	dir := filepath.Join(t.TempDir(), "gen")
	files := rollbackFiles(t, dir, fresh)
	before := snapshot(t, dir)

	w, _ := faultyWriter(op, n)
	_, err := w.write(dir, files)
	if err == nil {
		t.Fatalf("Write succeeded although %s failed on call %d", op, n)
	}
	if strings.Contains(err.Error(), "roll back") {
		t.Errorf("Write error = %v, want a clean rollback", err)
	}
	assertSameSnapshot(t, snapshot(t, dir), before)
}
