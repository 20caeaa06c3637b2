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
	if info, err = f.Stat(); err != nil || (!info.Mode().IsRegular() && !info.IsDir()) {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, notRegular("open", name, info.Mode())
	}
	return f, nil
}

// Stat returns the file information for name, following a symbolic link.
func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.os, name) }

// ReadDir lists the folder name.
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.os, name) }

// Lstat returns the file information for name without following a
// symbolic link.
func (d dirFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(d.os, name) }

// ReadLink returns the destination of the symbolic link name.
func (d dirFS) ReadLink(name string) (string, error) { return fs.ReadLink(d.os, name) }
