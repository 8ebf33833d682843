package runtime

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// Double is an Edm.Double. It encodes as a JSON number, and infinities and
// NaN as the JSON strings "INF", "-INF" and "NaN" that OData uses.
type Double float64

// Single is an Edm.Single, encoded like Double with float32 precision.
type Single float32

// MarshalJSON writes d as a JSON number or one of the special strings.
func (d Double) MarshalJSON() ([]byte, error) {
	return marshalFloat(float64(d), 64)
}

// UnmarshalJSON reads a JSON number, a special string, or a JSON string
// holding a number; a JSON null leaves d unchanged.
func (d *Double) UnmarshalJSON(data []byte) error {
	f, err := unmarshalFloat(data, 64, "Edm.Double")
	if err == nil && !isJSONNull(data) {
		*d = Double(f)
	}
	return err
}

// MarshalJSON writes s as a JSON number or one of the special strings.
func (s Single) MarshalJSON() ([]byte, error) {
	return marshalFloat(float64(s), 32)
}

// UnmarshalJSON reads a JSON number, a special string, or a JSON string
// holding a number; a JSON null leaves s unchanged.
func (s *Single) UnmarshalJSON(data []byte) error {
	f, err := unmarshalFloat(data, 32, "Edm.Single")
	if err == nil && !isJSONNull(data) {
		*s = Single(f)
	}
	return err
}

// marshalFloat encodes f at the given bit size.
func marshalFloat(f float64, bitSize int) ([]byte, error) {
	switch {
	case math.IsNaN(f):
		return []byte(`"NaN"`), nil
	case math.IsInf(f, 1):
		return []byte(`"INF"`), nil
	case math.IsInf(f, -1):
		return []byte(`"-INF"`), nil
	case bitSize == 32:
		return json.Marshal(float32(f))
	}
	return json.Marshal(f)
}

// unmarshalFloat decodes a JSON number or string at the given bit size.
func unmarshalFloat(data []byte, bitSize int, what string) (float64, error) {
	if isJSONNull(data) {
		return 0, nil
	}
	text := string(data)
	if len(data) > 0 && data[0] == '"' {
		s, err := unquoteJSONString(data, what)
		if err != nil {
			return 0, err
		}
		switch s {
		case "INF":
			return math.Inf(1), nil
		case "-INF":
			return math.Inf(-1), nil
		case "NaN":
			return math.NaN(), nil
		}
		text = s
	}
	if !isJSONNumber(text) {
		return 0, fmt.Errorf("decode %s: bad number %.40q", what, text)
	}
	f, err := strconv.ParseFloat(text, bitSize)
	if err != nil {
		return 0, fmt.Errorf("decode %s: %w", what, err)
	}
	return f, nil
}
