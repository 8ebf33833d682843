package emitter

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/parser"
)

const (
	contextPkg = "context"
	httpPkg    = "net/http"
	iterPkg    = "iter"
)

// ctxParam is the context parameter every request method takes first.
func ctxParam() jen.Code { return jen.Id("ctx").Qual(contextPkg, "Context") }

// planParams names the parameter struct of every selected operation that
// has parameters.
func (g *generator) planParams() {
	ops := slices.Clone(g.sel.Operations)
	slices.SortStableFunc(ops, func(x, y *parser.Operation) int {
		return cmp.Or(cmp.Compare(bindingName(x), bindingName(y)), compareOverloads(x, y))
	})
	for _, op := range ops {
		if len(op.NonBindingParameters()) == 0 {
			continue
		}
		prefix := ""
		if b := op.BindingParameter(); b != nil {
			if s := b.Type.Structured(); s != nil && g.typeName[s] != "" {
				prefix = g.typeName[s]
			}
		}
		name := prefix + exportedName(op.Name)
		if g.pkg.has(name + "Params") {
			name += "With" + parameterList(op)
		}
		g.paramsName[op] = g.pkg.claim(name + "Params")
	}
}

// bindingName is the qualified name of an operation's binding type, or ""
// for an unbound operation.
func bindingName(op *parser.Operation) string {
	if b := op.BindingParameter(); b != nil {
		return b.Type.Type.QualifiedName()
	}
	return ""
}

// emitRequests writes the Client methods, the builders and the operation
// parameter structs.
func (g *generator) emitRequests() {
	g.emitRootMethods()
	for _, b := range g.builders {
		g.emitBuilder(b)
	}
	for _, op := range g.sel.Operations {
		if name, ok := g.paramsName[op]; ok {
			g.emitParams(op, name)
		}
	}
}

func (g *generator) emitRootMethods() {
	f := g.file("client", g.namespace)
	for _, r := range g.roots {
		if r.op != nil {
			g.emitOperation(f, "Client", jen.Id("c").Op("*").Id("Client"), jen.Id("c"), nil, r.name, r.op)
			continue
		}
		f.Add(comment(docComment(fmt.Sprintf("%s addresses /%s.", r.name, r.segment), r.annotations)))
		f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(r.name).Params().Op("*").Id(r.target.name).Block(
			jen.Return(jen.Op("&").Id(r.target.name).Values(jen.Dict{
				jen.Id("client"): jen.Id("c"),
				jen.Id("path"):   jen.Lit("/" + r.segment),
			})),
		)
		f.Line()
	}
}

func (g *generator) emitBuilder(b *builder) {
	f := g.file("requests", b.typ.Namespace)
	what := "one " + b.typ.QualifiedName()
	if b.collection {
		what = "a collection of " + b.typ.QualifiedName()
	}
	f.Add(comment(wrap(fmt.Sprintf("%s builds the requests on %s. Get one from Client or from "+
		"another request builder; it holds the URL path and sends nothing until a method that "+
		"takes a context is called.", b.name, what), commentWidth)))
	f.Type().Id(b.name).Struct(
		jen.Id("client").Op("*").Id("Client"),
		jen.Id("path").String(),
	)
	f.Line()

	f.Add(comment("Path returns the escaped URL path the builder addresses, relative to the base URL."))
	f.Func().Params(jen.Id("b").Op("*").Id(b.name)).Id("Path").Params().String().
		Block(jen.Return(jen.Id("b").Dot("path")))
	f.Line()

	if b.collection {
		g.emitCollectionMethods(f, b)
	} else {
		g.emitItemMethods(f, b)
	}
	recv := jen.Id("b").Op("*").Id(b.name)
	for _, m := range b.operations {
		g.emitOperation(f, b.name, recv, jen.Id("b").Dot("client"), jen.Id("b").Dot("path"), m.name, m.op)
	}
}

// resultType returns the Go type of a value of t and the function that
// decodes one.
func (g *generator) resultType(t *parser.StructuredType) (jen.Code, jen.Code) {
	if g.polymorphic[t] {
		return jen.Id(g.anyName[t]), jen.Id(g.decodeName[t])
	}
	return jen.Op("*").Id(g.typeName[t]), jen.Id("decodeJSON").Types(jen.Op("*").Id(g.typeName[t]))
}

