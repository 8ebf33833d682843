package runtime

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Decimal is an Edm.Decimal kept as its decimal text, so no digit is lost.
// It decodes from a JSON number or a JSON string holding a number, and
// encodes back in the same form; a Decimal from ParseDecimal encodes as a
// JSON number. The zero Decimal is 0.
type Decimal struct {
	text   string
	quoted bool
}

// ParseDecimal returns the Decimal for s, which must use JSON number syntax,
// such as -12.50 or 1e-3.
func ParseDecimal(s string) (Decimal, error) {
	if !isJSONNumber(s) {
		return Decimal{}, fmt.Errorf("parse Edm.Decimal %q: not a decimal number", s)
	}
	return Decimal{text: s}, nil
}

// String returns the decimal text.
func (d Decimal) String() string {
	if d.text == "" {
		return "0"
	}
	return d.text
}

// Float64 returns the nearest float64, which may lose precision.
func (d Decimal) Float64() (float64, error) {
	f, err := strconv.ParseFloat(d.String(), 64)
	if err != nil {
		return 0, fmt.Errorf("convert Edm.Decimal %s: %w", d, err)
	}
	return f, nil
}

// MarshalJSON writes the decimal text as a JSON number, or as a JSON string
// when it was decoded from one.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d.quoted {
		return json.Marshal(d.String())
	}
	return []byte(d.String()), nil
}

// UnmarshalJSON accepts a JSON number or a JSON string holding a number; a
// JSON null leaves d unchanged.
func (d *Decimal) UnmarshalJSON(data []byte) error {
	if isJSONNull(data) {
		return nil
	}
	text, quoted := string(data), false
	if len(data) > 0 && data[0] == '"' {
		s, err := unquoteJSONString(data, "Edm.Decimal")
		if err != nil {
			return err
		}
		text, quoted = s, true
	}
	v, err := ParseDecimal(text)
	if err != nil {
		return err
	}
	v.quoted = quoted
	*d = v
	return nil
}

// isJSONNumber reports whether s follows the JSON number grammar.
func isJSONNumber(s string) bool {
	i := 0
	digits := func() int {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	if n := digits(); n == 0 || n > 1 && s[start] == '0' {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
