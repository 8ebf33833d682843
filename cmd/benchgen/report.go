package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// report holds every figure of one run.
type report struct {
	GoVersion  string `json:"go_version"`
	Metadata   string `json:"metadata"`
	Kiota      string `json:"kiota_version"`
	Generation usage  `json:"generation"`
	Phases     phases `json:"generation_phases"`
	Ours       side   `json:"graphgen"`
	// Theirs is nil when msgraph-sdk-go could not be downloaded or built;
	// Note says why.
	Theirs  *side  `json:"kiota,omitempty"`
	Note    string `json:"note,omitempty"`
	WorkDir string `json:"work_dir,omitempty"`
}

// side is the figures of one SDK.
type side struct {
	Source source `json:"source"`
	// PackageBuild is the cold build of the generated package alone; it
	// is measured for graphgen only.
	PackageBuild *usage  `json:"package_build,omitempty"`
	Program      program `json:"program"`
}

// program is the tiny program built with an SDK.
type program struct {
	Build         usage `json:"build"`
	BinaryBytes   int64 `json:"binary_bytes"`
	StrippedBytes int64 `json:"stripped_binary_bytes"`
}

// missing stands in a cell that has no figure.
const missing = "—"

// writeJSON prints r as indented JSON.
func writeJSON(w io.Writer, r report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// writeText prints r as a heading, a table and notes.
func writeText(w io.Writer, r report) {
	fmt.Fprintf(w, "%s\nmetadata: %s\n\n", r.GoVersion, r.Metadata)
	fmt.Fprint(w, formatTable(tableRows(r)))
	p := r.Phases
	fmt.Fprintf(w, "\ngeneration phases: parse %s, select %s, generate %s, write %s\n",
		seconds(p.Parse), seconds(p.Select), seconds(p.Generate), seconds(p.Write))
	fmt.Fprintln(w, "builds are cold: a fresh GOCACHE holding only the standard library;")
	fmt.Fprintln(w, "peak memory is the largest single process (ru_maxrss); CPU is user+sys of the tree.")
	if r.Theirs != nil {
		fmt.Fprintf(w, "Kiota source is the .go files of the %s module.\n", sdkModule)
	}
	if r.Note != "" {
		fmt.Fprintf(w, "\nnote: %s\n", r.Note)
	}
	if r.WorkDir != "" {
		fmt.Fprintf(w, "\nkept: %s\n", r.WorkDir)
	}
}

// tableRows lays out r as the rows of a table, heading first.
func tableRows(r report) [][]string {
	theirs := r.Theirs
	if theirs == nil {
		theirs = &side{}
	}
	has := r.Theirs != nil
	rows := [][]string{{"figure", "graphgen", "Kiota " + r.Kiota, "ours/theirs"}}
	add := func(name string, ours, their float64, format func(float64) string, compared bool) {
		row := []string{name, format(ours), missing, missing}
		if compared && has {
			row[2], row[3] = format(their), ratio(ours, their)
		}
		rows = append(rows, row)
	}
	count := func(v float64) string { return thousands(int64(v)) }
	size := func(v float64) string { return bytesSize(int64(v)) }

	add("generation wall", r.Generation.WallSeconds, 0, seconds, false)
	add("generation CPU", r.Generation.CPUSeconds, 0, seconds, false)
	add("generation peak memory", float64(r.Generation.PeakRSSBytes), 0, size, false)
	add("source files", float64(r.Ours.Source.Files), float64(theirs.Source.Files), count, true)
	add("source lines", float64(r.Ours.Source.Lines), float64(theirs.Source.Lines), count, true)
	add("source bytes", float64(r.Ours.Source.Bytes), float64(theirs.Source.Bytes), size, true)
	if b := r.Ours.PackageBuild; b != nil {
		add("package build wall", b.WallSeconds, 0, seconds, false)
		add("package build CPU", b.CPUSeconds, 0, seconds, false)
		add("package build peak memory", float64(b.PeakRSSBytes), 0, size, false)
	}
	ours, their := r.Ours.Program, theirs.Program
	add("program build wall", ours.Build.WallSeconds, their.Build.WallSeconds, seconds, true)
	add("program build CPU", ours.Build.CPUSeconds, their.Build.CPUSeconds, seconds, true)
	add("program build peak memory",
		float64(ours.Build.PeakRSSBytes), float64(their.Build.PeakRSSBytes), size, true)
	add("program binary", float64(ours.BinaryBytes), float64(their.BinaryBytes), size, true)
	add("program binary, -s -w", float64(ours.StrippedBytes), float64(their.StrippedBytes), size, true)
	return rows
}

// formatTable aligns rows in columns two spaces apart: the first column
// to the left, the others to the right, with a rule under the heading.
func formatTable(rows [][]string) string {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	for n, row := range rows {
		writeRow(&b, row, widths)
		if n == 0 {
			rule := make([]string, len(widths))
			for i, w := range widths {
				rule[i] = strings.Repeat("-", w)
			}
			writeRow(&b, rule, widths)
		}
	}
	return b.String()
}

// writeRow writes one line of a table.
func writeRow(b *strings.Builder, row []string, widths []int) {
	var line strings.Builder
	for i, cell := range row {
		pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
		switch {
		case i == 0:
			line.WriteString(cell + pad)
		default:
			line.WriteString("  " + pad + cell)
		}
	}
	b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
}

// seconds formats a duration in seconds with one decimal.
func seconds(s float64) string {
	return strconv.FormatFloat(s, 'f', 1, 64) + " s"
}

// bytesSize formats a size in binary units with three significant
// digits: 912 B, 1.50 KiB, 12.3 MiB, 5.47 GiB.
func bytesSize(n int64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	v, u := float64(n), 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	if u == 0 {
		return fmt.Sprintf("%d B", n)
	}
	return threeDigits(v) + " " + units[u]
}

// threeDigits formats v, at least 1, with three significant digits and
// no exponent.
func threeDigits(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
}

// thousands formats n with commas between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

// ratio formats ours/theirs with three significant digits, or missing
// when theirs is zero.
func ratio(ours, theirs float64) string {
	if theirs == 0 {
		return missing
	}
	r := ours / theirs
	if r < 1 {
		return strconv.FormatFloat(r, 'g', 3, 64)
	}
	return threeDigits(r)
}
