package pdf

import (
	"encoding/binary"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// goFamily is the built-in "go" family. Its text faces draw the digit zero
// with the font's own unslashed alternate: the Go fonts' default zero is
// slashed, which in running text ("0 means not at all") reads like a
// typewriter or code font, most of all in bold and in large print. The
// monospace face keeps its slashed zero, as code should.
var goFamily = sync.OnceValue(func() FontFamily {
	return FontFamily{
		Regular: plainZero(goregular.TTF),
		Bold:    plainZero(gobold.TTF),
		Italic:  plainZero(goitalic.TTF),
		Mono:    gomono.TTF,
	}
})

// plainZeroGlyph is the name of the unslashed zero in the Go fonts.
const plainZeroGlyph = "zero.empty"

// plainZero returns a copy of the TrueType font ttf in which the glyph for
// U+0030 is replaced by the glyph named "zero.empty", outline and left side
// bearing, with the table checksums brought up to date. The character map
// is left alone, so "0" still extracts as "0". When the font has no such
// glyph, or it would not fit in the slot, ttf is returned unchanged.
func plainZero(ttf []byte) []byte {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return ttf
	}
	var buf sfnt.Buffer
	zero, err := f.GlyphIndex(&buf, '0')
	if err != nil || zero == 0 {
		return ttf
	}
	alt := -1
	for g := range f.NumGlyphs() {
		if name, err := f.GlyphName(&buf, sfnt.GlyphIndex(g)); err == nil && name == plainZeroGlyph {
			alt = g
			break
		}
	}
	if alt < 0 {
		return ttf
	}
	t, ok := readTables(ttf)
	if !ok {
		return ttf
	}
	out := append([]byte(nil), ttf...)
	if !t.swapGlyph(out, int(zero), alt) {
		return ttf
	}
	t.fixChecksums(out, "glyf", "hmtx")
	return out
}

// sfntTable is one entry of a font's table directory.
type sfntTable struct {
	dir          int // offset of the directory entry
	offset, size int
}

// sfntTables is a font's table directory and the values swapGlyph needs.
type sfntTables struct {
	tab       map[string]sfntTable
	longLoca  bool
	numGlyphs int
	numHMtx   int
}

// readTables reads the table directory of ttf and checks that the tables
// swapGlyph uses lie inside the file.
func readTables(ttf []byte) (sfntTables, bool) {
	t := sfntTables{tab: map[string]sfntTable{}}
	if len(ttf) < 12 {
		return t, false
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return t, false
	}
	for i := range n {
		d := 12 + 16*i
		e := sfntTable{dir: d, offset: int(binary.BigEndian.Uint32(ttf[d+8:])), size: int(binary.BigEndian.Uint32(ttf[d+12:]))}
		if e.offset < 0 || e.size < 0 || e.offset+e.size > len(ttf) {
			return t, false
		}
		t.tab[string(ttf[d:d+4])] = e
	}
	for name, least := range map[string]int{"head": 54, "maxp": 6, "hhea": 36, "loca": 2, "glyf": 0, "hmtx": 4} {
		if e, ok := t.tab[name]; !ok || e.size < least {
			return t, false
		}
	}
	t.longLoca = binary.BigEndian.Uint16(ttf[t.tab["head"].offset+50:]) != 0
	t.numGlyphs = int(binary.BigEndian.Uint16(ttf[t.tab["maxp"].offset+4:]))
	t.numHMtx = int(binary.BigEndian.Uint16(ttf[t.tab["hhea"].offset+34:]))
	return t, t.numHMtx > 0 && t.numHMtx <= t.numGlyphs
}

// glyph returns the offset and length of glyph g's outline in the font.
func (t sfntTables) glyph(ttf []byte, g int) (off, n int, ok bool) {
	if g < 0 || g >= t.numGlyphs {
		return 0, 0, false
	}
	loca, glyf := t.tab["loca"], t.tab["glyf"]
	at := func(i int) (int, bool) {
		if t.longLoca {
			if 4*i+4 > loca.size {
				return 0, false
			}
			return int(binary.BigEndian.Uint32(ttf[loca.offset+4*i:])), true
		}
		if 2*i+2 > loca.size {
			return 0, false
		}
		return 2 * int(binary.BigEndian.Uint16(ttf[loca.offset+2*i:])), true
	}
	a, ok1 := at(g)
	b, ok2 := at(g + 1)
	if !ok1 || !ok2 || b < a || b > glyf.size {
		return 0, 0, false
	}
	return glyf.offset + a, b - a, true
}

// metrics returns the offsets of glyph g's advance width and left side
// bearing in the hmtx table.
func (t sfntTables) metrics(g int) (adv, lsb int, ok bool) {
	h := t.tab["hmtx"]
	if g < t.numHMtx {
		adv, lsb = h.offset+4*g, h.offset+4*g+2
	} else {
		adv, lsb = h.offset+4*(t.numHMtx-1), h.offset+4*t.numHMtx+2*(g-t.numHMtx)
	}
	return adv, lsb, lsb+2 <= h.offset+h.size
}

// swapGlyph copies glyph from's outline and left side bearing over glyph
// to's in ttf, padding the slot with zeros. It fails, changing nothing,
// when the outline does not fit or the two advance widths differ.
func (t sfntTables) swapGlyph(ttf []byte, to, from int) bool {
	dst, dn, ok1 := t.glyph(ttf, to)
	src, sn, ok2 := t.glyph(ttf, from)
	da, dl, ok3 := t.metrics(to)
	sa, sl, ok4 := t.metrics(from)
	if !ok1 || !ok2 || !ok3 || !ok4 || sn == 0 || sn > dn ||
		binary.BigEndian.Uint16(ttf[da:]) != binary.BigEndian.Uint16(ttf[sa:]) {
		return false
	}
	copy(ttf[dst:dst+sn], ttf[src:src+sn])
	clear(ttf[dst+sn : dst+dn])
	copy(ttf[dl:dl+2], ttf[sl:sl+2])
	return true
}

// fixChecksums recomputes the checksums of the named tables and the
// whole-font adjustment in the head table.
func (t sfntTables) fixChecksums(ttf []byte, names ...string) {
	for _, name := range names {
		e := t.tab[name]
		binary.BigEndian.PutUint32(ttf[e.dir+4:], checksum(ttf[e.offset:e.offset+e.size]))
	}
	head := t.tab["head"].offset
	binary.BigEndian.PutUint32(ttf[head+8:], 0)
	binary.BigEndian.PutUint32(ttf[head+8:], 0xB1B0AFBA-checksum(ttf))
}

// checksum is the TrueType checksum: the sum of big-endian 32-bit words,
// the last one padded with zeros.
func checksum(b []byte) uint32 {
	var s uint32
	for len(b) >= 4 {
		s += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return s + binary.BigEndian.Uint32(last[:])
}
