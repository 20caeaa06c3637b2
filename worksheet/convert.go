package worksheet

// This file converts goldmark's AST into the document model, checking
// directive arguments, slot names and the elements a handout may not hold.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Limits on directive arguments and parts, so a typo cannot ask a
// renderer for a thousand lines or pages.
const (
	maxLines       = 40
	maxScaleSpan   = 100
	maxScaleAbs    = 1000
	maxTrackerRows = 30
	maxParts       = 12
)

// directiveNames lists the directives, in the order messages name them.
var directiveNames = []string{"lines", "scale", "tracker", "part", "crisis"}

// converter walks one goldmark document. source is the body goldmark
// parsed and offset is where it starts in the file.
type converter struct {
	*state
	source []byte
	offset int
	params []Param
	// parts counts the "::: part" lines at the top level.
	parts int
	// depth is how many lists and quotes enclose the node being converted.
	depth int
}

// document converts the whole body and groups it into parts.
func (c *converter) document(doc ast.Node) []Block {
	blocks := c.blocks(doc, true)
	if c.parts == 0 {
		return blocks
	}
	out := make([]Block, 0, len(blocks))
	var cur *Part
	for _, b := range blocks {
		if p, ok := b.(*Part); ok {
			p.Total = c.parts
			cur = p
			out = append(out, p)
			continue
		}
		if cur != nil {
			cur.Blocks = append(cur.Blocks, b)
		} else {
			out = append(out, b)
		}
	}
	return out
}

// pos returns the model position of a goldmark node.
func (c *converter) pos(n ast.Node) Pos {
	off := n.Pos()
	if off < 0 {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			off = n.Lines().At(0).Start
		} else if t, ok := n.(*ast.Text); ok {
			off = t.Segment.Start
		} else {
			off = 0
		}
	}
	line, col := c.position(c.offset + off)
	return Pos{Line: line, Col: col}
}

// errNode records an error at a goldmark node.
func (c *converter) errNode(n ast.Node, msg string) {
	p := c.pos(n)
	c.errPos(p.Line, p.Col, msg)
}

// blocks converts the block children of parent. top is true for the
// document itself, the only place a part may start.
func (c *converter) blocks(parent ast.Node, top bool) []Block {
	out := make([]Block, 0, parent.ChildCount())
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if b := c.block(n, top); b != nil {
			out = append(out, b)
		}
	}
	return out
}

// block converts one block node, or records an error and returns nil.
func (c *converter) block(n ast.Node, top bool) Block {
	switch n.(type) {
	case *ast.List, *ast.Blockquote:
		if c.depth >= MaxNesting {
			c.errNode(n, msgTooDeep())
			return nil
		}
		c.depth++
		defer func() { c.depth-- }()
	}
	switch n := n.(type) {
	case *ast.Heading:
		return &Heading{Pos: c.pos(n), Level: n.Level, Content: c.inlines(n)}
	case *ast.Paragraph, *ast.TextBlock:
		return &Paragraph{Pos: c.pos(n), Content: c.inlines(n)}
	case *ast.List:
		l := &List{Pos: c.pos(n), Ordered: n.IsOrdered(), Tight: n.IsTight}
		if l.Ordered {
			l.Start = n.Start
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, c.listItem(it))
		}
		return l
	case *ast.Blockquote:
		return &Quote{Pos: c.pos(n), Blocks: c.blocks(n, false)}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			b.Write(seg.Value(c.source))
		}
		code := strings.ReplaceAll(b.String(), "\r\n", "\n")
		return &CodeBlock{Pos: c.pos(n), Text: strings.TrimSuffix(code, "\n")}
	case *ast.ThematicBreak:
		return &Rule{Pos: c.pos(n)}
	case *extast.Table:
		return c.table(n)
	case *directiveNode:
		return c.directive(n, top)
	case *ast.HTMLBlock:
		c.errNode(n, "raw HTML is not allowed; write the content in Markdown, or use a ::: directive for fill-in space")
	default:
		c.errNode(n, fmt.Sprintf("%s is not part of the handout format", n.Kind()))
	}
	return nil
}

// listItem converts a list item, reading a task-list box from the start of
// its first paragraph.
func (c *converter) listItem(n ast.Node) *ListItem {
	it := &ListItem{Pos: c.pos(n)}
	if first := n.FirstChild(); first != nil {
		if box, ok := first.FirstChild().(*extast.TaskCheckBox); ok {
			it.Task, it.Checked = true, box.IsChecked
		}
	}
	it.Blocks = c.blocks(n, false)
	if it.Task && len(it.Blocks) > 0 {
		if p, ok := it.Blocks[0].(*Paragraph); ok && len(p.Content) > 0 {
			if t, ok := p.Content[0].(*Text); ok {
				t.Text = strings.TrimLeft(t.Text, " \t")
				if t.Text == "" {
					p.Content = p.Content[1:]
				}
			}
		}
	}
	return it
}

