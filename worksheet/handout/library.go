package handout

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
)

// library is the layered template library with a parse cache: each file is
// parsed on first use, and the parsed Worksheet, only read afterwards,
// serves every later request.
type library struct {
	*templates.Library
	parsed map[string]*parsedFile // by file name, unique after layering
}

// parsedFile is one template file's parse, done once.
type parsedFile struct {
	once sync.Once
	ws   *worksheet.Worksheet
	err  error
}

func newLibrary(sources []fs.FS) (*library, error) {
	lib, err := templates.Layer(sources...)
	if err == nil {
		err = lib.Check()
	}
	if err != nil {
		return nil, fmt.Errorf("handout: %w", err)
	}
	l := &library{Library: lib, parsed: map[string]*parsedFile{}}
	for _, id := range lib.IDs() {
		for _, f := range lib.Files(id) {
			l.parsed[f.Name] = &parsedFile{}
		}
	}
	return l, nil
}

// parse returns f parsed.
func (l *library) parse(p *worksheet.Parser, f templates.File) (*worksheet.Worksheet, error) {
	c := l.parsed[f.Name]
	c.once.Do(func() {
		src, err := l.Read(f)
		if err != nil {
			c.err = err
			return
		}
		c.ws, c.err = p.Parse(f.Name, src)
	})
	return c.ws, c.err
}
