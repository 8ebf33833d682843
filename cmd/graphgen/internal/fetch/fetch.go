package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultTimeout limits a whole download, body included, when
// [Options.Timeout] is zero.
const DefaultTimeout = 2 * time.Minute

// maxBodySize is the largest $metadata document Fetch accepts. The Graph beta
// document is a few tens of megabytes.
const maxBodySize = 256 << 20

// Options says what to download and where to store it.
type Options struct {
	URL     string        // address of the $metadata document, see [MetadataURL]
	Output  string        // path of the file to write; its folder is created first, even if the download fails
	Timeout time.Duration // limit for the whole download; zero means [DefaultTimeout]
	Client  *http.Client  // client to use; nil means [http.DefaultClient]
}

// Result describes a successful call of [Fetch].
type Result struct {
	URL          string // address the document was requested from
	NotModified  bool   // the server answered 304 Not Modified; nothing was written
	Unchanged    bool   // the server sent the document again, equal to the file; it was not rewritten
	Written      bool   // the output file was created or replaced
	Size         int64  // length of the received body in bytes, zero when NotModified
	ETag         string // entity tag of the document, if the server sent one
	LastModified string // Last-Modified time of the document, if the server sent one
}

// Fetch downloads the CSDL document at opts.URL to opts.Output, asking the
// server to skip the download if the copy from an earlier run is still
// current. It writes the file only if the body is a CSDL document that differs
// from the current file; the file is replaced atomically.
func Fetch(ctx context.Context, opts Options) (Result, error) {
	return fetcher{maxSize: maxBodySize}.fetch(ctx, opts)
}

// fetcher holds the settings of Fetch that tests change.
type fetcher struct {
	maxSize int64 // largest accepted body in bytes
}

// fetch is the implementation of [Fetch].
func (f fetcher) fetch(ctx context.Context, opts Options) (Result, error) {
	if opts.URL == "" || opts.Output == "" {
		return Result{}, errors.New("fetch: URL and output file are required")
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	prev := loadValidators(opts.URL, opts.Output)
	resp, err := get(ctx, opts, prev)
	if err != nil {
		return Result{}, requestError(opts.URL, timeout, err)
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusNotModified && prev.conditional():
		return Result{URL: opts.URL, NotModified: true, ETag: prev.ETag, LastModified: prev.LastModified}, nil
	case resp.StatusCode != http.StatusOK:
		return Result{}, statusError(opts.URL, resp)
	}

	res, err := f.save(opts, resp)
	if err != nil {
		return Result{}, requestError(opts.URL, timeout, err)
	}
	return res, nil
}

// get sends the request, made conditional by the validators in prev.
func get(ctx context.Context, opts Options, prev sidecar) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, opts.URL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/xml")
	req.Header.Set("User-Agent", "graphgen")
	if prev.ETag != "" {
		req.Header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		req.Header.Set("If-Modified-Since", prev.LastModified)
	}

	client := opts.Client
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(req)
}

// requestError adds the URL to err and, if the download ran out of time, the
// timeout.
func requestError(rawURL string, timeout time.Duration, err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("fetch %s: %w (timeout %s)", rawURL, err, timeout)
	}
	return fmt.Errorf("fetch %s: %w", rawURL, err)
}

// statusError describes an unexpected HTTP status, with the start of the body.
func statusError(rawURL string, resp *http.Response) error {
	if text := excerpt(resp.Body); text != "" {
		return fmt.Errorf("fetch %s: %s: %s", rawURL, resp.Status, text)
	}
	return fmt.Errorf("fetch %s: %s", rawURL, resp.Status)
}

// excerpt returns the start of r on one line, shortened to a few hundred bytes.
func excerpt(r io.Reader) string {
	const limit = 200
	head, _ := io.ReadAll(io.LimitReader(r, 4*limit)) // a partial excerpt is still useful
	text := strings.Join(strings.Fields(strings.ToValidUTF8(string(head), "?")), " ")
	if len(text) <= limit {
		return text
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut] + "..."
}
