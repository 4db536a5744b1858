package audit

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// tagID reads the element name of a raw start or end tag, without the
// allocation of Tokenizer.TagName: the atom of a known element, or for an
// unknown (custom) element 0 and a hash of its lower-cased name.
func tagID(raw []byte) (uint64, atom.Atom) {
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	var buf [24]byte
	n := 0
	h := uint64(14695981039346656037) // FNV-1a
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '/' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if n < len(buf) {
			buf[n] = c
		}
		n++
		h = (h ^ uint64(c)) * 1099511628211
	}
	if n <= len(buf) {
		if a := atom.Lookup(buf[:n]); a != 0 {
			return uint64(a), a
		}
	}
	return h | 1<<63, 0
}

// attrs holds what the audit reads from a start tag's attributes.
type attrs struct {
	href   []byte // raw value (entities undecoded); nil when absent
	hidden string // "hidden", "display:none" or "visibility:hidden"
	open   bool
}

// readAttrs reads the attributes of a raw start tag as the HTML tokenizer
// does, without copying: only href, hidden, style and open are kept. Both
// the hidden attribute and a hiding style count; neither overrides the
// other.
func readAttrs(raw []byte) attrs {
	var a attrs
	i := 1
	for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
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
	return a
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

// appendVisible appends text as a browser shows it: without zero-width
// spaces, joiners and non-joiners (U+200B–U+200D), word joiners (U+2060),
// byte-order marks (U+FEFF) and soft hyphens (U+00AD).
func appendVisible(dst, t []byte) []byte {
	for {
		i := indexInvisible(t)
		if i < 0 {
			return append(dst, t...)
		}
		dst = append(dst, t[:i]...)
		_, n := utf8.DecodeRune(t[i:])
		t = t[i+n:]
	}
}

// indexInvisible returns the offset of the first invisible character in t,
// or -1.
func indexInvisible(t []byte) int {
	for i := 0; i+1 < len(t); i++ {
		switch t[i] {
		case 0xC2: // U+00AD
			if t[i+1] == 0xAD {
				return i
			}
		case 0xE2: // U+200B–U+200D, U+2060
			if i+2 < len(t) && (t[i+1] == 0x80 && t[i+2] >= 0x8B && t[i+2] <= 0x8D || t[i+1] == 0x81 && t[i+2] == 0xA0) {
				return i
			}
		case 0xEF: // U+FEFF
			if i+2 < len(t) && t[i+1] == 0xBB && t[i+2] == 0xBF {
				return i
			}
		}
	}
	return -1
}
