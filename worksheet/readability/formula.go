package readability

import (
	"fmt"
	"math"
)

// Counts are the totals a readability formula works from.
type Counts struct {
	Words     int `json:"words"`
	Sentences int `json:"sentences"`
	Syllables int `json:"syllables"`
}

// wordsPerSentence and syllablesPerWord are the two ratios every formula
// here uses; both are 0 for empty counts.
func (c Counts) ratios() (ws, sw float64) {
	if c.Words == 0 || c.Sentences == 0 {
		return 0, 0
	}
	return float64(c.Words) / float64(c.Sentences), float64(c.Syllables) / float64(c.Words)
}

// Scale says which way a score runs.
type Scale int

const (
	// GradeScale scores are school grade levels: lower is easier, and a
	// target is a maximum.
	GradeScale Scale = iota
	// EaseScale scores run from about 0 (very hard) to 100 (very easy):
	// higher is easier, and a target is a minimum.
	EaseScale
)

// String returns "grade" or "ease".
func (s Scale) String() string {
	switch s {
	case GradeScale:
		return "grade"
	case EaseScale:
		return "ease"
	}
	return fmt.Sprintf("Scale(%d)", int(s))
}

// MarshalText encodes the scale as its String form.
func (s Scale) MarshalText() ([]byte, error) {
	switch s {
	case GradeScale, EaseScale:
		return []byte(s.String()), nil
	}
	return nil, fmt.Errorf("readability: unknown scale %d", int(s))
}

// UnmarshalText decodes "grade" or "ease".
func (s *Scale) UnmarshalText(b []byte) error {
	switch string(b) {
	case "grade":
		*s = GradeScale
	case "ease":
		*s = EaseScale
	default:
		return fmt.Errorf("readability: unknown scale %q (want grade or ease)", b)
	}
	return nil
}

// Score is what a Formula makes of some Counts.
type Score struct {
	// Value is the formula's headline number: a grade level on GradeScale,
	// an ease score on EaseScale. It is rounded to two decimals.
	Value float64 `json:"value"`
	Scale Scale   `json:"scale"`
	// Ease is the reading-ease score that goes with Value: the Flesch
	// Reading Ease for Flesch–Kincaid, Value itself for ease formulas.
	Ease float64 `json:"ease"`
	// Band names the difficulty band of Ease in the formula's language,
	// such as "fairly easy" or "bastante fácil".
	Band string `json:"band"`
}

// Meets reports whether the score meets target: at most target on
// GradeScale, at least target on EaseScale. A target of 0 means none and
// is always met.
func (s Score) Meets(target float64) bool {
	if target == 0 {
		return true
	}
	if s.Scale == EaseScale {
		return s.Value >= target
	}
	return s.Value <= target
}

// Formula turns counts into a readability score. A language plugs in its
// own formula by adding it to a Registry under the name its locale gives
// (i18n.Readability.Formula). Implementations must be safe for concurrent
// use.
type Formula interface {
	// Name is the formula's registry name, such as "flesch-kincaid".
	Name() string
	// Score computes the score. Counts with no words or no sentences
	// score as the easiest text (grade 0, ease 100).
	Score(c Counts) Score
}

// round2 rounds x to two decimals.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// FleschKincaid is the Flesch–Kincaid Grade Level for English:
// 0.39·W/S + 11.8·Sy/W − 15.59, with the Flesch Reading Ease
// 206.835 − 1.015·W/S − 84.6·Sy/W as its Ease and Flesch's bands.
type FleschKincaid struct{}

// Name returns "flesch-kincaid".
func (FleschKincaid) Name() string { return "flesch-kincaid" }

// Score computes the grade level and the reading ease.
func (FleschKincaid) Score(c Counts) Score {
	ws, sw := c.ratios()
	if ws == 0 {
		return Score{Value: 0, Scale: GradeScale, Ease: 100, Band: fleschBand(100)}
	}
	grade := 0.39*ws + 11.8*sw - 15.59
	ease := 206.835 - 1.015*ws - 84.6*sw
	return Score{Value: round2(grade), Scale: GradeScale, Ease: round2(ease), Band: fleschBand(ease)}
}

// fleschBand names Flesch's reading-ease bands.
func fleschBand(ease float64) string {
	switch {
	case ease >= 90:
		return "very easy"
	case ease >= 80:
		return "easy"
	case ease >= 70:
		return "fairly easy"
	case ease >= 60:
		return "standard"
	case ease >= 50:
		return "fairly difficult"
	case ease >= 30:
		return "difficult"
	}
	return "very confusing"
}

// FernandezHuerta is Fernández-Huerta's reading ease for Spanish in its
// corrected form, 206.84 − 60·Sy/W − 1.02·W/S, with its own bands (muy
// fácil from 90, fácil from 80, algo fácil from 70, normal from 60, algo
// difícil from 50, difícil from 30, muy difícil below 30).
type FernandezHuerta struct{}

// Name returns "fernandez-huerta".
func (FernandezHuerta) Name() string { return "fernandez-huerta" }

// Score computes the reading ease.
func (FernandezHuerta) Score(c Counts) Score {
	ws, sw := c.ratios()
	ease := 100.0
	if ws != 0 {
		ease = round2(206.84 - 60*sw - 1.02*ws)
	}
	var band string
	switch {
	case ease >= 90:
		band = "muy fácil"
	case ease >= 80:
		band = "fácil"
	case ease >= 70:
		band = "algo fácil"
	case ease >= 60:
		band = "normal"
	case ease >= 50:
		band = "algo difícil"
	case ease >= 30:
		band = "difícil"
	default:
		band = "muy difícil"
	}
	return Score{Value: ease, Scale: EaseScale, Ease: ease, Band: band}
}

// SzigrisztPazos is the Szigriszt-Pazos perspicuity index for Spanish,
// 206.835 − 62.3·Sy/W − W/S, banded on the INFLESZ scale: below 40 muy
// difícil, 40–55 algo difícil, 55–65 normal, 65–80 bastante fácil, above
// 80 muy fácil.
type SzigrisztPazos struct{}

// Name returns "szigriszt-pazos".
func (SzigrisztPazos) Name() string { return "szigriszt-pazos" }

// Score computes the perspicuity and its INFLESZ band.
func (SzigrisztPazos) Score(c Counts) Score {
	ws, sw := c.ratios()
	p := 100.0
	if ws != 0 {
		p = round2(206.835 - 62.3*sw - ws)
	}
	return Score{Value: p, Scale: EaseScale, Ease: p, Band: InfleszBand(p)}
}

// InfleszBand names the INFLESZ band of a Szigriszt-Pazos perspicuity
// score: "muy difícil" below 40, "algo difícil" from 40, "normal" from 55,
// "bastante fácil" from 65 and "muy fácil" above 80.
func InfleszBand(p float64) string {
	switch {
	case p < 40:
		return "muy difícil"
	case p < 55:
		return "algo difícil"
	case p < 65:
		return "normal"
	case p <= 80:
		return "bastante fácil"
	}
	return "muy fácil"
}
