package emitter

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/parser"
)

// emitEnum writes an EnumType as a string type with a constant per member.
// A string keeps any value the service sends, including members added
// after the code was generated, so nothing is lost on decode or encode.
func (g *generator) emitEnum(e *parser.EnumType) {
	g.stats.Enums++
	f := g.file("enums", e.Namespace)
	name := g.typeName[e]

	f.Add(comment(g.enumDoc(e)))
	f.Type().Id(name).String()
	f.Line()
	if len(e.Members) > 0 {
		f.Const().DefsFunc(func(grp *jen.Group) {
			for i, m := range e.Members {
				if i > 0 {
					grp.Line()
				}
				grp.Add(comment(memberDoc(g.memberName[m], m)))
				grp.Id(g.memberName[m]).Id(name).Op("=").Lit(m.Name)
			}
		})
		f.Line()
	}
	g.emitEnumMethods(f, e)
	if e.IsFlags {
		g.emitFlagMethods(f, e)
	}
}

func (g *generator) enumDoc(e *parser.EnumType) string {
	name := g.typeName[e]
	first := fmt.Sprintf("%s is the %s enumeration.", name, e.QualifiedName())
	if e.IsFlags {
		first += " It is a set of flags: a value lists its members separated by commas, " +
			"as in \"a,b\"; use Has, With and Without."
	}
	first += " A value the metadata does not declare (a member the service added later) is kept as it is;" +
		" IsKnown tells."
	return docComment(first, e.Annotations)
}

func memberDoc(constName string, m *parser.EnumMember) string {
	first := fmt.Sprintf("%s is %q (%d).", constName, m.Name, m.Value)
	switch {
	case m.Name == "unknownFutureValue":
		first += " It is the sentinel the service sends in place of members declared after it," +
			" unless the request sends Prefer: include-unknown-enum-members."
	case m.Evolvable:
		first += " It is evolvable: it is declared after unknownFutureValue, so the service sends it" +
			" only to requests with Prefer: include-unknown-enum-members."
	}
	return docComment(first, m.Annotations)
}

func (g *generator) emitEnumMethods(f *jen.File, e *parser.EnumType) {
	name := g.typeName[e]
	recv := jen.Params(jen.Id("v").Id(name))
	members := make([]jen.Code, len(e.Members))
	for i, m := range e.Members {
		members[i] = jen.Id(g.memberName[m])
	}

	f.Add(comment(wrap(fmt.Sprintf("%sValues returns the declared members of %s, in declaration order.",
		name, e.QualifiedName()), commentWidth)))
	f.Func().Id(g.valuesName[e]).Params().Index().Id(name).Block(
		jen.Return(jen.Index().Id(name).Add(memberList(members))),
	)
	f.Line()

	f.Add(comment("String returns the value as the service writes it."))
	f.Func().Add(recv.Clone()).Id("String").Params().String().Block(jen.Return(jen.String().Call(jen.Id("v"))))
	f.Line()

	known := "IsKnown reports whether v is a declared member."
	if e.IsFlags {
		known = "IsKnown reports whether v holds flags and each is a declared member."
	}
	f.Add(comment(known))
	f.Func().Add(recv.Clone()).Id("IsKnown").Params().Bool().Block(
		jen.List(jen.Id("_"), jen.Id("known")).Op(":=").Id("v").Dot("Number").Call(),
		jen.Return(jen.Id("known")),
	)
	f.Line()

	g.emitEvolvable(f, e, recv)
	g.emitNumber(f, e, recv)

	f.Add(comment("MarshalText writes the value unchanged, known or not."))
	f.Func().Add(recv.Clone()).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Index().Byte().Call(jen.Id("v")), jen.Nil()),
	)
	f.Line()

	f.Add(comment("UnmarshalText accepts any value, so a member added to the service later is kept."))
	f.Func().Params(jen.Id("v").Op("*").Id(name)).Id("UnmarshalText").
		Params(jen.Id("text").Index().Byte()).Error().Block(
		jen.Op("*").Id("v").Op("=").Id(name).Call(jen.Id("text")),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

// emitEvolvable writes IsEvolvable, which tells the members declared after
// unknownFutureValue.
func (g *generator) emitEvolvable(f *jen.File, e *parser.EnumType, recv *jen.Statement) {
	var evolvable []jen.Code
	for _, m := range e.Members {
		if m.Evolvable {
			evolvable = append(evolvable, jen.Id(g.memberName[m]))
		}
	}
	if !e.IsFlags {
		f.Add(comment("IsEvolvable reports whether v is declared after unknownFutureValue: the service sends\n" +
			"such members only to requests with Prefer: include-unknown-enum-members."))
		f.Func().Add(recv.Clone()).Id("IsEvolvable").Params().Bool().
			Add(memberSwitch(evolvable, jen.True(), jen.False()))
		f.Line()
		return
	}
	f.Add(comment("IsEvolvable reports whether a flag of v is declared after unknownFutureValue: the service\n" +
		"sends such members only to requests with Prefer: include-unknown-enum-members."))
	f.Func().Add(recv.Clone()).Id("IsEvolvable").Params().Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("flag")).Op(":=").Range().Id("v").Dot("Flags").Call()).Block(
			jen.If(jen.Id("flag").Dot("isEvolvableMember").Call()).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	f.Line()
	f.Func().Add(recv.Clone()).Id("isEvolvableMember").Params().Bool().
		Add(memberSwitch(evolvable, jen.True(), jen.False()))
	f.Line()
}

