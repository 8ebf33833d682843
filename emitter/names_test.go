package emitter

import (
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExportedName(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"id", "ID"},
		{"Id", "ID"},
		{"ID", "ID"},
		{"displayName", "DisplayName"},
		{"webUrl", "WebURL"},
		{"odataType", "ODataType"},
		{"@odata.type", "ODataType"},
		{"IPAddress", "IPAddress"},
		{"ipAddress", "IPAddress"},
		{"ipv4Address", "Ipv4Address"},
		{"userIDs", "UserIDs"},
		{"HTTPSConnection", "HTTPSConnection"},
		{"iOSDevice", "IOSDevice"},
		{"3dModel", "X3dModel"},
		{"1080p", "X1080p"},
		{"web_url", "WebURL"},
		{"snake_case_name", "SnakeCaseName"},
		{"x-ms-client-request-id", "XMsClientRequestID"},
		{"URL", "URL"},
		{"ETAG", "ETAG"},
		{"EXTRA_LONG_NAME", "EXTRALONGNAME"},
		{"type", "Type"},
		{"package", "Package"},
		{"größe", "Größe"},
		{"", "X"},
		{"_", "X"},
	}
	for _, tt := range tests {
		got := exportedName(tt.in)
		if got != tt.want {
			t.Errorf("exportedName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !token.IsExported(got) || !token.IsIdentifier(got) {
			t.Errorf("exportedName(%q) = %q is not an exported identifier", tt.in, got)
		}
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"userPrincipalName", []string{"user", "Principal", "Name"}},
		{"IPAddress", []string{"IP", "Address"}},
		{"web_url", []string{"web", "url"}},
		{"model3D", []string{"model3", "D"}},
		{"a.b-c", []string{"a", "b", "c"}},
		{"__", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, splitWords(tt.in)); diff != "" {
			t.Errorf("splitWords(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestScopeClaimsTheSmallestFreeSuffix(t *testing.T) {
	s := newScope("Error", "Client")
	var got []string
	for _, name := range []string{"Error", "Item", "Item", "Error", "Item2", "Item"} {
		got = append(got, s.claim(name))
	}
	want := []string{"Error2", "Item", "Item2", "Error3", "Item22", "Item3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}

	child := s.child()
	if got := child.claim("Item"); got != "Item4" {
		t.Errorf("child claim Item = %q, want Item4", got)
	}
	if s.has("Item4") {
		t.Errorf("a claim in the child scope changed the parent")
	}
	if !s.has("Client") || s.has("Other") {
		t.Errorf("has: reserved names wrong")
	}
}
