package homework

import "strings"

// Text drafted from a template (by "between new-assignment" or
// "between new-review") is a suggestion until the clinician confirms it.
// A suggestion is marked in the text itself: it begins with
// [SuggestionMark] or its Spanish form "(sugerencia)", e.g.
//
//	rationale: (suggested) to build a regular sleep-wake rhythm
//
// The mark survives any encoding (YAML, JSON, a form field), and a person
// editing the file sees it next to the words it qualifies. Deleting the
// mark confirms the text. [Assignment.Check] and [Review.Check] report
// each marked field as [RuleUnconfirmedSuggestion], and package notes
// leaves marked text out of the note.
const SuggestionMark = "(suggested)"

// suggestionMarks are the marks [Suggested] recognises, in any letter
// case: English first, then the Spanish a Spanish draft carries.
var suggestionMarks = []string{SuggestionMark, "(sugerencia)"}

// Suggested reports whether s, after leading white space, begins with a
// suggestion mark.
func Suggested(s string) bool {
	_, ok := cutMark(s)
	return ok
}

// Confirm returns s without its suggestion mark and the white space after
// it; s without a mark is returned unchanged.
func Confirm(s string) string {
	if rest, ok := cutMark(s); ok {
		return rest
	}
	return s
}

// Suggest returns s marked as a suggestion in language lang (a BCP 47
// tag; "es…" gives "(sugerencia)", anything else [SuggestionMark]).
// Empty or blank text is returned unchanged: there is nothing to confirm.
func Suggest(s, lang string) string {
	if blank(s) || Suggested(s) {
		return s
	}
	return MarkFor(lang) + " " + strings.TrimSpace(s)
}

// MarkFor returns the suggestion mark a draft in language lang (a BCP 47
// tag) carries: "(sugerencia)" for Spanish, [SuggestionMark] otherwise.
// [Suggested] recognises every mark whatever the record's language.
func MarkFor(lang string) string {
	if base, _, _ := strings.Cut(strings.ToLower(lang), "-"); base == "es" {
		return suggestionMarks[1]
	}
	return SuggestionMark
}

func cutMark(s string) (string, bool) {
	t := strings.TrimLeft(s, " \t\r\n")
	for _, m := range suggestionMarks {
		if len(t) >= len(m) && strings.EqualFold(t[:len(m)], m) {
			return strings.TrimLeft(t[len(m):], " \t\r\n"), true
		}
	}
	return s, false
}

// blank reports whether s is empty or holds only white space.
func blank(s string) bool { return strings.TrimSpace(s) == "" }
