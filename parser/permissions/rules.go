package permissions

import (
	"slices"
	"strings"
)

// Stage says when a matching Rule runs.
type Stage int

const (
	// StagePath rules run once on the whole path text, before it is split
	// into segments. They may reject a path, which then never matches.
	StagePath Stage = iota + 1

	// StageSegment rules rewrite every segment. They run, in order, on the
	// published paths when the table is built and on the asked path at
	// lookup, so two paths match when their rewritten segments are equal.
	StageSegment

	// StageFallback rules rewrite an asked path that found no published
	// path for its method. They are tried one at a time, in order, and the
	// first rewritten path that matches wins.
	StageFallback
)

// Rule is one named step of path matching. Rules lists all of them in the
// order they run; nothing else in the package decides whether paths match.
type Rule struct {
	Name        string
	Stage       Stage
	Description string

	path     func(path string) (rewritten, rejected string)
	segment  func(segment string) []string
	fallback func(segments []string) ([]string, bool)
}

// Rules returns the matching rules in the order they run.
func Rules() []Rule {
	return slices.Clone(rules)
}

// keySegment is the normalized form of every key segment.
const keySegment = "{}"

// rules is the single ordered list of matching rules.
var rules = []Rule{
	{
		Name:  "query-condition",
		Stage: StagePath,
		Description: "A path with a query string (/agentRegistry/agentInstances?$filter=...) " +
			"grants access only under that condition; it is listed by Paths but never matched.",
		path: rejectQuery,
	},
	{
		Name:        "absolute-path",
		Stage:       StagePath,
		Description: "A path must start with a slash; any other text never matches.",
		path:        requireLeadingSlash,
	},
	{
		Name:        "trailing-slash",
		Stage:       StagePath,
		Description: "Surrounding spaces and a trailing slash are ignored (.../sponsors/ is .../sponsors).",
		path:        trimTrailingSlash,
	},
	{
		Name:  "case-insensitive",
		Stage: StageSegment,
		Description: "Segments compare without regard to case " +
			"(sharepointRestoreSessions is sharePointRestoreSessions).",
		segment: lowerSegment,
	},
	{
		Name:  "missing-slash-after-call",
		Stage: StageSegment,
		Description: "Text glued to a closing parenthesis is a segment of its own " +
			"(itemat(index={value})range is itemat(index={value})/range).",
		segment: splitAfterCall,
	},
	{
		Name:  "missing-slash-before-key",
		Stage: StageSegment,
		Description: "A {placeholder} glued to a name is a segment of its own " +
			"(subjectRightsRequests{id} is subjectRightsRequests/{id}).",
		segment: splitBeforeKey,
	},
	{
		Name:  "parenthesized-key",
		Stage: StageSegment,
		Description: "A key in parentheses is a key segment: workflows({id}) and ingest('{id}') " +
			"are workflows/{id} and ingest/{id}, (team-id) alone is {id}.",
		segment: splitParenthesizedKey,
	},
	{
		Name:        "any-key",
		Stage:       StageSegment,
		Description: "Any {placeholder} is a key and matches any other, whatever its name ({id}} included).",
		segment:     anyKey,
	},
	{
		Name:  "unqualified-operation",
		Stage: StageSegment,
		Description: "A namespace-qualified name matches its bare name " +
			"(microsoft.graph.activate is activate, Default.findByKbNumber is findByKbNumber).",
		segment: unqualify,
	},
	{
		Name:  "parameter-names",
		Stage: StageSegment,
		Description: "Function parameters compare by their set of names, values ignored " +
			"(f(period='{period}') is f(period={value})); f() is f.",
		segment: parameterNames,
	},
	{
		Name:  "dropped-first-segment",
		Stage: StageFallback,
		Description: "When nothing matches, the path without its first segment is tried " +
			"(/solutions/backupRestore/x finds /backupRestore/x); never for /me, " +
			"whose children differ from the root sets of the same name (/me/contacts, /contacts).",
		fallback: dropFirstSegment,
	},
}

// normalize applies the path and segment rules to path. It returns the
// rewritten segments, or the reason the path can never match.
func normalize(path string) (segments []string, rejected string) {
	for _, r := range rules {
		if r.Stage != StagePath {
			continue
		}
		if path, rejected = r.path(path); rejected != "" {
			return nil, rejected
		}
	}

	segments = strings.Split(strings.TrimPrefix(path, "/"), "/")
	if path == "/" {
		segments = nil
	}
	for _, r := range rules {
		if r.Stage == StageSegment {
			segments = applySegmentRule(r, segments)
		}
	}
	return segments, ""
}

