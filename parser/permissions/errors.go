package permissions

import "github.com/graphgen/graphgen/parser"

// Error is a problem in one of the two input files: the parser's error
// type, naming the file, the place in the document at fault (Path, such
// as permission User.Read / pathSets[2]) and, for malformed JSON, the line
// and column.
type Error = parser.Error

// position turns a byte offset into a 1-based line and column.
func position(data []byte, offset int64) (line, column int) {
	offset = max(0, min(offset, int64(len(data))))
	line, column = 1, 1
	for _, c := range data[:offset] {
		if c == '\n' {
			line++
			column = 1
			continue
		}
		column++
	}
	return line, column
}
