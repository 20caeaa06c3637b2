package i18n

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
)

// parseTag parses a BCP 47 language tag strictly: unlike language.Parse it
// refuses underscores ("pt_BR") and says how to write the tag instead.
func parseTag(s string) (language.Tag, error) {
	if strings.Contains(s, "_") {
		return language.Und, fmt.Errorf("%q is not a BCP 47 language tag: use a hyphen, as in %q", s, strings.ReplaceAll(s, "_", "-"))
	}
	t, err := language.Parse(s)
	if err != nil || s == "" {
		return language.Und, fmt.Errorf("%q is not a BCP 47 language tag (write it like \"es\", \"es-MX\" or \"pt-BR\")", s)
	}
	return t, nil
}

// weekdayName is a weekday written in English in a locale data file.
type weekdayName time.Weekday

func (w *weekdayName) UnmarshalText(b []byte) error {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(string(b), d.String()) {
			*w = weekdayName(d)
			return nil
		}
	}
	return fmt.Errorf("first_weekday %q is not an English weekday name such as \"monday\"", b)
}

// isoDate is a YYYY-MM-DD date, or empty.
type isoDate string

func (d *isoDate) UnmarshalText(b []byte) error {
	if len(b) > 0 {
		if _, err := time.Parse(time.DateOnly, string(b)); err != nil {
			return fmt.Errorf("verified %q is not a date written YYYY-MM-DD", b)
		}
	}
	*d = isoDate(b)
	return nil
}

// weekNames are the seven day names, keyed by the English day.
type weekNames struct {
	Sunday    string `toml:"sunday"`
	Monday    string `toml:"monday"`
	Tuesday   string `toml:"tuesday"`
	Wednesday string `toml:"wednesday"`
	Thursday  string `toml:"thursday"`
	Friday    string `toml:"friday"`
	Saturday  string `toml:"saturday"`
}

func (w *weekNames) array() [7]string {
	return [7]string{w.Sunday, w.Monday, w.Tuesday, w.Wednesday, w.Thursday, w.Friday, w.Saturday}
}

type crisisFile struct {
	Name         string  `toml:"name"`
	Number       string  `toml:"number"`
	How          string  `toml:"how"`
	Region       string  `toml:"region"`
	Source       string  `toml:"source"`
	Verified     isoDate `toml:"verified"`
	CheckLocally *bool   `toml:"check_locally"`
}

type readabilityFile struct {
	Formula *string  `toml:"formula"`
	Target  *float64 `toml:"target"`
}

// factsFile is one locale data file, <tag>.toml. Every field is optional in
// the file: a regional locale takes what it leaves out from its parent
// (es-MX from es), and a folder laid over the defaults overrides only the
// keys it sets.
type factsFile struct {
	path string
	src  []byte
	tag  language.Tag
	// fontFile is the file of the chain that set Font, once files are
	// merged; nil means this one.
	fontFile *factsFile

	Name          *string          `toml:"name"`
	Direction     *Direction       `toml:"direction"`
	FirstWeekday  *weekdayName     `toml:"first_weekday"`
	Weekdays      *weekNames       `toml:"weekdays"`
	WeekdaysShort *weekNames       `toml:"weekdays_short"`
	Paper         *PaperSize       `toml:"paper"`
	Font          *string          `toml:"font"`
	DateFormat    *string          `toml:"date_format"`
	Clock         *Clock           `toml:"clock"`
	AMPM          *[2]string       `toml:"am_pm"`
	Readability   *readabilityFile `toml:"readability"`
	Crisis        []crisisFile     `toml:"crisis"`
}

