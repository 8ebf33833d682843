package diff

// Rule names the reason a change is breaking for code generated from the
// old document: code that compiled or requests that worked may stop doing
// so. These are the only rules; a change that matches none is not
// breaking.
type Rule string

// The breaking-change rules.
const (
	// RuleRemoved: an element the old selection had is gone (type,
	// property, navigation property, enum member, operation overload,
	// parameter, return value, entity set, singleton), or a function is no
	// longer composable. Code that uses it no longer compiles or gets
	// errors from the service.
	RuleRemoved Rule = "removed"

	// RuleTypeChanged: the type of a property, navigation property,
	// parameter, return value, entity set or singleton changed, including
	// single-valued to collection and back, or a type changed its kind
	// (entity, complex, enum, type definition).
	RuleTypeChanged Rule = "type-changed"

	// RuleNowNonNullable: a property, navigation property, parameter or
	// return value that was nullable is not any more; callers that leave
	// it unset are rejected.
	RuleNowNonNullable Rule = "now-non-nullable"

	// RuleBaseChanged: a structured type got another base type, or lost
	// or gained one; inherited members and @odata.type decoding change.
	RuleBaseChanged Rule = "base-changed"

	// RuleNowAbstract: a type became abstract and can no longer be
	// created.
	RuleNowAbstract Rule = "now-abstract"

	// RuleNoLongerOpen: an open type became closed; dynamic properties
	// clients send are rejected.
	RuleNoLongerOpen Rule = "no-longer-open"

	// RuleKeyChanged: the key of an entity type changed, so URLs that
	// address an entity change.
	RuleKeyChanged Rule = "key-changed"

	// RuleContainmentChanged: a navigation property became contained or
	// stopped being contained, which moves its entities to other URLs.
	RuleContainmentChanged Rule = "containment-changed"

	// RuleMemberValueChanged: an enum member has another numeric value,
	// or the enum became or stopped being a flags enum.
	RuleMemberValueChanged Rule = "member-value-changed"

	// RuleRequiredParameterAdded: an action got a new non-nullable
	// parameter that existing callers do not send.
	RuleRequiredParameterAdded Rule = "required-parameter-added"
)

// Rules lists every rule, in the order of the declarations above.
var Rules = []Rule{
	RuleRemoved, RuleTypeChanged, RuleNowNonNullable, RuleBaseChanged,
	RuleNowAbstract, RuleNoLongerOpen, RuleKeyChanged, RuleContainmentChanged,
	RuleMemberValueChanged, RuleRequiredParameterAdded,
}
