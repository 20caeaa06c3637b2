package diag_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/diag"
)

func TestErrorString(t *testing.T) {
	tests := []struct {
		e    diag.Error
		want string
	}{
		{diag.Error{Pkg: "worksheet", Path: "a/en.md", Line: 14, Col: 3, Msg: "bad"}, "worksheet: a/en.md:14:3: bad"},
		{diag.Error{Pkg: "i18n", Path: "es.toml", Line: 2, Msg: "bad"}, "i18n: es.toml:2: bad"},
		{diag.Error{Path: "es.toml", Col: 9, Msg: "bad"}, "es.toml: bad"},
		{diag.Error{Pkg: "hwyaml", Path: "a.yaml", Err: fs.ErrNotExist}, "hwyaml: a.yaml: file does not exist"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.e.Error())
	}
}

func TestErrorsAs(t *testing.T) {
	inner := &diag.Error{Pkg: "i18n", Path: "es.toml", Line: 3, Col: 7, Msg: "unknown key", Err: fs.ErrInvalid}
	for _, err := range []error{
		inner,
		fmt.Errorf("build: %w", inner),
		diag.List{inner},
		fmt.Errorf("lint: %w", diag.List{inner, {Path: "b"}}),
		errors.Join(errors.New("other"), inner),
	} {
		var e *diag.Error
		require.True(t, errors.As(err, &e), "errors.As on %v", err)
		assert.Equal(t, diag.Position{Path: "es.toml", Line: 3, Col: 7}, e.Pos())
		assert.ErrorIs(t, err, fs.ErrInvalid)
	}
}

func TestQuoteAndCaret(t *testing.T) {
	src := []byte("id: x\r\n\tkey: value\nlast")
	e := (&diag.Error{Path: "x", Line: 2, Col: 3}).Quote(src)
	assert.Equal(t, "\tkey: value", e.Src)
	assert.Equal(t, "\tkey: value\n\t ^", e.Caret())
	e = (&diag.Error{Path: "x", Line: 3, Col: 1}).Quote(src)
	assert.Equal(t, "last\n^", e.Caret())
	for _, line := range []int{0, 4, -1} {
		e = (&diag.Error{Path: "x", Line: line, Col: 1}).Quote(src)
		assert.Empty(t, e.Src, "line %d", line)
		assert.Empty(t, e.Caret(), "line %d", line)
	}
	e = (&diag.Error{Path: "x", Line: 1, Col: 1}).Quote([]byte("\xff\xfe"))
	assert.Empty(t, e.Src, "a line that is not UTF-8 is not quoted")
}

func TestQuoteLongLine(t *testing.T) {
	line := strings.Repeat("a", 500) + "é" + strings.Repeat("b", 500)
	// Columns at the start, the middle and the end, and on a two-byte rune.
	for _, col := range []int{1, 300, 501, 503, 1002} {
		e := (&diag.Error{Path: "x", Line: 1, Col: col}).Quote([]byte(line))
		require.LessOrEqual(t, len(e.Src), 200+2*len("…"), "col %d", col)
		caret := e.Caret()
		require.Equal(t, 1, strings.Count(caret, "\n"))
		pad := caret[strings.IndexByte(caret, '\n')+1:]
		// The caret sits under the character Col stands for.
		at := len(strings.TrimSuffix(pad, "^"))
		runes := []rune(e.Src)
		require.Less(t, at, len(runes), "col %d", col)
		want, _ := utf8.DecodeRuneInString(line[col-1:])
		assert.Equal(t, want, runes[at], "col %d", col)
	}
}

func TestList(t *testing.T) {
	assert.NoError(t, diag.List(nil).Err())
	l := diag.List{
		{Path: "b", Line: 1, Msg: "4"},
		{Path: "a", Line: 9, Col: 2, Msg: "3"},
		{Path: "a", Line: 9, Col: 1, Msg: "2"},
		{Path: "a", Line: 2, Msg: "1"},
	}
	l.Sort()
	var got []string
	for _, e := range l {
		got = append(got, e.Msg)
	}
	assert.Equal(t, []string{"1", "2", "3", "4"}, got)
	assert.Equal(t, "a:2: 1 (and 3 more errors)", l.Error())
	assert.Equal(t, "a:2: 1", l[:1].Error())
	assert.Len(t, l.Unwrap(), 4)
	assert.Equal(t, "no errors", diag.List{}.Error())
}
