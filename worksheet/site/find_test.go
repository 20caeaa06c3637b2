package site_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/worksheet/site"
)

// TestLibraryFind checks that the library page finds a handout by kind,
// topic and time with no script: every link of the "find" list leads to
// a heading on the page, and under the topic and time headings each
// handout is listed where its front matter puts it, and nowhere else.
func TestLibraryFind(t *testing.T) {
	tmpl := func(id, title, kind, topics, minutes string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nid: " + id + "\ntitle: " + title + "\nsummary: S.\nkind: " + kind +
			"\ntopics: [" + topics + "]\n" + minutes + "---\n\nText.\n")}
	}
	src := fstest.MapFS{
		"nap/en.md":   tmpl("nap", "Naps", "plan", "sleep", "minutes: 5\n"),
		"walk/en.md":  tmpl("walk", "A walk", "plan", "mood, social skills", "minutes: 10\n"),
		"diary/en.md": tmpl("diary", "A diary", "log", "mood", "minutes: 45\n"),
		"facts/en.md": tmpl("facts", "Facts", "handout", "sleep", ""),
	}
	out := filepath.Join(t.TempDir(), "site")
	_, err := site.Build(context.Background(), site.Options{Out: out, Sources: []fs.FS{src}, Locales: catalog(t), Langs: []language.Tag{language.English, language.Spanish}})
	require.NoError(t, err)
	tree := readTree(t, out)
	en, es := tree["en/index.html"], tree["es/index.html"]

	find := regexp.MustCompile(`(?s)<nav class="find".*?</nav>`).FindString(en)
	require.NotEmpty(t, find)
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(find, -1) {
		assert.Contains(t, en, ` id="`+m[1]+`"`, "the find link #%s leads to a heading", m[1])
	}
	for _, want := range []string{"#kind-plan", "#kind-log", "#kind-handout", "#topic-mood", "#topic-social-skills", "#topic-sleep", "#time-5", "#time-10", "#time-more", "#time-none"} {
		assert.Contains(t, find, `href="`+want+`"`)
	}
	assert.NotContains(t, find, "#time-20", "no group without handouts")

	// The handouts under each heading of a section.
	groups := func(page, section string) map[string][]string {
		sec := regexp.MustCompile(`(?s)<section class="` + section + `".*?</section>`).FindString(page)
		got := map[string][]string{}
		for _, part := range strings.Split(sec, "<h3 id=\"")[1:] {
			id := part[:strings.Index(part, `"`)]
			for _, m := range regexp.MustCompile(`<a href="([a-z]+)/index.html"`).FindAllStringSubmatch(part, -1) {
				got[id] = append(got[id], m[1])
			}
		}
		return got
	}
	assert.Equal(t, map[string][]string{"time-5": {"nap"}, "time-10": {"walk"}, "time-more": {"diary"}, "time-none": {"facts"}}, groups(en, "times"))
	assert.Equal(t, map[string][]string{"topic-mood": {"diary", "walk"}, "topic-sleep": {"nap", "facts"}, "topic-social-skills": {"walk"}}, groups(en, "topics"))
	assert.Equal(t, groups(en, "topics"), groups(es, "topics"), "the anchors are the same in every language")

	assert.Contains(t, en, `<h3 id="time-more">More than 20 minutes</h3>`)
	assert.Contains(t, es, `<h3 id="time-none">Sin tiempo indicado</h3>`)
	assert.Contains(t, es, `<h3 id="topic-social-skills">Habilidades sociales</h3>`)
	assert.Contains(t, en, `<li class="card" id="card-walk" data-kind="plan" data-time="time-10" data-topics="topic-mood topic-social-skills">`)
}
