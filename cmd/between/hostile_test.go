package main

// Hostile and careless input to the commands (issue 18): special files
// where a template, a locale file or an output is expected, links that
// lead into a site, translations that try to run code.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLIWithin runs the program in-process and fails the test if it does
// not return within the time given.
func runCLIWithin(t *testing.T, limit time.Duration, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	type result struct {
		stdout, stderr string
		code           int
	}
	done := make(chan result, 1)
	go func() {
		o, e, c := runCLI(t, args...)
		done <- result{o, e, c}
	}()
	select {
	case r := <-done:
		return r.stdout, r.stderr, r.code
	case <-time.After(limit):
		t.Fatalf("between %s did not return within %s", strings.Join(args, " "), limit)
		return "", "", -1
	}
}

func skipWithoutFIFOs(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no FIFOs here")
	}
}

// TestRenderOutputNeverReplacesASpecialFile checks that render -o writes
// only a new regular file or replaces a regular file: a FIFO, a symbolic
// link (to a file, dangling, to a device) and a device node are refused
// before the work and left as they were, whoever runs it (as root,
// -o /dev/null would otherwise replace the system's).
func TestRenderOutputNeverReplacesASpecialFile(t *testing.T) {
	skipWithoutFIFOs(t)
	dir, outside := t.TempDir(), t.TempDir()
	precious := filepath.Join(outside, "precious.html")
	require.NoError(t, os.WriteFile(precious, []byte("keep"), 0o644))
	targets := map[string]string{}
	fifo := filepath.Join(dir, "fifo.html")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	targets["FIFO"] = fifo
	for name, to := range map[string]string{"link to a file": precious, "dangling link": filepath.Join(outside, "new.html"), "link to /dev/null": os.DevNull, "link to a FIFO": fifo} {
		p := filepath.Join(dir, strings.NewReplacer(" ", "-", "/", "-").Replace(name)+".html")
		require.NoError(t, os.Symlink(to, p))
		targets[name] = p
	}
	for _, dev := range []string{os.DevNull, "/dev/zero", "/dev/full"} {
		if _, err := os.Stat(dev); err == nil {
			targets[dev] = dev
		}
	}
	for name, target := range targets {
		t.Run(name, func(t *testing.T) {
			before, err := os.Lstat(target)
			require.NoError(t, err)
			_, stderr, code := runCLIWithin(t, 30*time.Second, "render", "sleep-routine", "--param", "wake_time=6:00 MARKER-CLIENT", "-o", target)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, "not a regular file")
			assert.NotContains(t, stderr, "MARKER-CLIENT")
			after, err := os.Lstat(target)
			require.NoError(t, err)
			assert.Equal(t, before.Mode(), after.Mode(), "%s was replaced", target)
		})
	}
	b, err := os.ReadFile(precious)
	require.NoError(t, err)
	assert.Equal(t, "keep", string(b), "written through a link")
	assert.NoFileExists(t, filepath.Join(outside, "new.html"), "a dangling link was followed")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, len(targets)-countDevices(targets), "nothing else was written beside the targets")
}

func countDevices(targets map[string]string) int {
	n := 0
	for name := range targets {
		if strings.HasPrefix(name, "/dev/") {
			n++
		}
	}
	return n
}

// TestRenderNeverIntoASiteThroughALink checks that a link to a folder in
// a site cannot lead render -o into the site: the real path is checked.
func TestRenderNeverIntoASiteThroughALink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges here")
	}
	dir := t.TempDir()
	siteDir := filepath.Join(dir, "site")
	require.NoError(t, os.MkdirAll(filepath.Join(siteDir, "es", "sleep-routine"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(siteDir, ".between-site"), nil, 0o644))
	work := filepath.Join(dir, "work")
	require.NoError(t, os.MkdirAll(filepath.Join(work, "sub"), 0o755))
	require.NoError(t, os.Symlink(siteDir, filepath.Join(work, "to-site")))
	require.NoError(t, os.Symlink(filepath.Join(siteDir, "es", "sleep-routine"), filepath.Join(work, "shortcut")))
	require.NoError(t, os.Symlink("../shortcut", filepath.Join(work, "sub", "chain")))
	require.NoError(t, os.Symlink(filepath.Join(work, "to-site"), filepath.Join(dir, "outer")))
	for _, out := range []string{
		filepath.Join(work, "shortcut", "jane.html"),
		filepath.Join(work, "to-site", "jane.pdf"),
		filepath.Join(work, "to-site", "es", "jane.html"),
		filepath.Join(work, "sub", "chain", "jane.html"),
		filepath.Join(work, "shortcut") + "/../jane.html",
		filepath.Join(work, "shortcut") + "/../../jane.json",
		filepath.Join(dir, "outer", "es", "sleep-routine", "jane.html"),
	} {
		t.Run(out, func(t *testing.T) {
			_, stderr, code := runCLIWithin(t, 30*time.Second, "render", "sleep-routine", "-o", out)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, "never written into the site")
		})
	}
	var written []string
	filepath.WalkDir(siteDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != ".between-site" {
			written = append(written, p)
		}
		return nil
	})
	assert.Empty(t, written, "nothing was written into the site")
	// Beside the site, through no link into it, is fine.
	_, stderr, code := runCLI(t, "render", "sleep-routine", "-o", filepath.Join(work, "jane.html"))
	assert.Equal(t, 0, code, stderr)
}

