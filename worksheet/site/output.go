package site

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/betweensessions/between/internal/safefs"
)

// ManifestName is the file at the top of a built site that lists every
// file the builder wrote, one slash-separated path a line. Build only
// writes into a folder that has one (or is empty), and never deletes a
// file the manifest does not list.
const ManifestName = ".between-site"

const manifestHeader = "# Between site manifest: the files the site builder wrote. Do not edit.\n"

// ErrNotSite is returned by [Build] when the output folder holds files but
// no manifest: it is not a site Between built, so Build will not touch it.
var ErrNotSite = errors.New("site: the output folder is not empty and is not a site Between built (it has no " + ManifestName + " file)")

// Names of the builder's own files beside the site folder <base>: the
// lock, the new site while it is written, and (where the swap takes two
// renames) the previous site during the swap. A temporary folder's name
// ends in the digits os.MkdirTemp adds, so that one site's names never
// match another's.
func lockName(base string) string  { return ".between-site-" + base + ".lock" }
func newPrefix(base string) string { return ".between-site-new-" + base + "-" }
func oldPrefix(base string) string { return ".between-site-old-" + base + "-" }

// The file system calls that write the site, replaced by tests to fail
// them (see export_test.go).
var (
	createFile = func(name string) (io.WriteCloser, error) {
		return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	rename    = os.Rename
	exchange  = exchangeDirs
	removeAll = removeTree
)

// output is a build's temporary folder and the folder it will replace.
type output struct {
	final string          // absolute path of the site folder
	tmp   string          // the folder being written
	prev  map[string]bool // the previous site's manifest; nil if none
	exist bool            // final exists (empty or a previous site)
	lock  *buildLock      // held from prepare to unlock

	// leftovers are the builder's own folders beside the site that could
	// not be removed; the next build tries again.
	leftovers []string

	mu     sync.Mutex
	files  []string
	sums   []fileSum // of every file written or linked but the manifest
	reused int       // files linked or copied from the previous site
	dirs   sync.Map  // folder → *dirOnce: each folder is made once, by one goroutine
	copy   atomic.Bool
}

// prepare takes the output folder's lock, waiting while another build
// holds it, removes what builds that were killed left beside the folder,
// checks the folder and reads the previous site's manifest. The caller
// calls [output.unlock] when done. [output.begin] then makes the
// temporary folder.
func prepare(ctx context.Context, out string, waiting func()) (_ *output, err error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	lk, err := lockBuild(ctx, filepath.Join(parent, lockName(base)), waiting)
	if err != nil {
		return nil, err
	}
	o := &output{final: abs, lock: lk}
	defer func() {
		if err != nil {
			o.unlock()
		}
	}()
	if err := o.recoverCrash(out); err != nil {
		return nil, err
	}
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("site: %w", err)
	case !fi.IsDir():
		return nil, fmt.Errorf("site: %s exists and is not a folder", out)
	default:
		o.exist = true
		entries, err := os.ReadDir(abs)
		if err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
		if len(entries) > 0 {
			m, err := safefs.ReadFile(filepath.Join(abs, ManifestName), MaxManifestSize)
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%w: %s", ErrNotSite, out)
			}
			if err != nil {
				return nil, fmt.Errorf("site: %w", err)
			}
			o.prev = parseManifest(m)
		}
	}
	return o, nil
}

// recoverCrash undoes what a build of this site that was killed left beside
// it; only a build holding the lock may call it. A new site that was
// being written (.between-site-new-<base>-N) is removed. When the site
// folder is missing and exactly one previous site (.between-site-old-
// <base>-N, with a manifest) is beside it, a crash came between the two
// renames of a swap that could not be done in one step: that site is put
// back.
func (o *output) recoverCrash(out string) error {
	parent, base := filepath.Dir(o.final), filepath.Base(o.final)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	var olds []string
	for _, e := range entries {
		if !e.IsDir() { // not a folder, or a symlink
			continue
		}
		name := filepath.Join(parent, e.Name())
		switch {
		case ownTemp(e.Name(), newPrefix(base)):
			// What cannot be removed is only reported: its name is
			// never used again, so it cannot stop this build or the next.
			if err := removeAll(name); err != nil {
				o.leftovers = append(o.leftovers, name)
			}
		case ownTemp(e.Name(), oldPrefix(base)):
			if fi, err := os.Lstat(filepath.Join(name, ManifestName)); err == nil && fi.Mode().IsRegular() {
				olds = append(olds, name)
			}
		}
	}
	if len(olds) == 0 {
		return nil
	}
	if _, err := os.Lstat(o.final); !errors.Is(err, fs.ErrNotExist) {
		return nil // the swap was done; the previous site's files are in the new one
	}
	if len(olds) > 1 {
		return fmt.Errorf("site: %s is missing and %d earlier sites are beside it (%s); move the one to keep back to %s and build again",
			out, len(olds), strings.Join(olds, ", "), out)
	}
	if err := rename(olds[0], o.final); err != nil {
		return fmt.Errorf("site: putting back the previous site: %w", err)
	}
	return nil
}

