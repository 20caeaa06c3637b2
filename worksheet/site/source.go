package site

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/worksheet"
)

// sourceFile is one template file found in a source: id/lang.md.
type sourceFile struct {
	fsys fs.FS
	name string // "sleep-routine/en.md"
	id   string
	lang language.Tag
}

// library is every template id with the files of its languages, after
// layering the sources.
type library struct {
	ids   []string                         // sorted
	files map[string]map[string]sourceFile // id → lang string → file
}

// scan lists the template files of the sources. A later source replaces
// every language of an id that an earlier source also has.
func scan(sources []fs.FS) (*library, error) {
	lib := &library{files: map[string]map[string]sourceFile{}}
	for _, fsys := range sources {
		names, err := fs.Glob(fsys, "*/*.md")
		if err != nil {
			return nil, fmt.Errorf("site: listing templates: %w", err)
		}
		layer := map[string]map[string]sourceFile{}
		for _, name := range names {
			id, file := path.Split(name)
			id = strings.TrimSuffix(id, "/")
			if strings.HasPrefix(id, ".") || strings.HasPrefix(id, "_") || strings.HasPrefix(file, "_") {
				continue // hidden and draft files, as go:embed skips them
			}
			tag, err := language.Parse(strings.TrimSuffix(file, ".md"))
			if err != nil {
				return nil, fmt.Errorf("site: %s: the file name must be a language tag such as en.md or es.md", name)
			}
			if layer[id] == nil {
				layer[id] = map[string]sourceFile{}
			}
			layer[id][tag.String()] = sourceFile{fsys: fsys, name: name, id: id, lang: tag}
		}
		for id, langs := range layer {
			lib.files[id] = langs
		}
	}
	for id := range lib.files {
		lib.ids = append(lib.ids, id)
	}
	slices.Sort(lib.ids)
	return lib, nil
}

// langs returns every language some template has, English first, then in
// tag order.
func (lib *library) langs() []language.Tag {
	seen := map[string]language.Tag{}
	for _, files := range lib.files {
		for k, f := range files {
			seen[k] = f.lang
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "en":
			return -1
		case b == "en":
			return 1
		}
		return strings.Compare(a, b)
	})
	tags := make([]language.Tag, len(keys))
	for i, k := range keys {
		tags[i] = seen[k]
	}
	return tags
}

// pick returns the file that a page in lang shows for id: the file in that
// language or a parent of it (es for es-MX), else the English file, else
// the first language in tag order. translated is false for a fallback.
func (lib *library) pick(id string, lang language.Tag) (f sourceFile, translated bool) {
	files := lib.files[id]
	for t := lang; ; t = t.Parent() {
		if f, ok := files[t.String()]; ok {
			return f, true
		}
		if t.IsRoot() {
			break
		}
	}
	if f, ok := files["en"]; ok {
		return f, false
	}
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return files[keys[0]], false
}

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
	lib, err := scan(sources)
	if err != nil {
		return nil, err
	}
	p := worksheet.NewParser()
	langs := lib.langs()
	entries := make([]Entry, 0, len(lib.ids))
	for _, id := range lib.ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, _ := lib.pick(id, language.English)
		ws, err := p.ParseFS(f.fsys, f.name)
		if err != nil {
			return nil, err
		}
		e := Entry{ID: id, Title: ws.Meta.Title, Kind: ws.Meta.Kind}
		for _, t := range langs {
			if _, ok := lib.files[id][t.String()]; ok {
				e.Langs = append(e.Langs, t)
			}
		}
		entries = append(entries, e)
	}
	return entries, nil
}
