package handout

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/worksheet"
)

// file is one template file, <id>/<lang>.md, parsed on first use.
type file struct {
	fsys fs.FS
	name string
	lang language.Tag

	once sync.Once
	ws   *worksheet.Worksheet
	err  error
}

// get returns the parsed file. A parsed Worksheet is only read afterwards,
// so one value serves every request.
func (f *file) get(p *worksheet.Parser) (*worksheet.Worksheet, error) {
	f.once.Do(func() { f.ws, f.err = p.ParseFS(f.fsys, f.name) })
	return f.ws, f.err
}

// library maps a template id to its files by language tag string, after
// layering the sources.
type library map[string]map[string]*file

// scan lists <id>/<lang>.md in each source. A later source replaces every
// language of an id that an earlier source has, as the site builder does.
// Folders and files starting with "." or "_" are skipped, as go:embed
// skips them.
func scan(sources []fs.FS) (library, error) {
	lib := library{}
	for _, fsys := range sources {
		names, err := fs.Glob(fsys, "*/*.md")
		if err != nil {
			return nil, fmt.Errorf("handout: listing templates: %w", err)
		}
		layer := library{}
		for _, name := range names {
			id, base := path.Split(name)
			id = strings.TrimSuffix(id, "/")
			if strings.HasPrefix(id, ".") || strings.HasPrefix(id, "_") || strings.HasPrefix(base, "_") || strings.HasPrefix(base, ".") {
				continue
			}
			tag, err := language.Parse(strings.TrimSuffix(base, ".md"))
			if err != nil {
				return nil, fmt.Errorf("handout: %s: the file name must be a language tag such as en.md or es.md", name)
			}
			if layer[id] == nil {
				layer[id] = map[string]*file{}
			}
			layer[id][tag.String()] = &file{fsys: fsys, name: name, lang: tag}
		}
		for id, files := range layer {
			lib[id] = files
		}
	}
	return lib, nil
}

// pick returns the file to show for id in lang: the file in lang or in a
// parent of it (es for es-419 or es-MX), else English, else the first
// language in tag order. translated is false for such a fallback.
func (lib library) pick(id string, lang language.Tag) (f *file, translated, ok bool) {
	files := lib[id]
	if len(files) == 0 {
		return nil, false, false
	}
	for t := lang; !t.IsRoot(); t = t.Parent() {
		if f, ok := files[t.String()]; ok {
			return f, true, true
		}
	}
	if f, ok := files["en"]; ok {
		return f, false, true
	}
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return files[keys[0]], false, true
}

// ids returns the template ids, sorted.
func (lib library) ids() []string {
	ids := make([]string, 0, len(lib))
	for id := range lib {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
