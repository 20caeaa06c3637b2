// Package handout renders one personalised handout on demand, for a
// portal, a patient app or a command: a template from the library, in a
// language and print variant, with a client's values in its slots, as a
// standalone HTML page, a PDF, or JSON.
//
//	r, err := handout.New(handout.Options{}) // once; share it
//	err = r.Render(ctx, w, handout.Request{
//		ID:      "sleep-routine",
//		Lang:    language.MustParse("es-419"),
//		Variant: worksheet.LargePrint,
//		Format:  handout.PDF,
//		Params:  map[string]string{"wake_time": "6:00"},
//	})
//
// A program that holds a [homework.Assignment] renders the handout it
// names with [RequestFor]:
//
//	req, err := handout.RequestFor(*a.Worksheet, handout.PDF)
//
// # Languages
//
// A request's language is matched to a template file up the chain of
// parent languages (es-419 and es-MX find es.md). A handout not yet
// translated (no file in the language, or a copy with no source_hash, as
// [templates.Library.Translation] tells it) is shown in English, with a note in the language asked for
// saying so; its labels and weekday names are then English too, but the
// crisis lines and paper size are still those of the client's locale.
//
// # Formats
//
// [HTML] is one complete page with its stylesheet and script inline,
// fill-in fields as form controls, and a Content-Security-Policy that lets
// it load nothing and run only that script (by its hash). The stylesheet
// and script are the HTML format's own ([worksheet.HTMLStylesheet],
// [worksheet.HTMLScript]), as the site serves them, so a personalised
// handout looks, prints and saves its answers like the library's pages
// (its typeface is Andika where the device has it installed, else the
// device's sans-serif: the page loads no font file). [PDF] is
// drawn by package worksheet/pdf. [JSON] is a [Document]: the worksheet
// model with the params declared and their values, the weekday names and
// crisis lines of the locale, and without the clinician notes.
//
// # Privacy
//
// Param values are a client's text. They are checked (declared name, at
// most [MaxParamLen] characters, no control characters, drawable in the
// PDF font) and printed; they are never logged, and errors name the
// param, never its value. The package never writes files: a personalised
// handout goes only to the io.Writer it is given. The JSON form leaves out
// the template's clinician notes, which are for the clinician, not the
// client.
//
// # Concurrency
//
// A [Renderer] is safe for concurrent use and meant to be shared: it parses
// each template once and keeps the PDF fonts parsed.
package handout
