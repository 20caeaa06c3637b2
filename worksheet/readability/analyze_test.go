package readability

import (
	"strings"
	"testing"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func text(s string) *worksheet.Text { return &worksheet.Text{Text: s} }

func para(line int, in ...worksheet.Inline) *worksheet.Paragraph {
	return &worksheet.Paragraph{Pos: worksheet.Pos{Line: line, Col: 1}, Content: in}
}

// sample is a handout written as a model literal, with something for
// every check.
func sample() *worksheet.Worksheet {
	return &worksheet.Worksheet{
		Path: "sample/en.md",
		Lang: language.English,
		Meta: worksheet.Meta{
			Title:   "Catch the thought",
			Summary: "Notice a thinking trap and answer it.",
			Clinician: worksheet.Clinician{
				Rationale: "Psychoeducation about cognitive distortions is never read by the analyser.",
			},
		},
		Body: []worksheet.Block{
			&worksheet.Heading{Pos: worksheet.Pos{Line: 8, Col: 1}, Level: 2, Content: []worksheet.Inline{text("What to do")}},
			para(10,
				text("This is "), &worksheet.Emphasis{Content: []worksheet.Inline{text("important")}},
				text(". DO NOT skip it."), &worksheet.Break{},
				text("The form is filled in every evening."),
			),
			para(13, text("Psychoeducation helps with every cognitive distortion that you might notice when you feel low, tired or worried at home or at work.")),
			&worksheet.List{Pos: worksheet.Pos{Line: 15, Col: 1}, Ordered: true, Start: 1, Items: []*worksheet.ListItem{
				{Pos: worksheet.Pos{Line: 15, Col: 1}, Blocks: []worksheet.Block{para(15, text("Write the thought"))}},
				{Pos: worksheet.Pos{Line: 16, Col: 1}, Blocks: []worksheet.Block{para(16, text("Rate it"), &worksheet.Blank{Width: 3})}},
			}},
			&worksheet.Table{Pos: worksheet.Pos{Line: 18, Col: 1},
				Header: []worksheet.Cell{{text("Thought")}, {text("Feeling")}},
				Rows:   [][]worksheet.Cell{{{text("I always fail")}, {text("Sad")}}, {{text("Nobody likes me")}, {text("Lonely")}}},
			},
			&worksheet.Scale{Pos: worksheet.Pos{Line: 22, Col: 1}, Min: 0, Max: 10, Label: "How strong was the feeling?"},
			&worksheet.Tracker{Pos: worksheet.Pos{Line: 24, Col: 1}, Rows: []string{"Mood", "Hours of sleep"}},
			&worksheet.CodeBlock{Pos: worksheet.Pos{Line: 26, Col: 1}, Text: "UTILIZE INTERVENTION MODALITY heterogeneously"},
			&worksheet.Crisis{Pos: worksheet.Pos{Line: 30, Col: 1}},
			&worksheet.Part{Pos: worksheet.Pos{Line: 32, Col: 1}, N: 1, Total: 1, Title: "Look back", Blocks: []worksheet.Block{
				&worksheet.Lines{Pos: worksheet.Pos{Line: 33, Col: 1}, Count: 3, Label: "What did you learn?"},
			}},
		},
	}
}

func enLocale(target float64) *i18n.Locale {
	return &i18n.Locale{Tag: language.English, Readability: i18n.Readability{Formula: "flesch-kincaid", Target: target}}
}

// codesAt lists the findings as "code@line".
func codesAt(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Code)+"@"+itoa(f.Line))
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestAnalyzeModel(t *testing.T) {
	r := Analyze(sample(), enLocale(6))
	assert.Equal(t, "sample/en.md", r.Path)
	assert.Equal(t, "flesch-kincaid", r.Formula)
	assert.Equal(t, GradeScale, r.Score.Scale)

	// Only prose counts: summary 7 + paragraph 10: 3+4+7, 13: 22 + items
	// 3+2. The title, heading, cells, scale, tracker, part title and lines
	// label are fragments: checked, but not counted.
	assert.Equal(t, 7+3+4+7+22+3+2, r.Words)
	assert.Equal(t, 1+3+1+2, r.Sentences)

	assert.Equal(t, []string{
		"all-caps@10",      // DO NOT
		"italics@10",       // *important*
		"passive-voice@11", // is filled, on the paragraph's second line
		"jargon@13",        // psychoeducation
		"jargon@13",        // cognitive distortion
		"long-sentence@13", // 22 words
	}, codesAt(filter(r.Findings, Italics, AllCaps, Passive, JargonTerm, LongSentence)))

	for _, f := range r.Findings {
		assert.NotEqual(t, NoCallToAction, f.Code, "numbered steps are a call to action")
		assert.NotEqual(t, NoSteps, f.Code)
		assert.NotContains(t, f.Message, "UTILIZE", "code blocks are not read")
		assert.NotContains(t, f.Message, "heterogeneously", "code blocks are not read")
	}
	assert.Equal(t, Warning, filter(r.Findings, Italics)[0].Severity)
}

