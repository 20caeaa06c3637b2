// Package sitepdf joins the PDF renderer to the site builder: [Download]
// makes the standard and large-print PDF of every handout a site holds.
//
// It is a package of its own so that neither side imports the other:
// worksheet/site never links gopdf, for clinics that want HTML only, and
// worksheet/pdf stays a leaf that does not pull in the site builder and
// the embedded library.
package sitepdf

import (
	"context"
	"io"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/site"
)

// Download returns the site download that writes <id>.pdf and
// <id>-large-print.pdf beside each handout page with r, one renderer
// shared by the builder's goroutines, and links them as "PDF" and "Large
// print PDF" in the page's language.
//
// version names r and its settings (fonts, creation date) for the site's
// build cache: PDFs made under another version are rendered again. An
// empty version turns the cache off for builds that use this download.
func Download(r *pdf.Renderer, version string) site.Download {
	return site.Download{
		Ext:     "pdf",
		Version: version,
		Label: func(loc *i18n.Locale, v worksheet.Variant) string {
			if v == worksheet.LargePrint {
				return loc.Text("PDFLargePrint", nil)
			}
			return loc.Text("PDFStandard", nil)
		},
		Render: func(ctx context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale, brand worksheet.Branding) error {
			return r.Render(ctx, w, ws, pdf.RenderOptions{Variant: v, Locale: loc, Branding: brand})
		},
	}
}
