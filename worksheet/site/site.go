package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/readability"
)

// Options configures [Build]. Only Out is required; the zero value of every
// other field picks the default its comment gives.
type Options struct {
	// Sources are folders of templates (<id>/<lang>.md), layered in order
	// by templates.Layer: a later source's folder that has the English file
	// (<id>/en.md) replaces every language of that id, one without it adds
	// its languages, and new ids are added. Empty means the embedded
	// default library, templates.FS().
	Sources []fs.FS
	// Out is the folder the site is written to. It must not exist, be
	// empty, or hold a site an earlier Build wrote.
	Out string
	// Langs are the languages to build, in the order the language chooser
	// lists them. Empty means every language some template is written in,
	// English first.
	Langs []language.Tag
	// Locales supplies UI strings and locale facts. Nil means
	// i18n.Default().
	Locales i18n.Locales
	// Parser parses the templates. Nil means worksheet.NewParser().
	Parser *worksheet.Parser
	// Downloads are further files made for every handout and variant,
	// such as PDFs, linked from the handout pages and the library.
	Downloads []Download
	// Workers bounds how many files are rendered at once. Zero or less
	// means runtime.GOMAXPROCS(0).
	Workers int
	// Progress, when not nil, receives a progress line that is rewritten in
	// place ("\r"): give it a terminal, not a file.
	Progress io.Writer
	// Version identifies the program that renders, such as "between
	// 1.2.0". It is part of the build cache's key, so files made by another
	// version are rendered again; a development build should pass
	// something that changes with its code. Empty means the build is not
	// cached: every file is rendered every time.
	Version string
	// Full renders every file, ignoring the previous site's build cache
	// (the cache is written afresh). A build that checks the locales'
	// fallbacks afterwards wants it: files reused from the previous site
	// are not rendered, so their UI strings are not looked up.
	Full bool
	// IDs are the handouts to build, by template id. Empty means every
	// handout of the library; an id the library does not have is an error.
	IDs []string
	// Paper, when not empty, replaces the paper size of every language
	// in the locale given to each Download (the PDFs).
	Paper i18n.PaperSize
	// Branding is the clinic's name, phone and logo, passed to every
	// Download for the footer of each file. A logo is also written into the
	// site as assets/logo.png or assets/logo.jpg. The zero value brands
	// nothing.
	Branding worksheet.Branding
	// LinkVariant is the print variant the library's links to a handout
	// open: its title on the card and in the topic lists. The card lists
	// every variant whatever it is.
	LinkVariant worksheet.Variant
	// BeforeCommit, when not nil, is called once every file of the new
	// site is written, with the build's report, before the new site
	// replaces the previous one. If it returns an error the new site is
	// removed, the previous one is left as it was, and Build returns that
	// error unchanged. When nothing changed (the folder is left alone) it
	// is called all the same. "between build --strict" uses it to refuse a
	// site that would show English in place of a translation.
	BeforeCommit func(Report) error
}

// Download is a further file made for every handout and variant, beside
// the two HTML pages and linked from them. Package worksheet/pdf/sitepdf
// provides the PDFs (sitepdf.Download); keeping it a value here means the site package
// never links a PDF library unless the program asks for PDFs.
//
// The file of handout id in variant v is written to <lang>/<id>/ and named
// by [FileName].
type Download struct {
	// Ext is the file name extension without the dot, such as "pdf".
	Ext string
	// Label returns the link text for the file of variant v, in loc's
	// language, such as "Large print PDF".
	Label func(loc *i18n.Locale, v worksheet.Variant) string
	// Render writes the file of ws in variant v. loc is the locale of the
	// handout's language, with Options.Paper in place of its own paper
	// when set; brand is Options.Branding. It is called from many
	// goroutines at once.
	Render func(ctx context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale, brand worksheet.Branding) error
	// Version names the renderer and every setting that changes its
	// output, such as "pdf 1 letter". It is part of the build cache's key.
	// A build with a Download whose Version is empty is not cached: every
	// file is rendered every time.
	Version string
}

// FileName returns the name of the file of handout id in variant v with
// extension ext: "sleep-routine.pdf" for the standard variant,
// "sleep-routine-large-print.pdf" for large print.
func FileName(id string, v worksheet.Variant, ext string) string {
	if v == worksheet.Standard {
		return id + "." + ext
	}
	return id + "-" + v.String() + "." + ext
}

// pageName is the HTML page of a variant: index.html or large-print.html.
func pageName(v worksheet.Variant) string {
	if v == worksheet.Standard {
		return "index.html"
	}
	return v.String() + ".html"
}

