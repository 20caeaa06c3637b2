package site_test

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/internal/needtool"
)

// fillPage is one page of fill.mjs's plan.
type fillPage struct {
	File   string            `json:"file"`
	Text   map[string]string `json:"text"`
	Checks []string          `json:"checks"`
	Radios map[string]string `json:"radios"`
	Refuse []fillRefusal     `json:"refuse"`
}

type fillRefusal struct {
	Name     string `json:"name"`
	File     string `json:"file,omitempty"`
	FromPage *int   `json:"fromPage,omitempty"`
}

// fillValues are a page's fields as fill.mjs reads them.
type fillValues struct {
	Text   map[string]string  `json:"text"`
	Checks map[string]bool    `json:"checks"`
	Radios map[string]*string `json:"radios"`
}

type fillStatus struct {
	Text    string `json:"text"`
	Refused bool   `json:"refused"`
}

// fillResult is what fill.mjs saw on one page.
type fillResult struct {
	File          string             `json:"file"`
	ToolsShown    bool               `json:"toolsShown"`
	Sizes         map[string]float64 `json:"sizes"`
	Fonts         []string           `json:"fonts"`
	FontFiles     []string           `json:"fontFiles"`
	Missing       []string           `json:"missing"`
	Typed         fillValues         `json:"typed"`
	Clipped       []string           `json:"clipped"`
	PDF           string             `json:"pdf"`
	DownloadState string             `json:"downloadState"`
	Suggested     string             `json:"suggested"`
	Saved         string             `json:"saved"`
	SavedExists   bool               `json:"savedExists"`
	SavedStatus   *fillStatus        `json:"savedStatus"`
	Fresh         fillValues         `json:"fresh"`
	Opened        *fillStatus        `json:"opened"`
	Restored      fillValues         `json:"restored"`
	Refusals      []struct {
		Name      string      `json:"name"`
		Status    *fillStatus `json:"status"`
		Unchanged bool        `json:"unchanged"`
	} `json:"refusals"`
	Tracker []struct {
		Width       int      `json:"width"`
		Trackers    int      `json:"trackers"`
		Cells       int      `json:"cells"`
		Outside     []string `json:"outside"`
		PageScrolls bool     `json:"pageScrolls"`
	} `json:"tracker"`
	Requests []string `json:"requests"`
	MS       int      `json:"ms"`
}

var (
	fieldTag  = regexp.MustCompile(`<(textarea|input) ([^>]*)>`)
	fieldAttr = regexp.MustCompile(`([a-z][a-z-]*)="([^"]*)"`)
)

// answer is a long synthetic answer for field n: a sentence a client
// might write, then words that each occur once in the whole test ("a7b12"
// is word 12 of field 7; "ñ" instead of "b" on Spanish pages), so that
// finding every word in a print proves the answer printed whole.
func answer(lang string, n, chars int) (text string, words []string) {
	letter, sentence := "b", "At work, and at home, and I felt completely alone."
	if lang == "es" {
		letter, sentence = "ñ", "En el trabajo y en casa, y me sentí muy solo."
	}
	var b strings.Builder
	if chars > 500 {
		b.WriteString(sentence)
	}
	for k := 0; b.Len() < chars; k++ {
		w := fmt.Sprintf("a%d%s%d", n, letter, k)
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		words = append(words, w)
	}
	return b.String(), words
}

