package hwyaml_test

import (
	"testing"

	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/stretchr/testify/assert"
)

func TestAt(t *testing.T) {
	src := []byte("task:\n  what: walk\nworksheet:\n  template: sleep-routne\n  params:\n    wake: \"6\"\nbarriers:\n  - concern: a\n  - concern: b\n")
	for _, c := range []struct {
		field     string
		line, col int
	}{
		{"worksheet.template", 4, 3},
		{"worksheet.params.wake", 6, 5},
		{"worksheet.params.other", 6, 5}, // the deepest part that exists: the params
		{"barriers[1].concern", 9, 5},
		{"barriers[5].concern", 8, 3},
		{"nothing", 0, 0},
	} {
		e := hwyaml.At("a.yaml", src, c.field, "bad")
		if c.line == 0 {
			assert.Equal(t, "hwyaml: a.yaml:1:1: nothing: bad", e.Error(), "the document's first line when nothing on the path exists")
			continue
		}
		assert.Equal(t, c.line, e.Line, c.field)
		assert.Equal(t, c.col, e.Col, c.field)
		assert.Empty(t, e.Src, "a record's line is never quoted")
	}
	e := hwyaml.At("a.yaml", []byte(":\n\t- ["), "worksheet", "bad")
	assert.Equal(t, "hwyaml: a.yaml: worksheet: bad", e.Error())
}
