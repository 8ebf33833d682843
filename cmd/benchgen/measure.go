package main

import (
	"bytes"
	"os/exec"
	"time"
)

// usage is what one process tree cost.
type usage struct {
	WallSeconds float64 `json:"wall_seconds"`
	// CPUSeconds is user plus system time of the process and of the
	// children it waited for.
	CPUSeconds float64 `json:"cpu_seconds"`
	// PeakRSSBytes is the largest resident set of a single process of the
	// tree; zero when the system does not say.
	PeakRSSBytes int64 `json:"peak_rss_bytes"`
}

// measure runs cmd, returning its combined output and what it cost.
func measure(cmd *exec.Cmd) ([]byte, usage, error) {
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	u := usage{WallSeconds: time.Since(start).Seconds()}
	if cmd.ProcessState != nil {
		u.CPUSeconds, u.PeakRSSBytes = processUsage(cmd.ProcessState)
	}
	return out.Bytes(), u, err
}

// lastLine returns the last non-empty line of out.
func lastLine(out []byte) []byte {
	out = bytes.TrimRight(out, "\n")
	if i := bytes.LastIndexByte(out, '\n'); i >= 0 {
		return out[i+1:]
	}
	return out
}

// tail returns at most the last 20 lines of out, for error messages.
func tail(out []byte) string {
	lines := bytes.Split(bytes.TrimRight(out, "\n"), []byte("\n"))
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}
