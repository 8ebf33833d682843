package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// recorded is what a test server saw of one request.
type recorded struct {
	Method, EscapedPath, RawQuery string
	Header                        http.Header
	Body                          string
}

// newRecordingServer starts a loopback server that records each request
// and answers with status and body. It returns a Client whose base URL is
// the server's /v1.0.
func newRecordingServer(t *testing.T, status int, body string, opts ...ClientOption) (*Client, *[]recorded) {
	t.Helper()
	var seen []recorded
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		seen = append(seen, recorded{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header, string(data)})
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	opts = append([]ClientOption{WithBaseURL(srv.URL + "/v1.0")}, opts...)
	return NewClient(srv.Client(), opts...), &seen
}

// user is a small model for request tests.
type user struct {
	ID          string           `json:"id,omitempty"`
	DisplayName Nullable[string] `json:"displayName,omitzero"`
}

func TestEncodeQuery(t *testing.T) {
	tests := []struct {
		name string
		opts *ListOptions
		want string
	}{
		{"nil options", nil, ""},
		{"empty options", &ListOptions{}, ""},
		{"select and top", &ListOptions{Select: []string{"id", "displayName"}, Top: 5},
			"$select=id,displayName&$top=5"},
		{"all options in fixed order", &ListOptions{
			Count:   true,
			Skip:    10,
			Top:     5,
			OrderBy: []string{"displayName desc", "id"},
			Search:  `"displayName:a b"`,
			Filter:  "startswith(displayName,'O''Neil & #1')",
			Expand:  []string{"manager($select=id)"},
			Select:  []string{"id"},
		}, "$select=id&$expand=manager($select%3Did)" +
			"&$filter=startswith(displayName,%27O%27%27Neil%20%26%20%231%27)" +
			"&$search=%22displayName:a%20b%22&$orderby=displayName%20desc,id" +
			"&$top=5&$skip=10&$count=true"},
		{"plus and percent survive",
			&ListOptions{Filter: "createdDateTime ge 2024-08-01T00:00:00+02:00 and x eq '100%'"},
			"$filter=createdDateTime%20ge%202024-08-01T00:00:00%2B02:00%20and%20x%20eq%20%27100%25%27"},
	}
	for _, tt := range tests {
		got := encodeQuery(tt.opts.queryParams())
		if got != tt.want {
			t.Errorf("%s: query = %q, want %q", tt.name, got, tt.want)
		}
		values, err := url.ParseQuery(got)
		if err != nil {
			t.Errorf("%s: ParseQuery: %v", tt.name, err)
			continue
		}
		if tt.opts != nil && tt.opts.Filter != "" && values.Get("$filter") != tt.opts.Filter {
			t.Errorf("%s: $filter decodes to %q, want %q", tt.name, values.Get("$filter"), tt.opts.Filter)
		}
	}
}

func TestQueryOptions(t *testing.T) {
	o := &QueryOptions{Select: []string{"id", "mail"}, Expand: []string{"manager"}}
	if got, want := encodeQuery(o.queryParams()), "$select=id,mail&$expand=manager"; got != want {
		t.Errorf("query = %q, want %q", got, want)
	}
	var none *QueryOptions
	if none.queryParams() != nil || none.requestOptions() != nil {
		t.Errorf("nil QueryOptions gave parameters or request options")
	}
}

