package worksheet

// This file is the goldmark extension for worksheet syntax: "::: name args"
// directive lines, "___" blanks and "{{name}}" slots. The parsers here only
// recognise the syntax and record it in the goldmark AST; the converter
// (convert.go) checks arguments and names and reports errors with positions,
// so these parsers hold no state and are safe for concurrent use.

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Parser priorities. goldmark tries lower numbers first and sorts with an
// unstable sort, so each of ours differs from every built-in priority.
const (
	directivePriority = 150 // before the thematic-break parser (200)
	blankPriority     = 450 // before emphasis (500), which also triggers on '_'
	slotPriority      = 460
)

var (
	kindDirective = ast.NewNodeKind("WorksheetDirective")
	kindBlank     = ast.NewNodeKind("WorksheetBlank")
	kindSlot      = ast.NewNodeKind("WorksheetSlot")
)

// newMarkdown builds the goldmark instance a Parser uses: CommonMark with
// GFM tables, task lists and strikethrough (but not Linkify), worksheet
// directives, and "___" kept out of thematic breaks. It is fully configured
// here, before its first use.
func newMarkdown() goldmark.Markdown {
	blocks := parser.DefaultBlockParsers()
	for i, b := range blocks {
		if bp, ok := b.Value.(parser.BlockParser); ok && bp == parser.NewThematicBreakParser() {
			blocks[i].Value = ruleParser{bp}
		}
	}
	p := parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	return goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithExtensions(
			extension.Table,
			extension.TaskList,
			extension.Strikethrough,
			directiveExtension{},
		),
	)
}

// directiveExtension adds the worksheet parsers to a goldmark instance.
type directiveExtension struct{}

// Extend implements goldmark.Extender.
func (directiveExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(directiveParser{}, directivePriority)),
		parser.WithInlineParsers(
			util.Prioritized(blankParser{}, blankPriority),
			util.Prioritized(slotParser{}, slotPriority),
		),
	)
}

// ruleParser is goldmark's thematic-break parser without the '_' trigger:
// in a worksheet a line of underscores is a blank to write on, not a
// horizontal rule. "---" and "***" still make rules.
type ruleParser struct{ parser.BlockParser }

// Trigger implements parser.BlockParser.
func (ruleParser) Trigger() []byte { return []byte{'-', '*'} }

// directiveNode is a "::: name args" line. Offsets are into the source
// goldmark parsed; -1 means absent.
type directiveNode struct {
	ast.BaseBlock
	// Name is the directive's name as written ("lines"); it may be empty.
	Name      string
	NameStart int
	// Args is the rest of the line after the name, trimmed.
	Args      string
	ArgsStart int
}

// Kind implements ast.Node.
func (*directiveNode) Kind() ast.NodeKind { return kindDirective }

// Dump implements ast.Node.
func (n *directiveNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name, "Args": n.Args}, nil)
}

// directiveParser recognises lines that start with ":::".
type directiveParser struct{}

// Trigger implements parser.BlockParser.
func (directiveParser) Trigger() []byte { return []byte{':'} }

// Open implements parser.BlockParser.
func (directiveParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w > 3 || !bytes.HasPrefix(line[pos:], []byte(":::")) {
		return nil, parser.NoChildren
	}
	start := seg.Start - seg.Padding
	i := pos + 3
	end := len(bytes.TrimRight(line, " \t\r\n"))
	for i < end && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	n := &directiveNode{NameStart: -1, ArgsStart: -1}
	j := i
	for j < end && line[j] != ' ' && line[j] != '\t' {
		j++
	}
	if j > i {
		n.Name = string(line[i:j])
		n.NameStart = start + i
	}
	for j < end && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j < end {
		n.Args = string(line[j:end])
		n.ArgsStart = start + j
	}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// Continue implements parser.BlockParser: a directive is one line.
func (directiveParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

// Close implements parser.BlockParser.
func (directiveParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: a directive may
// follow a line of text directly.
func (directiveParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (directiveParser) CanAcceptIndentedLine() bool { return false }

// blankNode is a run of three or more underscores.
type blankNode struct {
	ast.BaseInline
	Width int
}

// Kind implements ast.Node.
func (*blankNode) Kind() ast.NodeKind { return kindBlank }

// Dump implements ast.Node.
func (n *blankNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// blankParser turns "___" (three or more underscores) into a blank. It runs
// before goldmark's emphasis parser, which would otherwise read the
// underscores as emphasis delimiters; shorter runs are left to it.
type blankParser struct{}

// Trigger implements parser.InlineParser.
func (blankParser) Trigger() []byte { return []byte{'_'} }

// Parse implements parser.InlineParser.
func (blankParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	n := 0
	for n < len(line) && line[n] == '_' {
		n++
	}
	if n < 3 {
		return nil
	}
	block.Advance(n)
	return &blankNode{Width: n}
}

// slotNode is "{{...}}". Raw is what stands between the braces; the
// converter checks it is a declared name. Unclosed reports "{{" without a
// "}}" later on the same line.
type slotNode struct {
	ast.BaseInline
	Raw      string
	Unclosed bool
}

// Kind implements ast.Node.
func (*slotNode) Kind() ast.NodeKind { return kindSlot }

// Dump implements ast.Node.
func (n *slotNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Raw": n.Raw}, nil)
}

// maxSlotLen is how far after "{{" the slot parser looks for "}}".
const maxSlotLen = 128

// slotParser recognises "{{" ... "}}" on one line. Nothing between the
// braces is ever executed: it is kept as text for the converter to check.
type slotParser struct{}

// Trigger implements parser.InlineParser.
func (slotParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser.
func (slotParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 2 || line[1] != '{' {
		return nil
	}
	// A slot is short; looking no further keeps a line full of "{{"
	// linear to parse.
	look := line[2:min(len(line), 2+maxSlotLen)]
	end := bytes.Index(look, []byte("}}"))
	if end < 0 {
		block.Advance(2)
		return &slotNode{Unclosed: true}
	}
	block.Advance(2 + end + 2)
	return &slotNode{Raw: string(line[2 : 2+end])}
}
