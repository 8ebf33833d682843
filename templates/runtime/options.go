package runtime

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// RequestOptions adjusts a single request. A nil *RequestOptions means no
// adjustment.
type RequestOptions struct {
	// Header holds extra headers; each replaces a client-wide header of the
	// same name, except Prefer, whose values are merged.
	Header http.Header

	// IncludeUnknownEnumMembers adds the preference
	// include-unknown-enum-members, which makes the service return enum
	// members added after the client was generated.
	IncludeUnknownEnumMembers bool

	// ConsistencyLevelEventual sends ConsistencyLevel: eventual, which
	// advanced directory queries ($count, $search, some $filter forms) need.
	ConsistencyLevelEventual bool
}

// QueryOptions adjusts a request that reads a single entity.
type QueryOptions struct {
	RequestOptions

	// Select lists the properties to return ($select).
	Select []string

	// Expand lists the navigation properties to include ($expand).
	Expand []string
}

// ListOptions adjusts a request that reads a collection. Zero values are
// not sent.
type ListOptions struct {
	RequestOptions

	// Select lists the properties to return ($select).
	Select []string

	// Expand lists the navigation properties to include ($expand).
	Expand []string

	// Filter is an OData filter expression ($filter), such as
	// startswith(displayName,'A').
	Filter string

	// Search is the search expression ($search), including any double
	// quotes the service requires, such as "displayName:Ann".
	Search string

	// OrderBy lists sort expressions ($orderby), such as "displayName desc".
	OrderBy []string

	// Top is the page size the service should use ($top).
	//
	// Known limitation: $top=0 cannot be asked for, as zero means unset.
	Top int

	// Skip is the number of items to skip ($skip).
	Skip int

	// Count asks for the total number of items ($count=true).
	Count bool
}

// queryParam is one query parameter, not yet escaped.
type queryParam struct {
	name  string
	value string
}

// queryParams returns the query parameters of o, which may be nil.
func (o *QueryOptions) queryParams() []queryParam {
	if o == nil {
		return nil
	}
	var q []queryParam
	q = appendList(q, "$select", o.Select)
	return appendList(q, "$expand", o.Expand)
}

// requestOptions returns the per-request options of o, which may be nil.
func (o *QueryOptions) requestOptions() *RequestOptions {
	if o == nil {
		return nil
	}
	return &o.RequestOptions
}

// queryParams returns the query parameters of o, which may be nil, in a
// fixed order.
func (o *ListOptions) queryParams() []queryParam {
	if o == nil {
		return nil
	}
	var q []queryParam
	q = appendList(q, "$select", o.Select)
	q = appendList(q, "$expand", o.Expand)
	q = appendText(q, "$filter", o.Filter)
	q = appendText(q, "$search", o.Search)
	q = appendList(q, "$orderby", o.OrderBy)
	if o.Top != 0 {
		q = append(q, queryParam{"$top", strconv.Itoa(o.Top)})
	}
	if o.Skip != 0 {
		q = append(q, queryParam{"$skip", strconv.Itoa(o.Skip)})
	}
	if o.Count {
		q = append(q, queryParam{"$count", "true"})
	}
	return q
}

// requestOptions returns the per-request options of o, which may be nil.
func (o *ListOptions) requestOptions() *RequestOptions {
	if o == nil {
		return nil
	}
	return &o.RequestOptions
}

// appendList appends name with the comma-joined values unless there are
// none.
func appendList(q []queryParam, name string, values []string) []queryParam {
	if len(values) == 0 {
		return q
	}
	return append(q, queryParam{name, strings.Join(values, ",")})
}

// appendText appends name with value unless value is empty.
func appendText(q []queryParam, name, value string) []queryParam {
	if value == "" {
		return q
	}
	return append(q, queryParam{name, value})
}

// encodeQuery returns the raw query for params in their given order.
// Names and values are percent-encoded, a space as %20, leaving only
// unreserved characters and $ , ( ) * / : @ readable.
func encodeQuery(params []queryParam) string {
	var b strings.Builder
	for i, p := range params {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(percentEscape(p.name, isQueryChar))
		b.WriteByte('=')
		b.WriteString(percentEscape(p.value, isQueryChar))
	}
	return b.String()
}

// setHeaders sets the headers of a request: the JSON defaults, then the
// client-wide headers, then those of o, which may be nil.
func (c *Client) setHeaders(h http.Header, o *RequestOptions, hasBody bool) {
	h.Set("Accept", "application/json")
	if hasBody {
		h.Set("Content-Type", "application/json")
	}
	for k, v := range c.header {
		h[k] = slices.Clone(v)
	}
	prefer := slices.Clone(c.header.Values("Prefer"))
	if o != nil {
		for k, v := range o.Header {
			if k = http.CanonicalHeaderKey(k); k == "Prefer" {
				prefer = append(prefer, v...)
				continue
			}
			h[k] = slices.Clone(v)
		}
		if o.IncludeUnknownEnumMembers {
			prefer = append(prefer, "include-unknown-enum-members")
		}
		if o.ConsistencyLevelEventual {
			h.Set("ConsistencyLevel", "eventual")
		}
	}
	h.Del("Prefer")
	if prefer = uniqueStrings(prefer); len(prefer) > 0 {
		h.Set("Prefer", strings.Join(prefer, ", "))
	}
}

// uniqueStrings returns values without repeats, keeping the first of each.
func uniqueStrings(values []string) []string {
	var out []string
	for _, v := range values {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
