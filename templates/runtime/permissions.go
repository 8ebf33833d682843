package runtime

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// APIPermission is one Microsoft Graph permission that grants a request in
// one scheme (delegated or application).
type APIPermission struct {
	// Name is the permission's claim value, such as User.Read.All.
	Name string

	// ID is the permission's id in the public cloud; empty when Microsoft
	// publishes none for this scheme.
	ID string

	// Least marks the least-privileged choice for the request. More than
	// one permission is marked when they tie.
	Least bool

	// AlsoRequires names permissions that must be granted together with
	// this one for the request.
	AlsoRequires []string
}

// PermissionGrants lists the permissions that grant one HTTP method on one
// or more paths; paths with the same answer share one PermissionGrants.
// Each list holds the least-privileged permissions first, then the higher
// ones, from the least privileged to the most.
type PermissionGrants struct {
	// Paths are the URL path templates, as in the request method's
	// documentation ({id} for keys).
	Paths []string

	// Published are the paths as permissions.json writes them; empty when
	// Microsoft publishes no permission for Paths, and then every list
	// below is empty too.
	Published []string

	// DelegatedWork holds delegated permissions for work or school
	// accounts, DelegatedPersonal those for personal Microsoft accounts and
	// Application those used without a signed-in user.
	DelegatedWork     []APIPermission
	DelegatedPersonal []APIPermission
	Application       []APIPermission
}

// RequestPermissions is what one request method of the package needs.
type RequestPermissions struct {
	// Method names the Go method as Type.Method, such as
	// "ExchangeRestoreSessionCollectionRequest.List" or "Client.Foo" for an
	// operation import.
	Method string

	// HTTPMethod is the HTTP method the Go method sends, such as GET.
	HTTPMethod string

	// Grants are the answers for the paths that reach the method.
	Grants []PermissionGrants
}

// PermissionTable lists the permissions of request methods, sorted by
// Method. The generated package holds one for its methods, so that an
// application can ask, when it starts, which permissions it needs:
//
//	need, err := Permissions.Required(
//		"ExchangeRestoreSessionCollectionRequest.List",
//		"ExchangeRestoreSessionCollectionRequest.Create",
//	)
//	if err != nil {
//		return err
//	}
//	for _, p := range need.Application.Permissions {
//		fmt.Println(p.Name, p.ID)
//	}
type PermissionTable []RequestPermissions

// Lookup returns the permissions of one method, named as Type.Method, and
// whether the table has it.
func (t PermissionTable) Lookup(method string) (RequestPermissions, bool) {
	i, found := slices.BinarySearchFunc(t, method, func(r RequestPermissions, m string) int {
		return cmp.Compare(r.Method, m)
	})
	if !found {
		return RequestPermissions{}, false
	}
	return t[i], true
}

// PermissionRequirements is what a set of request methods needs, per
// scheme.
type PermissionRequirements struct {
	DelegatedWork     SchemeRequirements
	DelegatedPersonal SchemeRequirements
	Application       SchemeRequirements
}

// SchemeRequirements is what a set of request methods needs in one scheme.
type SchemeRequirements struct {
	// Permissions is a small set of permissions that together grant every
	// request the scheme can grant, sorted by name; only Name and ID are
	// set.
	Permissions []APIPermission

	// Uncovered lists the requests no published permission of the scheme
	// grants, as "GET /path (Type.Method)", sorted.
	Uncovered []string
}

// Required returns the permissions that the named methods (Type.Method)
// need together, per scheme, so that an application can ask for consent to
// all of them at once. Every path that reaches a method counts.
//
// For each request it takes the least-privileged permission (the first by
// name when several tie) and the permissions that one also requires. It
// then drops a permission when the others still grant every request, for
// example User.Read.All when User.ReadWrite.All is needed anyway; the
// permissions granting fewer requests are tried first, ties by name, so
// the answer is the same on every call. An unknown method is an error.
func (t PermissionTable) Required(methods ...string) (PermissionRequirements, error) {
	var requests []RequestPermissions
	var unknown []string
	for _, m := range methods {
		r, ok := t.Lookup(m)
		if !ok {
			unknown = append(unknown, m)
			continue
		}
		requests = append(requests, r)
	}
	if len(unknown) > 0 {
		return PermissionRequirements{}, fmt.Errorf("required permissions: unknown request methods %s",
			strings.Join(unknown, ", "))
	}
	return PermissionRequirements{
		DelegatedWork: t.requireScheme(requests, func(g PermissionGrants) []APIPermission {
			return g.DelegatedWork
		}),
		DelegatedPersonal: t.requireScheme(requests, func(g PermissionGrants) []APIPermission {
			return g.DelegatedPersonal
		}),
		Application: t.requireScheme(requests, func(g PermissionGrants) []APIPermission {
			return g.Application
		}),
	}, nil
}

