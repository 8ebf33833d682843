package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// splitObject splits a JSON object into its members without decoding the
// values: each value is a slice of data. It checks the structure (quotes,
// brackets, separators) but leaves the values to the decoders that read
// them, so a document is scanned about once however deeply it nests.
// encoding/json has validated data when it calls an UnmarshalJSON method.
func splitObject(data []byte) ([]member, error) {
	s := scanner{data: data}
	s.space()
	if s.peek() == 'n' && s.literal("null") {
		return nil, errors.New("want a JSON object, got null")
	}
	if !s.consume('{') {
		return nil, fmt.Errorf("want a JSON object, got %s", describeValue(s.peek()))
	}
	members := make([]member, 0, 12)
	s.space()
	if s.consume('}') {
		return members, s.end()
	}
	for {
		name, err := s.key()
		if err != nil {
			return nil, err
		}
		s.space()
		if !s.consume(':') {
			return nil, s.fail("want ':' after a member name")
		}
		s.space()
		start := s.pos
		if err := s.value(); err != nil {
			return nil, err
		}
		members = append(members, member{name: name, raw: json.RawMessage(data[start:s.pos])})
		s.space()
		if s.consume('}') {
			return members, s.end()
		}
		if !s.consume(',') {
			return nil, s.fail("want ',' or '}' after a member")
		}
		s.space()
	}
}

// scanner walks JSON text.
type scanner struct {
	data []byte
	pos  int
}

func (s *scanner) fail(what string) error {
	return fmt.Errorf("invalid JSON at offset %d: %s", s.pos, what)
}

func (s *scanner) peek() byte {
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

func (s *scanner) consume(c byte) bool {
	if s.peek() == c && s.pos < len(s.data) {
		s.pos++
		return true
	}
	return false
}

func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) literal(word string) bool {
	if len(s.data)-s.pos >= len(word) && string(s.data[s.pos:s.pos+len(word)]) == word {
		s.pos += len(word)
		return true
	}
	return false
}

// end checks that only white space follows the object.
func (s *scanner) end() error {
	s.space()
	if s.pos != len(s.data) {
		return s.fail("unexpected data after the object")
	}
	return nil
}

// key reads a member name; names with escapes or invalid UTF-8 are decoded
// by encoding/json, which replaces invalid bytes as it does everywhere.
func (s *scanner) key() (string, error) {
	start := s.pos
	escaped, err := s.str()
	if err != nil {
		return "", err
	}
	raw := s.data[start:s.pos]
	if !escaped && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1]), nil
	}
	var name string
	if err := json.Unmarshal(raw, &name); err != nil {
		return "", fmt.Errorf("invalid JSON member name at offset %d: %w", start, err)
	}
	return name, nil
}

// str skips a string and reports whether it holds escapes.
func (s *scanner) str() (bool, error) {
	if !s.consume('"') {
		return false, s.fail("want a string")
	}
	escaped := false
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\\':
			escaped = true
			s.pos += 2
		case '"':
			s.pos++
			return escaped, nil
		default:
			s.pos++
		}
	}
	return false, s.fail("unterminated string")
}

// value skips one value of any kind.
func (s *scanner) value() error {
	switch c := s.peek(); {
	case c == '"':
		_, err := s.str()
		return err
	case c == '{' || c == '[':
		return s.nested()
	case c == 0:
		return s.fail("want a value")
	}
	start := s.pos
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			if s.pos == start {
				return s.fail("want a value")
			}
			return nil
		case '{', '[', '"', ':':
			return s.fail("unexpected character in a value")
		}
		s.pos++
	}
	return nil
}

// nested skips an object or array, keeping count of brackets outside
// strings.
func (s *scanner) nested() error {
	var stack []byte
	for s.pos < len(s.data) {
		switch c := s.data[s.pos]; c {
		case '"':
			if _, err := s.str(); err != nil {
				return err
			}
			continue
		case '{', '[':
			stack = append(stack, c)
		case '}', ']':
			if len(stack) == 0 || (c == '}') != (stack[len(stack)-1] == '{') {
				return s.fail("mismatched bracket")
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				s.pos++
				return nil
			}
		}
		s.pos++
	}
	return s.fail("unterminated object or array")
}

// describeValue names the kind of JSON value that starts with c.
func describeValue(c byte) string {
	switch {
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	case c == 0:
		return "nothing"
	}
	return fmt.Sprintf("%q", c)
}
