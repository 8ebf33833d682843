package v1_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	v1 "github.com/graphgen/graphgen/generated/v1"
)

// recorded is one request as the test server saw it.
type recorded struct {
	method, path, rawPath, query string
	header                       http.Header
	body                         string
}

// backupService plays the Backup restore endpoints: each route answers
// with a status and a body, and every request is recorded.
type backupService struct {
	t      *testing.T
	mu     sync.Mutex
	got    []recorded
	routes map[string]func(w http.ResponseWriter, r *http.Request)
}

func newBackupService(t *testing.T) (*backupService, *v1.Client) {
	t.Helper()
	s := &backupService{t: t, routes: map[string]func(http.ResponseWriter, *http.Request){}}
	srv := httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(srv.Close)
	client := v1.NewClient(srv.Client(), v1.WithBaseURL(srv.URL+"/v1.0"))
	return s, client
}

// on registers a response for "METHOD /escaped/path?query".
func (s *backupService) on(route string, status int, body string) {
	s.routes[route] = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

func (s *backupService) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.got = append(s.got, recorded{
		method: r.Method, path: r.URL.Path, rawPath: r.URL.EscapedPath(), query: r.URL.RawQuery,
		header: r.Header.Clone(), body: string(body),
	})
	s.mu.Unlock()

	route := r.Method + " " + r.URL.EscapedPath()
	if r.URL.RawQuery != "" {
		route += "?" + r.URL.RawQuery
	}
	h, ok := s.routes[route]
	if !ok {
		s.t.Errorf("unexpected request %s", route)
		http.Error(w, "no route", http.StatusTeapot)
		return
	}
	h(w, r)
}

// only returns the single recorded request, failing otherwise.
func (s *backupService) only() recorded {
	s.t.Helper()
	if len(s.got) != 1 {
		s.t.Fatalf("got %d requests, want 1: %+v", len(s.got), s.got)
	}
	return s.got[0]
}

const sessionsPath = "/v1.0/solutions/backupRestore/exchangeRestoreSessions"

func TestCreateExchangeRestoreSession(t *testing.T) {
	svc, client := newBackupService(t)
	svc.on("POST "+sessionsPath, http.StatusCreated,
		`{"@odata.context":"x","id":"s-1","status":"draft","createdDateTime":"2024-08-01T10:11:12.1234567Z"}`)

	body := &v1.ExchangeRestoreSession{}
	body.Status = v1.Value(v1.RestoreSessionStatusDraft)
	created, err := client.Solutions().BackupRestore().ExchangeRestoreSessions().Create(context.Background(), body, nil)
	if err != nil {
		t.Fatal(err)
	}

	req := svc.only()
	if req.method != http.MethodPost || req.path != sessionsPath || req.query != "" {
		t.Errorf("request = %s %s?%s", req.method, req.path, req.query)
	}
	if got, want := req.body, `{"status":"draft"}`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
	if got := req.header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q", got)
	}
	if created.ID.OrZero() != "s-1" || created.Status.OrZero() != v1.RestoreSessionStatusDraft {
		t.Errorf("created = %+v", created)
	}
}

func TestGetSessionWithSelectAndPrefer(t *testing.T) {
	svc, client := newBackupService(t)
	svc.on("GET "+sessionsPath+"/s-1?$select=id,status", http.StatusOK, `{"id":"s-1","status":"failed"}`)

	opts := &v1.QueryOptions{Select: []string{"id", "status"}}
	opts.IncludeUnknownEnumMembers = true
	s, err := client.Solutions().BackupRestore().ExchangeRestoreSessions().ByID("s-1").Get(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}

	req := svc.only()
	if got, want := req.header.Get("Prefer"), "include-unknown-enum-members"; got != want {
		t.Errorf("Prefer = %q, want %q", got, want)
	}
	if got := req.header.Get("Accept"); got != "application/json" {
		t.Errorf("Accept = %q", got)
	}
	if !s.Status.OrZero().IsEvolvable() {
		t.Errorf("status %q should be evolvable", s.Status.OrZero())
	}
}

