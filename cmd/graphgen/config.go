package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// DefaultConfigFile is the config file generate reads from the working
// directory when -config is not given.
const DefaultConfigFile = "graphgen.json"

// Config is the content of a graphgen config file: a JSON object with
// these keys, all optional. Flags of the same name override them.
// Relative paths are relative to the directory of the config file. A key
// that is not listed here is an error.
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

	// Out is the output folder; "." when empty.
	Out string `json:"out"`

	// Package is the Go package name; by default derived from Out.
	Package string `json:"package"`

	// Version is the Graph version, v1.0 or beta; it chooses the default
	// BaseURL.
	Version string `json:"version"`

	// BaseURL is the service root of the generated client.
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
// to the working directory.
func loadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	var c Config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Config{}, fmt.Errorf("config %s: data after the JSON object", path)
	}

	dir := filepath.Dir(path)
	c.Metadata = relativeTo(dir, c.Metadata)
	c.Out = relativeTo(dir, c.Out)
	c.Permissions = relativeTo(dir, c.Permissions)
	return c, nil
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

// applyDefaults fills the settings that neither flags nor config gave.
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
	if c.Package == "" {
		name, err := packageName(c.Out)
		if err != nil {
			return err
		}
		c.Package = name
	}
	if !token.IsIdentifier(c.Package) || token.IsKeyword(c.Package) {
		return usageError{fmt.Errorf("package name %q is not a Go identifier", c.Package)}
	}
	if c.Metadata == "" {
		return usageError{errors.New("no metadata: give -metadata FILE|URL or \"metadata\" in the config file")}
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
	if !token.IsIdentifier(name) || token.IsKeyword(name) {
		return "", usageError{fmt.Errorf("cannot derive a package name from the folder %s; give -package", out)}
	}
	return name, nil
}
