package permissions

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// source is one input file: the name errors use and its contents.
type source struct {
	name string
	data []byte
}

// permissionsFile is the part of permissions.json the table needs.
type permissionsFile struct {
	Permissions map[string]permissionJSON `json:"permissions"`
}

// permissionJSON is one permission: its schemes and path sets.
type permissionJSON struct {
	Schemes  map[Scheme]schemeJSON `json:"schemes"`
	PathSets []pathSetJSON         `json:"pathSets"`
}

// schemeJSON is the part of a scheme the table needs.
type schemeJSON struct {
	PrivilegeLevel int `json:"privilegeLevel"`
}

// pathSetJSON grants methods on paths in some schemes.
type pathSetJSON struct {
	SchemeKeys []Scheme          `json:"schemeKeys"`
	Methods    []string          `json:"methods"`
	Paths      map[string]string `json:"paths"`
}

// decode unmarshals src into v, reporting the line and column of the byte
// at which decoding failed.
func decode(src source, v any) error {
	err := json.Unmarshal(src.data, v)
	if err == nil {
		return nil
	}
	e := &Error{File: src.name, Err: err}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		e.Line, e.Column = position(src.data, syntax.Offset-1)
	case errors.As(err, &typ):
		e.Line, e.Column = position(src.data, typ.Offset-1)
		e.Err = fmt.Errorf("%s: found %s, want %s", typ.Field, typ.Value, jsonKind(typ.Type))
	}
	return e
}

// jsonKind names the JSON value that decodes into t.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Map, reflect.Struct:
		return "object"
	case reflect.Slice:
		return "array"
	case reflect.Int:
		return "number"
	}
	return t.Kind().String()
}