// table converts a GFM table, giving every row as many cells as the header.
func (c *converter) table(n *extast.Table) *Table {
	t := &Table{Pos: c.pos(n), Align: make([]Align, len(n.Alignments))}
	for i, a := range n.Alignments {
		switch a {
		case extast.AlignLeft:
			t.Align[i] = AlignLeft
		case extast.AlignCenter:
			t.Align[i] = AlignCenter
		case extast.AlignRight:
			t.Align[i] = AlignRight
		}
	}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []Cell
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, Cell(c.inlines(cell)))
		}
		if _, ok := r.(*extast.TableHeader); ok {
			t.Header = cells
			continue
		}
		for len(cells) < len(t.Header) {
			cells = append(cells, Cell{})
		}
		t.Rows = append(t.Rows, cells[:len(t.Header)])
	}
	for len(t.Align) < len(t.Header) {
		t.Align = append(t.Align, AlignNone)
	}
	t.Align = t.Align[:len(t.Header)]
	return t
}

// directive converts a "::: name args" line after checking its arguments.
func (c *converter) directive(n *directiveNode, top bool) Block {
	p := c.pos(n)
	argPos := p
	if n.ArgsStart >= 0 {
		line, col := c.position(c.offset + n.ArgsStart)
		argPos = Pos{line, col}
	}
	bad := func(at Pos, msg string) Block {
		c.errPos(at.Line, at.Col, msg)
		return nil
	}
	if strings.Contains(n.Args, "{{") {
		return bad(argPos, "a directive's label cannot hold a {{slot}}; put the slot in the text around it")
	}
	switch n.Name {
	case "lines":
		count, label := cutField(n.Args)
		k, err := strconv.Atoi(count)
		if err != nil || k < 1 || k > maxLines {
			return bad(argPos, fmt.Sprintf("lines wants a whole number of lines from 1 to %d, then an optional label", maxLines))
		}
		return &Lines{Pos: p, Count: k, Label: label}
	case "scale":
		const want = "scale wants two whole numbers MIN < MAX then a label"
		lo0, rest := cutField(n.Args)
		hi0, label := cutField(rest)
		lo, err1 := strconv.Atoi(lo0)
		hi, err2 := strconv.Atoi(hi0)
		if err1 != nil || err2 != nil || lo >= hi || lo < -maxScaleAbs || hi > maxScaleAbs || label == "" {
			return bad(argPos, want)
		}
		if hi-lo > maxScaleSpan {
			return bad(argPos, fmt.Sprintf("scale may have at most %d steps from MIN to MAX", maxScaleSpan))
		}
		return &Scale{Pos: p, Min: lo, Max: hi, Label: label}
	case "tracker":
		if strings.TrimSpace(n.Args) == "" {
			return bad(p, "tracker wants one or more row labels separated by |")
		}
		if k := strings.Count(n.Args, "|") + 1; k > maxTrackerRows {
			return bad(argPos, fmt.Sprintf("tracker may have at most %d rows, not %d; split it into two trackers", maxTrackerRows, k))
		}
		rows := strings.Split(n.Args, "|")
		for i, r := range rows {
			rows[i] = strings.TrimSpace(r)
			if rows[i] == "" {
				return bad(argPos, fmt.Sprintf("tracker row %d is empty; write a label between each pair of |", i+1))
			}
		}
		return &Tracker{Pos: p, Rows: rows}
	case "part":
		if !top {
			return bad(p, "::: part must stand at the top level, not inside a list or quote")
		}
		c.parts++
		if c.parts == maxParts+1 {
			return bad(p, fmt.Sprintf("a handout may have at most %d parts", maxParts))
		}
		return &Part{Pos: p, N: c.parts, Title: n.Args, Blocks: []Block{}}
	case "crisis":
		if n.Args != "" {
			return bad(argPos, "crisis takes no arguments; the crisis lines come from the reader's locale")
		}
		return &Crisis{Pos: p}
	case "":
		return bad(p, "::: needs a directive name: lines, scale, tracker, part or crisis")
	}
	namePos := p
	if n.NameStart >= 0 {
		line, col := c.position(c.offset + n.NameStart)
		namePos = Pos{line, col}
	}
	hint := suggest(n.Name, directiveNames)
	if hint == "" {
		hint = " (want lines, scale, tracker, part or crisis)"
	}
	return bad(namePos, fmt.Sprintf("unknown directive %q%s", truncate(n.Name), hint))
}