func TestUpdateSessionSendsExplicitNull(t *testing.T) {
	svc, client := newBackupService(t)
	svc.on("PATCH "+sessionsPath+"/s-1", http.StatusNoContent, ``)

	patch := &v1.ExchangeRestoreSession{}
	patch.Error = v1.Null[*v1.PublicError]()
	got, err := client.Solutions().BackupRestore().ExchangeRestoreSessions().ByID("s-1").Update(context.Background(), patch, nil)
	if err != nil {
		t.Fatal(err)
	}

	req := svc.only()
	if req.method != http.MethodPatch || req.body != `{"error":null}` {
		t.Errorf("request = %s %s", req.method, req.body)
	}
	if got != nil {
		t.Errorf("Update returned %+v for 204, want nil", got)
	}
}

func TestListRestoreSessionsAcrossPages(t *testing.T) {
	svc, client := newBackupService(t)
	path := "/v1.0/solutions/backupRestore/restoreSessions"
	svc.routes["GET "+path+"?$filter=status%20eq%20%27active%27&$top=2"] = func(w http.ResponseWriter, r *http.Request) {
		next := "http://" + r.Host + path + "?$skiptoken=page2"
		io.WriteString(w, `{"@odata.nextLink":"`+next+`","value":[`+
			`{"@odata.type":"#microsoft.graph.exchangeRestoreSession","id":"ex-1"},`+
			`{"@odata.type":"#microsoft.graph.sharePointRestoreSession","id":"sp-1"}]}`)
	}
	svc.on("GET "+path+"?$skiptoken=page2", http.StatusOK,
		`{"value":[{"@odata.type":"#microsoft.graph.oneDriveForBusinessRestoreSession","id":"od-1"}]}`)

	opts := &v1.ListOptions{Filter: "status eq 'active'", Top: 2}
	var ids, types []string
	for s, err := range client.Solutions().BackupRestore().RestoreSessions().List(context.Background(), opts) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.AsRestoreSessionBase().ID.OrZero())
		types = append(types, typeName(s))
	}

	if got, want := strings.Join(ids, ","), "ex-1,sp-1,od-1"; got != want {
		t.Errorf("ids = %s, want %s", got, want)
	}
	if got, want := strings.Join(types, ","), "exchange,base,base"; got != want {
		t.Errorf("types = %s, want %s", got, want)
	}
	if len(svc.got) != 2 {
		t.Errorf("got %d requests, want 2", len(svc.got))
	}
}

func typeName(s v1.AnyRestoreSessionBase) string {
	switch s.(type) {
	case *v1.ExchangeRestoreSession:
		return "exchange"
	case *v1.RestoreSessionBase:
		return "base"
	}
	return "other"
}

func TestActivateSession(t *testing.T) {
	svc, client := newBackupService(t)
	svc.on("POST /v1.0/solutions/backupRestore/restoreSessions/s-1/activate", http.StatusOK,
		`{"@odata.type":"#microsoft.graph.exchangeRestoreSession","id":"s-1","status":"activating"}`)

	s, err := client.Solutions().BackupRestore().RestoreSessions().ByID("s-1").Activate(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}

	if req := svc.only(); req.body != "" {
		t.Errorf("activate sent a body: %q", req.body)
	}
	ex, ok := s.(*v1.ExchangeRestoreSession)
	if !ok || ex.Status.OrZero() != v1.RestoreSessionStatusActivating {
		t.Errorf("activate returned %#v", s)
	}
}

