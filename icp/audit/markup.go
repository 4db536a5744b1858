package audit

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"golang.org/x/net/html/atom"
)

// Element flags.
const (
	flInline  = 1 << iota // continues the text around it (phrasing content)
	flVoid                // has no end tag
	flSpecial             // the walker treats its start tag apart: <br>, <wbr>, raw-text elements
)

// tagID reads the element name of a raw start or end tag, without the
// allocation of Tokenizer.TagName: a hash of the lower-cased name that end
// tags match by, the atom of the elements the audit treats specially (0 for
// others), and the element's flags. Inline elements continue the text
// around them, as phrasing content does in a browser: a number split by
// <span> or <b> is read whole; so do custom elements (a hyphen in the
// name), which are inline by default.
func tagID(raw []byte) (id uint64, tag atom.Atom, fl uint8, end int) {
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	if v, n := shortName(raw, i); n > 0 {
		fl = flInline * b2u8(hasByte(v, '-'))
		if e := &tagTable[(v*tagMul)>>55]; e.id == v {
			tag, fl = e.tag, e.fl
		}
		return v, tag, fl, i + n
	}
	// Names of up to 8 bytes are their own id, packed in a word; longer
	// ones are hashed (FNV-1a) with the top bit set.
	var v uint64
	n := 0
	hyphen := false
	for ; i < len(raw); i++ {
		c := raw[i]
		if c <= ' ' || c == '/' || c == '>' {
			if c == ' ' || c == '/' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
				break
			}
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		hyphen = hyphen || c == '-'
		if n < 8 {
			v |= uint64(c) << (8 * n)
		} else {
			if n == 8 {
				v = fnv(v)
			}
			v = (v ^ uint64(c)) * 1099511628211
		}
		n++
	}
	if n > 8 {
		return v | 1<<63, 0, flInline * b2u8(hyphen), i
	}
	if e := &tagTable[(v*tagMul)>>55]; e.id == v {
		return v, e.tag, e.fl, i
	}
	return v, 0, flInline * b2u8(hyphen), i
}

// openEl is an open element on the walker's stack: its name's id and
// what tagID found for it, and for a name of up to 8 ASCII bytes its
// length and the mask of its bytes in a word, so that its usual end tag is
// recognised by one compare (closedBy).
type openEl struct {
	id   uint64
	mask uint64 // 0 when the id is a hash or not ASCII
	tag  atom.Atom
	fl   uint8
	k    uint8 // the name's length, when mask is not 0
	ends bool  // a sibling's start tag may end it: p, li, dt, dd, tr, td, th, option
}

func newOpenEl(id uint64, tag atom.Atom, fl uint8) openEl {
	e := openEl{id: id, tag: tag, fl: fl}
	if id != 0 && id&msb == 0 {
		// A name's trailing NULs do not count, but they do not change
		// its id either.
		e.k = uint8((bits.Len64(id) + 7) / 8)
		e.mask = 1<<(8*uint(e.k)) - 1
	}
	switch id {
	case idP, idLi, idDt, idDd, idTr, idTd, idTh, idOption:
		e.ends = true
	}
	return e
}

// closedBy reports whether raw is e's usual end tag: "</", e's name as its
// id (lower case), then '>' — for which tagID would return e.id with no
// attribute and no newline. Other end tags give false and are read by
// tagID. The word after "</" may be read past len(raw), within its
// capacity; the mask drops the bytes after the name.
func (e *openEl) closedBy(raw []byte) bool {
	k := int(e.k)
	return e.mask != 0 && k+2 < len(raw) && raw[k+2] == '>' && 10 <= cap(raw) &&
		binary.LittleEndian.Uint64(raw[2:10])&e.mask == e.id
}

// Bytes of a word, for reading eight bytes at once.
const (
	lsb = 0x0101010101010101 // the low bit of each byte
	msb = 0x8080808080808080 // the high bit of each byte
)

