package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/betweensessions/between/worksheet"

	"github.com/betweensessions/between/internal/safefs"
)

// CacheName is the file at the top of a built site that records what
// each file was made from, so that the next [Build] into the same folder
// renders only what changed. It is listed in the manifest, it is the same
// bytes for the same input like every other file, and deleting it is
// safe: the next build is then a full one.
const CacheName = ".between-cache.json"

// cacheFormat is the version of the cache file's layout; a cache of
// another format is ignored.
const cacheFormat = 2

// cacheFile is the content of CacheName.
type cacheFile struct {
	Format int `json:"format"`
	// Key is the hash of what every file depends on: the program's
	// version, the layouts, the locales and the options.
	Key string `json:"key"`
	// Handouts are the files of each template id, under <lang>/<id>/.
	Handouts map[string]*cacheEntry `json:"handouts"`
	// Index is the language chooser, the library pages and the assets.
	Index *cacheEntry `json:"index"`
	// Sum is the SHA-256 of the file's encoding with Sum empty. A cache
	// that was edited by hand (a card's topic, say) no longer matches it
	// and is ignored, so nothing reused can differ from a fresh build.
	Sum string `json:"sum,omitempty"`
}

// encode returns the cache's canonical encoding, with its Sum set.
func (c *cacheFile) encode() ([]byte, error) {
	c.Sum = ""
	body, err := c.marshal()
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(body)
	c.Sum = hex.EncodeToString(h[:])
	return c.marshal()
}

func (c *cacheFile) marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "\t")
	err := enc.Encode(c)
	return buf.Bytes(), err
}

// cacheEntry is a group of files made from the same inputs.
type cacheEntry struct {
	// Hash is the hash of the inputs: the template files of an id, or
	// for the index every id with its hash.
	Hash  string    `json:"hash"`
	Files []fileSum `json:"files"`
	// Cards are the id's library cards, by page language.
	Cards map[string]card `json:"cards,omitempty"`
}

// fileSum is a written file's size and CRC-32C, to check that a file of
// the previous site is still the one the builder wrote before reusing it.
type fileSum struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
	CRC  uint32 `json:"crc32c"`
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sumWriter counts and checksums what is written through it.
type sumWriter struct {
	w    io.Writer
	size int64
	crc  uint32
}

func (s *sumWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.size += int64(n)
	s.crc = crc32.Update(s.crc, castagnoli, p[:n])
	return n, err
}

// fingerprinter is what an [i18n.Locales] gives to be cached: a hash of the data
// its locales are made from. [*i18n.Catalog] has it.
type fingerprinter interface {
	Fingerprint() string
}

// hashFields writes length-prefixed fields, so that no two lists of
// fields hash alike.
func hashFields(h hash.Hash, fields ...string) {
	for _, f := range fields {
		_, _ = io.WriteString(h, strconv.Itoa(len(f)))
		_, _ = io.WriteString(h, ":")
		_, _ = io.WriteString(h, f)
	}
}

func sum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// embeddedHash is the hash of the page layouts and assets built into the
// program, the handout assets from package worksheet included.
var embeddedHash = func() string {
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(handoutAssets)) {
		hashFields(h, name, handoutAssets[name])
	}
	for _, fsys := range []fs.FS{layoutFS, assetsFS} {
		_ = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, name)
			hashFields(h, name, string(b))
			return err
		})
	}
	return sum(h)
}()

// cacheKey returns the hash of everything every output depends on, or ""
// when the build cannot be cached: Options.Version is empty, the locales
// give no fingerprint, a custom Parser is set, or a Download has no Version.
func (b *builder) cacheKey(fp string) string {
	if b.opts.Version == "" || fp == "" || b.opts.Parser != nil {
		return ""
	}
	h := sha256.New()
	hashFields(h, "between-site", strconv.Itoa(cacheFormat), b.opts.Version, embeddedHash, fp)
	for _, t := range b.langs {
		hashFields(h, "lang", t.String())
	}
	for _, v := range worksheet.Variants() {
		hashFields(h, "variant", v.String())
	}
	hashFields(h, "link", b.opts.LinkVariant.String(), "paper", string(b.opts.Paper))
	br := b.opts.Branding
	hashFields(h, "clinic", br.Clinic, br.Phone)
	if br.Logo != nil {
		hashFields(h, "logo", string(br.Logo.Data()))
	}
	for _, f := range b.opts.Downloads {
		if f.Version == "" {
			return ""
		}
		hashFields(h, "format", f.Ext, f.Version)
	}
	return sum(h)
}

