package i18n_test

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// overlay is a union of two file systems for tests: top hides base.
type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		if st, err := f.Stat(); err == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	b, errB := fs.ReadDir(o.base, name)
	if errA != nil && errB != nil {
		return nil, errors.Join(errA, errB)
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, d := range slices.Concat(a, b) {
		if !seen[d.Name()] {
			seen[d.Name()] = true
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(x, y fs.DirEntry) int { return strings.Compare(x.Name(), y.Name()) })
	return out, nil
}
