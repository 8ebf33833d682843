package emitter

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/parser/permissions"
)

// runtimePermissionsFile is the runtime file with the permission table
// types; it is written only when Config.Permissions is set.
const runtimePermissionsFile = "runtime_permissions.go"

// permissionsTableName is the wanted name of the generated table variable.
const permissionsTableName = "Permissions"

// MethodPermissions says which permissions grant one generated request
// method.
type MethodPermissions struct {
	// Method names the Go method as Type.Method, such as
	// "ExchangeRestoreSessionCollectionRequest.List"; methods of Client,
	// which call operation imports, are "Client.Name".
	Method string

	// HTTPMethod is the HTTP method the Go method sends.
	HTTPMethod string

	// Results holds the answer for every path template that reaches the
	// method, in the order of the builder's paths (shortest first).
	Results []permissions.Result
}

// Matched reports whether permissions are published for at least one
// path of the method.
func (m MethodPermissions) Matched() bool {
	return slices.ContainsFunc(m.Results, func(r permissions.Result) bool { return r.Matched })
}

// RequestPermissions plans the package Generate would write for sel and
// returns the permissions of every request method it has, sorted by
// Method. It needs cfg.Permissions; the package name is not checked.
//
// Known limitation: only the paths recorded for a builder (at most
// maxPaths, shortest first) are looked up, so a method reached by more
// paths is documented for the first ones only. A function is looked up
// with all its parameters, although optional ones may be left out of a
// call.
func RequestPermissions(sel *parser.Selection, cfg Config) ([]MethodPermissions, error) {
	if cfg.Permissions == nil {
		return nil, errors.New("request permissions: no permissions table in the configuration")
	}
	g := newGenerator(sel, cfg)
	g.plan()
	return slices.Clone(g.permissions.methods), nil
}

// permissionPlan holds the permissions of every request method.
type permissionPlan struct {
	// methods are sorted by Method; index finds one by Method.
	methods []MethodPermissions
	index   map[string]int

	// tableName is the Go name of the generated table.
	tableName string
}

// request is one generated request method and the requests it sends.
type request struct {
	owner, name string
	httpMethod  string
	paths       []string
}

// planPermissions looks up the permissions of every request method when
// the configuration has a permissions table.
func (g *generator) planPermissions() {
	if g.cfg.Permissions == nil {
		return
	}
	p := &permissionPlan{index: map[string]int{}, tableName: g.pkg.claim(permissionsTableName)}
	for _, r := range g.requests() {
		m := MethodPermissions{Method: r.owner + "." + r.name, HTTPMethod: r.httpMethod}
		for _, path := range r.paths {
			m.Results = append(m.Results, g.cfg.Permissions.Lookup(r.httpMethod, path))
		}
		p.methods = append(p.methods, m)
	}
	slices.SortFunc(p.methods, func(a, b MethodPermissions) int { return cmp.Compare(a.Method, b.Method) })
	for i, m := range p.methods {
		p.index[m.Method] = i
	}
	g.permissions = p
}

// requests lists every generated request method: the operation imports of
// Client, then the methods of each builder. Methods that only address
// another builder (ByID, navigation properties) send nothing and are not
// listed.
func (g *generator) requests() []request {
	var out []request
	for _, r := range g.roots {
		if r.op != nil {
			out = append(out, g.operationRequest("Client", r.name, []string{""}, r.op))
		}
	}
	for _, b := range g.builders {
		out = append(out, g.builderRequests(b)...)
	}
	return out
}

// builderRequests lists the request methods of one builder, with the HTTP
// method each sends.
func (g *generator) builderRequests(b *builder) []request {
	var out []request
	add := func(ok bool, name, httpMethod string) {
		if ok {
			out = append(out, request{owner: b.name, name: name, httpMethod: httpMethod, paths: b.paths})
		}
	}
	if b.collection {
		add(b.access.Read, "List", "GET")
		add(b.access.Read, "Pager", "GET")
		add(b.access.Insert, "Create", "POST")
	} else {
		add(b.access.Read, "Get", "GET")
		add(b.access.Update, "Update", "PATCH")
		add(b.access.Delete, "Delete", "DELETE")
		if hasStream(b.typ) {
			out = append(out, mediaRequests(b)...)
		}
	}
	for _, m := range b.operations {
		out = append(out, g.operationRequest(b.name, m.name, b.paths, m.op))
	}
	return out
}

// mediaRequests are Content and PutContent of a media entity, sent to
// .../$value.
func mediaRequests(b *builder) []request {
	var paths []string
	for _, p := range b.paths {
		paths = append(paths, p+"/$value")
	}
	var out []request
	if b.access.Read {
		out = append(out, request{owner: b.name, name: "Content", httpMethod: "GET", paths: paths})
	}
	if b.access.Update {
		out = append(out, request{owner: b.name, name: "PutContent", httpMethod: "PUT", paths: paths})
	}
	return out
}

// operationRequest is the request an operation method sends: an action is
// POST path/name, a function GET path/name(p={p},...) with every
// parameter, as the permissions matcher compares parameter names.
func (g *generator) operationRequest(owner, name string, bases []string, op *parser.Operation) request {
	httpMethod, segment := "POST", g.operationSegment(op)
	if op.Kind == parser.KindFunction {
		var params []string
		for _, p := range op.NonBindingParameters() {
			params = append(params, p.Name+"={"+p.Name+"}")
		}
		httpMethod, segment = "GET", segment+"("+strings.Join(params, ",")+")"
	}
	paths := make([]string, len(bases))
	for i, base := range bases {
		paths[i] = base + "/" + segment
	}
	return request{owner: owner, name: name, httpMethod: httpMethod, paths: paths}
}

// lookupPermissions returns the permissions of a method of owner, or false
// when the configuration has no permissions table.
func (g *generator) lookupPermissions(owner, name string) (MethodPermissions, bool) {
	if g.permissions == nil {
		return MethodPermissions{}, false
	}
	i, ok := g.permissions.index[owner+"."+name]
	if !ok {
		return MethodPermissions{}, false
	}
	return g.permissions.methods[i], true
}

// permissionDoc returns the paragraphs that document the permissions of a
// method of owner, each preceded by a blank line, or "" when the
// configuration has no permissions table.
func (g *generator) permissionDoc(owner, name string) string {
	m, ok := g.lookupPermissions(owner, name)
	if !ok {
		return ""
	}
	var out strings.Builder
	for _, group := range groupResults(m.Results) {
		out.WriteString("\n\n")
		out.WriteString(permissionParagraph(m.HTTPMethod, group))
	}
	return out.String()
}
