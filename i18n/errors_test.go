package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
)

func TestKeyLine(t *testing.T) {
	src := strings.Join([]string{
		`# comment with key = "x"`, // 1
		`name = "x"`,               // 2
		`text = """`,               // 3
		`fake = "inside a string"`, // 4
		`"""`,                      // 5
		`Kind.log = "Logs"`,        // 6
		`"Kind.plan" = "Plans"`,    // 7
		`[weekdays]`,               // 8
		`monday = "Lunes"`,         // 9
		`[[crisis]]`,               // 10
		`name = "a"`,               // 11
		`[[crisis]]`,               // 12
		`name = "b"`,               // 13
		`["Part.Of"]`,              // 14
		`other = "x = y"`,          // 15
	}, "\n")
	tests := []struct {
		key  []string
		from int
		want int
	}{
		{[]string{"name"}, 1, 2},
		{[]string{"fake"}, 1, 0},
		{[]string{"Kind", "log"}, 1, 6},
		{[]string{"Kind"}, 1, 6},
		{[]string{"Kind.plan"}, 1, 7},
		{[]string{"weekdays"}, 1, 8},
		{[]string{"weekdays", "monday"}, 1, 9},
		{[]string{"crisis", "name"}, 1, 11},
		{[]string{"crisis", "name"}, 12, 13},
		{[]string{"Part.Of", "other"}, 1, 15},
		{[]string{"missing"}, 1, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.key, "."), func(t *testing.T) {
			assert.Equal(t, tt.want, keyLine([]byte(src), tt.key, tt.from))
		})
	}
	assert.Equal(t, 12, headerLine([]byte(src), "crisis", 1))
}

func FuzzKeyLine(f *testing.F) {
	f.Add("a = 1\n[b]\nc = 'x'\n", "b.c")
	f.Add("[[x]]\ny = \"\"\"\n=\n\"\"\"\n", "x.y")
	f.Add("'q.r' = 2", "q.r")
	f.Fuzz(func(t *testing.T, src, key string) {
		n := keyLine([]byte(src), strings.Split(key, "."), 1)
		if n < 0 || n > strings.Count(src, "\n")+1 {
			t.Fatalf("line %d out of range", n)
		}
	})
}

// FuzzLoad feeds arbitrary bytes to every kind of file Load reads: it must
// return a catalog or an error, never panic.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"name = \"x\"\n[weekdays]\nmonday = \"\"\n[[crisis]]\nverified = \"2026-01-01\"\n",
		"Day = \"Día\"\n[Minutes]\none = \"{{.Count}}\"\n",
		"paper = \"a5\"",
		"[x]\nother = 1\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fsys := fstest.MapFS{"active.es.toml": {Data: []byte(s)}, "es-MX.toml": {Data: []byte(s)}}
		c, err := Load(fsys)
		if err != nil {
			return
		}
		_ = c.Validate()
		_ = c.Check(CheckOptions{})
	})
}
