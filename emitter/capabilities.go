package emitter

import (
	"strings"

	"github.com/graphgen/graphgen/parser"
)

// access says which requests a request builder offers. A collection
// builder lists (Read) and creates (Insert); an item builder gets (Read),
// updates and deletes.
type access struct {
	Read, Insert, Update, Delete bool
}

// The defaults where the metadata says nothing: OData lets a client read,
// create, update and delete through entity sets and containment; a
// singleton cannot be deleted; a navigation property that does not
// contain its targets only reads them.
var (
	defaultSetAccess       = access{Read: true, Insert: true, Update: true, Delete: true}
	defaultSingletonAccess = access{Read: true, Update: true}
	defaultSingleNavAccess = access{Read: true, Update: true}
	defaultReferenceAccess = access{Read: true}
)

// restrictions are the Capabilities records found at one level.
type restrictions struct {
	insert, update, delete, read *parser.Restriction
}

func restrictionsOf(as parser.Annotations) restrictions {
	return restrictions{
		insert: as.InsertRestrictions(),
		update: as.UpdateRestrictions(),
		delete: as.DeleteRestrictions(),
		read:   as.ReadRestrictions(),
	}
}

func navigationRestrictions(nr parser.NavigationRestriction) restrictions {
	return restrictions{insert: nr.Insert, update: nr.Update, delete: nr.Delete, read: nr.Read}
}

// resolveAccess decides each request in the same order every time: the
// first level that has a restriction for it wins, levels going from the
// most specific (the navigation property or container element) to the
// least (the target type), and where no level says anything the default
// applies. It is the only place that decides which methods exist.
func resolveAccess(levels []restrictions, def access) access {
	out := def
	pick := func(get func(restrictions) *parser.Restriction, dst *bool) {
		for _, l := range levels {
			if r := get(l); r != nil {
				*dst = r.Allowed
				return
			}
		}
	}
	pick(func(r restrictions) *parser.Restriction { return r.insert }, &out.Insert)
	pick(func(r restrictions) *parser.Restriction { return r.update }, &out.Update)
	pick(func(r restrictions) *parser.Restriction { return r.delete }, &out.Delete)
	pick(func(r restrictions) *parser.Restriction { return r.read }, &out.Read)
	return out
}

// navigationLevels collects the restriction levels of a navigation
// property: its own annotations, then NavigationRestrictions entries that
// name it on its owner (and the owner's ancestors) or on a container
// element of the owner's type, then the target type's annotations.
//
// Known limitation: builders are shared by every path that reaches a
// navigation property, so a NavigationRestrictions entry that names a
// longer path (users/manager/directReports) applies wherever its last
// navigation property is reached from that owner type.
func (g *generator) navigationLevels(n *parser.NavigationProperty) []restrictions {
	levels := []restrictions{restrictionsOf(n.Annotations)}
	for t := n.Owner; t != nil; t = t.Base {
		levels = append(levels, namedRestrictions(t.Annotations, n)...)
	}
	if c := g.sel.Model.Container(); c != nil {
		for _, s := range c.EntitySets {
			if s.Type == n.Owner {
				levels = append(levels, namedRestrictions(s.Annotations, n)...)
			}
		}
		for _, s := range c.Singletons {
			if s.Type == n.Owner {
				levels = append(levels, namedRestrictions(s.Annotations, n)...)
			}
		}
	}
	return append(levels, restrictionsOf(n.Target().Annotations))
}

// namedRestrictions returns the NavigationRestrictions entries of as that
// name the navigation property, by its name or by a path ending in it.
func namedRestrictions(as parser.Annotations, n *parser.NavigationProperty) []restrictions {
	_, entries := as.NavigationRestrictions()
	var out []restrictions
	for _, e := range entries {
		p := e.NavigationProperty
		if p == n.Name || strings.HasSuffix(p, "/"+n.Name) {
			out = append(out, navigationRestrictions(e))
		}
	}
	return out
}

// navigationAccess is the access through a navigation property.
func (g *generator) navigationAccess(n *parser.NavigationProperty) access {
	def := defaultReferenceAccess
	switch {
	case n.ContainsTarget && n.Type.Collection:
		def = defaultSetAccess
	case n.ContainsTarget:
		def = defaultSingleNavAccess
	}
	return resolveAccess(g.navigationLevels(n), def)
}

// entitySetAccess is the access through an entity set.
func entitySetAccess(s *parser.EntitySet) access {
	return resolveAccess([]restrictions{restrictionsOf(s.Annotations), restrictionsOf(s.Type.Annotations)},
		defaultSetAccess)
}

// singletonAccess is the access through a singleton.
func singletonAccess(s *parser.Singleton) access {
	return resolveAccess([]restrictions{restrictionsOf(s.Annotations), restrictionsOf(s.Type.Annotations)},
		defaultSingletonAccess)
}

// item keeps what applies to a single entity.
func (a access) item() access { return access{Read: a.Read, Update: a.Update, Delete: a.Delete} }

// suffix names an access that is not the full set of its kind, for the
// builder's type name: "" for everything, ReadOnly for reading only,
// otherwise No followed by the missing requests (NoDelete).
func (a access) suffix(full access) string {
	if a == full {
		return ""
	}
	if a == (access{Read: true}) {
		return "ReadOnly"
	}
	missing := "No"
	for _, v := range []struct {
		want, have bool
		name       string
	}{
		{full.Read, a.Read, "Read"},
		{full.Insert, a.Insert, "Create"},
		{full.Update, a.Update, "Update"},
		{full.Delete, a.Delete, "Delete"},
	} {
		if v.want && !v.have {
			missing += v.name
		}
	}
	return missing
}