func TestDoJSONGet(t *testing.T) {
	c, seen := newRecordingServer(t, http.StatusOK, `{"id":"1","displayName":"Ann"}`,
		WithHeader("User-Agent", "graphgen-test"), WithHeader("Prefer", "return=minimal"))
	opts := &ListOptions{
		RequestOptions: RequestOptions{
			Header:                    http.Header{"Prefer": {`outlook.timezone="UTC"`}},
			IncludeUnknownEnumMembers: true,
			ConsistencyLevelEventual:  true,
		},
		Select: []string{"id", "displayName"},
		Filter: "displayName eq 'Ann'",
	}
	path := "/users/" + escapeKey("ann o'neil/x")
	got, err := doJSON(context.Background(), c, http.MethodGet, path, opts.queryParams(),
		nil, opts.requestOptions(), decodeJSON[user])
	if err != nil {
		t.Fatalf("doJSON: %v", err)
	}
	if got.ID != "1" || got.DisplayName.OrZero() != "Ann" {
		t.Errorf("decoded %+v, want id 1 and name Ann", got)
	}
	r := (*seen)[0]
	checks := []struct{ what, got, want string }{
		{"method", r.Method, "GET"},
		{"path", r.EscapedPath, "/v1.0/users/ann%20o%27neil%2Fx"},
		{"query", r.RawQuery, "$select=id,displayName&$filter=displayName%20eq%20%27Ann%27"},
		{"Accept", r.Header.Get("Accept"), "application/json"},
		{"Content-Type", r.Header.Get("Content-Type"), ""},
		{"User-Agent", r.Header.Get("User-Agent"), "graphgen-test"},
		{"ConsistencyLevel", r.Header.Get("ConsistencyLevel"), "eventual"},
		{"Prefer", strings.Join(r.Header.Values("Prefer"), "|"),
			`return=minimal, outlook.timezone="UTC", include-unknown-enum-members`},
		{"body", r.Body, ""},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
}

func TestDoJSONPostBody(t *testing.T) {
	c, seen := newRecordingServer(t, http.StatusCreated, `{"id":"2","displayName":null}`)
	in := user{DisplayName: Value("Bo")}
	got, err := doJSON(context.Background(), c, http.MethodPost, "/users", nil, in, nil, decodeJSON[*user])
	if err != nil {
		t.Fatalf("doJSON: %v", err)
	}
	if got.ID != "2" || !got.DisplayName.IsNull() {
		t.Errorf("decoded %+v, want id 2 and null name", got)
	}
	r := (*seen)[0]
	if r.Method != "POST" || r.EscapedPath != "/v1.0/users" || r.RawQuery != "" {
		t.Errorf("request %s %s?%s, want POST /v1.0/users", r.Method, r.EscapedPath, r.RawQuery)
	}
	if r.Body != `{"displayName":"Bo"}` || r.Header.Get("Content-Type") != "application/json" {
		t.Errorf("body %q with Content-Type %q", r.Body, r.Header.Get("Content-Type"))
	}
}

func TestDoJSONCustomDecodeAndEmptyBody(t *testing.T) {
	c, _ := newRecordingServer(t, http.StatusOK, `{"@odata.type":"#microsoft.graph.group","id":"g"}`)
	decode := func(data []byte) (string, error) {
		var probe struct {
			Type string `json:"@odata.type"`
		}
		err := json.Unmarshal(data, &probe)
		return probe.Type, err
	}
	got, err := doJSON(context.Background(), c, http.MethodGet, "/directoryObjects/g", nil, nil, nil, decode)
	if err != nil || got != "#microsoft.graph.group" {
		t.Errorf("doJSON with custom decode = %q, %v", got, err)
	}

	empty, _ := newRecordingServer(t, http.StatusNoContent, "")
	u, err := doJSON(context.Background(), empty, http.MethodPost, "/x", nil, nil, nil, decodeJSON[*user])
	if err != nil || u != nil {
		t.Errorf("doJSON on 204 = %v, %v; want nil, nil", u, err)
	}
}

func TestDoNoContent(t *testing.T) {
	c, seen := newRecordingServer(t, http.StatusNoContent, "")
	opts := &RequestOptions{Header: http.Header{"If-Match": {`W/"1"`}}}
	if err := doNoContent(context.Background(), c, http.MethodDelete, "/users/1", nil, nil, opts); err != nil {
		t.Fatalf("doNoContent: %v", err)
	}
	r := (*seen)[0]
	if r.Method != "DELETE" || r.EscapedPath != "/v1.0/users/1" || r.Header.Get("If-Match") != `W/"1"` {
		t.Errorf("request %s %s If-Match %q", r.Method, r.EscapedPath, r.Header.Get("If-Match"))
	}
	if r.Header.Get("Prefer") != "" {
		t.Errorf("Prefer = %q, want none", r.Header.Get("Prefer"))
	}
}

func TestGraphErrorDecoding(t *testing.T) {
	const body = `{"error":{"code":"Request_ResourceNotFound",` +
		`"message":"Resource 'x' does not exist or one of its queried reference-property objects ` +
		`are not present.",` +
		`"details":[{"code":"NotFound","message":"x missing","target":"id"}],` +
		`"innerError":{"date":"2024-08-01T10:11:12","request-id":"7f0e-req","client-request-id":"7f0e-client",` +
		`"code":"inner","nested":{"a":1}}}}`
	c, _ := newRecordingServer(t, http.StatusNotFound, body)
	_, err := doJSON(context.Background(), c, http.MethodGet, "/users/x", nil, nil, nil, decodeJSON[user])
	var ge *Error
	if !errors.As(err, &ge) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	want := "graph: 404 Not Found: Request_ResourceNotFound: Resource 'x' does not exist or one of its " +
		"queried reference-property objects are not present."
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if ge.StatusCode != 404 || ge.Code != "Request_ResourceNotFound" || string(ge.Body) != body {
		t.Errorf("status %d, code %q, body %q", ge.StatusCode, ge.Code, ge.Body)
	}
	if len(ge.Details) != 1 || ge.Details[0] != (ODataErrorDetail{"NotFound", "x missing", "id"}) {
		t.Errorf("Details = %+v", ge.Details)
	}
	ie := ge.InnerError
	if ie == nil || ie.RequestID != "7f0e-req" || ie.ClientRequestID != "7f0e-client" ||
		ie.Date != "2024-08-01T10:11:12" {
		t.Fatalf("InnerError = %+v", ie)
	}
	if string(ie.Additional["code"]) != `"inner"` || string(ie.Additional["nested"]) != `{"a":1}` ||
		len(ie.Additional) != 2 {
		t.Errorf("InnerError.Additional = %q", ie.Additional)
	}
	if ge.Header.Get("Content-Type") != "application/json" {
		t.Errorf("Header Content-Type = %q", ge.Header.Get("Content-Type"))
	}
}

func TestErrorWithoutODataBody(t *testing.T) {
	long := "<html><body>" + strings.Repeat("é", 150) + "</body></html>"
	tests := []struct {
		status int
		body   string
		want   string
	}{
		{http.StatusServiceUnavailable, "", "graph: 503 Service Unavailable"},
		{http.StatusBadGateway, "<html>\n  upstream   down\n</html>",
			"graph: 502 Bad Gateway: <html> upstream down </html>"},
		{http.StatusBadRequest, long, "graph: 400 Bad Request: <html><body>" + strings.Repeat("é", 94) + "..."},
		{http.StatusTooManyRequests, `{"error":{"message":"Slow down"}}`,
			"graph: 429 Too Many Requests: Slow down"},
		{599, `{"unexpected":true}`, `graph: 599: {"unexpected":true}`},
	}
	for _, tt := range tests {
		c, _ := newRecordingServer(t, tt.status, tt.body)
		err := doNoContent(context.Background(), c, http.MethodGet, "/x", nil, nil, nil)
		var ge *Error
		if !errors.As(err, &ge) || ge.StatusCode != tt.status {
			t.Errorf("status %d: error %v, want *Error with that status", tt.status, err)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("status %d: Error() = %q, want %q", tt.status, got, tt.want)
		}
	}
}

func TestRequestFailures(t *testing.T) {
	c, seen := newRecordingServer(t, http.StatusOK, `{}`)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := doNoContent(ctx, c, http.MethodGet, "/x", nil, nil, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: error %v, want context.Canceled", err)
	}
	if err := doNoContent(context.Background(), c, http.MethodPost, "/x", nil, make(chan int), nil); err == nil {
		t.Errorf("unencodable body: got nil error, want one")
	}
	if len(*seen) != 0 {
		t.Errorf("server saw %d requests, want 0", len(*seen))
	}
	bad := []string{"graph.microsoft.com/v1.0", "ftp://h/x", "https://h/v1.0?x=1", "https://h/%zz"}
	for _, base := range bad {
		bad := NewClient(nil, WithBaseURL(base))
		if err := doNoContent(context.Background(), bad, http.MethodGet, "/x", nil, nil, nil); err == nil {
			t.Errorf("base URL %q: got nil error, want one", base)
		}
	}
}

func TestNewClientDefaults(t *testing.T) {
	c := NewClient(nil)
	if c.hc != http.DefaultClient {
		t.Errorf("nil http.Client was not replaced by http.DefaultClient")
	}
	u, err := c.endpoint("/me/messages", []queryParam{{"$top", "1"}})
	if err != nil {
		t.Fatalf("endpoint: %v", err)
	}
	if got, want := u.String(), "https://graph.microsoft.com/v1.0/me/messages?$top=1"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
}
