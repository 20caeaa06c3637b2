package tomlpos_test

import (
	"bytes"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/internal/tomlpos"
)

const src = `# a comment
top = 1
text = """
name = "not a key"
"""
[clinic]
name = "X"
"quoted key" = 2
sub.deep = 3
`

func TestKeyLine(t *testing.T) {
	tests := []struct {
		key  []string
		want int
	}{
		{[]string{"top"}, 2},
		{[]string{"clinic"}, 6},
		{[]string{"clinic", "name"}, 7},
		{[]string{"clinic", "quoted key"}, 8},
		{[]string{"clinic", "sub", "deep"}, 9},
		{[]string{"clinic", "sub"}, 9},
		{[]string{"name"}, 0},
		{[]string{"missing"}, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tomlpos.KeyLine([]byte(src), tt.key, 1), "%v", tt.key)
	}
	assert.Equal(t, 0, tomlpos.KeyLine([]byte(src), []string{"top"}, 3), "from skips earlier lines")
}

func TestError(t *testing.T) {
	var v struct{ N int }
	_, err := toml.NewDecoder(bytes.NewReader([]byte("\nN = \"x\"\n"))).Decode(&v)
	require.Error(t, err)
	e := tomlpos.Error("demo", "f.toml", err)
	assert.Equal(t, 2, e.Line)
	assert.Regexp(t, `^demo: f\.toml:2(:\d+)?: `, e.Error())

	_, err = toml.NewDecoder(bytes.NewReader([]byte("a = [\n"))).Decode(&v)
	require.Error(t, err)
	e = tomlpos.Error("demo", "f.toml", err)
	assert.Positive(t, e.Line)
	assert.Positive(t, e.Col)
}
