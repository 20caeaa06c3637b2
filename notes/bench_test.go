package notes_test

import (
	"testing"

	"github.com/betweensessions/between/notes"
	"golang.org/x/text/language"
)

func reviewCase(b *testing.B) notes.Input {
	for _, c := range cases(b) {
		if c.name == "sleep-sms.review" {
			return c.in
		}
	}
	b.Fatal("no case sleep-sms.review")
	return notes.Input{}
}

func BenchmarkNote(b *testing.B) {
	w := newWriter(b)
	in := reviewCase(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Note(notes.SOAP, in, notes.Options{Lang: language.Spanish}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBundle(b *testing.B) {
	w := newWriter(b)
	in := reviewCase(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Bundle(in, fhirOpts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := notes.New(nil); err != nil {
			b.Fatal(err)
		}
	}
}
