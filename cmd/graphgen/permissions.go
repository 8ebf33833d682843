package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/graphgen/graphgen/cmd/graphgen/internal/fetch"
	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/parser/permissions"
)

const permissionsUsage = "" +
	`Usage: graphgen permissions -metadata FILE|URL -permissions DIR|FILE [-provisioning FILE]
                           [-root NAME_OR_PATH ...] [-derived-entities] [-json]

Lists the Microsoft Graph permissions that the request methods of the
generated package need: for every method (Type.Method, as in the generated
code), its HTTP method and each path that reaches it, the least-privileged
permissions per scheme, then the higher ones. Request methods for which
Microsoft publishes no permission are listed at the end, so gaps are
visible. For example

  graphgen permissions -metadata graph-v1.0.xml -permissions ../permissions \
      -root /solutions/backupRestore/restoreSessions

-permissions names the folder holding Microsoft's permissions.json and
provisioningInfo.json, or the permissions.json file itself; then the
provisioning file is -provisioning, or provisioningInfo.json next to it.
The roots select the same part of the document as generate does.
`

// permissionFileNames are the names of Microsoft's two files in a folder.
const (
	permissionsFileName  = "permissions.json"
	provisioningFileName = "provisioningInfo.json"
)

// runPermissions implements "graphgen permissions": it parses the
// metadata, selects the roots (all of the document without -root), plans
// the generated package and prints, for each request method and path, the
// permissions that grant it, least privileged first, as a table or, with
// -json, as one JSON document (see permissionsReport). It returns a
// usageError for a bad command line and a wrapped error when a file
// cannot be read or parsed; stdout gets the report and stderr only the
// usage text.
func runPermissions(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("permissions", permissionsUsage, stdout)
	var roots stringList
	opts := generateOptions{timeout: fetch.DefaultTimeout}
	fs.StringVar(&opts.Metadata, "metadata", "",
		"CSDL document: a file or an http(s) URL (`FILE|URL`; required)")
	source := fs.String("permissions", "",
		"folder with permissions.json and provisioningInfo.json, or the\n"+
			"permissions.json file (`DIR|FILE`; required; e.g. -permissions ../permissions)")
	provisioning := fs.String("provisioning", "",
		"provisioningInfo.json when -permissions names a file (`FILE`)")
	fs.Var(&roots, "root",
		"a qualified type name or container path, repeatable; none means the whole document\n"+
			"(`NAME_OR_PATH`; e.g. -root /solutions/backupRestore/restoreSessions)")
	fs.BoolVar(&opts.DerivedEntities, "derived-entities", false,
		"also select the entity types derived from selected ones (e.g.\n"+
			"-root microsoft.graph.restoreSessionBase -derived-entities also takes exchangeRestoreSession)")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	if err := fs.parse(args); err != nil {
		return err
	}
	if opts.Metadata == "" || *source == "" || fs.NArg() > 0 {
		return usageError{errors.New("want -metadata and -permissions and no arguments")}
	}

	methods, err := planPermissions(opts, *source, *provisioning, roots)
	if err != nil {
		return err
	}
	report := newPermissionsReport(methods)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	return report.writeText(stdout)
}

// planPermissions loads the permissions table and the metadata and
// returns the permissions of every request method of the selection.
func planPermissions(opts generateOptions, source, provisioning string, roots []string) (
	[]emitter.MethodPermissions, error) {
	permsPath, provPath, err := permissionFiles(source, provisioning)
	if err != nil {
		return nil, err
	}
	table, err := permissions.LoadFiles(permsPath, provPath)
	if err != nil {
		return nil, err
	}
	data, name, err := readMetadata(opts)
	if err != nil {
		return nil, err
	}
	model, err := parser.Parse(name, data)
	if err != nil {
		return nil, err
	}
	sel, err := selectRoots(model, roots, opts.DerivedEntities)
	if err != nil {
		return nil, fmt.Errorf("select roots: %w", err)
	}
	return emitter.RequestPermissions(sel, emitter.Config{Package: "graph", Permissions: table})
}

// permissionFiles resolves -permissions and -provisioning to the paths of
// permissions.json and provisioningInfo.json.
func permissionFiles(source, provisioning string) (string, string, error) {
	info, err := os.Stat(source)
	if err != nil {
		return "", "", fmt.Errorf("permissions: %w", err)
	}
	if info.IsDir() {
		if provisioning != "" {
			return "", "", usageError{errors.New("-provisioning needs -permissions to name a file, not a folder")}
		}
		return filepath.Join(source, permissionsFileName), filepath.Join(source, provisioningFileName), nil
	}
	if provisioning == "" {
		provisioning = filepath.Join(filepath.Dir(source), provisioningFileName)
	}
	return source, provisioning, nil
}

// permissionsReport is what the command prints; with -json it is encoded
// as it is.
type permissionsReport struct {
	// Methods lists every request method, sorted by name.
	Methods []reportMethod `json:"methods"`

	// Unmatched lists the method and path pairs without published
	// permissions.
	Unmatched []reportRequest `json:"unmatched"`

	Summary reportSummary `json:"summary"`
}

type reportMethod struct {
	Method     string       `json:"method"`
	HTTPMethod string       `json:"httpMethod"`
	Paths      []reportPath `json:"paths"`
}

type reportPath struct {
	Path    string `json:"path"`
	Matched bool   `json:"matched"`

	// Published are the paths as permissions.json writes them; Fallback
	// names the matching rule that found them when the path did not match
	// directly.
	Published []string `json:"published,omitempty"`
	Fallback  string   `json:"fallback,omitempty"`

	DelegatedWork     *reportScheme `json:"delegatedWork,omitempty"`
	DelegatedPersonal *reportScheme `json:"delegatedPersonal,omitempty"`
	Application       *reportScheme `json:"application,omitempty"`
}

