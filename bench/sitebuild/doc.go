// Command sitebuild builds a handout site through the library the way
// "between build" does, with CPU and heap profiles for finding what is
// hot. bench/compare also uses it for the HTML + PDF row when the between
// binary has no PDF flag (or with --pdf driver). PDFs are off unless -pdf
// is given.
//
// # Usage
//
//	go run ./bench/sitebuild -src DIR -o OUT [-lang en,es] [-pdf] [-workers N]
//	                         [-cpuprofile FILE] [-memprofile FILE]
//
// -memprofile samples the heap every 50ms and writes the in-use heap
// profile of the largest sample, so it shows what the build holds at its
// peak; the peak itself goes to stderr.
//
// Like "between build", the embedded default library is layered under
// -src. The one-line report goes to stdout.
package main
