package i18n_test

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/i18n"
)

func TestFingerprint(t *testing.T) {
	a, err := i18n.Default()
	require.NoError(t, err)
	b, err := i18n.Default()
	require.NoError(t, err)
	require.Len(t, a.Fingerprint(), 64)
	assert.Equal(t, a.Fingerprint(), b.Fingerprint(), "the same files give the same fingerprint")

	overlay := func(name, data string) string {
		t.Helper()
		top, err := i18n.Load(fstest.MapFS{name: {Data: []byte(data)}})
		require.NoError(t, err)
		c, err := a.Overlay(top)
		require.NoError(t, err)
		return c.Fingerprint()
	}
	msg := overlay("active.es.toml", "Day = \"Jornada\"\n")
	fact := overlay("es.toml", "paper = \"letter\"\n")
	for name, fp := range map[string]string{"a changed message": msg, "changed locale data": fact} {
		assert.NotEqual(t, a.Fingerprint(), fp, name)
	}
	assert.NotEqual(t, msg, fact)
	assert.Equal(t, msg, overlay("active.es.toml", "Day = \"Jornada\"\n"), "stable across loads")
}