// shortName reads the name starting at raw[i] as tagID does, eight bytes
// at once, when it is ASCII and shorter than 8 bytes: it returns the name
// lower-cased and packed in a word, and its length. It returns n == 0 for
// other names, which tagID reads a byte at a time. The word may be read
// past len(raw), within its capacity: the bytes after the name are masked
// off, and the name's end must lie within raw.
func shortName(raw []byte, i int) (v uint64, n int) {
	if i+8 > cap(raw) {
		return 0, 0
	}
	w := binary.LittleEndian.Uint64(raw[i : i+8])
	// Flag the bytes that may end the name: those up to ' ', '/' and '>'.
	// A flag may be false only above a true one, so the lowest is exact.
	m := (w-0x21*lsb)&^w&msb | zeroBytes(w^'/'*lsb) | zeroBytes(w^'>'*lsb)
	n = bits.TrailingZeros64(m) >> 3
	if n == 0 || n == 8 || i+n >= len(raw) {
		return 0, 0
	}
	switch raw[i+n] {
	case ' ', '\t', '\n', '\r', '\f', '/', '>':
	default:
		return 0, 0 // a control character, part of the name
	}
	v = w & (1<<(8*n) - 1)
	if v&msb != 0 {
		return 0, 0
	}
	// Lower-case A–Z: the sums cannot carry out of a byte of ASCII.
	upper := (v + (0x80-'A')*lsb) &^ (v + (0x80-'Z'-1)*lsb) & msb
	return v | upper>>2, n
}

// zeroBytes flags the high bit of the zero bytes of w; a flag may be
// false only above a true one.
func zeroBytes(w uint64) uint64 { return (w - lsb) &^ w & msb }

// hasByte reports whether w holds the byte c.
func hasByte(w uint64, c byte) bool { return zeroBytes(w^uint64(c)*lsb) != 0 }

// fnv starts an FNV-1a hash from the 8 bytes packed in v.
func fnv(v uint64) uint64 {
	h := uint64(14695981039346656037)
	for k := 0; k < 8; k++ {
		h = (h ^ (v >> (8 * k) & 0xFF)) * 1099511628211
	}
	return h
}

// packName is the id of a name of up to 8 bytes.
func packName(s string) uint64 {
	var v uint64
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	return v
}

// tagEntry is what the audit knows of an element name.
type tagEntry struct {
	id  uint64
	tag atom.Atom // 0 for elements without special handling
	fl  uint8
}

// tagTable finds the known elements (all of at most 8 bytes) by a
// multiplicative hash of their id, one probe per tag.
var tagTable, tagMul = func() ([512]tagEntry, uint64) {
	var es []tagEntry
	add := func(tag atom.Atom, fl uint8, names ...string) {
		for _, n := range names {
			es = append(es, tagEntry{id: packName(n), tag: tag, fl: fl})
		}
	}
	add(atom.A, flInline, "a")
	add(0, flInline, "span", "b", "i", "em", "strong", "small", "font", "u", "s", "sup", "sub", "label", "code",
		"abbr", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "ins", "kbd", "mark", "nobr", "q",
		"samp", "strike", "time", "tt", "var", "svg", "picture", "path", "use", "g")
	add(0, flInline|flVoid, "img")
	add(atom.Br, flVoid|flSpecial, "br")
	add(atom.Wbr, flInline|flVoid|flSpecial, "wbr")
	add(atom.Base, flVoid, "base")
	add(0, flVoid, "area", "col", "embed", "hr", "input", "link", "meta", "source", "track", "param", "keygen")
	for _, a := range []atom.Atom{atom.Script, atom.Style, atom.Title, atom.Textarea, atom.Iframe, atom.Noscript,
		atom.Noembed, atom.Noframes} {
		add(a, flSpecial, a.String())
	}
	for _, a := range []atom.Atom{atom.Template, atom.Details, atom.Summary} {
		add(a, 0, a.String())
	}
	// The multiplier was found by trying an LCG's outputs until no two
	// known names shared a slot; a new name that collides panics here,
	// which any test catches.
	const mul = 0x20f14e1870bc2141
	var t [512]tagEntry
	for _, e := range es {
		slot := &t[(e.id*mul)>>55]
		if slot.id != 0 {
			panic("audit: tag table collision")
		}
		*slot = e
	}
	return t, mul
}()

