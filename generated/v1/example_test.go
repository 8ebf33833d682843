package v1_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	v1 "github.com/graphgen/graphgen/generated/v1"
)

// exampleServer stands in for graph.microsoft.com so that the examples
// run: it answers each "METHOD path?query" with a JSON body.
func exampleServer(responses map[string]string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Method + " " + r.URL.EscapedPath()
		if r.URL.RawQuery != "" {
			key += "?" + r.URL.RawQuery
		}
		body, ok := responses[key]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"error":{"code":"itemNotFound","message":"no such session"}}`)
			return
		}
		io.WriteString(w, body)
	}))
}

// A client needs an *http.Client whose transport adds the access token;
// the base URL is only changed for national clouds and tests.
func ExampleNewClient() {
	srv := exampleServer(map[string]string{
		"GET /v1.0/solutions/backupRestore/exchangeRestoreSessions/s-1": `{"id":"s-1","status":"active"}`,
	})
	defer srv.Close()

	client := v1.NewClient(srv.Client(), v1.WithBaseURL(srv.URL+"/v1.0"))
	session, err := client.Solutions().BackupRestore().ExchangeRestoreSessions().ByID("s-1").Get(context.Background(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(session.ID.OrZero(), session.Status.OrZero())
	// Output: s-1 active
}

// List follows @odata.nextLink; each item is decoded into the Go type its
// @odata.type names, or into the base type for types not generated.
func ExampleRestoreSessionBaseCollectionBuilder_List() {
	srv := exampleServer(map[string]string{
		"GET /v1.0/solutions/backupRestore/restoreSessions?$top=50": `{"value":[
			{"@odata.type":"#microsoft.graph.exchangeRestoreSession","id":"ex-1"},
			{"@odata.type":"#microsoft.graph.sharePointRestoreSession","id":"sp-1"}]}`,
	})
	defer srv.Close()
	client := v1.NewClient(srv.Client(), v1.WithBaseURL(srv.URL+"/v1.0"))

	sessions := client.Solutions().BackupRestore().RestoreSessions()
	for s, err := range sessions.List(context.Background(), &v1.ListOptions{Top: 50}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		switch s := s.(type) {
		case *v1.ExchangeRestoreSession:
			fmt.Println("exchange", s.ID.OrZero())
		default:
			fmt.Println("other", s.AsRestoreSessionBase().ODataType)
		}
	}
	// Output:
	// exchange ex-1
	// other #microsoft.graph.sharePointRestoreSession
}

// Update sends only the fields that are set, so a field can be cleared
// with an explicit null without touching the others.
func ExampleExchangeRestoreSessionBuilder_Update() {
	patch := &v1.ExchangeRestoreSession{}
	patch.Error = v1.Null[*v1.PublicError]()
	body, _ := patch.MarshalJSON()
	fmt.Println(string(body))
	// Output: {"error":null}
}

// Errors from the service are *v1.Error values with the status and the
// OData error.
func ExampleError() {
	srv := exampleServer(nil)
	defer srv.Close()
	client := v1.NewClient(srv.Client(), v1.WithBaseURL(srv.URL+"/v1.0"))

	err := client.Solutions().BackupRestore().RestoreSessions().ByID("nope").Delete(context.Background(), nil)
	var graphErr *v1.Error
	if errors.As(err, &graphErr) {
		fmt.Println(graphErr.StatusCode, graphErr.Code)
	}
	// Output: 404 itemNotFound
}
