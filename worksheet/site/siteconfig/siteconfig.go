// Package siteconfig reads a clinic's site configuration: the TOML file
// (between.toml) that holds what a clinic sets once for "between build" —
// its languages and regions, paper size, name, phone and logo, which
// handouts to include, and which print variant the library links open.
//
// Every mistake in the file is a [*diag.Error] with the file and line:
// an unknown key, a value of the wrong type, a paper size or variant that
// does not exist, a language with no locale, a handout the library does
// not have, a logo that is not a PNG or JPEG image or is larger than
// [worksheet.MaxLogoBytes]. The file and the logo are read as regular
// files only, their size checked before they are read.
//
// A file that sets everything:
//
//	languages = ["en-US", "es-US"]   # the order the language chooser lists them
//	paper = "letter"                 # or "a4"; default: each language's region
//	handouts = ["sleep-routine", "mood-journal"]   # default: every handout
//	variant = "large-print"          # what the library's links open; default "standard"
//
//	[clinic]
//	name = "Riverside Counseling"
//	phone = "(555) 010-0199"
//	logo = "logo.png"                # PNG or JPEG, beside this file; optional
package siteconfig

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/internal/safefs"
	"github.com/betweensessions/between/internal/tomlpos"
	"github.com/betweensessions/between/worksheet"
)

// FileName is the name of the configuration file "between build" reads
// from the working folder when no --config is given.
const FileName = "between.toml"

// MaxSize is the largest configuration file Load reads. A clinic's
// settings take a few hundred bytes.
const MaxSize = 64 << 10

// pkg starts every error message.
const pkg = "siteconfig"

// Config is a clinic's site configuration. The zero value sets nothing:
// every language, each language's paper, every handout, no branding,
// links to the standard variant.
type Config struct {
	// Path is the file the configuration was read from, as given to Load.
	Path string
	// Langs are the languages to build, in the order the language chooser
	// lists them. Empty means every language the templates have.
	Langs []language.Tag
	// Paper replaces the paper size of every language when not empty.
	Paper i18n.PaperSize
	// Handouts are the ids of the handouts to build. Empty means all.
	Handouts []string
	// Variant is the print variant the library's links open.
	Variant worksheet.Variant
	// Branding is the clinic's name, phone and logo, printed in the
	// footer of every handout.
	Branding worksheet.Branding
}

// Known is what the file's values are checked against. A nil field is
// not checked.
type Known struct {
	// IDs are the handouts the library has.
	IDs []string
	// Locales gives the locale of a language; a language it refuses is an
	// error at its line. [*i18n.Catalog] implements it.
	Locales i18n.Locales
}

// file is the TOML file as written.
type file struct {
	Languages []langTag          `toml:"languages"`
	Paper     i18n.PaperSize     `toml:"paper"`
	Handouts  []string           `toml:"handouts"`
	Variant   *worksheet.Variant `toml:"variant"`
	Clinic    struct {
		Name  string `toml:"name"`
		Phone string `toml:"phone"`
		Logo  string `toml:"logo"`
	} `toml:"clinic"`
}

// langTag is a language tag whose error says what was wanted.
type langTag struct{ language.Tag }

func (t *langTag) UnmarshalText(b []byte) error {
	tag, err := language.Parse(string(b))
	if err != nil {
		return fmt.Errorf("%q is not a language tag such as en, es or en-US", b)
	}
	t.Tag = tag
	return nil
}

// Load reads the configuration file name and checks it against known.
// A logo is read from the path the file gives, relative to the file's
// folder. Load reads nothing else and writes nothing.
func Load(name string, known Known) (*Config, error) {
	src, err := safefs.ReadFile(name, MaxSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pkg, err)
	}
	return parse(name, src, known)
}

// parse decodes src, read from name.
func parse(name string, src []byte, known Known) (*Config, error) {
	var f file
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&f)
	if err != nil {
		return nil, quote(tomlpos.Error(pkg, name, err), src)
	}
	at := func(key ...string) *diag.Error {
		return quote(&diag.Error{Pkg: pkg, Path: name, Line: tomlpos.KeyLine(src, key, 1)}, src)
	}
	if und := md.Undecoded(); len(und) > 0 {
		e := at(und[0]...)
		e.Msg = fmt.Sprintf("unknown key %q (want languages, paper, handouts, variant, or name, phone and logo under [clinic])", und[0].String())
		return nil, e
	}
	c := &Config{Path: name, Paper: f.Paper, Handouts: f.Handouts}
	if f.Variant != nil {
		c.Variant = *f.Variant
	}
	seen := map[language.Tag]bool{}
	for _, t := range f.Languages {
		if seen[t.Tag] {
			e := at("languages")
			e.Msg = fmt.Sprintf("language %s is listed twice", t.Tag)
			return nil, e
		}
		seen[t.Tag] = true
		if known.Locales != nil {
			if _, err := known.Locales.Locale(t.Tag); err != nil {
				e := at("languages")
				e.Msg, e.Err = fmt.Sprintf("language %s: %v", t.Tag, err), err
				return nil, e
			}
		}
		c.Langs = append(c.Langs, t.Tag)
	}
	for _, id := range f.Handouts {
		if known.IDs != nil && !slices.Contains(known.IDs, id) {
			e := at("handouts")
			e.Msg = fmt.Sprintf("no handout %q in the library (run \"between list\" for the ids)", id)
			return nil, e
		}
	}
	if f.Handouts != nil && len(f.Handouts) == 0 {
		e := at("handouts")
		e.Msg = "handouts is empty: leave it out to build every handout"
		return nil, e
	}
	c.Branding.Clinic, c.Branding.Phone = f.Clinic.Name, f.Clinic.Phone
	if f.Clinic.Logo != "" {
		logo := f.Clinic.Logo
		if !filepath.IsAbs(logo) {
			logo = filepath.Join(filepath.Dir(name), logo)
		}
		data, err := safefs.ReadFile(logo, worksheet.MaxLogoBytes)
		if err != nil {
			e := at("clinic", "logo")
			e.Msg, e.Err = "logo: "+err.Error(), err
			return nil, e
		}
		if c.Branding.Logo, err = worksheet.NewLogo(data); err != nil {
			e := at("clinic", "logo")
			e.Msg, e.Err = fmt.Sprintf("%s: %s", logo, strings.TrimPrefix(err.Error(), "worksheet: ")), err
			return nil, e
		}
	}
	return c, nil
}

// quote adds the source line to e, for the caret under its column.
func quote(e *diag.Error, src []byte) *diag.Error {
	if e.Line > 0 {
		e.Quote(src)
	}
	return e
}
