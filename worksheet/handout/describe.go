package handout

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/worksheet"
)

// Description is what a clinical note says about a handout: its title and
// the labels of its params, in the language of the file a reader of the
// note's language is shown (see [templates.Library.Translation]).
type Description struct {
	// ID is the template id.
	ID string
	// Lang is the language of the title and labels; English when the
	// handout has no file in the language asked for.
	Lang language.Tag
	// Title is the handout's title, e.g. "My Sleep Routine".
	Title string
	// Labels are the labels of the handout's params by name, e.g.
	// "wake_time": "Wake-up time".
	Labels map[string]string
}

// RefError is a worksheet reference in a homework record that does not fit
// the library: a template id the library does not have, or a param the
// template does not declare. Field is the JSON path of the field in the
// assignment ("worksheet.template", "worksheet.params.wak") so a caller
// can point at its line; Msg says what is wrong, with a did-you-mean when
// a known name is close. Neither repeats a param's value.
type RefError struct {
	Field string
	Msg   string
}

// Error returns "handout: <field>: <msg>".
func (e *RefError) Error() string { return "handout: " + e.Field + ": " + e.Msg }

// Describe checks the worksheet reference of a homework assignment against
// the Renderer's library — the template must exist and every param must be
// one it declares — and returns the handout's title and param labels in
// lang, for the note. A reference that does not fit is a *[RefError]; a
// template that does not parse is its parse error.
func (r *Renderer) Describe(ref homework.WorksheetRef, lang language.Tag) (Description, error) {
	if lang == language.Und {
		lang = language.English
	}
	tr, ok, err := r.lib.Translation(ref.Template, lang)
	if !ok {
		// A reference that is not a name may be a person's words: it is
		// not repeated.
		msg := "the template is not in the library"
		if diag.IsName(ref.Template) {
			msg = fmt.Sprintf("no template %q in the library%s", truncate(ref.Template), worksheet.DidYouMean(ref.Template, r.lib.IDs()))
		}
		return Description{}, &RefError{Field: "worksheet.template", Msg: msg}
	}
	var fault *diag.Error
	if err != nil && !errors.As(err, &fault) {
		return Description{}, fmt.Errorf("handout: %w", err)
	} // a front matter that cannot be read is reported by the parser
	ws, err := r.lib.parse(r.parser, tr.Shown)
	if err != nil {
		return Description{}, err
	}
	d := Description{ID: ws.Meta.ID, Lang: ws.Lang, Title: ws.Meta.Title, Labels: map[string]string{}}
	var names []string
	for _, p := range ws.Meta.Params {
		d.Labels[p.Name] = p.Label
		names = append(names, p.Name)
	}
	for _, name := range slices.Sorted(maps.Keys(ref.Params)) {
		if _, ok := d.Labels[name]; !ok {
			if !diag.IsName(name) {
				return Description{}, &RefError{Field: "worksheet.params",
					Msg: fmt.Sprintf("%s has no such param (it has %s)", ws.Meta.ID, declared(ws))}
			}
			return Description{}, &RefError{Field: "worksheet.params." + name,
				Msg: fmt.Sprintf("%s has no param %q (it has %s)%s", ws.Meta.ID, truncate(name), declared(ws), worksheet.DidYouMean(name, names))}
		}
	}
	return d, nil
}
