package i18n_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/betweensessions/between/i18n"
	"golang.org/x/text/language"
)

func ExampleCatalog_Locale() {
	cat, err := i18n.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	// es-419 (Latin American Spanish) has no file of its own: it gets es.
	l, err := cat.Locale(language.MustParse("es-419"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Tag, l.Paper, l.Weekdays[time.Wednesday])
	fmt.Println(l.Text("PartOf", map[string]any{"N": 1, "Total": 3}))
	fmt.Println(l.Text("Minutes", map[string]any{"Count": 1}))

	mx, _ := cat.Locale(language.MustParse("es-MX"))
	fmt.Println(mx.Paper, mx.Crisis[0].Name, mx.Crisis[0].Number)
	// Output:
	// es a4 Miércoles
	// Parte 1 de 3
	// 1 minuto
	// letter Línea de la Vida 800 911 2000
}

func ExampleCatalog_Fallbacks() {
	cat, _ := i18n.Default()
	es, _ := cat.Locale(language.Spanish)
	fmt.Println(es.Text("NoSuchMessage", nil))
	for _, f := range cat.Fallbacks() {
		fmt.Println(f.Lang, f.ID)
	}
	fmt.Println(cat.CheckFallbacks() != nil)
	// Output:
	// NoSuchMessage
	// es NoSuchMessage
	// true
}

func ExampleLocale_WeekOrder() {
	cat, _ := i18n.Default()
	for _, tag := range []string{"es-ES", "es-US"} {
		l, _ := cat.Locale(language.MustParse(tag))
		var days []string
		for _, d := range l.WeekOrder() {
			days = append(days, l.WeekdaysShort[d])
		}
		fmt.Println(strings.Join(days, " "))
	}
	// Output:
	// Lun Mar Mié Jue Vie Sáb Dom
	// Dom Lun Mar Mié Jue Vie Sáb
}