// TestFillPrintSave uses handouts as a client would, in headless Chromium
// (tools/axe/fill.mjs): it types long answers into every kind of field
// (header lines, blanks in sentences and table cells, writing lines,
// tracker cells, scales, a number, tasks), prints the page to PDF and finds
// every answer whole in pdftotext's text; saves the answers with "Save my
// answers", opens the page afresh, opens the saved file and finds every
// answer back; and sees files that are not saved answers, or are another
// handout's, refused with the page's message and nothing changed. It runs
// on a handout with every field (a synthetic template) and on the sleep
// routine, in both print sizes, in English and Spanish, and also checks
// that a tracker shows every day at 320 and 375 px, that the page asks
// nothing of the network, and that large print is larger than standard
// print in every element measured, with headings in their order of size.
func TestFillPrintSave(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	pdftotext := needtool.Path(t, "pdftotext", "apt-get install poppler-utils")
	site := buildBrowserSite(t)
	work := t.TempDir()
	if dir := os.Getenv("BETWEEN_FILL_OUT"); dir != "" {
		work = dir // keep the prints and saved files to look at
	}
	notJSON := filepath.Join(work, "notes.txt")
	foreign := filepath.Join(work, "foreign.json")
	require.NoError(t, os.WriteFile(notJSON, []byte("Just some notes, not answers.\n"), 0o644))
	require.NoError(t, os.WriteFile(foreign, []byte(`{"format": "something-else", "answers": {"ws-1": "x"}}`), 0o644))

	type pageInfo struct {
		lang, id, variant string
		words             map[string][]string // by field id
		checksBefore      map[string]bool
		radios            map[string]string
		texts             map[string]string
	}
	var infos []pageInfo
	var plan struct {
		Pages []fillPage `json:"pages"`
	}
	for _, lang := range []string{"en", "es"} {
		for _, variant := range []string{"index", "large-print"} {
			// The two handouts alternate, so each page can be offered the
			// file the page before it saved: another handout's answers.
			for _, id := range []string{"sleep-routine", "every-field"} {
				file := filepath.Join(site, lang, id, variant+".html")
				src, err := os.ReadFile(file)
				require.NoError(t, err)
				info := pageInfo{lang: lang, id: id, variant: variant, words: map[string][]string{},
					checksBefore: map[string]bool{}, radios: map[string]string{}, texts: map[string]string{}}
				pg := fillPage{File: file, Text: map[string]string{}, Radios: map[string]string{},
					Refuse: []fillRefusal{{Name: "not JSON", File: notJSON}, {Name: "not ours", File: foreign}}}
				if n := len(plan.Pages); n > 0 {
					prev := n - 1
					pg.Refuse = append(pg.Refuse, fillRefusal{Name: "another handout", FromPage: &prev})
				}
				for n, m := range fieldTag.FindAllStringSubmatch(string(src), -1) {
					attrs := map[string]string{}
					for _, a := range fieldAttr.FindAllStringSubmatch(m[2], -1) {
						attrs[a[1]] = html.UnescapeString(a[2])
					}
					id := attrs["id"]
					switch {
					case m[1] == "textarea":
						chars := 3000 // writing lines
						switch {
						case strings.HasSuffix(id, "-name") || strings.HasSuffix(id, "-date"):
							chars = 300
						case attrs["class"] == "blank":
							chars = 1000
						case attrs["rows"] == "1":
							chars = 200 // a tracker cell
						}
						text, words := answer(lang, n, chars)
						pg.Text[id], info.texts[id], info.words[id] = text, text, words
					case attrs["type"] == "number":
						pg.Text[id], info.texts[id] = "73", "73"
					case attrs["type"] == "checkbox":
						pg.Checks = append(pg.Checks, id)
						info.checksBefore[id] = strings.Contains(m[2], " checked")
					case attrs["type"] == "radio":
						pg.Radios[attrs["name"]] = attrs["value"] // the last value
						info.radios[attrs["name"]] = attrs["value"]
					}
				}
				require.NotEmpty(t, pg.Text, "%s has fields", file)
				plan.Pages = append(plan.Pages, pg)
				infos = append(infos, info)
			}
		}
	}
	planFile := filepath.Join(work, "plan.json")
	b, err := json.Marshal(plan)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(planFile, b, 0o644))

	out := runBrowser(t, "fill.mjs", "--out", work, planFile)
	var res struct {
		Pages []fillResult `json:"pages"`
	}
	require.NoError(t, json.Unmarshal(out, &res), "fill.mjs output: %s", out)
	require.Len(t, res.Pages, len(plan.Pages))

	cat, err := i18n.Default()
	require.NoError(t, err)
	sizes := map[string]map[string]float64{} // by lang/id/variant
	kinds := map[string]bool{}
	for i, r := range res.Pages {
		info := infos[i]
		name := info.lang + "/" + info.id + "/" + info.variant
		loc, err := cat.Locale(language.MustParse(info.lang))
		require.NoError(t, err)
		t.Run(name, func(t *testing.T) {
			t.Logf("%d ms", r.MS)
			assert.True(t, r.ToolsShown, "the script shows Print, Save and Open")
			assert.Contains(t, r.Fonts, "Andika 400 normal", "the reading typeface is in use")
			assert.Contains(t, r.FontFiles, "Andika-Regular.ttf", "from the site's own files")
			assert.Empty(t, r.Missing, "every field of the plan is on the page")
			assert.Empty(t, r.Requests, "no request outside the site")
			assert.Equal(t, info.texts, r.Typed.Text, "what was typed is in the fields")
			assert.Empty(t, r.Clipped, "no field hides part of its answer on screen")

			// The print holds every word of every answer.
			txt, err := exec.Command(pdftotext, "-enc", "UTF-8", r.PDF, "-").Output()
			require.NoError(t, err, "pdftotext %s", r.PDF)
			printed := map[string]bool{}
			for _, w := range strings.Fields(string(txt)) {
				printed[strings.Trim(w, ".,")] = true
			}
			for id, words := range info.words {
				var lost []string
				for _, w := range words {
					if !printed[w] {
						lost = append(lost, w)
					}
				}
				assert.Empty(t, lost, "field %s: %d of %d words missing from the print (first: %.60v)", id, len(lost), len(words), lost)
			}
			for id, text := range info.texts {
				kinds[fieldKind(id, text)] = true
			}

			// Saved to a file of ours, then restored into a fresh page.
			assert.Equal(t, "completed", r.DownloadState, "the download finished")
			assert.Equal(t, "answers-"+info.id+".json", r.Suggested)
			require.True(t, r.SavedExists, "the saved file is on disk")
			var saved struct {
				Format   string `json:"format"`
				Version  int    `json:"version"`
				Handouts []struct {
					ID, Lang string
					Answers  map[string]any `json:"answers"`
				} `json:"handouts"`
			}
			data, err := os.ReadFile(r.Saved)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(data, &saved))
			assert.Equal(t, "between-answers", saved.Format)
			require.Len(t, saved.Handouts, 1)
			assert.Equal(t, info.id, saved.Handouts[0].ID)
			if assert.NotNil(t, r.SavedStatus) {
				assert.Equal(t, loc.Text("AnswersSaved", map[string]any{"File": r.Suggested}), r.SavedStatus.Text)
			}
			for id, text := range r.Fresh.Text {
				assert.Empty(t, text, "field %s is empty on a fresh page", id)
			}
			if assert.NotNil(t, r.Opened) {
				assert.False(t, r.Opened.Refused)
				assert.Equal(t, loc.Text("AnswersOpened", nil), r.Opened.Text)
			}
			assert.Equal(t, r.Typed, r.Restored, "every answer is back")
			for id, before := range info.checksBefore {
				assert.Equal(t, !before, r.Restored.Checks[id], "checkbox %s as clicked", id)
			}
			for name, v := range info.radios {
				if assert.NotNil(t, r.Restored.Radios[name], "scale %s", name) {
					assert.Equal(t, v, *r.Restored.Radios[name], "scale %s", name)
				}
			}

			// Files to refuse.
			want := map[string]string{
				"not JSON":        loc.Text("AnswersNotOurs", nil),
				"not ours":        loc.Text("AnswersNotOurs", nil),
				"another handout": loc.Text("AnswersOtherHandout", nil),
			}
			assert.Len(t, r.Refusals, len(plan.Pages[i].Refuse))
			for _, f := range r.Refusals {
				if assert.NotNil(t, f.Status, f.Name) {
					assert.True(t, f.Status.Refused, "%s is refused", f.Name)
					assert.Equal(t, want[f.Name], f.Status.Text, f.Name)
				}
				assert.True(t, f.Unchanged, "%s changes nothing", f.Name)
			}

			// Every day of a tracker shows on a phone.
			for _, tr := range r.Tracker {
				assert.Positive(t, tr.Trackers, "at %d px: the handout has a tracker", tr.Width)
				assert.Empty(t, tr.Outside, "at %d px", tr.Width)
				assert.False(t, tr.PageScrolls, "at %d px the page does not scroll sideways", tr.Width)
			}
			sizes[name] = r.Sizes
		})
	}
	assert.Equal(t, map[string]bool{"header": true, "blank": true, "lines": true, "tracker": true, "number": true}, kinds,
		"the answers printed cover every kind of written field")

	// Large print is larger than standard print everywhere, and headings
	// keep their order of size in both.
	for key, std := range sizes {
		if !strings.HasSuffix(key, "/index") {
			continue
		}
		large := sizes[strings.TrimSuffix(key, "index")+"large-print"]
		for el, px := range std {
			assert.Greater(t, large[el], px, "%s: large print %s is larger than standard (%v px)", key, el, px)
		}
		for _, s := range []map[string]float64{std, large} {
			assert.Greater(t, s["h1"], s["h2"], "%s: h1 > h2", key)
			assert.Greater(t, s["h2"], s["p"], "%s: h2 > body", key)
			if s["h3"] > 0 {
				assert.Greater(t, s["h2"], s["h3"], "%s: h2 > h3", key)
				assert.Greater(t, s["h3"], s["p"], "%s: h3 > body", key)
			}
		}
	}
}

// fieldKind names the kind of written field id is, for the coverage check.
func fieldKind(id, text string) string {
	switch {
	case strings.HasSuffix(id, "-name"), strings.HasSuffix(id, "-date"):
		return "header"
	case text == "73":
		return "number"
	case len(text) >= 3000:
		return "lines"
	case len(text) >= 1000:
		return "blank"
	}
	return "tracker"
}
