package runtime

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestDoStreamReturnsTheBodyUnread(t *testing.T) {
	c, seen := newRecordingServer(t, http.StatusOK, "a,b\n1,2\n")

	body, err := doStream(context.Background(), c, http.MethodGet,
		"/reports/"+callSegment("getEmailActivityCounts", odataParam{"period", literalString("D7")}), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	data, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}

	if got, want := string(data), "a,b\n1,2\n"; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	r := (*seen)[0]
	if r.EscapedPath != "/v1.0/reports/getEmailActivityCounts(period=%27D7%27)" {
		t.Errorf("path = %s", r.EscapedPath)
	}
	if got := r.Header.Get("Accept"); got != "*/*" {
		t.Errorf("Accept = %q, want */*", got)
	}
}

func TestDoStreamError(t *testing.T) {
	c, _ := newRecordingServer(t, http.StatusForbidden, `{"error":{"code":"Forbidden","message":"no"}}`)

	_, err := doStream(context.Background(), c, http.MethodGet, "/x/$value", nil, nil, nil)

	var gerr *Error
	if !errors.As(err, &gerr) || gerr.StatusCode != http.StatusForbidden || gerr.Code != "Forbidden" {
		t.Errorf("error = %v, want a 403 *Error with code Forbidden", err)
	}
}

func TestDoUploadSendsContentAndType(t *testing.T) {
	c, seen := newRecordingServer(t, http.StatusNoContent, "")

	err := doUpload(context.Background(), c, http.MethodPut, "/drive/items/1/$value",
		strings.NewReader("hello"), "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}

	r := (*seen)[0]
	if r.Method != http.MethodPut || r.Body != "hello" || r.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("request = %s %s %q Content-Type %q",
			r.Method, r.EscapedPath, r.Body, r.Header.Get("Content-Type"))
	}
}

func TestNilParametersSendNoBody(t *testing.T) {
	type params struct {
		Tags []string `json:"tags,omitzero"`
	}
	c, seen := newRecordingServer(t, http.StatusNoContent, "")

	var none *params
	if err := doNoContent(context.Background(), c, http.MethodPost, "/x/activate", nil, none, nil); err != nil {
		t.Fatal(err)
	}

	r := (*seen)[0]
	if r.Body != "" || r.Header.Get("Content-Type") != "" {
		t.Errorf("sent body %q with Content-Type %q, want none", r.Body, r.Header.Get("Content-Type"))
	}
}

func TestEmptyResponseToGetIsAnError(t *testing.T) {
	c, _ := newRecordingServer(t, http.StatusNoContent, "")

	_, err := doJSON(context.Background(), c, http.MethodGet, "/x", nil, nil, nil, decodeJSON[*user])

	if err == nil || !strings.Contains(err.Error(), "empty response to GET /x") {
		t.Errorf("error = %v, want an empty-response error", err)
	}
}
