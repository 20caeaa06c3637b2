package yamlpos_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/internal/yamlpos"
)

// FuzzDecode checks, for any text, that every error has a place inside the
// file (lines counted from the text's first line, 7 here), that no error
// repeats a value, and that a text that decodes holds no alias and no
// number past MaxNumber.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"id: a\ntitle: b\nminutes: 10\nclinician:\n  rationale: x\n  n: [1, 2]\n",
		"id: a\ntitle: [\n", "id: &x a\ntitle: *x\n", "a: &a [*a]\n", "minutes: 1e9\n",
		"minutes: 9223372036854775807\n", "id: ~\ntitle: null\n", "\tid: a\n", "id: a\nid: b\n",
		"Secret words here: yes\n", "id: a\n---\nid: b\n", "params: {k: v, k: w}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4<<10 {
			return
		}
		const first = 7
		lines := bytes.Count(src, []byte{'\n'}) + 1
		doc, errs := yamlpos.File{Path: "f", Line: first}.Parse(src)
		require.NotNil(t, doc)
		var m meta
		if len(errs) == 0 {
			errs = doc.Decode(&m)
		}
		for _, e := range errs {
			if strings.HasPrefix(e.Msg, "too many errors") {
				continue
			}
			assert.GreaterOrEqual(t, e.Line, first, "%v", e)
			assert.LessOrEqual(t, e.Line, first+lines, "%v", e)
			assert.GreaterOrEqual(t, e.Col, 0, "%v", e)
			assert.Empty(t, e.Src, "a record's line is never quoted")
			assert.NotContains(t, e.Msg, "`", "no yaml.v3 quoted value: %v", e)
		}
		if len(errs) == 0 {
			assert.LessOrEqual(t, max(m.Minutes, -m.Minutes), yamlpos.MaxNumber)
			for _, n := range m.Clin.N {
				assert.LessOrEqual(t, max(n, -n), yamlpos.MaxNumber)
			}
		}
	})
}
