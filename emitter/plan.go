package emitter

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/parser"
	"github.com/graphgen/graphgen/templates"
)

// generator holds the names chosen for one selection and the files being
// built.
type generator struct {
	sel       *parser.Selection
	cfg       Config
	namespace string
	stats     Stats

	// packageDoc is the package comment, rendered from templates.
	packageDoc string

	pkg *scope

	// typeName is the Go name of every selected type.
	typeName map[parser.Type]string

	// polymorphic are the structured types with selected derived types:
	// properties of such a type hold an interface (anyName) and decode by
	// @odata.type (decodeName).
	polymorphic map[*parser.StructuredType]bool
	anyName     map[*parser.StructuredType]string
	asName      map[*parser.StructuredType]string
	decodeName  map[*parser.StructuredType]string

	// structs, enums and definitions are the selected types in name order.
	structs     []*parser.StructuredType
	enums       []*parser.EnumType
	definitions []*parser.TypeDefinition

	// fields are the Go fields of each struct, and fieldScope the names a
	// struct's own fields, promoted fields and methods take.
	fields     map[*parser.StructuredType][]field
	fieldScope map[*parser.StructuredType]*scope

	// memberName is the constant of every enum member, valuesName the
	// function listing an enum's members.
	memberName map[*parser.EnumMember]string
	valuesName map[*parser.EnumType]string

	// builders are the request builders, roots the methods of Client, and
	// paramsName the parameter struct of each operation with parameters.
	builders     []*builder
	builderIndex map[builderKey]*builder
	roots        []rootMethod
	paramsName   map[*parser.Operation]string

	// permissions holds the permissions of every request method when
	// Config.Permissions is set.
	permissions *permissionPlan

	files map[string]*jen.File
}

// field is one Go field generated for a property or navigation property.
type field struct {
	name     string
	jsonName string
	ref      parser.TypeRef
	doc      parser.Annotations
	nav      bool
	nullable bool
}

// Names of the fields and methods every root struct declares.
const (
	fieldODataType      = "ODataType"
	fieldAdditionalData = "AdditionalData"
)

func newGenerator(sel *parser.Selection, cfg Config) *generator {
	ns := cfg.Namespace
	if ns == "" {
		ns = DefaultNamespace
	}
	reserved := append([]string{"defaultBaseURL"}, templates.RuntimeIdentifiers...)
	return &generator{
		sel:          sel,
		cfg:          cfg,
		namespace:    ns,
		pkg:          newScope(reserved...),
		typeName:     map[parser.Type]string{},
		polymorphic:  map[*parser.StructuredType]bool{},
		anyName:      map[*parser.StructuredType]string{},
		asName:       map[*parser.StructuredType]string{},
		decodeName:   map[*parser.StructuredType]string{},
		fields:       map[*parser.StructuredType][]field{},
		fieldScope:   map[*parser.StructuredType]*scope{},
		memberName:   map[*parser.EnumMember]string{},
		valuesName:   map[*parser.EnumType]string{},
		builderIndex: map[builderKey]*builder{},
		paramsName:   map[*parser.Operation]string{},
		files:        map[string]*jen.File{},
	}
}

// plan chooses every name before any code is written, in a fixed order:
// types of the default namespace first, then other namespaces, each sorted
// by name; then interfaces, enum members and fields.
func (g *generator) plan() {
	types := slices.Clone(g.sel.Types)
	slices.SortStableFunc(types, func(a, b parser.Type) int {
		return cmp.Compare(g.rank(a), g.rank(b))
	})
	for _, t := range types {
		g.typeName[t] = g.pkg.claim(g.goTypeName(t))
		switch t := t.(type) {
		case *parser.StructuredType:
			g.structs = append(g.structs, t)
		case *parser.EnumType:
			g.enums = append(g.enums, t)
		case *parser.TypeDefinition:
			g.definitions = append(g.definitions, t)
		}
	}
	g.planPolymorphism()
	g.planEnumMembers()
	for _, s := range g.structs {
		g.planFields(s)
	}
	g.planBuilders()
	g.planParams()
	g.planPermissions()
}

// rank orders the default namespace before the others.
func (g *generator) rank(t parser.Type) int {
	if namespaceOf(t) == g.namespace {
		return 0
	}
	return 1
}

