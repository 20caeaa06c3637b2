package handout

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/site"
)

// pageTemplate is the standalone page around a handout. It is parsed once
// and only executed afterwards, which html/template allows from many
// goroutines at once.
var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<style>
{{.Style}}</style>
</head>
<body{{if .LargePrint}} class="large-print"{{end}}>
<main>
<p class="fill-note">{{.FillIn}}</p>
{{if .Note}}<p class="note">{{.Note}}</p>
{{end -}}
{{if .TextLang}}<div lang="{{.TextLang}}">
{{.Article}}</div>
{{else}}{{.Article}}{{end -}}
</main>
{{if .License}}<footer class="site-footer"><p class="license">{{.License}}</p></footer>
{{end -}}
</body>
</html>
`))

// page is what pageTemplate shows.
type page struct {
	Lang, Dir, Title string
	Style            template.CSS
	LargePrint       bool
	FillIn, Note     string
	TextLang         string
	Article          template.HTML
	License          string
}

// html writes h as a standalone HTML page.
func (h *prepared) html(w io.Writer) error {
	var art bytes.Buffer
	err := worksheet.RenderHTML(&art, h.ws, worksheet.HTMLOptions{
		Variant: h.req.Variant,
		Locale:  h.textLoc,
		Params:  h.req.Params,
	})
	if err != nil {
		return fmt.Errorf("handout: %w", err)
	}
	p := page{
		Lang:       h.req.Lang.String(),
		Dir:        string(h.pageLoc.Dir),
		Title:      h.ws.Meta.Title,
		Style:      template.CSS(site.Stylesheet()),
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
