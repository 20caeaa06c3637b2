package handout_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	stdhtml "html"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/handout"
)

// clinicFS is a synthetic clinic folder: a handout only in English with a
// param and clinician notes, and a replacement for one library id.
var clinicFS = fstest.MapFS{
	"walk-plan/en.md": {Data: []byte(`---
id: walk-plan
title: My Walking Plan
summary: A short walk at the same time each day.
kind: plan
params:
  - name: walk_time
    label: Walk time
clinician:
  rationale: SYNTHETIC-RATIONALE-DO-NOT-SHOW
license: CC BY 4.0
---

I will walk at {{walk_time}} each day.

::: tracker Minutes walked

::: crisis
`)},
	"sleep-routine/en.md": {Data: []byte(`---
id: sleep-routine
title: Clinic Sleep Plan
summary: Our own sleep plan.
kind: plan
---

Wake up at the same time.
`)},
}

// document mirrors handout.Document for decoding: the body's blocks are
// interfaces in Go, so a client decodes them by their "type" field.
type document struct {
	handout.Document
	Worksheet struct {
		Lang string          `json:"lang"`
		Meta json.RawMessage `json:"meta"`
		Body []json.RawMessage
	} `json:"worksheet"`
}

func newRenderer(t testing.TB, opts handout.Options) *handout.Renderer {
	t.Helper()
	r, err := handout.New(opts)
	require.NoError(t, err)
	return r
}

// shared is one Renderer for the embedded library, as a portal keeps one.
var shared = sync.OnceValues(func() (*handout.Renderer, error) { return handout.New(handout.Options{}) })

func sharedRenderer(t testing.TB) *handout.Renderer {
	t.Helper()
	r, err := shared()
	require.NoError(t, err)
	return r
}

func TestFormatText(t *testing.T) {
	tests := []struct {
		in   string
		want handout.Format
		err  bool
	}{
		{in: "html", want: handout.HTML},
		{in: "PDF", want: handout.PDF},
		{in: "json", want: handout.JSON},
		{in: "docx", err: true},
		{in: "", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var f handout.Format
			err := f.UnmarshalText([]byte(tt.in))
			if tt.err {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "want html, pdf or json")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, f)
			b, err := f.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, strings.ToLower(tt.in), string(b))
		})
	}
	_, err := handout.Format(9).MarshalText()
	assert.Error(t, err, "an unknown format must not marshal")
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name string
		want handout.Format
		ok   bool
	}{
		{"out.pdf", handout.PDF, true},
		{"dir.x/out.HTML", handout.HTML, true},
		{"a.htm", handout.HTML, true},
		{"model.json", handout.JSON, true},
		{"notes.txt", handout.HTML, false},
		{"dir.pdf/out", handout.HTML, false},
		{"-", handout.HTML, false},
	}
	for _, tt := range tests {
		f, ok := handout.FormatOf(tt.name)
		assert.Equal(t, tt.ok, ok, tt.name)
		assert.Equal(t, tt.want, f, tt.name)
	}
}

