package runtime

import (
	"encoding/json"
	"fmt"
)

// Untyped is an Edm.Untyped value: any JSON value, kept as received.
//
// Known limitation: encoding/json compacts the whitespace of the stored
// JSON when it writes it back; members and numbers are unchanged.
type Untyped []byte

// Stream is an Edm.Stream value as it appears in a JSON payload, kept as
// received, with the same limitation as Untyped.
type Stream []byte

// MarshalJSON returns the stored JSON, or null when u is empty.
func (u Untyped) MarshalJSON() ([]byte, error) {
	return marshalRaw(u)
}

// UnmarshalJSON stores a copy of data.
func (u *Untyped) UnmarshalJSON(data []byte) error {
	*u = append((*u)[:0], data...)
	return nil
}

// Decode unmarshals the stored JSON into v.
func (u Untyped) Decode(v any) error {
	if err := json.Unmarshal(u, v); err != nil {
		return fmt.Errorf("decode Edm.Untyped: %w", err)
	}
	return nil
}

// MarshalJSON returns the stored JSON, or null when s is empty.
func (s Stream) MarshalJSON() ([]byte, error) {
	return marshalRaw(s)
}

// UnmarshalJSON stores a copy of data.
func (s *Stream) UnmarshalJSON(data []byte) error {
	*s = append((*s)[:0], data...)
	return nil
}

// marshalRaw returns raw, or null when it is empty.
func marshalRaw(raw []byte) ([]byte, error) {
	if len(raw) == 0 {
		return []byte("null"), nil
	}
	return raw, nil
}
