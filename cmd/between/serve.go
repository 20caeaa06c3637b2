package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/betweensessions/between/worksheet/site"
)

// defaultServeAddr is where "between serve" listens unless told otherwise:
// this computer only.
const defaultServeAddr = "127.0.0.1:8080"

// pollInterval is how often "between serve" looks for changed files.
const pollInterval = 500 * time.Millisecond

// runServe implements "between serve": build the site, serve it on the
// loopback interface, and rebuild and reload the open page when a
// template changes.
func runServe(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	srcs := srcFlag(fset, "a `folder` of templates (<id>/<lang>.md) layered over the built-in library, and watched; repeat for more")
	addr := fset.String("addr", defaultServeAddr, "the `host:port` to listen on; only an address named here makes the site reachable from other computers")
	port := fset.Int("port", -1, "the `port` to listen on, on the --addr host (0 picks a free one)")
	out := fset.String("o", "", "the `folder` to build the site in (default: a temporary folder, removed on exit)")
	langs := fset.String("lang", "", "comma-separated `languages` to build, such as en,es (default: every language the templates have)")
	locales := fset.String("locales", "", "a translator's `folder` laid over the built-in languages and handouts, and watched")
	noPDF := fset.Bool("no-pdf", false, "make no PDFs, only the HTML pages")
	conf := addConfigFlags(fset)
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between serve [--addr 127.0.0.1:8080] [--port N] [--config FILE] [--src DIR]... [--lang en,es] [--paper letter|a4] [--locales DIR] [-o DIR] [--no-pdf]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Builds the site and serves it on this computer for preview. When a template")
		fmt.Fprintln(e.stderr, "in a --src or --locales folder changes, the changed pages are built again and")
		fmt.Fprintln(e.stderr, "the open page reloads. A template with a mistake shows it on the page and")
		fmt.Fprintln(e.stderr, "here; the last good pages are served meanwhile.")
		fmt.Fprintln(e.stderr)
		fset.PrintDefaults()
	}
	if help, err := parseOnlyFlags(fset, args); help || err != nil {
		return err
	}
	listen, err := serveAddr(*addr, *port)
	if err != nil {
		return err
	}
	// The folders stay open (os.Roots, which keep symbolic links from
	// leaving them) for as long as the server runs.
	var dirs folders
	defer dirs.Close()
	srcFS, err := dirs.templates(*srcs)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	var localesFS fs.FS
	if *locales != "" {
		fsys, err := dirs.open("--locales", *locales)
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		localesFS = fsys
	}
	tags, err := parseLangs(*langs)
	if err != nil {
		return err
	}
	dir := *out
	if dir == "" {
		tmp, err := os.MkdirTemp("", "between-serve-")
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = filepath.Join(tmp, "site")
	}
	version := buildVersion()
	p := &preview{
		out:    dir,
		watch:  slices.Clone(*srcs),
		log:    e.stderr,
		listen: listen,
		options: func() (site.Options, error) {
			cat, sources, err := i18nLayer(localesFS)
			if err != nil {
				return site.Options{}, fmt.Errorf("serve: --locales: %w", err)
			}
			// An empty version means no cache: every build is a full one.
			opts := site.Options{Out: dir, Sources: append(sources, srcFS...), Locales: cat, Langs: tags, Version: version}
			// The configuration is read again for every build, so an
			// edit to it shows at the next one.
			if _, err := conf.load(&opts, cat); err != nil {
				return site.Options{}, err
			}
			if !*noPDF {
				f, err := pdfDownload()
				if err != nil {
					return site.Options{}, err
				}
				opts.Downloads = append(opts.Downloads, f)
			}
			return opts, nil
		},
	}
	if *locales != "" {
		p.watch = append(p.watch, *locales)
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(e.stdout, "serving http://%s/ (press Ctrl-C to stop)\n", ln.Addr())
	if !isLoopback(ln.Addr().String()) {
		fmt.Fprintf(e.stderr, "note: %s is reachable from other computers on the network\n", ln.Addr())
	}
	p.rebuild(ctx)
	p.loop(ctx, pollInterval)
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// serveAddr returns the address to listen on: --addr, with --port when
// given (-1 means not given). A host must be named: an empty one (":8080")
// would listen on every interface, which only an explicit address such as
// 0.0.0.0:8080 may ask for.
func serveAddr(addr string, port int) (string, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", usageErrorf("--addr %q is not host:port, such as 127.0.0.1:8080", addr)
	}
	if host == "" {
		return "", usageErrorf("--addr %q names no host: write 127.0.0.1%s for this computer only, or 0.0.0.0%s to let the whole network in", addr, addr, addr)
	}
	if port >= 0 {
		if port > 65535 {
			return "", usageErrorf("--port %d is not a port number", port)
		}
		p = strconv.Itoa(port)
	}
	return net.JoinHostPort(host, p), nil
}

