package parser

import (
	"fmt"
	"slices"
	"strings"
)

// PathStep is one segment of a resolved container path.
type PathStep struct {
	// Segment is the segment as written.
	Segment string

	// Exactly one of these is set: the entity set or singleton of the
	// first segment, a navigation property, a key, or a type cast.
	EntitySet  *EntitySet
	Singleton  *Singleton
	Navigation *NavigationProperty
	Key        bool
	Cast       *StructuredType

	// Type is the entity type the path addresses after this step, and
	// Collection whether it addresses a collection of them.
	Type       *StructuredType
	Collection bool
}

// ResolvePath resolves a container path such as
// /solutions/backupRestore/exchangeRestoreSessions/{id}/mailboxRestoreArtifacts.
// A segment in braces is a key; a qualified type name is a cast.
func (m *Model) ResolvePath(path string) ([]PathStep, error) {
	segments := strings.Split(strings.Trim(path, "/"), "/")
	if len(segments) == 0 || segments[0] == "" {
		return nil, fmt.Errorf("path %q: empty", path)
	}
	c := m.Container()
	if c == nil {
		return nil, fmt.Errorf("path %s: the document has no entity container", path)
	}

	first, err := firstStep(c, segments[0])
	if err != nil {
		return nil, fmt.Errorf("path %s: %w", path, err)
	}
	steps := []PathStep{first}
	for _, seg := range segments[1:] {
		step, err := m.nextStep(steps[len(steps)-1], seg)
		if err != nil {
			return nil, fmt.Errorf("path %s: %w", path, err)
		}
		steps = append(steps, step)
	}
	return steps, nil
}

func firstStep(c *EntityContainer, seg string) (PathStep, error) {
	if s := c.EntitySet(seg); s != nil {
		return PathStep{Segment: seg, EntitySet: s, Type: s.Type, Collection: true}, nil
	}
	if s := c.Singleton(seg); s != nil {
		return PathStep{Segment: seg, Singleton: s, Type: s.Type}, nil
	}
	return PathStep{}, fmt.Errorf("%s is no entity set or singleton of %s", seg, c.QualifiedName())
}

func (m *Model) nextStep(prev PathStep, seg string) (PathStep, error) {
	if prev.Type == nil {
		return PathStep{}, fmt.Errorf("segment %s follows an unresolved segment", seg)
	}
	if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
		if !prev.Collection {
			return PathStep{}, fmt.Errorf("key %s follows %s, which is not a collection", seg, prev.Segment)
		}
		return PathStep{Segment: seg, Key: true, Type: prev.Type}, nil
	}
	if cast := m.StructuredType(seg); cast != nil && strings.Contains(seg, ".") {
		if !cast.DerivesFrom(prev.Type) {
			return PathStep{}, fmt.Errorf("cast %s: not derived from %s", seg, prev.Type.QualifiedName())
		}
		return PathStep{Segment: seg, Cast: cast, Type: cast, Collection: prev.Collection}, nil
	}
	if prev.Collection {
		return PathStep{}, fmt.Errorf("segment %s follows the collection %s without a key", seg, prev.Segment)
	}
	n := prev.Type.FindNavigationProperty(seg)
	if n == nil {
		return PathStep{}, fmt.Errorf("%s has no navigation property %s", prev.Type.QualifiedName(), seg)
	}
	return PathStep{Segment: seg, Navigation: n, Type: n.Target(), Collection: n.Type.Collection}, nil
}

// addPath selects the container element of a path, its steps as path-only
// types and its last type as a full root.
func (c *closure) addPath(path string) error {
	steps, err := c.model.ResolvePath(path)
	if err != nil {
		return err
	}
	first := steps[0]
	if first.EntitySet != nil && !slices.Contains(c.sel.EntitySets, first.EntitySet) {
		c.sel.EntitySets = append(c.sel.EntitySets, first.EntitySet)
	}
	if first.Singleton != nil && !slices.Contains(c.sel.Singletons, first.Singleton) {
		c.sel.Singletons = append(c.sel.Singletons, first.Singleton)
	}
	for _, step := range steps[:len(steps)-1] {
		c.addPathStep(step.Type)
		if step.Navigation != nil {
			c.sel.onPath[step.Navigation] = true
		}
	}
	last := steps[len(steps)-1]
	if last.Navigation != nil {
		c.sel.onPath[last.Navigation] = true
	}
	c.add(last.Type, true)
	return nil
}

// addPathStep selects a type that a path passes through without taking in
// all of its navigation targets.
func (c *closure) addPathStep(t *StructuredType) {
	if c.sel.included[t] {
		return
	}
	c.sel.included[t] = true
	c.sel.pathOnly[t] = true
	c.queue = append(c.queue, t)
}
