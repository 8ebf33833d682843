package runtime

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Binary is an Edm.Binary. It encodes as standard base64 with padding and
// decodes both the standard and the URL-safe alphabet, padded or not.
type Binary []byte

// MarshalText returns the standard padded base64 form; JSON uses it as a
// string.
func (b Binary) MarshalText() ([]byte, error) {
	return []byte(base64.StdEncoding.EncodeToString(b)), nil
}

// UnmarshalText decodes base64 in either alphabet, with or without padding.
func (b *Binary) UnmarshalText(text []byte) error {
	s := strings.TrimRight(string(text), "=")
	enc := base64.RawStdEncoding
	if strings.ContainsAny(s, "-_") {
		enc = base64.RawURLEncoding
	}
	data, err := enc.DecodeString(s)
	if err != nil {
		return fmt.Errorf("decode Edm.Binary: %w", err)
	}
	*b = data
	return nil
}