type reportScheme struct {
	Least  []reportPermission `json:"least,omitempty"`
	Higher []reportPermission `json:"higher,omitempty"`
}

type reportPermission struct {
	Name         string   `json:"name"`
	ID           string   `json:"id,omitempty"`
	AlsoRequires []string `json:"alsoRequires,omitempty"`
}

type reportRequest struct {
	Method     string `json:"method"`
	HTTPMethod string `json:"httpMethod"`
	Path       string `json:"path"`
}

// reportSummary counts request methods by how many of their paths have
// published permissions.
type reportSummary struct {
	Methods     int `json:"methods"`
	MatchedAll  int `json:"matchedAllPaths"`
	MatchedSome int `json:"matchedSomePaths"`
	Unmatched   int `json:"unmatched"`
}

func newPermissionsReport(methods []emitter.MethodPermissions) permissionsReport {
	report := permissionsReport{Methods: []reportMethod{}, Unmatched: []reportRequest{}}
	for _, m := range methods {
		rm := reportMethod{Method: m.Method, HTTPMethod: m.HTTPMethod}
		matched := 0
		for _, r := range m.Results {
			rm.Paths = append(rm.Paths, newReportPath(r))
			if r.Matched {
				matched++
				continue
			}
			report.Unmatched = append(report.Unmatched, reportRequest{m.Method, m.HTTPMethod, r.Path})
		}
		report.Methods = append(report.Methods, rm)
		report.Summary.Methods++
		switch {
		case matched == 0:
			report.Summary.Unmatched++
		case matched == len(m.Results):
			report.Summary.MatchedAll++
		default:
			report.Summary.MatchedSome++
		}
	}
	return report
}

func newReportPath(r permissions.Result) reportPath {
	p := reportPath{Path: r.Path, Matched: r.Matched, Published: r.PublishedPaths, Fallback: r.Fallback}
	p.DelegatedWork = newReportScheme(r.DelegatedWork)
	p.DelegatedPersonal = newReportScheme(r.DelegatedPersonal)
	p.Application = newReportScheme(r.Application)
	return p
}

func newReportScheme(s permissions.SchemeResult) *reportScheme {
	if s.Empty() {
		return nil
	}
	convert := func(list []permissions.Permission) []reportPermission {
		var out []reportPermission
		for _, p := range list {
			out = append(out, reportPermission{Name: p.Name, ID: p.ID, AlsoRequires: p.AlsoRequires})
		}
		return out
	}
	return &reportScheme{Least: convert(s.Least), Higher: convert(s.Higher)}
}

// writeText prints the report as tables: one row per method, path and
// scheme with published permissions, then the unmatched requests, then
// the counts.
func (r permissionsReport) writeText(w io.Writer) error {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "METHOD\tHTTP\tPATH\tSCHEME\tLEAST\tHIGHER\tNOTE")
	for _, m := range r.Methods {
		for _, p := range m.Paths {
			for _, row := range schemeRows(p) {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.Method, m.HTTPMethod, p.Path, row)
			}
		}
	}
	tw.Flush()

	fmt.Fprintf(&b, "\nNo permissions published for %s:\n", plural(len(r.Unmatched), "requests"))
	tw = tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, u := range r.Unmatched {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", u.Method, u.HTTPMethod, u.Path)
	}
	tw.Flush()

	s := r.Summary
	fmt.Fprintf(&b, "\n%s: %d with permissions for every path, %d for some paths, %d for none\n",
		plural(s.Methods, "request methods"), s.MatchedAll, s.MatchedSome, s.Unmatched)
	_, err := io.WriteString(w, trimLineEnds(b.String()))
	return err
}

// trimLineEnds removes the spaces tabwriter leaves at the end of lines
// whose last cells are empty.
func trimLineEnds(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// schemeRows returns the SCHEME, LEAST, HIGHER and NOTE cells of a path,
// one row per scheme with permissions.
func schemeRows(p reportPath) []string {
	note := ""
	if p.Fallback != "" {
		note = "published as " + strings.Join(p.Published, ", ")
	}
	var rows []string
	for _, s := range []struct {
		name   string
		scheme *reportScheme
	}{
		{string(permissions.DelegatedWork), p.DelegatedWork},
		{string(permissions.DelegatedPersonal), p.DelegatedPersonal},
		{string(permissions.Application), p.Application},
	} {
		if s.scheme == nil {
			continue
		}
		rows = append(rows, fmt.Sprintf("%s\t%s\t%s\t%s", s.name,
			cellNames(s.scheme.Least, " | "), cellNames(s.scheme.Higher, ", "), note))
	}
	return rows
}

// cellNames joins permission names for a table cell; "-" when empty.
func cellNames(list []reportPermission, sep string) string {
	if len(list) == 0 {
		return "-"
	}
	names := make([]string, len(list))
	for i, p := range list {
		names[i] = p.Name
		if len(p.AlsoRequires) > 0 {
			names[i] += " + " + strings.Join(p.AlsoRequires, " + ")
		}
	}
	return strings.Join(names, sep)
}

// loadPermissions reads the permissions data named by -permissions; an
// empty source means none, and nil is returned.
func loadPermissions(source string) (*permissions.Table, error) {
	if source == "" {
		return nil, nil
	}
	permsPath, provPath, err := permissionFiles(source, "")
	if err != nil {
		return nil, err
	}
	return permissions.LoadFiles(permsPath, provPath)
}
