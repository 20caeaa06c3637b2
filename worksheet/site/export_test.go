package site

import (
	"io"
	"testing"
)

// Faults are failures a test injects into the site's own file system
// calls. A nil field injects nothing.
type Faults struct {
	// Create is called before each file of the new site is created, with
	// its path; an error fails the creation.
	Create func(name string) error
	// Rename is called before each rename of a whole site folder (op
	// "rename") and each one-step swap of two (op "exchange"); an error
	// fails it.
	Rename func(op, from, to string) error
	// Remove is called before each removal of one of the builder's own
	// folders (a previous site after the swap, a new one that was not
	// used, what a stopped build left); an error fails it.
	Remove func(name string) error
}

// The real calls, which SetFaults wraps.
var saveCreate, saveRename, saveExchange, saveRemove = createFile, rename, exchange, removeAll

// SetFaults injects f, in place of any faults set before, until the test
// ends; SetFaults(t, Faults{}) removes them. Tests that use it must not
// run in parallel with other builds.
func SetFaults(t testing.TB, f Faults) {
	t.Cleanup(func() { createFile, rename, exchange, removeAll = saveCreate, saveRename, saveExchange, saveRemove })
	createFile, rename, exchange, removeAll = saveCreate, saveRename, saveExchange, saveRemove
	if f.Remove != nil {
		removeAll = func(name string) error {
			if err := f.Remove(name); err != nil {
				return err
			}
			return saveRemove(name)
		}
	}
	if f.Create != nil {
		createFile = func(name string) (io.WriteCloser, error) {
			if err := f.Create(name); err != nil {
				return nil, err
			}
			return saveCreate(name)
		}
	}
	if f.Rename != nil {
		rename = func(from, to string) error {
			if err := f.Rename("rename", from, to); err != nil {
				return err
			}
			return saveRename(from, to)
		}
		exchange = func(a, b string) error {
			if err := f.Rename("exchange", a, b); err != nil {
				return err
			}
			return saveExchange(a, b)
		}
	}
}
