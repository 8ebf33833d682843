package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// source counts the Go files of a tree.
type source struct {
	Files int64 `json:"files"`
	Lines int64 `json:"lines"`
	Bytes int64 `json:"bytes"`
}

// countGo counts the .go files under dir, their lines and bytes.
func countGo(dir string) (source, error) {
	var s source
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s.Files++
		s.Lines += int64(countLines(data))
		s.Bytes += int64(len(data))
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("count %s: %w", dir, err)
	}
	return s, nil
}

// countLines returns the number of lines in data; a last line without a
// newline counts too.
func countLines(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// fileSize returns the size of the file at path.
func fileSize(path string) (int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("binary size: %w", err)
	}
	return fi.Size(), nil
}
