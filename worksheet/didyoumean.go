package worksheet

// DidYouMean returns ` (did you mean "x"?)` for the candidate closest to
// word by edit distance, or "" when none is close enough to be a typo. It
// is the suggestion worksheet's own errors use ("unknown directive
// \"line\" (did you mean \"lines\"?)"), for other packages that report a
// mistyped name from a known list, such as a template id or a param.
func DidYouMean(word string, candidates []string) string { return suggest(word, candidates) }
