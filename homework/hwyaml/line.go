package hwyaml

import "go.yaml.in/yaml/v3"

// Line returns the 1-based line of the field at path — a JSON path as
// [homework.Findings] and other packages name fields, such as
// "method.reminders[1].schedule" — in the YAML document src, or the line
// of the deepest part of the path that exists. It returns 0 when src does
// not parse. Callers use it to give an error about a decoded record the
// line the person must open.
func Line(src []byte, path string) int {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 {
		return 0
	}
	return lineOf(doc.Content[0], path)
}
