package handout_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/handout"
)

// A portal keeps one Renderer and asks it for a client's handout.
func ExampleRenderer_Render() {
	r, err := handout.New(handout.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var pdf bytes.Buffer
	err = r.Render(context.Background(), &pdf, handout.Request{
		ID:      "sleep-routine",
		Lang:    language.MustParse("es-419"),
		Variant: worksheet.LargePrint,
		Format:  handout.PDF,
		Params:  map[string]string{"wake_time": "6:00"},
	})
	fmt.Println(err, string(pdf.Bytes()[:5]))
	// Output: <nil> %PDF-
}

// The JSON form lists the handout's params with the values given, for an
// app that draws its own form.
func ExampleRenderer_Render_json() {
	r, err := handout.New(handout.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	err = r.Render(context.Background(), &out, handout.Request{
		ID:     "sleep-routine",
		Format: handout.JSON,
		Params: map[string]string{"wind_down_time": "9:30 pm"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var doc struct {
		Lang   string          `json:"lang"`
		Params []handout.Param `json:"params"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range doc.Params {
		fmt.Printf("%s %s: %q\n", doc.Lang, p.Name, p.Value)
	}
	// Output:
	// en wake_time: ""
	// en wind_down_time: "9:30 pm"
}

// A param the handout does not declare is refused; the error names the
// param, never the value.
func ExampleErrParam() {
	r, err := handout.New(handout.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	err = r.Render(context.Background(), io.Discard, handout.Request{
		ID:     "sleep-routine",
		Params: map[string]string{"bedtime": "22:00"},
	})
	fmt.Println(errors.Is(err, handout.ErrParam))
	fmt.Println(err)
	// Output:
	// true
	// handout: bad param: sleep-routine has no param "bedtime" (it has "wake_time", "wind_down_time")
}
