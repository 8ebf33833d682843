package v1_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	v1 "github.com/graphgen/graphgen/generated/v1"
)

// sessionJSON is an exchangeRestoreSession as the service returns it, with
// an instance annotation, 7-digit fractional timestamps, identity sets, an
// error with details and an inner error, and a property the metadata does
// not know.
const sessionJSON = `{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#solutions/backupRestore/exchangeRestoreSessions/$entity",
  "@odata.etag": "W/\"JzEtRXhjaGFuZ2U=\"",
  "id": "a7b4b7e0-54d2-4c36-9b8c-1f3c2d7e9a10",
  "status": "completedWithError",
  "restoreJobType": "standard",
  "createdDateTime": "2024-08-01T10:11:12.1234567Z",
  "completedDateTime": "2024-08-01T11:00:00Z",
  "lastModifiedDateTime": null,
  "createdBy": {
    "user": {"id": "8c1c2b2e-9bd4-4d1e-8e0f-0d2b6a1f3c55", "displayName": "Megan Bowen"},
    "application": {"id": "1fec8e78-bce4-4aaf-ab1b-5451cc387264", "displayName": "Backup app"}
  },
  "lastModifiedBy": {
    "@odata.type": "#microsoft.graph.sharePointIdentitySet",
    "user": {"displayName": "Alex Wilber"},
    "siteUser": {"@odata.type": "#microsoft.graph.sharePointIdentity", "displayName": "Alex", "loginName": "i:0#.f|membership|alex@contoso.com"}
  },
  "error": {
    "code": "PartiallyRestored",
    "message": "Some mailboxes could not be restored.",
    "details": [{"code": "MailboxNotFound", "message": "Mailbox was removed.", "target": "mailbox-2"}],
    "innerError": {"code": "E42", "message": "inner", "details": [], "target": null}
  },
  "restoreSessionArtifactCount": {"total": 12, "completed": 10, "inProgress": 0, "failed": 2},
  "futureServerField": {"kept": [1, 2, 3]}
}`

func TestSessionDecodesAndReencodesLosslessly(t *testing.T) {
	var s v1.ExchangeRestoreSession
	if err := json.Unmarshal([]byte(sessionJSON), &s); err != nil {
		t.Fatal(err)
	}

	if got, want := s.ID.OrZero(), "a7b4b7e0-54d2-4c36-9b8c-1f3c2d7e9a10"; got != want {
		t.Errorf("ID = %q, want %q", got, want)
	}
	if got, want := s.Status.OrZero(), v1.RestoreSessionStatusCompletedWithError; got != want {
		t.Errorf("Status = %q, want %q", got, want)
	}
	created := s.CreatedDateTime.OrZero().Time()
	if want := time.Date(2024, 8, 1, 10, 11, 12, 123456700, time.UTC); !created.Equal(want) {
		t.Errorf("CreatedDateTime = %v, want %v", created, want)
	}
	if !s.LastModifiedDateTime.IsNull() {
		t.Errorf("LastModifiedDateTime: want explicit null, got %+v", s.LastModifiedDateTime)
	}
	if s.ODataType != "" {
		t.Errorf("ODataType = %q, want empty: the payload has none", s.ODataType)
	}

	user := s.CreatedBy.OrZero().AsIdentitySet().User.OrZero().AsIdentity()
	if got, want := user.DisplayName.OrZero(), "Megan Bowen"; got != want {
		t.Errorf("createdBy.user.displayName = %q, want %q", got, want)
	}
	sp, ok := s.LastModifiedBy.OrZero().(*v1.SharePointIdentitySet)
	if !ok {
		t.Fatalf("lastModifiedBy is %T, want *v1.SharePointIdentitySet", s.LastModifiedBy.OrZero())
	}
	if got := sp.SiteUser.OrZero().LoginName.OrZero(); got != "i:0#.f|membership|alex@contoso.com" {
		t.Errorf("lastModifiedBy.siteUser.loginName = %q", got)
	}

	e := s.Error.OrZero()
	if e.Code.OrZero() != "PartiallyRestored" || len(e.Details) != 1 || e.Details[0].Target.OrZero() != "mailbox-2" {
		t.Errorf("error = %+v", e)
	}
	if got := e.InnerError.OrZero().Code.OrZero(); got != "E42" {
		t.Errorf("error.innerError.code = %q, want E42", got)
	}
	count := s.RestoreSessionArtifactCount.OrZero()
	if count.Total.OrZero() != 12 || count.Failed.OrZero() != 2 || !count.InProgress.IsPresent() {
		t.Errorf("restoreSessionArtifactCount = %+v", count)
	}
	if _, ok := s.AdditionalData["@odata.etag"]; !ok {
		t.Errorf("@odata.etag not kept in AdditionalData: %v", s.AdditionalData)
	}

	assertSameJSON(t, sessionJSON, &s)
}

