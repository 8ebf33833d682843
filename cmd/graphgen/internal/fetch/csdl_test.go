package fetch

import (
	"strings"
	"testing"
)

func TestCheckCSDL(t *testing.T) {
	tests := []struct {
		name, doc string
		want      string // error, empty for a CSDL document
	}{
		{"version 4.0", csdlDoc, ""},
		{"version 4.01", strings.Replace(csdlDoc, `"4.0"`, `"4.01"`, 1), ""},
		{"byte order mark", "\uFEFF" + csdlDoc, ""},
		{"no declaration", `<Edmx xmlns="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"/>`, ""},
		{"comment first", "<!-- c -->\n" + csdlDoc[strings.Index(csdlDoc, "<edmx"):], ""},
		{"HTML", "<!DOCTYPE html>\n<html><head><meta charset=utf-8></head></html>", "root element <html>"},
		{"other namespace", `<edmx:Edmx xmlns:edmx="http://example.com/edmx" Version="4.0"/>`,
			`root element <Edmx> in namespace "http://example.com/edmx"`},
		{"undeclared prefix", `<edmx:Edmx Version="4.0"/>`, `root element <Edmx> in namespace "edmx"`},
		{"CSDL 3", `<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="3.0"/>`,
			`edmx:Edmx Version "3.0", want 4.0 or 4.01`},
		{"no version", `<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>`,
			"edmx:Edmx has no Version"},
		{"JSON", `{"error": "x"}`, "no root element"},
		{"empty", "", "no root element"},
	}
	for _, tt := range tests {
		err := checkCSDL(strings.NewReader(tt.doc))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: checkCSDL = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		body, want string
	}{
		{"", ""},
		{"  service\n\tdown  ", "service down"},
		{strings.Repeat("é", 150), strings.Repeat("é", 100) + "..."},
		{strings.Repeat("a", 201), strings.Repeat("a", 200) + "..."},
		{"bad \xff byte", "bad ? byte"},
	}
	for _, tt := range tests {
		if got := excerpt(strings.NewReader(tt.body)); got != tt.want {
			t.Errorf("excerpt(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}
