package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/betweensessions/between/internal/safefs"
	"github.com/betweensessions/between/templates"
)

// errNotFolder is openDir's error for a path that is not a folder.
var errNotFolder = errors.New("not a folder")

// openDir opens a folder the user named (--src, --locales, a lint folder)
// as an os.Root: a symbolic link in it that points outside it fails to
// open instead of reading, and publishing, whatever it points to. Close
// the closer when the command is done with the folder.
func openDir(dir string) (fs.FS, io.Closer, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, nil, err
	}
	if !fi.IsDir() {
		return nil, nil, fmt.Errorf("%s: %w", dir, errNotFolder)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	return safefs.RootFS(root), root, nil
}

// folders opens user folders with openDir and closes them together.
type folders []io.Closer

// open opens dir; its error names the flag the folder was given with.
func (f *folders) open(flag, dir string) (fs.FS, error) {
	fsys, c, err := openDir(dir)
	if err != nil {
		if errors.Is(err, errNotFolder) {
			return nil, usageErrorf("%s %s is not a folder", flag, dir)
		}
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	*f = append(*f, c)
	return fsys, nil
}

// Close closes every folder opened.
func (f *folders) Close() error {
	var errs []error
	for _, c := range *f {
		errs = append(errs, c.Close())
	}
	*f = nil
	return errors.Join(errs...)
}

// templates opens the --src folders: each must hold templates laid out as
// <id>/<lang>.md. --src means that in every command; a translator's folder
// (locale files at its top, templates in its templates folder) is given
// with --locales instead.
func (f *folders) templates(dirs []string) ([]fs.FS, error) {
	var out []fs.FS
	for _, dir := range dirs {
		fsys, err := f.open("--src", dir)
		if err != nil {
			return nil, err
		}
		lib, err := templates.Layer(fsys)
		if err != nil {
			return nil, fmt.Errorf("--src %s: %w", dir, err)
		}
		if len(lib.IDs()) == 0 {
			hint := ""
			if sub, err := fs.Sub(fsys, "templates"); err == nil {
				if l, err := templates.Layer(sub); err == nil && len(l.IDs()) > 0 {
					hint = fmt.Sprintf("; its templates folder has some: give --src %s, or --locales %s for a translator's folder", filepath.Join(dir, "templates"), dir)
				}
			}
			return nil, usageErrorf("--src %s holds no templates (<id>/<lang>.md files)%s", dir, hint)
		}
		out = append(out, fsys)
	}
	return out, nil
}