// body wraps a request body of type t so that a derived value carries its
// @odata.type.
func (g *generator) body(t *parser.StructuredType, value jen.Code) jen.Code {
	if !g.polymorphic[t] {
		return value
	}
	return jen.Id("typedBody").Values(jen.Dict{
		jen.Id("value"):    value,
		jen.Id("declared"): jen.Lit(odataTypeName(t)),
	})
}

func (g *generator) emitCollectionMethods(f *jen.File, b *builder) {
	recv := jen.Params(jen.Id("b").Op("*").Id(b.name))
	result, decode := g.resultType(b.typ)
	query := []jen.Code{jen.Id("opts").Dot("queryParams").Call(), jen.Id("opts").Dot("requestOptions").Call()}

	f.Add(comment("ByID addresses the member with that key; the key is escaped, so any text is safe."))
	f.Func().Add(recv.Clone()).Id("ByID").Params(jen.Id("id").String()).Op("*").Id(b.item.name).Block(
		jen.Return(jen.Op("&").Id(b.item.name).Values(jen.Dict{
			jen.Id("client"): jen.Id("b").Dot("client"),
			jen.Id("path"):   jen.Id("b").Dot("path").Op("+").Lit("/").Op("+").Id("escapeKey").Call(jen.Id("id")),
		})),
	)
	f.Line()

	if b.access.Read {
		f.Add(comment(wrap("List returns every member (GET), following @odata.nextLink from page to page; "+
			"it stops at the first error, which it yields. A nil opts sends no query options.", commentWidth) +
			g.permissionDoc(b.name, "List")))
		f.Func().Add(recv.Clone()).Id("List").Params(ctxParam(), jen.Id("opts").Op("*").Id("ListOptions")).
			Qual(iterPkg, "Seq2").Types(result, jen.Error()).Block(
			jen.Return(jen.Id("listAll").Call(append([]jen.Code{jen.Id("ctx"), jen.Id("b").Dot("client"),
				jen.Id("b").Dot("path")}, append(query, decode)...)...)),
		)
		f.Line()

		f.Add(comment("Pager reads the collection one page at a time (GET)." + g.permissionDoc(b.name, "Pager")))
		f.Func().Add(recv.Clone()).Id("Pager").Params(jen.Id("opts").Op("*").Id("ListOptions")).
			Op("*").Id("Pager").Types(result).Block(
			jen.Return(jen.Id("newPager").Call(append([]jen.Code{jen.Id("b").Dot("client"),
				jen.Id("b").Dot("path")}, append(query, decode)...)...)),
		)
		f.Line()
	}
	if b.access.Insert {
		f.Add(comment("Create adds a member (POST) and returns it as the service created it." +
			g.permissionDoc(b.name, "Create")))
		f.Func().Add(recv.Clone()).Id("Create").Params(ctxParam(), jen.Id("item").Add(result),
			jen.Id("opts").Op("*").Id("RequestOptions")).Params(result, jen.Error()).Block(
			jen.Return(jen.Id("doJSON").Call(jen.Id("ctx"), jen.Id("b").Dot("client"), jen.Qual(httpPkg, "MethodPost"),
				jen.Id("b").Dot("path"), jen.Nil(), g.body(b.typ, jen.Id("item")), jen.Id("opts"), decode)),
		)
		f.Line()
	}
}

