package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/internal/needtool"
)

// pdfPaper returns the page size pdfinfo reports for a PDF, such as
// "letter" or "A4".
func pdfPaper(t *testing.T, name string) string {
	t.Helper()
	pdfinfo := needtool.Path(t, "pdfinfo", "apt-get install poppler-utils")
	out, err := exec.Command(pdfinfo, name).Output()
	require.NoError(t, err)
	for line := range strings.SplitSeq(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "Page size:"); ok {
			if i, j := strings.Index(rest, "("), strings.Index(rest, ")"); i >= 0 && j > i {
				return rest[i+1 : j]
			}
		}
	}
	t.Fatalf("no page size in pdfinfo %s", name)
	return ""
}

// TestBuildConfig builds with a between.toml in the working folder, then
// with flags that override it.
func TestBuildConfig(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("between.toml", []byte(`languages = ["en-US", "es-US"]
paper = "a4"
handouts = ["sleep-routine", "mood-journal"]
variant = "large-print"

[clinic]
name = "Riverside Counseling"
phone = "(555) 010-0199"
`), 0o644))

	stdout, stderr, code := runCLI(t, "build", "-o", "site")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "using the site configuration between.toml\n")
	assert.Contains(t, stdout, "built 2 handouts in 2 languages (en-US, es-US)")
	assert.NoDirExists(t, filepath.Join("site", "en-US", "thought-record"), "only the handouts it lists")
	assert.Equal(t, "A4", pdfPaper(t, filepath.Join("site", "en-US", "sleep-routine", "sleep-routine.pdf")), "the file's paper")
	lib, err := os.ReadFile(filepath.Join("site", "en-US", "index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(lib), `<h3><a href="sleep-routine/large-print.html">`, "titles open the configured variant")

	stdout, stderr, code = runCLI(t, "build", "-o", "site", "--lang", "en-US", "--paper", "letter")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "built 2 handouts in 1 language (en-US)", "--lang wins over the file")
	assert.Equal(t, "letter", pdfPaper(t, filepath.Join("site", "en-US", "sleep-routine", "sleep-routine.pdf")), "--paper wins over the file")

	require.NoError(t, os.Rename("between.toml", "clinic.toml"))
	stdout, stderr, code = runCLI(t, "build", "-o", "site", "--no-pdf", "--lang", "en")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "no site configuration (no between.toml here, no --config): the built-in defaults\n")
	assert.Contains(t, stdout, "built 17 handouts", "every handout")

	stdout, stderr, code = runCLI(t, "build", "-o", "site", "--no-pdf", "--config", "clinic.toml")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "using the site configuration clinic.toml\n")
}

// TestBuildConfigErrors checks that a mistake in the configuration stops
// the build with the file and line, and leaves the previous site as it
// was.
func TestBuildConfigErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	_, stderr, code := runCLI(t, "build", "-o", "site", "--no-pdf", "--lang", "en")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	before := readDir(t, "site")
	require.NoError(t, os.WriteFile("huge.png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 3<<20)...), 0o644))
	require.NoError(t, os.WriteFile("notes.txt", []byte("not an image"), 0o644))

	tests := []struct {
		name, toml, want string
	}{
		{"unknown key", "paper = \"a4\"\n[clinic]\nnmae = \"Riverside\"\n", `between.toml:3: unknown key "clinic.nmae"`},
		{"paper", "\n\npaper = \"legal\"\n", `between.toml:3:10: paper "legal" is not "letter" or "a4"`},
		{"logo not an image", "[clinic]\nlogo = \"notes.txt\"\n", "between.toml:2: notes.txt: logo is not a PNG or JPEG image"},
		{"logo too large", "[clinic]\nname = \"R\"\nlogo = \"huge.png\"\n", "between.toml:3: logo: huge.png: 3 MiB, larger than the limit of 2 MiB"},
		{"unknown handout", "handouts = [\"sleep\"]\n", `between.toml:1: no handout "sleep" in the library`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, os.WriteFile("between.toml", []byte(tt.toml), 0o644))
			stdout, stderr, code := runCLI(t, "build", "-o", "site")
			assert.Equal(t, 1, code)
			assert.Contains(t, stderr, "between: siteconfig: "+tt.want)
			assert.NotContains(t, stdout, "built")
			assert.Equal(t, before, readDir(t, "site"), "the previous site is untouched")
		})
	}

	_, stderr, code = runCLI(t, "build", "--config", "missing.toml")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "missing.toml")
	_, stderr, code = runCLI(t, "build", "--paper", "a3")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `paper "a3" is not "letter" or "a4"`)
}

// readDir returns every file under dir with its contents.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = string(b)
		return err
	}))
	return files
}
