package v1_test

import (
	"encoding/json"
	"testing"

	v1 "github.com/graphgen/graphgen/generated/v1"
)

// FuzzDecodeRestoreRoot decodes arbitrary bytes into the generated types:
// it must never panic, and whatever decodes must encode again and decode
// to the same JSON.
func FuzzDecodeRestoreRoot(f *testing.F) {
	f.Add([]byte(sessionJSON))
	f.Add([]byte(`{"id":"root","restoreSessions":` + sessionListJSON + `}`))
	f.Add([]byte(`{"restoreSessions":[null,{"@odata.type":null}],"@odata.etag":"x"}`))
	f.Add([]byte(`{"id":"\u0041","id":"dup","status":"a,b","error":{"details":[{}]}}`))
	f.Add([]byte(`null`))

	f.Fuzz(func(t *testing.T, data []byte) {
		var root v1.BackupRestoreRoot
		if err := json.Unmarshal(data, &root); err != nil {
			return
		}
		first, err := json.Marshal(root)
		if err != nil {
			t.Fatalf("decoded %q but cannot encode it: %v", data, err)
		}
		var again v1.BackupRestoreRoot
		if err := json.Unmarshal(first, &again); err != nil {
			t.Fatalf("cannot decode our own encoding %s: %v", first, err)
		}
		second, err := json.Marshal(again)
		if err != nil {
			t.Fatal(err)
		}
		if string(first) != string(second) {
			t.Errorf("encoding is not stable:\n%s\n%s", first, second)
		}
	})
}
