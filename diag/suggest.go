package diag

import "strings"

// Suggest returns the candidate closest to word, compared in lower case,
// for a "did you mean" hint after a misspelt name; "" when none is close
// enough to be a typo of word (at most one edit for a name of up to three
// bytes, at most two for a longer one). Of equally close candidates the
// first wins.
func Suggest(word string, candidates []string) string {
	word = strings.ToLower(word)
	best, bestDist := "", 0
	for _, c := range candidates {
		d := editDistance(word, c)
		if d <= max(1, min(2, len(c)/2)) && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	if len(a) > 64 {
		return len(a) // no sensible suggestion for long garbage
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// IsName reports whether s looks like a name a program or a form gave —
// an id, a key, a code — so that an error may repeat it: 1 to 64 ASCII
// letters, digits, '.', '_' and '-', starting with a letter or a digit.
// Anything else may be a person's own words, which an error must not
// repeat; name the field that holds it instead.
func IsName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return false
		}
	}
	return true
}
