package site

import (
	"context"
	"fmt"
	"io/fs"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
)

// Entry is one template of a library, as [List] reports it.
type Entry struct {
	// ID is the template's id, its folder name.
	ID string
	// Title is the title of the English file, or of the first language
	// when there is no English one.
	Title string
	// Kind is the kind of handout.
	Kind worksheet.Kind
	// Langs lists the languages the template is written in, English first.
	Langs []language.Tag
}

// List parses the library made by layering sources (later ones replace
// earlier ones id by id, as in [Build]) and returns one Entry per template,
// sorted by id. It parses one file per template; a file that does not
// parse is an error.
func List(ctx context.Context, sources ...fs.FS) ([]Entry, error) {
	lib, err := templates.Layer(sources...)
	if err == nil {
		err = lib.Check()
	}
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	p := worksheet.NewParser()
	ids := lib.IDs()
	entries := make([]Entry, 0, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t, _, err := lib.Translation(id, language.English)
		if err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
		src, err := lib.Read(t.Shown)
		if err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
		ws, err := p.Parse(t.Shown.Name, src)
		if err != nil {
			return nil, err
		}
		e := Entry{ID: id, Title: ws.Meta.Title, Kind: ws.Meta.Kind}
		for _, f := range lib.Files(id) {
			if f.Lang != language.Und {
				e.Langs = append(e.Langs, f.Lang)
			}
		}
		entries = append(entries, e)
	}
	return entries, nil
}
