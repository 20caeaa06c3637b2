package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/internal/needtool"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/text/language"
)

// run runs a tool on a PDF written to a temporary file.
func run(t *testing.T, doc []byte, tool string, args ...string) string {
	t.Helper()
	needtool.Path(t, tool, "apt-get install poppler-utils qpdf mupdf-tools")
	f := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(f, doc, 0o644))
	for i, a := range args {
		if a == "FILE" {
			args[i] = f
		}
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	require.NoError(t, err, "%s %v: %s", tool, args, out)
	return string(out)
}

func render(t testing.TB, r *pdf.Renderer, ws *worksheet.Worksheet, opts pdf.RenderOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, r.Render(context.Background(), &buf, ws, opts))
	return buf.Bytes()
}

func newRenderer(t testing.TB) *pdf.Renderer {
	t.Helper()
	r, err := pdf.New(pdf.Options{})
	require.NoError(t, err)
	return r
}

// pages splits pdftotext output into pages.
func pages(text string) []string {
	p := strings.Split(text, "\f")
	if len(p) > 0 && strings.TrimSpace(p[len(p)-1]) == "" {
		p = p[:len(p)-1]
	}
	return p
}

// collapse joins the words of s with single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestRenderOpensCleanly(t *testing.T) {
	r := newRenderer(t)
	cases := []struct {
		name string
		ws   *worksheet.Worksheet
		opts pdf.RenderOptions
	}{
		{"standard", sleepHandout(), pdf.RenderOptions{Locale: testLocale()}},
		{"large print", sleepHandout(), pdf.RenderOptions{Locale: testLocale(), Variant: worksheet.LargePrint}},
		{"a4 spanish", sleepHandout(), pdf.RenderOptions{Locale: spanishLocale()}},
		{"dejavu", sleepHandout(), pdf.RenderOptions{Locale: func() *i18n.Locale { l := testLocale(); l.Font = "dejavu"; return l }()}},
		{"parts", partsHandout(), pdf.RenderOptions{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := render(t, r, c.ws, c.opts)
			out := run(t, doc, "qpdf", "--check", "FILE")
			assert.Contains(t, out, "No syntax or stream encoding errors")

			fonts := run(t, doc, "pdffonts", "FILE")
			lines := strings.Split(strings.TrimSpace(fonts), "\n")
			require.Greater(t, len(lines), 2, "pdffonts lists no fonts:\n%s", fonts)
			for _, l := range lines[2:] {
				f := strings.Fields(l)
				require.GreaterOrEqual(t, len(f), 5, l)
				assert.Equal(t, "yes", f[len(f)-5], "font not embedded: %s", l)
			}

			text := collapse(run(t, doc, "pdftotext", "FILE", "-"))
			assert.Contains(t, text, c.ws.Meta.Title)
			walk(c.ws.Body, func(b worksheet.Block) {
				switch b := b.(type) {
				case *worksheet.Heading:
					assert.Contains(t, text, plain(b.Content), "heading")
				case *worksheet.List:
					for _, it := range b.Items {
						if it.Task {
							assert.Contains(t, text, plain(it.Blocks[0].(*worksheet.Paragraph).Content), "checklist item")
						}
					}
				}
			})
		})
	}
}

// walk calls f for every block, depth first.
func walk(list []worksheet.Block, f func(worksheet.Block)) {
	for _, b := range list {
		f(b)
		switch b := b.(type) {
		case *worksheet.List:
			for _, it := range b.Items {
				walk(it.Blocks, f)
			}
		case *worksheet.Quote:
			walk(b.Blocks, f)
		case *worksheet.Part:
			walk(b.Blocks, f)
		}
	}
}

// plain is the text of inline content.
func plain(in []worksheet.Inline) string {
	var b strings.Builder
	for _, x := range in {
		switch x := x.(type) {
		case *worksheet.Text:
			b.WriteString(x.Text)
		case *worksheet.Emphasis:
			b.WriteString(plain(x.Content))
		case *worksheet.Link:
			b.WriteString(plain(x.Content))
		}
	}
	return collapse(b.String())
}

var sizeRE = regexp.MustCompile(`<font name="[^"]*" size="([0-9.]+)"`)

