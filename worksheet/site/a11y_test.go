package site_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/internal/needtool"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/site"
)

// axeDir is the node project with axe-core and the CDP driver script.
const axeDir = "../../tools/axe"

// axeResult is what tools/axe/check.mjs prints.
type axeResult struct {
	Pages []struct {
		File       string `json:"file"`
		Styled     bool   `json:"styled"`
		Violations []struct {
			ID     string `json:"id"`
			Impact string `json:"impact"`
			Help   string `json:"help"`
			Width  int    `json:"width"`
			Nodes  []struct {
				Target  string `json:"target"`
				Summary string `json:"summary"`
			} `json:"nodes"`
		} `json:"violations"`
		Reflow struct {
			Width       int      `json:"width"`
			ScrollWidth int      `json:"scrollWidth"`
			OK          bool     `json:"ok"`
			Wide        []string `json:"wide"`
		} `json:"reflow"`
		Requests []string `json:"requests"`
	} `json:"pages"`
}

// runBrowser runs one of tools/axe's scripts (check.mjs, fill.mjs), which
// drive headless Chromium over the DevTools protocol (cdp.mjs), with args
// after the browser and a fresh profile, and returns what it printed.
func runBrowser(t *testing.T, script string, args ...string) []byte {
	t.Helper()
	chromium := needtool.Path(t, "chromium", "apt-get install chromium")
	node := needtool.Path(t, "node", "apt-get install nodejs")
	if _, err := os.Stat(filepath.Join(axeDir, "node_modules", "axe-core", "axe.min.js")); err != nil {
		needtool.Missing(t, "axe-core", "run npm ci --prefix tools/axe")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	argv := append([]string{filepath.Join(axeDir, script), "--chromium", chromium, "--profile", t.TempDir()}, args...)
	cmd := exec.CommandContext(ctx, node, argv...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "%s failed: %s", script, stderr.String())
	return stdout.Bytes()
}

// runAxe checks the given HTML files in headless Chromium.
func runAxe(t *testing.T, files []string) axeResult {
	t.Helper()
	out := runBrowser(t, "check.mjs", files...)
	var res axeResult
	require.NoError(t, json.Unmarshal(out, &res), "check.mjs output: %s", out)
	require.Len(t, res.Pages, len(files))
	return res
}

// buildBrowserSite builds the library and a11yFixture in English and
// Spanish for the browser tests, and returns the site folder.
func buildBrowserSite(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	fixture := fstest.MapFS{"every-field/en.md": {Data: []byte(a11yFixture)}}
	_, err := site.Build(context.Background(), site.Options{
		Sources: []fs.FS{templates.FS(), fixture},
		Out:     out,
		Langs:   []language.Tag{language.English, language.Spanish},
	})
	require.NoError(t, err)
	return out
}

// a11yFixture is a synthetic template that uses every directive, so the
// browser test covers every kind of field whatever the library holds.
const a11yFixture = `---
id: every-field
title: Every Field
summary: A test handout with one of each field.
kind: worksheet
topics: [testing]
minutes: 5
parts: 2
params:
  - name: goal
    label: My goal
license: CC BY 4.0
---

Intro with *emphasis*, **strong**, ` + "`code`" + ` and a [link](https://example.org/).

::: part First

## Blanks

My goal is {{goal}}. Bedtime: ___ and ___ hours.

::: lines 3 What happened

::: scale 0 10 How strong?

::: scale 0 100 How sure, in percent?

::: tracker Mood (0 to 10) | Hours of sleep | A rather long row label to wrap

::: part Second

### Tasks

- [ ] Plain task
- [x] Task with a blank: ___

| Column one | Column two |
| --- | :---: |
| ___ | ___ |

> A tip.

1. One
2. Two

---

::: crisis
`

// TestAccessibility builds a site and checks every page in headless
// Chromium with axe-core: no WCAG 2.2 A or AA violation, no sideways
// scrolling at 320 px (of the page or of a box in it), no request outside the site folder, stylesheet
// loaded. A page with known faults checks the checker.
func TestAccessibility(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	out := buildBrowserSite(t)

	var files []string
	require.NoError(t, filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	}))
	broken := filepath.Join(t.TempDir(), "broken.html")
	require.NoError(t, os.WriteFile(broken, []byte(`<!DOCTYPE html><html><head><title>x</title></head><body>`+
		`<main><input type="text"><div style="width:900px">wide</div><p style="color:#bbb">faint</p></main></body></html>`), 0o644))
	files = append(files, broken)

	res := runAxe(t, files)
	for _, p := range res.Pages {
		name, _ := filepath.Rel(out, p.File)
		if p.File == broken {
			ids := map[string]bool{}
			for _, v := range p.Violations {
				ids[v.ID] = true
			}
			assert.True(t, ids["label"], "the checker finds an unlabelled input; got %v", ids)
			assert.True(t, ids["color-contrast"], "the checker finds low contrast; got %v", ids)
			assert.False(t, p.Reflow.OK, "the checker finds sideways scrolling")
			continue
		}
		for _, v := range p.Violations {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, n.Target+": "+n.Summary)
			}
			t.Errorf("%s at %dpx: %s (%s, %s)\n  %s", name, v.Width, v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
		}
		assert.True(t, p.Reflow.OK, "%s scrolls sideways at 320px: scroll width %d, too wide: %v", name, p.Reflow.ScrollWidth, p.Reflow.Wide)
		assert.Empty(t, p.Requests, "%s makes requests outside the site", name)
		assert.True(t, p.Styled, "%s loaded its stylesheet", name)
	}
	t.Logf("checked %d pages", len(res.Pages)-1)
}
