package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// defaultKiota is the msgraph-sdk-go version compared against.
const defaultKiota = "v1.89.0"

// options are the command-line settings.
type options struct {
	metadata string
	kiota    string
	work     string
	keep     bool
	json     bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == childFlag {
		return runChild(args[1:], stdout, stderr)
	}
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "benchgen: %v\n", err)
		return 2
	}
	if err := bench(opts, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "benchgen: %v\n", err)
		return 1
	}
	return 0
}

// parseFlags reads the flags; -metadata is required.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("benchgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.metadata, "metadata", "", "the CSDL `file` to generate from (required)")
	fs.StringVar(&o.kiota, "kiota", defaultKiota, "the msgraph-sdk-go `version` to compare with")
	fs.StringVar(&o.work, "work", "", "the `dir` that holds the temporary directories (default: the system's)")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary directories and print where they are")
	fs.BoolVar(&o.json, "json", false, "print the figures as JSON instead of a table")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if o.metadata == "" {
		return o, errors.New("-metadata is required")
	}
	return o, nil
}
