//go:build !linux

package main

import "os"

// processUsage returns the CPU seconds (user+sys) of an ended process and
// zero for its peak memory.
//
// Known limitation: peak memory is reported on Linux only, where
// ru_maxrss has a known unit (kilobytes).
func processUsage(ps *os.ProcessState) (float64, int64) {
	return (ps.UserTime() + ps.SystemTime()).Seconds(), 0
}
