package audit

import (
	"bytes"
	"encoding/binary"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// pageDecoder chooses how to read a page as UTF-8 from its first bytes, as
// a browser does: a byte-order mark first (UTF-8, UTF-16LE, UTF-16BE), then
// a <meta charset> or <meta http-equiv="Content-Type"> within the first
// 1024 bytes (charset.DetermineEncoding). A page that declares nothing is
// read as UTF-8 when its first bytes are valid UTF-8 and as GB18030
// otherwise: the WHATWG default, windows-1252, fits no page a Chinese
// filing concerns. It returns nil when the page is UTF-8 already.
func pageDecoder(head []byte) func(io.Reader) io.Reader {
	if declaresUTF8(head) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return nil // the usual page, decided without the prescan's allocations
	}
	e, name, certain := charset.DetermineEncoding(head, "")
	if !certain && !declared(head) {
		if validPrefix(head) {
			return nil
		}
		e, name = simplifiedchinese.GB18030, "gb18030"
	}
	if name == "utf-8" || e == encoding.Nop || e == nil {
		return nil
	}
	return func(r io.Reader) io.Reader { return transform.NewReader(r, e.NewDecoder()) }
}

// declaresUTF8 reports whether the first charset= of head names UTF-8,
// or head names none and is valid UTF-8.
func declaresUTF8(head []byte) bool {
	i := indexFold(head, "charset")
	if i < 0 {
		return validPrefix(head)
	}
	v := head[i+7:]
	for len(v) > 0 && (v[0] == ' ' || v[0] == '=' || v[0] == '"' || v[0] == '\'') {
		v = v[1:]
	}
	return len(v) >= 5 && eqFold(v[:5], "utf-8") || len(v) >= 4 && eqFold(v[:4], "utf8")
}

// declared reports whether the head of a page names a character set.
func declared(head []byte) bool { return indexFold(head, "charset") >= 0 }

// indexFold returns the offset of the lower-case ASCII word w in b, in any
// case, or -1. It finds the candidates for w's first letter, in either
// case, with bytes.IndexByte: a head of 1024 bytes costs two quick scans
// rather than a compare at every byte.
func indexFold(b []byte, w string) int {
	best := -1
	for _, c := range [2]byte{w[0], w[0] &^ 0x20} {
		for i := 0; best < 0 || i < best; i++ {
			j := bytes.IndexByte(b[i:], c)
			if j < 0 {
				break
			}
			i += j
			if (best < 0 || i < best) && i+len(w) <= len(b) && eqFold(b[i:i+len(w)], w) {
				best = i
				break
			}
		}
	}
	return best
}

// validPrefix reports whether b is valid UTF-8 but for a rune cut at its
// end: whether b without at most its last utf8.UTFMax bytes is.
//
// It checks b up to a rune start q among its last 7 bytes once, and only
// the few bytes after q for each way of cutting b: as q starts a rune, b[:m]
// (m ≥ q) is valid exactly when b[:q] and b[q:m] are.
func validPrefix(b []byte) bool {
	q := len(b) - utf8.UTFMax
	for k := 0; q > 0 && k < utf8.UTFMax-1 && !utf8.RuneStart(b[q]); k++ {
		q--
	}
	if q > 0 && !utf8.RuneStart(b[q]) {
		q = 0 // not UTF-8 near the end: check it all, a cut at a time
	}
	q = max(q, 0)
	if !validUTF8(b[:q]) {
		return false
	}
	t := b[q:]
	for k := 0; k < utf8.UTFMax && len(t) > 0; k++ {
		if utf8.Valid(t) {
			return true
		}
		t = t[:len(t)-1]
	}
	return utf8.Valid(t)
}

// validUTF8 is utf8.Valid, quicker on a Chinese page's head: it takes
// ASCII eight bytes at a time and, two at a time, the three-byte
// characters whose lead is E1–EC or EE–EF, which any two continuation
// bytes complete (nearly all of Chinese). Other characters are decoded
// one at a time.
func validUTF8(b []byte) bool {
	const shape, want = 0xC0C0F0C0C0F0, 0x8080E08080E0 // two lead bytes 1110xxxx, each with two 10xxxxxx
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		switch {
		case x&msb == 0:
			b = b[8:]
		case x&shape == want && plainLead(byte(x)) && plainLead(byte(x>>24)):
			// Four at a time while the next two are alike too.
			for len(b) >= 20 {
				y := binary.LittleEndian.Uint64(b[6:])
				z := binary.LittleEndian.Uint64(b[12:])
				if y&shape != want || z&shape != want || !plainLead(byte(y)) || !plainLead(byte(y>>24)) ||
					!plainLead(byte(z)) || !plainLead(byte(z>>24)) {
					break
				}
				b = b[12:]
			}
			b = b[6:]
		default:
			r, n := utf8.DecodeRune(b)
			if r == utf8.RuneError && n == 1 {
				return false
			}
			b = b[n:]
		}
	}
	return utf8.Valid(b)
}

// plainLead reports whether the lead byte c (E0–EF) starts a valid
// character with any two continuation bytes: not E0 (overlong below
// A0) and not ED (surrogates from A0).
func plainLead(c byte) bool { return c&0x0F != 0 && c&0x0F != 0x0D }