// inputHash returns the hash of every file of template id, in every
// language: a page shown in another language depends on the file it
// falls back to, and a page's language links on which files exist.
func (b *builder) inputHash(id string) (string, error) {
	h := sha256.New()
	for _, f := range b.lib.Files(id) {
		src, err := b.lib.Read(f)
		if err != nil {
			return "", fmt.Errorf("site: %w", err)
		}
		hashFields(h, f.Lang.String(), f.Name, string(src))
	}
	return sum(h), nil
}

// indexHash is the hash the index group depends on: every id and its
// hash, in id order.
func (b *builder) indexHash() string {
	h := sha256.New()
	hashFields(h, "index")
	for _, id := range b.ids {
		hashFields(h, id, b.hashes[id])
	}
	return sum(h)
}

// maxCacheSize is the largest build cache read: far more than the cache
// of a library of 10,000 handouts.
const maxCacheSize = 256 << 20

// readCache reads the previous site's cache; nil if there is none, it is
// not listed in the manifest, or it does not parse.
func readCache(o *output) *cacheFile {
	if !o.prev[CacheName] {
		return nil
	}
	// Read only as a regular file, and not without bound: one that is
	// not, or is larger than any build writes, is no cache.
	data, err := safefs.ReadFile(filepath.Join(o.final, CacheName), maxCacheSize)
	if err != nil {
		return nil
	}
	var c cacheFile
	if json.Unmarshal(data, &c) != nil || c.Format != cacheFormat || c.Handouts == nil {
		return nil
	}
	want := c.Sum
	if _, err := c.encode(); err != nil || c.Sum != want {
		return nil
	}
	return &c
}

// planReuse decides what the build reuses from the previous site: an id whose
// inputs hash as before and whose files are still as written is clean, and
// so is the index when every id is. It sets b.hashes, b.clean and
// b.indexClean.
func (b *builder) planReuse(ctx context.Context, o *output) error {
	var fp string
	if f, ok := b.locs.(fingerprinter); ok {
		fp = f.Fingerprint()
	}
	b.key = b.cacheKey(fp)
	if b.key == "" {
		return nil
	}
	b.hashes = make(map[string]string, len(b.ids))
	var mu sync.Mutex
	err := b.parallel(ctx, len(b.ids), func(_ context.Context, i int) error {
		id := b.ids[i]
		h, err := b.inputHash(id)
		mu.Lock()
		b.hashes[id] = h
		mu.Unlock()
		return err
	})
	if err != nil {
		return err
	}
	prev := readCache(o)
	if b.opts.Full || prev == nil || prev.Key != b.key {
		return nil
	}
	type candidate struct {
		id string // "" for the index
		e  *cacheEntry
	}
	var cands []candidate
	for _, id := range b.ids {
		if e := prev.Handouts[id]; e != nil && e.Hash == b.hashes[id] && b.hasCards(id, e) {
			cands = append(cands, candidate{id, e})
		}
	}
	if prev.Index != nil && prev.Index.Hash == b.indexHash() {
		cands = append(cands, candidate{"", prev.Index})
	}
	ok := make([]bool, len(cands))
	_ = b.parallel(ctx, len(cands), func(_ context.Context, i int) error {
		ok[i] = o.intact(cands[i].e.Files)
		return nil
	})
	b.clean = map[string]*cacheEntry{}
	seen := map[string]bool{}
	for i, c := range cands {
		// A file listed twice or in the wrong group: only a tampered
		// cache has one, and reusing it could clash with a file rendered.
		stray := false
		for _, f := range c.e.Files {
			stray = stray || seen[f.Path] || b.groupOf(f.Path) != c.id
			seen[f.Path] = true
		}
		switch {
		case !ok[i] || stray:
		case c.id == "":
			b.indexClean = c.e
		default:
			b.clean[c.id] = c.e
		}
	}
	return nil
}

