package runtime

import (
	"fmt"
	"strings"
	"time"
)

// DateTimeOffset is an Edm.DateTimeOffset: an instant with the UTC offset it
// was written with. Its text and JSON form is RFC 3339 with as many
// fractional second digits as the value needs.
type DateTimeOffset struct {
	t time.Time
}

// NewDateTimeOffset returns a DateTimeOffset for t.
func NewDateTimeOffset(t time.Time) DateTimeOffset {
	return DateTimeOffset{t: t}
}

// ParseDateTimeOffset parses RFC 3339 text with 0 to 9 fractional second
// digits. Text without an offset, as Graph sometimes sends, is read as UTC.
func ParseDateTimeOffset(s string) (DateTimeOffset, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		var errLocal error
		t, errLocal = time.Parse("2006-01-02T15:04:05.999999999", s)
		if errLocal != nil {
			return DateTimeOffset{}, fmt.Errorf("parse Edm.DateTimeOffset %q: %w", s, err)
		}
	}
	return DateTimeOffset{t: t}, nil
}

// Time returns the instant as a time.Time.
func (d DateTimeOffset) Time() time.Time {
	return d.t
}

// String returns the RFC 3339 form.
func (d DateTimeOffset) String() string {
	return d.t.Format(time.RFC3339Nano)
}

// MarshalText returns the RFC 3339 form; JSON uses it as a string.
func (d DateTimeOffset) MarshalText() ([]byte, error) {
	return []byte(d.String()), nil
}

// UnmarshalText parses text as ParseDateTimeOffset does.
func (d *DateTimeOffset) UnmarshalText(text []byte) error {
	v, err := ParseDateTimeOffset(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Date is an Edm.Date: a calendar day without a time zone, written
// 2024-08-01.
//
// Known limitation: only years 0000 to 9999 are accepted.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses text of the form YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("parse Edm.Date %q: %w", s, err)
	}
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, nil
}

// String returns the YYYY-MM-DD form.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText returns the YYYY-MM-DD form; JSON uses it as a string.
func (d Date) MarshalText() ([]byte, error) {
	return []byte(d.String()), nil
}

// UnmarshalText parses text as ParseDate does.
func (d *Date) UnmarshalText(text []byte) error {
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// TimeOfDay is an Edm.TimeOfDay: a clock time without a date or zone,
// written 13:45:10.1234567 with optional seconds and fraction.
type TimeOfDay struct {
	Hour       int
	Minute     int
	Second     int
	Nanosecond int
}

// ParseTimeOfDay parses text of the form HH:MM[:SS[.fraction]].
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	layout := "15:04:05"
	if strings.Count(s, ":") == 1 {
		layout = "15:04"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return TimeOfDay{}, fmt.Errorf("parse Edm.TimeOfDay %q: %w", s, err)
	}
	return TimeOfDay{
		Hour:       t.Hour(),
		Minute:     t.Minute(),
		Second:     t.Second(),
		Nanosecond: t.Nanosecond(),
	}, nil
}

// String returns the HH:MM:SS form, followed by the fraction digits the
// value needs.
func (t TimeOfDay) String() string {
	s := fmt.Sprintf("%02d:%02d:%02d", t.Hour, t.Minute, t.Second)
	return s + formatFraction(t.Nanosecond)
}

// MarshalText returns the String form; JSON uses it as a string.
func (t TimeOfDay) MarshalText() ([]byte, error) {
	return []byte(t.String()), nil
}

// UnmarshalText parses text as ParseTimeOfDay does.
func (t *TimeOfDay) UnmarshalText(text []byte) error {
	v, err := ParseTimeOfDay(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// formatFraction returns ".ddd" for a count of nanoseconds without trailing
// zeros, or "" for zero.
func formatFraction(nanos int) string {
	if nanos == 0 {
		return ""
	}
	return "." + strings.TrimRight(fmt.Sprintf("%09d", nanos), "0")
}
