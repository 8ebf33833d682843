package main

import (
	"errors"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphgen/graphgen/cmd/graphgen/internal/output"
)

// checkPackageClauses reports a hand-written Go file in the output folder
// whose package clause is not pkg, which would stop the generated package
// from building. Generated files, files the build ignores (such as
// //go:build ignore) and external tests (package pkg_test) are skipped; a
// missing folder is fine.
//
// Known limitation: the build is the one of the running graphgen, so a
// file only for another GOOS or GOARCH is skipped too.
func checkPackageClauses(dir, pkg string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if err := checkPackageClause(dir, e.Name(), pkg); err != nil {
			return err
		}
	}
	return nil
}

// checkPackageClause checks one file of checkPackageClauses.
func checkPackageClause(dir, name, pkg string) error {
	path := filepath.Join(dir, name)
	src, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if output.IsGenerated(src) {
		return nil
	}
	if match, err := build.Default.MatchFile(dir, name); err == nil && !match {
		return nil
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.PackageClauseOnly)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	got := f.Name.Name
	if strings.HasSuffix(name, "_test.go") {
		got = strings.TrimSuffix(got, "_test")
	}
	if got != pkg {
		return fmt.Errorf("%s is in package %s, but graphgen would generate package %s in the same folder; "+
			"rename one of them (-package %s, or the package clause of %s)", path, f.Name.Name, pkg, got, name)
	}
	return nil
}
