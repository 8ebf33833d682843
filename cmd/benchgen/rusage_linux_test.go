package main

import (
	"syscall"
	"testing"
)

func TestRusageFiguresConvertsKilobytesAndTimevals(t *testing.T) {
	ru := &syscall.Rusage{
		Utime:  syscall.Timeval{Sec: 80, Usec: 250_000},
		Stime:  syscall.Timeval{Sec: 4, Usec: 750_000},
		Maxrss: 5_500_000,
	}
	cpu, peak := rusageFigures(ru)
	if cpu != 85 {
		t.Errorf("cpu = %v s, want 85", cpu)
	}
	if want := int64(5_500_000 * 1024); peak != want {
		t.Errorf("peak = %d, want %d", peak, want)
	}
}