func TestRenderEveryFormat(t *testing.T) {
	r := sharedRenderer(t)
	ctx := context.Background()
	params := map[string]string{"wake_time": "6:15 <b>"}
	for _, lang := range []string{"en", "es-419", "es-MX"} {
		for _, v := range worksheet.Variants() {
			t.Run(lang+"/"+v.String(), func(t *testing.T) {
				req := handout.Request{ID: "sleep-routine", Lang: language.MustParse(lang), Variant: v, Params: params}

				var html bytes.Buffer
				req.Format = handout.HTML
				require.NoError(t, r.Render(ctx, &html, req))
				page := html.String()
				assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>"), "a complete page")
				assert.Contains(t, page, `<html lang="`+lang+`" dir="ltr">`)
				assert.Contains(t, page, "<style>")
				assert.Contains(t, page, "6:15 &lt;b&gt;", "the value is printed, escaped")
				assert.NotContains(t, page, "<link", "nothing is loaded from outside the page")
				assert.Equal(t, 1, strings.Count(page, "<script"), "one script: the handout's own, inline")
				assert.True(t, strings.Contains(page, "<script>"+worksheet.HTMLScript()+"</script>"), "the script is inline, unchanged")
				assert.True(t, strings.Contains(stdhtml.UnescapeString(page), "script-src "+worksheet.HTMLScriptHash()+";"), "the policy allows that script only")
				assert.Contains(t, page, `class="answer-tools" hidden`, "Print, Save and Open wait for the script")
				assert.NotContains(t, page, `class="note"`, "no fallback note for a translated handout")
				assert.Equal(t, v == worksheet.LargePrint, strings.Contains(page, `<body class="large-print">`))

				var pdf bytes.Buffer
				req.Format = handout.PDF
				require.NoError(t, r.Render(ctx, &pdf, req))
				assert.True(t, bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")), "a PDF")

				var js bytes.Buffer
				req.Format = handout.JSON
				require.NoError(t, r.Render(ctx, &js, req))
				var doc document
				require.NoError(t, json.Unmarshal(js.Bytes(), &doc))
				assert.Equal(t, "sleep-routine", doc.ID)
				assert.Equal(t, lang, doc.Lang)
				assert.Equal(t, language.MustParse(lang).String()[:2], doc.TextLang)
				assert.Equal(t, v, doc.Variant)
				require.Len(t, doc.Params, 2)
				assert.Equal(t, "wake_time", doc.Params[0].Name)
				assert.Equal(t, "6:15 <b>", doc.Params[0].Value)
				assert.Empty(t, doc.Params[1].Value)
				assert.Len(t, doc.Weekdays, 7)
				assert.NotEmpty(t, doc.Worksheet.Body)
				assert.NotContains(t, string(doc.Worksheet.Meta), "rationale", "clinician notes are never sent to the client")
			})
		}
	}
}

// TestJSONHasNoClinicianNotes checks the bytes, not the decoded value: no
// field of the notes may appear under any name.
func TestJSONHasNoClinicianNotes(t *testing.T) {
	src, err := templates.FS().Open("sleep-routine/en.md")
	require.NoError(t, err)
	src.Close()
	ws, err := worksheet.NewParser().ParseFS(templates.FS(), "sleep-routine/en.md")
	require.NoError(t, err)
	require.NotEmpty(t, ws.Meta.Clinician.Rationale, "the fixture needs clinician notes")

	var js bytes.Buffer
	require.NoError(t, sharedRenderer(t).Render(context.Background(), &js, handout.Request{ID: "sleep-routine", Format: handout.JSON}))
	out := js.String()
	assert.NotContains(t, out, ws.Meta.Clinician.Rationale[:40])
	assert.NotContains(t, out, ws.Meta.Clinician.FollowUp[:40])
	for _, b := range ws.Meta.Clinician.Barriers {
		assert.NotContains(t, out, b.Plan)
	}
	assert.NotContains(t, out, "rationale")
}

func TestFallbackToEnglish(t *testing.T) {
	r := newRenderer(t, handout.Options{Sources: []fs.FS{templates.FS(), clinicFS}})
	ctx := context.Background()
	req := handout.Request{ID: "walk-plan", Lang: language.MustParse("es-MX"), Params: map[string]string{"walk_time": "7:30"}}

	var html bytes.Buffer
	require.NoError(t, r.Render(ctx, &html, req))
	page := html.String()
	assert.Contains(t, page, `<html lang="es-MX"`)
	assert.Contains(t, page, `<p class="note">`, "a visible note says the handout is not translated")
	assert.Contains(t, page, "español", "the note is in the language asked for")
	assert.Contains(t, page, `<div lang="en">`, "the English text is marked as English")
	assert.Contains(t, page, "I will walk at")
	assert.Contains(t, page, "800 911 2000", "the crisis lines are those of the client's region")
	assert.NotContains(t, page, "SYNTHETIC-RATIONALE")

	var js bytes.Buffer
	req.Format = handout.JSON
	require.NoError(t, r.Render(ctx, &js, req))
	var doc document
	require.NoError(t, json.Unmarshal(js.Bytes(), &doc))
	assert.Equal(t, "en", doc.TextLang)
	assert.NotEmpty(t, doc.Note)
	assert.NotContains(t, js.String(), "SYNTHETIC-RATIONALE")

	var pdf bytes.Buffer
	req.Format = handout.PDF
	require.NoError(t, r.Render(ctx, &pdf, req))
	assert.True(t, bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")))
}

// TestUntranslatedCopyFallsBack checks that a Spanish file with no
// source_hash (a copy "between i18n new" made) is shown as English with
// the note, as on the site: the library's one rule.
func TestUntranslatedCopyFallsBack(t *testing.T) {
	en, err := fs.ReadFile(clinicFS, "walk-plan/en.md")
	require.NoError(t, err)
	copyFS := fstest.MapFS{"walk-plan/es.md": {Data: []byte(strings.Replace(string(en), "My Walking Plan", "Mi plan", 1))}}
	r := newRenderer(t, handout.Options{Sources: []fs.FS{templates.FS(), clinicFS, copyFS}})
	var html bytes.Buffer
	require.NoError(t, r.Render(context.Background(), &html, handout.Request{ID: "walk-plan", Lang: language.Spanish, Params: map[string]string{"walk_time": "7:30"}}))
	page := html.String()
	assert.Contains(t, page, `<p class="note">`)
	assert.Contains(t, page, `<div lang="en">`)
	assert.Contains(t, page, "My Walking Plan")
	assert.NotContains(t, page, "Mi plan")
}

func TestRequestFor(t *testing.T) {
	req, err := handout.RequestFor(homework.WorksheetRef{Template: "walk-plan", Language: "es-MX", Variant: homework.VariantLargePrint, Params: map[string]string{"walk_time": "7:30"}}, handout.PDF)
	require.NoError(t, err)
	assert.Equal(t, handout.Request{ID: "walk-plan", Lang: language.MustParse("es-MX"), Variant: worksheet.LargePrint, Format: handout.PDF, Params: map[string]string{"walk_time": "7:30"}}, req)

	req, err = handout.RequestFor(homework.WorksheetRef{Template: "walk-plan"}, handout.HTML)
	require.NoError(t, err)
	assert.Equal(t, handout.Request{ID: "walk-plan"}, req, "empty language and variant: English, standard print")

	const secret = "CLIENT-WORDS"
	_, err = handout.RequestFor(homework.WorksheetRef{Template: "walk-plan", Language: secret + " x"}, handout.HTML)
	require.ErrorIs(t, err, handout.ErrLanguage)
	assert.NotContains(t, err.Error(), secret)
	_, err = handout.RequestFor(homework.WorksheetRef{Template: "walk-plan", Variant: secret}, handout.HTML)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), secret)
	assert.Contains(t, err.Error(), "variant")
	_, err = handout.RequestFor(homework.WorksheetRef{}, handout.HTML)
	require.ErrorIs(t, err, handout.ErrNotFound)

	r := newRenderer(t, handout.Options{Sources: []fs.FS{templates.FS(), clinicFS}})
	req, err = handout.RequestFor(homework.WorksheetRef{Template: "walk-plan", Language: "en", Params: map[string]string{"walk_time": "7:30"}}, handout.HTML)
	require.NoError(t, err)
	var html bytes.Buffer
	require.NoError(t, r.Render(context.Background(), &html, req))
	assert.Contains(t, html.String(), "7:30")
}

