package lint

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/betweensessions/between/worksheet/readability"
)

// WriteText writes the result for people: a heading line per template with
// each language's reading level, then one compiler-style line per finding
// of severity min or above ("x/es.md:12:3: warning: message [code]"), then
// a summary line. Every template gets its heading, so the output doubles
// as a table of reading levels.
func (r *Result) WriteText(w io.Writer, min Severity) error {
	bw := bufio.NewWriter(w)
	for _, t := range r.Templates {
		bw.WriteString(t.heading())
		bw.WriteByte('\n')
		for _, f := range t.Files {
			for _, fd := range f.Findings {
				if fd.Severity >= min {
					bw.WriteString(fd.String())
					bw.WriteByte('\n')
				}
			}
		}
	}
	bw.WriteString(r.Summary.String())
	bw.WriteByte('\n')
	return bw.Flush()
}

// heading is the template's heading line: its id and, per language, its
// reading level against the target.
func (t Template) heading() string {
	var b strings.Builder
	b.WriteString("== ")
	b.WriteString(t.ID)
	sep := ": "
	for _, f := range t.Files {
		if f.Reading == nil {
			continue
		}
		b.WriteString(sep)
		sep = "; "
		b.WriteString(f.Lang.String())
		b.WriteByte(' ')
		b.WriteString(f.Reading.String())
	}
	return b.String()
}

// String describes the reading level, such as "grade 4.9 (target 6)" or
// "ease 71.2, bastante fácil (target 55, set in front matter)".
func (rd *Reading) String() string {
	if rd.Formula == "" {
		return "no grade formula"
	}
	var b strings.Builder
	if rd.Scale == readability.EaseScale {
		fmt.Fprintf(&b, "ease %.1f", rd.Value)
	} else {
		fmt.Fprintf(&b, "grade %.1f", rd.Value)
	}
	if rd.Band != "" {
		b.WriteString(", ")
		b.WriteString(rd.Band)
	}
	if rd.Target != 0 {
		fmt.Fprintf(&b, " (target %g", rd.Target)
		if rd.Reason != "" {
			b.WriteString(", set in front matter")
		}
		b.WriteByte(')')
	}
	return b.String()
}

// String is the summary line, such as
// "1 error, 2 warnings in 2 files (34 files checked, 5 infos)".
func (s Summary) String() string {
	return fmt.Sprintf("%s, %s in %s (%s checked, %s)",
		count(s.Errors, "error"), count(s.Warnings, "warning"), count(s.FilesWithProblems, "file"),
		count(s.Files, "file"), count(s.Infos, "info"))
}

// count formats n with a noun, adding "s" unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
