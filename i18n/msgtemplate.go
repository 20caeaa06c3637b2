package i18n

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"text/template"
	"text/template/parse"

	gotemplate "github.com/nicksnyder/go-i18n/v2/i18n/template"

	"github.com/betweensessions/between/internal/safefs"
)

// MaxMessageLength is the most bytes one form of one UI string may hold.
// The longest English string is a few hundred bytes.
const MaxMessageLength = 4 << 10

// MaxFileSize is the largest message or locale data file [Load] reads; a
// larger one is refused before it is read.
const MaxFileSize = 1 << 20

// errRefused is wrapped by messageParser's error for a message that holds
// more than text and field references, or is too long.
var errRefused = errors.New("not allowed in a UI string")

// refusal is messageParser's error for a message that holds more than
// text and field references, or is too long; it matches errRefused.
type refusal struct{ msg string }

func (e *refusal) Error() string        { return e.msg }
func (e *refusal) Is(target error) bool { return target == errRefused }

func refused(format string, args ...any) error {
	return &refusal{msg: fmt.Sprintf(format, args...)}
}

// messageParser parses a UI string's text as the data it is: text with
// field references such as {{.Count}} or {{.Title}}, which the program
// fills in, and conditions on fields ({{if .About}}…{{else}}…{{end}},
// with and, or and not of fields) that leave out a clause when a field is
// empty. Anything else Go templates can do — {{range}}, {{with}},
// {{template}}, {{define}}, {{block}}, variables, other functions,
// pipelines — is refused, so that a translation can never run code, loop
// or recurse: executing a message costs at most one pass over its text.
// Plural forms are not template code: they are the message's
// one/few/many/other texts, each parsed the same way.
type messageParser struct{}

var _ gotemplate.Parser = messageParser{}

// Cacheable reports that a parsed message can be cached: it depends on its
// text only.
func (messageParser) Cacheable() bool { return true }

// Parse checks src and returns it ready to run.
func (messageParser) Parse(src, leftDelim, rightDelim string) (gotemplate.ParsedTemplate, error) {
	if len(src) > MaxMessageLength {
		return nil, refused("%d bytes long, more than the %d a UI string may hold", len(src), MaxMessageLength)
	}
	if leftDelim == "" {
		leftDelim = "{{"
	}
	if rightDelim == "" {
		rightDelim = "}}"
	}
	if !strings.Contains(src, leftDelim) {
		return plainMessage(src), nil
	}
	tree := parse.New("message")
	tree.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tree.Parse(src, leftDelim, rightDelim, trees); err != nil {
		return nil, err
	}
	for name := range trees {
		if name != "message" {
			return nil, refused("%sdefine%s and %sblock%s are not allowed: %s", leftDelim, rightDelim, leftDelim, rightDelim, allowed(leftDelim, rightDelim))
		}
	}
	if tree.Root != nil {
		for _, n := range tree.Root.Nodes {
			if err := checkNode(n, leftDelim, rightDelim, 0); err != nil {
				return nil, err
			}
		}
	}
	t, err := template.New("").Delims(leftDelim, rightDelim).Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, err
	}
	return textMessage{t}, nil
}

// maxMessageNesting is how deep {{if}}s may nest in a message.
const maxMessageNesting = 4

// checkNode refuses anything in a message but text, comments, field
// references ({{.Name}}) and conditions on fields ({{if .Name}}, {{if or
// .A .B}}, {{if and .A .B}}, {{if not .A}}, with {{else}}), nested at most
// maxMessageNesting deep.
func checkNode(n parse.Node, l, r string, depth int) error {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode:
		return nil
	case *parse.ActionNode:
		if isField(n.Pipe) {
			return nil
		}
		return refused("%s%s%s is not allowed: %s", l, short(n.Pipe.String()), r, allowed(l, r))
	case *parse.IfNode:
		if depth >= maxMessageNesting {
			return refused("%sif%s nested more than %d deep is not allowed: %s", l, r, maxMessageNesting, allowed(l, r))
		}
		if !isCondition(n.Pipe) {
			return refused("%sif %s%s is not allowed: %s", l, short(n.Pipe.String()), r, allowed(l, r))
		}
		for _, list := range []*parse.ListNode{n.List, n.ElseList} {
			if list == nil {
				continue
			}
			for _, c := range list.Nodes {
				if err := checkNode(c, l, r, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	word := "this"
	switch n.(type) {
	case *parse.RangeNode:
		word = "range"
	case *parse.WithNode:
		word = "with"
	case *parse.TemplateNode:
		word = "template"
	case *parse.BreakNode:
		word = "break"
	case *parse.ContinueNode:
		word = "continue"
	}
	return refused("%s%s%s is not allowed: %s", l, word, r, allowed(l, r))
}

// isField reports whether p is one field reference, such as .Count.
func isField(p *parse.PipeNode) bool {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	return ok && len(f.Ident) == 1
}

// isCondition reports whether p is a field, or and, or or not of fields.
func isCondition(p *parse.PipeNode) bool {
	if isField(p) {
		return true
	}
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 {
		return false
	}
	args := p.Cmds[0].Args
	fn, ok := args[0].(*parse.IdentifierNode)
	if !ok {
		return false
	}
	switch {
	case fn.Ident == "not" && len(args) == 2:
	case (fn.Ident == "and" || fn.Ident == "or") && len(args) >= 3:
	default:
		return false
	}
	for _, a := range args[1:] {
		if f, ok := a.(*parse.FieldNode); !ok || len(f.Ident) != 1 {
			return false
		}
	}
	return true
}

// allowed says what a message may hold.
func allowed(l, r string) string {
	return fmt.Sprintf("a UI string holds text, field references such as %[1]s.Count%[2]s and conditions such as %[1]sif .Count%[2]s…%[1]selse%[2]s…%[1]send%[2]s; plural forms go in one, few, many and other", l, r)
}

// short returns s, cut to a length an error can show.
func short(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	for i := n; i > 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return s[:i] + "…"
		}
	}
	return s[:n]
}

// plainMessage is a message with no field references.
type plainMessage string

func (m plainMessage) Execute(any) (string, error) { return string(m), nil }

// textMessage is a checked message run by text/template: only field
// references are left in it, so it runs in one pass.
type textMessage struct{ t *template.Template }

func (m textMessage) Execute(data any) (string, error) {
	var buf bytes.Buffer
	if err := m.t.Execute(&buf, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// readFile reads a message or locale data file, a regular file of at
// most [MaxFileSize] bytes, refused before it is read otherwise. display
// is the file's name in errors.
func readFile(fsys fs.FS, name, display string) ([]byte, error) {
	src, err := safefs.ReadFS(fsys, name, MaxFileSize)
	var tl *safefs.TooLargeError
	switch {
	case errors.As(err, &tl):
		return nil, &FileError{Pkg: pkg, Path: display, Err: fmt.Errorf("larger than the limit of %s", safefs.Size(MaxFileSize))}
	case errors.Is(err, safefs.ErrNotRegular):
		return nil, &FileError{Pkg: pkg, Path: display, Err: errors.Unwrap(err)}
	case err != nil:
		return nil, fmt.Errorf("i18n: %w", err)
	}
	return src, nil
}
