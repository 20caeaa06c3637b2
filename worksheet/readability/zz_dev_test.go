package readability

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
)

func loadCMU(t *testing.T) map[string]int {
	f, err := os.Open("/tmp/cmu/node_modules/cmudict/lib/cmu/cmudict.0.7a")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	m := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, ";;;") {
			continue
		}
		w, ph, _ := strings.Cut(l, "  ")
		w = strings.ToLower(w)
		if strings.Contains(w, "(") {
			continue
		}
		n := 0
		for _, p := range strings.Fields(ph) {
			c := p[len(p)-1]
			if c >= '0' && c <= '9' {
				n++
			}
		}
		m[w] = n
	}
	return m
}

func TestDevCMU(t *testing.T) {
	if os.Getenv("DEVCMU") == "" {
		t.Skip()
	}
	cmu := loadCMU(t)
	b, _ := loadBuiltin()
	files := strings.Fields(os.Getenv("DEVCMU"))
	freq := map[string]int{}
	for _, file := range files {
		src, _ := os.ReadFile(file)
		seg := segment{text: string(src), lines: []lineMark{{0, 1}}}
		sents := splitSentences(nil, &seg, nil)
		words, cmuSyl, mySyl, oov := 0, 0, 0, 0
		for _, s := range sents {
			for _, w := range s.words {
				words++
				my := b.en.syllables(w.text)
				if isNumber(w.text) {
					my = numberSyllables(w.text)
				}
				key := strings.ReplaceAll(strings.ToLower(w.text), "’", "'")
				hand := map[string]int{"50": 2, "500": 3, "enchantress": 3, "rampion": 3, "rapunzel": 3, "dweebs": 1, "adventurously": 5, "individualizing": 7, "twelvemonth": 2, "leatherhead": 3, "pyrford": 2, "t.v": 2}
				c, ok := cmu[key]
				if !ok && strings.Contains(key, "-") {
					c, ok = 0, true
					for _, p := range strings.Split(key, "-") {
						pc, pok := cmu[p]
						if !pok { ok = false }
						c += pc
					}
				}
				if !ok {
					c, ok = hand[key]
				}
				if !ok {
					oov++
					fmt.Println("OOV", key)
					c = my
				}
				cmuSyl += c
				mySyl += my
				if c != my {
					freq[fmt.Sprintf("%s cmu=%d my=%d", key, c, my)]++
				}
			}
		}
		s := float64(len(sents))
		fk := func(sy int) float64 { return 0.39*float64(words)/s + 11.8*float64(sy)/float64(words) - 15.59 }
		fmt.Printf("%-40s W=%d S=%d cmuSy=%d mySy=%d oov=%d FKcmu=%.2f FKmy=%.2f diff=%.2f\n", file, words, len(sents), cmuSyl, mySyl, oov, fk(cmuSyl), fk(mySyl), fk(mySyl)-fk(cmuSyl))
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range freq {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || l[i].v == l[j].v && l[i].k < l[j].k })
	for _, x := range l {
		fmt.Println(x.v, x.k)
	}
	_ = language.English
}

func TestDevWords(t *testing.T) {
	if os.Getenv("DEVWORDS") == "" {
		t.Skip()
	}
	cmu := loadCMU(t)
	b, _ := loadBuiltin()
	src, _ := os.ReadFile(os.Getenv("DEVWORDS"))
	bad, total := 0, 0
	for _, w := range strings.Fields(string(src)) {
		c, ok := cmu[w]
		if !ok {
			continue
		}
		total++
		if my := b.en.syllables(w); my != c {
			bad++
			fmt.Printf("%s %d (rules %d)\n", w, c, my)
		}
	}
	fmt.Println("bad", bad, "of", total)
}

func TestDevRedundant(t *testing.T) {
	b, _ := loadBuiltin()
	for w, n := range b.en.exceptions {
		if englishRules(w) == n {
			fmt.Println("redundant", w, n)
		}
	}
}
func isLetter(r rune) bool { return unicode.IsLetter(r) }

func TestDevTable(t *testing.T) {
	cmu := loadCMU(t)
	for _, tc := range englishWords {
		if c, ok := cmu[strings.ToLower(tc.word)]; ok && c != tc.want {
			fmt.Println("TABLE DIFFERS FROM CMU", tc.word, tc.want, c)
		}
	}
}
