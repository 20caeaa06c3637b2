package i18n_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// withExtra returns the default catalog with testdata/extra (Polish and
// Portuguese) laid over it.
func withExtra(t *testing.T) *i18n.Catalog {
	t.Helper()
	def, err := i18n.Default()
	require.NoError(t, err)
	extra, err := i18n.Load(os.DirFS("testdata/extra"))
	require.NoError(t, err)
	c, err := def.Overlay(extra)
	require.NoError(t, err)
	require.NoError(t, c.Validate())
	return c
}

func TestDefaultComplete(t *testing.T) {
	c, err := i18n.Default()
	require.NoError(t, err)
	assert.Equal(t, []language.Tag{language.English, language.AmericanEnglish, language.Spanish,
		language.MustParse("es-ES"), language.MustParse("es-MX"), language.MustParse("es-US")}, c.Tags())
	st, err := c.Status(nil)
	require.NoError(t, err)
	for _, s := range st {
		assert.Empty(t, s.Messages.Missing, "%s: missing UI strings", s.Lang)
		assert.Empty(t, s.Messages.Stale, "%s: stale UI strings", s.Lang)
		assert.Equal(t, s.Messages.Total, s.Messages.Translated, s.Lang)
	}
	assert.Empty(t, c.Check(i18n.CheckOptions{}), "every message runs in every language")
	assert.Empty(t, c.Fallbacks(), "Check records no fallbacks")
}

func TestLocaleFacts(t *testing.T) {
	c, err := i18n.Default()
	require.NoError(t, err)
	tests := []struct {
		tag      string
		paper    i18n.PaperSize
		first    time.Weekday
		formula  string
		crisis   string
		monday   string
		clock    i18n.Clock
		dateSeen string
	}{
		{"en-US", i18n.Letter, time.Sunday, "flesch-kincaid", "988", "Monday", i18n.Clock12, "03/09/2026"},
		{"en", i18n.A4, time.Monday, "flesch-kincaid", "", "Monday", i18n.Clock24, "09/03/2026"},
		{"es", i18n.A4, time.Monday, "szigriszt-pazos", "", "Lunes", i18n.Clock24, "09/03/2026"},
		{"es-ES", i18n.A4, time.Monday, "szigriszt-pazos", "024", "Lunes", i18n.Clock24, "09/03/2026"},
		{"es-MX", i18n.Letter, time.Sunday, "szigriszt-pazos", "800 911 2000", "Lunes", i18n.Clock24, "09/03/2026"},
		{"es-US", i18n.Letter, time.Sunday, "szigriszt-pazos", "988", "Lunes", i18n.Clock12, "03/09/2026"},
	}
	day := time.Date(2026, 3, 9, 18, 5, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			l, err := c.Locale(language.MustParse(tt.tag))
			require.NoError(t, err)
			assert.Equal(t, tt.paper, l.Paper)
			assert.Equal(t, tt.first, l.FirstWeekday)
			assert.Equal(t, tt.formula, l.Readability.Formula)
			assert.Equal(t, "andika", l.Font)
			assert.Equal(t, i18n.LTR, l.Dir)
			assert.Equal(t, tt.monday, l.Weekdays[time.Monday])
			assert.Equal(t, tt.clock, l.Clock)
			assert.Equal(t, tt.dateSeen, l.FormatDate(day))
			require.NotEmpty(t, l.Crisis)
			assert.Equal(t, tt.crisis, l.Crisis[0].Number)
			for _, cl := range l.Crisis {
				assert.True(t, cl.CheckLocally, "shipped crisis line %q must be marked for local checking", cl.Name)
				assert.NotEmpty(t, cl.Source)
			}
			assert.Equal(t, tt.first, l.WeekOrder()[0])
		})
	}
	l, err := c.Locale(language.AmericanEnglish)
	require.NoError(t, err)
	assert.Equal(t, "6:05 PM", l.FormatTime(day))
	l, err = c.Locale(language.Spanish)
	require.NoError(t, err)
	assert.Equal(t, "18:05", l.FormatTime(day))
}

