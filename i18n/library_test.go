package i18n_test

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/templates"
)

const english = "---\nid: walk\ntitle: A short walk\n---\nWalk for ten minutes.\n"

func translation(hash string) string {
	return "---\nid: walk\ntitle: Un paseo corto\nsource_hash: " + hash + "\n---\nCamine diez minutos.\n"
}

// layer lays template folders over one another as every command does.
func layer(t *testing.T, sources ...fs.FS) *templates.Library {
	t.Helper()
	lib, err := templates.Layer(sources...)
	require.NoError(t, err)
	return lib
}
