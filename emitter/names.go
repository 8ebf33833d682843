package emitter

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are the words written in capitals in Go names, following the
// Go convention (ID, URL, HTTP) plus OData.
var initialisms = map[string]string{
	"api": "API", "cpu": "CPU", "css": "CSS", "dns": "DNS", "eof": "EOF",
	"guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID",
	"ids": "IDs", "ip": "IP", "json": "JSON", "odata": "OData", "os": "OS",
	"sql": "SQL", "ssl": "SSL", "tcp": "TCP", "tls": "TLS", "ttl": "TTL",
	"ui": "UI", "uid": "UID", "uri": "URI", "url": "URL", "urls": "URLs",
	"utc": "UTC", "uuid": "UUID", "xml": "XML",
}

// exportedName turns a CSDL name (camelCase, sometimes with underscores or
// digits) into an exported Go name: userPrincipalName → UserPrincipalName,
// webUrl → WebURL, id → ID, ssl3 → SSL3. An underscore between two digits
// stays, so that version numbers keep their parts (v10_0 → V10_0, not
// V100, which v1_00 would also give). A name that would start with a digit
// gets the prefix X, as Go identifiers cannot.
func exportedName(name string) string {
	var b strings.Builder
	for _, w := range splitWords(name) {
		if endsInDigit(b.String()) && unicode.IsDigit([]rune(w)[0]) {
			b.WriteByte('_')
		}
		b.WriteString(exportedWord(w))
	}
	out := b.String()
	if out == "" {
		return "X"
	}
	if unicode.IsDigit([]rune(out)[0]) {
		return "X" + out
	}
	return out
}

// exportedWord capitalises one word: an initialism in capitals, alone or
// followed by digits (url → URL, ssl3 → SSL3), any other word with its
// first letter upper-cased.
func exportedWord(w string) string {
	if up, ok := initialisms[strings.ToLower(w)]; ok {
		return up
	}
	letters := strings.IndexFunc(w, unicode.IsDigit)
	if letters > 0 {
		if up, ok := initialisms[strings.ToLower(w[:letters])]; ok {
			return up + w[letters:]
		}
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func endsInDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && unicode.IsDigit(r)
}

// splitWords splits a camelCase or snake_case name into words. A run of
// capitals stays one word (IPAddress → IP, Address).
func splitWords(name string) []string {
	var words []string
	runes := []rune(name)
	start := -1
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if start >= 0 {
				words = append(words, string(runes[start:i]))
			}
			start = -1
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		if wordBoundary(runes, i) {
			words = append(words, string(runes[start:i]))
			start = i
		}
	}
	if start >= 0 {
		words = append(words, string(runes[start:]))
	}
	return words
}

func wordBoundary(runes []rune, i int) bool {
	prev, cur := runes[i-1], runes[i]
	if unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) {
		return true
	}
	next := i + 1
	return unicode.IsUpper(prev) && unicode.IsUpper(cur) && next < len(runes) && unicode.IsLower(runes[next])
}

// scope hands out unique Go identifiers in one name space (the package
// level, or the fields and methods of one struct). A name that is taken
// gets the smallest free numeric suffix: Name, Name2, Name3. Callers ask
// in a stable order, so the result is the same on every run.
type scope struct {
	taken map[string]bool
}

func newScope(reserved ...string) *scope {
	s := &scope{taken: make(map[string]bool, len(reserved))}
	for _, r := range reserved {
		s.taken[r] = true
	}
	return s
}

// claim returns name, or name with a suffix if it is taken, and marks the
// result as taken.
func (s *scope) claim(name string) string {
	candidate := name
	for n := 2; s.taken[candidate]; n++ {
		candidate = name + strconv.Itoa(n)
	}
	s.taken[candidate] = true
	return candidate
}

// reserve marks name as taken, whether or not it already is: for names
// that exist anyway, such as an embedded field or a method.
func (s *scope) reserve(name string) { s.taken[name] = true }

// has reports whether name is taken.
func (s *scope) has(name string) bool { return s.taken[name] }

// child returns a scope that starts with the names of s taken.
func (s *scope) child() *scope {
	c := newScope()
	for k := range s.taken {
		c.taken[k] = true
	}
	return c
}
