package pdf_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/worksheet/pdf"
)

func TestMissingRunes(t *testing.T) {
	r, err := pdf.New(pdf.Options{})
	require.NoError(t, err)
	tests := []struct {
		font, text string
		want       []rune
	}{
		{font: "andika", text: "Mañana, ¿qué tal?\n\tÁÉÍÓÚ ü", want: nil},
		// Andika has no ballot box; its fallback, DejaVu Sans, draws it.
		{font: "", text: "ok ☐", want: nil},
		{font: "andika", text: "क ☐ क ☐", want: []rune{'क'}},
		{font: "dejavu", text: "☐ ✓ क", want: []rune{'क'}},
	}
	for _, tt := range tests {
		t.Run(tt.font+" "+tt.text, func(t *testing.T) {
			got, err := r.MissingRunes(tt.font, tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err = r.MissingRunes("comic", "x")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown font "comic"`)
}

func TestMissingRunesConcurrent(t *testing.T) {
	var r pdf.Renderer // the zero value has the built-in fonts
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := r.MissingRunes("dejavu", "Ωμέγα ☐ क")
			assert.NoError(t, err)
			assert.Equal(t, []rune{'क'}, got)
		})
	}
	wg.Wait()
}
