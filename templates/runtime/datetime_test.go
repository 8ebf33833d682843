package runtime

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDateTimeOffsetRoundTrip(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2024-08-01T10:11:12Z", "2024-08-01T10:11:12Z"},
		{"2024-08-01T10:11:12.1234567Z", "2024-08-01T10:11:12.1234567Z"},
		{"2024-08-01T10:11:12.123456789Z", "2024-08-01T10:11:12.123456789Z"},
		{"2024-08-01T10:11:12.5+02:00", "2024-08-01T10:11:12.5+02:00"},
		{"2024-08-01T10:11:12.1000000Z", "2024-08-01T10:11:12.1Z"},
		{"2024-08-01T10:11:12", "2024-08-01T10:11:12Z"},
		{"2024-08-01T10:11:12.0000001", "2024-08-01T10:11:12.0000001Z"},
	}
	for _, tt := range tests {
		var got DateTimeOffset
		if err := json.Unmarshal([]byte(`"`+tt.in+`"`), &got); err != nil {
			t.Errorf("Unmarshal(%q): %v", tt.in, err)
			continue
		}
		out, err := json.Marshal(got)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		if string(out) != `"`+tt.want+`"` {
			t.Errorf("round trip of %q = %s, want %q", tt.in, out, tt.want)
		}
	}
}

func TestDateTimeOffsetTime(t *testing.T) {
	want := time.Date(2024, 8, 1, 10, 11, 12, 123456700, time.UTC)
	d, err := ParseDateTimeOffset("2024-08-01T10:11:12.1234567Z")
	if err != nil {
		t.Fatalf("ParseDateTimeOffset: %v", err)
	}
	if got := d.Time(); !got.Equal(want) {
		t.Errorf("Time() = %v, want %v", got, want)
	}
	if got := NewDateTimeOffset(want).String(); got != "2024-08-01T10:11:12.1234567Z" {
		t.Errorf("NewDateTimeOffset(%v).String() = %q", want, got)
	}
}

func TestDateTimeOffsetInvalid(t *testing.T) {
	for _, in := range []string{"", "2024-08-01", "2024-13-01T00:00:00Z", "yesterday"} {
		if _, err := ParseDateTimeOffset(in); err == nil {
			t.Errorf("ParseDateTimeOffset(%q): got nil error, want one", in)
		}
	}
}

func TestDateRoundTrip(t *testing.T) {
	var d Date
	if err := json.Unmarshal([]byte(`"2024-08-01"`), &d); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if want := (Date{2024, time.August, 1}); d != want {
		t.Errorf("decoded %#v, want %#v", d, want)
	}
	out, err := json.Marshal(d)
	if err != nil || string(out) != `"2024-08-01"` {
		t.Errorf("Marshal = %s, %v; want \"2024-08-01\"", out, err)
	}
	for _, in := range []string{"2024-8-1", "2024-02-30", "20240801"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q): got nil error, want one", in)
		}
	}
}

func TestTimeOfDayRoundTrip(t *testing.T) {
	tests := []struct {
		in   string
		want TimeOfDay
		text string
	}{
		{"13:45:10.1234567", TimeOfDay{13, 45, 10, 123456700}, "13:45:10.1234567"},
		{"13:45:10", TimeOfDay{13, 45, 10, 0}, "13:45:10"},
		{"08:00", TimeOfDay{8, 0, 0, 0}, "08:00:00"},
		{"23:59:59.999999999", TimeOfDay{23, 59, 59, 999999999}, "23:59:59.999999999"},
	}
	for _, tt := range tests {
		var got TimeOfDay
		if err := json.Unmarshal([]byte(`"`+tt.in+`"`), &got); err != nil {
			t.Errorf("Unmarshal(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Unmarshal(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
		if out, _ := json.Marshal(got); string(out) != `"`+tt.text+`"` {
			t.Errorf("Marshal(%#v) = %s, want %q", got, out, tt.text)
		}
	}
	for _, in := range []string{"24:00:00", "13:60", "1345"} {
		if _, err := ParseTimeOfDay(in); err == nil {
			t.Errorf("ParseTimeOfDay(%q): got nil error, want one", in)
		}
	}
}