// parseFacts decodes a locale data file strictly: syntax errors, wrong
// types, bad values and unknown keys are FileErrors with a line.
func parseFacts(fsys fs.FS, path, display string, tag language.Tag) (*factsFile, error) {
	src, err := readFile(fsys, path, display)
	if err != nil {
		return nil, err
	}
	f := &factsFile{path: display, src: src, tag: tag}
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(f)
	if err != nil {
		return nil, tomlError(display, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, &FileError{Pkg: pkg, Path: display, Line: keyLine(src, k, 1), Err: fmt.Errorf("unknown key %q", k.String())}
	}
	return f, nil
}

// over returns f with every field that top sets taken from top. Crisis
// lines are replaced as a whole list.
func (f *factsFile) over(top *factsFile) *factsFile {
	if f == nil {
		return top
	}
	if top == nil {
		return f
	}
	m := *f
	if m.fontFile == nil && f.Font != nil {
		m.fontFile = f
	}
	if top.Font != nil {
		m.fontFile = top
	}
	m.path, m.src = top.path, top.src
	set(&m.Name, top.Name)
	set(&m.Direction, top.Direction)
	set(&m.FirstWeekday, top.FirstWeekday)
	set(&m.Weekdays, top.Weekdays)
	set(&m.WeekdaysShort, top.WeekdaysShort)
	set(&m.Paper, top.Paper)
	set(&m.Font, top.Font)
	set(&m.DateFormat, top.DateFormat)
	set(&m.Clock, top.Clock)
	set(&m.AMPM, top.AMPM)
	if top.Readability != nil {
		r := readabilityFile{}
		if m.Readability != nil {
			r = *m.Readability
		}
		set(&r.Formula, top.Readability.Formula)
		set(&r.Target, top.Readability.Target)
		m.Readability = &r
	}
	if top.Crisis != nil {
		m.Crisis = top.Crisis
	}
	return &m
}

func set[T any](dst **T, v *T) {
	if v != nil {
		*dst = v
	}
}

// Readability formulas the readability analyser knows.
var formulas = map[string]bool{"": true, "flesch-kincaid": true, "fernandez-huerta": true, "szigriszt-pazos": true}

// locale checks that a resolved chain of facts is complete and turns it into
// a Locale. f is the merge of the chain; errors name the file of the most
// specific locale and, where the key is present, its line.
func (f *factsFile) locale(tag language.Tag) (*Locale, error) {
	var errs []error
	miss := func(key ...string) {
		line := keyLine(f.src, key, 1)
		what := "is missing"
		if line > 0 {
			what = "is empty"
		}
		errs = append(errs, &FileError{Pkg: pkg, Path: f.path, Line: line, Err: fmt.Errorf("%s %s (locale %s)", strings.Join(key, "."), what, tag)})
	}
	l := &Locale{Tag: tag}
	str := func(p *string, key string) string {
		if p == nil || strings.TrimSpace(*p) == "" {
			miss(key)
			return ""
		}
		return *p
	}
	l.Name = str(f.Name, "name")
	l.Font = str(f.Font, "font")
	if ff := cmp.Or(f.fontFile, f); f.Font != nil {
		l.FontAt = diag.Position{Path: ff.path, Line: keyLine(ff.src, []string{"font"}, 1)}
	}
	l.DateFormat = str(f.DateFormat, "date_format")
	if f.Direction == nil {
		miss("direction")
	} else {
		l.Dir = *f.Direction
	}
	if f.FirstWeekday == nil {
		miss("first_weekday")
	} else {
		l.FirstWeekday = time.Weekday(*f.FirstWeekday)
	}
	if f.Paper == nil {
		miss("paper")
	} else {
		l.Paper = *f.Paper
	}
	if f.Clock == nil {
		miss("clock")
	} else {
		l.Clock = *f.Clock
	}
	if f.AMPM != nil {
		l.AMPM = *f.AMPM
	}
	if l.Clock == Clock12 && (l.AMPM[0] == "" || l.AMPM[1] == "") {
		miss("am_pm")
	}
	for _, w := range []struct {
		key   string
		names *weekNames
		dst   *[7]string
	}{{"weekdays", f.Weekdays, &l.Weekdays}, {"weekdays_short", f.WeekdaysShort, &l.WeekdaysShort}} {
		if w.names == nil {
			miss(w.key)
			continue
		}
		*w.dst = w.names.array()
		for d, n := range w.dst {
			if strings.TrimSpace(n) == "" {
				miss(w.key, strings.ToLower(time.Weekday(d).String()))
			}
		}
	}
	if f.Readability != nil {
		if f.Readability.Formula != nil {
			l.Readability.Formula = *f.Readability.Formula
		}
		if f.Readability.Target != nil {
			l.Readability.Target = *f.Readability.Target
		}
	}
	if !formulas[l.Readability.Formula] {
		errs = append(errs, &FileError{Pkg: pkg, Path: f.path, Line: keyLine(f.src, []string{"readability", "formula"}, 1),
			Err: fmt.Errorf("readability formula %q is not one of flesch-kincaid, fernandez-huerta, szigriszt-pazos (or empty for none)", l.Readability.Formula)})
	}
	if len(f.Crisis) == 0 {
		miss("crisis")
	}
	for i, c := range f.Crisis {
		start := headerLine(f.src, "crisis", i)
		for _, fld := range []struct{ key, val string }{{"name", c.Name}, {"how", c.How}, {"region", c.Region}} {
			if strings.TrimSpace(fld.val) == "" {
				line := keyLine(f.src, []string{"crisis", fld.key}, start)
				if line == 0 || (i+1 < len(f.Crisis) && line >= headerLine(f.src, "crisis", i+1)) {
					line = start
				}
				errs = append(errs, &FileError{Pkg: pkg, Path: f.path, Line: line, Err: fmt.Errorf("crisis line %d: %s is empty (locale %s)", i+1, fld.key, tag)})
			}
		}
		check := c.CheckLocally == nil || *c.CheckLocally
		if !check && c.Verified == "" {
			errs = append(errs, &FileError{Pkg: pkg, Path: f.path, Line: start, Err: fmt.Errorf("crisis line %d: check_locally = false needs the verified date (locale %s)", i+1, tag)})
		}
		l.Crisis = append(l.Crisis, CrisisLine{Name: c.Name, Number: c.Number, How: c.How, Region: c.Region,
			Source: c.Source, Verified: string(c.Verified), CheckLocally: check})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return l, nil
}

// headerLine returns the line of the n-th (0-based) [[name]] header, or 0.
func headerLine(src []byte, name string, n int) int {
	for i, l := range strings.Split(string(src), "\n") {
		s := strings.TrimSpace(l)
		if strings.HasPrefix(s, "[[") && strings.HasSuffix(s, "]]") && strings.TrimSpace(s[2:len(s)-2]) == name {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return 0
}