func TestLayeredSources(t *testing.T) {
	r := newRenderer(t, handout.Options{Sources: []fs.FS{templates.FS(), clinicFS}})
	var html bytes.Buffer
	require.NoError(t, r.Render(context.Background(), &html, handout.Request{ID: "sleep-routine", Lang: language.Spanish}))
	assert.Contains(t, html.String(), "Clinic Sleep Plan", "the clinic's file replaces every language of the id")
	assert.Contains(t, r.IDs(), "walk-plan")
	assert.Contains(t, r.IDs(), "mood-journal")
}

func TestRenderRefuses(t *testing.T) {
	const secret = "Mx-Private-Value"
	r := sharedRenderer(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		req  handout.Request
		is   error
		says string
	}{
		{name: "unknown id", req: handout.Request{ID: "no-such"}, is: handout.ErrNotFound, says: `"no-such"`},
		{name: "unknown param", req: handout.Request{ID: "sleep-routine", Params: map[string]string{"wake": secret}}, is: handout.ErrParam, says: `no param "wake" (it has "wake_time", "wind_down_time")`},
		{name: "long value", req: handout.Request{ID: "sleep-routine", Params: map[string]string{"wake_time": strings.Repeat(secret, 20)}}, is: handout.ErrParam, says: "longer than 200"},
		{name: "line break", req: handout.Request{ID: "sleep-routine", Params: map[string]string{"wake_time": secret + "\n"}}, is: handout.ErrParam, says: "control character"},
		{name: "not UTF-8", req: handout.Request{ID: "sleep-routine", Params: map[string]string{"wake_time": secret + "\xff"}}, is: handout.ErrParam, says: "not valid UTF-8"},
		{name: "glyph", req: handout.Request{ID: "sleep-routine", Format: handout.PDF, Params: map[string]string{"wake_time": secret + "\U00013000"}}, is: handout.ErrParam, says: `the PDF font "andika" cannot draw`},
		{name: "language", req: handout.Request{ID: "sleep-routine", Lang: language.Japanese}, is: handout.ErrLanguage, says: "ja"},
		{name: "cancelled", ctx: cancelled, req: handout.Request{ID: "sleep-routine"}, is: context.Canceled},
		{name: "format", req: handout.Request{ID: "sleep-routine", Format: 7}, says: "unknown format 7"},
		{name: "variant", req: handout.Request{ID: "sleep-routine", Variant: 5}, says: "unknown variant 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			var out bytes.Buffer
			err := r.Render(ctx, &out, tt.req)
			require.Error(t, err)
			if tt.is != nil {
				assert.True(t, errors.Is(err, tt.is), "want %v, got %v", tt.is, err)
			}
			assert.Contains(t, err.Error(), tt.says)
			assert.NotContains(t, err.Error(), secret, "a param's value never goes into an error")
			assert.Zero(t, out.Len(), "nothing is written on error")
		})
	}
}