func TestEvolvableAndUnknownStatusRoundTrip(t *testing.T) {
	tests := []struct {
		status           string
		known, evolvable bool
		wantNumber       int64
	}{
		{status: "failed", known: true, evolvable: true, wantNumber: 6},
		{status: "active", known: true, wantNumber: 2},
		{status: "someFutureStatus"},
	}
	for _, tc := range tests {
		payload := `{"@odata.type":"#microsoft.graph.exchangeRestoreSession","id":"1","status":"` + tc.status + `"}`
		var s v1.ExchangeRestoreSession
		if err := json.Unmarshal([]byte(payload), &s); err != nil {
			t.Fatalf("%s: %v", tc.status, err)
		}
		status := s.Status.OrZero()
		if string(status) != tc.status || status.IsKnown() != tc.known || status.IsEvolvable() != tc.evolvable {
			t.Errorf("%s: got %q known=%v evolvable=%v", tc.status, status, status.IsKnown(), status.IsEvolvable())
		}
		if n, _ := status.Number(); n != tc.wantNumber {
			t.Errorf("%s: Number() = %d, want %d", tc.status, n, tc.wantNumber)
		}
		assertSameJSON(t, payload, &s)
	}
}

func TestRestoreSessionStatusMembers(t *testing.T) {
	var got []string
	for _, m := range v1.RestoreSessionStatusValues() {
		got = append(got, m.String())
	}
	want := []string{"draft", "activating", "active", "completedWithError", "completed", "unknownFutureValue", "failed"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RestoreSessionStatusValues (-want +got):\n%s", diff)
	}
}

// sessionListJSON is a page of restoreSessionBase values of several types:
// an exchange session (generated), a OneDrive session (derived from
// restoreSessionBase but not generated in this area) and a type no
// metadata knows.
const sessionListJSON = `[
  {"@odata.type": "#microsoft.graph.exchangeRestoreSession", "id": "ex-1", "status": "active"},
  {"@odata.type": "#microsoft.graph.oneDriveForBusinessRestoreSession", "id": "od-1", "status": "draft",
   "driveRestoreArtifacts": [{"id": "d-1"}]},
  {"@odata.type": "#microsoft.graph.someFutureRestoreSession", "id": "fx-1", "status": "someFutureStatus", "extra": true}
]`

func TestPolymorphicSessionListFallsBackToNearestGeneratedBase(t *testing.T) {
	var b v1.BackupRestoreRoot
	payload := `{"id":"root","restoreSessions":` + sessionListJSON + `}`
	if err := json.Unmarshal([]byte(payload), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.RestoreSessions) != 3 {
		t.Fatalf("got %d sessions, want 3", len(b.RestoreSessions))
	}

	if _, ok := b.RestoreSessions[0].(*v1.ExchangeRestoreSession); !ok {
		t.Errorf("item 0 is %T, want *v1.ExchangeRestoreSession", b.RestoreSessions[0])
	}
	for i, wantType := range []string{"#microsoft.graph.oneDriveForBusinessRestoreSession", "#microsoft.graph.someFutureRestoreSession"} {
		base, ok := b.RestoreSessions[i+1].(*v1.RestoreSessionBase)
		if !ok {
			t.Fatalf("item %d is %T, want *v1.RestoreSessionBase", i+1, b.RestoreSessions[i+1])
		}
		if base.ODataType != wantType {
			t.Errorf("item %d ODataType = %q, want %q", i+1, base.ODataType, wantType)
		}
	}
	assertSameJSON(t, payload, &b)
}

