package output

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// oldTime is the modification time writeFile gives to files.
var oldTime = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

func TestWrite(t *testing.T) {
	a, b := gen("a.go", "// a\n"), gen("b.go", "// b\n")
	a2 := gen("a.go", "// a, changed\n")
	crlf := File{Name: "crlf.go", Content: []byte(Header + "\r\npackage gen\r\n")}
	tests := []struct {
		name   string
		before []File
		files  []File
		want   Report
	}{
		{"empty folder", nil, []File{a, b}, Report{Created: []string{"a.go", "b.go"}}},
		{"identical rerun", []File{a, b}, []File{b, a}, Report{Unchanged: []string{"a.go", "b.go"}}},
		{"one file changed", []File{a, b}, []File{a2, b},
			Report{Updated: []string{"a.go"}, Unchanged: []string{"b.go"}}},
		{"stale file removed", []File{a, b}, []File{a},
			Report{Removed: []string{"b.go"}, Unchanged: []string{"a.go"}}},
		{"stale file with CRLF removed", []File{crlf}, []File{a},
			Report{Created: []string{"a.go"}, Removed: []string{"crlf.go"}}},
		{"empty set removes all", []File{a, b}, nil, Report{Removed: []string{"a.go", "b.go"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeGen(t, dir, tt.before...)

			got, err := Write(dir, tt.files)
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Write report = %+v, want %+v", got, tt.want)
			}
			assertFolder(t, dir, tt.files, got)
		})
	}
}

// assertFolder checks that dir holds exactly files, that files reported as
// unchanged kept their old modification time and that no hidden file is left.
func assertFolder(t *testing.T, dir string, files []File, r Report) {
	t.Helper()
	snap := snapshot(t, dir)
	if len(snap) != len(files)+1 {
		t.Errorf("folder has %d entries, want %d: %v", len(snap), len(files)+1, snap)
	}
	for _, f := range files {
		e := snap[f.Name]
		if e.content != string(f.Content) {
			t.Errorf("%s: content = %q, want %q", f.Name, e.content, f.Content)
		}
		if e.mode.Perm() != 0o644 {
			t.Errorf("%s: mode = %v, want 0644", f.Name, e.mode)
		}
	}
	for _, name := range r.Unchanged {
		if got := snap[name].modTime; !got.Equal(oldTime) {
			t.Errorf("%s: modification time = %v, want %v (not rewritten)", name, got, oldTime)
		}
	}
}

func TestWriteCreatesMissingFolders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b", "gen")
	files := []File{gen("x.go", "")}

	got, err := Write(dir, files)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if want := (Report{Created: []string{"x.go"}}); !reflect.DeepEqual(got, want) {
		t.Errorf("Write report = %+v, want %+v", got, want)
	}
	assertFolder(t, dir, files, got)
}

func TestWriteKeepsUserFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "doc.go", "// Package gen is hand-written.\npackage gen\n")
	writeFile(t, dir, "README.md", "# Generated code\n")
	writeFile(t, dir, "notes.txt", Header+"\nnot a Go file\n")
	writeFile(t, dir, "late.go", "package gen\n\n"+Header+"\n")
	writeFile(t, dir, "sub/old.go", Header+"\npackage sub\n")
	writeGen(t, dir, gen("stale.go", ""))
	if err := os.Symlink(filepath.Join(dir, "stale.go"), filepath.Join(dir, "link.go")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)

	got, err := Write(dir, []File{gen("a.go", "")})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	want := Report{Created: []string{"a.go"}, Removed: []string{"stale.go"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Write report = %+v, want %+v", got, want)
	}

	after := snapshot(t, dir)
	delete(before, "stale.go")
	delete(after, "a.go")
	delete(before, ".") // the folder's own entry is compared by its mode only
	delete(after, ".")
	assertSameSnapshot(t, after, before)
}

func TestWriteConflict(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
	}{
		{"user file", func(t *testing.T, dir string) {
			writeFile(t, dir, "x.go", "package gen\n")
		}},
		{"header not on first line", func(t *testing.T, dir string) {
			writeFile(t, dir, "x.go", "\n"+Header+"\npackage gen\n")
		}},
		{"header with more text", func(t *testing.T, dir string) {
			writeFile(t, dir, "x.go", Header+" Really.\npackage gen\n")
		}},
		{"folder", func(t *testing.T, dir string) {
			writeFile(t, dir, "x.go/inner.go", Header+"\n")
		}},
		{"symbolic link", func(t *testing.T, dir string) {
			writeGen(t, dir, gen("target.go", ""))
			if err := os.Symlink("target.go", filepath.Join(dir, "x.go")); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeGen(t, dir, gen("a.go", "// old\n"), gen("stale.go", ""))
			tt.setup(t, dir)
			before := snapshot(t, dir)

			_, err := Write(dir, []File{gen("a.go", "// new\n"), gen("new.go", ""), gen("x.go", "")})
			var conflict *ConflictError
			if !errors.As(err, &conflict) {
				t.Fatalf("Write error = %v, want a *ConflictError", err)
			}
			if want := filepath.Join(dir, "x.go"); conflict.Path != want || !strings.Contains(err.Error(), want) {
				t.Errorf("Write error = %v, want it to name %s", err, want)
			}
			assertSameSnapshot(t, snapshot(t, dir), before)
		})
	}
}

