package i18n

import (
	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/tomlpos"
)

// FileError is a mistake in a file a person wrote: a message file, a locale
// data file or a template. It is the project's one positioned error type,
// [diag.Error], under the name this package has always used: Pkg is
// "i18n", Line and Col are 1-based and 0 when unknown, and Err holds the
// message.
type FileError = diag.Error

// pkg is the package name that starts every error message.
const pkg = "i18n"

// tomlError turns a BurntSushi TOML error into a FileError with the
// position it names.
func tomlError(path string, err error) error { return tomlpos.Error(pkg, path, err) }

// keyLine returns the 1-based line on which key is defined in the TOML
// source, scanning from line from; 0 if it cannot be found.
func keyLine(src []byte, key []string, from int) int { return tomlpos.KeyLine(src, key, from) }
