package parser

import "github.com/beevik/etree"

// pendingContainer holds the type names of a container's entity sets and
// singletons until every type is declared.
type pendingContainer struct {
	path       elementPath
	container  *EntityContainer
	setTypes   []string
	singletons []string
}

func (r *reader) readContainer(s *Schema, path elementPath, el *etree.Element) *EntityContainer {
	c := &EntityContainer{Namespace: s.Namespace, Name: el.SelectAttrValue("Name", "")}
	path = path.with("EntityContainer", c.Name)
	pc := pendingContainer{path: path, container: c}
	for _, child := range el.ChildElements() {
		r.readContainerChild(&pc, path, child)
	}
	r.containers = append(r.containers, pc)
	return c
}

func (r *reader) readContainerChild(pc *pendingContainer, path elementPath, el *etree.Element) {
	c := pc.container
	name := el.SelectAttrValue("Name", "")
	switch el.Tag {
	case "EntitySet":
		set := &EntitySet{Name: name, Bindings: readBindings(el)}
		set.Annotations = r.readInlineAnnotations(path.with("EntitySet", name), el)
		c.EntitySets = append(c.EntitySets, set)
		pc.setTypes = append(pc.setTypes, el.SelectAttrValue("EntityType", ""))
	case "Singleton":
		single := &Singleton{Name: name, Bindings: readBindings(el)}
		single.Annotations = r.readInlineAnnotations(path.with("Singleton", name), el)
		c.Singletons = append(c.Singletons, single)
		pc.singletons = append(pc.singletons, el.SelectAttrValue("Type", ""))
	case "ActionImport":
		imp := r.readImport(path, el, KindAction, "Action")
		c.ActionImports = append(c.ActionImports, imp)
	case "FunctionImport":
		imp := r.readImport(path, el, KindFunction, "Function")
		c.FunctionImports = append(c.FunctionImports, imp)
	case "Annotation":
		c.Annotations = r.appendAnnotation(c.Annotations, path, el)
	}
}

func readBindings(el *etree.Element) []NavigationPropertyBinding {
	var out []NavigationPropertyBinding
	for _, b := range el.SelectElements("NavigationPropertyBinding") {
		out = append(out, NavigationPropertyBinding{
			Path:   b.SelectAttrValue("Path", ""),
			Target: b.SelectAttrValue("Target", ""),
		})
	}
	return out
}

func (r *reader) readImport(path elementPath, el *etree.Element, kind OperationKind,
	attr string) *OperationImport {
	imp := &OperationImport{
		Kind:      kind,
		Name:      el.SelectAttrValue("Name", ""),
		Operation: el.SelectAttrValue(attr, ""),
		EntitySet: el.SelectAttrValue("EntitySet", ""),
	}
	imp.Annotations = r.readInlineAnnotations(path.with(el.Tag, imp.Name), el)
	return imp
}

// resolveContainers links entity sets, singletons and operation imports.
func (r *reader) resolveContainers() {
	for _, pc := range r.containers {
		c := pc.container
		for i, set := range c.EntitySets {
			set.Type = r.entityType(pc.path.with("EntitySet", set.Name), pc.setTypes[i])
		}
		for i, single := range c.Singletons {
			single.Type = r.entityType(pc.path.with("Singleton", single.Name), pc.singletons[i])
		}
		for _, imp := range append(c.ActionImports, c.FunctionImports...) {
			r.resolveImport(pc.path, imp)
		}
	}
}

func (r *reader) entityType(path elementPath, name string) *StructuredType {
	t := r.lookupType(name)
	s, ok := t.(*StructuredType)
	if !ok || !s.IsEntity() {
		r.fail(path, "unknown entity type %s", name)
		return nil
	}
	return s
}

func (r *reader) resolveImport(path elementPath, imp *OperationImport) {
	kind := "ActionImport"
	if imp.Kind == KindFunction {
		kind = "FunctionImport"
	}
	for _, op := range r.model.operation[r.qualify(imp.Operation)] {
		if op.Kind == imp.Kind && !op.IsBound {
			imp.Overloads = append(imp.Overloads, op)
		}
	}
	if len(imp.Overloads) == 0 {
		r.fail(path.with(kind, imp.Name), "unknown unbound operation %s", imp.Operation)
	}
}