func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// startInfo is what the walker needs of a start tag: the element it opens
// (see tagID), its attributes and its newlines.
type startInfo struct {
	el  openEl
	at  attrs
	nls int
}

// tagCache remembers what tagID and readAttrs made of the last start tags,
// by their bytes: pages repeat the same tags (<li>, <div class="item">)
// over and over. Each slot holds one tag of up to 64 bytes, chosen by its
// length and first letter.
type tagCache struct {
	slots [8]struct {
		raw  [64]byte
		n    int // the tag's length; 0 when the slot is empty
		info startInfo
	}
	long startInfo // a tag too long for a slot
}

// read reads the start tag raw as tagID and readAttrs do. The result's
// attributes hold the same bytes as raw, but may point into the cache's
// copy of it; it is valid until the next read.
func (c *tagCache) read(raw []byte) *startInfo {
	k := len(raw)
	if len(raw) > 1 {
		k ^= int(raw[1]) << 1
	}
	e := &c.slots[uint(k)%uint(len(c.slots))]
	if e.n == len(raw) && sameTag(&e.raw, raw) {
		return &e.info
	}
	id, tag, fl, end := tagID(raw)
	info, src := &c.long, raw
	if len(raw) <= len(e.raw) {
		e.n = copy(e.raw[:], raw)
		info, src = &e.info, e.raw[:e.n]
	}
	info.nls = readAttrs(&info.at, src, end)
	info.el = newOpenEl(id, tag, fl)
	return info
}

// sameTag reports whether raw, of at most 64 bytes, is the start of b:
// bytes.Equal without its call, a word at a time (the last word
// overlapping the one before), as start tags are short.
func sameTag(b *[64]byte, raw []byte) bool {
	n := len(raw)
	if n < 8 {
		for i, c := range raw {
			if b[i] != c {
				return false
			}
		}
		return true
	}
	for i := 0; i+8 < n; i += 8 {
		if binary.LittleEndian.Uint64(b[i:]) != binary.LittleEndian.Uint64(raw[i:]) {
			return false
		}
	}
	return binary.LittleEndian.Uint64(b[n-8:]) == binary.LittleEndian.Uint64(raw[n-8:])
}

// attrs holds what the audit reads from a start tag's attributes.
type attrs struct {
	href   []byte // raw value (entities undecoded); nil when absent
	hidden string // "hidden", "display:none" or "visibility:hidden"
	open   bool
}

// readAttrs reads the attributes of a raw start tag, from the end of its
// name, as the HTML tokenizer does, without copying: only href, hidden,
// style and open are kept. Both the hidden attribute and a hiding style
// count; neither overrides the other. It also returns the tag's newlines.
func readAttrs(a *attrs, raw []byte, i int) int {
	*a = attrs{}
	if i+1 >= len(raw) {
		return 0 // <p>: no attributes, no newline
	}
	may, nls := mayHaveAttr(raw, i)
	if !may {
		return nls
	}
	for i < len(raw) {
		// Skip white space and stray slashes before a name.
		for i < len(raw) && (isTagSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		ns := i
		i++ // a name may start with '='
		for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' && raw[i] != '=' {
			i++
		}
		name := raw[ns:i]
		for i < len(raw) && isTagSpace(raw[i]) {
			i++
		}
		var val []byte
		hasVal := false
		if i < len(raw) && raw[i] == '=' {
			hasVal = true
			i++
			for i < len(raw) && isTagSpace(raw[i]) {
				i++
			}
			if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
				q := raw[i]
				j := bytes.IndexByte(raw[i+1:], q)
				if j < 0 {
					val, i = raw[i+1:], len(raw)
				} else {
					val, i = raw[i+1:i+1+j], i+2+j
				}
			} else {
				vs := i
				for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '>' {
					i++
				}
				val = raw[vs:i]
			}
		}
		switch len(name) {
		case 4:
			if eqFold(name, "href") {
				if a.href == nil {
					a.href = val
					if a.href == nil {
						a.href = []byte{}
					}
				}
			} else if eqFold(name, "open") {
				a.open = true
			}
		case 5:
			if hasVal && a.hidden == "" && eqFold(name, "style") {
				a.hidden = hiddenStyle(val)
			}
		case 6:
			if eqFold(name, "hidden") {
				a.hidden = "hidden"
			}
		}
	}
	return nls
}

