package parser

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

// Namespaces of the EDMX wrapper and of CSDL elements.
const (
	edmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx"
	edmNamespace  = "http://docs.oasis-open.org/odata/ns/edm"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ParseFile reads and resolves the metadata document at path.
func ParseFile(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read metadata: %w", err)
	}
	return Parse(path, data)
}

// Parse reads and resolves a metadata document, applying the fixups. The
// name is used in errors only, usually the file name.
func Parse(name string, data []byte) (*Model, error) {
	return ParseWith(name, data, Options{})
}

// ParseWith is Parse with options.
func ParseWith(name string, data []byte, opts Options) (*Model, error) {
	root, err := readXML(name, data)
	if err != nil {
		return nil, err
	}

	r := &reader{file: name, model: newModel(), opts: opts}
	r.readEdmx(root)
	if len(r.errs) > 0 {
		return nil, r.errs
	}

	r.resolve()
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	return r.model, nil
}

func newModel() *Model {
	return &Model{
		types:     make(map[string]Type, 4096),
		schemas:   make(map[string]*Schema),
		operation: make(map[string][]*Operation, 1024),
	}
}

// readXML parses the bytes and returns the edmx:Edmx root element after
// checking the EDMX version.
func readXML(name string, data []byte) (*etree.Element, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: name, Err: errors.New("empty document")}
	}

	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, syntaxError(name, data, err)
	}
	root := doc.Root()
	if root == nil {
		return nil, &Error{File: name, Err: errors.New("no root element")}
	}
	if root.Tag != "Edmx" || root.NamespaceURI() != edmxNamespace {
		return nil, &Error{File: name, Path: root.FullTag(),
			Err: fmt.Errorf("not an EDMX document: root element is <%s>, want <edmx:Edmx>", root.FullTag())}
	}
	if v := root.SelectAttrValue("Version", ""); v != "4.0" && v != "4.01" {
		return nil, &Error{File: name, Path: "Edmx",
			Err: fmt.Errorf("unsupported EDMX version %q: graphgen reads OData v4 (4.0 or 4.01)", v)}
	}
	return root, nil
}

// syntaxError locates malformed XML. etree reports few positions, so the
// bytes are scanned again with encoding/xml, which tracks line and column.
func syntaxError(name string, data []byte, cause error) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, col := dec.InputPos()
			return &Error{File: name, Line: line, Column: col, Err: fmt.Errorf("malformed XML: %w", err)}
		}
	}
	return &Error{File: name, Err: fmt.Errorf("malformed XML: %w", cause)}
}

// reader turns the element tree into an unresolved model and collects
// problems; resolve then links the names.
type reader struct {
	file  string
	model *Model
	opts  Options
	errs  ErrorList

	// termAliases maps vocabulary aliases (Core) to namespaces.
	termAliases map[string]string

	// pending are the steps that need every schema read first.
	structured []pendingStructured
	refs       []pendingRef
	outOfLine  []pendingAnnotations
	containers []pendingContainer
}

func (r *reader) fail(path elementPath, format string, args ...any) {
	r.errs = append(r.errs, &Error{File: r.file, Path: path.String(), Err: fmt.Errorf(format, args...)})
}

// repair applies a fixup: in strict mode the problem is an error, otherwise
// a warning on the model.
func (r *reader) repair(fix Fixup, path elementPath, err error) {
	e := &Error{File: r.file, Path: path.String(), Err: err}
	if r.opts.Strict {
		r.errs = append(r.errs, e)
		return
	}
	r.model.Warnings = append(r.model.Warnings, Warning{Fixup: fix, Err: e})
}

func (r *reader) readEdmx(root *etree.Element) {
	r.termAliases = map[string]string{}
	for _, ref := range root.SelectElements("Reference") {
		for _, inc := range ref.SelectElements("Include") {
			rf := Reference{
				URI:       ref.SelectAttrValue("Uri", ""),
				Namespace: inc.SelectAttrValue("Namespace", ""),
				Alias:     inc.SelectAttrValue("Alias", ""),
			}
			r.model.References = append(r.model.References, rf)
			if rf.Alias != "" {
				r.termAliases[rf.Alias] = rf.Namespace
			}
		}
	}

	services := root.SelectElements("DataServices")
	if len(services) != 1 {
		r.fail(elementPath{"Edmx"}, "want exactly one edmx:DataServices element, found %d", len(services))
		return
	}
	schemas := services[0].SelectElements("Schema")
	if len(schemas) == 0 {
		r.fail(elementPath{"Edmx", "DataServices"}, "no Schema element")
		return
	}
	for _, s := range schemas {
		r.declareSchema(s)
	}
	for _, s := range schemas {
		r.readSchema(s)
	}
}