func TestTagMatching(t *testing.T) {
	c := withExtra(t)
	tests := []struct{ ask, want string }{
		{"es", "es"},
		{"es-MX", "es-MX"},
		{"es-419", "es"},
		{"es-AR", "es"}, // never es-MX: its crisis lines are Mexico's
		{"es-u-co-trad", "es"},
		{"en", "en"},
		{"en-US", "en-US"},
		{"en-GB", "en"},
		{"pt-BR", "pt"},
		{"pt-PT", "pt"},
		{"pl-PL", "pl"},
	}
	for _, tt := range tests {
		t.Run(tt.ask, func(t *testing.T) {
			l, err := c.Locale(language.MustParse(tt.ask))
			require.NoError(t, err)
			assert.Equal(t, tt.want, l.Tag.String())
		})
	}
	_, err := c.Locale(language.French)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"fr"`)

	l, err := c.Locale(language.MustParse("pt-BR"))
	require.NoError(t, err)
	assert.Equal(t, "Dia", l.Text("Day", nil))
}

func TestFallbackAndStrict(t *testing.T) {
	c := withExtra(t)
	pt, err := c.Locale(language.Portuguese)
	require.NoError(t, err)
	es, err := c.Locale(language.Spanish)
	require.NoError(t, err)

	require.NoError(t, c.CheckFallbacks())
	assert.Equal(t, "Parte 2 de 3", pt.Text("PartOf", map[string]any{"N": 2, "Total": 3}))
	assert.Equal(t, "Print", pt.Text("Print", nil), "missing in pt: English")
	assert.Equal(t, "Imprimir", es.Text("Print", nil))
	assert.Equal(t, "Unknown", es.Text("Unknown", nil), "unknown everywhere: the ID")

	fb := c.Fallbacks()
	require.Len(t, fb, 2)
	assert.Equal(t, i18n.Fallback{Lang: language.Spanish, ID: "Unknown", Reason: fb[0].Reason}, fb[0])
	assert.Contains(t, fb[0].Reason, "no English text")
	assert.Equal(t, i18n.Fallback{Lang: language.Portuguese, ID: "Print", Reason: "missing"}, fb[1])

	err = c.CheckFallbacks()
	var fe *i18n.FallbackError
	require.ErrorAs(t, err, &fe)
	assert.Len(t, fe.Fallbacks, 2)
	assert.Contains(t, err.Error(), "pt: Print (missing)")

	fresh := withExtra(t)
	assert.Empty(t, fresh.Fallbacks(), "each catalog keeps its own record")
}

func TestBrokenTranslationFallsBack(t *testing.T) {
	def, err := i18n.Default()
	require.NoError(t, err)
	// A translator renamed the field: it parses, but cannot run.
	top, err := i18n.Load(fstest.MapFS{"active.es.toml": {Data: []byte("PartOf = \"Parte {{.Numero}} de {{.Total}}\"\n")}})
	require.NoError(t, err)
	c, err := def.Overlay(top)
	require.NoError(t, err)
	es, err := c.Locale(language.Spanish)
	require.NoError(t, err)
	assert.Equal(t, "Part 1 of 2", es.Text("PartOf", map[string]any{"N": 1, "Total": 2}))
	fb := c.Fallbacks()
	require.Len(t, fb, 1)
	assert.Contains(t, fb[0].Reason, "Numero")

	problems := c.Check(i18n.CheckOptions{})
	require.NotEmpty(t, problems)
	assert.Equal(t, "PartOf", problems[0].ID)
	assert.Equal(t, "active.es.toml", problems[0].Path)
	assert.Equal(t, 1, problems[0].Line)
}

func TestPluralPolish(t *testing.T) {
	c := withExtra(t)
	pl, err := c.Locale(language.Polish)
	require.NoError(t, err)
	tests := []struct {
		count any
		want  string
	}{
		{1, "1 minuta"},
		{2, "2 minuty"},
		{4, "4 minuty"},
		{5, "5 minut"},
		{12, "12 minut"},
		{22, "22 minuty"},
		{25, "25 minut"},
		{"1.5", "1.5 minuty"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.count), func(t *testing.T) {
			assert.Equal(t, tt.want, pl.Text("Minutes", map[string]any{"Count": tt.count}))
		})
	}
	es, err := c.Locale(language.Spanish)
	require.NoError(t, err)
	assert.Equal(t, "1 minuto", es.Text("Minutes", map[string]any{"Count": 1}))
	assert.Equal(t, "10 minutos", es.Text("Minutes", map[string]any{"Count": 10}))
	assert.Equal(t, "1000000 de minutos", es.Text("Minutes", map[string]any{"Count": 1000000}))
	assert.Empty(t, c.Fallbacks())
}

func TestConcurrentText(t *testing.T) {
	c := withExtra(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			tag := []language.Tag{language.Spanish, language.Portuguese, language.Polish, language.AmericanEnglish}[i%4]
			l, err := c.Locale(tag)
			if !assert.NoError(t, err) {
				return
			}
			for j := range 50 {
				_ = l.Text("Minutes", map[string]any{"Count": j})
				_ = l.Text("Print", nil)
				_ = c.Fallbacks()
			}
		})
	}
	wg.Wait()
	assert.Len(t, c.Fallbacks(), 3, "pl lacks Print; pt lacks Print and Minutes")
}

func TestBadInput(t *testing.T) {
	facts, err := os.ReadFile("testdata/extra/pl.toml")
	require.NoError(t, err)
	tests := []struct {
		name string
		file string
		data string
		want string // the whole error
	}{
		{"malformed message file", "active.es.toml", "Day = \"Día\"\nPrint = \"Imprimir\n",
			`i18n: active.es.toml:2:18: strings cannot contain newlines`},
		{"broken message template", "active.es.toml", "Day = \"Día\"\n\n[Minutes]\none = \"{{.Count} minuto\"\nother = \"{{.Count}} minutos\"\n",
			`i18n: active.es.toml:4: message "Minutes" (one): broken template: 1: bad character U+007D '}'`},
		{"locale file with unknown key", "pl.toml", string(facts) + "\n[weekdays_long]\nmonday = \"x\"\n",
			`i18n: pl.toml:37: unknown key "weekdays_long"`},
		{"unknown key inside a crisis line", "pl.toml", string(facts) + "phone = \"1\"\n",
			`i18n: pl.toml:36: unknown key "crisis.phone"`},
		{"bad paper", "pl.toml", "paper = \"a5\"\n",
			`i18n: pl.toml:1:10: paper "a5" is not "letter" or "a4"`},
		{"bad date", "pl.toml", "[[crisis]]\nverified = \"2026-13-01\"\n",
			`i18n: pl.toml:2:13: verified "2026-13-01" is not a date written YYYY-MM-DD`},
		{"wrong type", "pl.toml", "name = 3\n",
			`i18n: pl.toml:1: name: incompatible types: TOML value has type int64; destination has type string`},
		{"message file tag not BCP 47", "active.pt_BR.toml", "Day = \"Dia\"\n",
			`i18n: active.pt_BR.toml: file name: "pt_BR" is not a BCP 47 language tag: use a hyphen, as in "pt-BR"`},
		{"locale file tag not BCP 47", "english.toml", "name = \"x\"\n",
			`i18n: english.toml: file name: "english" is not a BCP 47 language tag (write it like "es", "es-MX" or "pt-BR") (locale data files are named <language tag>.toml)`},
		{"language without plural rules", "active.tlh.toml", "Day = \"jaj\"\n",
			`i18n: active.tlh.toml: no plural rule registered for tlh (is tlh a language with CLDR plural rules?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := i18n.Load(fstest.MapFS{tt.file: {Data: []byte(tt.data)}})
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			var fe *i18n.FileError
			assert.True(t, errors.As(err, &fe), "a *FileError")
		})
	}
}

