package main

import (
	"os"
	"syscall"
	"time"
)

// processUsage returns the CPU seconds (user+sys) and peak resident bytes
// of an ended process, taken from its rusage.
func processUsage(ps *os.ProcessState) (float64, int64) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return (ps.UserTime() + ps.SystemTime()).Seconds(), 0
	}
	return rusageFigures(ru)
}

// rusageFigures converts a Linux rusage: CPU is user plus system time in
// seconds, and ru_maxrss, which Linux gives in kilobytes, becomes bytes.
func rusageFigures(ru *syscall.Rusage) (float64, int64) {
	cpu := timeval(ru.Utime) + timeval(ru.Stime)
	return cpu.Seconds(), ru.Maxrss * 1024
}

// timeval converts a syscall.Timeval to a duration.
func timeval(tv syscall.Timeval) time.Duration {
	return time.Duration(tv.Sec)*time.Second + time.Duration(tv.Usec)*time.Microsecond
}
