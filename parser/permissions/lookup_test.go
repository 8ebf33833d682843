package permissions

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// loadFixture loads the hand-written files in testdata.
func loadFixture(t testing.TB) *Table {
	t.Helper()
	table, err := LoadFiles(
		filepath.Join("testdata", "permissions.json"),
		filepath.Join("testdata", "provisioningInfo.json"),
	)
	if err != nil {
		t.Fatal(err)
	}
	return table
}

// describe renders permissions as Name[id](level){alsoRequires}, with a
// star for a least claim, so tests compare readable strings.
func describe(list []Permission) []string {
	out := []string{}
	for _, p := range list {
		s := fmt.Sprintf("%s[%s](%d)", p.Name, strings.TrimLeft(p.ID, "0-"), p.PrivilegeLevel)
		if len(p.AlsoRequires) > 0 {
			s += "{" + strings.Join(p.AlsoRequires, ",") + "}"
		}
		if p.ClaimedLeast {
			s += "*"
		}
		out = append(out, s)
	}
	return out
}

// schemeWant is the expected Least and Higher of one scheme.
type schemeWant struct {
	least, higher []string
}

func checkScheme(t *testing.T, res Result, s Scheme, want schemeWant) {
	t.Helper()
	got := res.For(s)
	if g, w := describe(got.Least), want.least; !slices.Equal(g, w) && len(g)+len(w) > 0 {
		t.Errorf("%s %s %s Least = %q, want %q", res.Method, res.Path, s, g, w)
	}
	if g, w := describe(got.Higher), want.higher; !slices.Equal(g, w) && len(g)+len(w) > 0 {
		t.Errorf("%s %s %s Higher = %q, want %q", res.Method, res.Path, s, g, w)
	}
}