func TestIncompleteLocale(t *testing.T) {
	def, err := i18n.Default()
	require.NoError(t, err)
	top, err := i18n.Load(fstest.MapFS{
		"fr.toml":        {Data: []byte("name = \"Français\"\n\n[weekdays]\nmonday = \"\"\n")},
		"active.de.toml": {Data: []byte("Day = \"Tag\"\n")},
	})
	require.NoError(t, err, "files are checked one by one when read")
	c, err := def.Overlay(top)
	require.NoError(t, err)
	err = c.Validate()
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, "i18n: fr.toml:4: weekdays.monday is empty (locale fr)")
	assert.Contains(t, msg, "i18n: fr.toml: direction is missing (locale fr)")
	assert.Contains(t, msg, "i18n: fr.toml: crisis is missing (locale fr)")
	assert.Contains(t, msg, "i18n: active.de.toml: no locale data file for de: add de.toml")
}

func TestOverlayKeyByKey(t *testing.T) {
	def, err := i18n.Default()
	require.NoError(t, err)
	clinic := "[[crisis]]\nname = \"Clinic on-call line\"\nnumber = \"555 0100\"\nhow = \"Call us any time.\"\nregion = \"Springfield\"\nsource = \"https://example.org/\"\nverified = \"2026-10-01\"\ncheck_locally = false\n"
	top, err := i18n.Load(fstest.MapFS{"en-US.toml": {Data: []byte(clinic)}, "active.en.toml": {Data: []byte("Print = \"Print this\"\n")}})
	require.NoError(t, err)
	c, err := def.Overlay(top)
	require.NoError(t, err)
	require.NoError(t, c.Validate())
	l, err := c.Locale(language.AmericanEnglish)
	require.NoError(t, err)
	assert.Equal(t, i18n.Letter, l.Paper, "kept from the default file")
	require.Len(t, l.Crisis, 1)
	assert.Equal(t, i18n.CrisisLine{Name: "Clinic on-call line", Number: "555 0100", How: "Call us any time.", Region: "Springfield",
		Source: "https://example.org/", Verified: "2026-10-01"}, l.Crisis[0])
	assert.Equal(t, "Print this", l.Text("Print", nil))

	st, err := c.Status(nil)
	require.NoError(t, err)
	for _, s := range st {
		if s.Lang == language.Spanish {
			assert.Equal(t, []string{"Print"}, s.Messages.Stale, "the English changed under the Spanish")
		}
	}
}

