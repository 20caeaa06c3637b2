package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// No flag error repeats a client's words: an unquoted value that starts
// with "-", a bad value for a typed flag, odd flag syntax. A near miss of a
// real flag is still named, with the flag it probably meant.
func TestFlagErrorsNeverRepeatClientWords(t *testing.T) {
	const word = "ZQXFLAGWORD"
	cases := [][]string{
		{"render", "sleep-routine", "-" + word},
		{"render", "sleep-routine", "--" + word + "=felt alone"},
		{"render", "sleep-routine", "-felt " + word + " at home"},
		{"note", "--" + strings.ToLower(word), "x.yaml"},
		{"build", "---" + word},
		{"list", "-" + word + "-sad"},
		{"i18n", "status", "-" + word},
		{"i18n", "new", "fr", "-" + word},
		{"remind", "-" + word, "a.yaml"},
		{"lint", "-no-glyphs=" + word},
		{"render", "sleep-routine", "--param", word},
		{"note", "--subject", "Patient/" + word + " felt alone", "a.yaml"},
	}
	for _, args := range cases {
		_, stderr, code := runCLI(t, args...)
		assert.NotEqual(t, 0, code, "%q: %s", args, stderr)
		assert.NotContains(t, strings.ToUpper(stderr), word, "%q repeated the word", args)
	}
	_, stderr, code := runCLI(t, "render", "sleep-routine", "--parm", "x=1")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "unknown flag -parm (did you mean --param?)")
}
