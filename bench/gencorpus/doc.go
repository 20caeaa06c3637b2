// Command gencorpus writes a synthetic, seeded corpus of worksheets for the
// side-by-side benchmark in bench/compare.
//
// Each worksheet is about two printed pages: an introduction, a task list,
// three or four sections with headings, paragraphs, lists and inline blanks,
// writing lines, a rating scale, a 7-day tracker and a small table. The same
// seed always gives the same bytes.
//
// # Output
//
// With -out DIR it writes
//
//	DIR/between/<id>/en.md     the worksheet in Between's template format
//	DIR/between/<id>/es.md     a Spanish version (with -langs en,es), whose
//	                           source_hash matches en.md
//	DIR/hugo/<id>.md           the same English Markdown as plain Hugo
//	                           content: directives become ordinary Markdown
//
// In the Hugo copy "___" blanks become escaped underscores, "::: lines N"
// becomes N paragraphs of underscores, "::: scale" a one-row table of the
// numbers and "::: tracker" a GFM table with a column per weekday.
//
// # Usage
//
//	go run ./bench/gencorpus -n 1000 -out /tmp/corpus [-langs en,es] [-seed 1] [-hugo=false]
package main
