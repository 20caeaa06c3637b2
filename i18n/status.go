package i18n

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
)

// Status is how complete one language is.
type Status struct {
	Lang language.Tag `json:"lang"`
	Name string       `json:"name"`
	// Messages counts UI strings; Templates counts handout templates.
	Messages  MessageCounts  `json:"messages"`
	Templates TemplateCounts `json:"templates"`
	// CrisisToCheck counts crisis lines still marked check_locally.
	CrisisToCheck int `json:"crisis_to_check"`
}

// MessageCounts counts a language's UI strings against the English ones.
type MessageCounts struct {
	Total      int `json:"total"`
	Translated int `json:"translated"` // present in the language (stale ones included)
	// Stale lists messages translated from English text that has since
	// changed (their hash no longer matches); Missing those not translated.
	Stale   []string `json:"stale,omitempty"`
	Missing []string `json:"missing,omitempty"`
	// SameAsEnglish lists translated messages identical to the English:
	// often right ("PDF"), sometimes a message nobody translated yet.
	SameAsEnglish []string `json:"same_as_english,omitempty"`
}

// TemplateCounts counts a language's templates against the English ones.
type TemplateCounts struct {
	Total      int      `json:"total"`
	Translated int      `json:"translated"` // up to date
	Stale      []string `json:"stale,omitempty"`
	Missing    []string `json:"missing,omitempty"` // missing or untranslated
	// Todo details every stale, missing or untranslated template, with the
	// hash a finished translation must carry.
	Todo []templates.Translation `json:"todo,omitempty"`
}

// Gaps reports whether anything is missing or stale; a strict check fails
// on a language with gaps.
func (s *Status) Gaps() bool {
	return len(s.Messages.Stale)+len(s.Messages.Missing)+len(s.Templates.Stale)+len(s.Templates.Missing) > 0
}

// Status reports every language of the catalog, in Tags order, with the
// state of every template of lib that has an English source file, as
// [templates.Library.Translation] tells it. lib may be nil to skip
// templates.
func (c *Catalog) Status(lib *templates.Library) ([]Status, error) {
	var out []Status
	english := c.messages[sourceLang]
	for _, t := range c.tags {
		l, err := c.Locale(t)
		if err != nil {
			return nil, err
		}
		s := Status{Lang: t, Name: l.Name}
		for _, lc := range l.Crisis {
			if lc.CheckLocally {
				s.CrisisToCheck++
			}
		}
		langs := c.messageLangs(t)
		for _, id := range c.MessageIDs() {
			src := english[id]
			s.Messages.Total++
			var m *message
			for _, ml := range langs {
				if m = c.messages[ml][id]; m != nil {
					break
				}
			}
			switch {
			case m == nil:
				s.Messages.Missing = append(s.Messages.Missing, id)
			case m.Message == src.Message:
				s.Messages.Translated++
			default:
				s.Messages.Translated++
				if m.Hash != "" && m.Hash != messageHash(src.Message) {
					s.Messages.Stale = append(s.Messages.Stale, id)
				}
				if sameText(m, src) {
					s.Messages.SameAsEnglish = append(s.Messages.SameAsEnglish, id)
				}
			}
		}
		if lib != nil {
			infos, err := templateStates(lib, t)
			if err != nil {
				return nil, err
			}
			for _, ti := range infos {
				s.Templates.Total++
				switch ti.State {
				case templates.Translated:
					s.Templates.Translated++
				case templates.Stale:
					s.Templates.Stale = append(s.Templates.Stale, ti.ID)
					s.Templates.Todo = append(s.Templates.Todo, ti)
				default:
					s.Templates.Missing = append(s.Templates.Missing, ti.ID)
					s.Templates.Todo = append(s.Templates.Todo, ti)
				}
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// templateStates returns the state of every template of lib in lang, by
// id, leaving out the templates with no English source: there is nothing
// to translate them from.
func templateStates(lib *templates.Library, lang language.Tag) ([]templates.Translation, error) {
	var out []templates.Translation
	for _, id := range lib.IDs() {
		t, _, err := lib.Translation(id, lang)
		if err != nil {
			return nil, err
		}
		if t.SourcePath != "" {
			out = append(out, t)
		}
	}
	return out, nil
}

// sameText reports whether a translation's forms equal the English ones.
func sameText(m, src *message) bool {
	a, b := pluralForms(m.Message), pluralForms(src.Message)
	return slices.EqualFunc(a, b, func(x, y struct{ key, src string }) bool {
		return x.src == "" || y.src == "" || x.src == y.src
	}) && m.Other == src.Other
}
