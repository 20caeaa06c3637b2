package yamlpos_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/yamlpos"
)

type inner struct {
	Rationale string `yaml:"rationale"`
	N         []int  `yaml:"n"`
}

type meta struct {
	ID      string            `yaml:"id"`
	Title   string            `yaml:"title"`
	Minutes int               `yaml:"minutes"`
	Score   float64           `yaml:"score"`
	Done    bool              `yaml:"done"`
	Clin    inner             `yaml:"clinician"`
	Topics  []string          `yaml:"topics"`
	Params  map[string]string `yaml:"params"`
}

// decode parses and decodes src as front matter whose first line is line
// first of a file, returning every error as "line:col: message".
func decode(t *testing.T, f yamlpos.File, src string) ([]string, meta) {
	t.Helper()
	var m meta
	doc, errs := f.Parse([]byte(src))
	require.NotNil(t, doc)
	if len(errs) == 0 {
		errs = doc.Decode(&m)
	}
	var got []string
	for _, e := range errs {
		require.Equal(t, f.Path, e.Path)
		got = append(got, fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg))
	}
	return got, m
}

// Every kind of mistake is reported at its line and column in the file,
// counting from where the YAML starts in it, on multi-line text: a
// template's front matter (from line 2, lines quoted) and a record (from
// line 1, never quoted).
func TestPositions(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // at line N of the YAML text, as "N:col: message"
	}{
		{"syntax: unclosed flow", "id: a\ntitle: [\n", "2:8: the text is not valid YAML: did not find expected node content"},
		{"syntax: tab indentation", "id: a\ntitle: b\n\tminutes: 3\n", "3:1: the text is not valid YAML: found a tab character that violates indentation"},
		{"syntax: second colon", "id: a\ntitle: b: c\n", "2:9: the text is not valid YAML: mapping values are not allowed in this context"},
		{"syntax: parser counts from 0", "id: a\nclinician:\n  rationale: x\n  - y\n", "4:3: the text is not valid YAML: did not find expected key"},
		{"syntax: unclosed quote", "id: a\ntitle: \"abc\nminutes: 3\n", "2:8: the text is not valid YAML: found unexpected end of stream"},
		{"syntax: bad indentation", "id: a\n  title: b\n", "2:8: the text is not valid YAML: mapping values are not allowed in this context"},
		{"unknown key", "id: a\ntitel: b\n", `2:1: unknown key "titel" in the text (did you mean "title"?)`},
		{"unknown nested key", "id: a\nclinician:\n  rationle: x\n", `3:3: unknown key "rationle" in clinician (did you mean "rationale"?)`},
		{"unknown key after a wide character", "id: a\nclinician: {rationale: é, rationle: x}\n", `2:28: unknown key "rationle" in clinician (did you mean "rationale"?)`},
		{"wrong type", "id: a\nminutes: ten\n", "2:10: minutes: want a whole number such as 10"},
		{"wrong type in a list", "id: a\nclinician:\n  n: [1, x]\n", "3:10: clinician.n[1]: want a whole number such as 10"},
		{"float for a whole number", "id: a\nminutes: 1e9\n", "2:10: minutes: want a whole number such as 10"},
		{"number out of range", "id: a\nminutes: 9223372036854775807\n", "2:10: minutes: the number is out of range; want at most 1000000000 either way from 0"},
		{"number past int64", "id: a\nminutes: 99999999999999999999\n", "2:10: minutes: want a whole number such as 10"},
		{"float out of range", "id: a\nscore: -1.5e12\n", "2:8: score: the number is out of range; want at most 1000000000 either way from 0"},
		{"not a number", "id: a\nscore: .nan\n", "2:8: score: want a number such as 2.5"},
		{"not a bool", "id: a\ndone: yes\n", "2:7: done: want true or false"},
		{"list for text", "id: a\ntitle: [a]\n", "2:8: title: want a single value"},
		{"text for a list", "id: a\ntopics: sleep\n", "2:9: topics: want a list"},
		{"duplicate key", "id: a\ntitle: b\nid: c\n", `3:1: key "id" is given twice; the first is on line @1`},
		{"duplicate nested key", "id: a\nclinician:\n  n: [1]\n  n: [2]\n", `4:3: clinician: key "n" is given twice; the first is on line @3`},
		{"alias", "id: &x a\ntitle: *x\n", "2:8: an alias (*name) is not allowed; write the value out in full"},
		{"merge key", "clinician: &c {rationale: x}\nparams:\n  <<: *c\n", "3:7: an alias (*name) is not allowed; write the value out in full"},
		{"not a mapping", "- a\n- b\n", `1:1: the text must be keys with values, one a line, such as "key: value"`},
		{"second document", "id: a\n---\nid: b\n", `2:1: the text holds more than one YAML document; remove the second "---" line and what follows it`},
		{"control character", "id: a\ntitle: x\x01\n", "2:9: the text holds a byte that is not UTF-8 text, or a control character; save it as plain UTF-8 text"},
		{"not UTF-8", "id: a\ntitle: \xff\n", "2:8: the text holds a byte that is not UTF-8 text, or a control character; save it as plain UTF-8 text"},
	}
	for _, first := range []int{1, 2, 7} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s from line %d", tt.name, first), func(t *testing.T) {
				got, _ := decode(t, yamlpos.File{Path: "f", Line: first}, tt.src)
				var line, col int
				var msg string
				_, err := fmt.Sscanf(tt.want, "%d:%d:", &line, &col)
				require.NoError(t, err)
				msg = tt.want[strings.Index(tt.want, ": ")+2:]
				if i := strings.Index(msg, "@"); i >= 0 { // a line named in the message
					n, _ := strconv.Atoi(msg[i+1:])
					msg = msg[:i] + strconv.Itoa(n+first-1)
				}
				assert.Equal(t, []string{fmt.Sprintf("%d:%d: %s", line+first-1, col, msg)}, got)
			})
		}
	}
}