func TestLookupFixture(t *testing.T) {
	table := loadFixture(t)
	tests := []struct {
		name, method, path string
		matched            bool
		published          []string
		fallback           string
		schemes            map[Scheme]schemeWant
	}{
		{
			name:   "least conflict settled by privilege level; aliases merged",
			method: "GET", path: "/widgets",
			matched: true, published: []string{"/WIDGETS", "/widgets"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork: {
					least: []string{"Widget.Read.All[1](1)*"},
					higher: []string{
						"Widget.ReadWrite.All[3](2)*",
						"Widget.Manage.All[](0){Directory.Read.All,Group.Read.All,Widget.Read.All}",
					},
				},
				DelegatedPersonal: {least: []string{"Widget.Read.All[](1)*"}},
				Application: {
					least: []string{"Widget.Read.All[2](3)*"},
					higher: []string{
						"Widget.Manage.All[6](4){Directory.Read.All,Group.Read.All,Widget.Read.All}",
						"Widget.ReadWrite.All[4](4)*",
					},
				},
			},
		},
		{
			name:   "named key, lower-case method, case-insensitive segments",
			method: "get", path: "/widgets/{widgetId}",
			matched: true, published: []string{"/Widgets/{widgetId}", "/widgets/{id}"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork: {
					least:  []string{"Widget.Read.All[1](1)*"},
					higher: []string{"Widget.ReadWrite.All[3](2)"},
				},
				DelegatedPersonal: {higher: []string{"Widget.Read.All[](1)"}},
				Application: {
					least:  []string{"Widget.Read.All[2](3)*"},
					higher: []string{"Widget.ReadWrite.All[4](4)"},
				},
			},
		},
		{
			name:   "tie settled by breadth, remaining tie kept",
			method: "GET", path: "/gadgets",
			matched: true, published: []string{"/gadgets"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork: {
					least:  []string{"Gadget.List[9](2)*", "Gadget.ReadBasic[8](2)*"},
					higher: []string{"Gadget.Read[7](2)*"},
				},
			},
		},
		{
			name:   "qualified action matches bare name, AlsoRequires kept",
			method: "POST", path: "/widgets/{id}/microsoft.graph.activate",
			matched: true, published: []string{"/widgets/{id}/microsoft.graph.activate"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork: {least: []string{"Widget.ReadWrite.All[3](2){Policy.Read.All}*"}},
				Application:   {higher: []string{"Widget.ReadWrite.All[4](4){Policy.Read.All}"}},
			},
		},
		{
			name:   "bare action matches qualified published name",
			method: "PATCH", path: "/widgets/{key}/activate",
			matched: true, published: []string{"/widgets/{id}/microsoft.graph.activate"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork: {least: []string{"Widget.ReadWrite.All[3](2){Policy.Read.All}*"}},
				Application:   {higher: []string{"Widget.ReadWrite.All[4](4){Policy.Read.All}"}},
			},
		},
		{
			name:   "function by parameter names",
			method: "GET", path: "/reports/microsoft.graph.getWidgetCounts(period='{period}')",
			matched: true, published: []string{"/reports/getwidgetcounts(period={value})"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork:     {least: []string{"Widget.Read.All[1](1)*"}},
				DelegatedPersonal: {higher: []string{"Widget.Read.All[](1)"}},
				Application:       {least: []string{"Widget.Read.All[2](3)*"}},
			},
		},
		{
			name:   "function parameters in another order, other namespace",
			method: "GET", path: "/reports/microsoft.graph.getWidgetTrend(to={to},from={from})",
			matched: true, published: []string{"/reports/Default.getWidgetTrend(from={value}, to={value})"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork:     {least: []string{"Widget.Read.All[1](1)*"}},
				DelegatedPersonal: {higher: []string{"Widget.Read.All[](1)"}},
				Application:       {least: []string{"Widget.Read.All[2](3)*"}},
			},
		},
		{name: "function with other parameters", method: "GET", path: "/reports/getWidgetCounts(date={date})"},
		{name: "function without parameters", method: "GET", path: "/reports/getWidgetCounts()"},
		{
			name:   "exact match preferred over dropped first segment",
			method: "GET", path: "/solutions/containers/gadgets",
			matched: true, published: []string{"/solutions/containers/gadgets"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork: {least: []string{"Widget.ReadWrite.All[3](2)*"}},
				Application:   {least: []string{"Widget.ReadWrite.All[4](4)*"}},
			},
		},
		{
			name:   "dropped first segment",
			method: "GET", path: "/other/containers/gadgets",
			matched: true, published: []string{"/containers/gadgets"}, fallback: "dropped-first-segment",
			schemes: map[Scheme]schemeWant{
				DelegatedWork:     {least: []string{"Widget.Read.All[1](1)*"}},
				DelegatedPersonal: {higher: []string{"Widget.Read.All[](1)"}},
				Application:       {least: []string{"Widget.Read.All[2](3)*"}},
			},
		},
		{name: "dropped first segment is per method", method: "POST", path: "/solutions/containers/gadgets"},
		{name: "me is never dropped", method: "GET", path: "/me/things"},
		{name: "me is not users", method: "GET", path: "/users/{id}/things"},
		{
			name: "parenthesized key", method: "GET", path: "/teams/{teamId}/channels",
			matched: true, published: []string{"/teams/(team-id)/channels"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork:     {least: []string{"Widget.Read.All[1](1)*"}},
				DelegatedPersonal: {higher: []string{"Widget.Read.All[](1)"}},
				Application:       {higher: []string{"Widget.Read.All[2](3)"}},
			},
		},
		{
			name: "key in parentheses after a name", method: "GET", path: "/workflows/{id}/preview",
			matched: true, published: []string{"/workflows({id})/preview"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork:     {least: []string{"Widget.Read.All[1](1)*"}},
				DelegatedPersonal: {higher: []string{"Widget.Read.All[](1)"}},
				Application:       {higher: []string{"Widget.Read.All[2](3)"}},
			},
		},
		{
			name: "key glued to a name", method: "GET", path: "/subjects/{id}/report",
			matched: true, published: []string{"/subjects{subjectId}/report"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork:     {least: []string{"Widget.Read.All[1](1)*"}},
				DelegatedPersonal: {higher: []string{"Widget.Read.All[](1)"}},
				Application:       {higher: []string{"Widget.Read.All[2](3)"}},
			},
		},
		{
			name: "segment glued to a call", method: "GET", path: "/sheets/{id}/rows/itemAt(index={index})/range",
			matched: true, published: []string{"/sheets/{id}/rows/itemat(index={value})range"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork:     {least: []string{"Widget.Read.All[1](1)*"}},
				DelegatedPersonal: {higher: []string{"Widget.Read.All[](1)"}},
				Application:       {higher: []string{"Widget.Read.All[2](3)"}},
			},
		},
		{
			name: "malformed key and trailing slash", method: "POST", path: "/applications/{id}/repair/",
			matched: true, published: []string{"/applications/{id}}/repair"},
			schemes: map[Scheme]schemeWant{
				DelegatedWork: {least: []string{"Widget.ReadWrite.All[3](2)*"}},
				Application:   {least: []string{"Widget.ReadWrite.All[4](4)*"}},
			},
		},
		{name: "query-conditioned path never matches", method: "GET", path: "/widgets?$filter=color eq 'red'"},
		{name: "unknown method", method: "PUT", path: "/widgets"},
		{name: "relative path", method: "GET", path: "widgets"},
		{name: "unpublished path", method: "GET", path: "/widgets/{id}/parts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := table.Lookup(tt.method, tt.path)
			if res.Matched != tt.matched || res.Fallback != tt.fallback ||
				!slices.Equal(res.PublishedPaths, tt.published) {
				t.Fatalf("Lookup(%q, %q) = matched %v via %q from %q; want %v via %q from %q",
					tt.method, tt.path, res.Matched, res.Fallback, res.PublishedPaths,
					tt.matched, tt.fallback, tt.published)
			}
			for _, s := range Schemes {
				checkScheme(t, res, s, tt.schemes[s])
			}
		})
	}
}

