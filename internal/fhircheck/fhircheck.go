// Package fhircheck runs tools/fhir/validate.mjs, the FHIR R4 validator
// (Medplum plus Between's checks of codes and references), for tests. It
// skips a test when node or the validator's packages are missing, and
// fails instead under BETWEEN_REQUIRE_TOOLS=1 (see internal/needtool).
package fhircheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/betweensessions/between/internal/needtool"
)

// Run validates the files in one run of node and returns the validator's
// output ("FILE: ok", or one line per problem) and whether every file
// passed.
func Run(t testing.TB, files ...string) (out string, ok bool) {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(self), "..", "..", "tools", "fhir")
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "node_modules", "@medplum", "core"))
	}
	if err != nil {
		needtool.Missing(t, "the FHIR validator", "node and npm ci --prefix tools/fhir")
	}
	b, err := exec.Command(node, append([]string{filepath.Join(dir, "validate.mjs")}, files...)...).CombinedOutput()
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		t.Fatalf("fhircheck: %v", err)
	}
	return string(b), err == nil
}
