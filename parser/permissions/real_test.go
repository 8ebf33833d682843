package permissions

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// realDataDir is where the published files live, relative to this
// package: /work/shared/permissions next to the repository. The
// GRAPHGEN_PERMISSIONS_DIR environment variable overrides it.
func realDataDir() string {
	if dir := os.Getenv("GRAPHGEN_PERMISSIONS_DIR"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "shared", "permissions")
}

// loadReal loads the published files or skips the test when they are
// missing.
func loadReal(tb testing.TB) *Table {
	tb.Helper()
	perms := filepath.Join(realDataDir(), "permissions.json")
	prov := filepath.Join(realDataDir(), "provisioningInfo.json")
	for _, f := range []string{perms, prov} {
		if _, err := os.Stat(f); err != nil {
			tb.Skipf("published permissions data not found (%v); "+
				"put permissions.json and provisioningInfo.json there or set GRAPHGEN_PERMISSIONS_DIR", err)
		}
	}
	table, err := LoadFiles(perms, prov)
	if err != nil {
		tb.Fatal(err)
	}
	return table
}

// nameIDs renders permissions as "name id" pairs.
func nameIDs(list []Permission) []string {
	out := []string{}
	for _, p := range list {
		out = append(out, p.Name+" "+p.ID)
	}
	return out
}

const (
	restoreReadWork  = "BackupRestore-Restore.Read.All 94b36f78-434f-4904-8c08-421d9a9c1dc2"
	restoreReadApp   = "BackupRestore-Restore.Read.All 87853aa5-0372-4710-b34b-cef27bb7156e"
	restoreWriteWork = "BackupRestore-Restore.ReadWrite.All 9f89e109-94b9-4c9b-b4fc-98cdaa54f574"
	restoreWriteApp  = "BackupRestore-Restore.ReadWrite.All bebd0841-a3d8-4313-a51d-731112c8ee41"
	searchReadWork   = "BackupRestore-Search.Read.All 2b24830f-f435-446f-ab5a-b1e70d9a2eb5"
	searchReadApp    = "BackupRestore-Search.Read.All f6135c51-c766-4be1-9638-ed90c2ed2443"
	reportsReadWork  = "Reports.Read.All 02e97553-ed7b-43d0-ab3c-f8bace0d040c"
	reportsReadApp   = "Reports.Read.All 230c1aed-a721-4c5d-9cb4-a90514e508ef"
)

func TestLookupRealData(t *testing.T) {
	table := loadReal(t)
	tests := []struct {
		method, path string
		matched      bool
		published    []string
		fallback     string

		// Least and higher permissions for DelegatedWork and Application;
		// DelegatedPersonal is empty in every case.
		workLeast, workHigher, appLeast, appHigher []string
	}{
		{
			"GET", "/solutions/backupRestore/exchangeRestoreSessions", true,
			[]string{"/backupRestore/exchangeRestoreSessions"}, "dropped-first-segment",
			[]string{restoreReadWork}, []string{restoreWriteWork},
			[]string{restoreReadApp}, []string{restoreWriteApp},
		},
		{
			"POST", "/solutions/backupRestore/exchangeRestoreSessions", true,
			[]string{"/backupRestore/exchangeRestoreSessions"}, "dropped-first-segment",
			[]string{restoreWriteWork}, nil, []string{restoreWriteApp}, nil,
		},
		{
			// Published for the collection only, although PATCH applies to
			// one session; no rule adds a key, so only this form matches.
			"PATCH", "/solutions/backupRestore/exchangeRestoreSessions", true,
			[]string{"/backupRestore/exchangeRestoreSessions"}, "dropped-first-segment",
			[]string{restoreWriteWork}, nil, []string{restoreWriteApp}, nil,
		},
		{"PATCH", "/solutions/backupRestore/exchangeRestoreSessions/{id}", false, nil, "", nil, nil, nil, nil},
		{"POST", "/solutions/backupRestore/exchangeRestoreSessions/{id}", false, nil, "", nil, nil, nil, nil},
		{"GET", "/solutions/backupRestore/exchangeRestoreSessions/{id}", false, nil, "", nil, nil, nil, nil},
		{
			"GET", "/solutions/backupRestore/exchangeRestoreSessions/{id}/mailboxRestoreArtifacts", true,
			[]string{"/backupRestore/exchangeRestoreSessions/{restoreSessionId}/mailboxRestoreArtifacts"},
			"dropped-first-segment",
			[]string{restoreReadWork}, []string{restoreWriteWork},
			[]string{restoreReadApp}, []string{restoreWriteApp},
		},
		{
			"POST", "/solutions/backupRestore/restoreSessions/{id}/microsoft.graph.activate", true,
			[]string{"/backupRestore/restoreSessions/{restoreSessionId}/activate"}, "dropped-first-segment",
			[]string{restoreWriteWork}, nil, []string{restoreWriteApp}, nil,
		},
		{
			"POST", "/solutions/backupRestore/restorePoints/microsoft.graph.search", true,
			[]string{"/solutions/backupRestore/restorePoints/search"}, "",
			[]string{searchReadWork}, nil, []string{searchReadApp}, nil,
		},
		{
			// Published under /solutions and without it: the exact form wins.
			"GET", "/solutions/backupRestore/restorePoints", true,
			[]string{"/solutions/backupRestore/restorePoints"}, "",
			[]string{searchReadWork}, nil, []string{searchReadApp}, nil,
		},
		{
			"GET", "/solutions/backupRestore/sharePointRestoreSessions/{sessionId}/granularSiteRestoreArtifacts",
			true,
			[]string{
				"/solutions/backupRestore/sharepointRestoreSessions/{restoreSessionId}/granularSiteRestoreArtifacts",
			},
			"", []string{restoreWriteWork}, nil, []string{restoreWriteApp}, nil,
		},
		{
			"GET", "/reports/microsoft.graph.getOffice365ActiveUserCounts(period='{period}')", true,
			[]string{"/reports/getoffice365activeusercounts(period={value})"}, "",
			[]string{reportsReadWork}, nil, []string{reportsReadApp}, nil,
		},
	}
	for _, tt := range tests {
		res := table.Lookup(tt.method, tt.path)
		if res.Matched != tt.matched || res.Fallback != tt.fallback ||
			!slices.Equal(res.PublishedPaths, tt.published) {
			t.Errorf("Lookup(%q, %q) = matched %v via %q from %q; want %v via %q from %q",
				tt.method, tt.path, res.Matched, res.Fallback, res.PublishedPaths,
				tt.matched, tt.fallback, tt.published)
			continue
		}
		checks := []struct {
			part string
			got  []Permission
			want []string
		}{
			{"DelegatedWork.Least", res.DelegatedWork.Least, tt.workLeast},
			{"DelegatedWork.Higher", res.DelegatedWork.Higher, tt.workHigher},
			{"DelegatedPersonal", res.DelegatedPersonal.All(), nil},
			{"Application.Least", res.Application.Least, tt.appLeast},
			{"Application.Higher", res.Application.Higher, tt.appHigher},
		}
		for _, c := range checks {
			if got := nameIDs(c.got); !slices.Equal(got, c.want) && len(got)+len(c.want) > 0 {
				t.Errorf("Lookup(%q, %q).%s = %q, want %q", tt.method, tt.path, c.part, got, c.want)
			}
		}
	}
}