// Report says what a [Build] did.
type Report struct {
	// Out is the folder the site was written to.
	Out string
	// Files is the number of files in the new site that the builder
	// made, the manifest and the build cache included.
	Files int
	// Rendered is the number of files rendered by this build, and Reused
	// the number taken unchanged from the previous site because their
	// inputs did not change (see [CacheName]). A build with nothing to do
	// renders nothing and leaves the site folder as it was.
	Rendered, Reused int
	// Handouts is the number of templates in the library.
	Handouts int
	// Langs are the languages built.
	Langs []language.Tag
	// Fallbacks lists the pages shown in another language because the
	// template has no translation yet, sorted by language and id.
	Fallbacks []Fallback
	// Duration is how long the build took.
	Duration time.Duration
	// Leftovers are the builder's own temporary folders beside the site
	// (a previous site, or what a stopped build left) that could not be
	// removed, such as one holding a folder its owner cannot write. The
	// site is complete all the same; the next build tries again.
	Leftovers []string
}

// Fallback is a handout that a language's pages show in another language,
// with a visible note, because it has not been translated.
type Fallback struct {
	ID   string
	Lang language.Tag // the language of the pages
	From language.Tag // the language shown instead
	// State is templates.Missing (no file in the language) or
	// templates.Untranslated (a copy not translated yet), as
	// templates.Library.Translation tells it.
	State templates.State
}