// ownTemp reports whether name is prefix followed by the digits that
// os.MkdirTemp adds.
func ownTemp(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	return ok && rest != "" && strings.Trim(rest, "0123456789") == ""
}

// unlock releases the output folder's lock.
func (o *output) unlock() {
	if o.lock != nil {
		o.lock.release()
		o.lock = nil
	}
}

// begin makes the temporary folder beside the site folder.
func (o *output) begin() error {
	tmp, err := os.MkdirTemp(filepath.Dir(o.final), newPrefix(filepath.Base(o.final))+"*")
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	o.tmp = tmp
	return nil
}

// MaxManifestSize is the largest manifest [ReadManifest] and [Build] read:
// far more than the manifest of a library of 10,000 handouts.
const MaxManifestSize = 64 << 20

// ReadManifest returns the files the site builder wrote into the site
// folder dir, by slash-separated path (the manifest itself included), as
// its manifest lists them. A folder with no manifest is not a site
// Between built: the error wraps [ErrNotSite]. The manifest is read only
// as a regular file of at most [MaxManifestSize] bytes; a path in it that
// is not a valid slash-separated path inside the site is left out.
func ReadManifest(dir string) (map[string]bool, error) {
	b, err := safefs.ReadFile(filepath.Join(dir, ManifestName), MaxManifestSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotSite, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	m := parseManifest(b)
	for f := range m {
		if !fs.ValidPath(f) || strings.Contains(f, `\`) {
			delete(m, f)
		}
	}
	return m, nil
}

func parseManifest(b []byte) map[string]bool {
	m := map[string]bool{ManifestName: true}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}

// dirOnce makes one folder once, however many writers ask for it.
type dirOnce struct {
	once sync.Once
	err  error
}

// mkdir makes the folder of the file name in the new site. The variants
// and formats of a handout are written in parallel into one folder; each
// folder is made by the first writer only, so the others neither repeat
// the system calls nor race them.
func (o *output) mkdir(name string) error {
	d := filepath.Dir(name)
	if d == o.tmp {
		return nil
	}
	v, _ := o.dirs.LoadOrStore(d, new(dirOnce))
	m := v.(*dirOnce)
	m.once.Do(func() { m.err = os.MkdirAll(d, 0o755) })
	if m.err != nil {
		rel, _ := filepath.Rel(o.tmp, name)
		return &writeError{rel: filepath.ToSlash(rel), err: m.err}
	}
	return nil
}

// writeError is a file of the new site that could not be made. It names
// the file by its path in the site, never by the temporary folder's path,
// which means nothing to a person, and by the template it was made from
// when there is one.
type writeError struct {
	src string // the template file, or ""
	rel string // the path in the site
	err error
}

func (e *writeError) Error() string {
	msg := e.err.Error()
	var pe *fs.PathError
	if errors.As(e.err, &pe) {
		msg = pe.Err.Error()
	}
	if e.src != "" {
		return fmt.Sprintf("site: %s: writing %s: %s", e.src, e.rel, msg)
	}
	return fmt.Sprintf("site: writing %s: %s", e.rel, msg)
}

func (e *writeError) Unwrap() error { return e.err }

// write creates the file at the slash-separated path rel in the new site
// and streams fill's output into it.
func (o *output) write(rel string, fill func(io.Writer) error) error {
	name := filepath.Join(o.tmp, filepath.FromSlash(rel))
	if err := o.mkdir(name); err != nil {
		return err
	}
	f, err := createFile(name)
	if err != nil {
		return &writeError{rel: rel, err: err}
	}
	w := writers.Get().(*bufio.Writer)
	sw := &sumWriter{w: f}
	w.Reset(sw)
	err = fill(w)
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil)
	writers.Put(w)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("site: %w", cerr)
	}
	if err != nil {
		return err
	}
	o.mu.Lock()
	o.files = append(o.files, rel)
	if rel != ManifestName {
		o.sums = append(o.sums, fileSum{Path: rel, Size: sw.size, CRC: sw.crc})
	}
	o.mu.Unlock()
	return nil
}

// link puts the previous site's file f into the new site: a hard link
// where the file system allows one, else a copy.
func (o *output) link(f fileSum) error {
	src := filepath.Join(o.final, filepath.FromSlash(f.Path))
	dst := filepath.Join(o.tmp, filepath.FromSlash(f.Path))
	if err := o.mkdir(dst); err != nil {
		return err
	}
	if o.copy.Load() || os.Link(src, dst) != nil {
		o.copy.Store(true)
		if err := copyFile(src, dst); err != nil {
			return fmt.Errorf("site: reusing %s: %w", f.Path, err)
		}
	}
	o.mu.Lock()
	o.files = append(o.files, f.Path)
	o.sums = append(o.sums, f)
	o.reused++
	o.mu.Unlock()
	return nil
}

// linked is the number of files taken from the previous site.
func (o *output) linked() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.reused
}

// written returns the size and checksum of every file in the new site so
// far but the manifest, sorted by path.
func (o *output) written() []fileSum {
	o.mu.Lock()
	sums := slices.Clone(o.sums)
	o.mu.Unlock()
	slices.SortFunc(sums, func(a, b fileSum) int { return strings.Compare(a.Path, b.Path) })
	return sums
}

// writers are reused buffers for writing files.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 32<<10) }}

// count is the number of files written, the manifest included once it is.
func (o *output) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.files)
}

// abort removes the temporary folder; the previous site is untouched.
func (o *output) abort() {
	if err := removeAll(o.tmp); err != nil {
		o.leftovers = append(o.leftovers, o.tmp)
	}
}

// removeTree removes the folder name and all it holds, as os.RemoveAll
// does. Where that fails, it makes every folder in the tree writable by
// its owner (a person may have put a read-only folder into the site, or
// made one of the site's own read-only) and tries again: the builder's
// own temporary folders must always go. It changes no file's mode, and
// follows no symbolic link.
func removeTree(name string) error {
	if err := os.RemoveAll(name); err == nil {
		return nil
	}
	_ = filepath.WalkDir(name, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = os.Chmod(p, 0o700)
		}
		return nil
	})
	return os.RemoveAll(name)
}

// finish writes the manifest and carries over the previous site's own
// files (those its manifest does not list): the new site is complete.
// [output.swap] then puts it in place.
func (o *output) finish() (err error) {
	o.mu.Lock()
	files := append(slices.Clone(o.files), ManifestName)
	o.mu.Unlock()
	slices.Sort(files)
	if err := o.write(ManifestName, func(w io.Writer) error {
		if _, err := io.WriteString(w, manifestHeader); err != nil {
			return err
		}
		for _, f := range files {
			if _, err := io.WriteString(w, f+"\n"); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if o.prev != nil {
		if err := o.keepForeign(files); err != nil {
			return err
		}
	}
	if err := os.Chmod(o.tmp, 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	return nil
}

// swap puts the new site in place of the previous one. Where the system
// can (Linux), the two folders trade places in one step, so the site
// folder always holds a whole site; elsewhere, or on a file system that
// cannot, the previous site is renamed away first and the new one renamed
// in, and [output.recoverCrash] puts the previous one back if a crash comes
// between the two. The previous site is then removed; if it cannot be, the
// new site is in place all the same, the folder is listed in
// o.leftovers, and the next build removes it.
func (o *output) swap() (err error) {
	defer func() {
		if err != nil {
			o.abort()
		}
	}()
	if !o.exist {
		if err := rename(o.tmp, o.final); err != nil {
			return fmt.Errorf("site: %w", err)
		}
		return nil
	}
	old := o.tmp // after the exchange, it holds the previous site
	err = exchange(o.tmp, o.final)
	if errors.Is(err, errors.ErrUnsupported) {
		old, err = o.swapByRenames()
	}
	if err != nil {
		return err
	}
	// Every file in old is either listed in its manifest or now also in
	// the new site (linked or copied), so removing it deletes nothing that
	// the builder did not write. The new site is in place: from here on
	// nothing is an error.
	if err := removeAll(old); err != nil {
		if !ownTemp(filepath.Base(old), newPrefix(filepath.Base(o.final))) {
			// A folder left by swapByRenames: give it the name the next
			// build removes.
			if tmp, terr := os.MkdirTemp(filepath.Dir(o.final), newPrefix(filepath.Base(o.final))+"*"); terr == nil {
				if os.Remove(tmp) == nil && os.Rename(old, tmp) == nil {
					old = tmp
				}
			}
		}
		o.leftovers = append(o.leftovers, old)
	}
	return nil
}

// swapByRenames renames the previous site to .between-site-old-<base>-N
// and the new one into its place, and returns the old site's folder.
func (o *output) swapByRenames() (string, error) {
	old, err := os.MkdirTemp(filepath.Dir(o.final), oldPrefix(filepath.Base(o.final))+"*")
	if err != nil {
		return "", fmt.Errorf("site: %w", err)
	}
	if err := os.Remove(old); err != nil {
		return "", fmt.Errorf("site: %w", err)
	}
	if err := rename(o.final, old); err != nil {
		return "", fmt.Errorf("site: %w", err)
	}
	if err := rename(o.tmp, o.final); err != nil {
		if rerr := rename(old, o.final); rerr != nil {
			return "", fmt.Errorf("site: %w (and the previous site is left in %s: %v)", err, old, rerr)
		}
		return "", fmt.Errorf("site: %w", err)
	}
	return old, nil
}

// keepForeign puts every file and folder of the previous site that its
// manifest does not list into the new site, at the same path and with the
// same permissions (a folder's are set once it is filled, so a read-only
// one can be). A file the new site also has is a conflict and stops the
// build.
func (o *output) keepForeign(newFiles []string) error {
	managedDirs := map[string]bool{}
	for f := range o.prev {
		for d := path.Dir(f); d != "." && !managedDirs[d]; d = path.Dir(d) {
			managedDirs[d] = true
		}
	}
	type folder struct {
		path string
		mode fs.FileMode
	}
	var folders []folder
	defer func() {
		// Innermost first, so that a read-only folder is filled before it
		// is closed.
		for _, f := range slices.Backward(folders) {
			_ = os.Chmod(f.path, f.mode)
		}
	}()
	root := os.DirFS(o.final)
	return fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		if p == "." || o.prev[p] {
			return nil
		}
		dst := filepath.Join(o.tmp, filepath.FromSlash(p))
		src := filepath.Join(o.final, filepath.FromSlash(p))
		if d.IsDir() {
			if managedDirs[p] {
				return nil
			}
			info, err := d.Info()
			if err == nil {
				err = os.MkdirAll(dst, 0o755)
			}
			if err != nil {
				return fmt.Errorf("site: keeping %s: %w", p, err)
			}
			folders = append(folders, folder{dst, info.Mode().Perm()})
			return nil
		}
		if _, found := slices.BinarySearch(newFiles, p); found {
			return fmt.Errorf("site: %s in %s was not written by Between, and the new site has a file of the same name; move it away and build again", p, o.final)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("site: %w", err)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(src)
			if err == nil {
				err = os.Symlink(target, dst)
			}
			if err != nil {
				return fmt.Errorf("site: keeping %s: %w", p, err)
			}
			return nil
		}
		if err := os.Link(src, dst); err == nil {
			return nil
		}
		if err := copyFile(src, dst); err != nil {
			return fmt.Errorf("site: keeping %s: %w", p, err)
		}
		return nil
	})
}

// copyFile copies src to dst with its permissions and modification time.
func copyFile(src, dst string) error {
	in, err := safefs.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(dst, fi.ModTime(), fi.ModTime())
}