func TestCheckFindsMissingPluralForm(t *testing.T) {
	c := withExtra(t)
	top, err := i18n.Load(fstest.MapFS{"active.pl.toml": {Data: []byte("[Minutes]\none = \"{{.Count}} minuta\"\nother = \"{{.Count}} minuty\"\n")}})
	require.NoError(t, err)
	c, err = c.Overlay(top)
	require.NoError(t, err)
	var got []string
	for _, p := range c.Check(i18n.CheckOptions{}) {
		if p.Lang == language.Polish && p.ID == "Minutes" {
			got = append(got, p.String())
		}
	}
	assert.Equal(t, []string{
		`pl: active.pl.toml:1: Minutes: message "Minutes" has no plural form "many"`,
		`pl: active.pl.toml:1: Minutes: message "Minutes" has no plural form "few"`,
	}, got)
}

func TestCheckGlyphHook(t *testing.T) {
	c, err := i18n.Default()
	require.NoError(t, err)
	// The translation has a letter no UI string uses, "ẑ".
	es := strings.Replace(translation(templates.SourceHash([]byte(english))), "diez", "dieẑ", 1)
	lib := layer(t, fstest.MapFS{"walk/en.md": {Data: []byte(english)}, "walk/es.md": {Data: []byte(es)}})
	// A pretend font that cannot draw "ñ" or "ẑ".
	glyphs := func(font, text string) []rune {
		var out []rune
		for _, r := range "ñẑ" {
			if strings.ContainsRune(text, r) {
				out = append(out, r)
			}
		}
		return out
	}
	var got []string
	for _, p := range c.Check(i18n.CheckOptions{Templates: lib, Glyphs: glyphs}) {
		if p.Lang == language.Spanish {
			got = append(got, p.String())
		}
	}
	assert.Equal(t, []string{
		`es: font "andika" cannot draw 'ñ' (U+00F1) in the UI strings`,
		`es: walk/es.md: font "andika" cannot draw 'ẑ' (U+1E91)`,
	}, got)
}

func TestEmptyTranslationIsMissing(t *testing.T) {
	c := withExtra(t)
	top, err := i18n.Load(fstest.MapFS{"active.pt.toml": {Data: []byte("Day = \"\"\n")}})
	require.NoError(t, err)
	c, err = c.Overlay(top)
	require.NoError(t, err)
	pt, err := c.Locale(language.Portuguese)
	require.NoError(t, err)
	assert.Equal(t, "Dia", pt.Text("Day", nil), "an empty message does not hide the earlier translation")

	_, err = i18n.Load(fstest.MapFS{"active.en.toml": {Data: []byte("Day = \"Day\"\nPrint = \"\"\n")}})
	require.Error(t, err)
	assert.Equal(t, `i18n: active.en.toml:2: message "Print" has no "other" text`, err.Error())
}

// A locale knows where its font was set, so that a renderer without that
// font names the locale file and line, not a template; a regional locale
// that inherits the font points at its parent's file.
func TestFontAt(t *testing.T) {
	cat, err := i18n.Default()
	require.NoError(t, err)
	for _, tc := range []struct{ tag, file string }{{"es", "es.toml"}, {"es-MX", "es.toml"}, {"en-US", "en.toml"}} {
		l, err := cat.Locale(language.MustParse(tc.tag))
		require.NoError(t, err)
		assert.True(t, strings.HasSuffix(l.FontAt.Path, tc.file), "%s: %s", tc.tag, l.FontAt.Path)
		assert.Positive(t, l.FontAt.Line, tc.tag)
	}
}

// TestNoLocaleIsEnglish checks the one English fallback: a nil or zero
// Locale gives the embedded English text, as every renderer prints it.
func TestNoLocaleIsEnglish(t *testing.T) {
	c, err := i18n.Default()
	require.NoError(t, err)
	en, err := c.Locale(language.English)
	require.NoError(t, err)
	for _, l := range []*i18n.Locale{nil, {}} {
		assert.Equal(t, en.Text("WriteHere", nil), l.Text("WriteHere", nil))
		assert.Equal(t, "Part 1 of 2", l.Text("PartOf", map[string]any{"N": 1, "Total": 2}))
		assert.Equal(t, "3 minutes", l.Text("Minutes", map[string]any{"Count": 3}))
		assert.Equal(t, "NoSuchMessage", l.Text("NoSuchMessage", nil), "an ID with no English text comes back as itself")
	}
}
