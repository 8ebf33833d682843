package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// csdlDoc is a minimal CSDL document.
const csdlDoc = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
<edmx:DataServices/>
</edmx:Edmx>
`

// lastModified is the Last-Modified header sent by the test servers.
const lastModified = "Mon, 02 Jan 2006 15:04:05 GMT"

// oldTime is the modification time tests give to existing files.
var oldTime = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// server is a test server that records the headers of the requests it gets.
type server struct {
	*httptest.Server
	mu      sync.Mutex
	headers []http.Header
}

// newServer starts a loopback server that answers with handle.
func newServer(t *testing.T, handle http.HandlerFunc) *server {
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.headers = append(s.headers, r.Header.Clone())
		s.mu.Unlock()
		handle(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// request returns the headers of the i-th request.
func (s *server) request(t *testing.T, i int) http.Header {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if i >= len(s.headers) {
		t.Fatalf("server got %d requests, want at least %d", len(s.headers), i+1)
	}
	return s.headers[i]
}

// metadata answers with csdlDoc and the given ETag, or with 304 Not Modified if
// the request carries that ETag.
func metadata(etag string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastModified)
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, csdlDoc)
	}
}

// options returns the options to fetch from s into a new folder.
func options(t *testing.T, s *server) Options {
	return Options{
		URL:     s.URL + "/v1.0/$metadata",
		Output:  filepath.Join(t.TempDir(), "metadata", "v1.0.xml"),
		Timeout: 5 * time.Second,
		Client:  s.Client(),
	}
}

// mustFetch runs Fetch and fails the test on error.
func mustFetch(t *testing.T, opts Options) Result {
	t.Helper()
	res, err := Fetch(context.Background(), opts)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	return res
}

// age gives the file at path an old modification time.
func age(t *testing.T, path string) {
	t.Helper()
	if err := os.Chtimes(path, oldTime, oldTime); err != nil {
		t.Fatal(err)
	}
}

// assertFile checks the content of the file at path and, if keepTime is set,
// that its modification time is still oldTime.
func assertFile(t *testing.T, path, want string, keepTime bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != want {
		t.Errorf("%s = %q, want %q", path, data, want)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if keepTime && !info.ModTime().Equal(oldTime) {
		t.Errorf("%s was rewritten: modification time %v, want %v", path, info.ModTime(), oldTime)
	}
}

// assertFolder checks that the folder of path holds exactly the named files.
func assertFolder(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if slices.Sort(want); !slices.Equal(got, want) {
		t.Errorf("folder %s holds %q, want %q", dir, got, want)
	}
}

func TestFetchWritesFileAndSidecar(t *testing.T) {
	s := newServer(t, metadata(`"v1"`))
	opts := options(t, s)

	got := mustFetch(t, opts)
	want := Result{
		URL: opts.URL, Written: true, Size: int64(len(csdlDoc)), ETag: `"v1"`, LastModified: lastModified,
	}
	if got != want {
		t.Errorf("Fetch = %+v, want %+v", got, want)
	}
	assertFile(t, opts.Output, csdlDoc, false)
	assertFolder(t, filepath.Dir(opts.Output), "v1.0.xml", "v1.0.xml.etag")

	var side sidecar
	data, err := os.ReadFile(opts.Output + ".etag")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &side); err != nil {
		t.Fatalf("sidecar %s: %v", data, err)
	}
	wantSide := sidecar{URL: opts.URL, ETag: `"v1"`, LastModified: lastModified, SHA256: sha256Hex(csdlDoc)}
	if side != wantSide {
		t.Errorf("sidecar = %+v, want %+v", side, wantSide)
	}

	h := s.request(t, 0)
	for name, want := range map[string]string{
		"Accept":            "application/xml",
		"User-Agent":        "graphgen",
		"If-None-Match":     "",
		"If-Modified-Since": "",
	} {
		if got := h.Get(name); got != want {
			t.Errorf("request header %s = %q, want %q", name, got, want)
		}
	}
}

func TestFetchNotModified(t *testing.T) {
	s := newServer(t, metadata(`"v1"`))
	opts := options(t, s)
	mustFetch(t, opts)
	age(t, opts.Output)

	got := mustFetch(t, opts)
	want := Result{URL: opts.URL, NotModified: true, ETag: `"v1"`, LastModified: lastModified}
	if got != want {
		t.Errorf("second Fetch = %+v, want %+v", got, want)
	}
	h := s.request(t, 1)
	if got := h.Get("If-None-Match"); got != `"v1"` {
		t.Errorf("If-None-Match = %q, want %q", got, `"v1"`)
	}
	if got := h.Get("If-Modified-Since"); got != lastModified {
		t.Errorf("If-Modified-Since = %q, want %q", got, lastModified)
	}
	assertFile(t, opts.Output, csdlDoc, true)
}

func TestFetchSameBodyNotRewritten(t *testing.T) {
	calls := 0
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		calls++
		w.Header().Set("ETag", fmt.Sprintf(`"v%d"`, calls))
		fmt.Fprint(w, csdlDoc)
	})
	opts := options(t, s)
	mustFetch(t, opts)
	age(t, opts.Output)

	got := mustFetch(t, opts)
	if !got.Unchanged || got.Written || got.ETag != `"v2"` {
		t.Errorf("second Fetch = %+v, want Unchanged with ETag \"v2\"", got)
	}
	assertFile(t, opts.Output, csdlDoc, true)
	if side := loadValidators(opts.URL, opts.Output); side.ETag != `"v2"` {
		t.Errorf("sidecar ETag = %q, want %q", side.ETag, `"v2"`)
	}
}

func TestFetchIgnoresUnusableSidecar(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *testing.T, opts *Options)
	}{
		{"output edited by hand", func(t *testing.T, opts *Options) {
			writeTestFile(t, opts.Output, csdlDoc+"<!-- edited -->\n")
		}},
		{"sidecar for another URL", func(t *testing.T, opts *Options) {
			opts.URL += "?other"
		}},
		{"sidecar not JSON", func(t *testing.T, opts *Options) {
			writeTestFile(t, opts.Output+".etag", "not json")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, metadata(`"v1"`))
			opts := options(t, s)
			mustFetch(t, opts)
			tt.spoil(t, &opts)

			got := mustFetch(t, opts)
			if !got.Written && !got.Unchanged {
				t.Errorf("Fetch = %+v, want the document downloaded again", got)
			}
			if h := s.request(t, 1); h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
				t.Errorf("request was conditional: %v", h)
			}
			assertFile(t, opts.Output, csdlDoc, false)
		})
	}
}

// sha256Hex returns the hex SHA-256 of s.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// writeTestFile writes content to path.
func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name   string
		handle http.HandlerFunc
		want   string // error after "fetch <URL>: "
	}{
		{"server error", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		}, "500 Internal Server Error: boom"},
		{"unavailable without body", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable)
		}, "503 Service Unavailable"},
		{"long error page", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprint(w, "<html>\n  <body>\n"+strings.Repeat("bad gateway ", 100)+"</body></html>")
		}, "502 Bad Gateway: <html> <body> " + strings.Repeat("bad gateway ", 15) + "bad ga..."},
		{"not modified without validators", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNotModified)
		}, "304 Not Modified"},
		{"HTML page", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, "<!DOCTYPE html>\n<html lang=en><body>Sign in</body></html>")
		}, "response is not a CSDL document: root element <html>"},
		{"old CSDL version", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, strings.Replace(csdlDoc, `"4.0"`, `"1.0"`, 1))
		}, `response is not a CSDL document: edmx:Edmx Version "1.0", want 4.0 or 4.01`},
		{"empty body", func(w http.ResponseWriter, r *http.Request) {}, "empty response body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, tt.handle)
			opts := options(t, s)
			dir := filepath.Dir(opts.Output)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			writeTestFile(t, opts.Output, "earlier document")
			age(t, opts.Output)

			_, err := Fetch(context.Background(), opts)
			want := "fetch " + opts.URL + ": " + tt.want
			if err == nil || err.Error() != want {
				t.Errorf("Fetch error = %v, want %s", err, want)
			}
			assertFile(t, opts.Output, "earlier document", true)
			assertFolder(t, dir, "v1.0.xml")
		})
	}
}

func TestFetchBodyTooLarge(t *testing.T) {
	s := newServer(t, metadata(`"v1"`))
	opts := options(t, s)

	_, err := fetcher{maxSize: 16}.fetch(context.Background(), opts)
	want := "fetch " + opts.URL + ": response body is larger than 16 bytes"
	if err == nil || err.Error() != want {
		t.Errorf("Fetch error = %v, want %s", err, want)
	}
	assertFolder(t, filepath.Dir(opts.Output))
}

func TestFetchTimeout(t *testing.T) {
	tests := []struct {
		name      string
		sendFirst bool // whether the handler sends headers and part of the body before blocking
		want      string
	}{
		{"no answer", false, ": context deadline exceeded (timeout 50ms)"},
		{"slow body", true, ": read body: context deadline exceeded (timeout 50ms)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			release := make(chan struct{})
			s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.sendFirst {
					fmt.Fprint(w, csdlDoc[:20])
					w.(http.Flusher).Flush()
				}
				select {
				case <-release:
				case <-r.Context().Done():
				}
			})
			t.Cleanup(func() { close(release) }) // runs before the server closes
			opts := options(t, s)
			opts.Timeout = 50 * time.Millisecond

			_, err := Fetch(context.Background(), opts)
			if !errors.Is(err, context.DeadlineExceeded) || err.Error() != "fetch "+opts.URL+tt.want {
				t.Errorf("Fetch error = %v, want fetch %s%s", err, opts.URL, tt.want)
			}
			if _, err := os.Stat(opts.Output); !os.IsNotExist(err) {
				t.Errorf("Fetch created %s after a timeout", opts.Output)
			}
		})
	}
}

func TestFetchRequiresURLAndOutput(t *testing.T) {
	for _, opts := range []Options{{URL: "http://127.0.0.1/"}, {Output: "x.xml"}} {
		if _, err := Fetch(context.Background(), opts); err == nil {
			t.Errorf("Fetch(%+v) succeeded, want an error", opts)
		}
	}
}
