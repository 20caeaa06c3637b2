package i18n_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/internal/bounded"
	"github.com/betweensessions/between/internal/safefs"
)

// TestMessageIsData checks that a translated UI string is data: text and
// field references only. Everything else Go templates can do — loops with
// huge counts, recursion through {{template}}, functions, variables — is
// refused when the file is loaded, with the file and the line of the
// message, quickly and without running any of it.
func TestMessageIsData(t *testing.T) {
	refused := []string{
		`{{range $i := 999999999999}}x{{end}}`,
		`{{range .Count}}x{{end}}`,
		`{{range 100000000}}{{range 100000000}}x{{end}}{{end}}`,
		`{{define "a"}}{{template "a"}}{{end}}{{template "a"}}`,
		`{{block "b" .}}{{template "b" .}}{{end}}`,
		`{{template "x"}}`,
		`{{if len .Title}}x{{end}}`,
		`{{if eq .Count 1}}x{{end}}`,
		`{{if (printf "%0999999999d" 1)}}x{{end}}`,
		`{{if .Count}}{{range 999999999}}x{{end}}{{end}}`,
		`{{if .Count}}{{else}}{{template "x"}}{{end}}`,
		`{{if .A}}{{if .A}}{{if .A}}{{if .A}}{{if .A}}x{{end}}{{end}}{{end}}{{end}}{{end}}`,
		`{{if or .A 1}}x{{end}}`,
		`{{if .A.B}}x{{end}}`,
		`{{if $x := .A}}x{{end}}`,
		`{{with .Count}}{{.}}{{end}}`,
		`{{printf "%0999999999d" 1}}`,
		`{{len .Title}}`,
		`{{.Count | print}}`,
		`{{$x := .Count}}{{$x}}`,
		`{{.}}`,
		`{{.Title.Len}}`,
		`{{call .F}}`,
		`{{index .M 1}}`,
		`{{"literal"}}`,
		`{{42}}`,
		`{{nil}}`,
		`{{and .Count .Title}}`,
	}
	for i, msg := range refused {
		for _, form := range []string{"other", "one"} {
			t.Run(fmt.Sprintf("%d %s", i, form), func(t *testing.T) {
				file := "Day = \"Día\"\n\n[Minutes]\n" + form + " = " + tomlString(msg) + "\n"
				if form == "one" {
					file += "other = \"{{.Count}} minutos\"\n"
				}
				var err error
				bounded.Run(t, "loading the message", bounded.Limits{Time: 2e9, Alloc: 64 << 20}, func() {
					_, err = i18n.Load(fstest.MapFS{"active.es.toml": {Data: []byte(file)}})
				})
				require.Error(t, err)
				assert.Contains(t, err.Error(), `i18n: active.es.toml:4: message "Minutes" (`+form+`)`)
				assert.Contains(t, err.Error(), "field references")
				var fe *i18n.FileError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, 4, fe.Line)
			})
		}
	}
	t.Run("own delimiters", func(t *testing.T) {
		file := "[Minutes]\nleftDelim = \"<<\"\nrightDelim = \">>\"\nother = \"<<range 999999999999>>x<<end>>\"\n"
		_, err := i18n.Load(fstest.MapFS{"active.es.toml": {Data: []byte(file)}})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "<<range>> is not allowed")
	})
	t.Run("too long", func(t *testing.T) {
		for _, n := range []int{i18n.MaxMessageLength + 1, 100_000, 900_000} {
			file := "[Minutes]\nother = \"" + strings.Repeat("{{.Count}}", n/10+1) + "\"\n"
			_, err := i18n.Load(fstest.MapFS{"active.es.toml": {Data: []byte(file)}})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "active.es.toml:2")
			assert.Contains(t, err.Error(), "more than the")
		}
	})
	t.Run("what a message may hold", func(t *testing.T) {
		file := "Day = \"Día {{/* a comment */}}\"\n\n[Minutes]\none = \"{{ .Count }} minuto\"\nother = \"{{- .Count -}} minutos de {{.Title}}{{if .Today}}, hoy{{else if or .A .B}} ({{.A}}{{.B}}){{end}}{{if not .Count}}!{{end}}\"\n"
		top, err := i18n.Load(fstest.MapFS{"active.es.toml": {Data: []byte(file)}, "es.toml": {Data: mustRead(t, "locales/es.toml")}})
		require.NoError(t, err)
		def, err := i18n.Default()
		require.NoError(t, err)
		c, err := def.Overlay(top)
		require.NoError(t, err)
		loc, err := c.Locale(language.Spanish)
		require.NoError(t, err)
		assert.Equal(t, "1 minuto", loc.Text("Minutes", map[string]any{"Count": 1}))
		assert.Equal(t, "5minutos de Sueño, hoy", loc.Text("Minutes", map[string]any{"Count": 5, "Title": "Sueño", "Today": true, "A": "", "B": ""}))
		assert.Equal(t, "5minutos de Sueño", loc.Text("Minutes", map[string]any{"Count": 5, "Title": "Sueño", "Today": false, "A": "", "B": ""}))
		assert.Equal(t, "5minutos de Sueño (b)", loc.Text("Minutes", map[string]any{"Count": 5, "Title": "Sueño", "Today": false, "A": "", "B": "b"}))
	})
}

