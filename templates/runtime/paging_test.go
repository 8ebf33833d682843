package runtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// pagedServer serves /v1.0/users in two pages and records each request.
type pagedServer struct {
	srv      *httptest.Server
	requests []recorded
	page2    string
}

func newPagedServer(t *testing.T) *pagedServer {
	t.Helper()
	ps := &pagedServer{page2: `{"value":[{"id":"3"}],"@odata.deltaLink":"https://x/delta"}`}
	ps.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.requests = append(ps.requests, recorded{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header, ""})
		if strings.Contains(r.URL.RawQuery, "skiptoken") {
			io.WriteString(w, ps.page2)
			return
		}
		fmt.Fprintf(w, `{"@odata.count":3,"value":[{"id":"1"},{"id":"2","displayName":"Bo"}],`+
			`"@odata.nextLink":"%s/v1.0/users?$top=2&$skiptoken=RFNwdAI%%27x"}`, ps.srv.URL)
	}))
	t.Cleanup(ps.srv.Close)
	return ps
}

func (ps *pagedServer) client() *Client {
	return NewClient(ps.srv.Client(), WithBaseURL(ps.srv.URL+"/v1.0"))
}

func TestListAllFollowsNextLink(t *testing.T) {
	ps := newPagedServer(t)
	opts := &ListOptions{Top: 2, RequestOptions: RequestOptions{ConsistencyLevelEventual: true}}
	var ids []string
	for u, err := range listAll(context.Background(), ps.client(), "/users", opts.queryParams(),
		opts.requestOptions(), decodeJSON[user]) {
		if err != nil {
			t.Fatalf("listAll: %v", err)
		}
		ids = append(ids, u.ID)
	}
	if got := strings.Join(ids, ","); got != "1,2,3" {
		t.Errorf("ids = %s, want 1,2,3", got)
	}
	if len(ps.requests) != 2 {
		t.Fatalf("server saw %d requests, want 2", len(ps.requests))
	}
	wantQueries := []string{"$top=2", "$top=2&$skiptoken=RFNwdAI%27x"}
	for i, r := range ps.requests {
		if r.Method != "GET" || r.EscapedPath != "/v1.0/users" || r.RawQuery != wantQueries[i] {
			t.Errorf("request %d: %s %s?%s, want GET /v1.0/users?%s",
				i, r.Method, r.EscapedPath, r.RawQuery, wantQueries[i])
		}
		if r.Header.Get("ConsistencyLevel") != "eventual" {
			t.Errorf("request %d: ConsistencyLevel = %q, want eventual", i, r.Header.Get("ConsistencyLevel"))
		}
	}
}

func TestPagerPageAtATime(t *testing.T) {
	ps := newPagedServer(t)
	p := newPager(ps.client(), "/users", nil, nil, decodeJSON[*user])

	first, err := p.Next(context.Background())
	if err != nil {
		t.Fatalf("first page: %v", err)
	}
	n, ok := first.Count.Get()
	if !ok || n != 3 || len(first.Items) != 2 || first.Items[1].DisplayName.OrZero() != "Bo" {
		t.Errorf("first page: count %d (%t), items %d", n, ok, len(first.Items))
	}
	if !strings.HasSuffix(first.NextLink, "$skiptoken=RFNwdAI%27x") || !p.More() {
		t.Errorf("first page: NextLink %q, More() = %t", first.NextLink, p.More())
	}

	second, err := p.Next(context.Background())
	if err != nil {
		t.Fatalf("second page: %v", err)
	}
	if len(second.Items) != 1 || second.NextLink != "" || second.DeltaLink != "https://x/delta" ||
		second.Count.IsPresent() {
		t.Errorf("second page = %+v", second)
	}
	if p.More() {
		t.Errorf("More() after the last page = true, want false")
	}
	if _, err := p.Next(context.Background()); err == nil {
		t.Errorf("Next after the last page: got nil error, want one")
	}
}

func TestPagerStopsOnBreak(t *testing.T) {
	ps := newPagedServer(t)
	for range newPager(ps.client(), "/users", nil, nil, decodeJSON[user]).All(context.Background()) {
		break
	}
	if len(ps.requests) != 1 {
		t.Errorf("server saw %d requests after break, want 1", len(ps.requests))
	}
}

