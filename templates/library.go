package templates

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/safefs"
)

// MaxFileSize is the largest template file, in bytes: 256 KiB, some forty
// times the largest shipped template. [Library.Read] refuses a larger file
// before reading it; worksheet.MaxFileSize is the same limit.
const MaxFileSize = 256 << 10

// SourceFile is the name of a template's English source file inside its
// folder: <id>/en.md.
const SourceFile = "en.md"

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
	// layer is the index of FS among the sources (an fs.FS may not be
	// comparable).
	layer int
}

// Duplicate is a file left out of a [Library] because another file of the
// same folder, in the same source, names the same language: en.md and
// EN.md, or en.md and eng.md (an alias of en). Neither can be trusted to
// be the one the author meant, so [Library.Check] reports both.
type Duplicate struct {
	// File is the file left out; Of is the file kept in its place, the
	// first of the two by name.
	File, Of File
}

// Library is the template files of one or more sources laid over one
// another, as the site builder, lint, handout rendering, the translator's
// status and the command line all see them. It is the one place that
// decides which files a library has, which file each language is shown
// and how far each translation is done; nothing else lists a template
// folder.
//
// # Layers
//
// Sources are laid over one another in order. A later source's folder that
// holds the English file (<id>/en.md) defines that template anew: it
// replaces every language of the id from earlier sources, so a clinic's
// sleep-routine folder replaces the default one whole. A later source's
// folder without an English file adds its languages to the template of
// the same id beneath it, file by file: a translator's folder of fr.md
// files adds French to the default library. New ids add to the library.
//
// # Skipped and refused files
//
// Folders and files whose names start with "." or "_" are skipped (drafts,
// editor backups), as the go:embed directive skips them; so are files not
// ending in ".md" and symbolic links, where the source can tell them
// ([fs.ReadLinkFS], as os.DirFS and os.Root.FS): a link in a clinic's
// folder could point anywhere on the computer, and the library would
// publish what it points to. A file whose name is not a language tag is
// listed by [Library.Misnamed]; two files of one folder that name the same
// language by [Library.Duplicates]. [Library.Check] reports both.
//
// # Reading
//
// [Layer] only lists files. [Library.Read] reads one, refusing anything
// but a regular file (a FIFO or a device never blocks it) and a file over
// [MaxFileSize]. [Library.Translation] reads the front matter of the files
// it compares, once each.
//
// A Library is safe for concurrent use.
type Library struct {
	ids      []string                   // sorted
	files    map[string]map[string]File // id → key → file
	misnamed []File
	dups     []Duplicate

	mu    sync.Mutex
	heads map[head]*fileHead // what Translation read, by file
}

// head names one file of one source.
type head struct {
	layer int
	name  string
}

// Layer lists the template files of sources, later sources over earlier
// ones (see [Library]). It fails only when a source cannot be listed.
func Layer(sources ...fs.FS) (*Library, error) {
	lib := &Library{files: map[string]map[string]File{}, heads: map[head]*fileHead{}}
	for i, fsys := range sources {
		layer, err := lib.list(i, fsys)
		if err != nil {
			return nil, err
		}
		for id, files := range layer {
			_, defines := files["en"]
			if lib.files[id] == nil || defines {
				lib.files[id] = files
				continue
			}
			for k, f := range files {
				lib.files[id][k] = f
			}
		}
	}
	// A duplicate counts only while the file kept in its place is in the
	// library: a later source may have replaced it.
	lib.dups = slices.DeleteFunc(lib.dups, func(d Duplicate) bool {
		f, ok := lib.files[d.Of.ID][d.Of.key]
		return !ok || f.layer != d.Of.layer
	})
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
	slices.SortFunc(lib.dups, func(a, b Duplicate) int { return strings.Compare(a.File.Name, b.File.Name) })
	return lib, nil
}