// declareSchema registers a schema's namespace and alias so that any schema
// can refer to it, whatever the order of the document.
func (r *reader) declareSchema(el *etree.Element) {
	s := &Schema{
		Namespace: el.SelectAttrValue("Namespace", ""),
		Alias:     el.SelectAttrValue("Alias", ""),
	}
	path := elementPath{}.with("Schema", s.Namespace)
	if s.Namespace == "" {
		r.fail(path, "missing Namespace attribute")
		return
	}
	if r.model.schemas[s.Namespace] != nil {
		r.fail(path, "duplicate schema namespace")
		return
	}
	r.model.Schemas = append(r.model.Schemas, s)
	r.model.schemas[s.Namespace] = s
	if s.Alias != "" {
		r.termAliases[s.Alias] = s.Namespace
	}
}

func (r *reader) readSchema(el *etree.Element) {
	s := r.model.schemas[el.SelectAttrValue("Namespace", "")]
	if s == nil || s.Namespace == "" {
		return
	}
	path := elementPath{}.with("Schema", s.Namespace)
	for _, child := range el.ChildElements() {
		r.readSchemaChild(s, path, child)
	}
}

func (r *reader) readSchemaChild(s *Schema, path elementPath, el *etree.Element) {
	switch el.Tag {
	case "EnumType":
		if e := r.readEnum(s, path, el); e != nil {
			s.EnumTypes = append(s.EnumTypes, e)
		}
	case "ComplexType":
		if t := r.readStructured(s, path, el, KindComplex); t != nil {
			s.ComplexTypes = append(s.ComplexTypes, t)
		}
	case "EntityType":
		if t := r.readStructured(s, path, el, KindEntity); t != nil {
			s.EntityTypes = append(s.EntityTypes, t)
		}
	case "TypeDefinition":
		if d := r.readTypeDefinition(s, path, el); d != nil {
			s.TypeDefinitions = append(s.TypeDefinitions, d)
		}
	case "Action":
		s.Actions = append(s.Actions, r.readOperation(s, path, el, KindAction))
	case "Function":
		s.Functions = append(s.Functions, r.readOperation(s, path, el, KindFunction))
	case "EntityContainer":
		s.Containers = append(s.Containers, r.readContainer(s, path, el))
	case "Annotations":
		r.outOfLine = append(r.outOfLine, pendingAnnotations{
			schema: s, path: path, target: el.SelectAttrValue("Target", ""),
			qualifier: el.SelectAttrValue("Qualifier", ""), el: el,
		})
	case "Term":
		// Term declarations define vocabularies; Graph declares a few of its
		// own, which need no resolution.
	default:
		r.fail(path.with(el.Tag, el.SelectAttrValue("Name", "")), "unknown schema element <%s>", el.Tag)
	}
}

// declare registers a named type and reports duplicates.
func (r *reader) declare(path elementPath, t Type) bool {
	name := t.QualifiedName()
	if _, dup := r.model.types[name]; dup {
		r.fail(path, "duplicate type %s", name)
		return false
	}
	r.model.types[name] = t
	return true
}

func requiredName(r *reader, path elementPath, el *etree.Element) (string, bool) {
	name := el.SelectAttrValue("Name", "")
	if name == "" {
		r.fail(path.with(el.Tag, ""), "missing Name attribute")
		return "", false
	}
	return name, true
}

func (r *reader) readEnum(s *Schema, path elementPath, el *etree.Element) *EnumType {
	name, ok := requiredName(r, path, el)
	if !ok {
		return nil
	}
	path = path.with("EnumType", name)
	e := &EnumType{
		Namespace:      s.Namespace,
		Name:           name,
		UnderlyingType: el.SelectAttrValue("UnderlyingType", "Edm.Int32"),
		IsFlags:        el.SelectAttrValue("IsFlags", "false") == "true",
	}
	switch e.UnderlyingType {
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64":
	default:
		r.fail(path, "enum underlying type %s is not an integer type", e.UnderlyingType)
	}

	next := int64(0)
	for _, child := range el.ChildElements() {
		switch child.Tag {
		case "Member":
			m := r.readMember(path, child, next)
			if m == nil {
				continue
			}
			if e.Member(m.Name) != nil {
				r.fail(path.with("Member", m.Name), "duplicate member")
				continue
			}
			next = m.Value + 1
			m.Evolvable = e.UnknownFutureValue != nil
			if m.Name == "unknownFutureValue" {
				e.UnknownFutureValue = m
			}
			e.Members = append(e.Members, m)
		case "Annotation":
			e.Annotations = r.appendAnnotation(e.Annotations, path, child)
		}
	}
	if !r.declare(path, e) {
		return nil
	}
	return e
}

