package handout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
)

// MaxPacket is the most handouts one packet holds.
const MaxPacket = 40

// ErrPacket is matched by errors.Is for a packet [Renderer.RenderPacket]
// refuses as a whole: no handouts, too many, one given twice, or a
// format a packet cannot be.
var ErrPacket = errors.New("handout: bad packet")

// RenderPacket writes several handouts as one document, in the order
// given, for a clinician to print in one go: as PDF, every page of each
// handout's own PDF (each keeps its page numbers); as HTML, one page with a
// list of the handouts and then each handout, each starting on a new sheet
// when printed. Each request is checked as [Renderer.Render] checks it;
// its Format is ignored. A packet cannot be JSON.
//
// The same params may be given to every request: a handout gets the
// params it declares and leaves out the others, and only a param that no
// handout of the packet declares is an error ([ErrParam]).
//
// As with Render, nothing is written to w on error, and errors name
// handouts and params, never a param's value.
func (r *Renderer) RenderPacket(ctx context.Context, w io.Writer, format Format, reqs ...Request) error {
	switch {
	case len(reqs) == 0:
		return fmt.Errorf("%w: no handouts", ErrPacket)
	case len(reqs) > MaxPacket:
		return fmt.Errorf("%w: %d handouts, at most %d", ErrPacket, len(reqs), MaxPacket)
	case format != HTML && format != PDF:
		return fmt.Errorf("%w: a packet is HTML or PDF, not %s", ErrPacket, format)
	}
	seen, used := map[string]bool{}, map[string]bool{}
	hs := make([]*prepared, len(reqs))
	for i, req := range reqs {
		key := req.ID + " " + req.Lang.String() + " " + req.Variant.String()
		if seen[key] {
			return fmt.Errorf("%w: %q is in it twice", ErrPacket, truncate(req.ID))
		}
		seen[key] = true
		params := req.Params
		req.Params = nil
		h, err := r.prepare(req)
		if err != nil {
			return err
		}
		h.req.Params = map[string]string{}
		for name, v := range params {
			if slices.ContainsFunc(h.ws.Meta.Params, func(p worksheet.Param) bool { return p.Name == name }) {
				h.req.Params[name] = v
				used[name] = true
			}
		}
		if err := checkParams(h.ws, h.req.Params); err != nil {
			return err
		}
		hs[i] = h
	}
	for i := range reqs {
		for _, name := range sortedKeys(reqs[i].Params) {
			if !used[name] {
				return fmt.Errorf("%w: no handout of the packet has a param %q", ErrParam, truncate(name))
			}
		}
	}
	var buf bytes.Buffer
	var err error
	if format == PDF {
		err = r.packetPDF(ctx, &buf, hs)
	} else {
		err = packetHTML(&buf, hs)
	}
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// packetTitle is the title of a packet in the language of its first
// handout's page.
func packetTitle(hs []*prepared) string {
	return hs[0].pageLoc.Text("PacketTitle", map[string]any{"Count": len(hs)})
}

// packetPDF draws each handout and joins the PDFs.
func (r *Renderer) packetPDF(ctx context.Context, w io.Writer, hs []*prepared) error {
	docs := make([][]byte, len(hs))
	for i, h := range hs {
		var b bytes.Buffer
		if err := r.renderPDF(ctx, &b, h); err != nil {
			return err
		}
		docs[i] = b.Bytes()
	}
	return pdf.Join(w, packetTitle(hs), hs[0].req.Lang.String(), docs...)
}

// packetStyle is the packet page's own rules after pageStyle: each
// handout on a new sheet in print, the contents on screen only.
const packetStyle = `
.packet-item { margin-block-start: 3rem; }
@media print {
  .packet-contents { display: none; }
  .packet-item { margin-block-start: 0; break-before: page; }
  .packet-item:first-of-type { break-before: auto; }
}
`

// packetTemplate is the HTML page of a packet.
var packetTemplate = standalonePage("packet", `{{template "head" .}}
<main>
<nav class="packet-contents" aria-labelledby="packet-title">
<p id="packet-title" class="nav-title">{{.Title}}</p>
<ol>
{{- range .Items}}
<li><a href="#{{.Anchor}}"{{if .TextLang}} lang="{{.TextLang}}"{{end}}>{{.Title}}</a></li>
{{- end}}
</ol>
<p class="fill-note">{{.FillIn}}</p>
</nav>
{{.AnswerBar}}
{{- range .Items}}
<section class="packet-item" id="{{.Anchor}}" aria-label="{{.Title}}"{{if .Lang}} lang="{{.Lang}}"{{end}}>
{{if .Note}}<p class="note">{{.Note}}</p>
{{end -}}
{{if .TextLang}}<div lang="{{.TextLang}}">
{{.Article}}</div>
{{else}}{{.Article}}{{end -}}
{{if .License}}<p class="license">{{.License}}</p>{{end}}
</section>
{{- end}}
</main>
</body>
</html>
`)

// packetPage is what packetTemplate shows.
type packetPage struct {
	Lang, Dir, Title string
	Style            template.CSS
	Script           template.JS
	ScriptHash       string
	AnswerBar        template.HTML
	LargePrint       bool
	FillIn           string
	Items            []packetItem
}

// packetItem is one handout of a packet page. Lang is set when the
// handout's page language is not the packet's.
type packetItem struct {
	Anchor, Title        string
	Lang, TextLang, Note string
	Article              template.HTML
	License              string
}

// packetHTML writes hs as one HTML page.
func packetHTML(w io.Writer, hs []*prepared) error {
	first := hs[0]
	var bar bytes.Buffer
	if err := worksheet.RenderAnswerBar(&bar, first.pageLoc); err != nil {
		return fmt.Errorf("handout: %w", err)
	}
	p := packetPage{
		Lang:  first.req.Lang.String(),
		Dir:   string(first.pageLoc.Dir),
		Title: packetTitle(hs),
		// The HTML format's own stylesheet and script, as on one
		// handout's page: Save my answers keeps the whole packet's.
		Style:      template.CSS(worksheet.HTMLStylesheet() + pageStyle + packetStyle),
		Script:     template.JS(worksheet.HTMLScript()),
		ScriptHash: worksheet.HTMLScriptHash(),
		AnswerBar:  template.HTML(bar.String()),
		LargePrint: first.req.Variant == worksheet.LargePrint,
		FillIn:     first.pageLoc.Text("FillInNote", nil),
	}
	if p.Dir == "" {
		p.Dir = "ltr"
	}
	for i, h := range hs {
		prefix := "h" + strconv.Itoa(i+1)
		var art bytes.Buffer
		err := worksheet.RenderHTML(&art, h.ws, worksheet.HTMLOptions{
			Variant:  h.req.Variant,
			Locale:   h.textLoc,
			Params:   h.req.Params,
			IDPrefix: prefix,
		})
		if err != nil {
			return fmt.Errorf("handout: %w", err)
		}
		it := packetItem{
			Anchor: prefix, Title: h.ws.Meta.Title, License: h.ws.Meta.License,
			// RenderHTML escapes every piece of text itself.
			Article: template.HTML(art.String()),
		}
		if l := h.req.Lang.String(); l != p.Lang {
			it.Lang = l
		}
		if !h.translated {
			it.TextLang = h.ws.Lang.String()
			it.Note = h.pageLoc.Text("NotTranslated", map[string]any{"Language": h.pageLoc.Name})
		}
		p.Items = append(p.Items, it)
	}
	if err := packetTemplate.Execute(w, p); err != nil {
		return fmt.Errorf("handout: packet: %w", err)
	}
	return nil
}
