package beta_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generated/beta"
)

func TestRestorePointTagsFlagsWithEvolvableMember(t *testing.T) {
	var tags beta.RestorePointTags
	if err := json.Unmarshal([]byte(`"fastRestore,includeNewerItems"`), &tags); err != nil {
		t.Fatal(err)
	}

	if !tags.Has(beta.RestorePointTagsFastRestore) || !tags.Has(beta.RestorePointTagsIncludeNewerItems) {
		t.Errorf("Has: %q should hold both flags", tags)
	}
	if !beta.RestorePointTagsIncludeNewerItems.IsEvolvable() || beta.RestorePointTagsFastRestore.IsEvolvable() {
		t.Error("includeNewerItems is declared after unknownFutureValue and is evolvable; fastRestore is not")
	}
	if got, want := tags.Without(beta.RestorePointTagsFastRestore), beta.RestorePointTagsIncludeNewerItems; got != want {
		t.Errorf("Without = %q, want %q", got, want)
	}
	if got, want := beta.RestorePointTagsNone.With(beta.RestorePointTagsFastRestore), beta.RestorePointTags("none,fastRestore"); got != want {
		t.Errorf("With = %q, want %q", got, want)
	}
	flags := tags.Flags()
	if diff := cmp.Diff([]beta.RestorePointTags{"fastRestore", "includeNewerItems"}, flags); diff != "" {
		t.Errorf("Flags (-want +got):\n%s", diff)
	}
}

func TestProtectionUnitBetaProperties(t *testing.T) {
	payload := `{"@odata.type":"#microsoft.graph.mailboxProtectionUnit","id":"pu-1","backupRetentionPeriodInDays":0,` +
		`"pendingRetentionPeriodChange":{"status":"scheduled","targetRetentionPeriodInDays":90,` +
		`"effectiveFromDateTime":"2026-09-01T00:00:00.0000001Z"}}`
	var pu beta.ProtectionUnitBase
	if err := json.Unmarshal([]byte(payload), &pu); err != nil {
		t.Fatal(err)
	}

	days, ok := pu.BackupRetentionPeriodInDays.Get()
	if !ok || days != 0 {
		t.Errorf("backupRetentionPeriodInDays = %d, %v; want an explicit 0", days, ok)
	}
	change := pu.PendingRetentionPeriodChange.OrZero()
	if change.TargetRetentionPeriodInDays.OrZero() != 90 || change.Status.OrZero().String() != "scheduled" {
		t.Errorf("pendingRetentionPeriodChange = %+v", change)
	}
	if got := change.EffectiveFromDateTime.OrZero().Time().Nanosecond(); got != 100 {
		t.Errorf("7th fractional digit lost: nanoseconds = %d, want 100", got)
	}
	if pu.ODataType != "#microsoft.graph.mailboxProtectionUnit" {
		t.Errorf("ODataType = %q", pu.ODataType)
	}

	out, err := json.Marshal(pu)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	json.Unmarshal([]byte(payload), &want)
	json.Unmarshal(out, &got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestCreateSessionOnBeta(t *testing.T) {
	var gotPath, gotBody string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		gotPath, gotBody = r.Method+" "+r.URL.Path, string(body)
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"id":"s-9","status":"draft"}`)
	}))
	defer srv.Close()
	client := beta.NewClient(srv.Client(), beta.WithBaseURL(srv.URL+"/beta"))

	session := &beta.ExchangeRestoreSession{}
	session.Status = beta.Value(beta.RestoreSessionStatusDraft)
	created, err := client.Solutions().BackupRestore().ExchangeRestoreSessions().Create(context.Background(), session, nil)
	if err != nil {
		t.Fatal(err)
	}

	if gotPath != "POST /beta/solutions/backupRestore/exchangeRestoreSessions" || gotBody != `{"status":"draft"}` {
		t.Errorf("server saw %s %s", gotPath, gotBody)
	}
	if created.ID.OrZero() != "s-9" {
		t.Errorf("created = %+v", created)
	}
}
