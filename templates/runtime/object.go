package runtime

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// odataTypeKey is the JSON member that names a value's type.
const odataTypeKey = "@odata.type"

// objectEncoder writes the members of one JSON object in order. It keeps
// the first error, so generated code can write member after member and
// check once at the end.
type objectEncoder struct {
	buf   bytes.Buffer
	count int
	err   error
}

// raw writes a member whose value is already encoded.
func (e *objectEncoder) raw(name string, value []byte) {
	if e.count == 0 {
		e.buf.WriteByte('{')
	} else {
		e.buf.WriteByte(',')
	}
	e.count++
	key, _ := json.Marshal(name)
	e.buf.Write(key)
	e.buf.WriteByte(':')
	e.buf.Write(value)
}

// value encodes v and writes it as a member.
func (e *objectEncoder) value(name string, v any) {
	if e.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		e.err = fmt.Errorf("encode %s: %w", name, err)
		return
	}
	e.raw(name, b)
}

// odataType writes @odata.type when it is known.
func (e *objectEncoder) odataType(name string) {
	if name != "" {
		e.value(odataTypeKey, name)
	}
}

// additional writes the members the metadata does not describe, sorted by
// name so that output is stable.
func (e *objectEncoder) additional(members map[string]json.RawMessage) {
	names := make([]string, 0, len(members))
	for name := range members {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		e.raw(name, members[name])
	}
}

// finish closes the object and returns it, or the first error.
func (e *objectEncoder) finish() ([]byte, error) {
	if e.err != nil {
		return nil, e.err
	}
	if e.count == 0 {
		return []byte("{}"), nil
	}
	e.buf.WriteByte('}')
	return e.buf.Bytes(), nil
}

// encodeMember writes a single-valued property unless it is absent.
//
//go:noinline
func encodeMember[T any](e *objectEncoder, name string, v Nullable[T]) {
	if v.IsPresent() {
		e.value(name, v)
	}
}

// encodeList writes a collection property unless it is nil.
//
//go:noinline
func encodeList[T any](e *objectEncoder, name string, v []T) {
	if v != nil {
		e.value(name, v)
	}
}

// typedValue is implemented by every generated structured type: it names
// the type as @odata.type does, for example #microsoft.graph.user.
type typedValue interface {
	odataTypeName() string
}

// encodeMemberAs writes a property whose declared type has derived types:
// a value of a derived type carries its @odata.type so that a reader can
// tell which type it is.
//
//go:noinline
func encodeMemberAs[T any](e *objectEncoder, name string, v Nullable[T], declared string) {
	if !v.IsPresent() || e.err != nil {
		return
	}
	item, ok := v.Get()
	if !ok {
		e.raw(name, []byte("null"))
		return
	}
	b, err := marshalAs(item, declared)
	if err != nil {
		e.err = fmt.Errorf("encode %s: %w", name, err)
		return
	}
	e.raw(name, b)
}

// encodeListAs writes a collection whose declared element type has derived
// types, each element with its @odata.type where it differs.
//
//go:noinline
func encodeListAs[T any](e *objectEncoder, name string, v []T, declared string) {
	if v == nil || e.err != nil {
		return
	}
	b, err := marshalListAs(v, declared)
	if err != nil {
		e.err = fmt.Errorf("encode %s: %w", name, err)
		return
	}
	e.raw(name, b)
}

func marshalListAs[T any](v []T, declared string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i, item := range v {
		if i > 0 {
			buf.WriteByte(',')
		}
		b, err := marshalAs(item, declared)
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		buf.Write(b)
	}
	buf.WriteByte(']')
	return buf.Bytes(), nil
}

// marshalAs encodes v and adds its @odata.type when its type is not the
// declared one and the encoding does not name a type yet.
func marshalAs(v any, declared string) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	t, ok := v.(typedValue)
	if !ok || t.odataTypeName() == declared || odataTypeOf(b) != "" {
		return b, nil
	}
	return withODataType(b, t.odataTypeName())
}

// withODataType puts an @odata.type member first into an encoded object.
func withODataType(object []byte, name string) ([]byte, error) {
	object = bytes.TrimSpace(object)
	if len(object) < 2 || object[0] != '{' {
		return object, nil
	}
	var e objectEncoder
	e.value(odataTypeKey, name)
	head, _ := e.finish()
	rest := bytes.TrimSpace(object[1:])
	if len(rest) > 0 && rest[0] != '}' {
		head = append(head[:len(head)-1], ',')
	} else {
		head = head[:len(head)-1]
	}
	return append(head, rest...), nil
}

// objectDecoder hands out the members of one JSON object by exact name.
// encoding/json matches names case-insensitively; generated types decode
// through objectDecoder so that "id" never fills a field meant for "ID".
// Members that no field takes stay in the decoder and end up in
// AdditionalData. It keeps the first error.
type objectDecoder struct {
	members []member
	err     error
}

