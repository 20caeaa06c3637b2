package needtool

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// recorder captures how a test ended without ending the real one.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper()           {}
func (r *recorder) Fatal(args ...any) { r.fatal = args[0].(string) }
func (r *recorder) Skip(args ...any)  { r.skip = args[0].(string) }

func TestMissing(t *testing.T) {
	t.Setenv("BETWEEN_REQUIRE_TOOLS", "")
	r := &recorder{TB: t}
	Missing(r, "qpdf", "apt-get install qpdf")
	assert.Contains(t, r.skip, "qpdf is not available (apt-get install qpdf)")
	assert.Empty(t, r.fatal)

	t.Setenv("BETWEEN_REQUIRE_TOOLS", "1")
	r = &recorder{TB: t}
	Path(r, "between-no-such-command", "none")
	assert.Contains(t, r.fatal, "between-no-such-command is not available")
	assert.Empty(t, r.skip)
}