// A template's front matter is quoted under a caret, with the line taken
// from the whole file; a record never is.
func TestQuote(t *testing.T) {
	file := "---\nid: a\ntitle: b: c\n---\nbody\n"
	front := "id: a\ntitle: b: c\n"
	_, errs := yamlpos.File{Path: "a/en.md", Line: 2, NoClientText: true, Source: []byte(file)}.Parse([]byte(front))
	require.Len(t, errs, 1)
	assert.Equal(t, "title: b: c\n        ^", errs[0].Caret())
	_, errs = yamlpos.File{Path: "r.yaml"}.Parse([]byte(front))
	require.Len(t, errs, 1)
	assert.Empty(t, errs[0].Src, "a record's line is never quoted")
}

// An unknown key that is not a short word, or in a record is not a near
// miss of a known key, is not repeated: it may be a client's sentence.
func TestUnknownKeyNotRepeated(t *testing.T) {
	for _, f := range []yamlpos.File{{Path: "r.yaml"}, {Path: "a/en.md", NoClientText: true}} {
		got, _ := decode(t, f, "id: a\nShe said MARKER was awful: yes\n")
		assert.Equal(t, []string{"2:1: an unknown key in the text; the known keys are clinician, done, id, minutes, params, score, title, topics"}, got)
	}
	got, _ := decode(t, yamlpos.File{Path: "r.yaml"}, "id: a\nMarker: yes\n")
	assert.NotContains(t, strings.Join(got, "\n"), "Marker", "a record's unknown word is not repeated")
	got, _ = decode(t, yamlpos.File{Path: "a/en.md", NoClientText: true}, "id: a\ncolour: red\n")
	assert.Equal(t, []string{`2:1: unknown key "colour" in the text`}, got, "a template's unknown word is")
}

// A null, a blank value and an absent key are all missing.
func TestMissing(t *testing.T) {
	doc, errs := yamlpos.File{Line: 2}.Parse([]byte("id: ~\ntitle: null\nminutes:\ntopics: [a]\nclinician:\n  rationale: '  '\n"))
	require.Empty(t, errs)
	for _, p := range []string{"id", "title", "minutes", "clinician.rationale", "kind", "clinician.n", "topics[1]"} {
		assert.True(t, doc.Missing(p), p)
	}
	for _, p := range []string{"topics", "topics[0]", "clinician", ""} {
		assert.False(t, doc.Missing(p), p)
	}
	pos, ok := doc.Value("id")
	assert.True(t, ok)
	assert.Equal(t, diag.Position{Line: 2, Col: 5}, pos)
	pos, ok = doc.Key("clinician.rationale")
	assert.True(t, ok)
	assert.Equal(t, diag.Position{Line: 7, Col: 3}, pos)
	pos, ok = doc.Value("clinician.barriers")
	assert.False(t, ok)
	assert.Equal(t, diag.Position{Line: 7, Col: 3}, pos, "the deepest part of the path that exists")
	assert.Equal(t, "a", doc.Text("topics[0]"))
	assert.Equal(t, "", doc.Text("id"))
	e := doc.Error("topics[0]", "too short")
	assert.Equal(t, diag.Position{Line: 5, Col: 10}, e.Pos())
	assert.Equal(t, "topics[0]: too short", e.Msg)
}

// An empty text is an empty Doc with no error.
func TestEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "\n\n"} {
		doc, errs := yamlpos.File{}.Parse([]byte(src))
		assert.Empty(t, errs)
		assert.True(t, doc.Empty())
		assert.False(t, doc.Mapping())
		var m meta
		assert.Empty(t, doc.Decode(&m))
		assert.True(t, doc.Missing("id"))
	}
}

// What decoded is set even when another field did not.
func TestPartialDecode(t *testing.T) {
	got, m := decode(t, yamlpos.File{}, "id: a\nminutes: ten\ntopics: [x, y]\nparams: {k: v}\n")
	assert.Len(t, got, 1)
	assert.Equal(t, "a", m.ID)
	assert.Equal(t, []string{"x", "y"}, m.Topics)
	assert.Equal(t, map[string]string{"k": "v"}, m.Params)
}