func (g *generator) emitItemMethods(f *jen.File, b *builder) {
	recv := jen.Params(jen.Id("b").Op("*").Id(b.name))
	result, decode := g.resultType(b.typ)
	call := func(method string, query, body jen.Code, opts jen.Code) *jen.Statement {
		return jen.Id("doJSON").Call(jen.Id("ctx"), jen.Id("b").Dot("client"), jen.Qual(httpPkg, method),
			jen.Id("b").Dot("path"), query, body, opts, decode)
	}

	if b.access.Read {
		f.Add(comment("Get reads the entity (GET). A nil opts sends no query options." +
			g.permissionDoc(b.name, "Get")))
		f.Func().Add(recv.Clone()).Id("Get").Params(ctxParam(), jen.Id("opts").Op("*").Id("QueryOptions")).
			Params(result, jen.Error()).Block(
			jen.Return(call("MethodGet", jen.Id("opts").Dot("queryParams").Call(), jen.Nil(),
				jen.Id("opts").Dot("requestOptions").Call())),
		)
		f.Line()
	}
	if b.access.Update {
		f.Add(comment(wrap("Update sends the fields that are set in patch, including explicit nulls, "+
			"and nothing else (PATCH). It returns the entity when the service sends it back, "+
			"and nil for 204 No Content.", commentWidth) + g.permissionDoc(b.name, "Update")))
		f.Func().Add(recv.Clone()).Id("Update").Params(ctxParam(), jen.Id("patch").Add(result),
			jen.Id("opts").Op("*").Id("RequestOptions")).Params(result, jen.Error()).Block(
			jen.Return(call("MethodPatch", jen.Nil(), g.body(b.typ, jen.Id("patch")), jen.Id("opts"))),
		)
		f.Line()
	}
	if b.access.Delete {
		f.Add(comment("Delete removes the entity (DELETE)." + g.permissionDoc(b.name, "Delete")))
		f.Func().Add(recv.Clone()).Id("Delete").Params(ctxParam(), jen.Id("opts").Op("*").Id("RequestOptions")).
			Error().Block(
			jen.Return(jen.Id("doNoContent").Call(jen.Id("ctx"), jen.Id("b").Dot("client"),
				jen.Qual(httpPkg, "MethodDelete"), jen.Id("b").Dot("path"), jen.Nil(), jen.Nil(), jen.Id("opts"))),
		)
		f.Line()
	}
	if hasStream(b.typ) {
		g.emitMediaMethods(f, b)
	}
	for _, n := range b.navigations {
		kind := "navigation property"
		if n.property.ContainsTarget {
			kind = "contained navigation property"
		}
		f.Add(comment(docComment(fmt.Sprintf("%s addresses the %s %s.", n.name, kind, n.property.Name),
			n.property.Annotations)))
		f.Func().Add(recv.Clone()).Id(n.name).Params().Op("*").Id(n.target.name).Block(
			jen.Return(jen.Op("&").Id(n.target.name).Values(jen.Dict{
				jen.Id("client"): jen.Id("b").Dot("client"),
				jen.Id("path"):   jen.Id("b").Dot("path").Op("+").Lit("/" + n.property.Name),
			})),
		)
		f.Line()
	}
}

// emitOperation writes the method that calls an action (POST, parameters
// in the body) or a function (GET, parameters in the URL) as a method of
// the type named owner.
func (g *generator) emitOperation(f *jen.File, owner string, recv, client, path jen.Code, name string,
	op *parser.Operation) {
	params := []jen.Code{ctxParam()}
	paramsName, hasParams := g.paramsName[op]
	if hasParams {
		params = append(params, jen.Id("params").Op("*").Id(paramsName))
	}
	params = append(params, jen.Id("opts").Op("*").Id("RequestOptions"))
	result, decode := g.operationResult(op)

	segment := jen.Lit("/" + g.operationSegment(op))
	method, body := "MethodPost", jen.Code(jen.Nil())
	if op.Kind == parser.KindFunction {
		method = "MethodGet"
		args := []jen.Code{jen.Lit(g.operationSegment(op))}
		if hasParams {
			args = append(args, jen.Id("params").Dot("odataParams").Call().Op("..."))
		}
		segment = jen.Lit("/").Op("+").Id("callSegment").Call(args...)
	} else if hasParams {
		body = jen.Id("params")
	}

	f.Add(comment(g.operationDoc(name, op) + g.permissionDoc(owner, name)))
	returns := jen.Error()
	if result != nil {
		returns = jen.Params(result, jen.Error())
	}
	// An operation import is called at the service root: no path before
	// its segment.
	fullPath := segment
	if path != nil {
		fullPath = jen.Add(path).Op("+").Add(segment)
	}
	f.Func().Params(recv).Id(name).Params(params...).Add(returns).BlockFunc(func(blk *jen.Group) {
		if result == nil {
			blk.Return(jen.Id("doNoContent").Call(jen.Id("ctx"), client, jen.Qual(httpPkg, method), fullPath,
				jen.Nil(), body, jen.Id("opts")))
			return
		}
		if isStream(op.ReturnType) {
			blk.Return(jen.Id("doStream").Call(jen.Id("ctx"), client, jen.Qual(httpPkg, method), fullPath,
				jen.Nil(), body, jen.Id("opts")))
			return
		}
		blk.Return(jen.Id("doJSON").Call(jen.Id("ctx"), client, jen.Qual(httpPkg, method), fullPath,
			jen.Nil(), body, jen.Id("opts"), decode))
	})
	f.Line()
}

