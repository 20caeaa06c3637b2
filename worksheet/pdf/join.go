package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/signintech/gopdf"
)

// MaxJoinPages is the most pages [Join] puts in one document: a packet of
// a few dozen handouts at [MaxPages] each at the most.
const MaxJoinPages = 20 * MaxPages

// Join writes one PDF that holds every page of docs, in order, each at
// its own size: a packet of handouts printed as one document. docs are
// PDFs that [Renderer.Render] wrote; each page is carried over whole (as a
// form XObject), so its text stays text. title becomes the document's
// title and lang its /Lang, such as "es-US".
//
// Nothing is written to w on error: a document that cannot be read, one
// with no pages, or more than [MaxJoinPages] pages in all.
func Join(w io.Writer, title, lang string, docs ...[]byte) (err error) {
	if len(docs) == 0 {
		return errors.New("pdf: join: no documents")
	}
	defer func() {
		// gofpdi, which reads the documents, is not ours; should it panic
		// on a file, the caller still gets an error, not a crash.
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: join: cannot read a document: %v", p)
		}
	}()
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: *gopdf.PageSizeA4})
	gp.SetNoCompression()
	gp.SetInfo(gopdf.PdfInfo{Title: title, Creator: "Between", Producer: "Between (gopdf)"})
	total := 0
	for i, doc := range docs {
		rs := io.ReadSeeker(bytes.NewReader(doc))
		sizes := gp.GetStreamPageSizes(&rs)
		if len(sizes) == 0 {
			return fmt.Errorf("pdf: join: document %d has no pages", i+1)
		}
		if total += len(sizes); total > MaxJoinPages {
			return fmt.Errorf("pdf: join: %w: more than %d pages in all", ErrTooManyPages, MaxJoinPages)
		}
		for page := 1; page <= len(sizes); page++ {
			box, ok := sizes[page]["/MediaBox"]
			if !ok {
				return fmt.Errorf("pdf: join: document %d, page %d has no size", i+1, page)
			}
			size := gopdf.Rect{W: box["w"], H: box["h"]}
			gp.AddPageWithOption(gopdf.PageOption{PageSize: &size})
			tpl := gp.ImportPageStream(&rs, page, "/MediaBox")
			gp.UseImportedTemplate(tpl, 0, 0, size.W, size.H)
		}
	}
	var out bytes.Buffer
	if _, err := gp.WriteTo(&out); err != nil {
		return fmt.Errorf("pdf: join: %w", err)
	}
	return writeWithCatalogEntries(w, out.Bytes(), lang)
}