func TestRenderConcurrent(t *testing.T) {
	r := sharedRenderer(t)
	ctx := context.Background()
	var want [3][]byte
	for i, f := range handout.Formats() {
		var b bytes.Buffer
		require.NoError(t, r.Render(ctx, &b, handout.Request{ID: "mood-journal", Lang: language.Spanish, Format: f}))
		want[i] = b.Bytes()
	}
	var wg sync.WaitGroup
	for n := range 12 {
		wg.Go(func() {
			f := handout.Formats()[n%3]
			var b bytes.Buffer
			if assert.NoError(t, r.Render(ctx, &b, handout.Request{ID: "mood-journal", Lang: language.Spanish, Format: f})) {
				assert.Equal(t, want[n%3], b.Bytes(), "the same request gives the same bytes")
			}
		})
	}
	wg.Wait()
}

func TestEveryLibraryHandoutRenders(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole library")
	}
	r := sharedRenderer(t)
	for _, id := range r.IDs() {
		for _, lang := range []language.Tag{language.English, language.Spanish} {
			for _, f := range handout.Formats() {
				var b bytes.Buffer
				assert.NoError(t, r.Render(context.Background(), &b, handout.Request{ID: id, Lang: lang, Variant: worksheet.LargePrint, Format: f}), "%s %s %s", id, lang, f)
			}
		}
	}
}

func FuzzRequest(f *testing.F) {
	f.Add("sleep-routine", "es-419", "wake_time", "6:00", "pdf")
	f.Add("sleep-routine", "en", "wake", "x", "html")
	f.Add("../etc", "zz", "", "\x00", "json")
	r := newRenderer(f, handout.Options{Sources: []fs.FS{clinicFS}})
	f.Fuzz(func(t *testing.T, id, lang, name, value, format string) {
		var req handout.Request
		req.ID = id
		req.Lang, _ = language.Parse(lang)
		if req.Format.UnmarshalText([]byte(format)) != nil {
			req.Format = handout.JSON
		}
		marker := "QZ" + value + "ZQ"
		req.Params = map[string]string{name: marker}
		err := r.Render(context.Background(), new(bytes.Buffer), req)
		if err != nil && !strings.Contains(id+name, marker) {
			assert.NotContains(t, err.Error(), marker)
		}
	})
}
