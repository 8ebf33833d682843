package templates

import (
	"bytes"
	"embed"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"path"
	"strings"
	"text/template"
)

//go:embed runtime/*.go
var runtimeSources embed.FS

//go:embed file.tmpl
var fileTemplateText string

//go:embed package_doc.tmpl
var packageDocText string

// packageDocTemplate renders the package comment of a generated package.
var packageDocTemplate = template.Must(template.New("package_doc.tmpl").Parse(packageDocText))

// PackageDoc returns the package comment of a generated package, as
// plain text without comment markers.
func PackageDoc(pkg, baseURL string) (string, error) {
	var buf bytes.Buffer
	err := packageDocTemplate.Execute(&buf, struct{ Package, BaseURL string }{pkg, baseURL})
	if err != nil {
		return "", fmt.Errorf("render package comment: %w", err)
	}
	return strings.TrimSpace(buf.String()), nil
}

// fileTemplate renders one runtime file for a target package.
var fileTemplate = template.Must(template.New("file.tmpl").Parse(fileTemplateText))

// File is one rendered source file.
type File struct {
	// Name is the file name, such as runtime_nullable.go.
	Name string

	// Content is the gofmt'd Go source.
	Content []byte
}

// Runtime renders the runtime files for the package named pkg, sorted by
// name.
func Runtime(pkg string) ([]File, error) {
	if !token.IsIdentifier(pkg) {
		return nil, fmt.Errorf("render runtime: invalid package name %q", pkg)
	}
	names, err := runtimeFileNames()
	if err != nil {
		return nil, err
	}
	files := make([]File, 0, len(names))
	for _, name := range names {
		content, err := renderFile(name, pkg)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: "runtime_" + name, Content: content})
	}
	return files, nil
}

// generatedPerPackage is the runtime file whose declaration the emitter
// writes for each package instead.
const generatedPerPackage = "base.go"

// runtimeFileNames returns the sorted names of the runtime files that are
// neither tests nor generatedPerPackage.
func runtimeFileNames() ([]string, error) {
	entries, err := runtimeSources.ReadDir("runtime")
	if err != nil {
		return nil, fmt.Errorf("render runtime: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "_test.go") && e.Name() != generatedPerPackage {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// renderFile renders the runtime file name for the package pkg.
func renderFile(name, pkg string) ([]byte, error) {
	src, err := runtimeSources.ReadFile(path.Join("runtime", name))
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	body, err := bodyAfterPackageClause(name, src)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	data := struct{ Package, Body string }{pkg, body}
	if err := fileTemplate.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("render %s: format: %w", name, err)
	}
	return out, nil
}

// bodyAfterPackageClause returns the source that follows the package
// clause of a runtime file.
func bodyAfterPackageClause(name string, src []byte) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("render %s: %w", name, err)
	}
	end := fset.Position(f.Name.End()).Offset
	return string(src[end:]), nil
}
