package worksheet_test

import (
	"bytes"
	"errors"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
)

// The -update flag rewrites golden files. Another test file of this test
// binary may define it first; it is defined here only if none has.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
	return true
}()

// updating reports whether golden files should be rewritten; it reads the
// flag at test time, whoever defined it.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// testLocale is a hand-made English locale: its Text returns message IDs.
func testLocale() *i18n.Locale {
	return &i18n.Locale{
		Tag:           language.MustParse("en-US"),
		Name:          "English",
		Dir:           i18n.LTR,
		FirstWeekday:  time.Sunday,
		Weekdays:      [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		WeekdaysShort: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		Crisis: []i18n.CrisisLine{{
			Name: "Example Crisis Line", Number: "000", How: "Call or text 000 <any time>.", Region: "Testland",
		}},
	}
}

// sample is a synthetic handout that uses every block and inline type.
func sample() *worksheet.Worksheet {
	t := func(s string) *worksheet.Text { return &worksheet.Text{Text: s} }
	para := func(ins ...worksheet.Inline) *worksheet.Paragraph { return &worksheet.Paragraph{Content: ins} }
	return &worksheet.Worksheet{
		Path: "sample/en.md",
		Lang: language.English,
		Meta: worksheet.Meta{
			ID: "sample", Title: "A <sample> handout", Summary: "Try each kind of field & see how it prints.",
			Kind: worksheet.KindWorksheet, Minutes: 10, Parts: 2, Frequency: "every day",
			Params: []worksheet.Param{{Name: "wake_time", Label: "Wake-up time", Example: "7:00"}},
		},
		Body: []worksheet.Block{
			&worksheet.Heading{Level: 3, Content: []worksheet.Inline{t("Before you start")}},
			para(t("Read this "), &worksheet.Emphasis{Content: []worksheet.Inline{t("slowly")}}, t(", and "),
				&worksheet.Emphasis{Strong: true, Content: []worksheet.Inline{t("breathe")}}, t("."),
				&worksheet.Break{}, t("See "), &worksheet.Link{URL: "https://example.org/a?b=1&c=2", Content: []worksheet.Inline{t("the guide")}},
				t(" or "), &worksheet.Link{URL: "javascript:alert(1)", Content: []worksheet.Inline{t("not a link")}},
				t(". Type "), &worksheet.Code{Text: "<b>"}, t(".")),
			para(t("I will get up at "), &worksheet.Slot{Name: "wake_time"}, t(" every day.")),
			para(t("Bedtime: "), &worksheet.Blank{Width: 10}, &worksheet.Break{Hard: true}, &worksheet.Blank{Width: 3}, t(" hours of sleep")),
			&worksheet.Part{N: 1, Total: 2, Title: "Notice", Blocks: []worksheet.Block{
				&worksheet.Heading{Level: 5, Content: []worksheet.Inline{t("What happened?")}},
				&worksheet.Lines{Count: 3},
				&worksheet.Lines{Count: 2, Label: "Where were you?"},
				&worksheet.Scale{Min: 0, Max: 10, Label: "How strong was the feeling?"},
				&worksheet.Scale{Min: 0, Max: 100, Label: "How much did I believe it, in percent?"},
				&worksheet.Tracker{Rows: []string{"Mood (0-10)", "Hours of sleep"}},
			}},
			&worksheet.Part{N: 2, Total: 2, Blocks: []worksheet.Block{
				&worksheet.List{Tight: true, Items: []*worksheet.ListItem{
					{Task: true, Blocks: []worksheet.Block{para(t("Put the phone away"))}},
					{Task: true, Checked: true, Blocks: []worksheet.Block{para(t("Dim the lights at "), &worksheet.Blank{Width: 5})}},
				}},
				&worksheet.List{Ordered: true, Start: 3, Items: []*worksheet.ListItem{
					{Blocks: []worksheet.Block{para(t("Third")), &worksheet.Quote{Blocks: []worksheet.Block{para(t("A tip"))}}}},
				}},
				&worksheet.Table{Align: []worksheet.Align{worksheet.AlignLeft, worksheet.AlignCenter},
					Header: []worksheet.Cell{{t("Day")}, {t("What I did")}},
					Rows:   [][]worksheet.Cell{{{t("Monday")}, {&worksheet.Blank{Width: 20}}}}},
				&worksheet.CodeBlock{Text: "if x < 1 {\n}\n"},
				&worksheet.Rule{},
				&worksheet.Crisis{},
			}},
		},
	}
}

func TestRenderHTMLGolden(t *testing.T) {
	tests := []struct {
		name string
		opts worksheet.HTMLOptions
	}{
		{"standard", worksheet.HTMLOptions{Locale: testLocale()}},
		{"large-print", worksheet.HTMLOptions{Variant: worksheet.LargePrint, Locale: testLocale()}},
		{"personalised", worksheet.HTMLOptions{Locale: testLocale(), Params: map[string]string{"wake_time": "6:30 <am>"}, IDPrefix: "p"}},
		{"no-locale", worksheet.HTMLOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, worksheet.RenderHTML(&buf, sample(), tt.opts))
			golden := filepath.Join("testdata", "html", tt.name+".html")
			if updating() {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "golden file missing; run go test -run TestRenderHTMLGolden -update")
			assert.Equal(t, string(want), buf.String(), "output differs from %s; run with -update if the change is intended", golden)
		})
	}
}

