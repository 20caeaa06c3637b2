package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/betweensessions/between/templates"
)

// generator makes the worksheets of one seed. Worksheet i depends only on
// the seed and i, so any subset can be regenerated alone.
type generator struct {
	seed uint64
}

// blockKind is the kind of one block of a generated worksheet.
type blockKind uint8

const (
	heading blockKind = iota
	para
	bullets
	numbered
	tasks
	lines
	scale
	tracker
	table
)

// block is one block of a generated worksheet. text is the heading or
// paragraph text, or the label of lines and scale; items are list items,
// tracker rows or the table's column headers; n is the number of lines or
// table rows, or the scale's maximum.
type block struct {
	kind  blockKind
	text  string
	items []string
	n     int
}

// doc is one generated worksheet in one language.
type doc struct {
	id, lang                        string
	title, summary, kind, frequency string
	topics, approaches              []string
	minutes                         int
	body                            []block
	days                            [7]string
}

func (g generator) rng(i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, uint64(i)))
}

// document returns worksheet i in English.
func (g generator) document(i int) *doc { return g.build(i, &english) }

// spanish returns worksheet i in Spanish: the same structure, drawn with
// the same random choices from Spanish word lists.
func (g generator) spanish(i int) *doc { return g.build(i, &spanishVocab) }

func (g generator) build(i int, v *vocab) *doc {
	r := g.rng(i)
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	picks := func(list []string, n int) []string {
		out := make([]string, n)
		for j, k := range r.Perm(len(list))[:n] {
			out[j] = list[k]
		}
		return out
	}
	d := &doc{
		id:         fmt.Sprintf("ws-%05d", i+1),
		lang:       v.lang,
		title:      fmt.Sprintf("%s %s %d", pick(v.titleA), pick(v.titleB), i+1),
		summary:    pick(v.summaries),
		kind:       string(kinds[r.IntN(len(kinds))]),
		frequency:  pick(v.frequencies),
		topics:     picks(topics, 2),
		approaches: picks(approaches, 1),
		minutes:    5 + r.IntN(25),
		days:       v.days,
	}
	sentences := func(n int) string {
		return strings.Join(picks(v.sentences, n), " ")
	}
	d.body = append(d.body,
		block{kind: para, text: sentences(3)},
		block{kind: heading, text: v.howTo},
		block{kind: tasks, items: picks(v.steps, 4+r.IntN(2))},
		block{kind: para, text: sentences(2)},
	)
	sections := 3 + r.IntN(2)
	for s, h := range picks(v.headings, sections) {
		d.body = append(d.body,
			block{kind: heading, text: h},
			block{kind: para, text: sentences(2 + r.IntN(2))},
		)
		switch s % 3 {
		case 0:
			d.body = append(d.body, block{kind: bullets, items: picks(v.items, 3+r.IntN(3))})
		case 1:
			d.body = append(d.body, block{kind: numbered, items: picks(v.steps, 3+r.IntN(2))})
		case 2:
			d.body = append(d.body, block{kind: tasks, items: picks(v.items, 3)})
		}
		d.body = append(d.body,
			block{kind: para, text: pick(v.prompts)},
			block{kind: lines, n: 2 + r.IntN(3), text: pick(v.lineLabels)},
		)
		if s == 1 {
			d.body = append(d.body, block{kind: scale, n: 10, text: pick(v.scales)})
		}
	}
	d.body = append(d.body,
		block{kind: heading, text: v.week},
		block{kind: para, text: sentences(2)},
		block{kind: tracker, items: picks(v.rows, 3+r.IntN(2))},
		block{kind: heading, text: v.plan},
		block{kind: table, items: v.tableHead, n: 3},
		block{kind: para, text: pick(v.prompts)},
		block{kind: lines, n: 3, text: pick(v.lineLabels)},
	)
	return d
}

// between returns the worksheet in Between's template format.
func (d *doc) between() []byte { return d.render(true, "") }