func (r *reader) readMember(path elementPath, el *etree.Element, implicit int64) *EnumMember {
	name, ok := requiredName(r, path, el)
	if !ok {
		return nil
	}
	path = path.with("Member", name)
	m := &EnumMember{Name: name, Value: implicit}
	if v := el.SelectAttr("Value"); v != nil {
		n, err := strconv.ParseInt(strings.TrimSpace(v.Value), 10, 64)
		if err != nil {
			r.fail(path, "member value %q is not an integer", v.Value)
			return nil
		}
		m.Value, m.ExplicitValue = n, true
	}
	m.Annotations = r.readInlineAnnotations(path, el)
	return m
}

// pendingStructured remembers a type's base name until all types are known.
type pendingStructured struct {
	path elementPath
	t    *StructuredType
}

// pendingRef is a type name to resolve later, and where to store it.
type pendingRef struct {
	path elementPath
	name string
	dst  *TypeRef
}

func (r *reader) readStructured(s *Schema, path elementPath, el *etree.Element,
	kind TypeKind) *StructuredType {
	name, ok := requiredName(r, path, el)
	if !ok {
		return nil
	}
	path = path.with(el.Tag, name)
	t := &StructuredType{
		Kind:         kind,
		Namespace:    s.Namespace,
		Name:         name,
		Abstract:     boolAttr(el, "Abstract", false),
		OpenType:     boolAttr(el, "OpenType", false),
		HasStream:    boolAttr(el, "HasStream", false),
		BaseTypeName: el.SelectAttrValue("BaseType", ""),
	}
	for _, child := range el.ChildElements() {
		r.readStructuredChild(t, path, child)
	}
	if !r.declare(path, t) {
		return nil
	}
	r.structured = append(r.structured, pendingStructured{path: path, t: t})
	return t
}

func (r *reader) readStructuredChild(t *StructuredType, path elementPath, el *etree.Element) {
	switch el.Tag {
	case "Key":
		for _, ref := range el.SelectElements("PropertyRef") {
			t.Key = append(t.Key, ref.SelectAttrValue("Name", ""))
		}
	case "Property":
		if p := r.readProperty(t, path, el); p != nil {
			t.Properties = append(t.Properties, p)
		}
	case "NavigationProperty":
		if n := r.readNavigation(t, path, el); n != nil {
			t.NavigationProperties = append(t.NavigationProperties, n)
		}
	case "Annotation":
		t.Annotations = r.appendAnnotation(t.Annotations, path, el)
	}
}

func (r *reader) readProperty(owner *StructuredType, path elementPath, el *etree.Element) *Property {
	name, ok := requiredName(r, path, el)
	if !ok {
		return nil
	}
	path = path.with("Property", name)
	if owner.Property(name) != nil || owner.NavigationProperty(name) != nil {
		r.fail(path, "duplicate property")
		return nil
	}
	p := &Property{
		Owner:    owner,
		Name:     name,
		Nullable: boolAttr(el, "Nullable", true),
		Facets:   r.readFacets(path, el),
	}
	if d := el.SelectAttr("DefaultValue"); d != nil {
		v := d.Value
		p.DefaultValue = &v
	}
	r.typeRef(path, el, &p.Type)
	p.Annotations = r.readInlineAnnotations(path, el)
	return p
}

func (r *reader) readNavigation(owner *StructuredType, path elementPath,
	el *etree.Element) *NavigationProperty {
	name, ok := requiredName(r, path, el)
	if !ok {
		return nil
	}
	path = path.with("NavigationProperty", name)
	if owner.Property(name) != nil || owner.NavigationProperty(name) != nil {
		r.fail(path, "duplicate property")
		return nil
	}
	n := &NavigationProperty{
		Owner:          owner,
		Name:           name,
		Nullable:       boolAttr(el, "Nullable", true),
		ContainsTarget: boolAttr(el, "ContainsTarget", false),
		Partner:        el.SelectAttrValue("Partner", ""),
	}
	r.typeRef(path, el, &n.Type)
	n.Annotations = r.readInlineAnnotations(path, el)
	return n
}