// isLoopback reports whether the host of host:port is this computer only.
func isLoopback(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// preview is the state of "between serve": the site folder, the last
// build's outcome, and the HTTP handler that serves them.
type preview struct {
	out     string
	watch   []string // folders to poll for changes
	log     io.Writer
	listen  string // the address given, to know whether to check Host
	options func() (site.Options, error)

	building sync.RWMutex // held for writing while a build runs
	gen      atomic.Int64 // counts builds, good or not; the page reloads when it changes
	mu       sync.Mutex
	failure  string          // the last build's error, or "" when it succeeded
	snapshot string          // the watched folders as last built
	files    map[string]bool // the site's manifest after the last build; nil when out is no Between site
}

// rebuild builds the site and records the outcome; the last good site
// stays in place when the build fails.
func (p *preview) rebuild(ctx context.Context) {
	snap := p.scan()
	opts, err := p.options()
	var rep site.Report
	if err == nil {
		p.building.Lock()
		rep, err = site.Build(ctx, opts)
		p.building.Unlock()
	}
	if err != nil && ctx.Err() != nil {
		return // stopped half way: not a failure to show
	}
	// Only what the builder made is served: the files its manifest lists.
	// A folder that is not a Between site (the build refused it) has none.
	files, merr := site.ReadManifest(p.out)
	if merr != nil {
		files = nil
	}
	p.mu.Lock()
	p.files = files
	p.snapshot = snap
	p.failure = ""
	if err != nil {
		p.failure = err.Error()
	}
	p.mu.Unlock()
	p.gen.Add(1)
	if err != nil {
		fmt.Fprintf(p.log, "between serve: the build failed; the last good pages are still served:\n%v\n", err)
		return
	}
	fmt.Fprintln(p.log, rep)
}

// loop polls the watched folders until ctx is done, rebuilding when one
// changes.
func (p *preview) loop(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.check(ctx)
		}
	}
}

// check rebuilds when the watched folders changed since the last build.
func (p *preview) check(ctx context.Context) {
	p.mu.Lock()
	same := p.scan() == p.snapshot
	p.mu.Unlock()
	if !same {
		p.rebuild(ctx)
	}
}

// scan describes every file under the watched folders by name, size and
// modification time. Unreadable entries are described as such, so that a
// folder that comes back is noticed.
func (p *preview) scan() string {
	var b strings.Builder
	for _, root := range p.watch {
		_ = filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(&b, "%s error\n", name)
				return nil
			}
			if d.IsDir() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				fmt.Fprintf(&b, "%s error\n", name)
				return nil
			}
			fmt.Fprintf(&b, "%s %d %d\n", name, fi.Size(), fi.ModTime().UnixNano())
			return nil
		})
	}
	return b.String()
}

