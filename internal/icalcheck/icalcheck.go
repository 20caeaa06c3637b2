// Package icalcheck runs tools/ical/check.mjs, the ical.js-based checker of
// iCalendar files, for tests. It skips a test when node or the checker's
// packages are missing, and fails instead under BETWEEN_REQUIRE_TOOLS=1
// (see internal/needtool).
package icalcheck

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/betweensessions/between/internal/needtool"
)

// Event is one VEVENT as ical.js reads it.
type Event struct {
	Summary     string   `json:"summary"`
	Description string   `json:"description"`
	RRule       string   `json:"rrule"`
	Duration    string   `json:"duration"`
	Trigger     string   `json:"trigger"`
	AlarmText   string   `json:"alarmText"`
	Occurrences []string `json:"occurrences"`
}

// Result is the checker's verdict on one file.
type Result struct {
	File     string   `json:"file"`
	OK       bool     `json:"ok"`
	Problems []string `json:"problems"`
	Events   []Event  `json:"events"`
}

// Run checks the files in one run of node and returns one Result per file,
// in order, listing up to occurrences expansions of each event.
func Run(t testing.TB, occurrences int, files ...string) []Result {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(self), "..", "..", "tools", "ical")
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "node_modules", "ical.js"))
	}
	if err != nil {
		needtool.Missing(t, "the iCalendar checker", "node and npm ci --prefix tools/ical")
	}
	args := []string{filepath.Join(dir, "check.mjs"), "--occurrences", strconv.Itoa(occurrences)}
	out, err := exec.Command(node, append(args, files...)...).Output()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("icalcheck: %v", err)
	}
	var results []Result
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var r Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("icalcheck: unreadable output %q: %v", line, err)
		}
		results = append(results, r)
	}
	if len(results) != len(files) {
		t.Fatalf("icalcheck: %d results for %d files:\n%s", len(results), len(files), out)
	}
	return results
}