func TestPagerErrorOnSecondPage(t *testing.T) {
	ps := newPagedServer(t)
	ps.page2 = `not json`
	var ids []string
	var gotErr error
	for u, err := range listAll(context.Background(), ps.client(), "/users", nil, nil, decodeJSON[user]) {
		if err != nil {
			gotErr = err
			continue
		}
		ids = append(ids, u.ID)
	}
	if strings.Join(ids, ",") != "1,2" || gotErr == nil || !strings.Contains(gotErr.Error(), "decode page") {
		t.Errorf("ids %v, error %v; want 1,2 then a decode error", ids, gotErr)
	}
}

func TestPagerRefusesForeignNextLink(t *testing.T) {
	foreignHits := 0
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		foreignHits++
		io.WriteString(w, `{"value":[{"id":"stolen"}]}`)
	}))
	defer foreign.Close()

	links := []string{
		foreign.URL + "/v1.0/users?$skiptoken=a",
		strings.Replace(foreign.URL, "http://", "https://", 1) + "/v1.0/users",
		"//" + strings.TrimPrefix(foreign.URL, "http://") + "/v1.0/users",
	}
	for _, link := range links {
		home := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"value":[{"id":"1"}],"@odata.nextLink":%q}`, link)
		}))
		c := NewClient(home.Client(), WithBaseURL(home.URL+"/v1.0"))
		var ids []string
		var gotErr error
		for u, err := range listAll(context.Background(), c, "/users", nil, nil, decodeJSON[user]) {
			if err != nil {
				gotErr = err
				break
			}
			ids = append(ids, u.ID)
		}
		home.Close()
		if strings.Join(ids, ",") != "1" || gotErr == nil || !strings.Contains(gotErr.Error(), "refusing link") {
			t.Errorf("link %q: ids %v, error %v; want 1 then a refusal", link, ids, gotErr)
		}
	}
	if foreignHits != 0 {
		t.Errorf("foreign server saw %d requests, want 0", foreignHits)
	}
}

func TestPagerFromLink(t *testing.T) {
	ps := newPagedServer(t)
	c := ps.client()
	p := pagerFromLink(c, ps.srv.URL+"/v1.0/users?$skiptoken=abc", nil, decodeJSON[user])
	page, err := p.Next(context.Background())
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != "3" {
		t.Errorf("page from link = %+v, %v", page, err)
	}
	refused := pagerFromLink(c, "https://evil.example/v1.0/users", nil, decodeJSON[user])
	if _, err := refused.Next(context.Background()); err == nil || len(ps.requests) != 1 {
		t.Errorf("foreign link: error %v after %d requests; want a refusal and 1 request", err, len(ps.requests))
	}
}

func TestPagerRetriesAfterFailedRequest(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, `{"value":[{"id":"1"}]}`)
	}))
	defer srv.Close()
	p := newPager(NewClient(srv.Client(), WithBaseURL(srv.URL)), "/users", nil, nil, decodeJSON[user])
	_, err := p.Next(context.Background())
	var ge *Error
	if !errors.As(err, &ge) || ge.StatusCode != 503 || !p.More() {
		t.Fatalf("first Next: error %v, More() = %t; want a 503 *Error and true", err, p.More())
	}
	page, err := p.Next(context.Background())
	if err != nil || len(page.Items) != 1 || p.More() {
		t.Errorf("retry: page %+v, error %v, More() = %t", page, err, p.More())
	}
}

func TestPagerStopsAtANextLinkToItself(t *testing.T) {
	var requests int
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		fmt.Fprintf(w, `{"value":[{"id":"%d"}],"@odata.nextLink":"%s/v1.0/users"}`, requests, srv.URL)
	}))
	defer srv.Close()
	c := NewClient(srv.Client(), WithBaseURL(srv.URL+"/v1.0"))

	var ids []string
	var last error
	for u, err := range listAll(context.Background(), c, "/users", nil, nil, decodeJSON[user]) {
		if err != nil {
			last = err
			break
		}
		ids = append(ids, u.ID)
	}

	if got := strings.Join(ids, ","); got != "1" {
		t.Errorf("ids = %s, want 1", got)
	}
	if last == nil || !strings.Contains(last.Error(), "links to itself") {
		t.Errorf("error = %v, want a self-link error", last)
	}
	if requests != 1 {
		t.Errorf("server saw %d requests, want 1", requests)
	}
}