// ServeHTTP serves the site folder. HTML pages get, in the copy sent to the
// browser only, a small script that reloads the page after the next build
// and, when the last build failed, a banner with its error. The site's
// files are never changed.
func (p *preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isLoopback(p.listen) && !isLoopback(r.Host) {
		// A page elsewhere on the web could point a name at 127.0.0.1
		// (DNS rebinding); a loopback server answers only to its own name.
		http.Error(w, "between serve answers only to localhost", http.StatusForbidden)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/_between/version" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, p.gen.Load())
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	if strings.ContainsRune(name, '\\') {
		http.NotFound(w, r) // no site file has one; "/\\host" is another host to a browser
		return
	}
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") && name != "." {
			http.NotFound(w, r) // the manifest, the cache, anything hidden
			return
		}
	}
	f, fi, err := p.open(name)
	if err == nil && fi.IsDir() {
		f.Close()
		index := path.Join(name, "index.html")
		if !p.listed(index) {
			http.NotFound(w, r)
			return
		}
		if !strings.HasSuffix(r.URL.Path, "/") {
			redirectHere(w, name)
			return
		}
		name = index
		f, fi, err = p.open(name)
	}
	if err == nil && (!fi.Mode().IsRegular() || !p.listed(name)) {
		f.Close()
		err = fs.ErrNotExist // not a file the builder made
	}
	p.mu.Lock()
	failure := p.failure
	p.mu.Unlock()
	if err != nil {
		if failure != "" && (name == "." || strings.HasSuffix(name, ".html")) {
			// No good page to show yet: show the error alone.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write(p.decorate([]byte(errorPage), failure))
			return
		}
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	if !strings.HasSuffix(name, ".html") {
		http.ServeContent(w, r, name, fi.ModTime(), f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "could not read the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	http.ServeContent(w, r, name, fi.ModTime(), bytes.NewReader(p.decorate(page, failure)))
}

// listed reports whether name is a file of the site as last built.
func (p *preview) listed(name string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.files[name]
}

// redirectHere redirects to the folder name of the site, on this server:
// the Location is a path that starts with one slash and a name from the
// site, never a URL another host could be read from ("//host/…",
// "/\\host").
func redirectHere(w http.ResponseWriter, name string) {
	loc := "/"
	if name != "." {
		loc = (&url.URL{Path: "/" + name + "/"}).EscapedPath()
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusMovedPermanently)
}

// errorPage is shown when no build has succeeded yet.
const errorPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Build failed</title></head>
<body></body></html>
`

// open opens the file name of the site, inside the site folder only. A
// file missing while a build swaps the folder in is looked for again once
// the build is done.
func (p *preview) open(name string) (*os.File, fs.FileInfo, error) {
	f, fi, err := openIn(p.out, name)
	if errors.Is(err, fs.ErrNotExist) {
		p.building.RLock()
		f, fi, err = openIn(p.out, name)
		p.building.RUnlock()
	}
	return f, fi, err
}

// openIn opens name under dir; an os.Root keeps symbolic links and ".."
// from leaving dir.
func openIn(dir, name string) (*os.File, fs.FileInfo, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// decorate returns page with the reload script and, if failure is not
// empty, the error banner. The page's Content-Security-Policy lets only
// the site's own script files run, so this copy's policy also allows the
// one reload script by a nonce, and its requests to this server.
func (p *preview) decorate(page []byte, failure string) []byte {
	var nb [16]byte
	_, _ = rand.Read(nb[:])
	nonce := base64.RawStdEncoding.EncodeToString(nb[:])
	s := string(page)
	const policy = `content="default-src 'none';`
	if strings.Contains(s, " script-src 'self';") {
		s = strings.Replace(s, " script-src 'self';", " script-src 'self' 'nonce-"+nonce+"'; connect-src 'self';", 1)
	} else {
		s = strings.Replace(s, policy, policy+" script-src 'nonce-"+nonce+"'; connect-src 'self';", 1)
	}
	if failure != "" {
		banner := `<div role="alert" style="position:sticky;top:0;z-index:1000;margin:0;padding:1rem;background:#fff0f0;color:#600;border-bottom:4px solid #b00;font:1rem/1.4 system-ui,sans-serif">` +
			`<strong>The build failed. This is the last good version of the page.</strong>` +
			`<pre style="white-space:pre-wrap;margin:0.5rem 0 0;font:0.9rem/1.4 ui-monospace,monospace">` + html.EscapeString(failure) + `</pre></div>`
		s = insertAfterBody(s, banner)
	}
	script := `<script nonce="` + nonce + `">(function(){var g="` + strconv.FormatInt(p.gen.Load(), 10) +
		`";setInterval(function(){fetch("/_between/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(t!==g){location.reload()}}).catch(function(){})},500)})();</script>`
	if i := strings.LastIndex(s, "</body>"); i >= 0 {
		s = s[:i] + script + "\n" + s[i:]
	} else {
		s += script
	}
	return []byte(s)
}

// insertAfterBody puts text right after the <body> start tag, or at the
// start when there is none.
func insertAfterBody(s, text string) string {
	i := strings.Index(s, "<body")
	if i < 0 {
		return text + s
	}
	j := strings.IndexByte(s[i:], '>')
	if j < 0 {
		return text + s
	}
	k := i + j + 1
	return s[:k] + "\n" + text + s[k:]
}
