// Package generated holds graphgen's own output for the Microsoft 365
// Backup restore area, checked in: package v1 for Graph v1.0 and package
// beta for the beta endpoint, each generated from the repository's fixture
// in ../metadata with the roots listed in its graphgen.json. The tests in
// each package use the result as a Go developer would; the tests here
// generate and compile the whole of Microsoft's published documents.
//
// The go:generate lines live here, outside the packages they write, so that
// go generate never scans a file that graphgen has just removed.
package generated

//go:generate go run ../cmd/graphgen -config v1/graphgen.json
//go:generate go run ../cmd/graphgen -config beta/graphgen.json
