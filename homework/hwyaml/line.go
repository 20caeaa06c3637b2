package hwyaml

import "github.com/betweensessions/between/internal/yamlpos"

// Line returns the 1-based line of the field at path — a JSON path as
// [homework.Findings] and other packages name fields, such as
// "method.contacts[1].schedule" — in the YAML document src, or the line
// of the deepest part of the path that exists. It returns 0 when src does
// not parse. Callers use it to give an error about a decoded record the
// line the person must open.
func Line(src []byte, path string) int {
	doc, errs := yamlpos.File{Pkg: pkg}.Parse(src)
	if len(errs) > 0 || doc.Empty() {
		return 0
	}
	p, _ := doc.Value(path)
	return p.Line
}
