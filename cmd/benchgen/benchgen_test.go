package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCountLinesCountsAnUnterminatedLastLine(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"\n", 1},
		{"a", 1},
		{"a\n", 1},
		{"a\nb", 2},
		{"a\nb\n", 2},
		{"\n\n\n", 3},
	}
	for _, tt := range tests {
		if got := countLines([]byte(tt.in)); got != tt.want {
			t.Errorf("countLines(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestCountGoCountsOnlyGoFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.go":         "package a\n\nfunc A() {}\n",
		"sub/b.go":     "package b",
		"README.md":    "not go\n",
		"sub/c.go.txt": "x\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := countGo(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := source{Files: 2, Lines: 4, Bytes: int64(len(files["a.go"]) + len(files["sub/b.go"]))}
	if got != want {
		t.Errorf("countGo = %+v, want %+v", got, want)
	}
}

func TestFormatTableAlignsColumns(t *testing.T) {
	rows := [][]string{
		{"figure", "ours", "theirs"},
		{"wall", "1.0 s", "—"},
		{"binary size", "12.3 MiB", "100 MiB"},
	}
	want := "" +
		"figure           ours   theirs\n" +
		"-----------  --------  -------\n" +
		"wall            1.0 s        —\n" +
		"binary size  12.3 MiB  100 MiB\n"
	if got := formatTable(rows); got != want {
		t.Errorf("formatTable got\n%s\nwant\n%s", got, want)
	}
}

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"seconds", seconds(85.34), "85.3 s"},
		{"bytes", bytesSize(912), "912 B"},
		{"KiB", bytesSize(1536), "1.50 KiB"},
		{"MiB", bytesSize(12_900_000), "12.3 MiB"},
		{"GiB", bytesSize(5_870_000_000), "5.47 GiB"},
		{"hundreds of MiB", bytesSize(300 << 20), "300 MiB"},
		{"thousands", thousands(1234567), "1,234,567"},
		{"small thousands", thousands(999), "999"},
		{"negative thousands", thousands(-1234), "-1,234"},
		{"ratio below one", ratio(1, 8), "0.125"},
		{"ratio above one", ratio(25, 2), "12.5"},
		{"ratio of nothing", ratio(1, 0), missing},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestTableRowsWithoutKiotaLeavesTheirColumnEmpty(t *testing.T) {
	r := report{Kiota: "v1.89.0"}
	r.Ours.Source = source{Files: 3, Lines: 10, Bytes: 100}
	for _, row := range tableRows(r)[1:] {
		if row[2] != missing || row[3] != missing {
			t.Errorf("row %q: Kiota cells = %q, %q, want %q", row[0], row[2], row[3], missing)
		}
	}
}

func TestTableRowsComparesSources(t *testing.T) {
	r := report{Kiota: "v1.89.0", Theirs: &side{Source: source{Files: 40}}}
	r.Ours.Source = source{Files: 10}
	for _, row := range tableRows(r) {
		if row[0] == "source files" {
			if row[1] != "10" || row[2] != "40" || row[3] != "0.25" {
				t.Errorf("source files row = %q, want 10, 40, 0.25", row)
			}
			return
		}
	}
	t.Fatal("no source files row")
}

func TestWarmProgramImportsOnlyImportablePackages(t *testing.T) {
	got := warmProgram([]string{
		"fmt", "internal/abi", "net/http", "vendor/golang.org/x/net/idna", "runtime/cgo",
	})
	for _, want := range []string{`_ "net/http"`, `_ "runtime/cgo"`, "\t\"fmt\"\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("warm program lacks %s:\n%s", want, got)
		}
	}
	for _, bad := range []string{"internal/abi", "vendor/", `_ "fmt"`} {
		if strings.Contains(got, bad) {
			t.Errorf("warm program imports %s:\n%s", bad, got)
		}
	}
}

func TestParseFlagsRequiresMetadata(t *testing.T) {
	var stderr strings.Builder
	if _, err := parseFlags(nil, &stderr); err == nil {
		t.Error("parseFlags(nil) succeeded, want an error about -metadata")
	}
	o, err := parseFlags([]string{"-metadata", "m.xml", "-keep"}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if o.metadata != "m.xml" || !o.keep || o.kiota != defaultKiota {
		t.Errorf("parseFlags = %+v", o)
	}
}
