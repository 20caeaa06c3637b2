package site

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
)

// ClinicianPage is the file name of a handout's clinician page, beside its
// handout pages: <lang>/<id>/clinician.html.
const ClinicianPage = "clinician.html"

// clinicianPage is a handout's notes for the clinician, in one language:
// what it is for, how to introduce it, barriers and plans, adaptations,
// follow-up, and the params with a "between render" line. It is never
// part of the client's handout.
type clinicianPage struct {
	page
	Handout string // the handout's title
	// Versions link to the client's handout in every variant and format.
	Versions  []link
	Languages []link
	// Note says that the notes are shown in another language; TextLang is
	// then that language.
	Note, TextLang string
	Summary        string
	Facts          []fact
	Rationale      string
	FollowUp       string
	Barriers       []worksheet.Barrier
	Adaptations    []string
	Params         []worksheet.Param
	// Render is an example "between render" command line.
	Render string
}

// fact is one line of the "how to introduce it" list: a name and a value.
// Text is set when the value is the template's words rather than the
// page's (the two differ on a page shown untranslated).
type fact struct {
	Name, Value string
	Text        bool
}

// clinicianPage builds the clinician page of ws for the pages of lang.
func (b *builder) clinicianPage(ws *worksheet.Worksheet, lang language.Tag, pageLoc *i18n.Locale, translated bool) *clinicianPage {
	m := ws.Meta
	p := &clinicianPage{
		page: page{
			Lang: lang.String(), Dir: dir(pageLoc), Root: "../../", loc: pageLoc,
			Title: pageLoc.Text("ClinicianTitle", map[string]any{"Title": m.Title}),
		},
		Handout:     m.Title,
		Versions:    b.versions(m.ID, "", pageLoc, worksheet.Standard, false),
		Summary:     m.Summary,
		Rationale:   m.Clinician.Rationale,
		FollowUp:    m.Clinician.FollowUp,
		Barriers:    m.Clinician.Barriers,
		Adaptations: m.Clinician.Adaptations,
		Params:      m.Params,
		Render:      renderLine(m, lang),
	}
	if m.Minutes > 0 {
		p.Facts = append(p.Facts, fact{pageLoc.Text("ClinicianTime", nil), pageLoc.Text("Minutes", map[string]any{"Count": m.Minutes}), false})
	}
	if m.Frequency != "" {
		p.Facts = append(p.Facts, fact{pageLoc.Text("ClinicianFrequency", nil), m.Frequency, true})
	}
	if m.Parts > 1 {
		p.Facts = append(p.Facts, fact{pageLoc.Text("ClinicianParts", nil), pageLoc.Text("ClinicianPartsCount", map[string]any{"Count": m.Parts}), false})
	}
	if len(m.Approaches) > 0 {
		p.Facts = append(p.Facts, fact{pageLoc.Text("ClinicianApproaches", nil), strings.Join(m.Approaches, ", "), true})
	}
	if len(m.Topics) > 0 {
		names := make([]string, len(m.Topics))
		for i, t := range m.Topics {
			names[i] = topicName(pageLoc, t)
		}
		p.Facts = append(p.Facts, fact{pageLoc.Text("ClinicianTopics", nil), strings.Join(names, ", "), false})
	}
	p.Alternates, p.Languages = b.languageLinks(m.ID, lang, ClinicianPage)
	if !translated {
		p.TextLang = ws.Lang.String()
		p.Note = pageLoc.Text("ClinicianNotTranslated", map[string]any{"Language": pageLoc.Name})
	}
	return p
}

// renderClinician writes a clinician page.
func renderClinician(w io.Writer, p *clinicianPage, path string) error {
	if err := layouts.ExecuteTemplate(w, "clinician.html", p); err != nil {
		return fmt.Errorf("site: %s: clinician page: %w", path, err)
	}
	return nil
}

// renderLine is an example "between render" command for handout m in
// language lang, with every param set to the template's example (or its
// name in capitals when it gives none), writing a PDF.
func renderLine(m worksheet.Meta, lang language.Tag) string {
	var b strings.Builder
	b.WriteString("between render " + shellWord(m.ID))
	if lang != language.English {
		b.WriteString(" --lang " + shellWord(lang.String()))
	}
	for _, prm := range m.Params {
		v := prm.Example
		if v == "" {
			v = strings.ToUpper(prm.Name)
		}
		b.WriteString(" --param " + prm.Name + "=" + shellWord(v))
	}
	b.WriteString(" -o " + shellWord(m.ID+".pdf"))
	return b.String()
}

// shellWord quotes s for a POSIX shell when it holds anything but letters,
// digits and -_.,:=/+@.
func shellWord(s string) string {
	plain := s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.,:=/+@", r))
	})
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