// filter keeps the findings with one of the codes.
func filter(fs []Finding, codes ...Code) []Finding {
	var out []Finding
	for _, f := range fs {
		for _, c := range codes {
			if f.Code == c {
				out = append(out, f)
			}
		}
	}
	return out
}

func TestAnalyzeFrontMatterField(t *testing.T) {
	ws := &worksheet.Worksheet{Lang: language.English, Meta: worksheet.Meta{
		Title:   "Worry time",
		Summary: "A psychoeducation sheet.",
	}, Body: []worksheet.Block{para(5, text("Write one worry."))}}
	r := Analyze(ws, nil)
	j := filter(r.Findings, JargonTerm)
	require.Len(t, j, 1)
	assert.Equal(t, 0, j[0].Line)
	assert.Equal(t, "summary", j[0].Field)
	assert.Contains(t, j[0].Message, `"learning about"`)
}

func TestAnalyzeTarget(t *testing.T) {
	ws := &worksheet.Worksheet{Lang: language.English, Body: []worksheet.Block{
		para(1, text("Comprehensive psychological interventions necessitate considerable organizational commitment.")),
	}}
	r := Analyze(ws, enLocale(6))
	assert.False(t, r.MeetsTarget)
	assert.Equal(t, float64(6), r.Target)
	above := filter(r.Findings, AboveTarget)
	require.Len(t, above, 1)
	assert.Contains(t, above[0].Message, "above the target 6")

	easy := &worksheet.Worksheet{Lang: language.English, Body: []worksheet.Block{para(1, text("Take a walk. Then rest."))}}
	r = Analyze(easy, enLocale(6))
	assert.True(t, r.MeetsTarget)
	assert.Empty(t, filter(r.Findings, AboveTarget))
}

func TestAnalyzeNoCallToAction(t *testing.T) {
	ws := &worksheet.Worksheet{Lang: language.English, Body: []worksheet.Block{
		para(3, text("Anxiety is a normal feeling. Everyone has it sometimes.")),
	}}
	r := Analyze(ws, nil)
	assert.Equal(t, []string{"no-call-to-action@0", "no-steps@0"}, codesAt(filter(r.Findings, NoCallToAction, NoSteps)))

	ws.Body = append(ws.Body, para(5, text("Try a slow breath when you notice it.")))
	r = Analyze(ws, nil)
	assert.Equal(t, []string{"no-steps@0"}, codesAt(filter(r.Findings, NoCallToAction, NoSteps)), "an imperative sentence is a call to action")
}

func TestAnalyzeSpanish(t *testing.T) {
	ws := &worksheet.Worksheet{Lang: language.Spanish, Body: []worksheet.Block{
		&worksheet.Heading{Pos: worksheet.Pos{Line: 4, Col: 1}, Level: 2, Content: []worksheet.Inline{text("Qué hacer")}},
		para(6, text("Escríbelo cada día. La psicoeducación y la responsabilidad ayudan.")),
		&worksheet.Lines{Pos: worksheet.Pos{Line: 8}, Count: 2},
	}}
	loc := &i18n.Locale{Tag: language.MustParse("es-MX"), Readability: i18n.Readability{Formula: "szigriszt-pazos", Target: 65}}
	r := Analyze(ws, loc)
	assert.Equal(t, "szigriszt-pazos", r.Formula)
	assert.Equal(t, EaseScale, r.Score.Scale)
	assert.Equal(t, InfleszBand(r.Score.Value), r.Score.Band)
	assert.Equal(t, []string{"jargon@6", "long-word@6", "long-word@6"}, codesAt(filter(r.Findings, JargonTerm, LongWord, NoCallToAction, NoSteps, Passive)),
		"psicoeducación is jargon and long (14 letters), responsabilidad (6 syllables) is long, escríbelo is an instruction; Spanish has no passive check")
}

func TestAnalyzeNoFormula(t *testing.T) {
	ws := &worksheet.Worksheet{Lang: language.German, Body: []worksheet.Block{
		para(2, text("Schreiben Sie jeden Abend drei Dinge auf, die heute gut waren, auch wenn sie sehr klein sind und niemand sonst sie bemerkt hat.")),
	}}
	r := Analyze(ws, &i18n.Locale{Tag: language.German})
	assert.Empty(t, r.Formula)
	assert.True(t, r.MeetsTarget)
	assert.Zero(t, r.Score)
	assert.Equal(t, 23, r.Words)
	nf := filter(r.Findings, NoFormula)
	require.Len(t, nf, 1)
	assert.Equal(t, Info, nf[0].Severity)
	assert.Contains(t, nf[0].Message, "no grade formula applies")
	assert.Len(t, filter(r.Findings, LongSentence), 1, "the sentence checks still run")

	// A formula the language cannot feed, or one nobody registered, is a
	// warning.
	r = Analyze(ws, &i18n.Locale{Tag: language.German, Readability: i18n.Readability{Formula: "flesch-kincaid"}})
	require.Len(t, filter(r.Findings, NoFormula), 1)
	assert.Equal(t, Warning, filter(r.Findings, NoFormula)[0].Severity)
	r = Analyze(ws, &i18n.Locale{Tag: language.English, Readability: i18n.Readability{Formula: "gunning-fog"}})
	require.Len(t, filter(r.Findings, NoFormula), 1)
	assert.Contains(t, filter(r.Findings, NoFormula)[0].Message, "fernandez-huerta, flesch-kincaid, szigriszt-pazos")
}

