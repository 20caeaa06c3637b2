package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet/site"
)

const demoTemplate = "---\nid: demo\ntitle: Demo\nsummary: A demo.\nkind: log\n---\n\n%s\n"

// writeDemo writes the demo template with body text into src, with a
// modification time that moves on each write.
func writeDemo(t *testing.T, src, text string) {
	t.Helper()
	name := filepath.Join(src, "demo", "en.md")
	require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
	require.NoError(t, os.WriteFile(name, []byte(strings.Replace(demoTemplate, "%s", text, 1)), 0o644))
	later := time.Now().Add(time.Duration(len(text)) * time.Second)
	require.NoError(t, os.Chtimes(name, later, later))
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// newTestPreview is a preview of one watched folder over no other
// library, in English, with no PDFs.
func newTestPreview(t *testing.T, src string) (*preview, *bytes.Buffer) {
	t.Helper()
	cat, err := i18n.Default()
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "site")
	var log bytes.Buffer
	p := &preview{
		out: out, watch: []string{src}, log: &log, listen: "127.0.0.1:0",
		options: func() (site.Options, error) {
			return site.Options{Out: out, Sources: []fs.FS{fstest.MapFS{}, os.DirFS(src)}, Locales: cat, Langs: []language.Tag{language.English}, Version: "test"}, nil
		},
	}
	return p, &log
}

func TestServePreview(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	writeDemo(t, src, "First text.")
	p, log := newTestPreview(t, src)
	p.rebuild(ctx)
	srv := httptest.NewServer(p)
	defer srv.Close()
	page := srv.URL + "/en/demo/index.html"

	code, body := get(t, page)
	require.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, "First text.")
	assert.Contains(t, body, "<script nonce=", "the server adds the reload script")
	assert.Regexp(t, `script-src 'self' 'nonce-[A-Za-z0-9+/]+'`, body, "and lets it run beside the site's own script")
	assert.Equal(t, 1, strings.Count(body, "script-src"), "one script-src: a second would be ignored")
	onDisk, err := os.ReadFile(filepath.Join(p.out, "en", "demo", "index.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(onDisk), "<script nonce", "the built files hold no reload script")
	_, v1 := get(t, srv.URL+"/_between/version")

	t.Run("a changed file is served anew", func(t *testing.T) {
		writeDemo(t, src, "Second text, longer.")
		p.check(ctx)
		_, body := get(t, page)
		assert.Contains(t, body, "Second text, longer.")
		_, v2 := get(t, srv.URL+"/_between/version")
		assert.NotEqual(t, v1, v2, "the open page sees a new version and reloads")
	})

	t.Run("a broken file shows its error over the last good page", func(t *testing.T) {
		writeDemo(t, src, "::: scale ten\n\nThird text, never shown.")
		p.check(ctx)
		_, body := get(t, page)
		assert.Contains(t, body, "Second text, longer.", "the last good page is served")
		assert.Contains(t, body, `role="alert"`)
		assert.Regexp(t, `demo/en\.md:\d+:\d+`, body, "the error names file:line:col")
		assert.Contains(t, log.String(), "the build failed")
		assert.Regexp(t, `demo/en\.md:\d+:\d+`, log.String(), "and so does the terminal")

		writeDemo(t, src, "Fixed text, now much longer than before.")
		p.check(ctx)
		_, body = get(t, page)
		assert.Contains(t, body, "Fixed text")
		assert.NotContains(t, body, `role="alert"`)
	})

	t.Run("what is not served", func(t *testing.T) {
		for _, path := range []string{"/" + site.ManifestName, "/" + site.CacheName, "/../../etc/passwd", "/en/nothing.html"} {
			code, _ := get(t, srv.URL+path)
			assert.Equal(t, http.StatusNotFound, code, path)
		}
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
		require.NoError(t, err)
		req.Host = "attacker.example:80"
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusForbidden, resp.StatusCode, "a loopback server answers only to localhost")
	})

	t.Run("folders", func(t *testing.T) {
		code, body := get(t, srv.URL+"/en/")
		assert.Equal(t, http.StatusOK, code)
		assert.Contains(t, body, "Demo")
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Get(srv.URL + "/en")
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusMovedPermanently, resp.StatusCode)
		assert.Equal(t, "/en/", resp.Header.Get("Location"))
	})
}