// String returns the one-line summary of the build, such as
// "built 3 handouts in 2 languages (en, es): 19 files in site, 0.04s", with
// "(2 rendered, 17 reused)" after the file count when files were reused.
func (r Report) String() string {
	langs := make([]string, len(r.Langs))
	for i, t := range r.Langs {
		langs[i] = t.String()
	}
	var reuse string
	if r.Reused > 0 {
		reuse = fmt.Sprintf(" (%d rendered, %d reused)", r.Rendered, r.Reused)
	}
	return fmt.Sprintf("built %d %s in %d %s (%s): %d files in %s%s, %.2fs",
		r.Handouts, plural(r.Handouts, "handout", "handouts"),
		len(r.Langs), plural(len(r.Langs), "language", "languages"), strings.Join(langs, ", "),
		r.Files, r.Out, reuse, r.Duration.Seconds())
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// Build writes the static handout site described by opts.
//
// The site is written into a new folder beside opts.Out and swapped in
// only when every file is written, so a failed or cancelled build leaves
// the previous site as it was. A manifest file ([ManifestName]) lists the
// files the builder wrote; files and folders in a previous site that are
// not in its manifest are carried over to the new site, never deleted.
// Build refuses to write into a folder that is neither empty nor a
// previous site. One Build at a time writes a folder: another Build of
// the same folder waits for it, until ctx is done (see the package
// documentation, Safety).
//
// Templates are parsed once each and rendered in parallel, one task per
// template, language, variant and file, on at most opts.Workers
// goroutines. A template that does not parse does not stop the others
// from being checked: Build returns every such error, joined, and writes
// nothing. Output is byte-for-byte the same for the same input.
//
// Build is incremental: the previous site's build cache ([CacheName])
// tells which files are still current, and those are hard-linked (or
// copied) into the new site instead of rendered. A template file that
// changed re-renders the pages and files of its id only, and the library
// pages. When nothing changed Build writes nothing at all.
func Build(ctx context.Context, opts Options) (Report, error) {
	start := time.Now()
	if opts.Out == "" {
		return Report{}, errors.New("site: no output folder given")
	}
	b, err := newBuilder(opts)
	if err != nil {
		return Report{}, err
	}
	var waiting func()
	if opts.Progress != nil {
		waiting = func() { fmt.Fprintf(opts.Progress, "\rwaiting for another build of %s to finish", opts.Out) }
	}
	out, err := prepare(ctx, opts.Out, waiting)
	if err != nil {
		return Report{}, err
	}
	defer out.unlock()
	if err := b.planReuse(ctx, out); err != nil {
		return Report{}, err
	}
	rep := Report{Out: opts.Out, Handouts: len(b.ids), Langs: b.langs, Fallbacks: b.fallbacks}
	if b.upToDate(out) {
		rep.Files = len(out.prev)
		rep.Reused = b.reused()
		rep.Duration = time.Since(start)
		rep.Leftovers = out.leftovers
		if opts.BeforeCommit != nil {
			if err := opts.BeforeCommit(rep); err != nil {
				return Report{}, err
			}
		}
		return rep, nil
	}
	if err := out.begin(); err != nil {
		return Report{}, err
	}
	if err := b.run(ctx, out); err != nil {
		out.abort()
		return Report{}, err
	}
	if err := out.finish(); err != nil {
		out.abort()
		return Report{}, err
	}
	rep.Files = out.count()
	rep.Reused = out.linked()
	rep.Rendered = rep.Files - rep.Reused - 1 // the manifest is not counted
	if b.key != "" {
		rep.Rendered-- // nor the cache
	}
	if opts.BeforeCommit != nil {
		rep.Duration = time.Since(start)
		if err := opts.BeforeCommit(rep); err != nil {
			out.abort()
			return Report{}, err
		}
	}
	if err := out.swap(); err != nil {
		return Report{}, err
	}
	rep.Duration = time.Since(start)
	rep.Leftovers = out.leftovers
	return rep, nil
}

// builder is one Build's plan: the library, the languages and their
// locales.
type builder struct {
	opts      Options
	lib       *templates.Library
	shown     map[string]templates.Translation // by id and page language; see translation
	ids       []string                         // sorted
	parser    *worksheet.Parser
	langs     []language.Tag
	locs      i18n.Locales
	locales   map[string]*i18n.Locale // by tag string, for every page and source language
	fallbacks []Fallback

	// The build cache: key is "" when the build is not cached; hashes are
	// the input hashes by id; clean are the ids reused from the previous
	// site, and indexClean the index files when they are reused too.
	key        string
	hashes     map[string]string
	clean      map[string]*cacheEntry
	indexClean *cacheEntry

	mu    sync.Mutex
	cards map[string][]card // by page language: one per handout, filled as sources parse
}

func newBuilder(opts Options) (*builder, error) {
	sources := opts.Sources
	if len(sources) == 0 {
		sources = []fs.FS{templates.FS()}
	}
	lib, err := templates.Layer(sources...)
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	if err := lib.Check(); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	if len(lib.IDs()) == 0 {
		return nil, errors.New("site: no templates found (want <id>/<lang>.md files)")
	}
	b := &builder{opts: opts, lib: lib, ids: lib.IDs(), parser: opts.Parser, cards: map[string][]card{}, locales: map[string]*i18n.Locale{}, shown: map[string]templates.Translation{}}
	if len(opts.IDs) > 0 {
		want := map[string]bool{}
		for _, id := range opts.IDs {
			if !slices.Contains(b.ids, id) {
				return nil, fmt.Errorf("site: no handout %q in the library", id)
			}
			want[id] = true
		}
		b.ids = slices.DeleteFunc(b.ids, func(id string) bool { return !want[id] })
	}
	switch opts.Paper {
	case "", i18n.Letter, i18n.A4:
	default:
		return nil, fmt.Errorf("site: unknown paper size %q", opts.Paper)
	}
	if b.parser == nil {
		b.parser = worksheet.NewParser()
	}
	b.langs = opts.Langs
	if len(b.langs) == 0 {
		b.langs = lib.Langs()
	}
	seen := map[string]bool{}
	for _, t := range b.langs {
		if seen[t.String()] {
			return nil, fmt.Errorf("site: language %s given twice", t)
		}
		seen[t.String()] = true
	}
	locs := opts.Locales
	if locs == nil {
		cat, err := i18n.Default()
		if err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
		locs = cat
	}
	b.locs = locs
	need := slices.Clone(b.langs)
	for _, lang := range b.langs {
		for _, id := range b.ids {
			t, _, err := lib.Translation(id, lang)
			var fault *diag.Error
			if err != nil && !errors.As(err, &fault) {
				return nil, fmt.Errorf("site: %w", err)
			} // a front matter that cannot be read is reported by the parser
			b.shown[id+" "+lang.String()] = t
			if !t.InLang() {
				b.fallbacks = append(b.fallbacks, Fallback{ID: id, Lang: lang, From: t.Shown.Lang, State: t.State})
				need = append(need, t.Shown.Lang)
			}
		}
	}
	for _, t := range need {
		if b.locales[t.String()] != nil {
			continue
		}
		loc, err := locs.Locale(t)
		if err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
		b.locales[t.String()] = loc
	}
	return b, nil
}

// translation returns the state of id's translation into the page
// language lang and the file its pages show, as the library told it.
func (b *builder) translation(id string, lang language.Tag) templates.Translation {
	return b.shown[id+" "+lang.String()]
}

// task is one file to write: a handout page of one variant, or one
// download of one variant.
type task struct {
	src      *parsed
	lang     language.Tag // of the page
	variant  worksheet.Variant
	download int // index into opts.Downloads, or -1 for the HTML page
}

// parsed is a source file parsed on first use by whichever task needs it
// first. The worksheet is dropped when the last task that needs it is
// done, so memory stays flat however large the library.
type parsed struct {
	file  templates.File
	once  sync.Once
	ws    *worksheet.Worksheet
	err   error
	tasks atomic.Int32
	// pages are the languages whose pages show this file.
	pages []language.Tag
	// read is the file's readability, measured once for the cards of
	// every page language that shows it.
	readOnce sync.Once
	read     readability.Report
}

// readability measures ws, the parsed file, once. It is measured in the
// locale its text is shown with on the first page language that shows it,
// whichever page asks first, so that the result never depends on the
// order the pages were rendered in.
func (b *builder) readability(p *parsed, ws *worksheet.Worksheet) *readability.Report {
	p.readOnce.Do(func() {
		loc := b.locales[p.file.Lang.String()]
		if b.translation(p.file.ID, p.pages[0]).InLang() {
			loc = b.locales[p.pages[0].String()]
		}
		p.read = readability.Analyze(ws, loc)
	})
	return &p.read
}

func (p *parsed) get(lib *templates.Library, parser *worksheet.Parser) (*worksheet.Worksheet, error) {
	p.once.Do(func() {
		src, err := lib.Read(p.file)
		if err != nil {
			p.err = err
			return
		}
		p.ws, p.err = parser.Parse(p.file.Name, src)
	})
	return p.ws, p.err
}

// done releases the worksheet after the last task.
func (p *parsed) done() {
	if p.tasks.Add(-1) == 0 {
		p.ws = nil
	}
}

// plan lists the parsed sources: one per template file that some page
// shows, in id then language order, leaving out the ids reused from the
// previous site.
func (b *builder) plan() []*parsed {
	var srcs []*parsed
	for _, id := range b.ids {
		if b.clean[id] != nil {
			continue
		}
		byFile := map[string]*parsed{}
		for _, lang := range b.langs {
			f := b.translation(id, lang).Shown
			p := byFile[f.Name]
			if p == nil {
				p = &parsed{file: f}
				byFile[f.Name] = p
				srcs = append(srcs, p)
			}
			p.pages = append(p.pages, lang)
		}
	}
	return srcs
}

// run renders every file into out.
func (b *builder) run(ctx context.Context, out *output) error {
	if err := b.reuse(ctx, out); err != nil {
		return err
	}
	srcs := b.plan()
	perPage := len(worksheet.Variants()) * (1 + len(b.opts.Downloads))
	total := 0
	for _, p := range srcs {
		n := len(p.pages) * perPage
		p.tasks.Store(int32(n))
		total += n
	}
	prog := newProgress(b.opts.Progress, total)

	// A template that does not parse is collected and the others go on; any
	// other error stops every task.
	var (
		errMu     sync.Mutex
		parseErrs []error
	)
	g, gctx := b.group(ctx)
feed:
	for _, p := range srcs {
		for _, lang := range p.pages {
			for _, v := range worksheet.Variants() {
				for f := -1; f < len(b.opts.Downloads); f++ {
					if gctx.Err() != nil {
						break feed
					}
					t := task{src: p, lang: lang, variant: v, download: f}
					g.Go(func() error {
						defer prog.step()
						defer t.src.done()
						if gctx.Err() != nil {
							return nil
						}
						err := b.do(gctx, out, t)
						if perr := (parseError{}); errors.As(err, &perr) {
							errMu.Lock()
							parseErrs = append(parseErrs, perr.err)
							errMu.Unlock()
							return nil
						}
						return err
					})
				}
			}
		}
	}
	fatal := g.Wait()
	prog.finish()

	if fatal != nil {
		return fatal
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("site: build stopped: %w", err)
	}
	if len(parseErrs) > 0 {
		return errors.Join(parseErrs...)
	}
	if b.indexClean == nil {
		if err := b.writeIndexes(out); err != nil {
			return err
		}
	}
	if b.key == "" {
		return nil
	}
	return b.writeCache(out)
}

// reuse links the files of the clean ids (and of the index, when clean)
// from the previous site into the new one, and takes their cards from the
// cache.
func (b *builder) reuse(ctx context.Context, out *output) error {
	var groups []*cacheEntry
	for _, id := range b.ids {
		if e := b.clean[id]; e != nil {
			groups = append(groups, e)
			for lang, c := range e.Cards {
				b.cards[lang] = append(b.cards[lang], c)
			}
		}
	}
	if b.indexClean != nil {
		groups = append(groups, b.indexClean)
	}
	return b.parallel(ctx, len(groups), func(ctx context.Context, i int) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("site: build stopped: %w", err)
		}
		for _, f := range groups[i].Files {
			if err := out.link(f); err != nil {
				return err
			}
		}
		return nil
	})
}