// TestSpecialFilesWhereTemplatesAre checks that a FIFO, or a link to one
// or to a device, where a template or a locale file is expected never
// makes a command hang: build, lint, render, list and i18n return with an
// error naming the file.
func TestSpecialFilesWhereTemplatesAre(t *testing.T) {
	skipWithoutFIFOs(t)
	kinds := map[string]func(t *testing.T, p string){
		"FIFO": func(t *testing.T, p string) { require.NoError(t, syscall.Mkfifo(p, 0o644)) },
		"link to a FIFO": func(t *testing.T, p string) {
			require.NoError(t, syscall.Mkfifo(p+".fifo", 0o644))
			require.NoError(t, os.Symlink(filepath.Base(p)+".fifo", p))
		},
		"link to /dev/zero": func(t *testing.T, p string) { require.NoError(t, os.Symlink("/dev/zero", p)) },
	}
	for kind, makeFile := range kinds {
		t.Run(kind, func(t *testing.T) {
			src := t.TempDir()
			require.NoError(t, os.MkdirAll(filepath.Join(src, "demo"), 0o755))
			makeFile(t, filepath.Join(src, "demo", "en.md"))
			makeFile(t, filepath.Join(src, "stray")) // where a template folder could be
			loc := t.TempDir()
			makeFile(t, filepath.Join(loc, "active.es.toml"))
			out := filepath.Join(t.TempDir(), "site")
			// A link where a template is expected is skipped, as the
			// library skips every link in a source folder; a FIFO is an
			// error that names it. Neither ever blocks.
			for _, args := range [][]string{
				{"build", "--no-pdf", "-q", "--src", src, "-o", out},
				{"lint", src},
				{"render", "demo", "--src", src},
				{"list", "--src", src},
				{"i18n", "check", "--src", src},
				{"i18n", "status", "--src", src},
			} {
				stdout, stderr, code := runCLIWithin(t, 60*time.Second, args...)
				if kind == "FIFO" {
					assert.NotEqual(t, 0, code, "between %s: %s", strings.Join(args, " "), stderr)
					assert.Contains(t, stdout+stderr, "en.md", "between %s names the file", strings.Join(args, " "))
				}
			}
			for _, args := range [][]string{
				{"build", "--no-pdf", "-q", "--locales", loc, "-o", out},
				{"i18n", "check", "--locales", loc},
				{"i18n", "status", "--locales", loc},
				{"render", "sleep-routine", "--locales", loc},
			} {
				_, stderr, code := runCLIWithin(t, 60*time.Second, args...)
				assert.NotEqual(t, 0, code, "between %s: %s", strings.Join(args, " "), stderr)
				assert.Contains(t, stderr, "active.es.toml", "between %s names the file", strings.Join(args, " "))
			}
		})
	}
}

// TestTranslationIsData checks that a translation that tries to run code
// (a loop with a huge count, recursion, functions) is refused with its
// file and line by every command that loads it, quickly.
func TestTranslationIsData(t *testing.T) {
	for _, msg := range []string{
		`{{range $i := 999999999999}}x{{end}}`,
		`{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}`,
		`{{printf \"%0999999999d\" 1}}`,
		`{{range 100000}}{{range 100000}}{{.Count}}{{end}}{{end}}`,
	} {
		loc := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(loc, "active.es.toml"), []byte("Print = \"Imprimir\"\n\n[Minutes]\nother = \""+msg+"\"\n"), 0o644))
		out := filepath.Join(t.TempDir(), "site")
		for _, args := range [][]string{
			{"build", "--no-pdf", "-q", "--locales", loc, "-o", out},
			{"i18n", "check", "--locales", loc},
			{"i18n", "status", "--locales", loc},
			{"render", "sleep-routine", "--lang", "es", "--locales", loc},
		} {
			_, stderr, code := runCLIWithin(t, 20*time.Second, args...)
			assert.Equal(t, 1, code, "between %s: %s", strings.Join(args, " "), stderr)
			assert.Contains(t, stderr, "active.es.toml:4", "between %s", strings.Join(args, " "))
			assert.Contains(t, stderr, "not allowed")
			assert.NotContains(t, stderr, "broken template", "the message is refused, not broken")
		}
	}
}