// isStream reports whether an operation returns a single Edm.Stream: the
// response body is the content itself (a report as CSV, a file), not JSON.
func isStream(rt *parser.ReturnType) bool {
	if rt == nil || rt.Type.Collection {
		return false
	}
	p := rt.Type.Primitive()
	return p != nil && p.Name == "Edm.Stream"
}

func (g *generator) operationDoc(name string, op *parser.Operation) string {
	kind, verb := "action", "POST"
	if op.Kind == parser.KindFunction {
		kind, verb = "function", "GET"
	}
	first := fmt.Sprintf("%s calls the %s %s (%s).", name, kind, op.QualifiedName(), verb)
	if names := parameterNames(op); names != "" {
		first += " Parameters: " + strings.ReplaceAll(names, ",", ", ") + "."
	}
	if isStream(op.ReturnType) {
		first += " It returns the response body, the content itself; the caller closes it."
	}
	return docComment(first, op.Annotations)
}

// operationResult returns the Go result type of an operation and its
// decode function; nil for an operation without a return type.
//
// Known limitation: a collection result is read from its first page only
// (an @odata.nextLink in it is not followed), and a composable function is
// called like any other: nothing can be appended to its path.
func (g *generator) operationResult(op *parser.Operation) (jen.Code, jen.Code) {
	if op.ReturnType == nil {
		return nil, nil
	}
	if isStream(op.ReturnType) {
		return jen.Qual("io", "ReadCloser"), nil
	}
	ref := op.ReturnType.Type
	if s := ref.Structured(); s != nil && g.sel.Includes(s) {
		elem, decode := g.resultType(s)
		if !ref.Collection {
			return elem, decode
		}
		if g.polymorphic[s] {
			return jen.Index().Add(elem), jen.Id("decodeValuesWith").Call(decode)
		}
	}
	elem := g.elementType(ref.Type)
	if ref.Collection {
		elem = jen.Index().Add(elem)
	}
	if s := ref.Structured(); s != nil && !ref.Collection {
		return elem, jen.Id("decodeJSON").Types(elem)
	}
	return elem, jen.Id("decodeValue").Types(elem)
}

// emitParams writes the parameter struct of an operation: the body of an
// action, or for a function the values written into the URL.
func (g *generator) emitParams(op *parser.Operation, name string) {
	ns := op.Namespace
	if b := op.BindingParameter(); b != nil {
		ns = b.Type.Type.QualifiedName()[:strings.LastIndexByte(b.Type.Type.QualifiedName(), '.')]
	}
	f := g.file("requests", ns)
	f.Add(comment(wrap(fmt.Sprintf("%s holds the parameters of %s. Fields that are not set are not sent.",
		name, op.Signature()), commentWidth)))
	fields := newScope("odataParams")
	var names []string
	f.Type().Id(name).StructFunc(func(grp *jen.Group) {
		for i, p := range op.NonBindingParameters() {
			if i > 0 {
				grp.Line()
			}
			fname := fields.claim(exportedName(p.Name))
			names = append(names, fname)
			grp.Add(comment(docComment(fmt.Sprintf("%s is the %s parameter (%s).", fname, p.Name, typeLabel(p.Type)),
				p.Annotations)))
			grp.Id(fname).Add(g.valueType(p.Type)).Tag(map[string]string{"json": p.Name + ",omitzero"})
		}
	})
	f.Line()
	if op.Kind == parser.KindFunction {
		g.emitODataParams(f, op, name, names)
	}
}

// emitODataParams writes the method that turns a function's parameters
// into OData literals for the URL.
func (g *generator) emitODataParams(f *jen.File, op *parser.Operation, name string, fields []string) {
	recv := jen.Id("p").Op("*").Id(name)
	f.Func().Params(recv).Id("odataParams").Params().Index().Id("odataParam").BlockFunc(func(b *jen.Group) {
		b.If(jen.Id("p").Op("==").Nil()).Block(jen.Return(jen.Nil()))
		b.Var().Id("out").Index().Id("odataParam")
		for i, p := range op.NonBindingParameters() {
			field := jen.Id("p").Dot(fields[i])
			add := func(literal jen.Code) jen.Code {
				return jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("odataParam").Values(jen.Dict{
					jen.Id("name"): jen.Lit(p.Name), jen.Id("literal"): literal,
				}))
			}
			if p.Type.Collection {
				b.If(field.Clone().Op("!=").Nil()).Block(add(jen.Id("literalJSON").Call(field.Clone())))
				continue
			}
			get := jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(field.Clone()).Dot("Get").Call()
			b.If(get, jen.Id("ok")).Block(
				add(g.literal(p.Type.Type, jen.Id("v"))),
			).Else().If(field.Clone().Dot("IsNull").Call()).Block(add(jen.Id("literalNull")))
		}
		b.Return(jen.Id("out"))
	})
	f.Line()
}