func namespaceOf(t parser.Type) string {
	name := t.QualifiedName()
	return name[:strings.LastIndexByte(name, '.')]
}

func localName(t parser.Type) string {
	name := t.QualifiedName()
	return name[strings.LastIndexByte(name, '.')+1:]
}

// goTypeName is the wanted Go name of a type before clashes are resolved.
func (g *generator) goTypeName(t parser.Type) string {
	prefix := ""
	for _, part := range strings.Split(g.namespaceSuffix(namespaceOf(t)), ".") {
		if part != "" {
			prefix += exportedName(part)
		}
	}
	return prefix + exportedName(localName(t))
}

func (g *generator) planPolymorphism() {
	for _, s := range g.structs {
		for _, d := range s.AllDerived() {
			if g.sel.Includes(d) {
				g.polymorphic[s] = true
				break
			}
		}
	}
	for _, s := range g.structs {
		if !g.polymorphic[s] {
			continue
		}
		name := g.typeName[s]
		g.anyName[s] = g.pkg.claim("Any" + name)
		g.decodeName[s] = g.pkg.claim("Unmarshal" + g.anyName[s])
		g.asName[s] = "As" + name
		g.stats.Interfaces++
	}
}

func (g *generator) planEnumMembers() {
	for _, e := range g.enums {
		g.valuesName[e] = g.pkg.claim(g.typeName[e] + "Values")
		for _, m := range e.Members {
			g.memberName[m] = g.pkg.claim(g.typeName[e] + exportedName(m.Name))
		}
	}
}

// methodNames are the methods every generated struct has; fields must not
// take these names.
var methodNames = []string{"MarshalJSON", "UnmarshalJSON", "encodeMembers", "decodeMembers", "decodeObject",
	"newObject", "odataTypeName"}

// planFields names the fields of s after those of its base, so that a
// field never hides a promoted field or method of an ancestor.
func (g *generator) planFields(s *parser.StructuredType) *scope {
	if sc, ok := g.fieldScope[s]; ok {
		return sc
	}
	var sc *scope
	if s.Base != nil && g.sel.Includes(s.Base) {
		sc = g.planFields(s.Base).child()
		sc.reserve(g.typeName[s.Base])
	} else {
		sc = newScope(methodNames...)
		sc.claim(fieldODataType)
		sc.claim(fieldAdditionalData)
	}
	// A field named like the struct itself would be hidden by the
	// embedded field of that name in derived types.
	sc.reserve(g.typeName[s])
	if g.polymorphic[s] {
		sc.reserve(g.asName[s])
	}

	var fields []field
	for _, p := range s.Properties {
		fields = append(fields, field{
			name: sc.claim(exportedName(p.Name)), jsonName: p.Name, ref: p.Type,
			doc: p.Annotations, nullable: p.Nullable,
		})
	}
	for _, n := range s.NavigationProperties {
		if !g.sel.IncludesNavigation(n) {
			continue
		}
		fields = append(fields, field{
			name: sc.claim(exportedName(n.Name)), jsonName: n.Name, ref: n.Type,
			doc: n.Annotations, nav: true, nullable: n.Nullable,
		})
	}
	g.fields[s] = fields
	g.fieldScope[s] = sc
	return sc
}

// file returns the file a declaration of that kind and namespace goes in.
func (g *generator) file(kind, ns string) *jen.File {
	name := g.fileName(kind, ns)
	f, ok := g.files[name]
	if !ok {
		f = jen.NewFile(g.cfg.Package)
		f.HeaderComment(strings.TrimPrefix(Header, "// "))
		g.files[name] = f
	}
	return f
}

// units emits every declaration and returns the files in name order.
func (g *generator) units() []unit {
	g.emitBase()
	for _, d := range g.definitions {
		g.emitDefinition(d)
	}
	for _, e := range g.enums {
		g.emitEnum(e)
	}
	for _, s := range g.structs {
		g.emitStruct(s)
	}
	g.emitRequests()
	g.emitPermissions()
	var out []unit
	for name, f := range g.files {
		out = append(out, unit{name: name, file: f})
	}
	slices.SortFunc(out, func(a, b unit) int { return cmp.Compare(a.name, b.name) })
	return out
}