// wienerFormula is a stand-in for a formula a new language brings.
type wienerFormula struct{}

func (wienerFormula) Name() string { return "test-formula" }
func (wienerFormula) Score(c Counts) Score {
	return Score{Value: float64(c.Syllables) / float64(c.Words), Scale: GradeScale, Band: "test"}
}

func TestRegistryPlugIn(t *testing.T) {
	reg := DefaultRegistry()
	reg.AddFormula(wienerFormula{})
	reg.AddLanguage(Language{
		Tag:       language.German,
		Formula:   "test-formula",
		Syllables: func(w string) int { return 2 },
		Jargon:    []Jargon{{Term: "Psychoedukation", Plain: "lernen über"}},
	})
	ws := &worksheet.Worksheet{Lang: language.German, Body: []worksheet.Block{para(1, text("Psychoedukation hilft."))}}
	r := Analyzer{Registry: reg}.Analyze(ws, nil)
	assert.Equal(t, "test-formula", r.Formula)
	assert.Equal(t, 2.0, r.Score.Value)
	assert.Equal(t, []string{"jargon@1"}, codesAt(filter(r.Findings, JargonTerm)))

	l, ok := reg.Language(language.MustParse("de-AT"))
	require.True(t, ok, "languages are found by base language")
	assert.Equal(t, "test-formula", l.Formula)
	_, ok = NewRegistry().Language(language.English)
	assert.False(t, ok)
	_, ok = DefaultRegistry().Language(language.German)
	assert.False(t, ok, "adding to one registry does not change another")
}

func TestAnalyzeMaxSentenceWords(t *testing.T) {
	ws := &worksheet.Worksheet{Lang: language.English, Body: []worksheet.Block{para(1, text("Write one small thing down."))}}
	assert.Empty(t, filter(Analyze(ws, nil).Findings, LongSentence))
	assert.Len(t, filter(Analyzer{MaxSentenceWords: 4}.Analyze(ws, nil).Findings, LongSentence), 1)
}

func TestAnalyzeNil(t *testing.T) {
	r := Analyze(nil, nil)
	assert.True(t, r.MeetsTarget)
	assert.Zero(t, r.Words)
}

func TestBuiltinData(t *testing.T) {
	b, err := loadBuiltin()
	require.NoError(t, err, "every embedded list parses")
	assert.NotEmpty(t, b.jargonEN)
	assert.NotEmpty(t, b.jargonES)
	assert.True(t, b.participles["written"])
	assert.True(t, b.adjectives["tired"])
	for w := range b.adjectives {
		assert.False(t, b.participles[w], "%q is in both passive lists", w)
	}
}

func TestPassive(t *testing.T) {
	b, err := loadBuiltin()
	require.NoError(t, err)
	tests := []struct {
		sentence string
		want     int
	}{
		{"the form is filled in", 3},
		{"it was not written down", 3},
		{"the plan was carefully made", 4},
		{"i was tired", -1},
		{"i am worried about it", -1},
		{"you are doing well", -1},
		{"write it down", -1},
		{"mistakes were made", 2},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, b.passive(splitFields(tc.sentence)), tc.sentence)
	}
}

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func TestReportCount(t *testing.T) {
	r := Report{Findings: []Finding{{Severity: Info}, {Severity: Warning}, {Severity: Warning}}}
	assert.Equal(t, 3, r.Count(Info))
	assert.Equal(t, 2, r.Count(Warning))
}

func TestAnalyzeTextLines(t *testing.T) {
	text := "First line of a paragraph\nthat goes on. DO NOT STOP.\n\n\nA new paragraph is MUCH BETTER here."
	r := Analyzer{}.AnalyzeText(language.English, text, nil)
	assert.Equal(t, 3, r.Sentences)
	assert.Equal(t, []string{"all-caps@2", "all-caps@5"}, codesAt(filter(r.Findings, AllCaps)))
}

func FuzzAnalyzeText(f *testing.F) {
	for _, s := range []string{"Write it down. DO NOT WAIT.", "¿Qué? ¡Escríbelo!\n\nOtra línea.", "e.g. 6.5 T.V. don't—won't", ""} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, english bool) {
		tag, formula := language.Spanish, "fernandez-huerta"
		if english {
			tag, formula = language.English, "flesch-kincaid"
		}
		loc := &i18n.Locale{Tag: tag, Readability: i18n.Readability{Formula: formula, Target: 6}}
		r := Analyzer{}.AnalyzeText(tag, text, loc)
		if r.Sentences > r.Words || (r.Words > 0) != (r.Sentences > 0) {
			t.Fatalf("%d words in %d sentences", r.Words, r.Sentences)
		}
		lines := 1 + strings.Count(text, "\n")
		for _, f := range r.Findings {
			if f.Line < 0 || f.Line > lines {
				t.Fatalf("finding on line %d of %d: %+v", f.Line, lines, f)
			}
		}
	})
}
