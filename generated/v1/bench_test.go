package v1_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	v1 "github.com/graphgen/graphgen/generated/v1"
)

// sessionPage returns a collection of n restore sessions as the service
// would send it: mostly exchange sessions, some of types this package did
// not generate, with identity sets, errors and 7-digit timestamps.
func sessionPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"restoreSessions":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		odataType := "#microsoft.graph.exchangeRestoreSession"
		if i%4 == 3 {
			odataType = "#microsoft.graph.sharePointRestoreSession"
		}
		fmt.Fprintf(&b, `{"@odata.type":%q,"@odata.etag":"W/\"%d\"","id":"session-%d","status":"completed",`+
			`"restoreJobType":"standard","createdDateTime":"2024-08-01T10:11:%02d.1234567Z",`+
			`"completedDateTime":"2024-08-01T12:00:00Z","lastModifiedDateTime":null,`+
			`"createdBy":{"user":{"id":"u-%d","displayName":"Megan Bowen"},"application":{"id":"app","displayName":"Backup"}},`+
			`"lastModifiedBy":{"@odata.type":"#microsoft.graph.sharePointIdentitySet","user":{"displayName":"Alex"}},`+
			`"error":{"code":"E%d","message":"Partly restored","details":[{"code":"D","message":"m","target":"t"}],`+
			`"innerError":{"code":"I","message":"inner"}},`+
			`"restoreSessionArtifactCount":{"total":%d,"completed":%d,"inProgress":0,"failed":1}}`,
			odataType, i, i, i%60, i, i, i+1, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

func TestSessionPageDecodes(t *testing.T) {
	var root v1.BackupRestoreRoot
	if err := json.Unmarshal(sessionPage(8), &root); err != nil {
		t.Fatal(err)
	}
	if len(root.RestoreSessions) != 8 {
		t.Fatalf("got %d sessions, want 8", len(root.RestoreSessions))
	}
	if _, ok := root.RestoreSessions[3].(*v1.RestoreSessionBase); !ok {
		t.Errorf("session 3 is %T, want the base type for a SharePoint session", root.RestoreSessions[3])
	}
}

// BenchmarkDecodeSessionPage decodes 1,000 sessions into the generated
// types.
func BenchmarkDecodeSessionPage(b *testing.B) {
	data := sessionPage(1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var root v1.BackupRestoreRoot
		if err := json.Unmarshal(data, &root); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeSessionPageMap decodes the same bytes into map[string]any,
// the floor for a decoder that keeps everything.
func BenchmarkDecodeSessionPageMap(b *testing.B) {
	data := sessionPage(1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
	}
}
