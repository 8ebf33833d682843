// Command graphgen reads a Microsoft Graph CSDL $metadata document and
// writes a Go package for it: models, enums, request builders and a small
// runtime that needs only the standard library. It is meant to run from
// //go:generate:
//
//	//go:generate go run github.com/graphgen/graphgen/cmd/graphgen
//
// with its settings in a graphgen.json next to the directive (see Config),
// such as
//
//	{"metadata": "../metadata/v1.0.xml", "roots": ["/solutions/backupRestore/exchangeRestoreSessions"]}
//
// or with the same settings as flags (-metadata, -root).
//
// The subcommands are generate (the default), fetch, diff, extract,
// permissions and version; "graphgen help <command>" explains each flag
// with an example. Every command exits with 0 on success, 1 when it found
// changes (generate -check, diff -exit-code), 2 for a usage error and 3
// for any other error.
//
// generate runs five steps: read the document (a file, or a URL that is
// downloaded to the user cache), resolve it into a model, select the
// closure of the roots, emit the Go files and write them with package
// output, which replaces only files graphgen owns. Its settings come from
// flags and from a JSON config file; see Config.
package main
