// Package readability measures how easy a handout is to read, and points at
// what makes it harder: long sentences, long words, passive voice, jargon,
// and text that breaks the large-print rules.
//
// [Analyze] takes a parsed [worksheet.Worksheet] and the reader's
// [i18n.Locale] and returns a [Report]: word, sentence and syllable counts,
// the score of the locale's formula against its target, and [Finding]s with
// line numbers and stable [Code]s, for `between lint` and for the library
// index. [Analyzer.AnalyzeText] does the same for plain text.
//
//	r := readability.Analyze(ws, loc)
//	fmt.Printf("%s %.1f (%s)\n", r.Formula, r.Score.Value, r.Score.Band)
//	for _, f := range r.Findings {
//		fmt.Printf("%s:%d: %s: %s\n", ws.Path, f.Line, f.Severity, f.Message)
//	}
//
// # What is read
//
// Only what the client reads: the title and summary from the front matter,
// and in the body the headings, paragraphs, list items, block quotes, table
// cells, the labels of scales and writing lines, tracker rows and part
// titles. Directive syntax, blanks (___), slots ({{name}}), inline code and
// code blocks, the locale's crisis box and the clinician notes are not read.
// Link text is read; its address is not.
//
// Only running prose feeds the grade formula: the summary, paragraphs,
// list items and block quotes. The title, headings, table cells, labels,
// tracker rows and part titles are fragments ("Day", "Mood (1-10)"): they
// get every check below, but counting each as a sentence of one or two
// words would pull the grade down and flatter the handout. A text with no
// prose at all is scored on its fragments.
//
// Each sentence keeps the source line of its first word. Blocks carry their
// line in the document model, and a soft or hard line break inside a
// paragraph moves to the next line. Table rows are placed on the lines after
// the header and delimiter rows. The front matter has no positions in the
// model, so findings there have line 0 and name the Field ("title",
// "summary"); handout-wide findings also have line 0.
//
// # Sentences and words
//
// Every heading, paragraph, list item, table cell and label ends a
// sentence, whether or not it ends in a full stop: "Rate it" in a list is a
// sentence of two words. So does a hard line break. Inside a segment, a
// sentence ends at ".", "!", "?" or "…" when the next word starts with a
// capital, a digit or a letter without case; a stop followed by a lower-case
// word ("Playing ... games") or by a comma or colon ("etc., then") does not
// end one. A word directly followed by a period does not end a sentence if
// it is one of the language's abbreviations (English "e.g.", "i.e.", "Dr.",
// "Mrs.", "vs."...; Spanish "Sr.", "Sra.", "Dra.", "p. ej.", "etc."...) or
// a single letter, read as an initial ("J. Smith"); the price is that
// "plan B. It works." stays one sentence.
//
// A word starts with a letter or a digit and runs over letters, digits and
// combining marks. An apostrophe or hyphen between letters stays inside it
// ("don't", "well-balanced" are one word each); so does a period or comma
// between digits ("6.5", "1,000") and a period between single letters
// ("e.g", "U.S"). Everything else separates words: spaces, dashes, slashes,
// quotes, brackets. A number is a word.
//
// # Syllables
//
// A number counts one syllable per digit, plus one for a decimal point or
// thousands separator: "500" is read "five hundred", 3.
//
// English words are looked up in an exception dictionary
// (data/syllables.en.txt: common words the rules get wrong, such as "our" 2,
// "business" 2, "idea" 3), then counted by rules: one syllable per group of
// vowels (y counts as a vowel except before a vowel: "yes", "beyond"); a
// silent final e ("make"), but a spoken "-le" after a consonant ("table"); a
// silent "-es" and "-ed" except after sibilants or t/d ("boxes", "wanted");
// vowel pairs spoken as two ("pi-a-no", "qui-et", "be-ing", "u-su-al")
// except in "-tion", "-cial", "-cious" and the like; suffixes that keep a
// stem's silent e ("care-ful", "state-ment", "safe-ly"); compounds that
// start with such a word ("some-thing", "home-work"); "-ism", "-ire",
// "re-" before a vowel, "-ically" and "-que". Hyphenated words add up their
// parts; "n't" adds a syllable after a consonant ("did-n't"); dotted
// initialisms are read letter by letter ("T.V." 2). Hyphenation patterns are
// not used: they are not syllables.
//
// Measured against the CMU Pronouncing Dictionary, the counter gets the
// same syllable total as the dictionary on the public textstat test texts
// to within 1% (testdata/textstat, see its README), and the Flesch–Kincaid
// grade to within 0.15; the goal is 0.5.
//
// Spanish words are split by the rules of Spanish spelling ([Syllabify]),
// not by hyphenation: ch, ll and rr are single consonants; the u of que,
// qui, gue, gui is silent while ü is spoken ("pin-güi-no"); y is a vowel at
// the end of a word or before a consonant ("hoy", "muy") and a consonant
// before a vowel ("ma-yo"); vowels form diphthongs and triphthongs ("ciu-dad",
// "buey", "U-ru-guay") unless two strong vowels meet or a weak one carries
// an accent, which makes a hiatus ("le-er", "po-e-ta", "pa-ís", "dí-a"); h
// between vowels is a consonant ("a-ho-ra"). Between vowels, one consonant
// starts the next syllable; of two, the second does unless they are an
// inseparable pair (pr, br, tr, dr, cr, gr, fr, kr, pl, bl, cl, gl, fl, kl),
// which stays together ("ha-blar"); of three or more, the last one or the
// last inseparable pair does ("ins-tan-te", "obs-truir"). Prefixes are not
// recognised ("de-sa-rra-pa-dos", which is also the standard division).
//
// # Formulas
//
// The locale names the formula and its target (i18n.Readability); the
// formula is looked up by name in a [Registry]. Built in:
//
//   - "flesch-kincaid" ([FleschKincaid]): grade level
//     0.39·W/S + 11.8·Sy/W − 15.59, lower is easier, the target is a maximum.
//     Its Ease is the Flesch Reading Ease 206.835 − 1.015·W/S − 84.6·Sy/W,
//     banded very easy (90+), easy (80+), fairly easy (70+), standard (60+),
//     fairly difficult (50+), difficult (30+), very confusing.
//   - "fernandez-huerta" ([FernandezHuerta]): the corrected
//     206.84 − 60·Sy/W − 1.02·W/S, higher is easier, the target is a minimum,
//     banded on Fernández-Huerta's own scale.
//   - "szigriszt-pazos" ([SzigrisztPazos]): perspicuity
//     206.835 − 62.3·Sy/W − W/S, banded on the INFLESZ scale
//     ([InfleszBand]): below 40 muy difícil, 40–55 algo difícil, 55–65
//     normal, 65–80 bastante fácil, above 80 muy fácil.
//
// W, S and Sy are the words, sentences and syllables of the whole handout.
//
// A language plugs in through the same Registry: a [Language] value (its
// syllable counter, long-word rule, passive check, imperative verbs, jargon
// list and abbreviations) and, if it has one, a [Formula]. Nothing in the
// analyser changes. A language with no formula, or whose locale names
// none, still gets every check its Language supports plus the
// language-independent ones (sentence length, capitals, italics, steps),
// and a [NoFormula] finding that says no grade formula applies. The
// registry is a value passed to the [Analyzer]; there is no package-level
// registration.
//
// # Checks
//
// Each finding has a stable [Code] and a [Severity]; `between lint --strict`
// fails on warnings.
//
//	code               severity  what
//	above-target       warning   the score misses the locale's target
//	no-formula         info      no formula for the language (warning if the
//	                             locale names one that cannot apply)
//	long-sentence      warning   more than 20 words (Analyzer.MaxSentenceWords)
//	long-word          info      English: 4+ syllables; Spanish: 6+ syllables
//	                             or 14+ letters; once per word per handout
//	passive-voice      info      English: a form of "be", up to two adverbs,
//	                             then an "-ed" word or an irregular participle
//	                             (data/passive.en.txt), except -ed adjectives
//	                             such as "tired" or "worried"
//	jargon             warning   a term from data/jargon.<lang>.txt, with its
//	                             plain alternative ("psychoeducation" →
//	                             "learning about"); a final s/es also matches
//	all-caps           warning   2+ words in a row in capitals, each of 2+
//	                             letters (large print)
//	italics            warning   italic emphasis (large print has none)
//	no-call-to-action  warning   no numbered list or checklist, and no
//	                             sentence starts with an instruction verb
//	                             (data/imperative.<lang>.txt)
//	no-steps           info      no numbered list, checklist, parts, or
//	                             space to write (blanks, lines, scales,
//	                             trackers)
//
// The handout-level checks (no-call-to-action, no-steps) run on worksheets
// only, not on plain text; no-call-to-action also needs the language's
// Imperative test.
//
// # Concurrency
//
// [Analyze] and a zero [Analyzer] share a built-in registry that is never
// modified. A [Registry] of your own is safe for concurrent analysis once
// you stop adding to it. Reports share nothing with the worksheet.
package readability
