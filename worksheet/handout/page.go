package handout

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/betweensessions/between/worksheet"
)

// pageHead is the start of every standalone page (one handout or a
// packet): the policy that lets in only the page's own inline style and
// script, the stylesheet, the script and the body. Both page templates
// define their body after it.
const pageHead = `{{define "head"}}<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src {{.ScriptHash}}; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<style>
{{.Style}}</style>
<script>{{.Script}}</script>
</head>
<body{{if .LargePrint}} class="large-print"{{end}}>{{end}}`

// standalonePage parses a page's body after pageHead. It is parsed once
// and only executed afterwards, which html/template allows from many
// goroutines at once.
func standalonePage(name, body string) *template.Template {
	return template.Must(template.Must(template.New(name).Parse(pageHead)).Parse(body))
}

// pageTemplate is the standalone page around a handout.
var pageTemplate = standalonePage("page", `{{template "head" .}}
<main>
<p class="fill-note">{{.FillIn}}</p>
{{.AnswerBar}}{{if .Note}}<p class="note">{{.Note}}</p>
{{end -}}
{{if .TextLang}}<div lang="{{.TextLang}}">
{{.Article}}</div>
{{else}}{{.Article}}{{end -}}
</main>
{{if .License}}<footer class="site-footer"><p class="license">{{.License}}</p></footer>
{{end -}}
</body>
</html>
`)

// page is what pageTemplate shows.
type page struct {
	Lang, Dir, Title string
	Style            template.CSS
	Script           template.JS
	ScriptHash       string
	LargePrint       bool
	FillIn, Note     string
	TextLang         string
	AnswerBar        template.HTML
	Article          template.HTML
	License          string
}

// pageStyle is the standalone page's own few rules around the handout's
// stylesheet: the page, the notes and the footer.
const pageStyle = `
body { margin: 0; color: var(--ink); background: var(--paper); font-family: var(--reading-font); line-height: 1.55; }
body.large-print { font-size: 18pt; line-height: 1.6; }
main, .site-footer { max-inline-size: 46rem; margin-inline: auto; padding-inline: 1rem; }
.large-print main, .large-print .site-footer { max-inline-size: 52rem; }
.fill-note, .note { padding: 0.6rem 0.9rem; border-inline-start: 4px solid var(--link); background: var(--soft); }
.note { border-inline-start-color: var(--crisis-edge); }
.site-footer { border-block-start: 1px solid var(--rule); color: var(--muted); }
.nav-title { font-weight: 700; }
@media print {
  @page { margin: 16mm 15mm 18mm; }
  main, .site-footer { max-inline-size: none; padding: 0; }
  .fill-note { display: none; }
  .note { background: none; border-inline-start-color: #000; }
  .site-footer { border: 0; font-size: 10pt; }
}
`

// html writes h as a standalone HTML page.
func (h *prepared) html(w io.Writer) error {
	var art, bar bytes.Buffer
	if err := worksheet.RenderAnswerBar(&bar, h.pageLoc); err != nil {
		return fmt.Errorf("handout: %w", err)
	}
	err := worksheet.RenderHTML(&art, h.ws, worksheet.HTMLOptions{
		Variant: h.req.Variant,
		Locale:  h.textLoc,
		Params:  h.req.Params,
	})
	if err != nil {
		return fmt.Errorf("handout: %w", err)
	}
	p := page{
		Lang:  h.req.Lang.String(),
		Dir:   string(h.pageLoc.Dir),
		Title: h.ws.Meta.Title,
		// The handout's stylesheet and script are Between's own files.
		Style:      template.CSS(worksheet.HTMLStylesheet() + pageStyle),
		Script:     template.JS(worksheet.HTMLScript()),
		ScriptHash: worksheet.HTMLScriptHash(),
		AnswerBar:  template.HTML(bar.String()),
		LargePrint: h.req.Variant == worksheet.LargePrint,
		FillIn:     h.pageLoc.Text("FillInNote", nil),
		// RenderHTML escapes every piece of text itself.
		Article: template.HTML(art.String()),
		License: h.ws.Meta.License,
	}
	if p.Dir == "" {
		p.Dir = "ltr"
	}
	if !h.translated {
		p.TextLang = h.ws.Lang.String()
		p.Note = h.pageLoc.Text("NotTranslated", map[string]any{"Language": h.pageLoc.Name})
	}
	if err := pageTemplate.Execute(w, p); err != nil {
		return fmt.Errorf("handout: %s: %w", h.ws.Path, err)
	}
	return nil
}