func TestRenderHTMLProperties(t *testing.T) {
	render := func(opts worksheet.HTMLOptions) string {
		var buf bytes.Buffer
		require.NoError(t, worksheet.RenderHTML(&buf, sample(), opts))
		return buf.String()
	}
	std := render(worksheet.HTMLOptions{Locale: testLocale()})
	large := render(worksheet.HTMLOptions{Variant: worksheet.LargePrint, Locale: testLocale()})

	t.Run("escaping", func(t *testing.T) {
		assert.Contains(t, std, "A &lt;sample&gt; handout")
		assert.Contains(t, std, "<code>&lt;b&gt;</code>")
		assert.Contains(t, std, `href="https://example.org/a?b=1&amp;c=2"`)
		assert.NotContains(t, std, "javascript:")
		assert.NotContains(t, std, "<sample>")
	})
	t.Run("large print has no italics", func(t *testing.T) {
		assert.Contains(t, std, "<em>slowly</em>")
		assert.NotContains(t, large, "<em>")
		assert.Contains(t, large, "<strong>slowly</strong>")
		assert.Contains(t, large, `class="handout handout-large-print"`)
	})
	t.Run("one h1 and no skipped levels", func(t *testing.T) {
		for _, out := range []string{std, large} {
			assert.Equal(t, 1, strings.Count(out, "<h1"))
			levels := headingLevels(out)
			for i := 1; i < len(levels); i++ {
				assert.LessOrEqual(t, levels[i], levels[i-1]+1, "heading levels %v skip", levels)
			}
		}
	})
	t.Run("every control is named", func(t *testing.T) {
		for _, tag := range strings.Split(std, "<input")[1:] {
			tag = tag[:strings.IndexByte(tag, '>')]
			if strings.Contains(tag, `type="radio"`) || strings.Contains(tag, `type="checkbox"`) && !strings.Contains(tag, "aria-label") {
				assert.Contains(t, std, `for="`+attr(tag, "id")+`"`)
				continue
			}
			assert.NotEmpty(t, attr(tag, "aria-label"), "input %s has no name", tag)
		}
		assert.Contains(t, std, `aria-label="Bedtime"`)
		assert.Contains(t, std, `aria-label="hours of sleep"`)
		assert.Contains(t, std, `aria-label="Wake-up time"`)
		assert.Contains(t, std, `aria-label="What happened?"`, "lines take the heading before them")
		assert.Contains(t, std, `aria-label="Monday, What I did"`)
		assert.Contains(t, std, `aria-label="Mood (0-10), Wednesday"`)
	})
	t.Run("no form posts anything", func(t *testing.T) {
		assert.NotContains(t, std, "<form")
		assert.NotContains(t, std, "<script")
	})
	t.Run("week order follows the locale", func(t *testing.T) {
		loc := testLocale()
		loc.FirstWeekday = time.Monday
		out := render(worksheet.HTMLOptions{Locale: loc})
		assert.Less(t, strings.Index(out, ">Monday<"), strings.Index(out, ">Sunday<"))
	})
}