// TestNoteHonoursTheContext checks that "between note" reading standard
// input stops as soon as its context is done (Ctrl-C, SIGTERM), however
// long the input keeps it waiting, and that a FIFO or a device named as
// a record is refused without blocking.
func TestNoteHonoursTheContext(t *testing.T) {
	for _, arg := range []string{"-", "/dev/stdin"} {
		for _, after := range []time.Duration{0, 20 * time.Millisecond, 200 * time.Millisecond} {
			r, w, err := os.Pipe()
			require.NoError(t, err)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(after, cancel)
			done := make(chan error, 1)
			go func() {
				var out, errb bytes.Buffer
				done <- run(ctx, []string{"note", arg}, r, &out, &errb)
			}()
			select {
			case err := <-done:
				require.ErrorIs(t, err, context.Canceled)
				assert.Contains(t, err.Error(), "stopped while reading standard input")
			case <-time.After(5 * time.Second):
				t.Fatalf("note %s did not stop after its context was cancelled", arg)
			}
			cancel()
			w.Close()
			r.Close()
		}
	}
	// The review from standard input, the assignment from a file.
	a := notesCase("mood-journal.assignment.yaml")
	review, err := os.ReadFile(notesCase("mood-journal.review.yaml"))
	require.NoError(t, err)
	stdout, stderr, code := runCLIWithStdin(t, string(review), "note", a, "--review", "-")
	require.Equal(t, 0, code, stderr)
	assert.NotEmpty(t, stdout)
	_, stderr, code = runCLIWithStdin(t, "", "note", "-", "--review", "-")
	assert.Equal(t, 2, code, stderr)

	skipWithoutFIFOs(t)
	fifo := filepath.Join(t.TempDir(), "a.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	for _, args := range [][]string{{"note", fifo}, {"note", a, "--review", fifo}, {"note", "/dev/zero"}, {"note", a, "--review", os.DevNull}, {"remind", fifo}} {
		_, stderr, code := runCLIWithin(t, 10*time.Second, args...)
		assert.Equal(t, 1, code, stderr)
		assert.Contains(t, stderr, "not a regular file")
	}
}

// runCLIWithStdin runs the program in-process with stdin as its input.
func runCLIWithStdin(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

// TestStopOnSignal checks the backstop for a command that does not return
// after Ctrl-C or SIGTERM: the program ends by itself after the grace
// period, with status 130. It runs in a child process, which it ends.
func TestStopOnSignal(t *testing.T) {
	if os.Getenv("BETWEEN_TEST_STOP_CHILD") == "1" {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // the signal came
		go stopOnSignal(ctx, func() {}, make(chan struct{}), 50*time.Millisecond)
		select {} // a command that never returns
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStopOnSignal$")
	cmd.Env = append(os.Environ(), "BETWEEN_TEST_STOP_CHILD=1")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		require.ErrorAs(t, err, &ee)
		assert.Equal(t, exitStopped, ee.ExitCode())
		assert.Contains(t, errb.String(), "between: stopped")
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the program did not end after the grace period")
	}
	// A command that returns in time is not cut short.
	ctx, cancel := context.WithCancel(context.Background())
	done2 := make(chan struct{})
	returned := make(chan struct{})
	go func() { stopOnSignal(ctx, cancel, done2, time.Hour); close(returned) }()
	cancel()
	close(done2)
	select {
	case <-returned:
	case <-time.After(5 * time.Second):
		t.Fatal("stopOnSignal did not return when the command ended")
	}
}

// TestClientWordsNeverInErrors runs the commands with a client's words —
// a marker — wherever a client's words can reach the command line: a
// --param value, the rest of an unquoted one taken as extra arguments,
// free text given as a FHIR reference. The marker never reaches stderr.
func TestClientWordsNeverInErrors(t *testing.T) {
	a := notesCase("mood-journal.assignment.yaml")
	for _, marker := range []string{"JaneMarker", "Jane-Q-Marker", "Patient/Jane Marker", "https://x/ Jane Marker", "Jane\nMarker", "Jané Märker ünïcode"} {
		words := strings.Fields(marker)
		runs := [][]string{
			{"render", "sleep-routine", "--param", "wake_time=" + marker},
			{"render", "sleep-routine", "--param", "nosuch=" + marker},
			{"render", "sleep-routine", "--param", marker},
			{"render", "sleep-routine", "--param", "wake_time=" + marker, "--param", "wake_time=" + marker},
			append([]string{"render", "sleep-routine", "--param", "wake_time=6:30"}, words...),
			append([]string{"render", "--param", "wake_time=6:30", "sleep-routine"}, words...),
			append([]string{"build", "-q", "--no-pdf", "-o", filepath.Join(t.TempDir(), "site")}, words...),
			append([]string{"list"}, words...),
			{"note", "--format", "fhir", "--subject", marker, a},
			{"note", "--format", "fhir", "--subject", "Patient/1", "--practitioner", marker, a},
			append([]string{"note", "--format", "fhir", "--subject", "Patient/1", a}, words...),
		}
		for _, args := range runs {
			stdout, stderr, code := runCLIWithin(t, 60*time.Second, args...)
			for _, w := range append(words, marker) {
				if len(w) < 4 || strings.HasPrefix(w, "http") || strings.HasPrefix(w, "Patient") {
					continue
				}
				assert.NotContains(t, stderr, w, "between %q echoed the client's words", args)
				if code != 0 {
					assert.NotContains(t, stdout, w, "between %q echoed the client's words", args)
				}
			}
		}
	}
}