// cutField splits s into its first word and the trimmed rest.
func cutField(s string) (word, rest string) {
	s = strings.TrimLeft(s, " \t")
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// truncate shortens s for an error message.
func truncate(s string) string {
	const limit = 24
	if len(s) <= limit {
		return s
	}
	i := limit
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// inlines converts the inline children of parent, merging adjacent text.
func (c *converter) inlines(parent ast.Node) []Inline {
	var out []Inline
	var text strings.Builder
	add := func(in Inline) {
		if text.Len() > 0 {
			out = append(out, &Text{Text: text.String()})
			text.Reset()
		}
		if in != nil {
			out = append(out, in)
		}
	}
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			text.WriteString(unescape(n.Segment.Value(c.source)))
			if n.HardLineBreak() || n.SoftLineBreak() {
				add(&Break{Hard: n.HardLineBreak()})
			}
		case *ast.String:
			if n.IsCode() {
				text.Write(n.Value)
			} else {
				text.WriteString(unescape(n.Value))
			}
		case *ast.Emphasis:
			add(&Emphasis{Strong: n.Level >= 2, Content: c.inlines(n)})
		case *ast.CodeSpan:
			var b strings.Builder
			for t := n.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(c.source))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			add(&Code{Text: strings.ReplaceAll(strings.ReplaceAll(b.String(), "\r", ""), "\n", " ")})
		case *ast.Link:
			url := unescape(n.Destination)
			if html.IsDangerousURL([]byte(url)) {
				c.errNode(n, msgDangerousLink)
				continue
			}
			add(&Link{URL: url, Content: c.inlines(n)})
		case *ast.AutoLink:
			url := string(n.URL(c.source))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			if html.IsDangerousURL([]byte(url)) {
				c.errNode(n, msgDangerousLink)
				continue
			}
			add(&Link{URL: url, Content: []Inline{&Text{Text: string(n.Label(c.source))}}})
		case *ast.Image:
			c.errNode(n, "images are not allowed in handouts; describe the picture in words")
		case *ast.RawHTML:
			c.errNode(n, "raw HTML is not allowed; write the content in Markdown instead")
		case *extast.Strikethrough:
			c.errNode(n, "strikethrough (~~) is not part of the handout format; remove the tildes")
		case *extast.TaskCheckBox:
			// read by listItem
		case *blankNode:
			add(&Blank{Width: n.Width})
		case *slotNode:
			if sl := c.slot(n); sl != nil {
				add(sl)
			}
		default:
			c.errNode(n, fmt.Sprintf("%s is not part of the handout format", n.Kind()))
		}
	}
	add(nil)
	return out
}

const msgDangerousLink = "this link's address uses a scheme that is not allowed (such as javascript: or data:)"

// slot checks a "{{...}}" against the declared params.
func (c *converter) slot(n *slotNode) *Slot {
	if n.Unclosed {
		c.errNode(n, `"{{" opens a slot but no "}}" closes it on the same line; write \{{ for literal braces`)
		return nil
	}
	name := strings.TrimSpace(n.Raw)
	if !paramPattern.MatchString(name) {
		c.errNode(n, "template code is not allowed in {{ }}; a slot is {{name}} with a name declared in the front matter params")
		return nil
	}
	names := make([]string, 0, len(c.params))
	for _, p := range c.params {
		if p.Name == name {
			return &Slot{Name: name}
		}
		names = append(names, p.Name)
	}
	c.errNode(n, fmt.Sprintf("slot {{%s}} is not declared in the front matter params%s", truncate(name), suggest(name, names)))
	return nil
}

// unescape resolves backslash escapes and HTML entity and numeric
// character references in Markdown text, as CommonMark does when it
// prints text.
func unescape(src []byte) string {
	if !strings.ContainsAny(string(src), `\&`) {
		return string(src)
	}
	var b strings.Builder
	b.Grow(len(src))
	for i := 0; i < len(src); i++ {
		ch := src[i]
		switch {
		case ch == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]):
			b.WriteByte(src[i+1])
			i++
		case ch == '&':
			if r, n := entity(src[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
			} else {
				b.WriteByte(ch)
			}
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// entity decodes the character reference at the start of s ("&amp;",
// "&#35;", "&#x23;"), returning its text and length, or 0 if there is none.
func entity(s []byte) (string, int) {
	end := -1
	for i := 1; i < len(s) && i < 40; i++ {
		if s[i] == ';' {
			end = i
			break
		}
	}
	if end < 2 {
		return "", 0
	}
	name := string(s[1:end])
	if name[0] == '#' {
		digits, base := name[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 || len(digits) > 7 {
			return "", 0
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return "", 0
		}
		r := rune(v)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}
