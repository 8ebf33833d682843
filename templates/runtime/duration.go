package runtime

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is an Edm.Duration in ISO 8601 form, such as P1DT2H or
// -P1Y2M3DT4H5M6.7S. It keeps each component as written, so years and
// months are not folded into days and the text round-trips. The fields
// are non-negative; Negative carries the sign of the whole duration.
//
// Known limitation: zero components and trailing zeros of the fraction
// are not kept, so P0D and PT1.50S are written back as PT0S and PT1.5S.
// Weeks (P2W) are rejected, as Edm.Duration has none.
type Duration struct {
	Negative bool
	Years    int64
	Months   int64
	Days     int64
	Hours    int64
	Minutes  int64
	Seconds  int64
	// Nanoseconds is the fraction of the seconds component, 0 to 999999999.
	Nanoseconds int64
}

// NewDuration returns the Duration for d in days, hours, minutes and
// seconds, where a day is 24 hours.
func NewDuration(d time.Duration) Duration {
	abs := uint64(d)
	if d < 0 {
		abs = -abs
	}
	n := func(unit time.Duration) int64 {
		v := abs / uint64(unit)
		abs -= v * uint64(unit)
		return int64(v)
	}
	return Duration{
		Negative:    d < 0,
		Days:        n(24 * time.Hour),
		Hours:       n(time.Hour),
		Minutes:     n(time.Minute),
		Seconds:     n(time.Second),
		Nanoseconds: int64(abs),
	}
}

// ParseDuration parses an ISO 8601 duration with optional sign, the date
// components Y, M and D, and after T the time components H, M and S, where
// only the seconds may have a fraction.
func ParseDuration(s string) (Duration, error) {
	d, err := parseDurationText(s)
	if err != nil {
		return Duration{}, fmt.Errorf("parse Edm.Duration %q: %w", s, err)
	}
	return d, nil
}

// TimeDuration converts d to a time.Duration, counting a day as 24 hours.
// It fails when years or months are set, since they have no fixed length,
// and when the result does not fit.
func (d Duration) TimeDuration() (time.Duration, error) {
	if d.Years != 0 || d.Months != 0 {
		return 0, fmt.Errorf("convert Edm.Duration %s: years and months have no fixed length", d)
	}
	total := int64(0)
	for _, part := range []struct{ count, unit int64 }{
		{d.Days, int64(24 * time.Hour)},
		{d.Hours, int64(time.Hour)},
		{d.Minutes, int64(time.Minute)},
		{d.Seconds, int64(time.Second)},
		{d.Nanoseconds, 1},
	} {
		if part.count < 0 || part.count > (math.MaxInt64-total)/part.unit {
			return 0, fmt.Errorf("convert Edm.Duration %s: out of range", d)
		}
		total += part.count * part.unit
	}
	if d.Negative {
		total = -total
	}
	return time.Duration(total), nil
}

// String returns the ISO 8601 form, leaving out zero components; the zero
// Duration is PT0S.
func (d Duration) String() string {
	var b strings.Builder
	if d.Negative {
		b.WriteByte('-')
	}
	b.WriteByte('P')
	writeDurationPart(&b, d.Years, 'Y')
	writeDurationPart(&b, d.Months, 'M')
	writeDurationPart(&b, d.Days, 'D')
	if d.Hours != 0 || d.Minutes != 0 || d.Seconds != 0 || d.Nanoseconds != 0 {
		b.WriteByte('T')
		writeDurationPart(&b, d.Hours, 'H')
		writeDurationPart(&b, d.Minutes, 'M')
		if d.Seconds != 0 || d.Nanoseconds != 0 {
			fmt.Fprintf(&b, "%d%sS", d.Seconds, formatFraction(int(d.Nanoseconds)))
		}
	}
	if s := b.String(); !strings.HasSuffix(s, "P") {
		return s
	}
	return "PT0S"
}

// MarshalText returns the ISO 8601 form; JSON uses it as a string.
func (d Duration) MarshalText() ([]byte, error) {
	return []byte(d.String()), nil
}

// UnmarshalText parses text as ParseDuration does.
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := ParseDuration(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// writeDurationPart writes count and its designator unless count is zero.
func writeDurationPart(b *strings.Builder, count int64, designator byte) {
	if count != 0 {
		fmt.Fprintf(b, "%d%c", count, designator)
	}
}

// parseDurationText does the work of ParseDuration.
func parseDurationText(s string) (Duration, error) {
	var d Duration
	rest, negative := strings.CutPrefix(s, "-")
	if !negative {
		rest = strings.TrimPrefix(rest, "+")
	}
	d.Negative = negative
	rest, ok := strings.CutPrefix(rest, "P")
	if !ok {
		return Duration{}, errors.New("missing P designator")
	}
	datePart, timePart, hasTime := strings.Cut(rest, "T")
	if datePart == "" && timePart == "" || hasTime && timePart == "" {
		return Duration{}, errors.New("missing components")
	}
	dateFields := []*int64{&d.Years, &d.Months, &d.Days}
	if err := parseDurationParts(datePart, "YMD", dateFields, nil); err != nil {
		return Duration{}, err
	}
	timeFields := []*int64{&d.Hours, &d.Minutes, &d.Seconds}
	if err := parseDurationParts(timePart, "HMS", timeFields, &d.Nanoseconds); err != nil {
		return Duration{}, err
	}
	return d, nil
}

// parseDurationParts reads number-designator pairs from part in the order
// given by designators, storing each number in the matching field. Only the
// last designator may carry a fraction, which goes to fraction.
func parseDurationParts(part, designators string, fields []*int64, fraction *int64) error {
	next := 0
	for part != "" {
		end := strings.IndexFunc(part, func(r rune) bool {
			return (r < '0' || r > '9') && r != '.' && r != ','
		})
		if end <= 0 {
			return fmt.Errorf("bad component %q", part)
		}
		k := strings.IndexByte(designators[next:], part[end])
		if k < 0 {
			return fmt.Errorf("unexpected designator %q", part[end])
		}
		next += k
		whole, frac, hasFrac := strings.Cut(strings.Replace(part[:end], ",", ".", 1), ".")
		n, err := strconv.ParseInt(whole, 10, 64)
		if err != nil {
			return fmt.Errorf("bad number %q", part[:end])
		}
		*fields[next] = n
		if hasFrac {
			if fraction == nil || next != len(designators)-1 {
				return fmt.Errorf("fraction not allowed in %q", part[:end+1])
			}
			if *fraction, err = parseNanos(frac); err != nil {
				return err
			}
		}
		next++
		part = part[end+1:]
	}
	return nil
}

// parseNanos turns 1 to 9 fractional second digits into nanoseconds.
func parseNanos(digits string) (int64, error) {
	if len(digits) == 0 || len(digits) > 9 || strings.Trim(digits, "0123456789") != "" {
		return 0, fmt.Errorf("bad fraction %q", digits)
	}
	n, err := strconv.ParseInt(digits+strings.Repeat("0", 9-len(digits)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("bad fraction %q", digits)
	}
	return n, nil
}
