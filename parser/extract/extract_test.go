package extract_test

import (
	"testing"

	"github.com/graphgen/graphgen/parser/extract/extracttest"
)

const (
	v10Current     = "../../../shared/metadata/graph-v1.0-2026-08.xml"
	betaRestoreCut = "../../../shared/metadata/graph-beta-2026-08-restore-excerpt.xml"
	v10WithDocs    = "../../../shared/metadata/graph-v1.0-2023-05-descriptions.xml"
	v10Raw         = "../../../shared/metadata/graph-v1.0-2024-01-raw.xml"
)

func TestExtractIsFaithful(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		roots []string
		slow  bool
	}{
		{"v1.0 restore sessions", v10Current, []string{
			"microsoft.graph.exchangeRestoreSession",
			"/solutions/backupRestore/exchangeRestoreSessions",
			"/solutions/backupRestore/restoreSessions",
			"/solutions/backupRestore/restorePoints",
		}, false},
		{"v1.0 type root only", v10Current, []string{"microsoft.graph.exchangeRestoreSession"}, false},
		{"beta excerpt restore sessions", betaRestoreCut, []string{
			"microsoft.graph.exchangeRestoreSession",
			"/solutions/backupRestore/exchangeRestoreSessions",
		}, false},
		{"beta excerpt whole model", betaRestoreCut, nil, false},
		{"v1.0 whole model", v10Current, nil, true},
		{"v1.0 with descriptions, whole model", v10WithDocs, nil, true},
		{"v1.0 as served, whole model", v10Raw, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.slow && testing.Short() {
				t.Skip("whole-model extract of v1.0 is slow; run without -short")
			}
			extracttest.AssertFaithful(t, tt.file, tt.roots)
		})
	}
}
