package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand: it parses its own flags and reports failure
// as an error.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"generate": {"write the Go package for a metadata document (the default)", runGenerate},
		"fetch":    {"download the $metadata document of a Graph version to a file", runFetch},
		"diff":     {"list the changes between two metadata documents", runDiff},
		"extract":  {"write the part of a document that some roots need as a small CSDL file", runExtract},
		"permissions": {"list the Graph permissions each generated request needs, least privileged first",
			runPermissions},
		"version": {"print the graphgen module version", runVersion},
	}
}

// exitError ends the program with a code after the command has already
// said why, such as -check finding stale files.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	name, rest := "generate", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, rest = args[0], args[1:]
	}
	if name == "help" {
		fmt.Fprint(stdout, overview())
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "graphgen: unknown command %q\n\n%s", name, overview())
		return 2
	}

	err := cmd.run(rest, stdout, stderr)
	var exit exitError
	var usage usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &exit):
		return exit.code
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "graphgen %s: %v\nRun \"graphgen %s -h\" for help.\n", name, usage.err, name)
		return 2
	default:
		fmt.Fprintf(stderr, "graphgen %s: %v\n", name, err)
		return 1
	}
}

// overview lists the subcommands.
func overview() string {
	var b strings.Builder
	b.WriteString("Usage: graphgen [command] [flags]\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "  %-9s %s\n", name, commands[name].summary)
	}
	b.WriteString("\nWithout a command, graphgen runs generate. Run \"graphgen <command> -h\" for its flags.\n")
	return b.String()
}

// newFlagSet makes a flag set that prints usage, then the flags, to
// stderr and returns errors instead of exiting.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("graphgen "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fmt.Fprint(stderr, "\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; a bad flag is a usageError (flag has already
// printed the message and the usage).
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return exitError{code: 2}
}

// stringList is a flag that may be repeated.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}
