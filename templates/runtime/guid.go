package runtime

import (
	"encoding/hex"
	"fmt"
)

// GUID is an Edm.Guid. Its text and JSON form is the canonical lower-case
// 8-4-4-4-12 hexadecimal form.
type GUID [16]byte

// ParseGUID parses the 8-4-4-4-12 hexadecimal form in either letter case.
func ParseGUID(s string) (GUID, error) {
	var g GUID
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return g, fmt.Errorf("parse Edm.Guid %q: want 8-4-4-4-12 hexadecimal digits", s)
	}
	digits := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:36]
	if _, err := hex.Decode(g[:], []byte(digits)); err != nil {
		return GUID{}, fmt.Errorf("parse Edm.Guid %q: %w", s, err)
	}
	return g, nil
}

// String returns the canonical lower-case form.
func (g GUID) String() string {
	h := hex.EncodeToString(g[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// MarshalText returns the canonical form; JSON uses it as a string.
func (g GUID) MarshalText() ([]byte, error) {
	return []byte(g.String()), nil
}

// UnmarshalText parses text as ParseGUID does.
func (g *GUID) UnmarshalText(text []byte) error {
	v, err := ParseGUID(string(text))
	if err != nil {
		return err
	}
	*g = v
	return nil
}
