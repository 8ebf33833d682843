package emitter

import (
	"fmt"
	"slices"
	"strings"

	"github.com/graphgen/graphgen/parser/permissions"
)

// resultGroup is the paths of a request method that have the same answer.
type resultGroup struct {
	paths  []string
	result permissions.Result
}

// groupResults groups the results of a request method's paths by answer,
// in the order of the paths, so an answer shared by every path is written
// once.
func groupResults(results []permissions.Result) []resultGroup {
	var groups []resultGroup
	keys := map[string]int{}
	for _, r := range results {
		key := answerKey(r)
		if i, ok := keys[key]; ok {
			groups[i].paths = append(groups[i].paths, r.Path)
			continue
		}
		keys[key] = len(groups)
		groups = append(groups, resultGroup{paths: []string{r.Path}, result: r})
	}
	return groups
}

// answerKey identifies what a result says about permissions: the
// permissions per scheme, and the published paths when a fallback rule
// found them.
func answerKey(r permissions.Result) string {
	if !r.Matched {
		return "none"
	}
	var b strings.Builder
	if r.Fallback != "" {
		fmt.Fprintf(&b, "%s %q;", r.Fallback, r.PublishedPaths)
	}
	for _, s := range permissions.Schemes {
		fmt.Fprintf(&b, "%s:%s;", s, schemeText(r.For(s)))
	}
	return b.String()
}

// permissionParagraph documents one group of paths of a request method.
func permissionParagraph(httpMethod string, g resultGroup) string {
	paths := strings.Join(g.paths, ", ")
	if !g.result.Matched {
		return wrap(fmt.Sprintf("Permissions: none published for %s %s.", httpMethod, paths), commentWidth)
	}
	head := fmt.Sprintf("Permissions for %s %s", httpMethod, paths)
	if g.result.Fallback != "" {
		head += " (published as " + strings.Join(g.result.PublishedPaths, ", ") + ")"
	}
	lines := []string{wrap(head+":", commentWidth), ""}
	for _, item := range schemeItems(g.result) {
		lines = append(lines, listItem(item))
	}
	return strings.Join(lines, "\n")
}

// schemeLabels name the schemes in documentation.
var schemeLabels = map[permissions.Scheme]string{
	permissions.DelegatedWork:     "delegated (work or school)",
	permissions.DelegatedPersonal: "delegated (personal account)",
	permissions.Application:       "application",
}

// schemeItems returns one list item per distinct answer of the schemes,
// schemes with the same permissions named together. DelegatedPersonal is
// left out when nothing grants it, as Microsoft publishes it for few
// paths.
func schemeItems(r permissions.Result) []string {
	var texts, labels []string
	for _, s := range permissions.Schemes {
		part := r.For(s)
		if s == permissions.DelegatedPersonal && part.Empty() {
			continue
		}
		text := schemeText(part)
		if i := slices.Index(texts, text); i >= 0 {
			labels[i] += " and " + schemeLabels[s]
			continue
		}
		texts = append(texts, text)
		labels = append(labels, schemeLabels[s])
	}
	items := make([]string, len(texts))
	for i := range texts {
		label := strings.ToUpper(labels[i][:1]) + labels[i][1:]
		items[i] = label + ": " + texts[i] + "."
	}
	return items
}

// schemeText writes the permissions of one scheme: least, then higher.
func schemeText(s permissions.SchemeResult) string {
	if s.Empty() {
		return "none published"
	}
	var parts []string
	if len(s.Least) > 0 {
		parts = append(parts, "least "+permissionNames(s.Least, " or "))
	}
	if len(s.Higher) > 0 {
		label := "higher "
		if len(s.Least) == 0 {
			label = "none marked least; "
		}
		parts = append(parts, label+permissionNames(s.Higher, ", "))
	}
	return strings.Join(parts, "; ")
}

// permissionNames joins the names of permissions, each with the
// permissions it also requires.
func permissionNames(list []permissions.Permission, sep string) string {
	names := make([]string, len(list))
	for i, p := range list {
		names[i] = p.Name
		if len(p.AlsoRequires) > 0 {
			names[i] += " (also requires " + strings.Join(p.AlsoRequires, " and ") + ")"
		}
	}
	return strings.Join(names, sep)
}

// listItem formats text as an item of a doc comment list, continuation
// lines indented under the text.
func listItem(text string) string {
	lines := strings.Split(wrap(text, commentWidth-4), "\n")
	for i := range lines {
		prefix := "    "
		if i == 0 {
			prefix = "  - "
		}
		lines[i] = prefix + lines[i]
	}
	return strings.Join(lines, "\n")
}
