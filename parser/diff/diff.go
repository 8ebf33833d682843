package diff

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/graphgen/graphgen/parser"
)

// Kind says what happened to an element.
type Kind string

// The kinds of Change.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
)

// Element names the kind of element a Change is about, as a changelog
// writes it.
type Element string

// The elements a Change can be about.
const (
	EntityType         Element = "entity type"
	ComplexType        Element = "complex type"
	EnumType           Element = "enum type"
	TypeDefinition     Element = "type definition"
	Property           Element = "property"
	NavigationProperty Element = "navigation property"
	EnumMember         Element = "enum member"
	Action             Element = "action"
	Function           Element = "function"
	Parameter          Element = "parameter"
	ReturnType         Element = "return type"
	EntitySet          Element = "entity set"
	Singleton          Element = "singleton"
)

// Change is one entry of a changelog.
type Change struct {
	Kind    Kind    `json:"kind"`
	Element Element `json:"element"`

	// Path names the element: a qualified type name, type/member for
	// properties and enum members, the overload signature for operations
	// and signature/parameter for parameters, the bare name for entity
	// sets and singletons.
	Path string `json:"path"`

	// Aspect is what changed about an element that is in both documents:
	// type, nullable, base type, abstract, open, has stream, key,
	// containment, value, flags, kind, evolvable, composable.
	Aspect string `json:"aspect,omitempty"`

	// Old and New describe the aspect before and after; for an added or
	// removed element, the element's type or value.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`

	// Evolvable marks an added enum member declared after
	// unknownFutureValue, which clients receive only when they ask for it.
	Evolvable bool `json:"evolvable,omitempty"`

	// Note adds context, such as that an added type already existed in
	// the old document but was not selected.
	Note string `json:"note,omitempty"`

	// Breaking is true when Rule is set.
	Breaking bool `json:"breaking"`
	Rule     Rule `json:"rule,omitempty"`
}

// Changelog is the list of changes between two selections, sorted by
// path, then kind and aspect.
type Changelog struct {
	Changes []Change `json:"changes"`

	// RootsOnlyInOld and RootsOnlyInNew are the roots given to
	// CompareModels that only one of the documents has, such as a type
	// added in the new one; they select nothing in the other document.
	RootsOnlyInOld []string `json:"rootsOnlyInOld,omitempty"`
	RootsOnlyInNew []string `json:"rootsOnlyInNew,omitempty"`
}

// Breaking returns the breaking changes.
func (c Changelog) Breaking() []Change {
	var out []Change
	for _, ch := range c.Changes {
		if ch.Breaking {
			out = append(out, ch)
		}
	}
	return out
}

// Compare lists what changed from old to new. Both selections are usually
// the closure of the same roots in two versions of a document; pass
// Model.All() to compare whole documents.
func Compare(old, new *parser.Selection) Changelog {
	c := &comparer{old: old, new: new}
	c.types()
	c.operations()
	c.containerElements()
	slices.SortStableFunc(c.changes, compareChanges)
	return Changelog{Changes: c.changes}
}

// CompareModels selects the closure of roots in both models with the
// policy, or the whole models when roots is empty, and compares them. A
// root that only one model has, such as a type added in the new version,
// selects nothing in the other, so its closure shows as added or removed;
// the changelog lists such roots. A root that neither model has is an
// error.
func CompareModels(old, new *parser.Model, roots []string, policy parser.DerivedPolicy) (Changelog, error) {
	if len(roots) == 0 {
		return Compare(old.All(), new.All()), nil
	}
	var oldRoots, newRoots, onlyOld, onlyNew []string
	for _, root := range roots {
		oldErr, newErr := findRoot(old, root), findRoot(new, root)
		switch {
		case oldErr != nil && newErr != nil:
			return Changelog{}, fmt.Errorf("root %s is in neither document: %w", root, newErr)
		case oldErr != nil:
			onlyNew = append(onlyNew, root)
		case newErr != nil:
			onlyOld = append(onlyOld, root)
		}
		if oldErr == nil {
			oldRoots = append(oldRoots, root)
		}
		if newErr == nil {
			newRoots = append(newRoots, root)
		}
	}

	oldSel, err := old.Closure(oldRoots, policy)
	if err != nil {
		return Changelog{}, fmt.Errorf("old document: %w", err)
	}
	newSel, err := new.Closure(newRoots, policy)
	if err != nil {
		return Changelog{}, fmt.Errorf("new document: %w", err)
	}
	cl := Compare(oldSel, newSel)
	cl.RootsOnlyInOld, cl.RootsOnlyInNew = onlyOld, onlyNew
	return cl, nil
}

// findRoot reports whether m has the root: a type of that name, or a
// container path that resolves. Other mistakes, such as a primitive type
// as a root, are left to Model.Closure.
func findRoot(m *parser.Model, root string) error {
	if strings.HasPrefix(root, "/") {
		_, err := m.ResolvePath(root)
		return err
	}
	if m.Type(root) == nil {
		return errors.New("no such type")
	}
	return nil
}

var kindOrder = map[Kind]int{Removed: 0, Changed: 1, Added: 2}

func compareChanges(a, b Change) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]),
		cmp.Compare(a.Aspect, b.Aspect),
	)
}

// comparer collects the changes of one Compare call.
type comparer struct {
	old, new *parser.Selection
	changes  []Change
}

func (c *comparer) add(ch Change) {
	ch.Breaking = ch.Rule != ""
	c.changes = append(c.changes, ch)
}

// changed records a change of one aspect when the values differ.
func (c *comparer) changed(el Element, path, aspect, old, new string, rule Rule) {
	if old == new {
		return
	}
	c.add(Change{Kind: Changed, Element: el, Path: path, Aspect: aspect, Old: old, New: new, Rule: rule})
}

// flag records a change of a boolean aspect, breaking by whenSet when it
// turns true and by whenCleared when it turns false.
func (c *comparer) flag(el Element, path, aspect string, old, new bool, whenSet, whenCleared Rule) {
	if old == new {
		return
	}
	rule := whenCleared
	if new {
		rule = whenSet
	}
	c.changed(el, path, aspect, fmt.Sprint(old), fmt.Sprint(new), rule)
}

// typeName writes a type reference with namespaces, not aliases.
func typeName(r parser.TypeRef) string {
	if r.Type == nil {
		return r.Name
	}
	if r.Collection {
		return "Collection(" + r.Type.QualifiedName() + ")"
	}
	return r.Type.QualifiedName()
}

// nullability compares the Nullable facet: losing it is breaking.
func (c *comparer) nullability(el Element, path string, old, new bool) {
	if old == new {
		return
	}
	rule := Rule("")
	if old && !new {
		rule = RuleNowNonNullable
	}
	c.changed(el, path, "nullable", fmt.Sprint(old), fmt.Sprint(new), rule)
}

// keysOf returns the sorted union of the keys of two maps.
func keysOf[V any](a, b map[string]V) []string {
	var out []string
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