func TestServeFirstBuildFails(t *testing.T) {
	src := t.TempDir()
	writeDemo(t, src, "::: scale ten")
	p, log := newTestPreview(t, src)
	p.rebuild(context.Background())
	require.Contains(t, log.String(), "the build failed")
	srv := httptest.NewServer(p)
	defer srv.Close()
	code, body := get(t, srv.URL+"/")
	assert.Equal(t, http.StatusInternalServerError, code)
	assert.Regexp(t, `demo/en\.md:\d+:\d+`, body)
	assert.Contains(t, body, "<script nonce=", "the error page reloads once fixed")
}

func TestServeAddr(t *testing.T) {
	tests := []struct {
		addr    string
		port    int
		want    string
		wantErr string
	}{
		{defaultServeAddr, -1, "127.0.0.1:8080", ""},
		{defaultServeAddr, 0, "127.0.0.1:0", ""},
		{"localhost:9000", -1, "localhost:9000", ""},
		{"[::1]:8080", 3000, "[::1]:3000", ""},
		{"0.0.0.0:8080", -1, "0.0.0.0:8080", ""}, // named explicitly
		{":8080", -1, "", "names no host"},
		{"127.0.0.1", -1, "", "not host:port"},
		{defaultServeAddr, 70000, "", "not a port"},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			got, err := serveAddr(tt.addr, tt.port)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	assert.True(t, isLoopback("127.0.0.1:8080"))
	assert.True(t, isLoopback("localhost"))
	assert.False(t, isLoopback("0.0.0.0:8080"))
	assert.False(t, isLoopback("attacker.example:80"))
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the default library")
	}
	src := t.TempDir()
	writeDemo(t, src, "Served text.")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--port", "0", "--src", src, "--lang", "en", "--no-pdf"}, strings.NewReader(""), &stdout, &stderr)
	}()
	addr := regexp.MustCompile(`serving http://([^/]+)/`)
	var host string
	require.Eventually(t, func() bool {
		m := addr.FindStringSubmatch(stdout.String())
		if m != nil {
			host = m[1]
		}
		return m != nil
	}, 10*time.Second, 20*time.Millisecond)
	assert.True(t, strings.HasPrefix(host, "127.0.0.1:"), "serve listens on loopback by default, got %s", host)

	require.Eventually(t, func() bool {
		code, body := get(t, "http://"+host+"/en/demo/index.html")
		return code == http.StatusOK && strings.Contains(body, "Served text.")
	}, 20*time.Second, 50*time.Millisecond)

	writeDemo(t, src, "Changed while serving.")
	require.Eventually(t, func() bool {
		_, body := get(t, "http://"+host+"/en/demo/index.html")
		return strings.Contains(body, "Changed while serving.")
	}, 20*time.Second, 100*time.Millisecond, "the watcher rebuilds")
	require.Eventually(t, func() bool { return strings.Contains(stderr.String(), "rendered") },
		5*time.Second, 20*time.Millisecond, "and says what it rendered")

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err, "stderr: %s", stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
}

// rawGet sends target as the request line's path, byte for byte (no
// client cleaning), and returns the status and the Location header.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target)
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location")
}

