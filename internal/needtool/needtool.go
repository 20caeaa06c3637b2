// Package needtool decides what a test does when an outside tool it drives
// (chromium, node, pdftotext, qpdf, mutool, goi18n) is missing: it skips
// on a developer's machine, and fails where BETWEEN_REQUIRE_TOOLS=1, as
// .ci/run sets, so CI never passes by skipping.
package needtool

import (
	"os"
	"os/exec"
	"testing"
)

// Required reports whether BETWEEN_REQUIRE_TOOLS=1 is set.
func Required() bool { return os.Getenv("BETWEEN_REQUIRE_TOOLS") == "1" }

// Missing ends the test because what is not available: it fails when
// [Required], and skips otherwise. hint says how to get it.
func Missing(t testing.TB, what, hint string) {
	t.Helper()
	msg := what + " is not available (" + hint + ")"
	if Required() {
		t.Fatal(msg + "; BETWEEN_REQUIRE_TOOLS=1 makes this a failure")
		return
	}
	t.Skip(msg + "; skipping")
}

// Path returns the path of the command name, or calls [Missing].
func Path(t testing.TB, name, hint string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, hint)
	}
	return p
}
