package emitter

import "testing"

// TestExportedNameDigits covers the names with digits the published
// documents use: versions written with underscores and initialisms
// followed by a number.
func TestExportedNameDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"v10_0", "V10_0"},
		{"v1_00", "V1_00"},
		{"v4_0_3", "V4_0_3"},
		{"ssl3_0", "SSL3_0"},
		{"tls1_2", "TLS1_2"},
		{"pciVersion3_2_1", "PciVersion3_2_1"},
		{"ipv4", "Ipv4"},
		{"ip4Address", "IP4Address"},
		{"url2", "URL2"},
		{"x1080p", "X1080p"},
		{"1080p", "X1080p"},
		{"alerts_v2", "AlertsV2"},
		{"beta_Dist", "BetaDist"},
		{"id_token", "IDToken"},
		{"remote_Control_Software", "RemoteControlSoftware"},
	}
	for _, tt := range tests {
		if got := exportedName(tt.in); got != tt.want {
			t.Errorf("exportedName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
