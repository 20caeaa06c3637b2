package questionnaire

import (
	"fmt"
	"strings"

	"github.com/betweensessions/between/worksheet"
)

// FromWorksheet returns the Questionnaire of a handout. src is the file the
// Questionnaire's own texts come from (usually the English source); each of
// translations is the same template in another language, whose texts are
// added with the standard translation extension. A translation must have
// the same fill-in places in the same order (the same linkIds and item
// types), or the error names the first item that differs.
//
// The document model maps to items as docs/fhir.md lists: a part is a
// group; a heading, a paragraph, a list, a quote and a code block are
// display items; a paragraph with blanks or unfilled {{params}} holds one
// string item per blank; writing lines are a text item; a scale is an
// integer item with minValue, maxValue and a slider control; a task-list
// item is a boolean item; a tracker is a group of seven day groups, each
// holding one string item per row; a table is a group of rows holding a
// string item per blank cell. The crisis box is left out: its lines depend
// on where the client lives and are printed by the renderers from the
// locale. The clinician notes in the front matter are never exported.
func FromWorksheet(src *worksheet.Worksheet, translations ...*worksheet.Worksheet) (*Questionnaire, error) {
	if src == nil {
		return nil, fmt.Errorf("questionnaire: no worksheet")
	}
	id := src.Meta.ID
	if id == "" {
		return nil, fmt.Errorf("questionnaire: %s: the worksheet has no id", src.Path)
	}
	items := newMapper(src).blocks(src.Body)
	if len(items) == 0 {
		return nil, fmt.Errorf("questionnaire: %s: the worksheet has no content", src.Path)
	}
	r := resource{
		ResourceType: "Questionnaire",
		ID:           id,
		Meta:         meta{Profile: []string{ProfileSDC}},
		Language:     src.Lang.String(),
		URL:          canonical("worksheet:" + id),
		Name:         computerName(id),
		Title:        src.Meta.Title,
		Status:       "active",
		SubjectType:  []string{"Patient"},
		Description:  src.Meta.Summary,
		Item:         items,
	}
	var langs []string
	titles, summaries := map[string]string{}, map[string]string{}
	texts := map[*item]map[string]string{}
	for _, tr := range translations {
		if tr == nil {
			continue
		}
		lang := tr.Lang.String()
		if tr.Meta.ID != id {
			return nil, fmt.Errorf("questionnaire: %s is not a translation of %s (id %s, not %s)", tr.Path, src.Path, tr.Meta.ID, id)
		}
		other := newMapper(tr).blocks(tr.Body)
		if err := pair(items, other, texts, lang, tr.Path, src.Path); err != nil {
			return nil, err
		}
		langs = append(langs, lang)
		titles[lang], summaries[lang] = tr.Meta.Title, tr.Meta.Summary
	}
	r.TitleExt = translated(titles, langs)
	r.DescriptionExt = translated(summaries, langs)
	walk(items, func(it *item) { it.TextExt = translated(texts[it], langs) })
	return &Questionnaire{r: r}, nil
}

// pair matches the items of a translation with the source's, item by
// item, and records each translated text.
func pair(src, tr []*item, texts map[*item]map[string]string, lang, trPath, srcPath string) error {
	if len(src) != len(tr) {
		at := "the end"
		if n := min(len(src), len(tr)); n < len(src) {
			at = "item " + src[n].LinkID
		} else {
			at = "item " + tr[n].LinkID
		}
		return fmt.Errorf("questionnaire: %s does not have the same fill-in places as %s: they differ at %s", trPath, srcPath, at)
	}
	for i, s := range src {
		t := tr[i]
		if s.LinkID != t.LinkID || s.Type != t.Type || s.min != t.min || s.max != t.max {
			return fmt.Errorf("questionnaire: %s does not have the same fill-in places as %s: they differ at item %s", trPath, srcPath, s.LinkID)
		}
		if t.Text != "" && t.Text != s.Text {
			if texts[s] == nil {
				texts[s] = map[string]string{}
			}
			texts[s][lang] = t.Text
		}
		if err := pair(s.Item, t.Item, texts, lang, trPath, srcPath); err != nil {
			return err
		}
	}
	return nil
}

// walk calls f on every item, depth first.
func walk(items []*item, f func(*item)) {
	for _, it := range items {
		f(it)
		walk(it.Item, f)
	}
}

