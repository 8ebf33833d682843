package permissions

import (
	"slices"
	"strings"
	"testing"
)

// ruleNamed returns the rule called name or stops the test.
func ruleNamed(t *testing.T, name string) Rule {
	t.Helper()
	for _, r := range Rules() {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no rule %q", name)
	return Rule{}
}

func TestRulesOrder(t *testing.T) {
	want := []string{
		"query-condition", "absolute-path", "trailing-slash",
		"case-insensitive", "missing-slash-after-call", "missing-slash-before-key",
		"parenthesized-key", "any-key", "unqualified-operation", "parameter-names",
		"dropped-first-segment",
	}
	var got []string
	for _, r := range Rules() {
		got = append(got, r.Name)
		if r.Description == "" {
			t.Errorf("rule %s has no description", r.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Rules() = %v, want %v", got, want)
	}
}

func TestPathRules(t *testing.T) {
	tests := []struct {
		rule, in, want, rejected string
	}{
		{"query-condition", "/a?$filter=b eq 'c'", "", "query condition"},
		{"query-condition", "/a/b", "/a/b", ""},
		{"absolute-path", "a/b", "", "not an absolute path"},
		{"absolute-path", " /a", " /a", ""},
		{"trailing-slash", "/a/b/", "/a/b", ""},
		{"trailing-slash", " /a/b ", "/a/b", ""},
		{"trailing-slash", "/", "/", ""},
	}
	for _, tt := range tests {
		got, rejected := ruleNamed(t, tt.rule).path(tt.in)
		if got != tt.want || rejected != tt.rejected {
			t.Errorf("%s(%q) = %q, %q; want %q, %q", tt.rule, tt.in, got, rejected, tt.want, tt.rejected)
		}
	}
}

func TestSegmentRules(t *testing.T) {
	tests := []struct {
		rule, in string
		want     []string
	}{
		{"case-insensitive", "sharepointRestoreSessions", []string{"sharepointrestoresessions"}},
		{"case-insensitive", "sharePointRestoreSessions", []string{"sharepointrestoresessions"}},
		{"missing-slash-after-call", "itemat(index={value})range", []string{"itemat(index={value})", "range"}},
		{"missing-slash-after-call", "range(address={value})", []string{"range(address={value})"}},
		{"missing-slash-after-call", "f(a={x})'b'", []string{"f(a={x})'b'"}},
		{"missing-slash-before-key", "subjectrightsrequests{id}", []string{"subjectrightsrequests", "{id}"}},
		{"missing-slash-before-key", "{id}", []string{"{id}"}},
		{"missing-slash-before-key", "root:{id}", []string{"root:{id}"}},
		{"parenthesized-key", "workflows({id})", []string{"workflows", "{}"}},
		{"parenthesized-key", "ingest('{itemId}')", []string{"ingest", "{}"}},
		{"parenthesized-key", "(team-id)", []string{"{}"}},
		{"parenthesized-key", "sensordevices(deviceid='{id}')", []string{"sensordevices(deviceid='{id}')"}},
		{"parenthesized-key", "delta()", []string{"delta()"}},
		{"any-key", "{id}", []string{"{}"}},
		{"any-key", "{restoreSessionId}", []string{"{}"}},
		{"any-key", "{id}}", []string{"{}"}},
		{"any-key", "{id}:", []string{"{id}:"}},
		{"unqualified-operation", "microsoft.graph.activate", []string{"activate"}},
		{"unqualified-operation", "default.findbykbnumber(kbnumber={x})", []string{"findbykbnumber(kbnumber={x})"}},
		{"unqualified-operation", "f(q='a.b')", []string{"f(q='a.b')"}},
		{"unqualified-operation", "fileb.txt:", []string{"fileb.txt:"}},
		{"unqualified-operation", "activate", []string{"activate"}},
		{"parameter-names", "f(period='{period}')", []string{"f(period)"}},
		{"parameter-names", "f(to={value}, from={value})", []string{"f(from,to)"}},
		{"parameter-names", "f(q='a,b')", []string{"f(q)"}},
		{"parameter-names", "delta()", []string{"delta"}},
		{"parameter-names", "f({x})", []string{"f({x})"}},
	}
	for _, tt := range tests {
		got := ruleNamed(t, tt.rule).segment(tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s(%q) = %q, want %q", tt.rule, tt.in, got, tt.want)
		}
	}
}

func TestFallbackRules(t *testing.T) {
	tests := []struct {
		rule, in string
		want     string
		ok       bool
	}{
		{"dropped-first-segment", "solutions/backuprestore/x", "backuprestore/x", true},
		{"dropped-first-segment", "me/contacts", "", false},
		{"dropped-first-segment", "solutions", "", false},
	}
	for _, tt := range tests {
		got, ok := ruleNamed(t, tt.rule).fallback(strings.Split(tt.in, "/"))
		if strings.Join(got, "/") != tt.want || ok != tt.ok {
			t.Errorf("%s(%q) = %q, %v; want %q, %v", tt.rule, tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want, rejected string
	}{
		{"/solutions/backupRestore/restoreSessions/{restoreSessionId}/microsoft.graph.activate",
			"solutions/backuprestore/restoresessions/{}/activate", ""},
		{"/reports/microsoft.graph.getOffice365ActiveUserCounts(period='{period}')",
			"reports/getoffice365activeusercounts(period)", ""},
		{"/reports/getoffice365activeusercounts(period={value})",
			"reports/getoffice365activeusercounts(period)", ""},
		{"/teams/(team-id)/channels/{id}/messages", "teams/{}/channels/{}/messages", ""},
		{"/applications/{id}}/repair/", "applications/{}/repair", ""},
		{"/me/drive/root:/{id}:/content", "me/drive/root:/{id}:/content", ""},
		{"/", "", ""},
		{"/a?$filter=x", "", "query condition"},
		{"users", "", "not an absolute path"},
	}
	for _, tt := range tests {
		got, rejected := normalize(tt.in)
		if strings.Join(got, "/") != tt.want || rejected != tt.rejected {
			t.Errorf("normalize(%q) = %q, %q; want %q, %q", tt.in, got, rejected, tt.want, tt.rejected)
		}
	}
}

func TestParseAttributes(t *testing.T) {
	tests := []struct {
		in           string
		least        []Scheme
		alsoRequires []string
		unknown      int
	}{
		{"", nil, nil, 0},
		{"least=DelegatedWork,Application", []Scheme{DelegatedWork, Application}, nil, 0},
		{"least=Application;AlsoRequires=Policy.Read.All", []Scheme{Application}, []string{"Policy.Read.All"}, 0},
		{"AlsoRequires=A.Read, B.Read", nil, []string{"A.Read", "B.Read"}, 0},
		{"Least=DelegatedWork;note=x;", []Scheme{DelegatedWork}, nil, 1},
	}
	for _, tt := range tests {
		got := parseAttributes(tt.in)
		if !slices.Equal(got.least, tt.least) || !slices.Equal(got.alsoRequires, tt.alsoRequires) ||
			got.unknown != tt.unknown {
			t.Errorf("parseAttributes(%q) = %+v, want least %v, alsoRequires %v, unknown %d",
				tt.in, got, tt.least, tt.alsoRequires, tt.unknown)
		}
	}
}