func TestMailboxRestoreArtifacts(t *testing.T) {
	svc, client := newBackupService(t)
	path := sessionsPath + "/s-1/mailboxRestoreArtifacts"
	svc.on("GET "+path, http.StatusOK,
		`{"value":[{"id":"a-1","restoredFolderName":"Restored","status":"added","restorePoint":null}]}`)
	svc.on("POST "+path, http.StatusCreated, `{"id":"a-2","status":"added"}`)
	artifacts := client.Solutions().BackupRestore().ExchangeRestoreSessions().ByID("s-1").MailboxRestoreArtifacts()

	var names []string
	for a, err := range artifacts.List(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, a.AsMailboxRestoreArtifact().RestoredFolderName.OrZero())
	}
	if len(names) != 1 || names[0] != "Restored" {
		t.Errorf("names = %v", names)
	}

	item := &v1.MailboxRestoreArtifact{}
	item.RestoredFolderID = v1.Value("folder-1")
	created, err := artifacts.Create(context.Background(), item, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := svc.got[1].body; got != `{"restoredFolderId":"folder-1"}` {
		t.Errorf("create body = %s", got)
	}
	if created.AsRestoreArtifactBase().ID.OrZero() != "a-2" {
		t.Errorf("created = %#v", created)
	}
}

func TestSearchRestorePoints(t *testing.T) {
	svc, client := newBackupService(t)
	svc.on("POST /v1.0/solutions/backupRestore/restorePoints/search", http.StatusOK,
		`{"searchResponseId":"r-1","searchResults":[{"artifactHitCount":3,"restorePoint":{"id":"rp-1"}}]}`)

	params := &v1.RestorePointSearchParams{
		ProtectionUnitIDs:      []string{"pu-1"},
		RestorePointPreference: v1.Value(v1.RestorePointPreferenceLatest),
		Tags:                   v1.Value(v1.RestorePointTagsFastRestore),
	}
	resp, err := client.Solutions().BackupRestore().RestorePoints().Search(context.Background(), params, nil)
	if err != nil {
		t.Fatal(err)
	}

	want := `{"protectionUnitIds":["pu-1"],"restorePointPreference":"latest","tags":"fastRestore"}`
	if got := svc.only().body; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
	results := resp.SearchResults
	if resp.SearchResponseID.OrZero() != "r-1" || len(results) != 1 || results[0].ArtifactHitCount.OrZero() != 3 {
		t.Errorf("response = %+v", resp)
	}
}

func TestNotFoundReturnsODataError(t *testing.T) {
	svc, client := newBackupService(t)
	svc.on("GET "+sessionsPath+"/missing", http.StatusNotFound, `{"error":{"code":"itemNotFound",`+
		`"message":"The restore session was not found.","innerError":{"date":"2024-08-01T10:11:12",`+
		`"request-id":"5e0f1c3a-0000-4000-8000-000000000001","client-request-id":"c-1"}}}`)

	_, err := client.Solutions().BackupRestore().ExchangeRestoreSessions().ByID("missing").Get(context.Background(), nil)

	var gerr *v1.Error
	if !errors.As(err, &gerr) {
		t.Fatalf("error %v is not a *v1.Error", err)
	}
	if gerr.StatusCode != http.StatusNotFound || gerr.Code != "itemNotFound" {
		t.Errorf("error = %d %s", gerr.StatusCode, gerr.Code)
	}
	if gerr.InnerError == nil || gerr.InnerError.RequestID != "5e0f1c3a-0000-4000-8000-000000000001" {
		t.Errorf("innerError = %+v", gerr.InnerError)
	}
	svc.only()
}

func TestKeysAreEscapedIntoOneSegment(t *testing.T) {
	svc, client := newBackupService(t)
	key := "a/b?c#d%e'f g-é"
	escaped := "a%2Fb%3Fc%23d%25e%27f%20g-%C3%A9"
	svc.on("DELETE "+sessionsPath+"/"+escaped, http.StatusNoContent, ``)

	err := client.Solutions().BackupRestore().ExchangeRestoreSessions().ByID(key).Delete(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}

	req := svc.only()
	if req.path != sessionsPath+"/"+key || req.query != "" {
		t.Errorf("server saw path %q query %q", req.path, req.query)
	}
}
