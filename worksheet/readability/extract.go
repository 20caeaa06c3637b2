package readability

import (
	"strings"

	"github.com/betweensessions/between/worksheet"
)

// extractor walks a worksheet and collects its client-facing text as
// segments, with the findings that need the document's structure.
type extractor struct {
	segs     []segment
	findings []Finding

	numbered bool // an ordered list or a task list
	writing  bool // parts, lines, scales, trackers or blanks
	cur      *segment
}

// front adds the title and summary from the front matter.
func (x *extractor) front(m worksheet.Meta) {
	for _, f := range []struct{ field, text string }{{"title", m.Title}, {"summary", m.Summary}} {
		if strings.TrimSpace(f.text) != "" {
			x.segs = append(x.segs, segment{text: f.text, field: f.field, fragment: f.field == "title", lines: []lineMark{{0, 0}}})
		}
	}
}

// blocks adds the text of bs.
func (x *extractor) blocks(bs []worksheet.Block) {
	for _, b := range bs {
		switch b := b.(type) {
		case *worksheet.Heading:
			x.inlines(b.Content, b.Pos)
			x.segs[len(x.segs)-1].fragment = true
		case *worksheet.Paragraph:
			x.inlines(b.Content, b.Pos)
		case *worksheet.List:
			if b.Ordered {
				x.numbered = true
			}
			for _, it := range b.Items {
				if it.Task {
					x.numbered = true
				}
				x.blocks(it.Blocks)
			}
		case *worksheet.Table:
			for _, c := range b.Header {
				x.inlines(c, b.Pos)
				x.segs[len(x.segs)-1].fragment = true
			}
			for i, row := range b.Rows {
				// Rows follow the header and the delimiter row.
				pos := worksheet.Pos{Line: b.Pos.Line + 2 + i, Col: b.Pos.Col}
				for _, c := range row {
					x.inlines(c, pos)
					x.segs[len(x.segs)-1].fragment = true
				}
			}
		case *worksheet.Quote:
			x.blocks(b.Blocks)
		case *worksheet.Lines:
			x.writing = true
			x.label(b.Label, b.Pos)
		case *worksheet.Scale:
			x.writing = true
			x.label(b.Label, b.Pos)
		case *worksheet.Tracker:
			x.writing = true
			for _, row := range b.Rows {
				x.label(row, b.Pos)
			}
		case *worksheet.Part:
			x.writing = true
			x.label(b.Title, b.Pos)
			x.blocks(b.Blocks)
		case *worksheet.CodeBlock, *worksheet.Rule, *worksheet.Crisis:
			// Not prose: code is printed as written, the crisis box comes
			// from the locale.
		}
	}
}

// label adds a one-line label.
func (x *extractor) label(text string, pos worksheet.Pos) {
	if strings.TrimSpace(text) != "" {
		x.segs = append(x.segs, segment{text: text, fragment: true, lines: []lineMark{{0, pos.Line}}})
	}
}

// inlines adds one segment built from content, starting at pos.
func (x *extractor) inlines(content []worksheet.Inline, pos worksheet.Pos) {
	x.segs = append(x.segs, segment{lines: []lineMark{{0, pos.Line}}})
	x.cur = &x.segs[len(x.segs)-1]
	var b strings.Builder
	line := pos.Line
	x.walk(content, &b, &line)
	x.cur.text = b.String()
	x.cur = nil
}

// walk writes the text of content to b, keeping line current and noting
// where lines change and where italics are.
func (x *extractor) walk(content []worksheet.Inline, b *strings.Builder, line *int) {
	newline := func() {
		*line++
		x.cur.lines = append(x.cur.lines, lineMark{b.Len(), *line})
	}
	for _, in := range content {
		switch in := in.(type) {
		case *worksheet.Text:
			for i, part := range strings.Split(in.Text, "\n") {
				if i > 0 {
					b.WriteByte(' ')
					newline()
				}
				b.WriteString(part)
			}
		case *worksheet.Emphasis:
			if !in.Strong {
				x.findings = append(x.findings, Finding{Code: Italics, Severity: Warning, Line: *line,
					Message: "italic text: large print uses no italics; use bold or plain text"})
			}
			x.walk(in.Content, b, line)
		case *worksheet.Link:
			x.walk(in.Content, b, line)
		case *worksheet.Blank:
			x.writing = true
			b.WriteByte(' ')
		case *worksheet.Slot, *worksheet.Code:
			b.WriteByte(' ')
		case *worksheet.Break:
			if in.Hard {
				b.WriteRune(hardBreak)
			} else {
				b.WriteByte(' ')
			}
			newline()
		}
	}
}

// structure appends the handout-level findings: no call to action, no
// steps.
func (x *extractor) structure(out []Finding, lang *compiledLanguage, sents []sentence) []Finding {
	// Without a list of instruction verbs the check cannot tell, so it
	// does not guess.
	action := x.numbered || lang == nil || lang.Imperative == nil
	for i := 0; i < len(sents) && !action; i++ {
		action = lang.Imperative(fold(sents[i].words[0].text))
	}
	if !action {
		out = append(out, Finding{Code: NoCallToAction, Severity: Warning,
			Message: "no call to action: no sentence tells the reader what to do, and there are no numbered steps or checklist"})
	}
	if !x.numbered && !x.writing {
		out = append(out, Finding{Code: NoSteps, Severity: Info,
			Message: "no steps: no numbered list, checklist, parts or space to write"})
	}
	return out
}
