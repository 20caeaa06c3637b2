package notes_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/internal/needtool"
	"github.com/betweensessions/between/notes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

var fhirOpts = notes.Options{Subject: "Patient/example", Practitioner: "Practitioner/example"}

func TestBundleGolden(t *testing.T) {
	w := newWriter(t)
	for _, c := range cases(t) {
		for _, lang := range langs {
			opt := fhirOpts
			opt.Lang = lang
			if c.name == "mood-journal" {
				opt.Reasons = []string{"Condition/example"}
			}
			b, err := w.Bundle(c.in, opt)
			require.NoError(t, err, c.name)
			again, err := w.Bundle(c.in, opt)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again), "deterministic")
			assert.True(t, json.Valid(b))
			assert.NotContains(t, string(b), c.in.Assignment.ID, "the assignment id is not an identifier the caller passed")
			t.Run(c.name+"/"+lang.String(), func(t *testing.T) {
				golden(t, c.name+"."+lang.String()+".fhir.json", b)
			})
		}
	}
}

func TestBundleShape(t *testing.T) {
	w := newWriter(t)
	var in notes.Input
	for _, c := range cases(t) {
		if c.name == "mood-journal.review" {
			in = c.in
		}
	}
	b, err := w.Bundle(in, fhirOpts)
	require.NoError(t, err)
	var bundle struct {
		Type  string
		Entry []struct {
			FullURL  string
			Resource map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(b, &bundle))
	assert.Equal(t, "collection", bundle.Type)
	var types []string
	for _, e := range bundle.Entry {
		types = append(types, e.Resource["resourceType"].(string))
		assert.Equal(t, "urn:uuid:"+e.Resource["id"].(string), e.FullURL)
	}
	assert.Equal(t, []string{"Goal", "Observation", "Observation", "Observation", "CarePlan"}, types)
	obs := bundle.Entry[1].Resource
	assert.Equal(t, "2026-10-05", obs["effectiveDateTime"])
	assert.EqualValues(t, 15, obs["valueInteger"])
	assert.Contains(t, string(b), `"code": "44261-6"`)
	assert.Contains(t, string(b), `"code": "70274-6"`)
}

func TestBundleErrors(t *testing.T) {
	w := newWriter(t)
	a := &homework.Assignment{Task: homework.Task{What: "x"}}
	_, err := w.Bundle(notes.Input{Assignment: a}, notes.Options{})
	assert.ErrorIs(t, err, notes.ErrNoSubject)
	_, err = w.Bundle(notes.Input{Assignment: a}, notes.Options{Subject: "Jane Doe"})
	assert.ErrorContains(t, err, "not a FHIR reference")
	_, err = w.Bundle(notes.Input{Assignment: a}, notes.Options{Subject: "Patient/1", RequireComplete: true})
	var ce *homework.CheckError
	assert.True(t, errors.As(err, &ce), "an incomplete record is refused: %v", err)
	_, err = w.Bundle(notes.Input{}, notes.Options{Subject: "Patient/1"})
	assert.ErrorIs(t, err, notes.ErrNoAssignment)
}

// TestBundleValidates runs every golden Bundle through Medplum's validator
// (tools/fhir/validate.mjs) against the FHIR R4 StructureDefinitions.
func TestBundleValidates(t *testing.T) {
	dir := filepath.Join("..", "tools", "fhir")
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "node_modules", "@medplum", "core"))
	}
	if err != nil {
		needtool.Missing(t, "the FHIR validator", "node and npm ci --prefix tools/fhir")
	}
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.fhir.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for i := range files {
		files[i], err = filepath.Abs(files[i])
		require.NoError(t, err)
	}
	script := filepath.Join(dir, "validate.mjs")
	out, err := exec.Command(node, append([]string{script}, files...)...).CombinedOutput()
	require.NoError(t, err, "validator reports:\n%s", out)
	assert.Equal(t, len(files), strings.Count(string(out), ": ok\n"), "%s", out)

	// The validator must fail a broken Bundle, or passing means nothing.
	good, err := os.ReadFile(files[0])
	require.NoError(t, err)
	broken := strings.Replace(string(good), `"intent": "plan"`, `"intent": "wish"`, 1)
	broken = strings.Replace(broken, `"status": "final"`, `"state": "final"`, 1)
	bad := filepath.Join(t.TempDir(), "broken.json")
	require.NoError(t, os.WriteFile(bad, []byte(broken), 0o644))
	out, err = exec.Command(node, script, bad).CombinedOutput()
	require.Error(t, err, "the validator accepted a broken Bundle:\n%s", out)
	assert.Contains(t, string(out), `code "wish" is not in required ValueSet`)
}

func TestBundleSpanish(t *testing.T) {
	w := newWriter(t)
	a := &homework.Assignment{Task: homework.Task{What: "registro del ánimo", Frequency: "diario", When: "al acostarse"}}
	b, err := w.Bundle(notes.Input{Assignment: a}, notes.Options{Subject: "Patient/1", Lang: language.Spanish})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"periodUnit": "d"`)
	assert.Contains(t, string(b), `"description": "Registro del ánimo diario al acostarse"`)
}
