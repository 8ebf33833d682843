package runtime

import (
	"encoding/json"
	"testing"
)

// patchBody is shaped like a generated model used in a PATCH request.
type patchBody struct {
	Name  Nullable[string] `json:"name,omitzero"`
	Count Nullable[int32]  `json:"count,omitzero"`
}

func TestNullableStates(t *testing.T) {
	tests := []struct {
		name                      string
		n                         Nullable[int]
		wantValue                 int
		wantOK, wantNull, wantSet bool
		wantZero                  bool
	}{
		{"absent", Nullable[int]{}, 0, false, false, false, true},
		{"null", Null[int](), 0, false, true, true, false},
		{"zero value", Value(0), 0, true, false, true, false},
		{"value", Value(7), 7, true, false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tt.n.Get()
			if v != tt.wantValue || ok != tt.wantOK {
				t.Errorf("Get() = %d, %t; want %d, %t", v, ok, tt.wantValue, tt.wantOK)
			}
			if got := tt.n.OrZero(); got != tt.wantValue {
				t.Errorf("OrZero() = %d, want %d", got, tt.wantValue)
			}
			if got := tt.n.IsNull(); got != tt.wantNull {
				t.Errorf("IsNull() = %t, want %t", got, tt.wantNull)
			}
			if got := tt.n.IsPresent(); got != tt.wantSet {
				t.Errorf("IsPresent() = %t, want %t", got, tt.wantSet)
			}
			if got := tt.n.IsZero(); got != tt.wantZero {
				t.Errorf("IsZero() = %t, want %t", got, tt.wantZero)
			}
		})
	}
}

func TestNullableSetters(t *testing.T) {
	var n Nullable[string]
	n.Set("a")
	if got, ok := n.Get(); got != "a" || !ok {
		t.Errorf("after Set: Get() = %q, %t; want \"a\", true", got, ok)
	}
	n.SetNull()
	if !n.IsNull() || !n.IsPresent() {
		t.Errorf("after SetNull: IsNull() = %t, IsPresent() = %t; want true, true", n.IsNull(), n.IsPresent())
	}
	n.Clear()
	if n.IsPresent() || !n.IsZero() {
		t.Errorf("after Clear: IsPresent() = %t, IsZero() = %t; want false, true", n.IsPresent(), n.IsZero())
	}
}

func TestNullableMarshalOmitZero(t *testing.T) {
	tests := []struct {
		name string
		body patchBody
		want string
	}{
		{"absent fields are left out", patchBody{}, `{}`},
		{"null is sent", patchBody{Name: Null[string]()}, `{"name":null}`},
		{"zero value is sent", patchBody{Count: Value[int32](0)}, `{"count":0}`},
		{"values", patchBody{Name: Value("Ann"), Count: Value[int32](3)}, `{"name":"Ann","count":3}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.body)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("Marshal(%+v) = %s, want %s", tt.body, got, tt.want)
			}
		})
	}
}

func TestNullableUnmarshal(t *testing.T) {
	tests := []struct {
		in       string
		wantName Nullable[string]
	}{
		{`{}`, Nullable[string]{}},
		{`{"name":null}`, Null[string]()},
		{`{"name":""}`, Value("")},
		{`{"name":"Ann"}`, Value("Ann")},
	}
	for _, tt := range tests {
		var got patchBody
		if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
			t.Fatalf("Unmarshal(%s): %v", tt.in, err)
		}
		if got.Name != tt.wantName {
			t.Errorf("Unmarshal(%s).Name = %#v, want %#v", tt.in, got.Name, tt.wantName)
		}
	}
}

func TestNullableUnmarshalTypeError(t *testing.T) {
	var got patchBody
	if err := json.Unmarshal([]byte(`{"count":"x"}`), &got); err == nil {
		t.Errorf("Unmarshal of a string into Nullable[int32]: got nil error, want one")
	}
}

func TestInt64AboveFloatPrecisionRoundTrips(t *testing.T) {
	type model struct {
		Size     int64           `json:"size"`
		Quota    Nullable[int64] `json:"quota,omitzero"`
		Optional Nullable[int64] `json:"optional,omitzero"`
	}
	const in = `{"size":9007199254740993,"quota":9223372036854775807}`
	var m model
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if m.Size != 1<<53+1 || m.Quota.OrZero() != 1<<63-1 {
		t.Errorf("decoded size %d, quota %d; want %d, %d", m.Size, m.Quota.OrZero(), int64(1<<53+1), int64(1<<63-1))
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	if string(out) != in {
		t.Errorf("round trip = %s, want %s", out, in)
	}
}