// group returns an errgroup bounded to opts.Workers goroutines (zero or
// less: runtime.GOMAXPROCS), and its context, which is cancelled when a
// function fails: one failure stops the others.
func (b *builder) group(ctx context.Context) (*errgroup.Group, context.Context) {
	g, ctx := errgroup.WithContext(ctx)
	workers := b.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g.SetLimit(workers)
	return g, ctx
}

// parallel calls fn(ctx, 0) … fn(ctx, n-1) on the builder's bounded group
// and returns the first error; ctx is cancelled for the calls still
// running, and no further call starts, once one fails. When ctx is done
// before every call has started, it returns ctx.Err().
func (b *builder) parallel(ctx context.Context, n int, fn func(ctx context.Context, i int) error) error {
	g, gctx := b.group(ctx)
	for i := range n {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if gctx.Err() != nil {
				return nil // a call failed while this one waited for a worker
			}
			return fn(gctx, i)
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}

// parseError marks a template that does not parse; the build goes on
// checking the others.
type parseError struct{ err error }

func (e parseError) Error() string { return e.err.Error() }

// do writes one task's file. An error making the file names the template
// it was made from.
func (b *builder) do(ctx context.Context, out *output, t task) error {
	err := b.doTask(ctx, out, t)
	if we := (*writeError)(nil); errors.As(err, &we) {
		we.src = t.src.file.Name
	}
	return err
}

func (b *builder) doTask(ctx context.Context, out *output, t task) error {
	ws, err := t.src.get(b.lib, b.parser)
	if err != nil {
		if t.lang == t.src.pages[0] && t.variant == worksheet.Standard && t.download < 0 {
			return parseError{err} // report each file once
		}
		return nil
	}
	translated := b.translation(t.src.file.ID, t.lang).InLang()
	pageLoc := b.locales[t.lang.String()]
	textLoc := pageLoc
	if !translated {
		textLoc = b.locales[t.src.file.Lang.String()]
	}
	dir := t.lang.String() + "/" + ws.Meta.ID + "/"
	if t.download >= 0 {
		f := b.opts.Downloads[t.download]
		return out.write(dir+FileName(ws.Meta.ID, t.variant, f.Ext), func(w io.Writer) error {
			loc := textLoc
			if b.opts.Paper != "" {
				l := *textLoc
				l.Paper = b.opts.Paper
				loc = &l
			}
			if err := f.Render(ctx, w, ws, t.variant, loc, b.opts.Branding); err != nil {
				if de := (*diag.Error)(nil); errors.As(err, &de) && de.Path != ws.Path {
					return err // a mistake in another file, such as a locale's font: the one to fix
				}
				return fmt.Errorf("site: %s: %s %s: %w", ws.Path, t.variant, f.Ext, err)
			}
			return nil
		})
	}
	if t.variant == worksheet.Standard {
		b.addCard(t.lang, ws, translated, b.readability(t.src, ws))
		cp := b.clinicianPage(ws, t.lang, pageLoc, translated)
		if err := out.write(dir+ClinicianPage, func(w io.Writer) error {
			return renderClinician(w, cp, ws.Path)
		}); err != nil {
			return err
		}
	}
	page := b.handoutPage(ws, t.lang, t.variant, pageLoc, translated)
	return out.write(dir+pageName(t.variant), func(w io.Writer) error {
		return b.renderHandout(w, page, ws, t.variant, textLoc)
	})
}

// progress writes a progress line, at most ten times a second.
type progress struct {
	w     io.Writer
	total int
	mu    sync.Mutex
	done  int
	last  time.Time
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total}
}

func (p *progress) step() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond || p.done == p.total {
		p.last = now
		fmt.Fprintf(p.w, "\rbuilding %d/%d files", p.done, p.total)
	}
}

// finish clears the progress line.
func (p *progress) finish() {
	if p.w == nil {
		return
	}
	fmt.Fprint(p.w, "\r\033[K")
}
