package runtime

import "encoding/json"

// Nullable holds a value that is either absent, explicitly null, or set.
// The zero Nullable is absent, so a struct field tagged `json:",omitzero"`
// is left out of the JSON body until it is set or set to null. Use Value
// and Null to build one, and Get to read it.
type Nullable[T any] struct {
	value   T
	present bool
	null    bool
}

// Value returns a Nullable that holds v.
func Value[T any](v T) Nullable[T] {
	return Nullable[T]{value: v, present: true}
}

// Null returns a Nullable that holds an explicit JSON null.
func Null[T any]() Nullable[T] {
	return Nullable[T]{present: true, null: true}
}

// Get returns the value and true when a non-null value is set; otherwise it
// returns the zero value of T and false.
func (n Nullable[T]) Get() (T, bool) {
	if n.present && !n.null {
		return n.value, true
	}
	var zero T
	return zero, false
}

// OrZero returns the value when one is set and the zero value of T
// otherwise.
func (n Nullable[T]) OrZero() T {
	v, _ := n.Get()
	return v
}

// IsNull reports whether n holds an explicit null.
func (n Nullable[T]) IsNull() bool {
	return n.present && n.null
}

// IsPresent reports whether n holds a value or an explicit null.
func (n Nullable[T]) IsPresent() bool {
	return n.present
}

// IsZero reports whether n is absent. It lets the `omitzero` struct tag
// option leave absent fields out of JSON output.
func (n Nullable[T]) IsZero() bool {
	return !n.present
}

// Set stores v.
func (n *Nullable[T]) Set(v T) {
	*n = Value(v)
}

// SetNull stores an explicit null.
func (n *Nullable[T]) SetNull() {
	*n = Null[T]()
}

// Clear makes n absent again.
func (n *Nullable[T]) Clear() {
	*n = Nullable[T]{}
}

// MarshalJSON encodes the value, or null when n is null or absent.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.present || n.null {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON stores null for a JSON null and decodes anything else as a
// value of type T.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if isJSONNull(data) {
		n.SetNull()
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	n.Set(v)
	return nil
}