// typeRef reads the Type attribute and queues its resolution.
func (r *reader) typeRef(path elementPath, el *etree.Element, dst *TypeRef) {
	name := el.SelectAttrValue("Type", "")
	if name == "" {
		r.fail(path, "missing Type attribute")
		return
	}
	dst.Name = name
	r.refs = append(r.refs, pendingRef{path: path, name: name, dst: dst})
}

func (r *reader) readFacets(path elementPath, el *etree.Element) Facets {
	var f Facets
	f.MaxLength = optionalAttr(el, "MaxLength")
	f.Scale = optionalAttr(el, "Scale")
	f.SRID = optionalAttr(el, "SRID")
	if p := el.SelectAttr("Precision"); p != nil {
		n, err := strconv.Atoi(p.Value)
		if err != nil {
			r.fail(path, "Precision %q is not an integer", p.Value)
		} else {
			f.Precision = &n
		}
	}
	return f
}

func (r *reader) readTypeDefinition(s *Schema, path elementPath, el *etree.Element) *TypeDefinition {
	name, ok := requiredName(r, path, el)
	if !ok {
		return nil
	}
	path = path.with("TypeDefinition", name)
	d := &TypeDefinition{Namespace: s.Namespace, Name: name, Facets: r.readFacets(path, el)}
	underlying := el.SelectAttrValue("UnderlyingType", "")
	p, ok := primitive(underlying)
	if !ok {
		r.fail(path, "underlying type %q is not an Edm primitive type", underlying)
		return nil
	}
	d.UnderlyingType = p
	d.Annotations = r.readInlineAnnotations(path, el)
	if !r.declare(path, d) {
		return nil
	}
	return d
}

func (r *reader) readOperation(s *Schema, path elementPath, el *etree.Element,
	kind OperationKind) *Operation {
	name := el.SelectAttrValue("Name", "")
	path = path.with(el.Tag, name)
	if name == "" {
		r.fail(path, "missing Name attribute")
	}
	op := &Operation{
		Kind:          kind,
		Namespace:     s.Namespace,
		Name:          name,
		IsBound:       boolAttr(el, "IsBound", false),
		IsComposable:  boolAttr(el, "IsComposable", false),
		EntitySetPath: el.SelectAttrValue("EntitySetPath", ""),
	}
	for _, child := range el.ChildElements() {
		r.readOperationChild(op, path, child)
	}
	if op.IsBound && len(op.Parameters) == 0 {
		r.fail(path, "bound operation has no binding parameter")
	}
	r.model.operation[op.QualifiedName()] = append(r.model.operation[op.QualifiedName()], op)
	return op
}

func (r *reader) readOperationChild(op *Operation, path elementPath, el *etree.Element) {
	switch el.Tag {
	case "Parameter":
		name, ok := requiredName(r, path, el)
		if !ok {
			return
		}
		ppath := path.with("Parameter", name)
		p := &Parameter{Name: name, Nullable: boolAttr(el, "Nullable", true), Facets: r.readFacets(ppath, el)}
		r.typeRef(ppath, el, &p.Type)
		p.Annotations = r.readInlineAnnotations(ppath, el)
		op.Parameters = append(op.Parameters, p)
	case "ReturnType":
		rpath := path.with("ReturnType", "")
		rt := &ReturnType{Nullable: boolAttr(el, "Nullable", true), Facets: r.readFacets(rpath, el)}
		r.typeRef(rpath, el, &rt.Type)
		rt.Annotations = r.readInlineAnnotations(rpath, el)
		op.ReturnType = rt
	case "Annotation":
		op.Annotations = r.appendAnnotation(op.Annotations, path, el)
	}
}

func boolAttr(el *etree.Element, name string, dflt bool) bool {
	a := el.SelectAttr(name)
	if a == nil {
		return dflt
	}
	return a.Value == "true"
}

func optionalAttr(el *etree.Element, name string) *string {
	a := el.SelectAttr(name)
	if a == nil {
		return nil
	}
	v := a.Value
	return &v
}
