package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
)

// doJSON sends a request to path, an escaped path relative to the base URL
// starting with "/", with the query parameters in their given order. A
// non-nil body is sent as JSON. A 2xx response body is passed to decode,
// which lets generated code pick the concrete type of a polymorphic
// result; an empty body gives the zero T (204 No Content after an update or
// an action), except for a GET, where it is an error. Other statuses give
// an *Error.
//
// Known limitation: the response headers of a success, such as Location
// for 202 Accepted, are not returned.
//
//go:noinline
func doJSON[T any](ctx context.Context, c *Client, method, path string, query []queryParam,
	body any, opts *RequestOptions, decode func([]byte) (T, error)) (T, error) {
	var zero T
	u, err := c.endpoint(path, query)
	if err != nil {
		return zero, err
	}
	data, err := c.send(ctx, method, u, body, opts)
	if err != nil {
		return zero, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		if method == http.MethodGet {
			return zero, fmt.Errorf("graph: empty response to GET %s", path)
		}
		return zero, nil
	}
	v, err := decode(data)
	if err != nil {
		return zero, fmt.Errorf("graph: decode response of %s %s: %w", method, path, err)
	}
	return v, nil
}

// doNoContent sends a request like doJSON and ignores the body of a 2xx
// response.
//
//go:noinline
func doNoContent(ctx context.Context, c *Client, method, path string, query []queryParam,
	body any, opts *RequestOptions) error {
	u, err := c.endpoint(path, query)
	if err != nil {
		return err
	}
	_, err = c.send(ctx, method, u, body, opts)
	return err
}

// decodeJSON decodes data into a new T with encoding/json. It is the
// decode function for results that are not polymorphic.
//
//go:noinline
func decodeJSON[T any](data []byte) (T, error) {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// send performs one request to u and returns the body of a 2xx response,
// or an *Error for any other status.
func (c *Client) send(ctx context.Context, method string, u *url.URL, body any,
	opts *RequestOptions) ([]byte, error) {
	encoded, err := jsonBody(body)
	if err != nil {
		return nil, fmt.Errorf("graph: encode body of %s %s: %w", method, u.Path, err)
	}
	resp, err := c.open(ctx, method, u, encoded, "application/json", opts)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("graph: read response of %s %s: %w", method, u.Path, err)
	}
	return data, nil
}

// requestBody is a request body and its media type.
type requestBody struct {
	content     io.Reader
	contentType string
}

// jsonBody encodes a JSON request body; nil, or a nil pointer such as the
// parameters of an action called without any, means no body.
func jsonBody(body any) (*requestBody, error) {
	if body == nil {
		return nil, nil
	}
	if v := reflect.ValueOf(body); v.Kind() == reflect.Pointer && v.IsNil() {
		return nil, nil
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return &requestBody{content: bytes.NewReader(data), contentType: "application/json"}, nil
}

// maxErrorBody bounds how much of an error response is read.
const maxErrorBody = 1 << 20

// open performs one request to u and returns a 2xx response with its body
// unread, or an *Error for any other status. accept is the media type
// asked for.
func (c *Client) open(ctx context.Context, method string, u *url.URL, body *requestBody, accept string,
	opts *RequestOptions) (*http.Response, error) {
	var content io.Reader
	if body != nil {
		content = body.content
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), content)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	c.setHeaders(req.Header, opts, body != nil)
	req.Header.Set("Accept", accept)
	if body != nil {
		req.Header.Set("Content-Type", body.contentType)
	}

	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		data, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, newResponseError(resp, data)
	}
	return resp, nil
}

// doStream sends a request like doJSON and returns the body of a 2xx
// response unread, for media content ($value) and Edm.Stream results,
// which are not JSON. The caller closes it.
//
//go:noinline
func doStream(ctx context.Context, c *Client, method, path string, query []queryParam,
	body any, opts *RequestOptions) (io.ReadCloser, error) {
	u, err := c.endpoint(path, query)
	if err != nil {
		return nil, err
	}
	encoded, err := jsonBody(body)
	if err != nil {
		return nil, fmt.Errorf("graph: encode body of %s %s: %w", method, path, err)
	}
	resp, err := c.open(ctx, method, u, encoded, "*/*", opts)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// doUpload sends content with its media type as the request body, as a
// PUT of media content ($value) does, and ignores the response body.
func doUpload(ctx context.Context, c *Client, method, path string, content io.Reader, contentType string,
	opts *RequestOptions) error {
	u, err := c.endpoint(path, nil)
	if err != nil {
		return err
	}
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	body := &requestBody{content: content, contentType: contentType}
	resp, err := c.open(ctx, method, u, body, "application/json", opts)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}
