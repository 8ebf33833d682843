package runtime

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDurationRoundTrip(t *testing.T) {
	tests := []struct {
		in   string
		want Duration
	}{
		{"P1DT2H", Duration{Days: 1, Hours: 2}},
		{"PT0.5S", Duration{Nanoseconds: 500000000}},
		{"-P1Y2M3DT4H5M6.7S", Duration{Negative: true, Years: 1, Months: 2, Days: 3,
			Hours: 4, Minutes: 5, Seconds: 6, Nanoseconds: 700000000}},
		{"PT36H", Duration{Hours: 36}},
		{"P1M", Duration{Months: 1}},
		{"PT1M", Duration{Minutes: 1}},
		{"PT0S", Duration{}},
		{"PT1.0000001S", Duration{Seconds: 1, Nanoseconds: 100}},
	}
	for _, tt := range tests {
		var got Duration
		if err := json.Unmarshal([]byte(`"`+tt.in+`"`), &got); err != nil {
			t.Errorf("Unmarshal(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Unmarshal(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if out, _ := json.Marshal(got); string(out) != `"`+tt.in+`"` {
			t.Errorf("round trip of %q = %s", tt.in, out)
		}
	}
}

func TestDurationInvalid(t *testing.T) {
	for _, in := range []string{"", "P", "PT", "1D", "P1H", "PT1D", "P1D2Y", "P1.5D",
		"PT1.5H", "P1W", "PT1.1234567891S", "P-1D", "P1DT", "PT1S2M"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q): got nil error, want one", in)
		}
	}
}

func TestDurationTimeDuration(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"P1DT2H", 26 * time.Hour, false},
		{"-PT1M30.25S", -(90*time.Second + 250*time.Millisecond), false},
		{"P1Y", 0, true},
		{"P1M", 0, true},
		{"P200000D", 0, true},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.in)
		if err != nil {
			t.Fatalf("ParseDuration(%q): %v", tt.in, err)
		}
		got, err := d.TimeDuration()
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("%q.TimeDuration() = %v, %v; want %v, error %t", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestNewDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{26*time.Hour + 3*time.Minute + 4*time.Second + 5*time.Millisecond, "P1DT2H3M4.005S"},
		{-time.Second / 2, "-PT0.5S"},
		{0, "PT0S"},
	}
	for _, tt := range tests {
		got := NewDuration(tt.in)
		if got.String() != tt.want {
			t.Errorf("NewDuration(%v) = %s, want %s", tt.in, got, tt.want)
		}
		if back, err := got.TimeDuration(); err != nil || back != tt.in {
			t.Errorf("NewDuration(%v).TimeDuration() = %v, %v", tt.in, back, err)
		}
	}
}
