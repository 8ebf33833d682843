package fetch

import "testing"

func TestMetadataURL(t *testing.T) {
	tests := []struct {
		base, version string
		want          string
		wantErr       bool
	}{
		{"", "v1.0", "https://graph.microsoft.com/v1.0/$metadata", false},
		{"", "beta", "https://graph.microsoft.com/beta/$metadata", false},
		{"https://graph.microsoft.com/", "v1.0", "https://graph.microsoft.com/v1.0/$metadata", false},
		{"http://127.0.0.1:8080/graph", "beta", "http://127.0.0.1:8080/graph/beta/$metadata", false},
		{"", "v2.0", "", true},
		{"", "", "", true},
		{"ftp://example.com", "v1.0", "", true},
		{"graph.microsoft.com", "v1.0", "", true},
		{"https://graph.microsoft.com?x=1", "v1.0", "", true},
		{"https://user@graph.microsoft.com", "v1.0", "", true},
		{"https://%zz", "v1.0", "", true},
	}
	for _, tt := range tests {
		got, err := MetadataURL(tt.base, tt.version)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("MetadataURL(%q, %q) = %q, %v; want %q, error %v",
				tt.base, tt.version, got, err, tt.want, tt.wantErr)
		}
	}
}
