package emitter

import (
	"strings"
	"testing"
)

func TestWrapLongLines(t *testing.T) {
	long := strings.Repeat("X", 60)
	src := "package p\n\n" +
		"func (b *" + long + ") Get(ctx context.Context, opts *QueryOptions) (*" + long + ", error) {\n" +
		"\treturn doJSON(ctx, b.client, \"a, (b\", b.path+\"/x\", opts.queryParams(), nil, " +
		"decodeJSON[*" + long + "])\n" +
		"}\n\nfunc short(a, b int) {}\n"

	got, err := wrapLongLines([]byte(src))
	if err != nil {
		t.Fatal(err)
	}

	want := "package p\n\n" +
		"func (b *" + long + ") Get(ctx context.Context,\n" +
		"\topts *QueryOptions) (*" + long + ", error) {\n" +
		"\treturn doJSON(ctx, b.client, \"a, (b\", b.path+\"/x\", opts.queryParams(), nil,\n" +
		"\t\tdecodeJSON[*" + long + "])\n" +
		"}\n\nfunc short(a, b int) {}\n"
	if string(got) != want {
		t.Errorf("wrapLongLines:\n%s\nwant:\n%s", got, want)
	}
}
