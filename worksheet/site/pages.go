package site

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/readability"
	"github.com/betweensessions/between/worksheet/typeface"
)

//go:embed layout/*.html
var layoutFS embed.FS

//go:embed assets
var assetsFS embed.FS

// handoutAssets are the files of the HTML format that the site serves
// beside its own (assets/site.css, assets/print.css): the handouts'
// stylesheet and script, from package worksheet, and the reading typeface
// with its licence, from package worksheet/typeface (the files the PDF
// embeds), in assets/fonts/ where the stylesheet looks for them.
var handoutAssets = func() map[string]string {
	m := map[string]string{
		"assets/handout.css": worksheet.HTMLStylesheet(),
		"assets/handout.js":  worksheet.HTMLScript(),
	}
	for _, name := range []string{typeface.RegularFile, typeface.BoldFile, typeface.ItalicFile, typeface.LicenseFile} {
		b, err := fs.ReadFile(typeface.FS(), name)
		if err != nil {
			panic(err) // embedded: present whenever the program built
		}
		m["assets/fonts/"+name] = string(b)
	}
	return m
}()

// layouts are the page templates. They are parsed once and only executed
// afterwards, which html/template allows from many goroutines at once.
var layouts = template.Must(template.ParseFS(layoutFS, "layout/*.html"))

// page is what every page's layout needs.
type page struct {
	Lang, Dir string
	Title     string
	// Root is the relative path from the page to the top of the site:
	// "", "../" or "../../".
	Root       string
	LargePrint bool
	Alternates []link // hreflang alternates, the page itself included
	// Scripts are the page's script files in assets/, such as
	// "handout.js". The Content-Security-Policy allows only the site's own
	// files; a page works without its scripts.
	Scripts []string
	loc     *i18n.Locale
}

// T returns the page locale's UI string with the given message ID.
func (p *page) T(id string) string { return p.loc.Text(id, nil) }

// link is a link with its text; Lang is set when the text is in another
// language than the page.
type link struct {
	Text, Href, Lang string
	Current          bool
}

// handoutPage is a handout in one variant.
type handoutPage struct {
	page
	Versions  []link
	Languages []link
	// Note says that the handout is shown in another language; TextLang is
	// then that language.
	Note, TextLang string
	License        string
	// AnswerBar is worksheet.RenderAnswerBar's Print, Save and Open bar.
	AnswerBar template.HTML
	Article   template.HTML
}

// card is a handout as the library page lists it. Cards are kept in the
// build cache, so a handout that did not change need not be parsed again
// to list it.
type card struct {
	ID, Title, Summary, Minutes string
	// Mins is how many minutes the handout takes; 0 when it does not say.
	Mins int `json:",omitempty"`
	// Filter holds the card's data-* values for the library's filter:
	// its time group and topic anchors, set when the page is made.
	Filter         struct{ Time, Topics string } `json:"-"`
	Kind           worksheet.Kind
	Topics         []string // as the template writes them
	TextLang, Note string
	// Reading is the measured reading level, such as "Reading level:
	// grade 5", or empty when the language has no formula.
	Reading string `json:",omitempty"`
	Links   []link
}

type kindGroup struct {
	Kind  worksheet.Kind
	Name  string
	Cards []card
}

type topicGroup struct {
	Name string
	// Key is the topic as templates write it, and Anchor the id of its
	// heading on the library page.
	Key, Anchor string
	Links       []link
}

// timeGroup is the handouts that take about the same time: up to 5, 10
// or 20 minutes, more than 20, or no time given.
type timeGroup struct {
	Anchor, Name string
	Links        []link
}

// timeBuckets are the upper bounds, in minutes, of the time groups; a
// handout longer than the last is "more than" it.
var timeBuckets = []int{5, 10, 20}

// timeGroupOf returns the anchor of the time group of a handout that takes
// mins minutes, and its index in the page's order (no time given last).
func timeGroupOf(mins int) (anchor string, order int) {
	if mins <= 0 {
		return "time-none", len(timeBuckets) + 1
	}
	for i, b := range timeBuckets {
		if mins <= b {
			return "time-" + strconv.Itoa(b), i
		}
	}
	return "time-more", len(timeBuckets)
}

// timeGroupName names the time group at order in loc's language.
func timeGroupName(loc *i18n.Locale, order int) string {
	switch {
	case order < len(timeBuckets):
		return loc.Text("TimeUpTo", map[string]any{"Count": timeBuckets[order]})
	case order == len(timeBuckets):
		return loc.Text("TimeOver", map[string]any{"Count": timeBuckets[len(timeBuckets)-1]})
	}
	return loc.Text("TimeNone", nil)
}

