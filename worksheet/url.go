package worksheet

import (
	"net/url"
	"strings"
)

// SafeURL reports whether u may be written as a link a reader can follow:
// a relative reference, a fragment, or an http, https, mailto or tel URL.
// Any other scheme (javascript:, data:, vbscript:, file:, …) and anything
// net/url cannot parse (control characters, a leading space before a
// colon) is unsafe. The parser refuses dangerous links in templates, but a
// program may build a [Worksheet] by hand, so every renderer checks each
// link again with SafeURL and prints an unsafe link's text without the
// link.
func SafeURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "", "http", "https", "mailto", "tel":
		return true
	}
	return false
}
