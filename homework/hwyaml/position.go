package hwyaml

import (
	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/yamlpos"
)

// At returns a *[diag.Error] for a problem with field — a JSON path such
// as "worksheet.template" or "worksheet.params.wake_time" — in the YAML
// record src, read from the file name: a problem found outside this
// package, such as a worksheet the template library does not have. It
// points at the field's key, or at the deepest part of the path that
// exists. msg says what is wrong and must not hold client text; the source
// line is not quoted, since it may.
func At(name string, src []byte, field, msg string) *diag.Error {
	e := &diag.Error{Pkg: pkg, Path: name, Msg: field + ": " + msg}
	doc, errs := yamlpos.File{Pkg: pkg, Path: name}.Parse(src)
	if len(errs) > 0 || doc.Empty() {
		return e
	}
	p, _ := doc.Key(field)
	e.Line, e.Col = p.Line, p.Col
	return e
}