// applySegmentRule rewrites every segment with r.
func applySegmentRule(r Rule, segments []string) []string {
	out := make([]string, 0, len(segments))
	for _, s := range segments {
		out = append(out, r.segment(s)...)
	}
	return out
}

func rejectQuery(path string) (string, string) {
	if strings.Contains(path, "?") {
		return "", "query condition"
	}
	return path, ""
}

func requireLeadingSlash(path string) (string, string) {
	if !strings.HasPrefix(strings.TrimSpace(path), "/") {
		return "", "not an absolute path"
	}
	return path, ""
}

func trimTrailingSlash(path string) (string, string) {
	path = strings.TrimSpace(path)
	if trimmed := strings.TrimRight(path, "/"); trimmed != "" {
		return trimmed, ""
	}
	return "/", ""
}

func lowerSegment(s string) []string {
	return []string{strings.ToLower(s)}
}

// splitAfterCall splits f(...)x into f(...) and x when x is a name.
func splitAfterCall(s string) []string {
	open := strings.IndexByte(s, '(')
	closing := strings.LastIndexByte(s, ')')
	if open < 0 || closing < open || closing == len(s)-1 {
		return []string{s}
	}
	rest := s[closing+1:]
	if !isIdentifier(rest) {
		return []string{s}
	}
	return []string{s[:closing+1], rest}
}

// splitBeforeKey splits x{key} into x and {key} when x is a name.
func splitBeforeKey(s string) []string {
	open := strings.IndexByte(s, '{')
	if open <= 0 || !strings.HasSuffix(s, "}") || !isIdentifier(s[:open]) {
		return []string{s}
	}
	return []string{s[:open], s[open:]}
}

// splitParenthesizedKey rewrites name(key) to name and a key segment when
// key is a single value rather than name=value parameters.
func splitParenthesizedKey(s string) []string {
	name, args, ok := splitCall(s)
	if !ok || strings.TrimSpace(args) == "" || strings.Contains(args, "=") {
		return []string{s}
	}
	if name == "" {
		return []string{keySegment}
	}
	if !isQualifiedName(name) {
		return []string{s}
	}
	return []string{name, keySegment}
}

func anyKey(s string) []string {
	if len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' {
		return []string{keySegment}
	}
	return []string{s}
}

// unqualify drops the namespace from a qualified name, keeping any
// parameter list that follows it.
func unqualify(s string) []string {
	name, rest := s, ""
	if open := strings.IndexByte(s, '('); open >= 0 {
		name, rest = s[:open], s[open:]
	}
	if !strings.Contains(name, ".") || !isQualifiedName(name) {
		return []string{s}
	}
	return []string{name[strings.LastIndexByte(name, '.')+1:] + rest}
}

// parameterNames rewrites f(b={x}, a='{y}') to f(a,b) and f() to f.
func parameterNames(s string) []string {
	name, args, ok := splitCall(s)
	if !ok || name == "" {
		return []string{s}
	}
	if strings.TrimSpace(args) == "" {
		return []string{name}
	}
	var names []string
	for _, arg := range splitArguments(args) {
		param, _, found := strings.Cut(arg, "=")
		param = strings.TrimSpace(param)
		if !found || !isIdentifier(param) {
			return []string{s}
		}
		names = append(names, param)
	}
	slices.Sort(names)
	return []string{name + "(" + strings.Join(names, ",") + ")"}
}

func dropFirstSegment(segments []string) ([]string, bool) {
	if len(segments) < 2 || segments[0] == "me" {
		return nil, false
	}
	return segments[1:], true
}

// splitCall splits name(args) into name and args; ok is false when s is
// not of that form.
func splitCall(s string) (name, args string, ok bool) {
	open := strings.IndexByte(s, '(')
	if open < 0 || !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	return s[:open], s[open+1 : len(s)-1], true
}

// splitArguments splits a parameter list at the commas outside quotes.
func splitArguments(args string) []string {
	var parts []string
	quoted := false
	start := 0
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case '\'':
			quoted = !quoted
		case ',':
			if !quoted {
				parts = append(parts, args[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, args[start:])
}

// isQualifiedName reports whether s is one or more names joined by dots.
func isQualifiedName(s string) bool {
	for part := range strings.SplitSeq(s, ".") {
		if !isIdentifier(part) {
			return false
		}
	}
	return true
}

// isIdentifier reports whether s is a non-empty run of letters, digits and
// underscores.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		ok := c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !ok {
			return false
		}
	}
	return true
}
