package output

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// gen returns a generated file with the given name and body after the header.
func gen(name, body string) File {
	return File{Name: name, Content: []byte(Header + "\n\npackage gen\n" + body)}
}

// entry is what a snapshot records about one path in a folder.
type entry struct {
	mode    fs.FileMode
	content string
	modTime time.Time
}

// snapshot records every path below dir with its mode, content and, for
// files, modification time. A missing dir gives an empty snapshot.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	snap := make(map[string]entry)
	if _, err := os.Lstat(dir); os.IsNotExist(err) {
		return snap
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := entry{mode: info.Mode()}
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			e.content, e.modTime = string(data), info.ModTime()
		}
		rel, _ := filepath.Rel(dir, path)
		snap[rel] = e
		return nil
	})
	if err != nil {
		t.Fatalf("snapshot %s: %v", dir, err)
	}
	return snap
}

// assertSameSnapshot fails the test if the two snapshots differ.
func assertSameSnapshot(t *testing.T, got, want map[string]entry) {
	t.Helper()
	if !maps.Equal(got, want) {
		t.Errorf("folder changed:\ngot  %v\nwant %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		for name, w := range want {
			if g, ok := got[name]; ok && g != w {
				t.Errorf("%s: got %+v, want %+v", name, g, w)
			}
		}
	}
}

// writeFile creates a file below dir with the given content and an old
// modification time, so that a rewrite would be visible.
func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
}

// writeGen writes generated files into dir as an earlier run would have.
func writeGen(t *testing.T, dir string, files ...File) {
	t.Helper()
	for _, f := range files {
		writeFile(t, dir, f.Name, string(f.Content))
	}
}
