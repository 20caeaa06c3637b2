package safefs

import (
	"io/fs"
	"os"
	"path/filepath"
)

// DirFS returns a file system for the files under the folder dir, as
// [os.DirFS] does, whose Open never blocks: it refuses, without opening
// it, anything but a regular file or a folder, and opens non-blocking
// where the system can, checking the opened file again. A symbolic link
// under dir is followed, as os.DirFS follows it.
//
// The result implements [fs.StatFS], [fs.ReadDirFS] and [fs.ReadLinkFS].
// It does not implement [fs.ReadFileFS], so [fs.ReadFile] goes through
// Open; use [ReadFS] to read with a size limit.
func DirFS(dir string) fs.FS {
	return dirFS{dir: dir, os: os.DirFS(dir)}
}

type dirFS struct {
	dir string
	os  fs.FS
}

var (
	_ fs.StatFS     = dirFS{}
	_ fs.ReadDirFS  = dirFS{}
	_ fs.ReadLinkFS = dirFS{}
)

// Open opens name, which must be a regular file or a folder.
func (d dirFS) Open(name string) (fs.File, error) {
	info, err := d.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, notRegular("open", name, info.Mode())
	}
	local, err := filepath.Localize(name)
	if err != nil || d.dir == "" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := os.OpenFile(filepath.Join(d.dir, local), os.O_RDONLY|noBlock, 0)
	if err != nil {
		if pe, ok := err.(*fs.PathError); ok {
			pe.Path = name
		}
		return nil, err
	}
	return checkOpened(f, name)
}

// Stat returns the file information for name, following a symbolic link.
func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.os, name) }

// ReadDir lists the folder name. Anything but a folder is refused
// without being opened.
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := checkDir(d, name); err != nil {
		return nil, err
	}
	return fs.ReadDir(d.os, name)
}

// Lstat returns the file information for name without following a
// symbolic link.
func (d dirFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(d.os, name) }

// ReadLink returns the destination of the symbolic link name.
func (d dirFS) ReadLink(name string) (string, error) { return fs.ReadLink(d.os, name) }

// RootFS returns a file system for the files in root, as root.FS() does —
// a symbolic link that leads out of root fails to open — whose Open never
// blocks: it refuses, without opening it, anything but a regular file or
// a folder, and opens non-blocking where the system can, checking the
// opened file again. It implements the same interfaces as [DirFS]. The
// caller closes root when done with the file system.
func RootFS(root *os.Root) fs.FS {
	return rootFS{root: root, fsys: root.FS()}
}

type rootFS struct {
	root *os.Root
	fsys fs.FS
}

var (
	_ fs.StatFS     = rootFS{}
	_ fs.ReadDirFS  = rootFS{}
	_ fs.ReadLinkFS = rootFS{}
)

// Open opens name, which must be a regular file or a folder.
func (r rootFS) Open(name string) (fs.File, error) {
	info, err := r.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, notRegular("open", name, info.Mode())
	}
	local, err := filepath.Localize(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := r.root.OpenFile(local, os.O_RDONLY|noBlock, 0)
	if err != nil {
		if pe, ok := err.(*fs.PathError); ok {
			pe.Path = name
		}
		return nil, err
	}
	return checkOpened(f, name)
}

// Stat returns the file information for name, following a symbolic link
// that stays in the root.
func (r rootFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(r.fsys, name) }

// ReadDir lists the folder name. Anything but a folder is refused
// without being opened.
func (r rootFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := checkDir(r, name); err != nil {
		return nil, err
	}
	return fs.ReadDir(r.fsys, name)
}

// checkDir returns nil when name in fsys is a folder, following a link.
func checkDir(fsys fs.StatFS, name string) error {
	info, err := fsys.Stat(name)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return &fs.PathError{Op: "readdir", Path: name, Err: &kindError{kind: kind(info.Mode()), want: "a folder"}}
	}
	return nil
}

// Lstat returns the file information for name without following a
// symbolic link.
func (r rootFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(r.fsys, name) }

// ReadLink returns the destination of the symbolic link name.
func (r rootFS) ReadLink(name string) (string, error) { return fs.ReadLink(r.fsys, name) }

// checkOpened returns f, opened as name, if it is a regular file or a
// folder, and closes it otherwise.
func checkOpened(f *os.File, name string) (fs.File, error) {
	info, err := f.Stat()
	if err != nil || (!info.Mode().IsRegular() && !info.IsDir()) {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, notRegular("open", name, info.Mode())
	}
	return f, nil
}
