package worksheet_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/betweensessions/between/worksheet"
)

func TestSafeURL(t *testing.T) {
	for _, c := range []struct {
		url  string
		safe bool
	}{
		{"https://example.org/sleep", true},
		{"HTTP://example.org/", true},
		{"mailto:clinic@example.org", true},
		{"tel:+15550100", true},
		{"handouts/sleep.pdf", true},
		{"../index.html", true},
		{"#part-2", true},
		{"", true},
		{"javascript:alert(1)", false},
		{"JaVaScRiPt:alert(1)", false},
		{"data:text/html,<script>", false},
		{"vbscript:msgbox(1)", false},
		{"file:///etc/passwd", false},
		{"ftp://example.org/", false},
		{" javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{"https://example.org/\x00", false},
	} {
		t.Run(fmt.Sprintf("%q", c.url), func(t *testing.T) {
			assert.Equal(t, c.safe, worksheet.SafeURL(c.url), "SafeURL(%q)", c.url)
		})
	}
}

func ExampleSafeURL() {
	for _, u := range []string{"https://example.org/", "tel:988", "sleep.html", "javascript:alert(1)"} {
		fmt.Println(u, worksheet.SafeURL(u))
	}
	// Output:
	// https://example.org/ true
	// tel:988 true
	// sleep.html true
	// javascript:alert(1) false
}
