package lint

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/readability"
)

// Options says what to lint and with what. Only Sources is required.
type Options struct {
	// Sources hold templates laid out as <id>/<lang>.md, layered by
	// templates.Layer as every command layers them: a later source's
	// folder that has the English file (<id>/en.md) replaces every
	// language of that id, one without it adds its languages. Folders and
	// files whose names start with "." or "_" are skipped, as go:embed
	// skips them; other files are ignored.
	Sources []fs.FS
	// Root, when not empty, is joined in front of every path in the result
	// so that paths name files as the person sees them ("clinic/x/en.md").
	Root string
	// Locales supplies each language's locale: its readability formula
	// and target, and its PDF font. Nil means i18n.Default().
	Locales i18n.Locales
	// PDF, when not nil, checks that each file's PDF font can draw every
	// character of the handout. Nil skips the glyph check.
	PDF *pdf.Renderer
	// Readability is the analyser to use; the zero value is the built-in
	// one.
	Readability readability.Analyzer
	// Strict makes warnings fail the run, as errors do (Result.Failed).
	Strict bool
}

// Result is what a Run found, template by template.
type Result struct {
	// Templates are sorted by id.
	Templates []Template `json:"templates"`
	// Summary counts the findings.
	Summary Summary `json:"summary"`
	// Strict is Options.Strict, which Failed honours.
	Strict bool `json:"strict"`
}

// Summary counts findings and files.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Files is the number of files linted, absent translations included,
	// and FilesWithProblems how many of them have an error or a warning.
	Files             int `json:"files"`
	FilesWithProblems int `json:"files_with_problems"`
}

// Template is one template id and its files.
type Template struct {
	ID string `json:"id"`
	// Files are the template's languages, English first, then in tag
	// order, then the languages the library has but the template lacks
	// (Absent files).
	Files []File `json:"files"`
}

// File is one template file and what lint found in it.
type File struct {
	// Path is the file, slash-separated, with Options.Root in front.
	Path string `json:"path"`
	// Lang is the language from the file name; Und when the name is not a
	// language tag.
	Lang language.Tag `json:"lang"`
	// Absent is true for a language the template has no file in (see the
	// Missing and NoSource codes); Path then names the file that would
	// hold it.
	Absent bool `json:"absent,omitempty"`
	// Translation is the file's state as a translation of the English
	// source; empty for English files and when it cannot be told.
	Translation templates.State `json:"translation,omitempty"`
	// Reading is the file's measured readability; nil when the file did
	// not parse.
	Reading *Reading `json:"readability,omitempty"`
	// Report is the readability analyser's full report, for callers that
	// want more than Reading (the site index). It is not in the JSON: its
	// findings are already in Findings.
	Report *readability.Report `json:"-"`
	// Findings are in source order, by line then column.
	Findings []Finding `json:"findings"`
}

// Reading is the readability score of a file against its target.
type Reading struct {
	// Formula is the formula's name, or "" when no formula applies to the
	// language (then Value, Scale and Band are empty).
	Formula string            `json:"formula,omitempty"`
	Value   float64           `json:"value"`
	Scale   readability.Scale `json:"scale"`
	// Band names the difficulty band, such as "fairly easy" or (INFLESZ)
	// "bastante fácil".
	Band string `json:"band,omitempty"`
	// Target is the target the file was held to (0: none): the locale's,
	// or the template's own when Reason is set.
	Target float64 `json:"target,omitempty"`
	// Reason is the front matter's reason for the template's own target;
	// empty when the locale's target applies.
	Reason      string `json:"reason,omitempty"`
	MeetsTarget bool   `json:"meets_target"`
	// Words and Sentences are the counts the score came from.
	Words     int `json:"words"`
	Sentences int `json:"sentences"`
}

// Failed reports whether the run should fail: on any error, or on any
// warning when Strict.
func (r *Result) Failed() bool {
	return r.Summary.Errors > 0 || r.Strict && r.Summary.Warnings > 0
}

// ErrNoTemplates is returned by Run when the sources hold no template
// file at all.
var ErrNoTemplates = errors.New("lint: no template files (<id>/<lang>.md) found")

// Run lints every template file of every language in opts.Sources. Problems
// in the templates are findings in the Result, never an error: Run returns
// an error only when it cannot do its work (a source cannot be listed or
// read, no locales, ctx is done, no templates at all).
//
// Run is safe to call from many goroutines at once with the same Locales
// and PDF renderer.
func Run(ctx context.Context, opts Options) (Result, error) {
	res := Result{Strict: opts.Strict, Templates: []Template{}}
	cat := opts.Locales
	if cat == nil {
		def, err := i18n.Default()
		if err != nil {
			return res, fmt.Errorf("lint: %w", err)
		}
		cat = def
	}
	lib, err := templates.Layer(opts.Sources...)
	if err != nil {
		return res, fmt.Errorf("lint: %w", err)
	}
	ids := lib.IDs()
	if len(ids) == 0 {
		return res, ErrNoTemplates
	}
	c := &checker{opts: opts, cat: cat, lib: lib, parser: worksheet.NewParser()}
	langs := lib.Langs()
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		t, err := c.template(id, langs)
		if err != nil {
			return res, err
		}
		res.Templates = append(res.Templates, t)
	}
	for _, t := range res.Templates {
		for _, f := range t.Files {
			res.Summary.Files++
			bad := false
			for _, fd := range f.Findings {
				switch fd.Severity {
				case Error:
					res.Summary.Errors++
					bad = true
				case Warning:
					res.Summary.Warnings++
					bad = true
				default:
					res.Summary.Infos++
				}
			}
			if bad {
				res.Summary.FilesWithProblems++
			}
		}
	}
	return res, nil
}
