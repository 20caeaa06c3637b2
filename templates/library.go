package templates

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// File is one template file of a [Library]: <id>/<lang>.md in one source.
type File struct {
	// FS is the source the file is in.
	FS fs.FS
	// Name is the file's slash-separated name in FS, such as
	// "sleep-routine/es.md".
	Name string
	// ID is the template id, the folder name.
	ID string
	// Lang is the language named by the file name. It is the zero Tag
	// (und) for a file whose name is not a language tag; see
	// [Library.Misnamed].
	Lang language.Tag
	// key is Lang.String(), or the bare file stem for a misnamed file.
	key string
}

// Library is the template files of one or more sources laid over one
// another, as the site builder, lint and handout rendering all see them: a
// later source replaces every language of an id that an earlier source
// also has, so a clinic's sleep-routine folder replaces the default one
// whole, and new ids add to the library. Folders and files whose names
// start with "." or "_" are skipped, as go:embed skips them; so are
// symbolic links, where the source can tell them ([fs.ReadLinkFS], as
// os.DirFS and os.Root.FS): a link in a clinic's folder could point
// anywhere on the computer, and the library would publish what it points
// to.
//
// A Library only lists files; it does not read or parse them. It is not
// modified after [Layer] returns and is safe for concurrent use.
type Library struct {
	ids      []string                   // sorted
	files    map[string]map[string]File // id → key → file
	misnamed []File
}

// Layer lists the template files of sources, later sources over earlier
// ones. It fails only when a source cannot be listed.
func Layer(sources ...fs.FS) (*Library, error) {
	lib := &Library{files: map[string]map[string]File{}}
	for _, fsys := range sources {
		names, err := fs.Glob(fsys, "*/*.md")
		if err != nil {
			return nil, fmt.Errorf("templates: listing templates: %w", err)
		}
		layer := map[string]map[string]File{}
		links := symlinks(fsys)
		for _, name := range names {
			dir, base := path.Split(name)
			id := strings.TrimSuffix(dir, "/")
			if hidden(id) || hidden(base) || links(id) || links(name) {
				continue
			}
			f := File{FS: fsys, Name: name, ID: id, key: strings.TrimSuffix(base, ".md")}
			if tag, err := language.Parse(f.key); err == nil {
				f.Lang, f.key = tag, tag.String()
			}
			if layer[id] == nil {
				layer[id] = map[string]File{}
			}
			layer[id][f.key] = f
		}
		for id, files := range layer {
			lib.files[id] = files
		}
	}
	for id, files := range lib.files {
		lib.ids = append(lib.ids, id)
		for _, f := range files {
			if f.Lang == language.Und {
				lib.misnamed = append(lib.misnamed, f)
			}
		}
	}
	slices.Sort(lib.ids)
	slices.SortFunc(lib.misnamed, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return lib, nil
}

// symlinks returns a function that reports whether name in fsys is a
// symbolic link, remembering the answer. A source that cannot tell
// (fsys does not implement [fs.ReadLinkFS], as embed.FS) has none.
func symlinks(fsys fs.FS) func(name string) bool {
	if _, ok := fsys.(fs.ReadLinkFS); !ok {
		return func(string) bool { return false }
	}
	seen := map[string]bool{}
	return func(name string) bool {
		link, ok := seen[name]
		if !ok {
			fi, err := fs.Lstat(fsys, name)
			link = err != nil || fi.Mode()&fs.ModeSymlink != 0
			seen[name] = link
		}
		return link
	}
}

func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// IDs returns the template ids, sorted.
func (l *Library) IDs() []string { return slices.Clone(l.ids) }

// Files returns the files of id, English first, then in tag order;
// misnamed files come last.
func (l *Library) Files(id string) []File {
	files := make([]File, 0, len(l.files[id]))
	for _, f := range l.files[id] {
		files = append(files, f)
	}
	slices.SortFunc(files, func(a, b File) int {
		if ma, mb := a.Lang == language.Und, b.Lang == language.Und; ma != mb {
			if ma {
				return 1
			}
			return -1
		}
		return langOrder(a.key, b.key)
	})
	return files
}

// Langs returns every language some template is written in, English
// first, then in tag order.
func (l *Library) Langs() []language.Tag {
	seen := map[string]language.Tag{}
	for _, files := range l.files {
		for k, f := range files {
			if f.Lang != language.Und {
				seen[k] = f.Lang
			}
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, langOrder)
	tags := make([]language.Tag, len(keys))
	for i, k := range keys {
		tags[i] = seen[k]
	}
	return tags
}

// Pick returns the file a reader of lang is shown for id: the file in lang
// or in a parent of it (es for es-419 or es-MX), else the English file,
// else the first language in tag order. translated is false for such a
// fallback; ok is false when the library has no template id.
func (l *Library) Pick(id string, lang language.Tag) (f File, translated, ok bool) {
	files := l.files[id]
	for t := lang; !t.IsRoot(); t = t.Parent() {
		if f, ok := files[t.String()]; ok {
			return f, true, true
		}
	}
	if f, ok := files["en"]; ok {
		return f, false, true
	}
	for _, f := range l.Files(id) {
		return f, false, true
	}
	return File{}, false, false
}

// Misnamed returns the files whose names are not language tags (notes.md,
// en_US.md), sorted by name. The site builder refuses them; lint reports
// them.
func (l *Library) Misnamed() []File { return slices.Clone(l.misnamed) }

// CheckNames returns an error naming every misnamed file, or nil.
func (l *Library) CheckNames() error {
	var errs []error
	for _, f := range l.misnamed {
		errs = append(errs, fmt.Errorf("templates: %s: the file name must be a language tag such as en.md or es.md", f.Name))
	}
	return errors.Join(errs...)
}

// langOrder sorts English first, then by tag.
func langOrder(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "en":
		return -1
	case b == "en":
		return 1
	}
	return cmp.Compare(a, b)
}