func TestWriteRejectsInvalidInput(t *testing.T) {
	a := gen("a.go", "")
	tests := []struct {
		name  string
		files []File
		want  string
	}{
		{"empty name", []File{gen("", "")}, `invalid file name ""`},
		{"parent folder", []File{gen("../a.go", "")}, `invalid file name "../a.go"`},
		{"dot dot inside", []File{gen("a..go", "")}, `invalid file name "a..go"`},
		{"subfolder", []File{gen("sub/a.go", "")}, `invalid file name "sub/a.go"`},
		{"backslash", []File{gen(`sub\a.go`, "")}, `invalid file name "sub\\a.go"`},
		{"absolute", []File{gen("/tmp/a.go", "")}, `invalid file name "/tmp/a.go"`},
		{"not Go", []File{gen("a.txt", "")}, "must end in .go"},
		{"twice", []File{a, a}, "file a.go is given twice"},
		{"no header", []File{{Name: "a.go", Content: []byte("package gen\n")}},
			"file a.go does not start with"},
		{"header not alone", []File{{Name: "a.go", Content: []byte(Header + "package gen\n")}},
			"file a.go does not start with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "gen")
			_, err := Write(dir, tt.files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Write error = %v, want it to contain %q", err, tt.want)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("Write created %s despite invalid input", dir)
			}
		})
	}
}

func TestWriteReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("file permissions do not apply to root; see TestWriteRollback for injected permission errors")
	}
	dir := t.TempDir()
	writeGen(t, dir, gen("a.go", "// old\n"))
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	before := snapshot(t, dir)

	_, err := Write(dir, []File{gen("a.go", "// new\n")})
	if !errors.Is(err, os.ErrPermission) {
		t.Errorf("Write error = %v, want a permission error", err)
	}
	assertSameSnapshot(t, snapshot(t, dir), before)
}

func TestCheck(t *testing.T) {
	a, b, c := gen("a.go", "// a\n"), gen("b.go", "// b\n"), gen("c.go", "// c\n")
	tests := []struct {
		name   string
		before []File
		files  []File
		want   Report
	}{
		{"empty folder", nil, []File{a}, Report{Created: []string{"a.go"}}},
		{"up to date", []File{a, b}, []File{a, b}, Report{Unchanged: []string{"a.go", "b.go"}}},
		{"every kind", []File{gen("a.go", "// old\n"), b, gen("z.go", "")}, []File{c, a, b}, Report{
			Created:   []string{"c.go"},
			Updated:   []string{"a.go"},
			Removed:   []string{"z.go"},
			Unchanged: []string{"b.go"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeGen(t, dir, tt.before...)
			writeFile(t, dir, "doc.go", "package gen\n")
			before := snapshot(t, dir)

			got, err := Check(dir, tt.files)
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check report = %+v, want %+v", got, tt.want)
			}
			assertSameSnapshot(t, snapshot(t, dir), before)
		})
	}
}

func TestCheckMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gen")
	got, err := Check(dir, []File{gen("b.go", ""), gen("a.go", "")})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if want := (Report{Created: []string{"a.go", "b.go"}}); !reflect.DeepEqual(got, want) {
		t.Errorf("Check report = %+v, want %+v", got, want)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Check created %s", dir)
	}
}

func TestCheckConflict(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "doc.go", "package gen\n")
	_, err := Check(dir, []File{gen("doc.go", "")})
	var conflict *ConflictError
	if !errors.As(err, &conflict) {
		t.Errorf("Check error = %v, want a *ConflictError", err)
	}
}

func TestReportChanged(t *testing.T) {
	tests := []struct {
		report Report
		want   bool
	}{
		{Report{}, false},
		{Report{Unchanged: []string{"a.go"}}, false},
		{Report{Created: []string{"a.go"}}, true},
		{Report{Updated: []string{"a.go"}}, true},
		{Report{Removed: []string{"a.go"}}, true},
	}
	for _, tt := range tests {
		if got := tt.report.Changed(); got != tt.want {
			t.Errorf("%+v.Changed() = %v, want %v", tt.report, got, tt.want)
		}
	}
}

func TestHasHeader(t *testing.T) {
	tests := []struct {
		content string
		want    bool
	}{
		{Header, true},
		{Header + "\n", true},
		{Header + "\npackage gen\n", true},
		{Header + "\r\npackage gen\r\n", true},
		{Header + "\r", false},
		{Header + " ", false},
		{" " + Header + "\n", false},
		{"// Code generated by other. DO NOT EDIT.\n", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasHeader([]byte(tt.content)); got != tt.want {
			t.Errorf("hasHeader(%q) = %v, want %v", tt.content, got, tt.want)
		}
	}
}
