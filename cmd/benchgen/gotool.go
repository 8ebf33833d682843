package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// goTool runs the go command found on PATH with the benchmark's settings:
// modules resolved as needed (-mod=mod), the installed toolchain only and
// no workspace.
type goTool struct {
	env []string
}

func newGoTool() goTool {
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off")
	return goTool{env: env}
}

// run runs "go args..." in dir with the build cache at cache and returns
// its output and cost. A failure carries the end of the output.
func (g goTool) run(dir, cache string, args ...string) ([]byte, usage, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(slices.Clip(g.env), "GOCACHE="+cache)
	out, u, err := measure(cmd)
	if err != nil {
		return out, u, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, tail(out))
	}
	return out, u, nil
}

// output runs go like run and returns its output without trailing space.
func (g goTool) output(dir, cache string, args ...string) (string, error) {
	out, _, err := g.run(dir, cache, args...)
	return strings.TrimSpace(string(out)), err
}

// stdDeps lists the standard packages that the packages matching
// patterns in dir depend on.
func (g goTool) stdDeps(dir, cache string, patterns ...string) ([]string, error) {
	args := append([]string{"list", "-deps", "-f", "{{if .Standard}}{{.ImportPath}}{{end}}"}, patterns...)
	out, err := g.output(dir, cache, args...)
	if err != nil {
		return nil, err
	}
	return strings.Fields(out), nil
}

// caches hands out cold build caches: each is a fresh copy of one cache
// that was warmed with the standard library only.
type caches struct {
	tool goTool
	root string
	std  string
	n    int
}

// warm builds a hello-world program that imports pkgs into the template
// cache.
func (c *caches) warm(pkgs []string) error {
	c.std = filepath.Join(c.root, "cache-std")
	dir := filepath.Join(c.root, "warm")
	files := map[string]string{"main.go": warmProgram(pkgs)}
	if err := writeModule(dir, "benchgen.local/warm", files); err != nil {
		return err
	}
	_, _, err := c.tool.run(dir, c.std, "build", "-o", filepath.Join(dir, "hello"), ".")
	return err
}

// fresh returns a new build cache that holds what warm built.
func (c *caches) fresh() (string, error) {
	c.n++
	dir := filepath.Join(c.root, fmt.Sprintf("cache-%d", c.n))
	if err := os.CopyFS(dir, os.DirFS(c.std)); err != nil {
		return "", fmt.Errorf("copy build cache: %w", err)
	}
	return dir, nil
}

// writeModule creates dir with a go.mod for module path and the given
// files.
func writeModule(dir, path string, files map[string]string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create module %s: %w", path, err)
	}
	goMod := "module " + path + "\n\ngo 1.26\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		return fmt.Errorf("create module %s: %w", path, err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return fmt.Errorf("create module %s: %w", path, err)
		}
	}
	return nil
}