// groupOf returns the id a file of the site belongs to, or "" for the
// index: <lang>/<id>/<file> belongs to id.
func (b *builder) groupOf(p string) string {
	parts := strings.SplitN(p, "/", 3)
	if len(parts) != 3 || b.hashes[parts[1]] == "" {
		return ""
	}
	for _, t := range b.langs {
		if t.String() == parts[0] {
			return parts[1]
		}
	}
	return ""
}

// hasCards reports whether a cache entry has id's card for every page
// language, and no other.
func (b *builder) hasCards(id string, e *cacheEntry) bool {
	if len(e.Cards) != len(b.langs) {
		return false
	}
	for _, t := range b.langs {
		if c, ok := e.Cards[t.String()]; !ok || c.ID != id {
			return false
		}
	}
	return true
}

// upToDate reports whether the previous site is exactly what this build
// would write: every group is clean and the manifest lists the same files.
func (b *builder) upToDate(o *output) bool {
	if b.indexClean == nil || len(b.clean) != len(b.ids) {
		return false
	}
	n := 2 // the manifest and the cache
	for _, e := range b.clean {
		n += len(e.Files)
	}
	n += len(b.indexClean.Files)
	return n == len(o.prev)
}

// reused counts the files of the clean groups.
func (b *builder) reused() int {
	n := 0
	for _, e := range b.clean {
		n += len(e.Files)
	}
	if b.indexClean != nil {
		n += len(b.indexClean.Files)
	}
	return n
}

// intact reports whether every file is in the previous site, listed in
// its manifest, with the size and checksum it was written with.
func (o *output) intact(files []fileSum) bool {
	buf := make([]byte, 32<<10)
	for _, f := range files {
		// A path that is not plain (.., /, \) would reach outside the
		// site; only a tampered cache has one.
		if !o.prev[f.Path] || !fs.ValidPath(f.Path) || strings.Contains(f.Path, `\`) || f.Path == ManifestName || f.Path == CacheName {
			return false
		}
		fh, err := safefs.Open(filepath.Join(o.final, filepath.FromSlash(f.Path)))
		if err != nil {
			return false
		}
		fi, err := fh.Stat()
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.Size {
			fh.Close()
			return false
		}
		var crc uint32
		for {
			n, err := fh.Read(buf)
			crc = crc32.Update(crc, castagnoli, buf[:n])
			if err == io.EOF {
				break
			}
			if err != nil {
				fh.Close()
				return false
			}
		}
		fh.Close()
		if crc != f.CRC {
			return false
		}
	}
	return true
}

// writeCache writes CacheName into the new site, from the files written
// or reused so far and the cards.
func (b *builder) writeCache(o *output) error {
	c := cacheFile{Format: cacheFormat, Key: b.key, Handouts: map[string]*cacheEntry{}, Index: &cacheEntry{Hash: b.indexHash()}}
	for _, id := range b.ids {
		c.Handouts[id] = &cacheEntry{Hash: b.hashes[id], Cards: map[string]card{}}
	}
	for _, f := range o.written() {
		if id := b.groupOf(f.Path); id != "" {
			c.Handouts[id].Files = append(c.Handouts[id].Files, f)
		} else {
			c.Index.Files = append(c.Index.Files, f)
		}
	}
	for lang, cards := range b.cards {
		for _, cd := range cards {
			c.Handouts[cd.ID].Cards[lang] = cd
		}
	}
	data, err := c.encode()
	if err != nil {
		return errors.New("site: writing the build cache: " + err.Error())
	}
	return o.write(CacheName, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
