package permissions

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// methods are the HTTP methods permissions.json may name.
var methods = []string{"GET", "POST", "PATCH", "PUT", "DELETE"}

// entry is everything published for one method and normalized path.
type entry struct {
	published map[string]bool
	grants    map[grantKey]*grant
	result    Result
}

// grantKey names one permission in one scheme.
type grantKey struct {
	permission string
	scheme     Scheme
}

// grant merges what every published spelling of an entry says about one
// permission in one scheme: least if any says so, and the union of the
// permissions it also requires.
type grant struct {
	least        bool
	alsoRequires map[string]bool
}

// answer fills res from the precomputed result of e.
func (e *entry) answer(res Result, fallback string) Result {
	out := e.result.clone()
	out.Method, out.Path = res.Method, res.Path
	out.Fallback = fallback
	return out
}

// builder collects the entries of a Table.
type builder struct {
	levels    map[grantKey]int
	ids       idTable
	index     map[string]*entry
	published map[string]map[string]bool
	summary   Summary

	// normalized caches normalize per published path text.
	normalized map[string]normalizedPath

	// missing and folded collect the permission and scheme pairs without a
	// public id and with an id found by a case-folded name.
	missing map[grantKey]bool
	folded  map[grantKey]bool
}

// load decodes both files and builds the Table.
func load(permissionsSource, provisioningSource source) (*Table, error) {
	var perms permissionsFile
	if err := decode(permissionsSource, &perms); err != nil {
		return nil, err
	}
	if len(perms.Permissions) == 0 {
		return nil, &Error{File: permissionsSource.name, Err: errors.New("no permissions")}
	}
	ids, err := loadIDs(provisioningSource)
	if err != nil {
		return nil, err
	}

	b := &builder{
		levels:     map[grantKey]int{},
		ids:        ids,
		index:      map[string]*entry{},
		published:  map[string]map[string]bool{},
		normalized: map[string]normalizedPath{},
		missing:    map[grantKey]bool{},
		folded:     map[grantKey]bool{},
	}
	for _, name := range slices.Sorted(maps.Keys(perms.Permissions)) {
		if err := b.addPermission(name, perms.Permissions[name]); err != nil {
			err.File = permissionsSource.name
			return nil, err
		}
	}
	b.summary.Permissions = len(perms.Permissions)
	return b.table(), nil
}

// addPermission adds every path set of one permission.
func (b *builder) addPermission(name string, p permissionJSON) *Error {
	for scheme, s := range p.Schemes {
		b.levels[grantKey{name, scheme}] = s.PrivilegeLevel
	}
	for i, set := range p.PathSets {
		if err := checkPathSet(set); err != nil {
			return &Error{Path: fmt.Sprintf("permission %s / pathSets[%d]", name, i), Err: err}
		}
		for path, value := range set.Paths {
			b.addPath(name, set, path, parseAttributes(value))
		}
	}
	return nil
}

// checkPathSet rejects schemes and methods the package does not know, so
// a change of format upstream fails loudly instead of losing grants.
func checkPathSet(set pathSetJSON) error {
	for _, s := range set.SchemeKeys {
		if !slices.Contains(Schemes, s) {
			return fmt.Errorf("unknown scheme %q", s)
		}
	}
	for _, m := range set.Methods {
		if !slices.Contains(methods, strings.ToUpper(m)) {
			return fmt.Errorf("unknown method %q", m)
		}
	}
	return nil
}

// addPath records the grants of one permission on one published path.
func (b *builder) addPath(name string, set pathSetJSON, path string, attrs attributes) {
	if b.published[path] == nil {
		b.published[path] = map[string]bool{}
	}
	for _, m := range set.Methods {
		b.published[path][strings.ToUpper(m)] = true
	}
	b.summary.UnknownAttributes += attrs.unknown
	for _, s := range attrs.least {
		if !slices.Contains(set.SchemeKeys, s) {
			b.summary.IgnoredLeast++
		}
	}

	n := b.normalize(path)
	if n.rejected != "" {
		return
	}
	for _, m := range set.Methods {
		e := b.entry(strings.ToUpper(m) + " " + n.path)
		e.published[path] = true
		for _, s := range set.SchemeKeys {
			b.summary.Grants++
			e.add(grantKey{name, s}, slices.Contains(attrs.least, s), attrs.alsoRequires)
		}
	}
}

