// Command benchgen measures what generating the whole Graph API costs and
// compares it with Kiota's msgraph-sdk-go. It is a benchmark to run by
// hand, not a test, and CI does not run it:
//
//	go run ./cmd/benchgen -metadata ../shared/metadata/graph-v1.0-2026-08.xml
//
// In one run it measures, side by side:
//
//   - generation: parse, select the whole model, emit and write the
//     files, in a child process so that its peak memory is its own;
//   - the files, lines and bytes written, next to the .go files of the
//     msgraph-sdk-go module;
//   - a cold go build of the generated package;
//   - a cold go build of a tiny program that reads one
//     exchangeRestoreSession, once with the generated package and once
//     with msgraph-sdk-go, and the size of both binaries, default and
//     stripped (-ldflags=-s -w).
//
// "Cold" means a fresh GOCACHE that holds the standard library and
// nothing else: each build gets its own copy of a cache that was warmed
// by building a hello-world program importing the standard packages the
// measured programs need. Wall time is measured around the go command;
// CPU time (user+sys) and peak memory come from the rusage of the go
// command, which covers the compiler and linker it waited for. Peak
// memory is the resident set of the largest single process of the tree,
// not their sum.
//
// msgraph-sdk-go is downloaded with the go tool into a temporary module
// before anything is timed. When that fails, benchgen says why and
// reports graphgen's figures alone. Every temporary directory lives under
// -work and is removed at the end unless -keep is given.
package main
