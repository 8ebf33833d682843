package runtime

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Client sends requests to the service. Authentication belongs to the
// http.Client it wraps, typically through a RoundTripper that adds a bearer
// token. A Client is not changed after NewClient returns and is safe for
// concurrent use.
type Client struct {
	hc      *http.Client
	rawBase string
	base    *url.URL
	baseErr error
	header  http.Header
}

// ClientOption configures a Client in NewClient.
type ClientOption func(*Client)

// NewClient returns a Client that sends requests through hc, or through
// http.DefaultClient when hc is nil. Without WithBaseURL it addresses the
// service root this package was generated for.
func NewClient(hc *http.Client, opts ...ClientOption) *Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	c := &Client{hc: hc, rawBase: defaultBaseURL, header: http.Header{}}
	for _, opt := range opts {
		opt(c)
	}
	c.base, c.baseErr = parseBaseURL(c.rawBase)
	return c
}

// WithBaseURL sets the service root, such as
// https://graph.microsoft.com/beta. An invalid URL makes every request of
// the Client fail with an error that says why.
func WithBaseURL(baseURL string) ClientOption {
	return func(c *Client) {
		c.rawBase = baseURL
	}
}

// WithHeader adds a header sent with every request, such as User-Agent.
// A header of the same name in RequestOptions replaces it, except Prefer,
// whose values are merged.
func WithHeader(key, value string) ClientOption {
	return func(c *Client) {
		c.header.Add(key, value)
	}
}

// parseBaseURL checks that raw is an absolute http or https URL without a
// query or fragment.
func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("graph: base URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("graph: base URL %q: want an absolute http or https URL", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("graph: base URL %q: must not have a query or fragment", raw)
	}
	return u, nil
}

// endpoint returns the URL for path, an already escaped path relative to
// the base URL that starts with "/", and the encoded query.
func (c *Client) endpoint(path string, query []queryParam) (*url.URL, error) {
	if c.baseErr != nil {
		return nil, c.baseErr
	}
	escaped := trimTrailingSlash(c.base.EscapedPath()) + path
	unescaped, err := url.PathUnescape(escaped)
	if err != nil {
		return nil, fmt.Errorf("graph: request path %q: %w", path, err)
	}
	u := *c.base
	u.Path, u.RawPath = unescaped, escaped
	u.RawQuery = encodeQuery(query)
	return &u, nil
}

// sameOrigin reports whether u has the scheme and host of the base URL, so
// that credentials never go to another server.
func (c *Client) sameOrigin(u *url.URL) bool {
	return c.base != nil && u.Scheme == c.base.Scheme &&
		strings.EqualFold(u.Host, c.base.Host)
}

// trimTrailingSlash removes one trailing slash.
func trimTrailingSlash(s string) string {
	if len(s) > 0 && s[len(s)-1] == '/' {
		return s[:len(s)-1]
	}
	return s
}