func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

// TestLoadRefusesSpecialAndLargeFiles checks that a named pipe, a folder
// or a link to a device where a message or locale file is expected is
// refused without blocking, and that a file over the limit is refused
// before it is read.
func TestLoadRefusesSpecialAndLargeFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs here")
	}
	for _, name := range []string{"active.es.toml", "translate.es.toml", "es.toml", "pt-BR.toml"} {
		for kind, setUp := range map[string]func(p string) error{
			"FIFO": func(p string) error { return syscall.Mkfifo(p, 0o644) },
			"link to FIFO": func(p string) error {
				if err := syscall.Mkfifo(p+".fifo", 0o644); err != nil {
					return err
				}
				return os.Symlink(filepath.Base(p)+".fifo", p)
			},
			"link to /dev/zero": func(p string) error { return os.Symlink("/dev/zero", p) },
			"folder":            func(p string) error { return os.Mkdir(p, 0o755) },
		} {
			t.Run(name+" "+kind, func(t *testing.T) {
				dir := t.TempDir()
				require.NoError(t, setUp(filepath.Join(dir, name)))
				var err error
				bounded.Run(t, "Load", bounded.Limits{Time: 5e9, Alloc: 64 << 20}, func() {
					_, err = i18n.Load(safefs.DirFS(dir))
				})
				if kind == "folder" {
					return // folders are not files to load
				}
				require.Error(t, err)
				assert.ErrorIs(t, err, safefs.ErrNotRegular)
				assert.Contains(t, err.Error(), name)
			})
		}
		t.Run(name+" too large", func(t *testing.T) {
			dir := t.TempDir()
			f, err := os.Create(filepath.Join(dir, name))
			require.NoError(t, err)
			require.NoError(t, f.Truncate(1<<34)) // sparse: 16 GiB, never read
			require.NoError(t, f.Close())
			bounded.Run(t, "Load", bounded.Limits{Time: 5e9, Alloc: 16 << 20}, func() {
				_, err = i18n.Load(safefs.DirFS(dir))
			})
			require.Error(t, err)
			assert.True(t, errors.Is(err, safefs.ErrTooLarge) || strings.Contains(err.Error(), "larger than the limit"), "%v", err)
			assert.Contains(t, err.Error(), name)
		})
	}
}

// FuzzMessage feeds arbitrary text to a translated UI string. Loading it
// either refuses it or accepts it, and an accepted message then renders in
// bounded time and memory, whatever the text asks for: a translation is
// data, never a program.
func FuzzMessage(f *testing.F) {
	for _, s := range []string{
		"{{.Count}} minutos",
		"{{if .Today}}hoy{{else if or .A .B}}{{.A}}{{end}}",
		"{{range $i := 999999999999}}x{{end}}",
		`{{define "a"}}{{template "a"}}{{end}}{{template "a"}}`,
		`{{printf "%999999999d" 1}}`,
		"{{with .Count}}{{.}}{{end}}",
		"{{if not (and .A (or .B .C))}}x{{end}}",
		"{{- /* comment */ -}}",
		"{{",
	} {
		f.Add(s)
	}
	def, err := i18n.Default()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, msg string) {
		file := "[Minutes]\nother = " + tomlString(msg) + "\n"
		bounded.Run(t, "loading and rendering a message", bounded.Limits{Time: 5e9, Alloc: 256 << 20}, func() {
			top, err := i18n.Load(fstest.MapFS{"active.es.toml": {Data: []byte(file)}})
			if err != nil {
				return
			}
			c, err := def.Overlay(top)
			if err != nil {
				return
			}
			loc, err := c.Locale(language.Spanish)
			if err != nil {
				return
			}
			_ = loc.Text("Minutes", map[string]any{"Count": 5, "Title": "x", "Today": true, "A": "a", "B": "", "C": 1})
		})
	})
}
