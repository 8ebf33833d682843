package permissions

import "strings"

// attributes is what permissions.json says about one permission on one
// path: the schemes for which it is the least-privileged choice and the
// permissions that must be granted together with it.
type attributes struct {
	least        []Scheme
	alsoRequires []string

	// unknown counts attributes other than least and AlsoRequires.
	unknown int
}

// parseAttributes reads a path value such as
// "least=DelegatedWork,Application;AlsoRequires=Policy.Read.All".
// Attribute names compare without regard to case; an empty value says
// nothing more than that the permission grants the path.
func parseAttributes(value string) attributes {
	var a attributes
	for part := range strings.SplitSeq(value, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, list, _ := strings.Cut(part, "=")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "least":
			for _, s := range splitList(list) {
				a.least = append(a.least, Scheme(s))
			}
		case "alsorequires":
			a.alsoRequires = append(a.alsoRequires, splitList(list)...)
		default:
			a.unknown++
		}
	}
	return a
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(list string) []string {
	var items []string
	for item := range strings.SplitSeq(list, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}