// betweenTranslation returns the worksheet as a translation of the
// English file en, recording en's hash.
func (d *doc) betweenTranslation(en []byte) []byte { return d.render(true, templates.SourceHash(en)) }

// hugo returns the worksheet as plain Markdown content for Hugo.
func (d *doc) hugo() []byte { return d.render(false, "") }

func (d *doc) render(between bool, sourceHash string) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	if between {
		fmt.Fprintf(&b, "id: %s\n", d.id)
	}
	fmt.Fprintf(&b, "title: %s\nsummary: %s\n", d.title, d.summary)
	if between {
		fmt.Fprintf(&b, "kind: %s\n", d.kind)
	} else {
		// Hugo keeps "kind" for itself; the value rides along as a param.
		fmt.Fprintf(&b, "worksheet_kind: %s\n", d.kind)
	}
	fmt.Fprintf(&b, "topics: [%s]\napproaches: [%s]\nminutes: %d\nfrequency: %s\nlicense: CC BY 4.0\n",
		strings.Join(d.topics, ", "), strings.Join(d.approaches, ", "), d.minutes, d.frequency)
	if sourceHash != "" {
		fmt.Fprintf(&b, "source_hash: %s\n", sourceHash)
	}
	b.WriteString("---\n")
	text := func(s string) string {
		if between {
			return s
		}
		return strings.ReplaceAll(s, "___", `\_\_\_`)
	}
	for _, bl := range d.body {
		b.WriteString("\n")
		switch bl.kind {
		case heading:
			fmt.Fprintf(&b, "## %s\n", bl.text)
		case para:
			b.WriteString(wrap(text(bl.text)))
		case bullets, numbered, tasks:
			for j, it := range bl.items {
				switch bl.kind {
				case bullets:
					b.WriteString("- ")
				case numbered:
					fmt.Fprintf(&b, "%d. ", j+1)
				default:
					b.WriteString("- [ ] ")
				}
				b.WriteString(text(it))
				b.WriteString("\n")
			}
		case lines:
			if between {
				fmt.Fprintf(&b, "::: lines %d %s\n", bl.n, bl.text)
				break
			}
			for j := range bl.n {
				if j > 0 {
					b.WriteString("\n")
				}
				b.WriteString(strings.Repeat(`\_`, 40) + "\n")
			}
		case scale:
			if between {
				fmt.Fprintf(&b, "::: scale 0 %d %s\n", bl.n, bl.text)
				break
			}
			fmt.Fprintf(&b, "**%s**\n\n|", bl.text)
			for j := 0; j <= bl.n; j++ {
				fmt.Fprintf(&b, " %d |", j)
			}
			b.WriteString("\n|" + strings.Repeat(" :-: |", bl.n+1) + "\n|" + strings.Repeat(" ◯ |", bl.n+1) + "\n")
		case tracker:
			if between {
				fmt.Fprintf(&b, "::: tracker %s\n", strings.Join(bl.items, " | "))
				break
			}
			b.WriteString("|   | " + strings.Join(d.days[:], " | ") + " |\n|---" + strings.Repeat("|---", 7) + "|\n")
			for _, row := range bl.items {
				b.WriteString("| " + row + " |" + strings.Repeat("   |", 7) + "\n")
			}
		case table:
			b.WriteString("| " + strings.Join(bl.items, " | ") + " |\n|" + strings.Repeat(" --- |", len(bl.items)) + "\n")
			for range bl.n {
				b.WriteString("|" + strings.Repeat(" "+text("___")+" |", len(bl.items)) + "\n")
			}
		}
	}
	return b.Bytes()
}

// wrap breaks a paragraph into lines of at most about 72 bytes, as a
// person would write it.
func wrap(s string) string {
	var b strings.Builder
	col := 0
	for w := range strings.FieldsSeq(s) {
		if col > 0 && col+1+len(w) > 72 {
			b.WriteString("\n")
			col = 0
		} else if col > 0 {
			b.WriteString(" ")
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	b.WriteString("\n")
	return b.String()
}