func TestLargePrintHasNoSmallText(t *testing.T) {
	r := newRenderer(t)
	for _, ws := range []*worksheet.Worksheet{sleepHandout(), partsHandout(), longHandout(3)} {
		doc := render(t, r, ws, pdf.RenderOptions{Locale: testLocale(), Variant: worksheet.LargePrint})
		stext := run(t, doc, "mutool", "draw", "-F", "stext", "-o", "-", "FILE")
		m := sizeRE.FindAllStringSubmatch(stext, -1)
		require.NotEmpty(t, m, "no text spans in mutool output")
		for _, s := range m {
			size, err := strconv.ParseFloat(s[1], 64)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, size, 18.0, "span of %s pt in large print (%s)", s[1], ws.Path)
		}
		assert.NotContains(t, stext, "italic", "large print uses no italics")
	}
}

func TestSplitGridsRepeatTheirHeader(t *testing.T) {
	r := newRenderer(t)
	rows := make([][]worksheet.Cell, 60)
	labels := make([]string, 60)
	for i := range rows {
		rows[i] = cells("Situation number "+strconv.Itoa(i), "A thought about it", "7")
		labels[i] = "Habit " + strconv.Itoa(i)
	}
	for _, c := range []struct {
		name   string
		block  worksheet.Block
		header []string
	}{
		{"table", &worksheet.Table{Header: cells("Situation", "Thought", "Rating"), Rows: rows}, []string{"Situation", "Thought", "Rating"}},
		{"tracker", &worksheet.Tracker{Rows: labels}, []string{"Sun", "Mon", "Sat"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := &worksheet.Worksheet{Path: "grid/en.md", Lang: language.English,
				Meta: worksheet.Meta{Title: "Grid"}, Body: []worksheet.Block{c.block}}
			doc := render(t, r, ws, pdf.RenderOptions{Locale: testLocale()})
			ps := pages(run(t, doc, "pdftotext", "FILE", "-"))
			require.Greater(t, len(ps), 1, "the grid should span pages")
			for i, p := range ps {
				for _, h := range c.header {
					assert.Contains(t, p, h, "page %d lacks header %q", i+1, h)
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	r := newRenderer(t)
	opts := pdf.RenderOptions{Locale: testLocale(), Params: map[string]string{"wake_time": "6:30"}}
	want := render(t, r, sleepHandout(), opts)
	// Concurrent renders share the parsed fonts and give the same bytes.
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := r.Render(context.Background(), &buf, sleepHandout(), opts); err == nil {
				got[i] = buf.Bytes()
			}
		})
	}
	wg.Wait()
	for i, g := range got {
		assert.True(t, bytes.Equal(want, g), "render %d differs", i)
	}
	// A fresh renderer gives the same bytes too.
	assert.True(t, bytes.Equal(want, render(t, newRenderer(t), sleepHandout(), opts)), "a fresh renderer gives other bytes")
	assert.False(t, bytes.Contains(want, []byte("/CreationDate")), "/CreationDate")
	assert.True(t, bytes.Contains(want, []byte("/Lang (en-US)")), "/Lang (en-US)")
}

func TestMetadata(t *testing.T) {
	r := newRenderer(t)
	ws := sleepHandout()
	ws.Lang = language.Spanish
	doc := render(t, r, ws, pdf.RenderOptions{Locale: spanishLocale()})
	info := run(t, doc, "pdfinfo", "FILE")
	assert.Regexp(t, `Title:\s+A Steady Sleep Routine`, info)
	assert.Regexp(t, `Subject:\s+Small daily steps`, info)
	assert.Regexp(t, `Creator:\s+Between`, info)
	assert.Regexp(t, `Page size:\s+595.28 x 841.89`, info)
	assert.True(t, bytes.Contains(doc, []byte("/Lang (es)")), "/Lang (es)")

	doc = render(t, r, sleepHandout(), pdf.RenderOptions{Locale: spanishLocale(), Paper: i18n.Letter})
	assert.Regexp(t, `Page size:\s+612 x 792`, run(t, doc, "pdfinfo", "FILE"))
}

func TestLinksAreClickable(t *testing.T) {
	doc := render(t, newRenderer(t), sleepHandout(), pdf.RenderOptions{})
	assert.True(t, bytes.Contains(doc, []byte("/URI (https://example.org/sleep)")), "/URI (https://example.org/sleep)")
}

func TestPersonalisedValue(t *testing.T) {
	r := newRenderer(t)
	doc := render(t, r, sleepHandout(), pdf.RenderOptions{Params: map[string]string{"wake_time": "6:45 AM"}})
	assert.Contains(t, collapse(run(t, doc, "pdftotext", "FILE", "-")), "I will get up at 6:45 AM every day")
	doc = render(t, r, sleepHandout(), pdf.RenderOptions{})
	assert.Regexp(t, `I will get up at _{5,} every day`, collapse(run(t, doc, "pdftotext", "FILE", "-")))
}

func TestPartsStartNewPages(t *testing.T) {
	r := newRenderer(t)
	doc := render(t, r, partsHandout(), pdf.RenderOptions{})
	ps := pages(run(t, doc, "pdftotext", "FILE", "-"))
	require.Len(t, ps, 3)
	for i, p := range ps {
		assert.Contains(t, p, "Part "+strconv.Itoa(i+1)+" of 3")
		assert.Contains(t, p, "Page "+strconv.Itoa(i+1)+" of 3")
	}
	doc = render(t, r, partsHandout(), pdf.RenderOptions{ContinuousParts: true})
	assert.Len(t, pages(run(t, doc, "pdftotext", "FILE", "-")), 1)
}

func TestMissingGlyph(t *testing.T) {
	r := newRenderer(t)
	ws := &worksheet.Worksheet{
		Path: "odd/vi.md", Lang: language.Vietnamese,
		Meta: worksheet.Meta{Title: "Thử"},
		Body: []worksheet.Block{para(txt("Tick ☐ and 月 here, đ"), em("ẩ 日"))},
	}
	var buf bytes.Buffer
	err := r.Render(context.Background(), &buf, ws, pdf.RenderOptions{Locale: &i18n.Locale{Tag: language.Vietnamese, Font: "andika"}})
	require.Error(t, err)
	assert.Zero(t, buf.Len(), "nothing is written for a refused handout")
	assert.ErrorIs(t, err, pdf.ErrMissingGlyph)
	var ge *pdf.GlyphError
	require.True(t, errors.As(err, &ge))
	msg := err.Error()
	for _, want := range []string{"odd/vi.md", "(vi)", `font "andika"`, `U+6708 '月' (regular)`, `U+65E5 '日' (italic)`} {
		assert.Contains(t, msg, want)
	}
	// Andika draws Vietnamese, and its fallback, DejaVu Sans, the ballot
	// box: neither is reported.
	for _, not := range []string{"U+2610", "U+1EA9", "U+1EED"} {
		assert.NotContains(t, msg, not)
	}
	// CheckGlyphs reports the same without rendering, for both variants:
	// large print draws the emphasis in bold.
	cerr := r.CheckGlyphs(ws, &i18n.Locale{Tag: language.Vietnamese, Font: "andika"})
	require.ErrorIs(t, cerr, pdf.ErrMissingGlyph)
	assert.Contains(t, cerr.Error(), `U+65E5 '日' (bold, italic)`)

	// DejaVu draws all but the Chinese character.
	err = r.Render(context.Background(), &buf, ws, pdf.RenderOptions{Locale: &i18n.Locale{Tag: language.Vietnamese, Font: "dejavu"}})
	require.ErrorIs(t, err, pdf.ErrMissingGlyph)
	assert.NotContains(t, err.Error(), "U+2610")
	assert.Contains(t, err.Error(), "U+6708")
}

func TestCheckGlyphsLocaleStrings(t *testing.T) {
	r := newRenderer(t)
	loc := testLocale()
	loc.Weekdays[1], loc.WeekdaysShort[1] = "月曜日", "月"
	loc.Crisis = append(loc.Crisis, i18n.CrisisLine{Name: "Línea \U00013000", Number: "024"})
	ws := &worksheet.Worksheet{Path: "w/en.md", Meta: worksheet.Meta{Title: "T"},
		Body: []worksheet.Block{&worksheet.Tracker{Rows: []string{"Sleep"}}, &worksheet.Crisis{}}}
	err := r.CheckGlyphs(ws, loc)
	require.ErrorIs(t, err, pdf.ErrMissingGlyph)
	assert.Contains(t, err.Error(), "U+6708 '月'")
	assert.Contains(t, err.Error(), "U+13000")
	assert.NoError(t, r.CheckGlyphs(sleepHandout(), testLocale()))
}

func TestBadInputNeverPanics(t *testing.T) {
	r := newRenderer(t)
	wide := make([]string, 10)
	for i := range wide {
		wide[i] = "Column " + strconv.Itoa(i) + " with a long heading"
	}
	long := strings.Repeat("Supercalifragilistic", 20)
	cases := []struct {
		name  string
		body  []worksheet.Block
		pages func(n int) bool
		text  string
	}{
		{"empty", nil, func(n int) bool { return n == 1 }, ""},
		{"table wider than the page", []worksheet.Block{&worksheet.Table{Header: cells(wide...), Rows: [][]worksheet.Cell{cells(wide...)}}},
			func(n int) bool { return n >= 1 }, "Column 9 with a long heading"},
		{"word longer than a line", []worksheet.Block{para(txt(long))}, func(n int) bool { return n == 1 }, "Supercalifragilistic"},
		{"forty pages", longHandout(20).Body, func(n int) bool { return n >= 40 }, "My week"},
		{"odd values", []worksheet.Block{
			&worksheet.Lines{Count: -3}, &worksheet.Scale{Min: 10, Max: 0}, &worksheet.Scale{Min: -50, Max: 50},
			&worksheet.Table{}, &worksheet.Tracker{}, &worksheet.List{}, &worksheet.Part{N: 2, Total: 1},
			&worksheet.Heading{Level: 9}, &worksheet.Quote{}, &worksheet.CodeBlock{Text: "\t\n\n" + long},
			para(&worksheet.Blank{Width: 5000}, &worksheet.Break{Hard: true}, &worksheet.Break{}, &worksheet.Slot{Name: "none"}),
			nil,
		}, func(n int) bool { return n >= 1 }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := &worksheet.Worksheet{Path: "bad/en.md", Body: c.body}
			for _, v := range worksheet.Variants() {
				doc := render(t, r, ws, pdf.RenderOptions{Variant: v})
				text := run(t, doc, "pdftotext", "FILE", "-")
				assert.True(t, c.pages(len(pages(text))), "%s: %d pages", v, len(pages(text)))
				if v == worksheet.Standard {
					assert.Contains(t, collapse(text), c.text)
				}
				run(t, doc, "qpdf", "--check", "FILE")
			}
		})
	}
}

func TestLongWordIsBrokenNotCut(t *testing.T) {
	word := strings.Repeat("abcdefghij", 30)
	ws := &worksheet.Worksheet{Path: "w/en.md", Body: []worksheet.Block{para(txt(word))}}
	doc := render(t, newRenderer(t), ws, pdf.RenderOptions{})
	text := run(t, doc, "pdftotext", "FILE", "-")
	assert.Equal(t, word, strings.Join(strings.Fields(strings.Split(text, "Page 1 of 1")[0]), ""))
}

func TestErrors(t *testing.T) {
	r := newRenderer(t)
	var buf bytes.Buffer
	ctx := context.Background()
	assert.ErrorContains(t, r.Render(ctx, &buf, nil, pdf.RenderOptions{}), "nil worksheet")
	assert.ErrorContains(t, r.Render(ctx, &buf, sleepHandout(), pdf.RenderOptions{Locale: &i18n.Locale{Font: "comic"}}), `unknown font "comic" (have andika, dejavu)`)
	// A font set in a locale file is blamed on that file, not on the template.
	err := r.Render(ctx, &buf, sleepHandout(), pdf.RenderOptions{Locale: &i18n.Locale{Tag: language.Spanish, Font: "comic", FontAt: diag.Position{Path: "locales/es.toml", Line: 10}}})
	var de *diag.Error
	require.ErrorAs(t, err, &de)
	assert.Equal(t, diag.Position{Path: "locales/es.toml", Line: 10}, de.Pos())
	assert.EqualError(t, err, `pdf: locales/es.toml:10: the font of locale es: unknown font "comic" (have andika, dejavu)`)
	assert.ErrorContains(t, r.Render(ctx, &buf, sleepHandout(), pdf.RenderOptions{Paper: "legal"}), `unknown paper size "legal"`)
	assert.ErrorContains(t, r.Render(ctx, &buf, sleepHandout(), pdf.RenderOptions{Variant: 7}), "unknown variant")
	huge := &worksheet.Worksheet{Path: "s/en.md", Body: []worksheet.Block{&worksheet.Scale{Pos: worksheet.Pos{Line: 4, Col: 1}, Min: 0, Max: 1000}}}
	assert.EqualError(t, r.Render(ctx, &buf, huge, pdf.RenderOptions{}), "pdf: s/en.md:4:1: scale from 0 to 1000 has more than 101 marks")
	assert.ErrorContains(t, r.Render(ctx, &buf, sleepHandout(), pdf.RenderOptions{Locale: &i18n.Locale{Tag: language.Arabic, Dir: i18n.RTL}}), "right-to-left")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	assert.ErrorIs(t, r.Render(cancelled, &buf, sleepHandout(), pdf.RenderOptions{}), context.Canceled)
	assert.Zero(t, buf.Len())

	_, err = pdf.New(pdf.Options{Fonts: map[string]pdf.FontFamily{"broken": {Regular: []byte("not a font")}}})
	assert.ErrorContains(t, err, `pdf: font "broken" regular face`)
	_, err = pdf.New(pdf.Options{Fonts: map[string]pdf.FontFamily{"empty": {}}})
	assert.ErrorContains(t, err, "no regular face")
}

func TestUserFont(t *testing.T) {
	r, err := pdf.New(pdf.Options{Fonts: map[string]pdf.FontFamily{"clinic": {Regular: gomono.TTF}}})
	require.NoError(t, err)
	assert.Equal(t, []string{"andika", "clinic", "dejavu"}, r.Fonts())
	loc := testLocale()
	loc.Font = "clinic"
	doc := render(t, r, sleepHandout(), pdf.RenderOptions{Locale: loc})
	assert.Contains(t, run(t, doc, "pdffonts", "FILE"), "clinic+regular")
}

func TestMarkdownAndCatalog(t *testing.T) {
	src, err := os.ReadFile("testdata/coping-plan.md")
	require.NoError(t, err)
	ws, err := worksheet.NewParser().Parse("coping-plan/en.md", src)
	require.NoError(t, err)
	cat, err := i18n.Default()
	require.NoError(t, err)
	r := newRenderer(t)
	for _, tag := range []language.Tag{language.AmericanEnglish, language.Spanish} {
		loc, err := cat.Locale(tag)
		require.NoError(t, err)
		require.NoError(t, r.CheckGlyphs(ws, loc))
		for _, v := range worksheet.Variants() {
			doc := render(t, r, ws, pdf.RenderOptions{Locale: loc, Variant: v, Params: map[string]string{"support_person": "Ana"}})
			text := collapse(run(t, doc, "pdftotext", "FILE", "-"))
			for _, want := range []string{"My Coping Plan", "Warning signs", "My sleep changes", "I stop answering messages",
				"Call Ana.", "What I can do", "Take a short walk", loc.Crisis[0].Name} {
				assert.Contains(t, text, want, "%s %s", tag, v)
			}
			assert.Contains(t, text, loc.Text("PartOf", map[string]any{"N": 2, "Total": 2}))
			n := len(pages(run(t, doc, "pdftotext", "FILE", "-")))
			assert.Contains(t, text, loc.Text("PageOf", map[string]any{"Page": n, "Pages": n}))
			assert.Contains(t, text, loc.WeekdaysShort[loc.FirstWeekday])
		}
	}
}

func TestZeroRendererAndDate(t *testing.T) {
	var zero pdf.Renderer
	doc := render(t, &zero, sleepHandout(), pdf.RenderOptions{})
	assert.True(t, bytes.Equal(doc, render(t, newRenderer(t), sleepHandout(), pdf.RenderOptions{})), "the zero Renderer is New(Options{})")

	date := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r, err := pdf.New(pdf.Options{CreationDate: date})
	require.NoError(t, err)
	doc = render(t, r, sleepHandout(), pdf.RenderOptions{})
	assert.True(t, bytes.Contains(doc, []byte("/CreationDate(D:20260102030405+00'00')")), "/CreationDate(D:20260102030405+00'00')")
	assert.True(t, bytes.Equal(doc, render(t, r, sleepHandout(), pdf.RenderOptions{})), "a set date is reproducible too")
}

// TestFallbackFont checks that a character Andika lacks is drawn with
// DejaVu Sans, the rest with Andika, and that the text reads back whole.
func TestFallbackFont(t *testing.T) {
	r := newRenderer(t)
	ws := &worksheet.Worksheet{Path: "f/en.md", Meta: worksheet.Meta{Title: "Checks"},
		Body: []worksheet.Block{para(txt("Done ☐ Not yet ☐ today"))}}
	doc := render(t, r, ws, pdf.RenderOptions{Locale: testLocale()})
	fonts := run(t, doc, "pdffonts", "FILE")
	assert.Contains(t, fonts, "andika+regular")
	assert.Contains(t, fonts, "dejavu+regular")
	assert.NotContains(t, fonts, "dejavu+bold", "only the faces drawn with are embedded")
	assert.Contains(t, run(t, doc, "pdftotext", "FILE", "-"), "Done ☐ Not yet ☐ today")
	// Without the character, the fallback is not embedded at all.
	ws.Body = []worksheet.Block{para(txt("Done, not yet"))}
	assert.NotContains(t, run(t, render(t, r, ws, pdf.RenderOptions{Locale: testLocale()}), "pdffonts", "FILE"), "dejavu")
}
