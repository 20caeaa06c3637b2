package templates

import (
	"embed"
	"io/fs"
)

//go:embed */*.md
var files embed.FS

// FS returns the default handout library: one folder per template id, one
// <lang>.md file per language (for example "sleep-routine/en.md"). The
// result is read-only and safe for concurrent use.
func FS() fs.FS { return files }
