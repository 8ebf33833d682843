package permissions

import "slices"

// Scheme is a way of granting a permission, as permissions.json names it.
type Scheme string

// The schemes of Microsoft Graph permissions.
const (
	// DelegatedWork is a delegated permission for a work or school account.
	DelegatedWork Scheme = "DelegatedWork"

	// DelegatedPersonal is a delegated permission for a personal Microsoft account.
	DelegatedPersonal Scheme = "DelegatedPersonal"

	// Application is an application permission, used without a signed-in user.
	Application Scheme = "Application"
)

// Schemes lists the schemes in the order results present them.
var Schemes = []Scheme{DelegatedWork, DelegatedPersonal, Application}

// Permission is one permission that grants a method on a path in one scheme.
type Permission struct {
	// Name is the permission's claim value, such as User.Read.All.
	Name string

	// ID is the permission's id for this scheme in the public cloud, taken
	// from provisioningInfo.json; empty when that file has none.
	ID string

	// PrivilegeLevel is Microsoft's privilegeLevel for this scheme, from 1
	// (lowest) upwards; zero when permissions.json gives none.
	PrivilegeLevel int

	// AlsoRequires names permissions that must be granted together with
	// this one for this path, sorted.
	AlsoRequires []string

	// ClaimedLeast says permissions.json marks this permission least for
	// the path and scheme. It is true for every entry of SchemeResult.Least
	// and for the Higher entries that lost a tie for least (see doc.go).
	ClaimedLeast bool
}

// SchemeResult lists the permissions that grant a method on a path in one
// scheme.
type SchemeResult struct {
	// Least holds the least-privileged permission, or several when they
	// tie, sorted by name.
	Least []Permission

	// Higher holds every other permission that grants the same access,
	// sorted by privilege level (unknown levels last), then by name.
	Higher []Permission
}

// All returns Least followed by Higher.
func (s SchemeResult) All() []Permission {
	return append(slices.Clone(s.Least), s.Higher...)
}

// Empty reports whether no permission in this scheme grants the access.
func (s SchemeResult) Empty() bool {
	return len(s.Least) == 0 && len(s.Higher) == 0
}

// Result is the answer of Table.Lookup.
type Result struct {
	// Method and Path are the question, as asked.
	Method string
	Path   string

	// Matched says whether any published path matched for Method. When it
	// is false every other field below is empty.
	Matched bool

	// PublishedPaths are the paths, as written in permissions.json, whose
	// entries make up this result, sorted.
	PublishedPaths []string

	// Fallback names the StageFallback rule that produced the match, or is
	// empty when the asked path matched directly.
	Fallback string

	// DelegatedWork, DelegatedPersonal and Application hold the
	// permissions per scheme; For selects one by Scheme value.
	DelegatedWork     SchemeResult
	DelegatedPersonal SchemeResult
	Application       SchemeResult
}

// For returns the part of r for scheme s.
func (r Result) For(s Scheme) SchemeResult {
	switch s {
	case DelegatedWork:
		return r.DelegatedWork
	case DelegatedPersonal:
		return r.DelegatedPersonal
	case Application:
		return r.Application
	}
	return SchemeResult{}
}

// set stores part as the part of r for scheme s.
func (r *Result) set(s Scheme, part SchemeResult) {
	switch s {
	case DelegatedWork:
		r.DelegatedWork = part
	case DelegatedPersonal:
		r.DelegatedPersonal = part
	case Application:
		r.Application = part
	}
}

// clone returns a copy of r that shares no slices with it.
func (r Result) clone() Result {
	r.PublishedPaths = slices.Clone(r.PublishedPaths)
	for _, s := range Schemes {
		part := r.For(s)
		r.set(s, SchemeResult{
			Least:  clonePermissions(part.Least),
			Higher: clonePermissions(part.Higher),
		})
	}
	return r
}

func clonePermissions(list []Permission) []Permission {
	if list == nil {
		return nil
	}
	out := make([]Permission, len(list))
	for i, p := range list {
		p.AlsoRequires = slices.Clone(p.AlsoRequires)
		out[i] = p
	}
	return out
}