// literal converts a Go value of an Edm type to its OData URL literal.
func (g *generator) literal(t parser.Type, v *jen.Statement) jen.Code {
	switch t := t.(type) {
	case *parser.EnumType:
		return jen.Id("literalEnum").Call(jen.Lit(t.QualifiedName()), jen.String().Call(v))
	case *parser.TypeDefinition:
		return g.literal(t.UnderlyingType, jen.Add(g.elementType(t.UnderlyingType)).Call(v))
	case *parser.PrimitiveType:
		return primitiveLiteral(t.Name, v)
	}
	return jen.Id("literalJSON").Call(v)
}

func primitiveLiteral(edm string, v *jen.Statement) jen.Code {
	switch edm {
	case "Edm.String":
		return jen.Id("literalString").Call(v)
	case "Edm.Boolean":
		return jen.Id("literalBool").Call(v)
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64":
		return jen.Id("literalInt").Call(jen.Int64().Call(v))
	case "Edm.Double", "Edm.Single":
		return jen.Id("literalFloat").Call(jen.Float64().Call(v))
	case "Edm.Decimal":
		return jen.Id("literalDecimal").Call(v)
	case "Edm.Guid":
		return jen.Id("literalGUID").Call(v)
	case "Edm.Date":
		return jen.Id("literalDate").Call(v)
	case "Edm.DateTimeOffset":
		return jen.Id("literalDateTimeOffset").Call(v)
	case "Edm.TimeOfDay":
		return jen.Id("literalTimeOfDay").Call(v)
	case "Edm.Duration":
		return jen.Id("literalDuration").Call(v)
	}
	return jen.Id("literalJSON").Call(v)
}

// hasStream reports whether t or an ancestor is a media entity type
// (HasStream): its content is read and written at .../$value.
func hasStream(t *parser.StructuredType) bool {
	for s := t; s != nil; s = s.Base {
		if s.HasStream {
			return true
		}
	}
	return false
}

// emitMediaMethods writes Content and PutContent for a media entity.
func (g *generator) emitMediaMethods(f *jen.File, b *builder) {
	recv := jen.Params(jen.Id("b").Op("*").Id(b.name))
	path := jen.Id("b").Dot("path").Op("+").Lit("/$value")
	if b.access.Read {
		f.Add(comment(wrap("Content reads the entity's media content (GET .../$value). The caller closes "+
			"the returned body.", commentWidth) + g.permissionDoc(b.name, "Content")))
		f.Func().Add(recv.Clone()).Id("Content").Params(ctxParam(), jen.Id("opts").Op("*").Id("RequestOptions")).
			Params(jen.Qual("io", "ReadCloser"), jen.Error()).Block(
			jen.Return(jen.Id("doStream").Call(jen.Id("ctx"), jen.Id("b").Dot("client"),
				jen.Qual(httpPkg, "MethodGet"), path.Clone(), jen.Nil(), jen.Nil(), jen.Id("opts"))),
		)
		f.Line()
	}
	if b.access.Update {
		f.Add(comment(wrap("PutContent replaces the entity's media content (PUT .../$value) with content "+
			"of the given media type; an empty contentType sends application/octet-stream.", commentWidth) +
			g.permissionDoc(b.name, "PutContent")))
		f.Func().Add(recv.Clone()).Id("PutContent").Params(ctxParam(), jen.Id("content").Qual("io", "Reader"),
			jen.Id("contentType").String(), jen.Id("opts").Op("*").Id("RequestOptions")).Error().Block(
			jen.Return(jen.Id("doUpload").Call(jen.Id("ctx"), jen.Id("b").Dot("client"),
				jen.Qual(httpPkg, "MethodPut"), path.Clone(), jen.Id("content"), jen.Id("contentType"),
				jen.Id("opts"))),
		)
		f.Line()
	}
}
