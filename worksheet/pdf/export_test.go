package pdf

// Library is library for the external tests.
var Library = library