func TestDerivedValueInBaseSlotWritesODataType(t *testing.T) {
	session := &v1.ExchangeRestoreSession{}
	session.ID = v1.Value("new")
	root := v1.BackupRestoreRoot{RestoreSessions: []v1.AnyRestoreSessionBase{session}}

	got, err := json.Marshal(root)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"restoreSessions":[{"@odata.type":"#microsoft.graph.exchangeRestoreSession","id":"new"}]}`
	assertSameJSON(t, want, json.RawMessage(got))
}

func TestPatchBodySendsExactlyWhatWasSet(t *testing.T) {
	var patch v1.ExchangeRestoreSession
	patch.Error = v1.Null[*v1.PublicError]()
	patch.Status = v1.Value(v1.RestoreSessionStatusActivating)
	count := &v1.RestoreSessionArtifactCount{Failed: v1.Value(int32(0))}
	patch.RestoreSessionArtifactCount = v1.Value(count)

	got, err := json.Marshal(patch)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"error":null,"status":"activating","restoreSessionArtifactCount":{"failed":0}}`
	assertSameJSON(t, want, json.RawMessage(got))
}

func TestDecodingMatchesNamesExactly(t *testing.T) {
	var s v1.ExchangeRestoreSession
	if err := json.Unmarshal([]byte(`{"ID":"upper","Status":"active"}`), &s); err != nil {
		t.Fatal(err)
	}
	if s.ID.IsPresent() || s.Status.IsPresent() {
		t.Errorf("keys that differ in case filled fields: ID=%+v Status=%+v", s.ID, s.Status)
	}
	if len(s.AdditionalData) != 2 {
		t.Errorf("AdditionalData = %v, want the two keys kept", s.AdditionalData)
	}
}

// assertSameJSON compares want with the encoding of v as JSON values, so
// member order and white space do not matter.
func assertSameJSON(t *testing.T, want string, v any) {
	t.Helper()
	got, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	var wantValue, gotValue any
	if err := json.Unmarshal([]byte(want), &wantValue); err != nil {
		t.Fatalf("want is not JSON: %v", err)
	}
	if err := json.Unmarshal(got, &gotValue); err != nil {
		t.Fatalf("encoding is not JSON: %v\n%s", err, got)
	}
	if diff := cmp.Diff(wantValue, gotValue); diff != "" {
		t.Errorf("re-encoded JSON differs (-want +got):\n%s", diff)
	}
}

func TestUnmarshalAnyDecodesOutsideTheClient(t *testing.T) {
	s, err := v1.UnmarshalAnyRestoreSessionBase([]byte(`{"@odata.type":"#microsoft.graph.exchangeRestoreSession","id":"n-1"}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*v1.ExchangeRestoreSession); !ok || s.AsRestoreSessionBase().ID.OrZero() != "n-1" {
		t.Errorf("got %#v, want an *ExchangeRestoreSession with id n-1", s)
	}

	s, err = v1.UnmarshalAnyRestoreSessionBase([]byte(`null`))
	if err != nil || s != nil {
		t.Errorf("null: got %v, %v; want nil, nil", s, err)
	}
	if _, err := v1.UnmarshalAnyRestoreSessionBase([]byte(`[1,2]`)); err == nil ||
		!strings.Contains(err.Error(), "want a JSON object, got an array") {
		t.Errorf("array: error = %v", err)
	}
}

func TestNullLeavesAStructUnchanged(t *testing.T) {
	s := v1.ExchangeRestoreSession{}
	s.ID = v1.Value("kept")
	if err := json.Unmarshal([]byte(`null`), &s); err != nil {
		t.Fatal(err)
	}
	if s.ID.OrZero() != "kept" {
		t.Errorf("ID = %q, want kept", s.ID.OrZero())
	}
}
