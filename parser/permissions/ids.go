package permissions

import (
	"errors"
	"strings"
)

// publicEnvironment is the environment whose ids the table reports.
const publicEnvironment = "public"

// provisioningFile is the part of provisioningInfo.json the table needs.
type provisioningFile struct {
	PermissionDeployments map[string][]deploymentJSON `json:"permissionDeployments"`
}

type deploymentJSON struct {
	ID          string `json:"id"`
	Scheme      Scheme `json:"scheme"`
	Environment string `json:"environment"`
}

// idTable holds the public id of each permission and scheme.
type idTable struct {
	byName map[string]map[Scheme]string

	// byFoldedName maps a lower-cased name to the one name it stands for,
	// or to "" when several names fold to it.
	byFoldedName map[string]string
}

// loadIDs reads provisioningInfo.json. Only deployments whose environment
// list (such as "PPE;public") names the public cloud, without regard to
// case, and that carry a non-empty id count; the first one per scheme wins.
func loadIDs(src source) (idTable, error) {
	var file provisioningFile
	if err := decode(src, &file); err != nil {
		return idTable{}, err
	}
	if file.PermissionDeployments == nil {
		return idTable{}, &Error{File: src.name, Err: errors.New("no permissionDeployments")}
	}

	t := idTable{byName: map[string]map[Scheme]string{}, byFoldedName: map[string]string{}}
	for name, deployments := range file.PermissionDeployments {
		for _, d := range deployments {
			if d.ID == "" || !isPublic(d.Environment) {
				continue
			}
			if t.byName[name] == nil {
				t.byName[name] = map[Scheme]string{}
			}
			if _, seen := t.byName[name][d.Scheme]; !seen {
				t.byName[name][d.Scheme] = d.ID
			}
		}
		t.addFolded(name)
	}
	return t, nil
}

func (t idTable) addFolded(name string) {
	folded := strings.ToLower(name)
	if other, seen := t.byFoldedName[folded]; seen && other != name {
		t.byFoldedName[folded] = ""
		return
	}
	t.byFoldedName[folded] = name
}

// lookup returns the public id of a permission in a scheme. When the name
// is not in the file exactly, one name that differs only in case is used
// and folded is true.
func (t idTable) lookup(name string, s Scheme) (id string, folded bool) {
	if ids, ok := t.byName[name]; ok {
		return ids[s], false
	}
	other := t.byFoldedName[strings.ToLower(name)]
	if other == "" || other == name {
		return "", false
	}
	id = t.byName[other][s]
	return id, id != ""
}

// isPublic reports whether a semicolon-separated environment list names
// the public cloud.
func isPublic(environments string) bool {
	for env := range strings.SplitSeq(environments, ";") {
		if strings.EqualFold(strings.TrimSpace(env), publicEnvironment) {
			return true
		}
	}
	return false
}
