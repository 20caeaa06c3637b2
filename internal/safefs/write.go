package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// checkTarget returns nil when nothing is at the path name or a regular
// file is, and an error wrapping [ErrNotRegular] when a symbolic link, a
// folder, a FIFO, a device or a socket is. It never follows a link.
func checkTarget(op, name string) error {
	info, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return notRegular(op, name, info.Mode())
	}
	return nil
}

// CheckTarget reports whether name may be written by [WriteFile] or
// [Create]: it returns nil when nothing is at name or a regular file is,
// and an error wrapping [ErrNotRegular] otherwise. Call it to refuse an
// output before doing the work that fills it.
func CheckTarget(name string) error { return checkTarget("write", name) }

// File is a file being written by [Create]: the bytes go to a new file
// beside the target, which [File.Commit] renames into place.
type File struct {
	f      *os.File
	name   string
	done   bool
	failed error
}

// Create starts writing a new version of the file at the path name. It
// refuses at once, with an error wrapping [ErrNotRegular], when name is a
// symbolic link, a folder, a FIFO, a device or a socket. The bytes go to
// a new file with permissions perm in the same folder; [File.Commit]
// renames it into place, and [File.Close] without Commit removes it, so
// the target is never left half-written.
func Create(name string, perm fs.FileMode) (*File, error) {
	if err := checkTarget("write", name); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dirOf(name), ".between-write-*")
	if err != nil {
		return nil, targetError("write", name, err)
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, targetError("write", name, err)
	}
	return &File{f: f, name: name}, nil
}

// Write writes p to the new file.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, &fs.PathError{Op: "write", Path: f.name, Err: fs.ErrClosed}
	}
	n, err := f.f.Write(p)
	if err != nil {
		err = targetError("write", f.name, err)
		f.failed = err
	}
	return n, err
}

// Commit closes the new file and renames it into place, after checking
// again that the target is absent or a regular file. After Commit, Close
// does nothing.
func (f *File) Commit() error {
	if f.done {
		return &fs.PathError{Op: "write", Path: f.name, Err: fs.ErrClosed}
	}
	f.done = true
	tmp := f.f.Name()
	err := f.failed
	if cerr := f.f.Close(); err == nil && cerr != nil {
		err = targetError("write", f.name, cerr)
	}
	if err == nil {
		err = checkTarget("write", f.name)
	}
	if err == nil {
		if rerr := os.Rename(tmp, f.name); rerr != nil {
			err = targetError("write", f.name, rerr)
		}
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// Close removes the new file unless [File.Commit] has put it in place.
func (f *File) Close() error {
	if f.done {
		return nil
	}
	f.done = true
	f.f.Close()
	return os.Remove(f.f.Name())
}

// WriteFile writes data as the file at the path name, with permissions
// perm, through [Create] and [File.Commit]: only a new regular file or a
// replacement for a regular file, never through a symbolic link, never a
// FIFO, a device, a socket or a folder, and never half-written.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	f, err := Create(name, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Commit()
}

// OpenFile opens the file at the path name in place, with flag and perm
// as [os.OpenFile] takes them, for a file that must be the one at name,
// such as a lock file. It never follows a symbolic link in the last
// element of name, never blocks on a FIFO, and returns the file only when
// it is a regular one.
func OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	if err := checkTarget("open", name); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, flag|noFollow|noBlock, perm)
	if err != nil {
		// The link appeared after the check; say so rather than ELOOP.
		if info, lerr := os.Lstat(name); lerr == nil && !info.Mode().IsRegular() {
			return nil, notRegular("open", name, info.Mode())
		}
		return nil, err
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, notRegular("open", name, info.Mode())
	}
	return f, nil
}

// targetError reports err, met while writing name, with name as its path
// rather than the new file beside it.
func targetError(op, name string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// dirOf returns the folder part of the path name as written, without
// cleaning it: "shortcut/../x" is in "shortcut/..", which the system
// takes as the parent of wherever shortcut leads, not as ".".
func dirOf(name string) string {
	vol := filepath.VolumeName(name)
	rest := name[len(vol):]
	i := len(rest) - 1
	for i >= 0 && !os.IsPathSeparator(rest[i]) {
		i--
	}
	switch {
	case i < 0:
		return vol + "."
	case i == 0:
		return vol + rest[:1]
	}
	return vol + rest[:i]
}

// RealDir returns the absolute path of the folder that writing the path
// name writes into, as the system finds it: every symbolic link on the way
// resolved, and each ".." taken after the link before it, as the system
// takes it. Use it to check where a file would really go, such as "not
// inside a site", before writing it. The folder must exist.
func RealDir(name string) (string, error) {
	real, err := filepath.EvalSymlinks(dirOf(name))
	if err != nil {
		return "", err
	}
	return filepath.Abs(real)
}
