package runtime

import (
	"math"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestEscapeKeyStaysOneSegment(t *testing.T) {
	keys := []string{
		"plain-id_1.2~3",
		"a/b",
		"what?x=1",
		"#frag",
		"100%",
		"O'Neil",
		"two words",
		"café",
		"../..",
		"a+b&c=d;e",
		"ann@contoso.com",
	}
	for _, key := range keys {
		escaped := escapeKey(key)
		u, err := url.Parse("https://graph.microsoft.com/v1.0/users/" + escaped + "/manager")
		if err != nil {
			t.Errorf("url.Parse with key %q: %v", key, err)
			continue
		}
		segments := strings.Split(u.EscapedPath(), "/")
		if len(segments) != 5 || segments[3] != escaped || segments[4] != "manager" {
			t.Errorf("key %q: path %q, want segments [... users %s manager]", key, u.EscapedPath(), escaped)
			continue
		}
		if u.RawQuery != "" || u.Fragment != "" {
			t.Errorf("key %q: query %q, fragment %q; want none", key, u.RawQuery, u.Fragment)
		}
		if back, err := url.PathUnescape(segments[3]); err != nil || back != key {
			t.Errorf("key %q: PathUnescape(%q) = %q, %v", key, segments[3], back, err)
		}
	}
}

func TestEscapeKeyExact(t *testing.T) {
	got := escapeKey("a/b?c#d%e'f g é@x")
	const want = "a%2Fb%3Fc%23d%25e%27f%20g%20%C3%A9@x"
	if got != want {
		t.Errorf("escapeKey = %q, want %q", got, want)
	}
}

func TestLiterals(t *testing.T) {
	guid, _ := ParseGUID("8a1bc2d3-4e5f-4a6b-9c7d-0e1f2a3b4c5d")
	dto := NewDateTimeOffset(time.Date(2024, 8, 1, 10, 0, 0, 0, time.FixedZone("", 2*3600)))
	dec, _ := ParseDecimal("1.50")
	tests := []struct {
		name, got, want string
	}{
		{"string", literalString("O'Neil"), "'O''Neil'"},
		{"empty string", literalString(""), "''"},
		{"int", literalInt(-42), "-42"},
		{"bool", literalBool(true), "true"},
		{"float", literalFloat(0.5), "0.5"},
		{"float inf", literalFloat(math.Inf(-1)), "-INF"},
		{"float nan", literalFloat(math.NaN()), "NaN"},
		{"decimal", literalDecimal(dec), "1.50"},
		{"guid", literalGUID(guid), "8a1bc2d3-4e5f-4a6b-9c7d-0e1f2a3b4c5d"},
		{"date", literalDate(Date{2024, time.August, 1}), "2024-08-01"},
		{"datetime", literalDateTimeOffset(dto), "2024-08-01T10:00:00+02:00"},
		{"time of day", literalTimeOfDay(TimeOfDay{Hour: 9, Minute: 30}), "09:30:00"},
		{"duration", literalDuration(Duration{Days: 1}), "duration'P1D'"},
		{"enum", literalEnum("microsoft.graph.dayOfWeek", "monday"), "microsoft.graph.dayOfWeek'monday'"},
		{"null", literalNull, "null"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s literal = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestCallSegment(t *testing.T) {
	tests := []struct {
		name   string
		params []odataParam
		want   string
	}{
		{"delta", nil, "delta()"},
		{"getEmailActivityUserDetail", []odataParam{{"period", literalString("D7")}},
			"getEmailActivityUserDetail(period=%27D7%27)"},
		{"search", []odataParam{{"q", literalString("O'Neil/x?y#z %")}},
			"search(q=%27O%27%27Neil%2Fx%3Fy%23z%20%25%27)"},
		{"microsoft.graph.f", []odataParam{
			{"n", literalInt(3)},
			{"when", literalDateTimeOffset(NewDateTimeOffset(
				time.Date(2024, 8, 1, 0, 0, 0, 0, time.FixedZone("", 3600))))},
			{"day", literalEnum("microsoft.graph.dayOfWeek", "monday")},
			{"none", literalNull},
		}, "microsoft.graph.f(n=3,when=2024-08-01T00%3A00%3A00%2B01%3A00," +
			"day=microsoft.graph.dayOfWeek%27monday%27,none=null)"},
	}
	for _, tt := range tests {
		got := callSegment(tt.name, tt.params...)
		if got != tt.want {
			t.Errorf("callSegment(%q) = %q, want %q", tt.name, got, tt.want)
		}
		u, err := url.Parse("https://h/v1.0/drive/root/" + got)
		if err != nil || strings.Count(u.EscapedPath(), "/") != 4 || u.RawQuery != "" || u.Fragment != "" {
			t.Errorf("callSegment(%q) does not stay one segment: %v, %v", tt.name, u, err)
		}
	}
}