// mapper turns blocks into items, numbering each kind of item in document
// order so linkIds are the same in every language.
type mapper struct {
	ws     *worksheet.Worksheet
	counts map[string]int
	days   func(n int) string
}

func newMapper(ws *worksheet.Worksheet) *mapper {
	return &mapper{ws: ws, counts: map[string]int{}, days: dayLabel(ws.Lang.String())}
}

// next returns the next linkId of a kind: "scale-1", "scale-2" …
func (m *mapper) next(kind string) string {
	m.counts[kind]++
	return fmt.Sprintf("%s-%d", kind, m.counts[kind])
}

func (m *mapper) blocks(bs []worksheet.Block) []*item {
	var out []*item
	for _, b := range bs {
		out = append(out, m.block(b)...)
	}
	return out
}

func (m *mapper) block(b worksheet.Block) []*item {
	switch b := b.(type) {
	case *worksheet.Heading:
		return []*item{{LinkID: m.next("heading"), Text: inlineText(b.Content), Type: "display"}}
	case *worksheet.Paragraph:
		return []*item{m.paragraph(b.Content)}
	case *worksheet.List:
		var out []*item
		var plain []string
		flush := func() {
			if len(plain) > 0 {
				out = append(out, &item{LinkID: m.next("text"), Text: strings.Join(plain, "\n"), Type: "display"})
				plain = nil
			}
		}
		for i, li := range b.Items {
			text := blocksText(li.Blocks)
			if li.Task {
				flush()
				it := &item{LinkID: m.next("task"), Text: text, Type: "boolean", kind: kindTask}
				it.Item = m.blanksIn(li.Blocks)
				out = append(out, it)
				continue
			}
			if blanks := m.blanksIn(li.Blocks); len(blanks) > 0 {
				flush()
				out = append(out, &item{LinkID: m.next("group"), Text: text, Type: "group", Item: blanks, kind: kindGroup})
				continue
			}
			bullet := "• "
			if b.Ordered {
				bullet = fmt.Sprintf("%d. ", b.Start+i)
			}
			plain = append(plain, bullet+text)
		}
		flush()
		return out
	case *worksheet.Table:
		return []*item{m.table(b)}
	case *worksheet.Quote:
		return m.blocks(b.Blocks)
	case *worksheet.CodeBlock:
		return []*item{{LinkID: m.next("text"), Text: b.Text, Type: "display"}}
	case *worksheet.Lines:
		return []*item{{LinkID: m.next("lines"), Text: b.Label, Type: "text", kind: kindLines}}
	case *worksheet.Scale:
		return []*item{{
			Extension: []extension{
				{URL: extMinValue, ValueInteger: intPtr(b.Min)},
				{URL: extMaxValue, ValueInteger: intPtr(b.Max)},
				itemControl("slider"),
				{URL: extSliderStep, ValueInteger: intPtr(1)},
			},
			LinkID: m.next("scale"), Text: b.Label, Type: "integer", min: b.Min, max: b.Max, kind: kindScale,
		}}
	case *worksheet.Tracker:
		id := m.next("tracker")
		g := &item{Extension: []extension{itemControl("gtable")}, LinkID: id, Type: "group", kind: kindGroup}
		for d := 1; d <= 7; d++ {
			day := &item{LinkID: fmt.Sprintf("%s.day-%d", id, d), Text: m.days(d), Type: "group", kind: kindGroup}
			for r, row := range b.Rows {
				day.Item = append(day.Item, &item{LinkID: fmt.Sprintf("%s.day-%d.row-%d", id, d, r+1), Text: row, Type: "string", day: d, kind: kindTrackerCell})
			}
			g.Item = append(g.Item, day)
		}
		return []*item{g}
	case *worksheet.Part:
		title := fmt.Sprintf("%d/%d", b.N, b.Total)
		if b.Title != "" {
			title += " " + b.Title
		}
		return []*item{{LinkID: m.next("part"), Text: title, Type: "group", Item: m.blocks(b.Blocks), kind: kindGroup}}
	case *worksheet.Rule, *worksheet.Crisis:
		return nil
	}
	return nil
}

// paragraph is a display item, or, with blanks, a group holding one
// string item per blank whose text is the words before it.
func (m *mapper) paragraph(content []worksheet.Inline) *item {
	text := inlineText(content)
	blanks := m.blanks(content)
	if len(blanks) == 0 {
		return &item{LinkID: m.next("text"), Text: text, Type: "display"}
	}
	if len(blanks) == 1 {
		blanks[0].Text = text
		return blanks[0]
	}
	return &item{LinkID: m.next("group"), Text: text, Type: "group", Item: blanks, kind: kindGroup}
}

