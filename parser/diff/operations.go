package diff

import "github.com/graphgen/graphgen/parser"

// operationIndex maps "action sig" or "function sig" to the overload.
func operationIndex(sel *parser.Selection) map[string]*parser.Operation {
	m := make(map[string]*parser.Operation, len(sel.Operations))
	for _, op := range sel.Operations {
		m[op.Signature()+" "+string(operationElement(op))] = op
	}
	return m
}

func operationElement(op *parser.Operation) Element {
	if op.Kind == parser.KindFunction {
		return Function
	}
	return Action
}

func (c *comparer) operations() {
	olds, news := operationIndex(c.old), operationIndex(c.new)
	for _, key := range keysOf(olds, news) {
		o, n := olds[key], news[key]
		switch {
		case n == nil:
			c.add(Change{Kind: Removed, Element: operationElement(o), Path: o.Signature(), Old: returnName(o),
				Rule: RuleRemoved})
		case o == nil:
			c.add(Change{Kind: Added, Element: operationElement(n), Path: n.Signature(), New: returnName(n)})
		default:
			c.operation(o, n)
		}
	}
}

func returnName(op *parser.Operation) string {
	if op.ReturnType == nil {
		return ""
	}
	return typeName(op.ReturnType.Type)
}

// operation compares two overloads with the same signature: their
// parameters by name, their return value and whether they compose.
func (c *comparer) operation(o, n *parser.Operation) {
	path := n.Signature()
	c.flag(operationElement(n), path, "composable", o.IsComposable, n.IsComposable, "", RuleRemoved)

	olds, news := map[string]*parser.Parameter{}, map[string]*parser.Parameter{}
	for _, p := range o.NonBindingParameters() {
		olds[p.Name] = p
	}
	for _, p := range n.NonBindingParameters() {
		news[p.Name] = p
	}
	for _, name := range keysOf(olds, news) {
		op, np := olds[name], news[name]
		ppath := path + "/" + name
		switch {
		case np == nil:
			c.add(Change{Kind: Removed, Element: Parameter, Path: ppath, Old: typeName(op.Type), Rule: RuleRemoved})
		case op == nil:
			ch := Change{Kind: Added, Element: Parameter, Path: ppath, New: typeName(np.Type)}
			if !np.Nullable && n.Kind == parser.KindAction {
				ch.Rule = RuleRequiredParameterAdded
			}
			c.add(ch)
		default:
			c.changed(Parameter, ppath, "type", typeName(op.Type), typeName(np.Type), RuleTypeChanged)
			c.nullability(Parameter, ppath, op.Nullable, np.Nullable)
		}
	}
	c.returnType(path, o.ReturnType, n.ReturnType)
}

func (c *comparer) returnType(path string, o, n *parser.ReturnType) {
	path += "/$ReturnType"
	switch {
	case o == nil && n == nil:
	case n == nil:
		c.add(Change{Kind: Removed, Element: ReturnType, Path: path, Old: typeName(o.Type), Rule: RuleRemoved})
	case o == nil:
		c.add(Change{Kind: Added, Element: ReturnType, Path: path, New: typeName(n.Type)})
	default:
		c.changed(ReturnType, path, "type", typeName(o.Type), typeName(n.Type), RuleTypeChanged)
		c.nullability(ReturnType, path, o.Nullable, n.Nullable)
	}
}

// containerElements compares the selected entity sets and singletons.
func (c *comparer) containerElements() {
	c.entryPoints(EntitySet, setTypes(c.old), setTypes(c.new))
	c.entryPoints(Singleton, singletonTypes(c.old), singletonTypes(c.new))
}

func setTypes(sel *parser.Selection) map[string]string {
	m := map[string]string{}
	for _, s := range sel.EntitySets {
		m[s.Name] = s.Type.QualifiedName()
	}
	return m
}

func singletonTypes(sel *parser.Selection) map[string]string {
	m := map[string]string{}
	for _, s := range sel.Singletons {
		m[s.Name] = s.Type.QualifiedName()
	}
	return m
}

func (c *comparer) entryPoints(el Element, olds, news map[string]string) {
	for _, name := range keysOf(olds, news) {
		o, inOld := olds[name]
		n, inNew := news[name]
		switch {
		case !inNew:
			c.add(Change{Kind: Removed, Element: el, Path: name, Old: o, Rule: RuleRemoved})
		case !inOld:
			c.add(Change{Kind: Added, Element: el, Path: name, New: n})
		default:
			c.changed(el, name, "type", o, n, RuleTypeChanged)
		}
	}
}
