package emitter

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/parser/permissions"
)

// multiline renders a composite literal with one element per line.
var multiline = jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}

// emitPermissions writes permissions.go: the table of the permissions of
// every request method, as PermissionTable values (see the runtime).
func (g *generator) emitPermissions() {
	if g.permissions == nil {
		return
	}
	name := g.permissions.tableName
	f := g.file("permissions", g.namespace)
	f.Add(comment(wrap(fmt.Sprintf("%s lists the request methods of this package with the Microsoft Graph "+
		"permissions that grant them, as Microsoft publishes them in permissions.json; a method with "+
		"no published permission has grants with empty lists. It is sorted by Method; use its Lookup "+
		"and Required methods.", name), commentWidth)))
	var methods []jen.Code
	for _, m := range g.permissions.methods {
		methods = append(methods, methodLiteral(m))
	}
	f.Var().Id(name).Op("=").Id("PermissionTable").Custom(multiline, methods...)
}

// methodLiteral is the RequestPermissions value of one method.
func methodLiteral(m MethodPermissions) jen.Code {
	var grants []jen.Code
	for _, group := range groupResults(m.Results) {
		grants = append(grants, grantsLiteral(group))
	}
	return jen.Custom(multiline,
		jen.Id("Method").Op(":").Lit(m.Method),
		jen.Id("HTTPMethod").Op(":").Lit(m.HTTPMethod),
		jen.Id("Grants").Op(":").Index().Id("PermissionGrants").Custom(multiline, grants...),
	)
}

// grantsLiteral is the PermissionGrants value of paths with one answer;
// empty lists are left out.
func grantsLiteral(group resultGroup) jen.Code {
	fields := []jen.Code{jen.Id("Paths").Op(":").Index().String().Values(literals(group.paths)...)}
	r := group.result
	if r.Matched {
		fields = append(fields, jen.Id("Published").Op(":").Index().String().Values(literals(r.PublishedPaths)...))
	}
	for _, s := range permissions.Schemes {
		if part := r.For(s); !part.Empty() {
			fields = append(fields, jen.Id(string(s)).Op(":").Index().Id("APIPermission").Custom(multiline,
				permissionLiterals(part)...))
		}
	}
	return jen.Custom(multiline, fields...)
}

// permissionLiterals are the APIPermission values of a scheme's
// permissions, least first; Least marks the ones in SchemeResult.Least.
func permissionLiterals(s permissions.SchemeResult) []jen.Code {
	list := s.All()
	out := make([]jen.Code, len(list))
	for i, p := range list {
		fields := []jen.Code{jen.Id("Name").Op(":").Lit(p.Name)}
		if p.ID != "" {
			fields = append(fields, jen.Id("ID").Op(":").Lit(p.ID))
		}
		if i < len(s.Least) {
			fields = append(fields, jen.Id("Least").Op(":").True())
		}
		if len(p.AlsoRequires) > 0 {
			also := jen.Index().String().Values(literals(p.AlsoRequires)...)
			fields = append(fields, jen.Id("AlsoRequires").Op(":").Add(also))
		}
		out[i] = jen.Values(fields...)
	}
	return out
}

func literals(values []string) []jen.Code {
	out := make([]jen.Code, len(values))
	for i, v := range values {
		out[i] = jen.Lit(v)
	}
	return out
}
