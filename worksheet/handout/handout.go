package handout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
)

// MaxParamLen is the longest value, in characters, a personalised slot
// takes. A slot is a short fill-in such as a time or a name of a place.
const MaxParamLen = 200

// Errors that say what was wrong with a [Request]. Match them with
// errors.Is; the error itself says which handout, language or param.
var (
	// ErrNotFound is returned for an ID that is not in the library.
	ErrNotFound = errors.New("handout: no such handout")
	// ErrLanguage is returned for a language with no locale.
	ErrLanguage = errors.New("handout: language not supported")
	// ErrParam is returned for a param the handout does not declare, or a
	// value that cannot be printed. The error names the param, never its
	// value.
	ErrParam = errors.New("handout: bad param")
)

// Options configures [New]. The zero value serves the embedded library
// with the embedded locales and the built-in PDF fonts.
type Options struct {
	// Sources are folders of templates (<id>/<lang>.md), layered in order
	// by templates.Layer: a later source's folder that has the English file
	// (<id>/en.md) replaces every language of that id, one without it adds
	// its languages, and new ids are added. Empty means templates.FS().
	Sources []fs.FS
	// Locales supplies UI strings and locale facts. Nil means
	// i18n.Default().
	Locales i18n.Locales
	// PDF draws PDFs. Nil means a new pdf.Renderer with the built-in fonts;
	// pass one to share its parsed fonts with other code.
	PDF *pdf.Renderer
	// Parser parses templates. Nil means worksheet.NewParser().
	Parser *worksheet.Parser
}

// Request is one personalised handout to render. The zero value of every
// field but ID has a meaning: English, standard print, HTML, no params.
type Request struct {
	// ID is the template id, such as "sleep-routine".
	ID string
	// Lang is the language wanted. A template not written in it, nor in a
	// parent language (es for es-419), is shown in English with a note in
	// Lang. The zero value, language.Und, means English.
	Lang language.Tag
	// Variant is standard or large print.
	Variant worksheet.Variant
	// Format is HTML, PDF or JSON.
	Format Format
	// Params are personalised values for the handout's slots, by param
	// name. Every name must be declared by the template; a slot with no
	// value prints as a blank to write on. Values are client text: they are
	// printed, never logged, and never put in an error.
	Params map[string]string
}

// Renderer renders personalised handouts on demand. Make one with [New]
// and share it: it is safe for concurrent use, reads and parses each
// template file once, on first use, and keeps the parsed fonts. Make a new
// Renderer to pick up edited template files.
//
// A Renderer never writes files, never logs and makes no network calls.
type Renderer struct {
	lib     *library
	locales i18n.Locales
	pdf     *pdf.Renderer
	parser  *worksheet.Parser
}

// New returns a Renderer for opts. It lists the templates of the sources
// now; a source with a file name that is not a language tag is an error.
func New(opts Options) (*Renderer, error) {
	sources := opts.Sources
	if len(sources) == 0 {
		sources = []fs.FS{templates.FS()}
	}
	lib, err := newLibrary(sources)
	if err != nil {
		return nil, err
	}
	r := &Renderer{lib: lib, locales: opts.Locales, pdf: opts.PDF, parser: opts.Parser}
	if r.locales == nil {
		cat, err := i18n.Default()
		if err != nil {
			return nil, fmt.Errorf("handout: %w", err)
		}
		r.locales = cat
	}
	if r.pdf == nil {
		if r.pdf, err = pdf.New(pdf.Options{}); err != nil {
			return nil, err
		}
	}
	if r.parser == nil {
		r.parser = worksheet.NewParser()
	}
	return r, nil
}

// IDs returns the ids of the handouts the Renderer serves, sorted.
func (r *Renderer) IDs() []string { return r.lib.IDs() }

// Render writes the handout req asks for to w, in req.Format.
//
// Nothing is written to w when the request is refused or rendering fails:
// an unknown ID ([ErrNotFound]), a language with no locale
// ([ErrLanguage]), an undeclared param or a value that is too long, has
// control characters or characters the PDF font cannot draw ([ErrParam]),
// a template that does not parse, or a cancelled ctx. Errors name the
// handout, language and param, never a param's value.
func (r *Renderer) Render(ctx context.Context, w io.Writer, req Request) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	h, err := r.prepare(req)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch req.Format {
	case HTML:
		err = h.html(&buf)
	case PDF:
		err = r.renderPDF(ctx, &buf, h)
	case JSON:
		err = h.json(&buf)
	default:
		err = fmt.Errorf("handout: unknown format %d", int(req.Format))
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

// prepared is one request resolved against the library and locales.
type prepared struct {
	req        Request
	ws         *worksheet.Worksheet
	translated bool
	pageLoc    *i18n.Locale // the language asked for: the note, the page
	textLoc    *i18n.Locale // the language of the text: labels, weekdays
}

// prepare finds the template and locales of req and checks its params.
func (r *Renderer) prepare(req Request) (*prepared, error) {
	if req.Lang == language.Und {
		req.Lang = language.English
	}
	tr, ok, err := r.lib.Translation(req.ID, req.Lang)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrNotFound, truncate(req.ID))
	}
	var fault *diag.Error
	if err != nil && !errors.As(err, &fault) {
		return nil, fmt.Errorf("handout: %w", err)
	} // a front matter that cannot be read is reported by the parser
	f, translated := tr.Shown, tr.InLang()
	switch req.Variant {
	case worksheet.Standard, worksheet.LargePrint:
	default:
		return nil, fmt.Errorf("handout: %s: unknown variant %d", req.ID, int(req.Variant))
	}
	pageLoc, err := r.locales.Locale(req.Lang)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrLanguage, req.Lang, err)
	}
	ws, err := r.lib.parse(r.parser, f)
	if err != nil {
		return nil, err
	}
	textLoc := pageLoc
	if !translated {
		loc, err := r.locales.Locale(f.Lang)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrLanguage, f.Lang, err)
		}
		// The text and its labels are in the template's language, but the
		// crisis lines and the paper are those of the client's region.
		text := *loc
		text.Crisis = pageLoc.Crisis
		text.Paper = pageLoc.Paper
		textLoc = &text
	}
	if err := checkParams(ws, req.Params); err != nil {
		return nil, err
	}
	return &prepared{req: req, ws: ws, translated: translated, pageLoc: pageLoc, textLoc: textLoc}, nil
}