// list returns the template files of one source by id and language key,
// recording the duplicates it leaves out.
func (l *Library) list(i int, fsys fs.FS) (map[string]map[string]File, error) {
	names, err := fs.Glob(fsys, "*/*.md")
	if err != nil {
		return nil, fmt.Errorf("templates: listing templates: %w", err)
	}
	layer := map[string]map[string]File{}
	links := symlinks(fsys)
	for _, name := range names { // sorted, so the first of two duplicates is kept
		dir, base := path.Split(name)
		id := strings.TrimSuffix(dir, "/")
		if skipped(id) || skipped(base) || links(id) || links(name) {
			continue
		}
		f := File{FS: fsys, Name: name, ID: id, key: strings.TrimSuffix(base, ".md"), layer: i}
		if tag, ok := FileLang(base); ok {
			f.Lang, f.key = tag, tag.String()
		}
		if layer[id] == nil {
			layer[id] = map[string]File{}
		}
		if kept, ok := layer[id][f.key]; ok {
			l.dups = append(l.dups, Duplicate{File: f, Of: kept})
			continue
		}
		layer[id][f.key] = f
	}
	return layer, nil
}

// FileLang returns the language a template file's name gives: es-MX for
// "es-MX.md", en for "EN.md" or "eng.md" (language tags are matched in any
// case, and aliases are resolved). ok is false for a name that is not a
// BCP 47 language tag followed by ".md", or is "und.md".
func FileLang(base string) (tag language.Tag, ok bool) {
	stem, ok := strings.CutSuffix(base, ".md")
	if !ok {
		return language.Und, false
	}
	tag, err := language.Parse(stem)
	return tag, err == nil && tag != language.Und
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

// skipped reports whether a folder or file name is left out of a library,
// as go:embed leaves it out: it starts with "." or "_".
func skipped(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// IDs returns the template ids, sorted.
func (l *Library) IDs() []string { return slices.Clone(l.ids) }

// Files returns the files of id, English first, then in tag order;
// misnamed files come last. Duplicates left out are not among them.
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

// file returns the file of id for a reader of lang: the file in lang or
// in a parent of it (es for es-419 or es-MX). ok is false when there is
// none.
func (l *Library) file(id string, lang language.Tag) (f File, ok bool) {
	files := l.files[id]
	for t := lang; !t.IsRoot(); t = t.Parent() {
		if f, ok := files[t.String()]; ok {
			return f, true
		}
	}
	return File{}, false
}

// fallback returns the file shown in place of a missing translation: the
// English file, else the first language in tag order.
func (l *Library) fallback(id string) (File, bool) {
	if f, ok := l.files[id]["en"]; ok {
		return f, true
	}
	for _, f := range l.Files(id) {
		if f.Lang != language.Und {
			return f, true
		}
	}
	return File{}, false
}

// Misnamed returns the files whose names are not language tags (notes.md,
// und.md), sorted by name. The site builder refuses them; lint reports
// them.
func (l *Library) Misnamed() []File { return slices.Clone(l.misnamed) }

// Duplicates returns the files left out because another file of the same
// folder names the same language, sorted by name.
func (l *Library) Duplicates() []Duplicate { return slices.Clone(l.dups) }

// Check returns an error naming every misnamed file and both files of
// every duplicate, or nil. Each error is a *[diag.Error] naming a file.
func (l *Library) Check() error {
	var errs []error
	for _, f := range l.misnamed {
		errs = append(errs, &diag.Error{Pkg: pkg, Path: f.Name, Msg: MisnamedMessage})
	}
	for _, d := range l.dups {
		errs = append(errs, &diag.Error{Pkg: pkg, Path: d.File.Name, Msg: DuplicateMessage(d)})
	}
	return errors.Join(errs...)
}

// MisnamedMessage says what is wrong with a file in [Library.Misnamed].
const MisnamedMessage = "the file name must be a language tag such as en.md or es.md"

// DuplicateMessage says what is wrong with a [Duplicate], naming both
// files.
func DuplicateMessage(d Duplicate) string {
	return fmt.Sprintf("%s and %s are both the %s file of %s: keep one", path.Base(d.Of.Name), path.Base(d.File.Name), d.Of.Lang, d.File.ID)
}

const pkg = "templates"

// Read returns the contents of f. It refuses, without blocking, anything
// but a regular file (a FIFO or a device named like a template), and a
// file larger than [MaxFileSize] before reading it; the error then wraps
// [safefs.ErrNotRegular] or [safefs.ErrTooLarge].
func (l *Library) Read(f File) ([]byte, error) {
	if f.FS == nil {
		return nil, fmt.Errorf("%s: reading the zero File: %w", pkg, fs.ErrNotExist)
	}
	b, err := safefs.ReadFS(f.FS, f.Name, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pkg, err)
	}
	return b, nil
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