// member is one member of a split object; taken marks those a field used.
type member struct {
	name  string
	raw   json.RawMessage
	taken bool
}

// find returns the index of the last member with that name (JSON lets the
// last of duplicate names win), or -1. Objects are small, so a linear
// search beats a map.
func (d *objectDecoder) find(name string) int {
	for i := len(d.members) - 1; i >= 0; i-- {
		if d.members[i].name == name {
			return i
		}
	}
	return -1
}

// newObjectDecoder splits a JSON object into its members.
func newObjectDecoder(data []byte) (*objectDecoder, error) {
	members, err := splitObject(data)
	if err != nil {
		return nil, err
	}
	return &objectDecoder{members: members}, nil
}

// odataType returns the object's @odata.type without the leading #, or "".
func (d *objectDecoder) odataType() string {
	i := d.find(odataTypeKey)
	if i < 0 {
		return ""
	}
	var name string
	if err := json.Unmarshal(d.members[i].raw, &name); err != nil {
		return ""
	}
	return strings.TrimPrefix(name, "#")
}

// take removes a member and returns its value.
func (d *objectDecoder) take(name string) (json.RawMessage, bool) {
	i := d.find(name)
	if i < 0 || d.members[i].taken {
		return nil, false
	}
	d.markTaken(name)
	return d.members[i].raw, d.err == nil
}

// markTaken marks every member of that name, duplicates included.
func (d *objectDecoder) markTaken(name string) {
	for i := range d.members {
		if d.members[i].name == name {
			d.members[i].taken = true
		}
	}
}

func (d *objectDecoder) fail(name string, err error) {
	if d.err == nil {
		d.err = fmt.Errorf("decode %s: %w", name, err)
	}
}

// finish stores @odata.type and the remaining members, and returns the
// first error.
//
// Known limitation: control information such as @odata.context and
// @odata.etag is kept with the other unknown members, so a decoded value
// sent back as an update body carries it too; build update bodies from the
// fields to change.
func (d *objectDecoder) finish(odataType *string, additional *map[string]json.RawMessage) error {
	if d.err != nil {
		return d.err
	}
	if raw, ok := d.take(odataTypeKey); ok {
		if err := json.Unmarshal(raw, odataType); err != nil {
			return fmt.Errorf("decode %s: %w", odataTypeKey, err)
		}
	}
	*additional = nil
	for _, m := range d.members {
		if m.taken {
			continue
		}
		if *additional == nil {
			*additional = map[string]json.RawMessage{}
		}
		// The members are slices of the caller's buffer, which it may
		// reuse once decoding returns.
		(*additional)[m.name] = slices.Clone(m.raw)
	}
	return nil
}

// objectValue is implemented by the pointer of every generated structured
// type: it takes its members from a decoder, and newObject returns a new
// value of the same type (it may be called on a nil pointer).
type objectValue interface {
	decodeObject(d *objectDecoder) error
	newObject() objectValue
}

// unmarshalObject is the UnmarshalJSON of generated structured types: a
// JSON null leaves v as it is, as encoding/json does; what names the type
// in errors.
//
//go:noinline
func unmarshalObject(data []byte, v objectValue, what string) error {
	if isJSONNull(data) {
		return nil
	}
	d, err := newObjectDecoder(data)
	if err != nil {
		return fmt.Errorf("decode %s: %w", what, err)
	}
	return v.decodeObject(d)
}

// decodeStruct decodes a JSON object into a new value of P's type without
// parsing it twice. P is a pointer type, so one instance of this function
// serves every generated type.
func decodeStruct[P objectValue](data []byte) (P, error) {
	var zero P
	v := zero.newObject().(P)
	d, err := newObjectDecoder(data)
	if err != nil {
		return zero, err
	}
	return v, v.decodeObject(d)
}

// decodeStructMember fills a property of a structured type that has no
// derived types.
//
//go:noinline
func decodeStructMember[P objectValue](d *objectDecoder, name string, dst *Nullable[P]) {
	decodeMemberWith(d, name, dst, decodeStruct[P])
}

// decodeStructList fills a collection of a structured type that has no
// derived types.
//
//go:noinline
func decodeStructList[P objectValue](d *objectDecoder, name string, dst *[]P) {
	decodeListWith(d, name, dst, decodeStruct[P])
}

// decodeMember fills a single-valued property if the object has it.
//
//go:noinline
func decodeMember[T any](d *objectDecoder, name string, dst *Nullable[T]) {
	raw, ok := d.take(name)
	if !ok || decodePlainString(raw, dst) {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		d.fail(name, err)
	}
}

