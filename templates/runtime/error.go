package runtime

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is returned for a response whose status is not 2xx. Use errors.As
// to reach it. The fields come from the OData error body when there is
// one; Body always holds the raw response body.
type Error struct {
	// StatusCode is the HTTP status code, such as 404.
	StatusCode int

	// Code is the service error code, such as Request_ResourceNotFound.
	Code string

	// Message is the human-readable error message.
	Message string

	// Target names the part of the request the error is about, if any.
	Target string

	// Details lists further errors the service reported.
	Details []ODataErrorDetail

	// InnerError holds the service diagnostics, or nil when absent.
	InnerError *ODataInnerError

	// Header holds the response headers.
	Header http.Header

	// Body holds the raw response body.
	Body []byte
}

// ODataErrorDetail is one entry of the details of an Error.
type ODataErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Target  string `json:"target,omitempty"`
}

// ODataInnerError holds the diagnostics the service attaches to an Error.
type ODataInnerError struct {
	// RequestID identifies the request in the service logs.
	RequestID string

	// ClientRequestID echoes the client-request-id request header.
	ClientRequestID string

	// Date is the time of the error as the service wrote it.
	Date string

	// Additional holds every other member as raw JSON.
	Additional map[string]json.RawMessage
}

// maxErrorSnippet is the most bytes of a non-OData body that Error shows.
const maxErrorSnippet = 200

// Error returns a one-line description such as
// "graph: 404 Not Found: Request_ResourceNotFound: Resource 'x' does not
// exist".
func (e *Error) Error() string {
	parts := []string{"graph: " + statusLine(e.StatusCode)}
	switch {
	case e.Code != "" || e.Message != "":
		if e.Code != "" {
			parts = append(parts, e.Code)
		}
		if e.Message != "" {
			parts = append(parts, e.Message)
		}
	case len(bytes.TrimSpace(e.Body)) > 0:
		parts = append(parts, bodySnippet(e.Body))
	}
	return strings.Join(parts, ": ")
}

// UnmarshalJSON reads the well-known members and keeps the others in
// Additional.
func (ie *ODataInnerError) UnmarshalJSON(data []byte) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return err
	}
	*ie = ODataInnerError{}
	for name, raw := range members {
		var target *string
		switch name {
		case "request-id":
			target = &ie.RequestID
		case "client-request-id":
			target = &ie.ClientRequestID
		case "date":
			target = &ie.Date
		}
		if target == nil || json.Unmarshal(raw, target) != nil {
			if ie.Additional == nil {
				ie.Additional = map[string]json.RawMessage{}
			}
			ie.Additional[name] = raw
		}
	}
	return nil
}

// newResponseError builds the Error for resp, reading the OData error
// body when body holds one.
func newResponseError(resp *http.Response, body []byte) *Error {
	e := &Error{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}
	var envelope struct {
		Error *struct {
			Code       string             `json:"code"`
			Message    string             `json:"message"`
			Target     string             `json:"target"`
			Details    []ODataErrorDetail `json:"details"`
			InnerError *ODataInnerError   `json:"innerError"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &envelope) != nil || envelope.Error == nil {
		return e
	}
	d := envelope.Error
	e.Code, e.Message, e.Target = d.Code, d.Message, d.Target
	e.Details, e.InnerError = d.Details, d.InnerError
	return e
}

// statusLine returns the status code and its text, such as "404 Not
// Found".
func statusLine(code int) string {
	if text := http.StatusText(code); text != "" {
		return strconv.Itoa(code) + " " + text
	}
	return strconv.Itoa(code)
}

// bodySnippet returns the start of body on one line, cut at a character
// boundary.
func bodySnippet(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) <= maxErrorSnippet {
		return strings.ToValidUTF8(s, "?")
	}
	cut := maxErrorSnippet
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.ToValidUTF8(s[:cut], "?") + "..."
}