func TestLookupReturnsCopies(t *testing.T) {
	table := loadFixture(t)
	first := table.Lookup("GET", "/widgets")
	first.DelegatedWork.Least[0].Name = "changed"
	first.PublishedPaths[0] = "changed"
	second := table.Lookup("GET", "/widgets")
	if got := second.DelegatedWork.Least[0].Name; got != "Widget.Read.All" {
		t.Errorf("after changing a result, Least[0].Name = %q, want %q", got, "Widget.Read.All")
	}
	if got := second.PublishedPaths[0]; got != "/WIDGETS" {
		t.Errorf("after changing a result, PublishedPaths[0] = %q, want %q", got, "/WIDGETS")
	}
}

func TestPathsFixture(t *testing.T) {
	table := loadFixture(t)
	want := map[string]PublishedPath{
		"/sponsors/": {Path: "/sponsors/", Methods: []string{"GET"}, Normalized: "/sponsors"},
		"/widgets":   {Path: "/widgets", Methods: []string{"GET", "PATCH", "POST"}, Normalized: "/widgets"},
		"/widgets?$filter=color eq 'red'": {
			Path: "/widgets?$filter=color eq 'red'", Methods: []string{"GET"}, Rejected: "query condition",
		},
	}
	paths := table.Paths()
	if !slices.IsSortedFunc(paths, func(a, b PublishedPath) int { return strings.Compare(a.Path, b.Path) }) {
		t.Errorf("Paths() is not sorted by path")
	}
	for _, p := range paths {
		w, ok := want[p.Path]
		if !ok {
			continue
		}
		delete(want, p.Path)
		if p.Normalized != w.Normalized || p.Rejected != w.Rejected || !slices.Equal(p.Methods, w.Methods) {
			t.Errorf("Paths() entry %q = %+v, want %+v", p.Path, p, w)
		}
	}
	for path := range want {
		t.Errorf("Paths() lacks %q", path)
	}
}

func TestSummaryFixture(t *testing.T) {
	got := loadFixture(t).Summary()
	want := Summary{
		Permissions:       6,
		PublishedPaths:    19,
		RejectedPaths:     1,
		Entries:           20,
		Grants:            59,
		LeastConflicts:    3,
		LeastTies:         1,
		MissingIDs:        2,
		FoldedIDs:         2,
		UnknownAttributes: 1,
	}
	if got != want {
		t.Errorf("Summary() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "provisioningInfo.json"))
	if err != nil {
		t.Fatal(err)
	}
	perms := func(pathSet string) []byte {
		return []byte(`{"permissions": {"A.Read": {"schemes": {}, "pathSets": [` + pathSet + `]}}}`)
	}
	tests := []struct {
		name              string
		permissions, prov []byte
		want              string
	}{
		{"malformed permissions", []byte("{\n  \"permissions\": [}"), good,
			"permissions.json:2:19: invalid character '}' looking for beginning of value"},
		{"wrong type", []byte(`{"permissions": []}`), good,
			"permissions.json:1:17: permissions: found array, want object"},
		{"no permissions", []byte(`{}`), good, "permissions.json: no permissions"},
		{"wrong nested type", perms(`{"schemeKeys": ["Application"], "methods": "GET"}`), good,
			"permissions.json:1:104: permissions.pathSets.methods: found string, want array"},
		{"unknown scheme", perms(`{"schemeKeys": ["Delegated"], "methods": ["GET"], "paths": {}}`), good,
			`permissions.json: permission A.Read / pathSets[0]: unknown scheme "Delegated"`},
		{"unknown method", perms(`{"schemeKeys": ["Application"], "methods": ["HEAD"], "paths": {}}`), good,
			`permissions.json: permission A.Read / pathSets[0]: unknown method "HEAD"`},
		{"malformed provisioning", perms(``), []byte(`{`),
			"provisioningInfo.json:1:1: unexpected end of JSON input"},
		{"no deployments", perms(``), []byte(`{}`), "provisioningInfo.json: no permissionDeployments"},
	}
	for _, tt := range tests {
		_, err := Load(tt.permissions, tt.prov)
		var loadErr *Error
		if !errors.As(err, &loadErr) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: Load error = %v, want *Error starting with %q", tt.name, err, tt.want)
		}
	}
}

func TestLoadFilesNamesFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "permissions.json")
	_, err := LoadFiles(missing, filepath.Join("testdata", "provisioningInfo.json"))
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadFiles(%q) error = %v, want one naming the file", missing, err)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = LoadFiles(filepath.Join("testdata", "permissions.json"), bad)
	if err == nil || !strings.HasPrefix(err.Error(), bad+":") {
		t.Errorf("LoadFiles with %q error = %v, want one starting with the file name", bad, err)
	}
}