// normalizedPath is a published path after the path and segment rules.
type normalizedPath struct {
	path     string // segments joined by slashes, with a leading slash
	rejected string
}

// normalize returns the normalized form of a published path, once per
// distinct text.
func (b *builder) normalize(path string) normalizedPath {
	if n, ok := b.normalized[path]; ok {
		return n
	}
	segments, rejected := normalize(path)
	n := normalizedPath{rejected: rejected}
	if rejected == "" {
		n.path = "/" + strings.Join(segments, "/")
	}
	b.normalized[path] = n
	return n
}

// entry returns the entry for key, creating it when needed.
func (b *builder) entry(key string) *entry {
	e := b.index[key]
	if e == nil {
		e = &entry{published: map[string]bool{}, grants: map[grantKey]*grant{}}
		b.index[key] = e
	}
	return e
}

func (e *entry) add(k grantKey, least bool, alsoRequires []string) {
	g := e.grants[k]
	if g == nil {
		g = &grant{alsoRequires: map[string]bool{}}
		e.grants[k] = g
	}
	g.least = g.least || least
	for _, name := range alsoRequires {
		g.alsoRequires[name] = true
	}
}

// table precomputes every answer and returns the finished Table.
func (b *builder) table() *Table {
	breadth := map[grantKey]int{}
	for _, e := range b.index {
		for k := range e.grants {
			breadth[k]++
		}
	}

	for _, e := range b.index {
		e.result = b.result(e, breadth)
	}
	b.summary.MissingIDs = len(b.missing)
	b.summary.FoldedIDs = len(b.folded)
	b.summary.Entries = len(b.index)

	t := &Table{index: b.index, summary: b.summary}
	t.paths = b.publishedPaths()
	t.summary.PublishedPaths = len(t.paths)
	for _, p := range t.paths {
		if p.Rejected != "" {
			t.summary.RejectedPaths++
		}
	}
	return t
}

// result ranks the grants of e per scheme.
func (b *builder) result(e *entry, breadth map[grantKey]int) Result {
	res := Result{Matched: true}
	res.PublishedPaths = slices.Sorted(maps.Keys(e.published))

	perScheme := map[Scheme][]candidate{}
	for k, g := range e.grants {
		id, folded := b.ids.lookup(k.permission, k.scheme)
		if id == "" {
			b.missing[k] = true
		}
		if folded {
			b.folded[k] = true
		}
		perScheme[k.scheme] = append(perScheme[k.scheme], candidate{
			permission: Permission{
				Name:           k.permission,
				ID:             id,
				PrivilegeLevel: b.levels[k],
				AlsoRequires:   slices.Sorted(maps.Keys(g.alsoRequires)),
				ClaimedLeast:   g.least,
			},
			breadth: breadth[k],
		})
	}
	for _, s := range Schemes {
		part, claims := rank(perScheme[s])
		if claims > 1 {
			b.summary.LeastConflicts++
			if len(part.Least) > 1 {
				b.summary.LeastTies++
			}
		}
		res.set(s, part)
	}
	return res
}

// publishedPaths lists every published path with its methods, sorted.
func (b *builder) publishedPaths() []PublishedPath {
	out := make([]PublishedPath, 0, len(b.published))
	for _, path := range slices.Sorted(maps.Keys(b.published)) {
		n := b.normalize(path)
		out = append(out, PublishedPath{
			Path:       path,
			Methods:    slices.Sorted(maps.Keys(b.published[path])),
			Normalized: n.path,
			Rejected:   n.rejected,
		})
	}
	return out
}
