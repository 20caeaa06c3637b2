package typeface

import (
	"embed"
	"io/fs"
)

// Name is the family name to use in CSS and PDF metadata.
const Name = "Andika"

// Version is the version of the embedded fonts.
const Version = "6.101"

// The files in [FS].
const (
	RegularFile = "Andika-Regular.ttf"
	BoldFile    = "Andika-Bold.ttf"
	ItalicFile  = "Andika-Italic.ttf"
	// LicenseFile is the SIL Open Font License 1.1 with the fonts'
	// copyright notice. It goes wherever the fonts go.
	LicenseFile = "OFL.txt"
)

//go:embed Andika-Regular.ttf Andika-Bold.ttf Andika-Italic.ttf OFL.txt
var files embed.FS

// FS returns the font files and the licence, at the top of the returned
// file system under the names [RegularFile], [BoldFile], [ItalicFile] and
// [LicenseFile], for a site to serve.
func FS() fs.FS { return files }

// Regular returns a copy of the TrueType data of Andika Regular.
func Regular() []byte { return read(RegularFile) }

// Bold returns a copy of the TrueType data of Andika Bold.
func Bold() []byte { return read(BoldFile) }

// Italic returns a copy of the TrueType data of Andika Italic.
func Italic() []byte { return read(ItalicFile) }

// License returns the text of [LicenseFile].
func License() string { return string(read(LicenseFile)) }

// read returns a copy of an embedded file, which is always there.
func read(name string) []byte {
	b, _ := files.ReadFile(name) // go:embed checked the file at build time
	return b
}