// checkParams refuses a param ws does not declare and a value that cannot
// be printed. Errors name the param, never the value.
func checkParams(ws *worksheet.Worksheet, params map[string]string) error {
	for _, name := range sortedKeys(params) {
		if !slices.ContainsFunc(ws.Meta.Params, func(p worksheet.Param) bool { return p.Name == name }) {
			return fmt.Errorf("%w: %s has no param %q (it has %s)", ErrParam, ws.Meta.ID, truncate(name), declared(ws))
		}
		v := params[name]
		switch {
		case !utf8.ValidString(v):
			return fmt.Errorf("%w: %s: the value of %q is not valid UTF-8", ErrParam, ws.Meta.ID, name)
		case utf8.RuneCountInString(v) > MaxParamLen:
			return fmt.Errorf("%w: %s: the value of %q is longer than %d characters", ErrParam, ws.Meta.ID, name, MaxParamLen)
		case strings.ContainsFunc(v, unicode.IsControl):
			return fmt.Errorf("%w: %s: the value of %q has a control character such as a line break", ErrParam, ws.Meta.ID, name)
		}
	}
	return nil
}

// declared lists the params of ws for an error message.
func declared(ws *worksheet.Worksheet) string {
	if len(ws.Meta.Params) == 0 {
		return "none"
	}
	names := make([]string, len(ws.Meta.Params))
	for i, p := range ws.Meta.Params {
		names[i] = fmt.Sprintf("%q", p.Name)
	}
	return strings.Join(names, ", ")
}

// renderPDF draws h. Param values are checked against the font first, so
// that a character the font lacks is reported without quoting the value.
func (r *Renderer) renderPDF(ctx context.Context, w io.Writer, h *prepared) error {
	for _, name := range sortedKeys(h.req.Params) {
		missing, err := r.pdf.MissingRunes(h.textLoc.Font, h.req.Params[name])
		if err != nil {
			return fmt.Errorf("handout: %s: %w", h.ws.Path, err)
		}
		if len(missing) > 0 {
			return fmt.Errorf("%w: %s: the value of %q has %d character(s) the PDF font %q cannot draw",
				ErrParam, h.ws.Meta.ID, name, len(missing), h.textLoc.Font)
		}
	}
	return r.pdf.Render(ctx, w, h.ws, pdf.RenderOptions{
		Variant: h.req.Variant,
		Locale:  h.textLoc,
		Params:  h.req.Params,
	})
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// RequestFor returns the request for the handout an assignment names
// (homework.Assignment.Worksheet), in format f: the template ref.Template,
// in ref.Language (empty: English), in ref.Variant ("standard",
// "large-print", or empty for standard), with ref.Params. An embedder
// that holds an assignment calls it instead of building the request by
// hand. A language that is not a BCP 47 tag (an error wrapping
// [ErrLanguage]) or an unknown variant is an error naming the field, never
// quoting the record's value.
func RequestFor(ref homework.WorksheetRef, f Format) (Request, error) {
	req := Request{ID: ref.Template, Format: f, Params: ref.Params}
	if ref.Template == "" {
		return req, fmt.Errorf("%w: the worksheet names no template", ErrNotFound)
	}
	if ref.Language != "" {
		tag, err := language.Parse(ref.Language)
		if err != nil {
			return req, fmt.Errorf("%w: %s: the worksheet language is not a BCP 47 language tag", ErrLanguage, ref.Template)
		}
		req.Lang = tag
	}
	if ref.Variant != "" {
		if err := req.Variant.UnmarshalText([]byte(ref.Variant)); err != nil {
			return req, fmt.Errorf("handout: %s: the worksheet variant is not %s or %s", ref.Template, homework.VariantStandard, homework.VariantLargePrint)
		}
	}
	return req, nil
}
