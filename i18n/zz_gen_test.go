package i18n

import (
	"fmt"
	"os"
	"testing"
)

func TestGenHashes(t *testing.T) {
	f, err := parseMessageFile(os.DirFS("locales"), "active.en.toml", "x", newParser())
	if err != nil { t.Fatal(err) }
	for _, m := range f.messages { if m.ID=="SkipToContent"||m.ID=="Topics"||m.ID=="Versions" {fmt.Printf("%s %s\n", m.ID, messageHash(m))} }
}