// requireScheme answers Required for the scheme that list selects. Each
// need is one request: the permissions that grant it, least first.
func (t PermissionTable) requireScheme(requests []RequestPermissions,
	list func(PermissionGrants) []APIPermission) SchemeRequirements {
	var out SchemeRequirements
	var needs [][]APIPermission
	for _, r := range requests {
		for _, g := range r.Grants {
			if grants := list(g); len(grants) > 0 {
				needs = append(needs, grants)
				continue
			}
			for _, path := range g.Paths {
				out.Uncovered = append(out.Uncovered, r.HTTPMethod+" "+path+" ("+r.Method+")")
			}
		}
	}
	slices.Sort(out.Uncovered)
	out.Uncovered = slices.Compact(out.Uncovered)

	chosen := dropRedundant(needs, chooseLeast(needs))
	names := make([]string, 0, len(chosen))
	for name := range chosen {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		out.Permissions = append(out.Permissions, APIPermission{Name: name, ID: t.permissionID(name, list)})
	}
	return out
}

// permissionID returns the first id the table gives the named permission
// in the scheme that list selects, or "".
func (t PermissionTable) permissionID(name string, list func(PermissionGrants) []APIPermission) string {
	for _, r := range t {
		for _, g := range r.Grants {
			for _, p := range list(g) {
				if p.Name == name && p.ID != "" {
					return p.ID
				}
			}
		}
	}
	return ""
}

// chooseLeast takes the least-privileged permission of every need and the
// permissions it also requires. The value says whether a permission may be
// dropped later: false for those taken because another one requires them.
func chooseLeast(needs [][]APIPermission) map[string]bool {
	chosen := map[string]bool{}
	for _, grants := range needs {
		pick := grants[0]
		for _, p := range grants {
			if p.Least {
				pick = p
				break
			}
		}
		if _, ok := chosen[pick.Name]; !ok {
			chosen[pick.Name] = true
		}
		for _, also := range pick.AlsoRequires {
			chosen[also] = false
		}
	}
	return chosen
}

// dropRedundant removes the chosen permissions that the others make
// unnecessary, trying first those that grant the fewest needs.
func dropRedundant(needs [][]APIPermission, chosen map[string]bool) map[string]bool {
	grantsCount := map[string]int{}
	var candidates []string
	for name, droppable := range chosen {
		if droppable {
			candidates = append(candidates, name)
		}
	}
	for _, grants := range needs {
		for _, p := range grants {
			grantsCount[p.Name]++
		}
	}
	slices.SortFunc(candidates, func(a, b string) int {
		return cmp.Or(cmp.Compare(grantsCount[a], grantsCount[b]), cmp.Compare(a, b))
	})
	for _, name := range candidates {
		delete(chosen, name)
		if !allGranted(needs, chosen) {
			chosen[name] = true
		}
	}
	return chosen
}

// allGranted reports whether every need has a permission in set whose
// also-required permissions are in set too.
func allGranted(needs [][]APIPermission, set map[string]bool) bool {
	for _, grants := range needs {
		if !slices.ContainsFunc(grants, func(p APIPermission) bool { return grantedBy(p, set) }) {
			return false
		}
	}
	return true
}

func grantedBy(p APIPermission, set map[string]bool) bool {
	if _, ok := set[p.Name]; !ok {
		return false
	}
	for _, also := range p.AlsoRequires {
		if _, ok := set[also]; !ok {
			return false
		}
	}
	return true
}