// mayHaveAttr is readAttrs' quick test: an attribute it keeps starts after
// white space with hr, hi, st or op in any case. A false positive only
// costs the full read. It counts the tag's newlines in the same pass.
//
// It looks for white space eight bytes at a time, reading words past
// len(raw) within its capacity and ignoring their bytes past the end.
func mayHaveAttr(raw []byte, from int) (may bool, nls int) {
	for i := from; i < len(raw); i += 8 {
		if i+8 > cap(raw) {
			for ; i < len(raw); i++ {
				if raw[i] <= ' ' {
					may, nls = mayStartAttr(raw, i, may, nls)
				}
			}
			break
		}
		w := binary.LittleEndian.Uint64(raw[i : i+8])
		m := ^(w&^msb + (0x7F-' ')*lsb | w) & msb // the bytes up to ' '
		if k := len(raw) - i; k < 8 {
			m &= 1<<(8*k) - 1
		}
		for ; m != 0; m &= m - 1 {
			may, nls = mayStartAttr(raw, i+bits.TrailingZeros64(m)>>3, may, nls)
		}
	}
	return may, nls
}

// mayStartAttr is mayHaveAttr's test of the byte raw[i], at most ' '.
func mayStartAttr(raw []byte, i int, may bool, nls int) (bool, int) {
	if !isTagSpace(raw[i]) {
		return may, nls
	}
	if raw[i] == '\n' {
		nls++
	}
	if i+2 >= len(raw) {
		return may, nls
	}
	switch c1, c2 := raw[i+1]|0x20, raw[i+2]|0x20; c1 {
	case 'h':
		may = may || c2 == 'r' || c2 == 'i'
	case 's':
		may = may || c2 == 't'
	case 'o':
		may = may || c2 == 'p'
	}
	return may, nls
}

func isTagSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// eqFold reports whether b is the lower-case ASCII word w, in any case.
func eqFold(b []byte, w string) bool {
	if len(b) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if b[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// hiddenStyle reports display:none or visibility:hidden in a style
// attribute of any length, ignoring case and white space, in one pass
// without allocating. Each pattern's first letter occurs once in it, so a
// mismatch restarts the match at the current byte.
func hiddenStyle(v []byte) string {
	const dn, vh = "display:none", "visibility:hidden"
	i, j := 0, 0
	for _, c := range v {
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
			continue
		}
		c |= 0x20 // lower-case letters; ':' is unchanged
		if c == dn[i] {
			i++
			if i == len(dn) {
				return "display:none"
			}
		} else if c == dn[0] {
			i = 1
		} else {
			i = 0
		}
		if c == vh[j] {
			j++
			if j == len(vh) {
				return "visibility:hidden"
			}
		} else if c == vh[0] {
			j = 1
		} else {
			j = 0
		}
	}
	return ""
}

// Byte classes of ASCII text, looked up once per byte.
const (
	classAnchor  = 1 << iota // I i A B b: may start a number's anchor (ICP, IPC, A1/B2)
	classDecode              // & (an entity), CR, NUL: the tokenizer's Text must decode
	classNewline             // \n, counted for line numbers
)

var byteClass = func() (c [256]uint8) {
	for _, b := range []byte("IiABb") {
		c[b] |= classAnchor
	}
	for _, b := range []byte("&\r\x00") {
		c[b] |= classDecode
	}
	c['\n'] |= classNewline
	return c
}()

// The three-byte characters the text scan looks for, a bit each: those
// that may start a number's anchor (公 of 公网安备, and the full-width Ａ Ｂ
// Ｉ ｂ ｉ) and the invisible ones (U+200B–U+200D, U+2060, U+FEFF).
const (
	wideAnchor    = 1<<6 - 1                  // the first 6 of wideChars
	wideInvisible = (1<<11 - 1) &^ wideAnchor // the other 5
)

var wideChars = [...]string{"公", "Ａ", "Ｂ", "Ｉ", "ｂ", "ｉ", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"}

// wideKeys and wideBits form a perfect hash of wideChars: a character c,
// its three bytes read as a little-endian number, is one of them exactly
// when wideKeys[h] == c, h being the top 6 bits of c×wideMul (mod 2³²),
// and its bit is then wideBits[h]. One multiplication and one load tell
// any character, and in ordinary text the compare is never true, so the
// branch on it is always predicted. wideMul is the first odd multiplier
// from 0x9E3779B1 that gives the 11 characters 11 slots.
var wideKeys, wideBits, wideMul = func() (keys [64]uint32, bits [64]uint16, mul uint32) {
	for mul = 0x9E3779B1; ; mul += 2 {
		keys, bits = [64]uint32{}, [64]uint16{}
		ok := true
		for i, c := range wideChars {
			k := uint32(c[0]) | uint32(c[1])<<8 | uint32(c[2])<<16
			h := (k * mul) >> 26
			if keys[h] != 0 {
				ok = false
				break
			}
			keys[h], bits[h] = k, 1<<i
		}
		if ok {
			return keys, bits, mul
		}
	}
}()

// wide returns the bit of the three-byte character c (see wideChars), its
// bytes read as a little-endian number, or 0.
func wide(c uint32) uint16 {
	h := (c * wideMul) >> 26
	if wideKeys[h] != c {
		return 0
	}
	return wideBits[h]
}

// wide3 is wide of the character b0 b1 b2.
func wide3(b0, b1, b2 byte) uint16 { return wide(uint32(b0) | uint32(b1)<<8 | uint32(b2)<<16) }

// appendVisible appends text as a browser shows it: without zero-width
// spaces, joiners and non-joiners (U+200B–U+200D), word joiners (U+2060),
// byte-order marks (U+FEFF) and soft hyphens (U+00AD). It reports whether
// the text holds a byte that may start a number, in the same pass.
func appendVisible(dst, t []byte) ([]byte, bool) {
	dst, a, _, _ := appendText(dst, t, false)
	return dst, a
}

// appendText is appendVisible, except that with raw it reports
// needDecode, leaving dst unchanged, when t holds a byte that needs
// decoding. It also counts the newlines of t.
//
// Text without invisible characters, nearly all, is copied whole once it
// is classified: by a vector classifier where the processor has one and t
// is long enough to repay it, by classifyText otherwise.
func appendText(dst, t []byte, raw bool) (out []byte, anchors bool, nls int, needDecode bool) {
	var invisible, decode bool
	switch {
	case hasAVX512 && len(t) >= avx512Min:
		anchors, invisible, decode, nls = classifyAVX512(t)
	case hasAVX2 && len(t) >= avx2Min:
		anchors, invisible, decode, nls = classifyAVX2(t)
	default:
		anchors, invisible, decode, nls = classifyText(t)
	}
	if raw && decode {
		return dst, false, 0, true
	}
	if invisible {
		return appendStripped(dst, t), anchors, nls, false
	}
	return append(dst, t...), anchors, nls, false
}

// The shortest texts the vector classifiers take: below them, setting up
// the vector registers costs more than the character loop. classifyAVX2
// also needs one whole block of 32 positions and the two bytes after it.
const (
	avx512Min = 6
	avx2Min   = 34
)

// classifyText reports whether t holds a character that may start a
// number (see byteClass and wideChars), an invisible one, a byte the
// tokenizer must decode, and how many newlines.
//
// One pass classifies t: ASCII bytes by byteClass, runs of three-byte
// characters (all of Chinese) by wideRun.
func classifyText(t []byte) (anchors, invisible, decode bool, nls int) {
	var ascii uint8
	var w uint16
	soft := false
	for i := 0; i < len(t); {
		switch b := t[i]; {
		case b < 0x80:
			ascii |= byteClass[b]
			i++
		case b >= 0xE0 && b < 0xF0 && i+2 < len(t) && t[i+1]&t[i+2] >= 0x80:
			// A three-byte character is looked at once; its other bytes
			// are not ASCII, so no byte of a class is skipped even in
			// malformed text. Those that follow it are read in one go.
			ww, n := wideRun(t[i:])
			w |= ww
			i += n
		case b == 0xC2 && i+1 < len(t) && t[i+1] == 0xAD: // soft hyphen
			soft = true
			i += 2
		default:
			i++
		}
	}
	if ascii&classNewline != 0 {
		nls = bytes.Count(t, nl)
	}
	return ascii&classAnchor != 0 || w&wideAnchor != 0, soft || w&wideInvisible != 0, ascii&classDecode != 0, nls
}

// wideRun reads the three-byte characters at the start of t, the first
// of which it takes as given, and returns their bits (see wide) and
// length. It reads two overlapping words at a time while it can, so that
// two compares tell the next four characters (a lead byte 0xE0–0xEF, then
// two with the high bit set, each); then one word, and the last characters
// one at a time.
func wideRun(t []byte) (w uint16, n int) {
	const shape, want = 0x8080F08080F0, 0x8080E08080E0 // two characters in a word
	const char = 1<<24 - 1
	w, n = wide3(t[0], t[1], t[2]), 3
	s := t[3:]
	for len(s) >= 14 {
		x, y := binary.LittleEndian.Uint64(s), binary.LittleEndian.Uint64(s[6:])
		if x&shape != want || y&shape != want {
			break
		}
		w |= wide(uint32(x)&char) | wide(uint32(x>>24)&char) | wide(uint32(y)&char) | wide(uint32(y>>24)&char)
		s = s[12:]
		n += 12
	}
	for len(s) >= 8 {
		x := binary.LittleEndian.Uint64(s)
		if x&shape != want {
			break
		}
		w |= wide(uint32(x)&char) | wide(uint32(x>>24)&char)
		s = s[6:]
		n += 6
	}
	for len(s) >= 3 && s[0]&0xF0 == 0xE0 && s[1]&s[2] >= 0x80 {
		w |= wide3(s[0], s[1], s[2])
		s = s[3:]
		n += 3
	}
	return w, n
}

// appendStripped appends t without its invisible characters, stepping
// through it as appendText does.
func appendStripped(dst, t []byte) []byte {
	start := 0
	for i := 0; i < len(t); {
		n := 1
		switch b := t[i]; {
		case b >= 0xE0 && b < 0xF0 && i+2 < len(t) && t[i+1]&t[i+2] >= 0x80:
			n = 3
			if wide3(b, t[i+1], t[i+2])&wideInvisible != 0 {
				dst = append(dst, t[start:i]...)
				start = i + 3
			}
		case b == 0xC2 && i+1 < len(t) && t[i+1] == 0xAD:
			n = 2
			dst = append(dst, t[start:i]...)
			start = i + 2
		}
		i += n
	}
	return append(dst, t[start:]...)
}