// blanksIn returns the blanks of blocks' paragraphs as string items.
func (m *mapper) blanksIn(bs []worksheet.Block) []*item {
	var out []*item
	for _, b := range bs {
		if p, ok := b.(*worksheet.Paragraph); ok {
			out = append(out, m.blanks(p.Content)...)
		}
	}
	return out
}

// blanks returns one string item per blank or unfilled slot, each with the
// words since the previous blank as its text.
func (m *mapper) blanks(content []worksheet.Inline) []*item {
	var out []*item
	var words []worksheet.Inline
	for _, in := range flatten(content) {
		switch in.(type) {
		case *worksheet.Blank, *worksheet.Slot:
			out = append(out, &item{LinkID: m.next("blank"), Text: strings.TrimSpace(strings.TrimRight(inlineText(words), ":")), Type: "string", kind: kindBlank})
			words = nil
		default:
			words = append(words, in)
		}
	}
	return out
}

// table is a group of rows; a cell with a blank is a string item named by
// its column's header.
func (m *mapper) table(t *worksheet.Table) *item {
	var headers []string
	for _, h := range t.Header {
		headers = append(headers, inlineText(h))
	}
	g := &item{Extension: []extension{itemControl("table")}, LinkID: m.next("table"), Text: strings.Join(headers, " | "), Type: "group", kind: kindGroup}
	for r, row := range t.Rows {
		rowItem := &item{LinkID: fmt.Sprintf("%s.row-%d", g.LinkID, r+1), Type: "group", kind: kindGroup}
		var label []string
		for c, cell := range row {
			if len(m.blanksOfCell(cell)) == 0 {
				label = append(label, inlineText(cell))
				continue
			}
			head := ""
			if c < len(headers) {
				head = headers[c]
			}
			rowItem.Item = append(rowItem.Item, &item{LinkID: fmt.Sprintf("%s.row-%d.col-%d", g.LinkID, r+1, c+1), Text: head, Type: "string", kind: kindBlank})
		}
		rowItem.Text = strings.Join(label, " | ")
		if len(rowItem.Item) == 0 {
			rowItem.Type = "display"
			rowItem.kind = kindDisplay
		}
		g.Item = append(g.Item, rowItem)
	}
	return g
}

func (m *mapper) blanksOfCell(cell worksheet.Cell) []worksheet.Inline {
	var out []worksheet.Inline
	for _, in := range flatten(cell) {
		switch in.(type) {
		case *worksheet.Blank, *worksheet.Slot:
			out = append(out, in)
		}
	}
	return out
}

// flatten returns the inlines with emphasis and links opened up.
func flatten(content []worksheet.Inline) []worksheet.Inline {
	var out []worksheet.Inline
	for _, in := range content {
		switch in := in.(type) {
		case *worksheet.Emphasis:
			out = append(out, flatten(in.Content)...)
		case *worksheet.Link:
			out = append(out, flatten(in.Content)...)
		default:
			out = append(out, in)
		}
	}
	return out
}

// inlineText is the plain text of inlines; a blank or an unfilled slot is
// "___".
func inlineText(content []worksheet.Inline) string {
	var b strings.Builder
	for _, in := range flatten(content) {
		switch in := in.(type) {
		case *worksheet.Text:
			b.WriteString(in.Text)
		case *worksheet.Code:
			b.WriteString(in.Text)
		case *worksheet.Blank, *worksheet.Slot:
			b.WriteString("___")
		case *worksheet.Break:
			if in.Hard {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// blocksText is the text of a list item's blocks.
func blocksText(bs []worksheet.Block) string {
	var parts []string
	for _, b := range bs {
		if p, ok := b.(*worksheet.Paragraph); ok {
			parts = append(parts, inlineText(p.Content))
		}
	}
	return strings.Join(parts, " ")
}

// dayLabel returns the label of tracker day n in a language: "Day 1" …
// A tracker's first day is the first day of the homework, so the labels
// are numbers, not weekday names.
func dayLabel(lang string) func(int) string {
	base, _, _ := strings.Cut(lang, "-")
	switch base {
	case "es":
		return func(n int) string { return fmt.Sprintf("Día %d", n) }
	}
	return func(n int) string { return fmt.Sprintf("Day %d", n) }
}
