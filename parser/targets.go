package parser

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"
)

// pendingAnnotations is an out-of-line <Annotations Target="..."> block.
type pendingAnnotations struct {
	schema    *Schema
	path      elementPath
	target    string
	qualifier string
	el        *etree.Element
}

// resolveAnnotationTargets attaches every out-of-line block to the element
// its Target names, after that element's inline annotations.
func (r *reader) resolveAnnotationTargets() {
	signatures := r.operationSignatures()
	for _, p := range r.outOfLine {
		path := p.path.with("Annotations", p.target)
		slots, err := r.targetSlots(p.target, signatures)
		if err != nil {
			r.repair(FixupDanglingAnnotationTarget, path, err)
			continue
		}
		var read Annotations
		for _, child := range p.el.SelectElements("Annotation") {
			read = r.appendAnnotation(read, path, child)
		}
		for _, a := range read {
			if a.Qualifier == "" {
				a.Qualifier = p.qualifier
			}
		}
		for _, slot := range slots {
			*slot = append(*slot, read...)
		}
	}
}

// operationSignatures indexes every overload by its canonical signature.
func (r *reader) operationSignatures() map[string][]*Operation {
	m := make(map[string][]*Operation)
	for _, s := range r.model.Schemas {
		for _, op := range append(s.Actions, s.Functions...) {
			if !operationResolved(op) {
				continue
			}
			sig := op.Signature()
			m[sig] = append(m[sig], op)
			if full := op.FullSignature(); full != sig {
				m[full] = append(m[full], op)
			}
		}
	}
	return m
}

func operationResolved(op *Operation) bool {
	for _, p := range op.Parameters {
		if p.Type.Type == nil {
			return false
		}
	}
	return true
}

// targetSlots finds the annotation lists a target path designates: a type,
// a member of a type (property, navigation property, enum member), an
// operation overload or all overloads, a parameter or return type of one,
// the entity container or one of its children.
func (r *reader) targetSlots(target string, signatures map[string][]*Operation) ([]*Annotations, error) {
	head, rest, _ := cutTargetPath(target)
	if strings.Contains(head, "(") {
		return r.operationSlots(head, rest, signatures)
	}

	qualified := r.qualify(head)
	if t := r.lookupType(qualified); t != nil {
		return typeSlots(t, rest)
	}
	if c := r.container(qualified); c != nil {
		return containerSlots(c, rest)
	}
	if ops := r.model.operation[qualified]; len(ops) > 0 {
		return overloadSlots(ops, rest)
	}
	return nil, fmt.Errorf("annotation target %s names no element", target)
}

// cutTargetPath splits "ns.op(a,b)/param" into "ns.op(a,b)" and "param",
// ignoring slashes inside the parentheses.
func cutTargetPath(target string) (head, rest string, found bool) {
	depth := 0
	for i, c := range target {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case '/':
			if depth == 0 {
				return target[:i], target[i+1:], true
			}
		}
	}
	return target, "", false
}

func (r *reader) container(name string) *EntityContainer {
	for _, s := range r.model.Schemas {
		for _, c := range s.Containers {
			if c.QualifiedName() == name {
				return c
			}
		}
	}
	return nil
}

func typeSlots(t Type, member string) ([]*Annotations, error) {
	switch t := t.(type) {
	case *StructuredType:
		return structuredSlots(t, member)
	case *EnumType:
		if member == "" {
			return []*Annotations{&t.Annotations}, nil
		}
		if m := t.Member(member); m != nil {
			return []*Annotations{&m.Annotations}, nil
		}
	case *TypeDefinition:
		if member == "" {
			return []*Annotations{&t.Annotations}, nil
		}
	}
	return nil, fmt.Errorf("annotation target %s/%s names no element", t.QualifiedName(), member)
}

func structuredSlots(t *StructuredType, member string) ([]*Annotations, error) {
	if member == "" {
		return []*Annotations{&t.Annotations}, nil
	}
	name, _, _ := strings.Cut(member, "/")
	for s := t; s != nil; s = s.Base {
		if p := s.Property(name); p != nil {
			return []*Annotations{&p.Annotations}, nil
		}
		if n := s.NavigationProperty(name); n != nil {
			return []*Annotations{&n.Annotations}, nil
		}
	}
	return nil, fmt.Errorf("annotation target %s/%s names no property", t.QualifiedName(), member)
}

func containerSlots(c *EntityContainer, child string) ([]*Annotations, error) {
	if child == "" {
		return []*Annotations{&c.Annotations}, nil
	}
	name, _, _ := strings.Cut(child, "/")
	if s := c.EntitySet(name); s != nil {
		return []*Annotations{&s.Annotations}, nil
	}
	if s := c.Singleton(name); s != nil {
		return []*Annotations{&s.Annotations}, nil
	}
	for _, imp := range append(c.ActionImports, c.FunctionImports...) {
		if imp.Name == name {
			return []*Annotations{&imp.Annotations}, nil
		}
	}
	return nil, fmt.Errorf("annotation target %s/%s names no container child", c.QualifiedName(), child)
}

func (r *reader) operationSlots(head, rest string,
	signatures map[string][]*Operation) ([]*Annotations, error) {
	sig, err := r.canonicalSignature(head)
	if err != nil {
		return nil, err
	}
	ops := signatures[sig]
	if len(ops) == 0 {
		return nil, fmt.Errorf("annotation target %s names no operation overload", head)
	}
	return overloadSlots(ops, rest)
}

// canonicalSignature rewrites "graph.op(graph.x, Collection(graph.y))" with
// namespaces instead of aliases and without spaces.
func (r *reader) canonicalSignature(head string) (string, error) {
	open := strings.IndexByte(head, '(')
	if !strings.HasSuffix(head, ")") {
		return "", fmt.Errorf("annotation target %s: unbalanced parentheses", head)
	}
	name := r.qualify(head[:open])
	inner := strings.TrimSpace(head[open+1 : len(head)-1])
	if inner == "" {
		return name + "()", nil
	}
	params := strings.Split(inner, ",")
	for i, p := range params {
		p = strings.TrimSpace(p)
		if elem, ok := strings.CutPrefix(p, "Collection("); ok {
			params[i] = "Collection(" + r.qualify(strings.TrimSuffix(elem, ")")) + ")"
		} else {
			params[i] = r.qualify(p)
		}
	}
	return name + "(" + strings.Join(params, ",") + ")", nil
}

func overloadSlots(ops []*Operation, member string) ([]*Annotations, error) {
	var slots []*Annotations
	for _, op := range ops {
		slot, err := operationMemberSlot(op, member)
		if err != nil {
			return nil, err
		}
		slots = append(slots, slot)
	}
	return slots, nil
}

func operationMemberSlot(op *Operation, member string) (*Annotations, error) {
	switch {
	case member == "":
		return &op.Annotations, nil
	case member == "$ReturnType" && op.ReturnType != nil:
		return &op.ReturnType.Annotations, nil
	}
	for _, p := range op.Parameters {
		if p.Name == member {
			return &p.Annotations, nil
		}
	}
	return nil, fmt.Errorf("annotation target %s/%s names no parameter", op.Signature(), member)
}
