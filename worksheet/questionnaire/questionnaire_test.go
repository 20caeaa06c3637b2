package questionnaire_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/internal/fhircheck"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/questionnaire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name string, got []byte) string {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update if the change is intended", path)
	return path
}

// parse returns a template's English and Spanish files from the built-in
// library.
func parse(t testing.TB, id string) (en, es *worksheet.Worksheet) {
	t.Helper()
	p := worksheet.NewParser()
	en, err := p.ParseFS(templates.FS(), id+"/en.md")
	require.NoError(t, err)
	es, err = p.ParseFS(templates.FS(), id+"/es.md")
	require.NoError(t, err)
	return en, es
}

func templateIDs(t testing.TB) []string {
	files, err := fs.Glob(templates.FS(), "*/en.md")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var ids []string
	for _, f := range files {
		ids = append(ids, strings.TrimSuffix(f, "/en.md"))
	}
	return ids
}

// validate runs the FHIR validator of tools/fhir over files.
func validate(t *testing.T, files ...string) string {
	t.Helper()
	out, _ := fhircheck.Run(t, files...)
	return out
}

// Every handout in the library, with its Spanish translation, and both
// measures: golden Questionnaires that the validator passes.
func TestQuestionnairesGolden(t *testing.T) {
	var files []string
	for _, id := range templateIDs(t) {
		en, es := parse(t, id)
		q, err := questionnaire.FromWorksheet(en, es)
		require.NoError(t, err, id)
		b, err := q.JSON()
		require.NoError(t, err)
		again, err := questionnaire.FromWorksheet(en, es)
		require.NoError(t, err)
		b2, _ := again.JSON()
		assert.Equal(t, string(b), string(b2), "deterministic")
		for _, secret := range []string{en.Meta.Clinician.Rationale, en.Meta.Clinician.FollowUp} {
			if secret != "" {
				assert.NotContains(t, string(b), secret[:min(40, len(secret))], "%s: clinician notes exported", id)
			}
		}
		files = append(files, golden(t, "worksheet/"+id+".json", b))
	}
	for _, in := range []homework.Instrument{homework.PHQ9, homework.GAD7} {
		q, err := questionnaire.Measure(in)
		require.NoError(t, err)
		b, err := q.JSON()
		require.NoError(t, err)
		files = append(files, golden(t, "measure/"+in.String()+".json", b))
	}
	out := validate(t, files...)
	assert.Equal(t, len(files), strings.Count(out, ": ok\n"), "validator reports:\n%s", out)
}
