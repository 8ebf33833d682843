package permissions

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

// Table answers which permissions grant a method on a path. It is built
// once by Load or LoadFiles and is safe for concurrent use.
type Table struct {
	// index maps a method and a normalized path (see indexKey) to the
	// precomputed answer.
	index   map[string]*entry
	paths   []PublishedPath
	summary Summary
}

// PublishedPath is one path as written in permissions.json.
type PublishedPath struct {
	Path string

	// Methods are the HTTP methods some permission grants on Path, sorted.
	Methods []string

	// Normalized is the form Lookup compares, segments rewritten by the
	// rules; empty when Rejected is set.
	Normalized string

	// Rejected says why the path never matches, such as "query condition";
	// empty for a path Lookup can find.
	Rejected string
}

// Summary counts what Load found, for a command's report.
type Summary struct {
	// Permissions is the number of permissions in permissions.json.
	Permissions int

	// PublishedPaths is the number of distinct path texts; RejectedPaths
	// of them never match and Entries is the number of distinct
	// method and normalized path pairs the others make.
	PublishedPaths int
	RejectedPaths  int
	Entries        int

	// Grants is the number of permission, scheme, method and published
	// path combinations.
	Grants int

	// LeastConflicts counts entry and scheme pairs where more than one
	// permission is marked least; LeastTies counts those the ranking
	// could not narrow down to one.
	LeastConflicts int
	LeastTies      int

	// MissingIDs counts permission and scheme pairs used by some path that
	// have no public id; FoldedIDs counts ids found only by comparing
	// permission names without regard to case.
	MissingIDs int
	FoldedIDs  int

	// UnknownAttributes counts path attributes other than least and
	// AlsoRequires; IgnoredLeast counts least= schemes missing from their
	// path set's schemeKeys.
	UnknownAttributes int
	IgnoredLeast      int
}

// String returns the summary on one line.
func (s Summary) String() string {
	return fmt.Sprintf("%d permissions, %d published paths (%d rejected), %d entries, "+
		"%d grants, %d least conflicts (%d ties), %d missing ids, %d case-folded ids, "+
		"%d unknown attributes, %d ignored least schemes",
		s.Permissions, s.PublishedPaths, s.RejectedPaths, s.Entries,
		s.Grants, s.LeastConflicts, s.LeastTies, s.MissingIDs, s.FoldedIDs,
		s.UnknownAttributes, s.IgnoredLeast)
}

// LoadFiles reads permissions.json and provisioningInfo.json from the
// given paths and builds a Table. Errors name the file at fault.
func LoadFiles(permissionsPath, provisioningPath string) (*Table, error) {
	permissionsJSON, err := os.ReadFile(permissionsPath)
	if err != nil {
		return nil, fmt.Errorf("read permissions: %w", err)
	}
	provisioningJSON, err := os.ReadFile(provisioningPath)
	if err != nil {
		return nil, fmt.Errorf("read provisioning info: %w", err)
	}
	return load(
		source{name: permissionsPath, data: permissionsJSON},
		source{name: provisioningPath, data: provisioningJSON},
	)
}

// Load builds a Table from the contents of permissions.json and
// provisioningInfo.json. Errors are *Error values naming the file as
// permissions.json or provisioningInfo.json.
func Load(permissionsJSON, provisioningJSON []byte) (*Table, error) {
	return load(
		source{name: "permissions.json", data: permissionsJSON},
		source{name: "provisioningInfo.json", data: provisioningJSON},
	)
}

// Lookup returns the permissions that grant method on path, where path is
// graphgen's canonical path template (see the package documentation).
// It never guesses: a path no rule relates to a published path gives a
// Result with Matched false.
func (t *Table) Lookup(method, path string) Result {
	method = strings.ToUpper(strings.TrimSpace(method))
	res := Result{Method: method, Path: path}
	segments, rejected := normalize(path)
	if rejected != "" {
		return res
	}

	if e, ok := t.index[indexKey(method, segments)]; ok {
		return e.answer(res, "")
	}
	for _, r := range rules {
		if r.Stage != StageFallback {
			continue
		}
		alt, ok := r.fallback(segments)
		if !ok {
			continue
		}
		if e, found := t.index[indexKey(method, alt)]; found {
			return e.answer(res, r.Name)
		}
	}
	return res
}

// Paths returns every published path, sorted. Passing a path with one of
// its methods to Lookup returns the entry it belongs to.
func (t *Table) Paths() []PublishedPath {
	out := make([]PublishedPath, len(t.paths))
	for i, p := range t.paths {
		p.Methods = slices.Clone(p.Methods)
		out[i] = p
	}
	return out
}

// Summary returns counts of what Load found.
func (t *Table) Summary() Summary {
	return t.summary
}

// indexKey is the map key of a method and normalized segments.
func indexKey(method string, segments []string) string {
	return method + " /" + strings.Join(segments, "/")
}
