package bench

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseStatCPU(t *testing.T) {
	cases := []struct {
		name, stat string
		want       time.Duration
		bad        bool
	}{
		{"plain", "1234 (server) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 8 0 1000 0 0", 3 * time.Second, false},
		{"name with spaces and parenthesis", "77 (my (odd) name) R 1 77 77 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 5 0 0", 100 * time.Millisecond, false},
		{"truncated", "77 (x) R 1 2 3", 0, true},
		{"no name", "garbage", 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseStatCPU([]byte(tc.stat))
			if (err != nil) != tc.bad {
				t.Fatalf("err = %v, bad %v", err, tc.bad)
			}
			if got != tc.want {
				t.Fatalf("cpu = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParseStatusMemory(t *testing.T) {
	status := strings.Join([]string{"Name:\tserver", "VmPeak:\t 999999 kB", "VmHWM:\t  204800 kB", "VmRSS:\t  102400 kB", "Threads:\t8"}, "\n")
	rss, peak, err := parseStatusMemory([]byte(status))
	if err != nil || rss != 100<<20 || peak != 200<<20 {
		t.Fatalf("rss %d peak %d err %v", rss, peak, err)
	}
	if _, _, err := parseStatusMemory([]byte("Name:\tx\nVmRSS:\t12 MB\n")); err == nil {
		t.Fatal("a unit other than kB must be refused")
	}
	if _, _, err := parseStatusMemory([]byte("Name:\tkernel thread\n")); err == nil {
		t.Fatal("missing VmRSS/VmHWM must be an error")
	}
}

func TestOwnProcessIsMeasurable(t *testing.T) {
	deadline := time.Now().Add(30 * time.Millisecond)
	for time.Now().Before(deadline) { // burn a little CPU
	}
	cpu, err := ProcCPU(os.Getpid())
	if err != nil || cpu <= 0 {
		t.Fatalf("cpu %v err %v", cpu, err)
	}
	rss, peak, err := ProcMemory(os.Getpid())
	if err != nil || rss <= 0 || peak < rss {
		t.Fatalf("rss %d peak %d err %v", rss, peak, err)
	}
}
