package runtime

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// escapeKey returns key percent-encoded as a single path segment, as in
// "/users/" + escapeKey(id). Only unreserved characters and @ stay as they
// are, so / ? # % ' and spaces cannot change the path or start a query.
//
// Known limitation: some Graph endpoints reject an escaped slash (%2F) in
// a key; such keys can only be addressed through a $filter query.
func escapeKey(key string) string {
	return percentEscape(key, isPathChar)
}

// odataParam is one parameter of a function call segment: its name and its
// value in OData literal syntax, as returned by the literal functions.
type odataParam struct {
	name    string
	literal string
}

// callSegment returns the escaped path segment that calls the function
// name with params in the given order, such as
// getEmailActivityUserDetail(period=%27D7%27). Without params it returns
// name().
func callSegment(name string, params ...odataParam) string {
	var b strings.Builder
	b.WriteString(percentEscape(name, isPathChar))
	b.WriteByte('(')
	for i, p := range params {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(percentEscape(p.name, isPathChar))
		b.WriteByte('=')
		b.WriteString(percentEscape(p.literal, isPathChar))
	}
	b.WriteByte(')')
	return b.String()
}

// literalNull is the OData literal for null.
const literalNull = "null"

// literalString returns s as an OData string literal: in single quotes,
// with each single quote doubled.
func literalString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// literalInt returns the OData literal for an integer of any Edm size.
func literalInt(n int64) string {
	return strconv.FormatInt(n, 10)
}

// literalBool returns the OData literal true or false.
func literalBool(b bool) string {
	return strconv.FormatBool(b)
}

// literalFloat returns the OData literal for an Edm.Double or Edm.Single,
// with INF, -INF and NaN for the special values.
func literalFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// literalDecimal returns the OData literal for an Edm.Decimal.
func literalDecimal(d Decimal) string {
	return d.String()
}

// literalGUID returns the OData literal for an Edm.Guid, which is not
// quoted.
func literalGUID(g GUID) string {
	return g.String()
}

// literalDate returns the OData literal for an Edm.Date.
func literalDate(d Date) string {
	return d.String()
}

// literalDateTimeOffset returns the OData literal for an
// Edm.DateTimeOffset.
func literalDateTimeOffset(d DateTimeOffset) string {
	return d.String()
}

// literalTimeOfDay returns the OData literal for an Edm.TimeOfDay.
func literalTimeOfDay(t TimeOfDay) string {
	return t.String()
}

// literalDuration returns the OData literal for an Edm.Duration, such as
// duration'P1D'.
func literalDuration(d Duration) string {
	return "duration'" + d.String() + "'"
}

// literalEnum returns the OData enum literal with the qualified type name,
// such as microsoft.graph.dayOfWeek'monday'. Flag combinations are given
// as one member string joined by commas.
func literalEnum(qualifiedType, member string) string {
	return qualifiedType + literalString(member)
}

// percentEscape percent-encodes every byte of s for which keep is false,
// with upper-case hexadecimal digits.
func percentEscape(s string, keep func(byte) bool) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := range len(s) {
		c := s[i]
		if keep(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

// isUnreserved reports whether c is an RFC 3986 unreserved character.
func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// isPathChar reports whether c may stay unescaped in a key or literal.
func isPathChar(c byte) bool {
	return isUnreserved(c) || c == '@'
}

// isQueryChar reports whether c may stay unescaped in a query name or
// value.
func isQueryChar(c byte) bool {
	return isUnreserved(c) || strings.IndexByte("$,()*/:@", c) >= 0
}

// literalJSON returns a complex or collection value as JSON, for a
// function parameter in the URL.
//
// Known limitation: OData 4.0 services may expect such values as parameter
// aliases (@p) instead of inline JSON; graphgen writes them inline.
func literalJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return literalNull
	}
	return string(b)
}
