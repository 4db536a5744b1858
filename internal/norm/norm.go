// Package norm folds pasted identifier input into a canonical ASCII-and-Han
// form without allocating: full-width digits and letters become ASCII,
// Unicode dashes become '-', and Unicode spaces become ' '.
//
// It is internal: each public parser decides which of these folds it applies
// and documents them.
package norm

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// IsASCII reports whether s holds only ASCII bytes.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Dash reports whether r is a dash that people paste in place of '-'.
func Dash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015',
		'\u2212', '\uFE58', '\uFE63', '\uFF0D', '\u30FC':
		return true
	}
	return false
}

// Space reports whether r is a space character, ASCII or Unicode.
func Space(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00A0', '\u3000', '\u2000',
		'\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
		'\u2008', '\u2009', '\u200A', '\u200B', '\u202F', '\u205F', '\uFEFF':
		return true
	}
	return false
}

// Rune folds one rune: full-width forms to their narrow form (via
// golang.org/x/text/width), dashes to '-', spaces to ' '. Other runes are
// returned unchanged.
func Rune(r rune) rune {
	if r < utf8.RuneSelf {
		if r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			return ' '
		}
		return r
	}
	if Space(r) {
		return ' '
	}
	if Dash(r) {
		return '-'
	}
	if r >= 0xFF01 && r <= 0xFF5E {
		if n := width.LookupRune(r).Narrow(); n != 0 {
			return n
		}
	}
	return r
}

// Append appends the folded form of s to dst. With dropSpace, spaces are
// removed; with upper, ASCII letters are upper-cased. Invalid UTF-8 bytes are
// kept as U+FFFD so that callers reject them.
func Append(dst []byte, s string, dropSpace, upper bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				if !dropSpace {
					dst = append(dst, ' ')
				}
				continue
			case upper && 'a' <= c && c <= 'z':
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = Rune(r)
		if r == ' ' && dropSpace {
			continue
		}
		if r < utf8.RuneSelf {
			c := byte(r)
			if upper && 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// Lower returns c lower-cased if it is an ASCII letter.
func Lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Digits reports whether s is non-empty and all ASCII digits.
func Digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// TrimSpace trims ASCII and Unicode spaces from both ends of s.
func TrimSpace(s string) string {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !Space(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !Space(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// Clip shortens s to at most n bytes on a rune boundary, marking the cut
// with "…", for input quoted in errors.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// MaskPersonalNumbers returns s with every run of ASCII digits that looks
// like a personal number replaced by '*' in its middle, so that free text
// (an opener's error, a value typed into the wrong field) can be shown to
// people. A run is delimited by any non-digit byte, and it is masked when it
// is:
//
//   - 18 digits, or 17 digits and an X or x: a resident ID number
//     (3301**********1238);
//   - any other run of 15 digits or more: a first-generation resident ID
//     (15 digits), 0086 and a mobile number, an ID with a digit glued to it,
//     a bank card number (3301*******1238: 4 digits kept at each end);
//   - 11 digits starting with 1: a mainland mobile number, also after "+86"
//     or "86-" (139****5678);
//   - 13 digits starting with 861: 86 and a mobile number written without
//     the plus (86139****5678).
//
// Checksums are not verified: a run of that shape is masked whether or not
// it is a valid number. Runs of up to 14 digits of other shapes
// (timestamps, order numbers), numbers split by spaces or dashes
// (139 1234 5678) and full-width digits are left as they are.
//
// The result has the same length in bytes as s. MaskPersonalNumbers takes
// time linear in len(s) and does not allocate when nothing is masked (it
// then returns s itself).
func MaskPersonalNumbers(s string) string {
	start, end, head, tail := nextPersonalNumber(s, 0)
	if start < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for start >= 0 {
		b.WriteString(s[last : start+head])
		for range end - start - head - tail {
			b.WriteByte('*')
		}
		last = end - tail
		start, end, head, tail = nextPersonalNumber(s, end)
	}
	b.WriteString(s[last:])
	return b.String()
}

// nextPersonalNumber finds the first run at or after from that
// [MaskPersonalNumbers] masks. It returns its bounds and how many characters
// to keep at each end, or start -1.
func nextPersonalNumber(s string, from int) (start, end, head, tail int) {
	for i := from; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		switch n := j - i; {
		case n == 17 && j < len(s) && (s[j] == 'X' || s[j] == 'x'):
			return i, j + 1, 4, 4
		case n >= 15:
			return i, j, 4, 4
		case n == 11 && s[i] == '1':
			return i, j, 3, 4
		case n == 13 && s[i] == '8' && s[i+1] == '6' && s[i+2] == '1':
			return i, j, 5, 4
		}
		i = j
	}
	return -1, -1, 0, 0
}