// emitNumber writes Number, the member's integer value in the metadata.
func (g *generator) emitNumber(f *jen.File, e *parser.EnumType, recv *jen.Statement) {
	method := "Number"
	if e.IsFlags {
		g.emitFlagsNumber(f, recv)
		method = "memberNumber"
	} else {
		f.Add(comment("Number returns the integer value the metadata gives a declared member, and false\n" +
			"for a value it does not declare."))
	}
	f.Func().Add(recv.Clone()).Id(method).Params().Params(jen.Int64(), jen.Bool()).BlockFunc(func(b *jen.Group) {
		if len(e.Members) > 0 {
			b.Switch(jen.Id("v")).BlockFunc(func(sw *jen.Group) {
				for _, m := range e.Members {
					sw.Case(jen.Id(g.memberName[m])).Block(jen.Return(jen.Lit(int(m.Value)), jen.True()))
				}
			})
		}
		b.Return(jen.Lit(0), jen.False())
	})
	f.Line()
}

// emitFlagsNumber writes Number for a flags enumeration: the values of
// the flags combined, known only when every flag is declared.
func (g *generator) emitFlagsNumber(f *jen.File, recv *jen.Statement) {
	f.Add(comment("Number returns the values the metadata gives the flags of v, combined, and false when\n" +
		"v is empty or has a flag the metadata does not declare."))
	f.Func().Add(recv.Clone()).Id("Number").Params().Params(jen.Int64(), jen.Bool()).Block(
		jen.Id("flags").Op(":=").Id("v").Dot("Flags").Call(),
		jen.Var().Id("n").Int64(),
		jen.For(jen.List(jen.Id("_"), jen.Id("flag")).Op(":=").Range().Id("flags")).Block(
			jen.List(jen.Id("value"), jen.Id("ok")).Op(":=").Id("flag").Dot("memberNumber").Call(),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Lit(0), jen.False())),
			jen.Id("n").Op("|=").Id("value"),
		),
		jen.Return(jen.Id("n"), jen.Len(jen.Id("flags")).Op(">").Lit(0)),
	)
	f.Line()
}

// emitFlagMethods writes the set operations of a flags enumeration, which
// work on single members of the comma-separated form.
func (g *generator) emitFlagMethods(f *jen.File, e *parser.EnumType) {
	name := g.typeName[e]
	recv := jen.Params(jen.Id("v").Id(name))

	f.Add(comment("Has reports whether the flag is set in v."))
	f.Func().Add(recv.Clone()).Id("Has").Params(jen.Id("flag").Id(name)).Bool().Block(
		jen.Return(jen.Id("flagsContain").Call(jen.String().Call(jen.Id("v")), jen.String().Call(jen.Id("flag")))),
	)
	f.Line()

	f.Add(comment("With returns v with the flag set."))
	f.Func().Add(recv.Clone()).Id("With").Params(jen.Id("flag").Id(name)).Id(name).Block(
		jen.Return(jen.Id(name).Call(jen.Id("flagsAdd").Call(
			jen.String().Call(jen.Id("v")), jen.String().Call(jen.Id("flag"))))),
	)
	f.Line()

	f.Add(comment("Without returns v with the flag cleared."))
	f.Func().Add(recv.Clone()).Id("Without").Params(jen.Id("flag").Id(name)).Id(name).Block(
		jen.Return(jen.Id(name).Call(jen.Id("flagsRemove").Call(
			jen.String().Call(jen.Id("v")), jen.String().Call(jen.Id("flag"))))),
	)
	f.Line()

	f.Add(comment("Flags returns the flags set in v, in the order they are written."))
	f.Func().Add(recv.Clone()).Id("Flags").Params().Index().Id(name).BlockFunc(func(b *jen.Group) {
		b.Var().Id("out").Index().Id(name)
		split := jen.Id("flagsSplit").Call(jen.String().Call(jen.Id("v")))
		b.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Add(split)).Block(
			jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id(name).Call(jen.Id("s"))),
		)
		b.Return(jen.Id("out"))
	})
	f.Line()
}

// memberList is a composite literal body with one member per line, so that
// an enumeration with many members does not make one long line.
func memberList(members []jen.Code) *jen.Statement {
	if len(members) == 0 {
		return jen.Values()
	}
	return jen.Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, members...)
}

// memberSwitch is a function body that returns yes when v is one of the
// members and no otherwise.
func memberSwitch(members []jen.Code, yes, no jen.Code) *jen.Statement {
	return jen.BlockFunc(func(b *jen.Group) {
		if len(members) > 0 {
			b.Switch(jen.Id("v")).Block(jen.Case(members...).Block(jen.Return(yes)))
		}
		b.Return(no)
	})
}
