package runtime

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

func TestDecimalKeepsTextAndForm(t *testing.T) {
	tests := []string{
		`123456789012345678901234567890.123456789`,
		`-0.10`,
		`1e-3`,
		`"79228162514264337593543950335"`,
		`"12.50"`,
	}
	for _, in := range tests {
		var d Decimal
		if err := json.Unmarshal([]byte(in), &d); err != nil {
			t.Errorf("Unmarshal(%s): %v", in, err)
			continue
		}
		out, err := json.Marshal(d)
		if err != nil || string(out) != in {
			t.Errorf("round trip of %s = %s, %v", in, out, err)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	d, err := ParseDecimal("-12.50")
	if err != nil {
		t.Fatalf("ParseDecimal: %v", err)
	}
	if out, _ := json.Marshal(d); string(out) != "-12.50" {
		t.Errorf("Marshal(ParseDecimal(-12.50)) = %s, want -12.50", out)
	}
	if f, err := d.Float64(); err != nil || f != -12.5 {
		t.Errorf("Float64() = %v, %v; want -12.5", f, err)
	}
	if got := (Decimal{}).String(); got != "0" {
		t.Errorf("zero Decimal String() = %q, want \"0\"", got)
	}
	for _, in := range []string{"", "+1", "01", ".5", "1.", "1e", "1,5", "NaN", "0x10", " 1"} {
		if _, err := ParseDecimal(in); err == nil {
			t.Errorf("ParseDecimal(%q): got nil error, want one", in)
		}
	}
	var bad Decimal
	if err := json.Unmarshal([]byte(`"abc"`), &bad); err == nil {
		t.Errorf("Unmarshal(\"abc\") into Decimal: got nil error, want one")
	}
}

func TestDoubleJSON(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		out  string
	}{
		{`1.5`, 1.5, `1.5`},
		{`-0.000001`, -0.000001, `-0.000001`},
		{`1e21`, 1e21, `1e+21`},
		{`"INF"`, math.Inf(1), `"INF"`},
		{`"-INF"`, math.Inf(-1), `"-INF"`},
		{`"2.25"`, 2.25, `2.25`},
	}
	for _, tt := range tests {
		var d Double
		if err := json.Unmarshal([]byte(tt.in), &d); err != nil {
			t.Errorf("Unmarshal(%s): %v", tt.in, err)
			continue
		}
		if float64(d) != tt.want {
			t.Errorf("Unmarshal(%s) = %v, want %v", tt.in, d, tt.want)
		}
		if out, err := json.Marshal(d); err != nil || string(out) != tt.out {
			t.Errorf("Marshal(%v) = %s, %v; want %s", d, out, err, tt.out)
		}
	}
}

func TestDoubleNaNAndInvalid(t *testing.T) {
	var d Double
	if err := json.Unmarshal([]byte(`"NaN"`), &d); err != nil || !math.IsNaN(float64(d)) {
		t.Errorf("Unmarshal(\"NaN\") = %v, %v; want NaN", d, err)
	}
	if out, _ := json.Marshal(d); string(out) != `"NaN"` {
		t.Errorf("Marshal(NaN) = %s, want \"NaN\"", out)
	}
	for _, in := range []string{`"Infinity"`, `"x"`, `true`, `"1e999"`} {
		if err := json.Unmarshal([]byte(in), &d); err == nil {
			t.Errorf("Unmarshal(%s) into Double: got nil error, want one", in)
		}
	}
}

func TestSingleJSON(t *testing.T) {
	type model struct {
		Ratio  Single           `json:"ratio"`
		Weight Nullable[Single] `json:"weight,omitzero"`
	}
	const in = `{"ratio":0.1,"weight":"-INF"}`
	var m model
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if m.Ratio != 0.1 || !math.IsInf(float64(m.Weight.OrZero()), -1) {
		t.Errorf("decoded %+v, want ratio 0.1 and weight -INF", m)
	}
	if out, _ := json.Marshal(m); string(out) != in {
		t.Errorf("round trip = %s, want %s", out, in)
	}
}

func TestGUID(t *testing.T) {
	const canonical = "8a1bc2d3-4e5f-4a6b-9c7d-0e1f2a3b4c5d"
	g, err := ParseGUID("8A1BC2D3-4E5F-4A6B-9C7D-0E1F2A3B4C5D")
	if err != nil {
		t.Fatalf("ParseGUID: %v", err)
	}
	if g[0] != 0x8a || g[15] != 0x5d {
		t.Errorf("bytes %x, want 8a...5d", g[:])
	}
	if out, _ := json.Marshal(g); string(out) != `"`+canonical+`"` {
		t.Errorf("Marshal = %s, want %q", out, canonical)
	}
	var back GUID
	if err := json.Unmarshal([]byte(`"`+canonical+`"`), &back); err != nil || back != g {
		t.Errorf("Unmarshal = %v, %v; want %v", back, err, g)
	}
	for _, in := range []string{"", "8a1bc2d34e5f4a6b9c7d0e1f2a3b4c5d", "{8a1bc2d3-4e5f-4a6b-9c7d-0e1f2a3b4c5d}",
		"8a1bc2d3-4e5f-4a6b-9c7d-0e1f2a3b4c5g", "8a1bc2d3_4e5f-4a6b-9c7d-0e1f2a3b4c5d"} {
		if _, err := ParseGUID(in); err == nil {
			t.Errorf("ParseGUID(%q): got nil error, want one", in)
		}
	}
}

func TestBinary(t *testing.T) {
	want := []byte{0xfb, 0xff, 0xbf, 0x01}
	for _, in := range []string{`"+/+/AQ=="`, `"+/+/AQ"`, `"-_-_AQ=="`, `"-_-_AQ"`} {
		var b Binary
		if err := json.Unmarshal([]byte(in), &b); err != nil {
			t.Errorf("Unmarshal(%s): %v", in, err)
			continue
		}
		if !bytes.Equal(b, want) {
			t.Errorf("Unmarshal(%s) = %x, want %x", in, []byte(b), want)
		}
		if out, _ := json.Marshal(b); string(out) != `"+/+/AQ=="` {
			t.Errorf("Marshal(%x) = %s, want \"+/+/AQ==\"", []byte(b), out)
		}
	}
	var b Binary
	if err := json.Unmarshal([]byte(`"+/-_"`), &b); err == nil {
		t.Errorf("Unmarshal of mixed alphabets: got nil error, want one")
	}
}

func TestUntypedAndStreamKeepJSON(t *testing.T) {
	type model struct {
		Data    Untyped           `json:"data"`
		Content Stream            `json:"content"`
		Extra   Nullable[Untyped] `json:"extra,omitzero"`
	}
	const in = `{"data":{"b":[1,2.50,"x"],"a":null},"content":"aGk=","extra":12345678901234567890}`
	var m model
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if out, _ := json.Marshal(m); string(out) != in {
		t.Errorf("round trip = %s, want %s", out, in)
	}
	var decoded struct{ B []any }
	if err := m.Data.Decode(&decoded); err != nil || len(decoded.B) != 3 {
		t.Errorf("Decode = %+v, %v; want three items", decoded, err)
	}
	if out, _ := json.Marshal(model{}); string(out) != `{"data":null,"content":null}` {
		t.Errorf("Marshal of empty = %s", out)
	}
}