// anchorOf makes an id attribute value from a topic key, in ASCII letters,
// digits and dashes: "social skills" becomes "topic-social-skills".
func anchorOf(key string) string {
	var b strings.Builder
	b.WriteString("topic-")
	dash := false
	for _, r := range strings.ToLower(key) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// libraryPage is a language's list of handouts.
type libraryPage struct {
	page
	Times []timeGroup
	// FilterShown is the filter's status line with {shown} and {total}
	// for the script to fill in.
	FilterShown string
	// Open is the page a handout's title links to: index.html or
	// large-print.html.
	Open      string
	Kinds     []kindGroup
	Topics    []topicGroup
	Languages []link
}

// chooserPage is the top page: one link per language, each with the
// library's title and the prompt in that language.
type chooserPage struct {
	page
	Prompts   []link // "Choose a language" in each language; Href unused
	Languages []langChoice
}

type langChoice struct {
	link
	Title string
}

func dir(loc *i18n.Locale) string {
	if loc.Dir == "" {
		return string(i18n.LTR)
	}
	return string(loc.Dir)
}

// versions lists the links to every variant and download of a handout, as
// seen from a page dirPrefix away from its folder ("" on the handout's own
// pages, "<id>/" on the library page).
func (b *builder) versions(id, dirPrefix string, loc *i18n.Locale, current worksheet.Variant, onHandout bool) []link {
	var links []link
	for _, v := range worksheet.Variants() {
		text := loc.Text("StandardPrint", nil)
		if v == worksheet.LargePrint {
			text = loc.Text("LargePrint", nil)
		}
		links = append(links, link{Text: text, Href: dirPrefix + pageName(v), Current: onHandout && v == current})
	}
	for _, f := range b.opts.Downloads {
		for _, v := range worksheet.Variants() {
			text := f.Ext
			if f.Label != nil {
				text = f.Label(loc, v)
			}
			links = append(links, link{Text: text, Href: dirPrefix + FileName(id, v, f.Ext)})
		}
	}
	return links
}

// languageLinks returns the hreflang alternates of the page file of
// handout id shown in lang (the page itself included), and the links to
// that page in the other languages that have id translated.
func (b *builder) languageLinks(id string, lang language.Tag, file string) (alternates, others []link) {
	for _, t := range b.translations(id) {
		href := "../../" + t.String() + "/" + id + "/" + file
		alternates = append(alternates, link{Lang: t.String(), Href: href})
		if t != lang {
			others = append(others, link{Text: b.locales[t.String()].Name, Href: href, Lang: t.String()})
		}
	}
	return alternates, others
}

// translations lists the site languages that have id translated.
func (b *builder) translations(id string) []language.Tag {
	var tags []language.Tag
	for _, t := range b.langs {
		if b.translation(id, t).InLang() {
			tags = append(tags, t)
		}
	}
	return tags
}

func (b *builder) handoutPage(ws *worksheet.Worksheet, lang language.Tag, v worksheet.Variant, pageLoc *i18n.Locale, translated bool) *handoutPage {
	id := ws.Meta.ID
	title := ws.Meta.Title
	if v == worksheet.LargePrint {
		title += " (" + pageLoc.Text("LargePrint", nil) + ")"
	}
	p := &handoutPage{
		page: page{
			Lang: lang.String(), Dir: dir(pageLoc), Root: "../../",
			Title: title, LargePrint: v == worksheet.LargePrint, loc: pageLoc,
			Scripts: []string{"handout.js"},
		},
		Versions: b.versions(id, "", pageLoc, v, true),
		License:  ws.Meta.License,
	}
	p.Alternates, p.Languages = b.languageLinks(id, lang, pageName(v))
	if !translated {
		p.TextLang = ws.Lang.String()
		p.Note = pageLoc.Text("NotTranslated", map[string]any{"Language": pageLoc.Name})
	}
	return p
}

// renderHandout writes a handout page: the layout around RenderHTML's
// article.
func (b *builder) renderHandout(w io.Writer, p *handoutPage, ws *worksheet.Worksheet, v worksheet.Variant, textLoc *i18n.Locale) error {
	var art bytes.Buffer
	opts := worksheet.HTMLOptions{Variant: v, Locale: textLoc, Branding: b.opts.Branding}
	if logo := b.opts.Branding.Logo; logo != nil {
		opts.LogoURL = p.Root + LogoFile(logo)
	}
	if err := worksheet.RenderHTML(&art, ws, opts); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	// RenderHTML escapes all text itself; its output is trusted here.
	p.Article = template.HTML(art.String())
	var bar bytes.Buffer
	if err := worksheet.RenderAnswerBar(&bar, p.loc); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	p.AnswerBar = template.HTML(bar.String())
	if err := layouts.ExecuteTemplate(w, "handout.html", p); err != nil {
		return fmt.Errorf("site: %s: %w", ws.Path, err)
	}
	return nil
}

// addCard records the handout for the library page of lang. read is the
// handout's readability, measured in its own language.
func (b *builder) addCard(lang language.Tag, ws *worksheet.Worksheet, translated bool, read *readability.Report) {
	loc := b.locales[lang.String()]
	m := ws.Meta
	c := card{
		ID: m.ID, Title: m.Title, Summary: m.Summary, Kind: m.Kind, Topics: m.Topics,
		Reading: readingLevel(read, loc),
		Links:   b.versions(m.ID, m.ID+"/", loc, worksheet.Standard, false),
	}
	if m.Minutes > 0 {
		c.Mins = m.Minutes
		c.Minutes = loc.Text("Minutes", map[string]any{"Count": m.Minutes})
	}
	if !translated {
		c.TextLang = ws.Lang.String()
		c.Note = loc.Text("NotTranslated", map[string]any{"Language": loc.Name})
	}
	b.mu.Lock()
	b.cards[lang.String()] = append(b.cards[lang.String()], c)
	b.mu.Unlock()
}

// readingLevel says a handout's measured readability r in the page's
// language: "Reading level: grade 5" for a grade formula such as
// Flesch–Kincaid, "Lectura: muy fácil" for an ease formula such as
// Szigriszt-Pazos with its INFLESZ band. A grade below 1 is shown as 1. A
// language with no formula gives "".
func readingLevel(r *readability.Report, pageLoc *i18n.Locale) string {
	switch {
	case r.Formula == "":
		return ""
	case r.Score.Scale == readability.GradeScale:
		return pageLoc.Text("ReadingGrade", map[string]any{"Grade": max(1, int(math.Round(r.Score.Value)))})
	case r.Score.Band != "":
		return pageLoc.Text("ReadingEase", map[string]any{"Band": r.Score.Band})
	}
	return ""
}

// topicName is the name of a topic key in loc's language: the message
// Topic.<key>, or the key itself when no language has that message (the
// locale records the miss as a fallback, as it does for every string).
func topicName(loc *i18n.Locale, key string) string {
	id := "Topic." + key
	if s := loc.Text(id, nil); s != id && s != "" {
		return s
	}
	return key
}

// writeIndexes writes the language chooser, each language's library page
// and the assets.
func (b *builder) writeIndexes(out *output) error {
	var langLinks []link
	for _, t := range b.langs {
		langLinks = append(langLinks, link{Text: b.locales[t.String()].Name, Href: t.String() + "/index.html", Lang: t.String()})
	}
	first := b.locales[b.langs[0].String()]
	chooser := &chooserPage{
		page: page{
			Lang: b.langs[0].String(), Dir: dir(first), Title: first.Text("LibraryTitle", nil),
			Alternates: hreflang(langLinks, ""), loc: first,
		},
	}
	for _, l := range langLinks {
		loc := b.locales[l.Lang]
		chooser.Prompts = append(chooser.Prompts, link{Text: loc.Text("ChooseLanguage", nil), Lang: l.Lang})
		chooser.Languages = append(chooser.Languages, langChoice{link: l, Title: loc.Text("LibraryTitle", nil)})
	}
	if err := out.write("index.html", func(w io.Writer) error {
		return layouts.ExecuteTemplate(w, "chooser.html", chooser)
	}); err != nil {
		return fmt.Errorf("site: index.html: %w", err)
	}
	for _, t := range b.langs {
		p := b.libraryPage(t, langLinks)
		if err := out.write(t.String()+"/index.html", func(w io.Writer) error {
			return layouts.ExecuteTemplate(w, "library.html", p)
		}); err != nil {
			return fmt.Errorf("site: %s/index.html: %w", t, err)
		}
	}
	if logo := b.opts.Branding.Logo; logo != nil {
		if err := out.write(LogoFile(logo), func(w io.Writer) error {
			_, err := w.Write(logo.Data())
			return err
		}); err != nil {
			return fmt.Errorf("site: %s: %w", LogoFile(logo), err)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(handoutAssets)) {
		if err := out.write(name, func(w io.Writer) error {
			_, err := io.WriteString(w, handoutAssets[name])
			return err
		}); err != nil {
			return fmt.Errorf("site: %s: %w", name, err)
		}
	}
	return fs.WalkDir(assetsFS, "assets", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := assetsFS.ReadFile(name)
		if err != nil {
			return err
		}
		return out.write(name, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	})
}

// LogoFile is the path in the site of the clinic's logo: assets/logo.png
// or assets/logo.jpg.
func LogoFile(logo *worksheet.Logo) string { return "assets/logo" + logo.Ext() }

// hreflang turns language links into alternates as seen from prefix.
func hreflang(langs []link, prefix string) []link {
	alts := make([]link, len(langs))
	for i, l := range langs {
		alts[i] = link{Lang: l.Lang, Href: prefix + l.Href}
	}
	return alts
}

func (b *builder) libraryPage(lang language.Tag, langLinks []link) *libraryPage {
	loc := b.locales[lang.String()]
	cards := b.cards[lang.String()]
	kinds := worksheet.Kinds()
	slices.SortFunc(cards, func(x, y card) int {
		return cmp.Or(
			cmp.Compare(slices.Index(kinds, x.Kind), slices.Index(kinds, y.Kind)),
			strings.Compare(string(x.Kind), string(y.Kind)),
			strings.Compare(x.Title, y.Title),
			strings.Compare(x.ID, y.ID),
		)
	})
	p := &libraryPage{
		Open:        pageName(b.opts.LinkVariant),
		FilterShown: loc.Text("FilterShown", map[string]any{"Shown": "{shown}", "Total": "{total}"}),
		page: page{
			Lang: lang.String(), Dir: dir(loc), Title: loc.Text("LibraryTitle", nil), Root: "../",
			Alternates: hreflang(langLinks, "../"), loc: loc,
			Scripts: []string{"library.js"},
		},
	}
	for _, l := range langLinks {
		if l.Lang != lang.String() {
			p.Languages = append(p.Languages, link{Text: l.Text, Href: "../" + l.Href, Lang: l.Lang})
		}
	}
	topics := map[string][]link{} // by topic name in the page language
	keys := map[string]string{}   // topic name → the first key shown by it
	times := map[int]*timeGroup{} // by order
	for _, c := range cards {
		href := path.Join(c.ID, pageName(b.opts.LinkVariant))
		anchor, order := timeGroupOf(c.Mins)
		c.Filter.Time = anchor
		if times[order] == nil {
			times[order] = &timeGroup{Anchor: anchor, Name: timeGroupName(loc, order)}
		}
		times[order].Links = append(times[order].Links, link{Text: c.Title, Href: href, Lang: c.TextLang})
		if n := len(p.Kinds); n == 0 || p.Kinds[n-1].Kind != c.Kind {
			name := loc.Text("Kind."+string(c.Kind), nil)
			p.Kinds = append(p.Kinds, kindGroup{Kind: c.Kind, Name: name})
		}
		g := &p.Kinds[len(p.Kinds)-1]
		g.Cards = append(g.Cards, c)
		for _, t := range c.Topics {
			name := topicName(loc, t)
			topics[name] = append(topics[name], link{Text: c.Title, Href: href, Lang: c.TextLang})
			if _, ok := keys[name]; !ok || t < keys[name] {
				keys[name] = t
			}
		}
	}
	for order := range len(timeBuckets) + 2 {
		if g := times[order]; g != nil {
			p.Times = append(p.Times, *g)
		}
	}
	names := slices.Collect(maps.Keys(topics))
	// Sort as the language sorts ("Ánimo" before "Sueño"), then by the
	// bytes, so two builds always agree.
	col := collate.New(lang)
	slices.SortFunc(names, func(x, y string) int {
		return cmp.Or(col.CompareString(x, y), strings.Compare(x, y))
	})
	used := map[string]bool{}
	anchors := map[string]string{} // by topic name
	for _, name := range names {
		anchor := anchorOf(keys[name])
		for n := 2; used[anchor]; n++ {
			anchor = anchorOf(keys[name]) + "-" + strconv.Itoa(n)
		}
		used[anchor] = true
		anchors[name] = anchor
		p.Topics = append(p.Topics, topicGroup{Name: name, Key: keys[name], Anchor: anchor, Links: topics[name]})
	}
	for i := range p.Kinds {
		for j := range p.Kinds[i].Cards {
			c := &p.Kinds[i].Cards[j]
			ids := make([]string, len(c.Topics))
			for k, t := range c.Topics {
				ids[k] = anchors[topicName(loc, t)]
			}
			c.Filter.Topics = strings.Join(ids, " ")
		}
	}
	return p
}
