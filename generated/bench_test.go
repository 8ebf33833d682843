package generated_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
)

// BenchmarkGenerateBackupRestore runs graphgen end to end for the Backup
// restore area of the full v1.0 document: read the file, parse and
// resolve, select the closure of the roots, emit the Go files.
func BenchmarkGenerateBackupRestore(b *testing.B) {
	path := filepath.Join(sharedMetadata, "graph-v1.0-2026-08.xml")
	if _, err := os.Stat(path); err != nil {
		b.Skipf("graph-v1.0-2026-08.xml is missing (expected in %s): %v", sharedMetadata, err)
	}
	roots := []string{
		"microsoft.graph.exchangeRestoreSession",
		"/solutions/backupRestore/exchangeRestoreSessions",
		"/solutions/backupRestore/restoreSessions",
		"/solutions/backupRestore/restorePoints",
	}
	b.ReportAllocs()
	for b.Loop() {
		model, err := parser.ParseFile(path)
		if err != nil {
			b.Fatal(err)
		}
		sel, err := model.Closure(roots, parser.DefaultDerivedPolicy)
		if err != nil {
			b.Fatal(err)
		}
		files, _, err := emitter.Generate(sel, emitter.Config{Package: "v1", BaseURL: "https://graph.microsoft.com/v1.0"})
		if err != nil {
			b.Fatal(err)
		}
		if len(files) == 0 {
			b.Fatal("no files")
		}
	}
}