// decodePlainString decodes the most common value, a JSON string without
// escapes and in valid UTF-8, into a string or a type that reads text (enums, dates), without
// the encoding/json machinery. It reports false when it did not apply, and
// for invalid text, so that encoding/json reports the error.
func decodePlainString[T any](raw []byte, dst *Nullable[T]) bool {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' || bytes.IndexByte(raw, '\\') >= 0 ||
		!utf8.Valid(raw) {
		return false
	}
	text := raw[1 : len(raw)-1]
	if s, ok := any(dst).(*Nullable[string]); ok {
		s.Set(string(text))
		return true
	}
	var v T
	if _, ok := any(&v).(json.Unmarshaler); ok {
		return false
	}
	u, ok := any(&v).(encoding.TextUnmarshaler)
	if !ok || u.UnmarshalText(text) != nil {
		return false
	}
	dst.Set(v)
	return true
}

// decodeList fills a collection property if the object has it. A JSON
// null leaves the collection nil, as if it were absent.
//
//go:noinline
func decodeList[T any](d *objectDecoder, name string, dst *[]T) {
	raw, ok := d.take(name)
	if !ok {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		d.fail(name, err)
	}
}

// decodeMemberWith fills a property whose declared type has derived types,
// using a decode function that picks the Go type by @odata.type.
//
//go:noinline
func decodeMemberWith[T any](d *objectDecoder, name string, dst *Nullable[T],
	decode func([]byte) (T, error)) {
	raw, ok := d.take(name)
	if !ok {
		return
	}
	if isJSONNull(raw) {
		dst.SetNull()
		return
	}
	v, err := decode(raw)
	if err != nil {
		d.fail(name, err)
		return
	}
	dst.Set(v)
}

// decodeListWith fills a collection whose declared element type has
// derived types.
//
//go:noinline
func decodeListWith[T any](d *objectDecoder, name string, dst *[]T, decode func([]byte) (T, error)) {
	raw, ok := d.take(name)
	if !ok {
		return
	}
	v, err := decodeElements(raw, decode)
	if err != nil {
		d.fail(name, err)
		return
	}
	*dst = v
}

// decodeElements decodes a JSON array element by element.
func decodeElements[T any](raw []byte, decode func([]byte) (T, error)) ([]T, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, err
	}
	if items == nil {
		return nil, nil
	}
	out := make([]T, 0, len(items))
	for i, item := range items {
		if isJSONNull(item) {
			var zero T
			out = append(out, zero)
			continue
		}
		v, err := decode(item)
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// odataTypeOf returns the @odata.type of an encoded object without the
// leading #, or "" when it has none.
func odataTypeOf(data []byte) string {
	var probe struct {
		Type string `json:"@odata.type"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&probe); err != nil {
		return ""
	}
	return strings.TrimPrefix(probe.Type, "#")
}

// flagsContain reports whether the comma-separated flags value contains
// flag.
func flagsContain(value, flag string) bool {
	for _, f := range strings.Split(value, ",") {
		if strings.TrimSpace(f) == flag {
			return true
		}
	}
	return false
}

// flagsSplit returns the flags of a comma-separated value.
func flagsSplit(value string) []string {
	var out []string
	for _, f := range strings.Split(value, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// flagsAdd returns value with flag added, keeping the order of the others.
func flagsAdd(value, flag string) string {
	if flagsContain(value, flag) {
		return value
	}
	return strings.Join(append(flagsSplit(value), flag), ",")
}

// flagsRemove returns value without flag.
func flagsRemove(value, flag string) string {
	flags := slices.DeleteFunc(flagsSplit(value), func(f string) bool { return f == flag })
	return strings.Join(flags, ",")
}

// typedBody is a request body whose declared type has derived types: a
// value of a derived type is sent with its @odata.type, which the service
// needs to create the right type in a collection of the base type.
type typedBody struct {
	value    any
	declared string
}

// MarshalJSON encodes the value as marshalAs does.
func (b typedBody) MarshalJSON() ([]byte, error) { return marshalAs(b.value, b.declared) }

// decodeValue decodes a response that wraps a primitive, enum or
// collection result in {"value": ...}, as OData does for operation results
// that are not entities or complex values.
//
//go:noinline
func decodeValue[T any](data []byte) (T, error) {
	var wrapper struct {
		Value T `json:"value"`
	}
	err := json.Unmarshal(data, &wrapper)
	return wrapper.Value, err
}

// decodeValuesWith decodes a {"value": [...]} response element by element
// with decode, for collection results of derived-type-aware element types.
func decodeValuesWith[T any](decode func([]byte) (T, error)) func([]byte) ([]T, error) {
	return func(data []byte) ([]T, error) {
		var wrapper struct {
			Value json.RawMessage `json:"value"`
		}
		if err := json.Unmarshal(data, &wrapper); err != nil {
			return nil, err
		}
		return decodeElements(wrapper.Value, decode)
	}
}