func TestRenderHTMLErrors(t *testing.T) {
	require.Error(t, worksheet.RenderHTML(&bytes.Buffer{}, nil, worksheet.HTMLOptions{}))

	ws := &worksheet.Worksheet{Path: "x/en.md", Body: []worksheet.Block{nil}}
	var buf bytes.Buffer
	err := worksheet.RenderHTML(&buf, ws, worksheet.HTMLOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "x/en.md")
	assert.Zero(t, buf.Len(), "nothing is written on error")

	err = worksheet.RenderHTML(failWriter{}, sample(), worksheet.HTMLOptions{})
	require.ErrorIs(t, err, errWrite)
}

var errWrite = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

// headingLevels lists the levels of the <hN> tags in html, in order.
func headingLevels(html string) []int {
	var levels []int
	for i := 0; i+2 < len(html); i++ {
		if html[i] == '<' && html[i+1] == 'h' && html[i+2] >= '1' && html[i+2] <= '6' {
			levels = append(levels, int(html[i+2]-'0'))
		}
	}
	return levels
}

// attr returns the value of the attribute name in a tag's text.
func attr(tag, name string) string {
	i := strings.Index(tag, " "+name+`="`)
	if i < 0 {
		return ""
	}
	v := tag[i+len(name)+3:]
	return v[:strings.IndexByte(v, '"')]
}

func BenchmarkRenderHTML(b *testing.B) {
	ws := sample()
	for _, v := range worksheet.Variants() {
		b.Run(v.String(), func(b *testing.B) {
			opts := worksheet.HTMLOptions{Variant: v, Locale: testLocale()}
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := worksheet.RenderHTML(&buf, ws, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

// TestRenderHTMLBranding checks the clinic's footer: nothing for the zero
// Branding, the name and phone escaped, the logo only with a safe address.
func TestRenderHTMLBranding(t *testing.T) {
	var img bytes.Buffer
	require.NoError(t, png.Encode(&img, image.NewGray(image.Rect(0, 0, 4, 4))))
	logo, err := worksheet.NewLogo(img.Bytes())
	require.NoError(t, err)
	ws := &worksheet.Worksheet{Path: "b/en.md", Meta: worksheet.Meta{ID: "b", Title: "B"}}
	render := func(opts worksheet.HTMLOptions) string {
		var buf bytes.Buffer
		require.NoError(t, worksheet.RenderHTML(&buf, ws, opts))
		return buf.String()
	}
	assert.NotContains(t, render(worksheet.HTMLOptions{}), "handout-brand")
	got := render(worksheet.HTMLOptions{Branding: worksheet.Branding{Clinic: "Ríos & <Co>", Phone: "555 0100", Logo: logo}, LogoURL: "../../assets/logo.png"})
	assert.Contains(t, got, `<footer class="handout-brand"><img class="logo" src="../../assets/logo.png" alt=""><p><span class="clinic">Ríos &amp; &lt;Co&gt;</span> <span class="phone">555 0100</span></p></footer>`)
	got = render(worksheet.HTMLOptions{Branding: worksheet.Branding{Logo: logo}, LogoURL: "javascript:alert(1)"})
	assert.NotContains(t, got, "<img", "an unsafe address leaves the logo out")
	assert.NotContains(t, got, "handout-brand", "and with no name or phone, the footer")
}
