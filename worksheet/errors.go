package worksheet

import "github.com/betweensessions/between/diag"

// Error is a problem in a template file, with the place it was found: the
// project's one positioned error type, [diag.Error], under the name
// callers of this package have always used. Pkg is "worksheet"; Line and
// Col are 1-based, and either may be 0 when the problem has no narrower
// place (a missing key, a bad file name). Src holds the template's line,
// for [diag.Error.Caret].
type Error = diag.Error

// ErrorList is every problem found in one template file, in source order:
// a [diag.List]. Parse returns all of them at once so that a linter can
// show them all. An ErrorList returned as an error is never empty.
type ErrorList = diag.List
