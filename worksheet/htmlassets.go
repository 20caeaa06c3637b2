package worksheet

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"io"

	"github.com/betweensessions/between/i18n"
)

// The HTML format's assets: its stylesheet and its one script, kept beside
// the renderer whose class names they use.
var (
	//go:embed html.css
	htmlCSS string
	//go:embed html.js
	htmlJS string

	htmlJSHash = func() string {
		sum := sha256.Sum256([]byte(htmlJS))
		return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	}()
)

// HTMLStylesheet returns the stylesheet for what [RenderHTML] and
// [RenderAnswerBar] write, on screen and (in an @media print block) on
// paper: one sheet that needs no other file. It asks for the reading
// typeface Andika from fonts/Andika-Regular.ttf and fonts/Andika-Bold.ttf
// beside the sheet (the site serves them from package worksheet/typeface)
// or installed on the device, and falls back to the device's sans-serif.
func HTMLStylesheet() string { return htmlCSS }

// HTMLScript returns the handout script: with it, a page that holds the
// bar [RenderAnswerBar] writes shows Print, Save my answers and Open saved
// answers, and every written field prints whole. Answers go only to a file
// the client saves and opens; the script keeps nothing in the browser and
// makes no request. Serve it as a file of the site (Content-Security-Policy
// script-src 'self'), or inline it with [HTMLScriptHash].
//
// A saved file is JSON: {"format": "between-answers", "version": 1,
// "handouts": [{"id", "lang", "shape", "answers"}]}. A file that is not one
// (or is larger than 5 MB), or holds answers to other handouts or to a
// different set of fields, is refused with a plain message and changes
// nothing on the page.
func HTMLScript() string { return htmlJS }

// HTMLScriptHash returns the Content-Security-Policy source that allows
// [HTMLScript] inlined in a page, such as "sha256-…" quoted: 'sha256-…'.
func HTMLScriptHash() string { return "'" + htmlJSHash + "'" }

// RenderAnswerBar writes the bar a page shows above its handouts: one
// plain sentence saying that answers are kept nowhere but with the client,
// and the Print, Save my answers and Open saved answers controls, hidden
// until [HTMLScript] runs (a page without the script still shows the
// sentence, and its fields still work and print). Texts come from loc; a
// nil loc gives English. The bar is written to w in one Write.
func RenderAnswerBar(w io.Writer, loc *i18n.Locale) error {
	var b bytes.Buffer
	r := &htmlRenderer{buf: &b, opts: HTMLOptions{Locale: loc}}
	r.s(`<div class="answer-bar">` + "\n" + `<p class="answers-private">`)
	r.esc(r.text("AnswersPrivate", nil))
	r.s("</p>\n" + `<div class="answer-tools" hidden`)
	for _, m := range []struct{ attr, id string }{
		{"data-saved", "AnswersSaved"},
		{"data-opened", "AnswersOpened"},
		{"data-not-ours", "AnswersNotOurs"},
		{"data-other", "AnswersOtherHandout"},
	} {
		r.s(" " + m.attr + `="`)
		r.esc(r.text(m.id, map[string]any{"File": "{file}"}))
		r.s(`"`)
	}
	r.s(">\n")
	for _, c := range []struct{ action, id string }{
		{"print", "Print"},
		{"save", "SaveAnswers"},
		{"open", "OpenAnswers"},
	} {
		r.s(`<button type="button" data-action="` + c.action + `">`)
		r.esc(r.text(c.id, nil))
		r.s("</button>\n")
	}
	r.s(`<input type="file" accept=".json,application/json" hidden>` + "\n")
	r.s(`<p class="answer-status" role="status"></p>` + "\n</div>\n</div>\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("worksheet: render answer bar: %w", err)
	}
	return nil
}
