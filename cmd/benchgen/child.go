package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/graphgen/graphgen/emitter"
	"github.com/graphgen/graphgen/parser"
)

// childFlag makes the benchmark binary generate one package and exit; the
// parent re-executes itself with it so that the rusage of the child is
// the cost of generation alone. It is not listed by -h.
const childFlag = "-benchgen-generate-child"

// Generated package settings for the tiny program.
const (
	generatedPackage = "v1"
	generatedBaseURL = "https://graph.microsoft.com/v1.0"
)

// phases are the seconds each step of generation took, as the child saw
// them.
type phases struct {
	Parse    float64 `json:"parse_seconds"`
	Select   float64 `json:"select_seconds"`
	Generate float64 `json:"generate_seconds"`
	Write    float64 `json:"write_seconds"`
}

// runChild is the child's main: it generates the package for the
// metadata file args[0] into the directory args[1] and prints its phases
// as JSON.
func runChild(args []string, stdout, stderr io.Writer) int {
	if len(args) != 2 {
		fmt.Fprintf(stderr, "benchgen child: want metadata file and output dir, got %q\n", args)
		return 2
	}
	p, err := generate(args[0], args[1])
	if err != nil {
		fmt.Fprintf(stderr, "benchgen child: %v\n", err)
		return 1
	}
	if err := json.NewEncoder(stdout).Encode(p); err != nil {
		fmt.Fprintf(stderr, "benchgen child: %v\n", err)
		return 1
	}
	return 0
}

// generate parses metadata, selects the whole model, emits it and writes
// the files to dir.
func generate(metadata, dir string) (phases, error) {
	var p phases
	start := time.Now()
	model, err := parser.ParseFile(metadata)
	if err != nil {
		return p, fmt.Errorf("parse: %w", err)
	}
	p.Parse = since(&start)

	sel := model.All()
	p.Select = since(&start)

	cfg := emitter.Config{Package: generatedPackage, BaseURL: generatedBaseURL}
	files, _, err := emitter.Generate(sel, cfg)
	if err != nil {
		return p, fmt.Errorf("generate: %w", err)
	}
	p.Generate = since(&start)

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return p, fmt.Errorf("write: %w", err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			return p, fmt.Errorf("write: %w", err)
		}
	}
	p.Write = since(&start)
	return p, nil
}

// since returns the seconds from *start to now and moves *start to now.
func since(start *time.Time) float64 {
	now := time.Now()
	d := now.Sub(*start)
	*start = now
	return d.Seconds()
}

// generateInChild re-executes this binary with childFlag and measures it.
func generateInChild(metadata, dir string) (usage, phases, error) {
	self, err := os.Executable()
	if err != nil {
		return usage{}, phases{}, fmt.Errorf("find own binary: %w", err)
	}
	cmd := exec.Command(self, childFlag, metadata, dir)
	out, u, err := measure(cmd)
	if err != nil {
		return u, phases{}, fmt.Errorf("generate: %w\n%s", err, tail(out))
	}
	var p phases
	if err := json.Unmarshal(lastLine(out), &p); err != nil {
		return u, p, fmt.Errorf("read generation phases: %w", err)
	}
	return u, p, nil
}