func TestMeIsNotUsersRealData(t *testing.T) {
	table := loadReal(t)
	has := func(list []Permission, name string) bool {
		return slices.ContainsFunc(list, func(p Permission) bool { return p.Name == name })
	}
	me := table.Lookup("POST", "/me/microsoft.graph.checkMemberGroups")
	user := table.Lookup("POST", "/users/{userId}/microsoft.graph.checkMemberGroups")
	if got := has(me.Application.All(), "User.Read.All"); got {
		t.Errorf("/me/checkMemberGroups Application has User.Read.All = %v, want false", got)
	}
	if got := has(user.Application.All(), "User.Read.All"); !got {
		t.Errorf("/users/{id}/checkMemberGroups Application has User.Read.All = %v, want true", got)
	}
}

func TestEveryPublishedPathFindsItselfRealData(t *testing.T) {
	table := loadReal(t)
	for _, p := range table.Paths() {
		for _, m := range p.Methods {
			res := table.Lookup(m, p.Path)
			if p.Rejected != "" {
				if res.Matched {
					t.Errorf("Lookup(%q, %q) matched a rejected path (%s)", m, p.Path, p.Rejected)
				}
				continue
			}
			if !res.Matched || res.Fallback != "" || !slices.Contains(res.PublishedPaths, p.Path) {
				t.Errorf("Lookup(%q, %q) = matched %v via %q from %q, want its own entry",
					m, p.Path, res.Matched, res.Fallback, res.PublishedPaths)
			}
		}
	}
}

func TestSummaryRealData(t *testing.T) {
	got := loadReal(t).Summary()
	if got.Permissions != 917 {
		t.Errorf("Summary().Permissions = %d, want 917", got.Permissions)
	}
	if got.RejectedPaths != 2 {
		t.Errorf("Summary().RejectedPaths = %d, want 2 (the two $filter paths)", got.RejectedPaths)
	}
	t.Log(got)
}

func BenchmarkLoadRealData(b *testing.B) {
	dir := realDataDir()
	perms, err := os.ReadFile(filepath.Join(dir, "permissions.json"))
	if err != nil {
		b.Skipf("published permissions data not found: %v", err)
	}
	prov, err := os.ReadFile(filepath.Join(dir, "provisioningInfo.json"))
	if err != nil {
		b.Skipf("published permissions data not found: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(perms, prov); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookupRealData(b *testing.B) {
	table := loadReal(b)
	b.ReportAllocs()
	for b.Loop() {
		table.Lookup("GET", "/solutions/backupRestore/exchangeRestoreSessions/{id}/mailboxRestoreArtifacts")
	}
}