// TestServeRedirectsStayHere checks that no crafted path — "//host/…",
// "/\host", their encoded forms — gets a redirect to another host: every
// Location is a path on this server.
func TestServeRedirectsStayHere(t *testing.T) {
	src := t.TempDir()
	writeDemo(t, src, "Text.")
	p, _ := newTestPreview(t, src)
	p.rebuild(context.Background())
	srv := httptest.NewServer(p)
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, target := range []string{
		"/en", "//en", "///en", "//en/demo", "/en/demo", "/./en", "/en/../en",
		"/%2Fen", "/%2F%2Fen", "//%2Fen", "/%5Cen", "/%5C%5Cen", "/\\en", "/\\\\en", "/%09/en",
		"//evil.example/en", "//evil.example/%2e%2e/en", "/%2F%2Fevil.example%2Fen", "/%5C%5Cevil.example%5Cen",
		"/en%2F", "/en%5C", "//localhost/en", "/https:/evil.example/en", "/http:%2F%2Fevil.example/en",
	} {
		code, loc := rawGet(t, addr, target)
		if code >= 300 && code < 400 {
			assert.True(t, strings.HasPrefix(loc, "/"), "%s: redirect to %q leaves the path", target, loc)
			assert.False(t, strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\"), "%s: redirect to %q is another host", target, loc)
			u, err := url.Parse(loc)
			if assert.NoError(t, err, target) {
				assert.Empty(t, u.Host, "%s: redirect to %q", target, loc)
				assert.Empty(t, u.Scheme, "%s: redirect to %q", target, loc)
			}
		}
	}
	code, loc := rawGet(t, addr, "//en")
	assert.Equal(t, http.StatusMovedPermanently, code)
	assert.Equal(t, "/en/", loc)
}

// TestServeOnlyTheBuiltSite checks that "between serve -o DIR" serves only
// a site the builder made, and only the files its manifest lists: not a
// folder it refused to build into, and not a person's own files in a
// site.
func TestServeOnlyTheBuiltSite(t *testing.T) {
	src := t.TempDir()
	writeDemo(t, src, "Text.")
	t.Run("a folder that is not a site", func(t *testing.T) {
		p, log := newTestPreview(t, src)
		require.NoError(t, os.MkdirAll(filepath.Join(p.out, "private"), 0o755))
		for _, f := range []string{"thesis.docx", "index.html", "private/index.html", "en/demo/index.html"} {
			require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(p.out, f)), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(p.out, f), []byte("MINE"), 0o644))
		}
		p.rebuild(context.Background())
		require.Contains(t, log.String(), "not a site Between built")
		srv := httptest.NewServer(p)
		defer srv.Close()
		for _, path := range []string{"/thesis.docx", "/", "/index.html", "/private/", "/private", "/en/demo/index.html"} {
			code, body := get(t, srv.URL+path)
			assert.NotEqual(t, http.StatusOK, code, path)
			assert.NotContains(t, body, "MINE", path)
		}
	})
	t.Run("a site with a person's own files", func(t *testing.T) {
		p, _ := newTestPreview(t, src)
		p.rebuild(context.Background())
		require.NoError(t, os.MkdirAll(filepath.Join(p.out, "notes"), 0o755))
		for _, f := range []string{"clinic-notes.txt", "notes/index.html", "en/demo/mine.html"} {
			require.NoError(t, os.WriteFile(filepath.Join(p.out, f), []byte("MINE"), 0o644))
		}
		require.NoError(t, os.Symlink("/etc/hostname", filepath.Join(p.out, "link.txt")))
		writeDemo(t, src, "Text, changed.")
		p.check(context.Background())
		srv := httptest.NewServer(p)
		defer srv.Close()
		code, body := get(t, srv.URL+"/en/demo/index.html")
		assert.Equal(t, http.StatusOK, code)
		assert.Contains(t, body, "Text, changed.")
		for _, path := range []string{"/clinic-notes.txt", "/notes/", "/notes", "/en/demo/mine.html", "/link.txt"} {
			code, body := get(t, srv.URL+path)
			assert.Equal(t, http.StatusNotFound, code, path)
			assert.NotContains(t, body, "MINE", path)
		}
	})
}
