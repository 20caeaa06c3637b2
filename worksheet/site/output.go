package site

import (
	"bufio"
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

// output is a build's temporary folder and the folder it will replace.
type output struct {
	final string          // absolute path of the site folder
	tmp   string          // the folder being written
	prev  map[string]bool // the previous site's manifest; nil if none
	exist bool            // final exists (empty or a previous site)

	mu     sync.Mutex
	files  []string
	sums   []fileSum // of every file written or linked but the manifest
	reused int       // files linked or copied from the previous site
	dirs   sync.Map  // folders made so far, to skip the mkdir calls
	copy   atomic.Bool
}

// prepare checks the output folder and reads the previous site's
// manifest. [output.begin] then makes the temporary folder.
func prepare(out string) (*output, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	o := &output{final: abs}
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
			m, err := os.ReadFile(filepath.Join(abs, ManifestName))
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

// begin makes the temporary folder beside the site folder.
func (o *output) begin() error {
	parent := filepath.Dir(o.final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, ".between-site-new-")
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	o.tmp = tmp
	return nil
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

// mkdir makes the folder of the file name in the new site.
func (o *output) mkdir(name string) error {
	if d := filepath.Dir(name); d != o.tmp {
		if _, ok := o.dirs.Load(d); !ok {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("site: %w", err)
			}
			o.dirs.Store(d, true)
		}
	}
	return nil
}

// write creates the file at the slash-separated path rel in the new site
// and streams fill's output into it.
func (o *output) write(rel string, fill func(io.Writer) error) error {
	name := filepath.Join(o.tmp, filepath.FromSlash(rel))
	if err := o.mkdir(name); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("site: %w", err)
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
func (o *output) abort() { os.RemoveAll(o.tmp) }

// commit writes the manifest, carries over the previous site's own files
// (those its manifest does not list) and swaps the new site in.
func (o *output) commit() (err error) {
	defer func() {
		if err != nil {
			o.abort()
		}
	}()
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
	if !o.exist {
		if err := os.Rename(o.tmp, o.final); err != nil {
			return fmt.Errorf("site: %w", err)
		}
		return nil
	}
	old, err := os.MkdirTemp(filepath.Dir(o.final), ".between-site-old-")
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := os.Remove(old); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := os.Rename(o.final, old); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := os.Rename(o.tmp, o.final); err != nil {
		if rerr := os.Rename(old, o.final); rerr != nil {
			return fmt.Errorf("site: %w (and the previous site is left in %s: %v)", err, old, rerr)
		}
		return fmt.Errorf("site: %w", err)
	}
	// Every file in old is either listed in its manifest or now also in
	// the new site (linked or copied), so removing it deletes nothing that
	// the builder did not write.
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("site: the new site is in place but the old one could not be removed from %s: %w", old, err)
	}
	return nil
}

// keepForeign puts every file and folder of the previous site that its
// manifest does not list into the new site, at the same path. A file the
// new site also has is a conflict and stops the build.
func (o *output) keepForeign(newFiles []string) error {
	managedDirs := map[string]bool{}
	for f := range o.prev {
		for d := path.Dir(f); d != "." && !managedDirs[d]; d = path.Dir(d) {
			managedDirs[d] = true
		}
	}
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
			return os.MkdirAll(dst, 0o755)
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
	in, err := os.Open(src)
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
