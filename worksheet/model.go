package worksheet

// This file holds the document model: the small tree of blocks and inlines
// that every renderer walks. goldmark's AST never leaves the parser; it is
// converted into these types once per file. The model is the stable API.
//
// Block and Inline are closed sets: switch on the concrete type. A renderer
// that meets a type it does not know should return an error rather than drop
// content silently.

// Pos is a 1-based position in a template source file. Col counts bytes.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Block is one block-level element of a handout: one of *Heading,
// *Paragraph, *List, *Table, *Quote, *CodeBlock, *Rule, *Lines, *Scale,
// *Tracker, *Part or *Crisis.
type Block interface {
	// Position returns where the block starts in the source file.
	Position() Pos
	block()
}

// Inline is one piece of text-level content: one of *Text, *Emphasis,
// *Code, *Link, *Blank, *Slot or *Break.
type Inline interface {
	inline()
}

// Heading is a section heading. Level runs from 1 to 6; the handout title
// from the front matter is printed above the body, so body headings usually
// start at level 2.
type Heading struct {
	Pos     Pos      `json:"pos"`
	Level   int      `json:"level"`
	Content []Inline `json:"content"`
}

// Paragraph is a run of inline content.
type Paragraph struct {
	Pos     Pos      `json:"pos"`
	Content []Inline `json:"content"`
}

// List is a bulleted or numbered list. Start is the number of the first
// item of an ordered list (usually 1).
type List struct {
	Pos     Pos         `json:"pos"`
	Ordered bool        `json:"ordered"`
	Start   int         `json:"start,omitempty"`
	Tight   bool        `json:"tight"`
	Items   []*ListItem `json:"items"`
}

// ListItem is one item of a List. A task-list item ("- [ ] text") has Task
// set; Checked says whether the box was ticked in the source.
type ListItem struct {
	Pos     Pos     `json:"pos"`
	Task    bool    `json:"task,omitempty"`
	Checked bool    `json:"checked,omitempty"`
	Blocks  []Block `json:"blocks"`
}

// Align is the alignment of a table column.
type Align int

// Column alignments, as written in a GFM table's delimiter row.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Cell is the inline content of one table cell.
type Cell []Inline

// Table is a GFM table. Every row has len(Header) cells.
type Table struct {
	Pos    Pos      `json:"pos"`
	Align  []Align  `json:"align"`
	Header []Cell   `json:"header"`
	Rows   [][]Cell `json:"rows"`
}

// Quote is a block quote; handouts use it for tips and examples.
type Quote struct {
	Pos    Pos     `json:"pos"`
	Blocks []Block `json:"blocks"`
}

// CodeBlock is preformatted text, printed as written.
type CodeBlock struct {
	Pos  Pos    `json:"pos"`
	Text string `json:"text"`
}

// Rule is a thematic break (a horizontal line).
type Rule struct {
	Pos Pos `json:"pos"`
}

// Lines is space to write by hand: "::: lines N" gives N ruled lines. Label,
// when given ("::: lines 3 What happened?"), names the space for screen
// readers and form controls; it is not printed above the lines.
type Lines struct {
	Pos   Pos    `json:"pos"`
	Count int    `json:"count"`
	Label string `json:"label,omitempty"`
}

// Scale is a rating scale: "::: scale 0 10 How strong was the feeling?"
// prints the label and one mark for each whole number from Min to Max.
type Scale struct {
	Pos   Pos    `json:"pos"`
	Min   int    `json:"min"`
	Max   int    `json:"max"`
	Label string `json:"label"`
}

// Tracker is a 7-day grid: one row per label, one column per weekday. The
// weekday names and the first day of the week come from the locale at render
// time, so the same template prints Monday-first in Spain and Sunday-first in
// the United States.
type Tracker struct {
	Pos  Pos      `json:"pos"`
	Rows []string `json:"rows"`
}

// Part is one short sitting of a handout that is split into parts. The
// parser groups everything after a "::: part" line, up to the next one or
// the end of the file, into a Part. N counts from 1; Total is the number of
// parts in the file. Title is optional ("::: part Notice the thought").
type Part struct {
	Pos    Pos     `json:"pos"`
	N      int     `json:"n"`
	Total  int     `json:"total"`
	Title  string  `json:"title,omitempty"`
	Blocks []Block `json:"blocks"`
}

// Crisis marks where the locale's crisis box is printed: the crisis lines
// for the reader's region, with how to reach them.
type Crisis struct {
	Pos Pos `json:"pos"`
}

// Text is plain text, with Markdown escapes and entities already resolved.
type Text struct {
	Text string `json:"text"`
}

// Emphasis is emphasised content. Strong is bold; otherwise it is italic in
// standard print. Large print never uses italics and draws both as bold.
type Emphasis struct {
	Strong  bool     `json:"strong"`
	Content []Inline `json:"content"`
}

// Code is inline code, printed in a monospace face.
type Code struct {
	Text string `json:"text"`
}

// Link is a hyperlink. URL has passed goldmark's safe-link rules; links with
// a dangerous scheme (javascript:, data: and so on) never reach the model.
type Link struct {
	URL     string   `json:"url"`
	Content []Inline `json:"content"`
}

// Blank is a space to write in on one line, written "___" (three or more
// underscores). Width is the number of underscores, which renderers use as
// a hint for the size of the space.
type Blank struct {
	Width int `json:"width"`
}

// Slot is a personalisation slot, written "{{name}}". When the handout is
// personalised, renderers print the value for Name; otherwise they print a
// blank to write on. Name is always declared in the front matter params.
type Slot struct {
	Name string `json:"name"`
}

// Break is a line break. Hard breaks (a backslash or two spaces at the end
// of a line) start a new line; soft breaks print as a space.
type Break struct {
	Hard bool `json:"hard"`
}

func (b *Heading) Position() Pos   { return b.Pos }
func (b *Paragraph) Position() Pos { return b.Pos }
func (b *List) Position() Pos      { return b.Pos }
func (b *Table) Position() Pos     { return b.Pos }
func (b *Quote) Position() Pos     { return b.Pos }
func (b *CodeBlock) Position() Pos { return b.Pos }
func (b *Rule) Position() Pos      { return b.Pos }
func (b *Lines) Position() Pos     { return b.Pos }
func (b *Scale) Position() Pos     { return b.Pos }
func (b *Tracker) Position() Pos   { return b.Pos }
func (b *Part) Position() Pos      { return b.Pos }
func (b *Crisis) Position() Pos    { return b.Pos }

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*List) block()      {}
func (*Table) block()     {}
func (*Quote) block()     {}
func (*CodeBlock) block() {}
func (*Rule) block()      {}
func (*Lines) block()     {}
func (*Scale) block()     {}
func (*Tracker) block()   {}
func (*Part) block()      {}
func (*Crisis) block()    {}

func (*Text) inline()     {}
func (*Emphasis) inline() {}
func (*Code) inline()     {}
func (*Link) inline()     {}
func (*Blank) inline()    {}
func (*Slot) inline()     {}
func (*Break) inline()    {}
