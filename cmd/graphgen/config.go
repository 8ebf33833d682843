package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unicode"
)

// DefaultConfigFile is the config file generate reads from the working
// directory when -config is not given.
const DefaultConfigFile = "graphgen.json"

// Config is the content of a graphgen config file: a JSON object with
// these keys, all optional. Flags of the same name override them.
// Relative paths are relative to the directory of the config file, and
// without "out" the output folder is that directory. Keys are matched
// exactly, case included; a key that is not listed here, or a key given
// twice, is an error.
//
//	{
//	  "metadata": "../metadata/graph-v1.0.xml",
//	  "out": "./v1",
//	  "package": "v1",
//	  "version": "v1.0",
//	  "baseURL": "https://graph.microsoft.com/v1.0",
//	  "roots": ["microsoft.graph.exchangeRestoreSession", "/solutions/backupRestore/restoreSessions"],
//	  "derivedEntities": false,
//	  "strict": false,
//	  "permissions": "../metadata/permissions.json"
//	}
type Config struct {
	// Metadata is the CSDL document: a file path or an http(s) URL.
	Metadata string `json:"metadata"`

	// Out is the output folder: by default the config file's folder, or
	// "." without a config file.
	Out string `json:"out"`

	// Package is the Go package name; by default derived from Out. It
	// cannot be main: the package is a library.
	Package string `json:"package"`

	// Version is the Graph version, v1.0 or beta; it chooses the default
	// BaseURL.
	Version string `json:"version"`

	// BaseURL is the service root of the generated client, version
	// included, such as https://graph.microsoft.com/beta: an absolute
	// http or https URL without query or fragment.
	BaseURL string `json:"baseURL"`

	// Roots are qualified type names and container paths; none means the
	// whole document.
	Roots []string `json:"roots"`

	// DerivedEntities takes in the entity types derived from selected
	// ones (parser.DerivedPolicy.Entity).
	DerivedEntities bool `json:"derivedEntities"`

	// Strict turns off the parser's fixups for known metadata problems.
	Strict bool `json:"strict"`

	// Permissions is Microsoft's permissions data: a folder with
	// permissions.json and provisioningInfo.json, or the permissions.json
	// file next to provisioningInfo.json.
	Permissions string `json:"permissions"`
}

// loadConfig reads a config file and makes its relative paths relative
// to the working directory; Out defaults to the file's folder.
func loadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	if err := checkConfigKeys(data); err != nil {
		return Config{}, usageError{fmt.Errorf("config %s: %w", path, err)}
	}
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return Config{}, usageError{fmt.Errorf("config %s: %w", path, err)}
	}

	dir := filepath.Dir(path)
	c.Metadata = relativeTo(dir, c.Metadata)
	c.Out = relativeTo(dir, c.Out)
	if c.Out == "" {
		c.Out = dir
	}
	c.Permissions = relativeTo(dir, c.Permissions)
	return c, nil
}

// configKeys are the JSON keys of Config.
var configKeys = func() []string {
	t := reflect.TypeFor[Config]()
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return keys
}()

// checkConfigKeys reads the top level of a config file and reports a key
// that is not one of configKeys, exactly, or that appears twice, and data
// after the object. encoding/json alone would match keys regardless of
// case and let the last of two keys win.
func checkConfigKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return errors.New("want a JSON object")
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if err := checkConfigKey(key, seen); err != nil {
			return err
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return fmt.Errorf("key %q: %w", key, err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("data after the JSON object")
	}
	return nil
}

// checkConfigKey reports an unknown or repeated key and records it in
// seen.
func checkConfigKey(key string, seen map[string]bool) error {
	if !slices.Contains(configKeys, key) {
		for _, k := range configKeys {
			if strings.EqualFold(k, key) {
				return fmt.Errorf("unknown key %q (keys are case-sensitive: did you mean %q?)", key, k)
			}
		}
		return fmt.Errorf("unknown key %q; the keys are %s", key, strings.Join(configKeys, ", "))
	}
	if seen[key] {
		return fmt.Errorf("key %q given twice", key)
	}
	seen[key] = true
	return nil
}

// relativeTo joins a relative file path to dir; URLs, absolute paths and
// empty values are returned unchanged.
func relativeTo(dir, path string) string {
	if path == "" || isURL(path) || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// applyDefaults fills the settings that neither flags nor config gave
// and checks them; a bad value is a usageError.
func (c *Config) applyDefaults() error {
	if c.Out == "" {
		c.Out = "."
	}
	if c.Version == "" {
		c.Version = "v1.0"
	}
	if c.Version != "v1.0" && c.Version != "beta" {
		return usageError{fmt.Errorf("unknown Graph version %q, want v1.0 or beta", c.Version)}
	}
	if c.BaseURL == "" {
		c.BaseURL = "https://graph.microsoft.com/" + c.Version
	}
	if err := checkBaseURL(c.BaseURL); err != nil {
		return usageError{err}
	}
	if c.Package == "" {
		name, err := packageName(c.Out)
		if err != nil {
			return err
		}
		c.Package = name
	}
	if err := checkPackageName(c.Package); err != nil {
		return usageError{err}
	}
	if c.Metadata == "" {
		return usageError{errors.New("no metadata: give -metadata FILE|URL or \"metadata\" in the config file")}
	}
	return nil
}

// checkBaseURL accepts an absolute http or https URL with a host and
// without query or fragment, the service root a client appends request
// paths to.
func checkBaseURL(raw string) error {
	const example = "such as https://graph.microsoft.com/v1.0"
	u, err := url.Parse(raw)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return fmt.Errorf("base URL %q: want an absolute http or https URL with a host, %s", raw, example)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return fmt.Errorf("base URL %q: want no query or fragment, %s", raw, example)
	}
	return nil
}

// checkPackageName accepts a Go identifier that a library package can be
// named: not a keyword, not _ and not main.
func checkPackageName(name string) error {
	switch {
	case !token.IsIdentifier(name) || token.IsKeyword(name) || name == "_":
		return fmt.Errorf("package name %q: want a Go identifier that is neither a keyword nor _", name)
	case name == "main":
		return errors.New("package name \"main\": the generated package is a library that other packages " +
			"import, and package main cannot be imported; " +
			"choose another with -package or \"package\" in the config file")
	}
	return nil
}

// packageName derives a package name from the output folder's name:
// lower-case letters, digits and underscores, so ./v1.0 gives v10.
func packageName(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", fmt.Errorf("package name: %w", err)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(filepath.Base(abs)) {
		if r == '_' || (r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			b.WriteRune(r)
		}
	}
	name := b.String()
	if name != "" && unicode.IsDigit(rune(name[0])) {
		name = "v" + name
	}
	if checkPackageName(name) != nil {
		return "", usageError{fmt.Errorf("cannot derive a package name from the folder %s; give -package", out)}
	}
	return name, nil
}
