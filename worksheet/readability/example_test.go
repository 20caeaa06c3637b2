package readability_test

import (
	"fmt"
	"strings"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/readability"
	"golang.org/x/text/language"
)

func ExampleAnalyze() {
	src := []byte(`---
id: sleep-diary
title: Sleep diary
summary: Keep track of your sleep for one week.
kind: log
---
Every morning, write down when you went to bed and when you got up.
Your *sleep efficiency* is calculated by your therapist.

::: tracker Time in bed | Hours asleep
`)
	ws, err := worksheet.NewParser().Parse("sleep-diary/en.md", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	loc := &i18n.Locale{Tag: language.AmericanEnglish, Readability: i18n.Readability{Formula: "flesch-kincaid", Target: 6}}
	r := readability.Analyze(ws, loc)
	fmt.Printf("%d words, %d sentences, %d syllables\n", r.Words, r.Sentences, r.Syllables)
	fmt.Printf("%s grade %.1f (%s), meets target %g: %v\n", r.Formula, r.Score.Value, r.Score.Band, r.Target, r.MeetsTarget)
	for _, f := range r.Findings {
		fmt.Printf("%s:%d: %s: %s\n", ws.Path, f.Line, f.Severity, f.Message)
	}
	// Output:
	// 30 words, 3 sentences, 41 syllables
	// flesch-kincaid grade 4.4 (easy), meets target 6: true
	// sleep-diary/en.md:8: warning: italic text: large print uses no italics; use bold or plain text
	// sleep-diary/en.md:8: warning: jargon "sleep efficiency": try "time asleep in bed"
	// sleep-diary/en.md:8: info: long word "efficiency" (4 or more syllables): is there a shorter one?
	// sleep-diary/en.md:8: info: long word "calculated" (4 or more syllables): is there a shorter one?
	// sleep-diary/en.md:8: info: passive voice ("calculated"): say who does it
}

func ExampleAnalyzer_AnalyzeText() {
	// Tó-ma-te un mo-men-to. ¿Qué sien-tes a-ho-ra? Es-crí-be-lo.
	text := "Tómate un momento. ¿Qué sientes ahora? Escríbelo."
	loc := &i18n.Locale{Tag: language.Spanish, Readability: i18n.Readability{Formula: "szigriszt-pazos", Target: 65}}
	r := readability.Analyzer{}.AnalyzeText(language.Spanish, text, loc)
	fmt.Printf("%d words, %d sentences, %d syllables\n", r.Words, r.Sentences, r.Syllables)
	fmt.Printf("%s %.1f: %s\n", r.Formula, r.Score.Value, r.Score.Band)
	// Output:
	// 7 words, 3 sentences, 17 syllables
	// szigriszt-pazos 53.2: algo difícil
}

func ExampleSyllabify() {
	for _, w := range []string{"país", "leer", "Uruguay", "pingüino", "guerra", "hablar"} {
		fmt.Println(w, strings.Join(readability.Syllabify(w), "-"))
	}
	// Output:
	// país pa-ís
	// leer le-er
	// Uruguay u-ru-guay
	// pingüino pin-güi-no
	// guerra gue-rra
	// hablar ha-blar
}

// demoFormula stands in for a formula a new language brings: it scores
// the average syllables per word.
type demoFormula struct{}

func (demoFormula) Name() string { return "demo-formula" }

func (demoFormula) Score(c readability.Counts) readability.Score {
	v := 0.0
	if c.Words > 0 {
		v = float64(c.Syllables) / float64(c.Words)
	}
	return readability.Score{Value: v, Scale: readability.GradeScale, Band: "demo"}
}

func ExampleRegistry_AddLanguage() {
	reg := readability.DefaultRegistry()
	reg.AddFormula(demoFormula{})
	reg.AddLanguage(readability.Language{
		Tag:     language.Swedish,
		Formula: "demo-formula",
		// A toy counter: one syllable per vowel letter.
		Syllables: func(w string) int {
			n := 0
			for _, r := range strings.ToLower(w) {
				if strings.ContainsRune("aeiouyåäö", r) {
					n++
				}
			}
			return n
		},
		Jargon: []readability.Jargon{{Term: "psykoedukation", Plain: "att lära sig om"}},
	})
	a := readability.Analyzer{Registry: reg}
	loc := &i18n.Locale{Tag: language.Swedish, Readability: i18n.Readability{Formula: "demo-formula"}}
	r := a.AnalyzeText(language.Swedish, "Skriv ner en tanke. Psykoedukation hjälper.", loc)
	fmt.Printf("%s %.2f\n", r.Formula, r.Score.Value)
	for _, f := range r.Findings {
		fmt.Println(f.Line, f.Code, f.Message)
	}
	// Output:
	// demo-formula 2.33
	// 1 jargon jargon "psykoedukation": try "att lära sig om"
}
