package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/graphgen/graphgen/cmd/graphgen/internal/fetch"
	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/parser/diff"
	"github.com/graphgen/graphgen/parser/extract"
)

const fetchUsage = `Usage: graphgen fetch -version v1.0|beta -o FILE [-base-url URL] [-timeout 2m]

Downloads the $metadata document of a Graph version to FILE. For example

  graphgen fetch -version beta -o metadata/graph-beta.xml

saves https://graph.microsoft.com/beta/$metadata as metadata/graph-beta.xml.

-base-url is the host root, without the version: fetch appends
/VERSION/$metadata to it, so -base-url http://localhost:8080 -version v1.0
downloads http://localhost:8080/v1.0/$metadata. (The -base-url of generate
is different: the service root of the generated client, version included.)

The download is conditional: FILE.etag remembers the ETag and Last-Modified of
the copy, and an unchanged document is not written again.
`

func runFetch(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("fetch", fetchUsage, stdout)
	version := fs.String("version", "v1.0", "Graph `VERSION`: v1.0 or beta (e.g. -version beta)")
	baseURL := fs.String("base-url", "",
		"Graph host root, without the version: /VERSION/$metadata is appended\n"+
			"(`URL`; default "+fetch.DefaultBaseURL+"; e.g. -base-url http://localhost:8080)")
	out := fs.String("o", "", "output `FILE` (required; e.g. -o metadata/graph-v1.0.xml)")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout,
		"time limit for the whole download (e.g. -timeout 30s)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return usageError{fmt.Errorf("want -o FILE and no arguments")}
	}

	url, err := fetch.MetadataURL(*baseURL, *version)
	if err != nil {
		return usageError{err}
	}
	res, err := fetch.Fetch(context.Background(), fetch.Options{URL: url, Output: *out, Timeout: *timeout})
	if err != nil {
		return err
	}
	switch {
	case res.NotModified:
		fmt.Fprintf(stdout, "graphgen: %s not modified since the last fetch from %s\n", *out, url)
	case res.Unchanged:
		fmt.Fprintf(stdout, "graphgen: %s unchanged (%d bytes from %s)\n", *out, res.Size, url)
	default:
		fmt.Fprintf(stdout, "graphgen: wrote %s (%d bytes from %s)\n", *out, res.Size, url)
	}
	return nil
}

const diffUsage = `Usage: graphgen diff [-root NAME_OR_PATH ...] [-json] [-exit-code] OLD.xml NEW.xml

Lists what changed between two metadata documents, restricted to the closure
of the roots on each side (the whole documents without roots), and marks the
breaking changes with the rule that makes them breaking. For example

  graphgen diff -root microsoft.graph.exchangeRestoreSession old.xml new.xml

A root that only one document has, such as a type added in NEW.xml, selects
nothing in the other, so everything it needs shows as added (or removed); a
root that neither has is an error.

The exit status is 0 whatever the changes, unless -exit-code is given: then
it is 1 when there are breaking changes, for CI. Errors exit 2 (usage) or 3.
`

func runDiff(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("diff", diffUsage, stdout)
	var roots stringList
	fs.Var(&roots, "root",
		"a qualified type name or container path, repeatable (`NAME_OR_PATH`; e.g. -root microsoft.graph.user)")
	asJSON := fs.Bool("json", false, "print the changelog as JSON (e.g. -json)")
	failOnBreaking := fs.Bool("exit-code", false,
		"exit with status 1 when there are breaking changes (e.g. -exit-code in CI)")
	derived := fs.Bool("derived-entities", false,
		"also select the entity types derived from selected ones (e.g.\n"+
			"-root microsoft.graph.restoreSessionBase -derived-entities also compares exchangeRestoreSession)")
	strict := fs.Bool("strict", false, "treat known metadata problems as errors instead of repairing them\n"+
		"(e.g. -strict, to see every problem the fixups would repair)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usageError{fmt.Errorf("want two documents, OLD.xml NEW.xml; got %d arguments", fs.NArg())}
	}

	cl, err := compareFiles(fs.Arg(0), fs.Arg(1), roots, *derived, *strict)
	if err != nil {
		return err
	}
	if *asJSON {
		err = cl.WriteJSON(stdout)
	} else {
		err = cl.WriteText(stdout)
	}
	if err == nil && *failOnBreaking && len(cl.Breaking()) > 0 {
		return statusError{code: exitFound}
	}
	return err
}

