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

// Exit statuses, the same for every subcommand.
const (
	exitOK    = 0 // success
	exitFound = 1 // -check found stale files, or diff -exit-code breaking changes
	exitUsage = 2 // a mistake in the command line or the config file
	exitError = 3 // anything else: unreadable metadata, a file graphgen will not overwrite, ...
)

// exitCodes explains the exit statuses; "graphgen help" prints it.
const exitCodes = `Exit status, for every command:
  0  success
  1  changes found: generate -check found files to update (listed on
     stderr), or diff -exit-code found breaking changes
  2  usage error: a bad flag, argument or config file value
  3  any other error, such as unreadable metadata or an unknown root
`

// statusError ends the program with a status after the command has
// already said why, such as -check finding stale files.
type statusError struct{ code int }

func (e statusError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a mistake in the command line or the config file; it
// exits with status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

func (e usageError) Unwrap() error { return e.err }

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	name, rest := "generate", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, rest = args[0], args[1:]
	}
	if name == "help" {
		return runHelp(rest, stdout, stderr)
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "graphgen: unknown command %q\n\n%s", name, overview())
		return exitUsage
	}
	return exitStatus(name, cmd.run(rest, stdout, stderr), stderr)
}

// exitStatus reports err of the named command on stderr and returns the
// exit status for it.
func exitStatus(name string, err error, stderr io.Writer) int {
	var status statusError
	var usage usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &status):
		return status.code
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "graphgen %s: %v\nRun \"graphgen help %s\" for help.\n", name, usage.err, name)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "graphgen %s: %v\n", name, err)
		return exitError
	}
}

// runHelp prints the overview, or with a command name that command's
// usage and flags, to stdout.
func runHelp(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, overview())
		return exitOK
	case len(args) > 1:
		fmt.Fprintf(stderr, "graphgen help: want at most one command name, got %q\n", args)
		return exitUsage
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "graphgen help: unknown command %q\n\n%s", args[0], overview())
		return exitUsage
	}
	return exitStatus(args[0], cmd.run([]string{"-h"}, stdout, stderr), stderr)
}

// overview lists the subcommands and the exit statuses.
func overview() string {
	var b strings.Builder
	b.WriteString("Usage: graphgen [command] [flags]\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "  %-11s %s\n", name, commands[name].summary)
	}
	b.WriteString("\nWithout a command, graphgen runs generate. \"graphgen help <command>\" (or\n" +
		"\"graphgen <command> -h\") prints a command's usage and flags.\n\n")
	b.WriteString(exitCodes)
	return b.String()
}

// flagSet is a flag.FlagSet that knows its command's usage text. It
// prints nothing itself while parsing: -h writes the usage to stdout, and
// a bad flag comes back as a usageError.
type flagSet struct {
	*flag.FlagSet
	usage  string
	stdout io.Writer
}

// newFlagSet makes the flag set of the named command.
func newFlagSet(name, usage string, stdout io.Writer) *flagSet {
	fs := flag.NewFlagSet("graphgen "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, usage: usage, stdout: stdout}
}

// parse parses args. For -h it prints the usage and the flags to stdout
// and returns flag.ErrHelp; a bad flag is a usageError.
func (fs *flagSet) parse(args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		fs.printUsage(fs.stdout)
		return err
	default:
		return usageError{err}
	}
}

// printUsage writes the usage text and the flags with their defaults.
func (fs *flagSet) printUsage(w io.Writer) {
	fmt.Fprint(w, fs.usage)
	fmt.Fprint(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// stringList is a flag that may be repeated.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

// Set appends v.
func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}
