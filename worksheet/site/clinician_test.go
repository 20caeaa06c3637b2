package site_test

import (
	"context"
	"html"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/site"
)

// TestClinicianPages builds the default library in English and Spanish
// and checks every clinician page against its template's front matter:
// each note is on the clinician page of its language, linked from the
// library card, and never on the client's handout pages.
func TestClinicianPages(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	langs := []language.Tag{language.English, language.Spanish}
	_, err := site.Build(context.Background(), site.Options{Out: out, Langs: langs, Locales: catalog(t)})
	require.NoError(t, err)
	tree := readTree(t, out)
	parser := worksheet.NewParser()
	lib, err := templates.Layer(templates.FS())
	require.NoError(t, err)
	heading := map[string][]string{
		"en": {"What it is for", "How to introduce it", "Common barriers and plans", "Adaptations it suits", "Follow-up", "Personalising it"},
		"es": {"Para qué sirve", "Cómo presentarla", "Obstáculos frecuentes y qué hacer", "Adaptaciones para las que sirve", "Seguimiento", "Cómo personalizarla"},
	}
	checked := 0
	for _, lang := range langs {
		l := lang.String()
		for _, id := range lib.IDs() {
			tr, ok, err := lib.Translation(id, lang)
			require.NoError(t, err)
			require.True(t, ok)
			translated := tr.InLang()
			ws, err := parser.ParseFS(tr.Shown.FS, tr.Shown.Name)
			require.NoError(t, err)
			name := l + "/" + id + "/" + site.ClinicianPage
			page, ok := tree[name]
			require.True(t, ok, "%s is written", name)
			text := html.UnescapeString(page)
			c := ws.Meta.Clinician
			notes := []string{c.Rationale, c.FollowUp}
			for _, b := range c.Barriers {
				notes = append(notes, b.Barrier, b.Plan)
			}
			notes = append(notes, c.Adaptations...)
			for _, s := range notes {
				if s == "" {
					continue
				}
				assert.Contains(t, text, s, "%s shows the template's clinician note", name)
				if len(s) < 40 {
					continue // a short adaptation such as "large print" may be any page's words
				}
				for _, v := range []string{"index.html", "large-print.html"} {
					assert.NotContains(t, html.UnescapeString(tree[l+"/"+id+"/"+v]), s, "the client's %s/%s/%s never shows a clinician note", l, id, v)
				}
			}
			for _, h := range heading[l] {
				assert.Contains(t, text, ">"+h+"</h2>", "%s has the section %q", name, h)
			}
			for _, p := range ws.Meta.Params {
				assert.Contains(t, text, "<code>"+p.Name+"</code>", "%s lists param %s", name, p.Name)
				assert.Contains(t, text, " --param "+p.Name+"=", "%s's render line sets %s", name, p.Name)
			}
			assert.Contains(t, text, "<pre><code>between render "+id, "%s has a render line", name)
			if l != "en" {
				assert.Contains(t, text, " --lang "+l+" ", "%s's render line names its language", name)
			}
			assert.Equal(t, translated, !strings.Contains(page, `class="note"`), "%s notes an untranslated template", name)
			assert.Contains(t, tree[l+"/index.html"], `<a href="`+id+`/clinician.html">`, "the %s library links %s's clinician page", l, id)
			assert.Contains(t, page, `<link rel="alternate" hreflang="`+l+`" href="../../`+l+`/`+id+`/clinician.html">`)
			checked++
		}
	}
	require.Equal(t, 2*len(lib.IDs()), checked)

	es := tree["es/sleep-routine/clinician.html"]
	assert.Contains(t, es, `<html lang="es"`)
	assert.Contains(t, es, "Notas para el profesional")
	assert.Contains(t, es, "<dt>Con qué frecuencia</dt><dd>todos los días durante dos semanas</dd>")
	assert.Contains(t, es, "<pre><code>between render sleep-routine --lang es --param wake_time=7:00 --param wind_down_time=22:00 -o sleep-routine.pdf</code></pre>")
	en := tree["en/sleep-routine/clinician.html"]
	assert.Contains(t, en, "between render sleep-routine --param wake_time=&#39;7:00 am&#39; --param wind_down_time=&#39;10:00 pm&#39; -o sleep-routine.pdf", "values with spaces are quoted for the shell")
	assert.Contains(t, en, `<a href="large-print.html">Large print</a>`, "links to the client's handout in every variant")
}

// TestClinicianPageFallback checks a clinician page whose template has no
// translation and no clinician notes.
func TestClinicianPageFallback(t *testing.T) {
	src := fstest.MapFS{
		"walk/en.md": {Data: []byte("---\nid: walk\ntitle: A walk\nsummary: Go out.\nkind: plan\nminutes: 10\nparts: 2\n---\n\n::: part\n\nWalk.\n\n::: part\n\nRest.\n")},
	}
	out := filepath.Join(t.TempDir(), "site")
	_, err := site.Build(context.Background(), site.Options{Out: out, Sources: []fs.FS{src}, Locales: catalog(t), Langs: []language.Tag{language.Spanish}})
	require.NoError(t, err)
	page := readTree(t, out)["es/walk/clinician.html"]
	assert.Contains(t, page, `<p class="note">Estas notas todavía no están en Español. Aquí están en inglés.</p>`)
	assert.Contains(t, page, `<h1 lang="en">A walk</h1>`)
	assert.Contains(t, page, "<dt>Sesiones cortas</dt><dd>2 sesiones cortas</dd>")
	assert.Equal(t, 4, strings.Count(page, `<p class="none">La plantilla no trae notas sobre esto.</p>`), "purpose, barriers, adaptations and follow-up say there is no note")
	assert.Contains(t, page, "Esta hoja no tiene nada que personalizar.")
	assert.Contains(t, page, "<pre><code>between render walk --lang es -o walk.pdf</code></pre>")
}