// compareFiles parses two documents and compares the closures of the
// roots in them.
func compareFiles(oldPath, newPath string, roots []string, derived, strict bool) (diff.Changelog, error) {
	old, err := parseFile(oldPath, strict)
	if err != nil {
		return diff.Changelog{}, err
	}
	new, err := parseFile(newPath, strict)
	if err != nil {
		return diff.Changelog{}, err
	}
	for _, root := range roots {
		if !strings.HasPrefix(root, "/") && old.Type(root) == nil && new.Type(root) == nil {
			return diff.Changelog{}, unknownRoot(new, root, fmt.Sprintf(" in %s or %s", oldPath, newPath))
		}
	}
	policy := parser.DefaultDerivedPolicy
	policy.Entity = derived
	cl, err := diff.CompareModels(old, new, roots, policy)
	if err != nil {
		return diff.Changelog{}, fmt.Errorf("compare %s with %s: %w", oldPath, newPath, err)
	}
	return cl, nil
}

func parseFile(path string, strict bool) (*parser.Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read metadata: %w", err)
	}
	return parser.ParseWith(path, data, parser.Options{Strict: strict})
}

const extractUsage = `Usage: graphgen extract -metadata FILE -root NAME_OR_PATH ... -o FILE

Writes the part of a metadata document that the roots need (their closure,
the operations bound to it, the container elements on the paths and the
annotations of all of these) as a small CSDL document. Generating from it
gives the same code as generating the same roots from the full document.
For example

  graphgen extract -metadata graph-v1.0.xml -root /solutions/backupRestore/restoreSessions` +
	` -o metadata/restore.xml
`

// errNoRoots is returned by extract when no root is given.
var errNoRoots = errors.New("no -root given")

func runExtract(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", extractUsage, stdout)
	var roots stringList
	fs.Var(&roots, "root", "a qualified type name or container path, repeatable and required (`NAME_OR_PATH`)")
	metadata := fs.String("metadata", "", "the full CSDL document (`FILE`; e.g. -metadata graph-v1.0.xml)")
	out := fs.String("o", "", "output `FILE`, or - for standard output (e.g. -o metadata/restore.xml)")
	derived := fs.Bool("derived-entities", false,
		"also select the entity types derived from selected ones (e.g.\n"+
			"-root microsoft.graph.restoreSessionBase -derived-entities also takes exchangeRestoreSession)")
	strict := fs.Bool("strict", false, "treat known metadata problems as errors instead of repairing them\n"+
		"(e.g. -strict, to see every problem the fixups would repair)")
	if err := fs.parse(args); err != nil {
		return err
	}
	switch {
	case *metadata == "" || *out == "" || fs.NArg() > 0:
		return usageError{fmt.Errorf("want -metadata FILE, -o FILE and no arguments")}
	case len(roots) == 0:
		return usageError{errNoRoots}
	}

	model, err := parseFile(*metadata, *strict)
	if err != nil {
		return err
	}
	sel, err := selectRoots(model, roots, *derived)
	if err != nil {
		return fmt.Errorf("select in %s: %w", *metadata, err)
	}
	doc, err := extract.Write(sel)
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err := stdout.Write(doc)
		return err
	}
	return writeFileAtomic(*out, doc)
}

// writeFileAtomic writes data to a temporary file next to path and renames
// it into place.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

const versionUsage = `Usage: graphgen version

Prints the version of the graphgen module this binary was built from, for
pinning it in documentation and go.mod, for example

  graphgen version
`

func runVersion(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", versionUsage, stdout)
	if err := fs.parse(args); err != nil {
		return err
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return fmt.Errorf("no build information in the binary")
	}
	fmt.Fprintf(stdout, "graphgen %s %s%s (%s)\n",
		info.Main.Path, info.Main.Version, revision(info), info.GoVersion)
	return nil
}

// revision returns " rev <commit>" from the VCS stamp, if any.
func revision(info *debug.BuildInfo) string {
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			return " rev " + s.Value
		}
	}
	return ""
}
