package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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
	return root.FS(), root, nil
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
