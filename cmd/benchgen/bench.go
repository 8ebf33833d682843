package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// bencher runs the steps of one benchmark in its work directory.
type bencher struct {
	root   string
	tool   goTool
	caches *caches
	// scratch is the build cache for go commands that are not measured.
	scratch string
	log     io.Writer
}

// bench runs the whole benchmark and prints its report.
func bench(o options, stdout, stderr io.Writer) error {
	metadata, err := filepath.Abs(o.metadata)
	if err != nil {
		return fmt.Errorf("metadata path: %w", err)
	}
	root, err := workDir(o.work)
	if err != nil {
		return err
	}
	if !o.keep {
		defer os.RemoveAll(root)
	}
	tool := newGoTool()
	b := &bencher{
		root:    root,
		tool:    tool,
		caches:  &caches{tool: tool, root: root},
		scratch: filepath.Join(root, "cache-scratch"),
		log:     stderr,
	}

	r, err := b.run(metadata, o.kiota)
	if err != nil {
		return err
	}
	if o.keep {
		r.WorkDir = root
	}
	if o.json {
		return writeJSON(stdout, r)
	}
	writeText(stdout, r)
	return nil
}

// workDir creates the run's temporary directory inside parent, or inside
// the system's temporary directory when parent is empty.
func workDir(parent string) (string, error) {
	if parent != "" {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return "", fmt.Errorf("work dir: %w", err)
		}
	}
	root, err := os.MkdirTemp(parent, "benchgen-")
	if err != nil {
		return "", fmt.Errorf("work dir: %w", err)
	}
	return root, nil
}

// run measures graphgen and Kiota and returns the figures. Only
// graphgen's failures are errors; Kiota's become the report's note.
func (b *bencher) run(metadata, kiota string) (report, error) {
	r := report{Metadata: metadata, Kiota: kiota}
	version, err := b.tool.output(b.root, b.scratch, "version")
	if err != nil {
		return r, err
	}
	r.GoVersion = version

	oursDir := filepath.Join(b.root, "ours")
	b.step("generating the whole API from %s", metadata)
	r.Generation, r.Phases, err = generateInChild(metadata, filepath.Join(oursDir, generatedPackage))
	if err != nil {
		return r, err
	}
	files := map[string]string{"main.go": oursProgram}
	if err := writeModule(oursDir, "benchgen.local/ours", files); err != nil {
		return r, err
	}
	if r.Ours.Source, err = countGo(filepath.Join(oursDir, generatedPackage)); err != nil {
		return r, err
	}

	kiotaDir := filepath.Join(b.root, "kiota")
	b.step("downloading %s@%s", sdkModule, kiota)
	sdkDir, err := prepareKiota(b.tool, kiotaDir, b.scratch, kiota)
	if err != nil {
		r.Note = fmt.Sprintf("Kiota's figures are missing: downloading %s@%s failed: %v", sdkModule, kiota, err)
		b.step("%s", r.Note)
		kiotaDir = ""
	}

	b.step("warming a build cache with the standard library")
	if err := b.warm(oursDir, kiotaDir); err != nil {
		return r, err
	}

	if err := b.measureOurs(oursDir, &r); err != nil {
		return r, err
	}
	if kiotaDir != "" {
		b.measureTheirs(kiotaDir, sdkDir, &r)
	}
	return r, nil
}

// warm fills the template cache with the standard packages that the
// programs in the given module directories need; an empty one is
// skipped.
func (b *bencher) warm(dirs ...string) error {
	var pkgs []string
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		deps, err := b.tool.stdDeps(dir, b.scratch, ".")
		if err != nil {
			return err
		}
		pkgs = append(pkgs, deps...)
	}
	slices.Sort(pkgs)
	return b.caches.warm(slices.Compact(pkgs))
}

// measureOurs builds the generated package and the tiny program cold.
func (b *bencher) measureOurs(dir string, r *report) error {
	b.step("building the generated package (cold)")
	cache, err := b.caches.fresh()
	if err != nil {
		return err
	}
	_, u, err := b.tool.run(dir, cache, "build", "./"+generatedPackage)
	if err != nil {
		return err
	}
	r.Ours.PackageBuild = &u

	b.step("building the program with the generated package (cold)")
	r.Ours.Program, err = b.buildProgram(dir)
	return err
}

// measureTheirs builds the Kiota program cold and counts the SDK's
// files; a failure becomes the report's note.
func (b *bencher) measureTheirs(dir, sdkDir string, r *report) {
	b.step("building the program with msgraph-sdk-go (cold)")
	prog, err := b.buildProgram(dir)
	if err != nil {
		r.Note = fmt.Sprintf("Kiota's figures are missing: building the program failed: %v", err)
		return
	}
	src, err := countGo(sdkDir)
	if err != nil {
		r.Note = fmt.Sprintf("Kiota's figures are missing: %v", err)
		return
	}
	r.Theirs = &side{Source: src, Program: prog}
}

// buildProgram builds the main package of the module in dir with a fresh
// cache and measures that build, then links it again stripped for its
// size.
func (b *bencher) buildProgram(dir string) (program, error) {
	var p program
	cache, err := b.caches.fresh()
	if err != nil {
		return p, err
	}
	bin := filepath.Join(dir, "program")
	if _, p.Build, err = b.tool.run(dir, cache, "build", "-o", bin, "."); err != nil {
		return p, err
	}
	stripped := filepath.Join(dir, "program-stripped")
	if _, _, err = b.tool.run(dir, cache, "build", "-ldflags=-s -w", "-o", stripped, "."); err != nil {
		return p, err
	}
	if p.BinaryBytes, err = fileSize(bin); err != nil {
		return p, err
	}
	p.StrippedBytes, err = fileSize(stripped)
	return p, err
}

// step announces a step on the log.
func (b *bencher) step(format string, args ...any) {
	fmt.Fprintf(b.log, "benchgen: "+format+"\n", args...)
}
