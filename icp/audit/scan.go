package audit

import (
	"errors"
	"unicode/utf8"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/norm"
)

// candKind is what a stretch of number-like text would be.
type candKind uint8

const (
	candICP     candKind = iota + 1 // …ICP备…, …ICP证…
	candPolice                      // …公网安备…
	candLicence                     // …B2-…
)

// candidate is one stretch of number-like text found by scanText.
type candidate struct {
	kind        candKind
	placeholder bool // x, X or * in place of digits, or a pending word
	noAbbr      bool // no Han character before the kind
	digits      int  // digits in the serial
}

// junkKind says why number-like text is not a valid number.
type junkKind uint8

const (
	junkNone        junkKind = iota
	junkPlaceholder          // 京ICP备XXXXXXXX号, 待备案
	junkUnofficial           // 萌ICP备20257012号: not a province
	junkOutdated             // 京公网安备110105001242号: the old 12–13 digit format
	junkUnreadable           // any other spelling that does not parse
)

// errNoAbbr is the reason given for a number without its province.
var errNoAbbr = errors.New("no province abbreviation")

// pendingWords stand where a number will go once filed.
var pendingWords = []string{"待备案", "审核中", "申请中", "请在此输入", "请填写", "待审核", "待填写", "请输入"}

// scanText finds the stretches of number-like text in a run of visible
// text and calls emit for each, in order, until emit returns false. It is
// linear in len(t): every anchor (ICP, IPC, 公网安备, B2-) is looked at once,
// and the text read around it is bounded, so "ICPICPICP…" costs no more
// than any other text.
//
// After the serial only 号, a service index -N with an optional A, X or K,
// and the spaces between them belong to the number: "…号 Copyright",
// "…号-1 Powered by" and "…号-1 备案查询" end where the number ends.
func scanText(t []byte, emit func(start, end int, c candidate) bool) {
	for i := 0; i < len(t); {
		for i < len(t) && (byteClass[t[i]]&classAnchor == 0 || !anchorAt(t, i)) {
			i++
		}
		if i == len(t) {
			return
		}
		c := t[i]
		var r rune
		n := 1
		switch {
		case c == 'I' || c == 'i' || c == 'A' || c == 'B' || c == 'b':
			r = rune(c &^ 0x20)
		case c == 0xE5 && i+2 < len(t) && t[i+1] == 0x85 && t[i+2] == 0xAC: // 公
			r, n = '公', 3
		case c == 0xEF && i+2 < len(t) && (t[i+1] == 0xBC || t[i+1] == 0xBD): // full width
			r, n = foldAt(t, i)
		default:
			i++
			continue
		}
		var (
			cd       candidate
			end      int
			ok       bool
			resumeAt = i + n
		)
		switch r {
		case 'I':
			if n == 1 && i+2 < len(t) && t[i+1] < utf8.RuneSelf && t[i+2] < utf8.RuneSelf {
				// ASCII all through: the common case, decided without decoding.
				c1, c2 := t[i+1]|0x20, t[i+2]|0x20
				if !(c1 == 'c' && c2 == 'p' || c1 == 'p' && c2 == 'c') {
					break
				}
			}
			r2, n2 := foldAt(t, i+n)
			r3, n3 := foldAt(t, i+n+n2)
			if !(r2 == 'C' && r3 == 'P' || r2 == 'P' && r3 == 'C') {
				break
			}
			cd.kind = candICP
			end, ok, cd = forwardICP(t, i+n+n2+n3, cd)
			resumeAt = max(resumeAt, end)
		case '公':
			if !hasFolded(t, i+n, "网安备") {
				break
			}
			cd.kind = candPolice
			end, ok, cd = forwardPolice(t, i+n+3*3, cd)
			resumeAt = max(resumeAt, end)
		case 'A', 'B':
			if d, _ := foldAt(t, i+n); d < '1' || d > '9' {
				break
			}
			if p, _ := foldLastAt(t, i); p == '.' || p >= 'A' && p <= 'Z' || p >= '0' && p <= '9' {
				break // inside a word or a class list already read
			}
			cd.kind = candLicence
			end, ok, cd = forwardLicence(t, i, cd)
			resumeAt = max(resumeAt, end)
		}
		if ok {
			start, hasAbbr := abbrStart(t, i, cd.kind)
			cd.noAbbr = !hasAbbr
			if !emit(start, end, cd) {
				return
			}
		}
		i = resumeAt
	}
}

// foldAt decodes the rune at t[i] and folds it the way numbers are read:
// full width to narrow, Unicode dashes to '-', Unicode spaces to ' ',
// lower-case ASCII letters to upper case, and the traditional forms of the
// characters of a number (備 號 證 網) to the simplified ones. It returns
// (0, 0) at the end of t and utf8.RuneError with width 1 on invalid bytes.
func foldAt(t []byte, i int) (rune, int) {
	if i >= len(t) {
		return 0, 0
	}
	c := t[i]
	if c < utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z':
			return rune(c - 'a' + 'A'), 1
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			return ' ', 1
		}
		return rune(c), 1
	}
	r, n := utf8.DecodeRune(t[i:])
	return foldRune(r), n
}

func foldRune(r rune) rune {
	r = norm.Rune(r)
	switch {
	case 'a' <= r && r <= 'z':
		return r - 'a' + 'A'
	case r == '備':
		return '备'
	case r == '號':
		return '号'
	case r == '證':
		return '证'
	case r == '網':
		return '网'
	case r == '【' || r == '〔':
		return '['
	case r == '】' || r == '〕':
		return ']'
	}
	return r
}

// foldLastAt folds the rune that ends just before t[i].
func foldLastAt(t []byte, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	r, n := utf8.DecodeLastRune(t[:i])
	return foldRune(r), n
}

// hasFolded reports whether the runes of s, folded, start at t[i].
func hasFolded(t []byte, i int, s string) bool {
	for _, want := range s {
		r, n := foldAt(t, i)
		if n == 0 || r != want {
			return false
		}
		i += n
	}
	return true
}

func skipSpaces(t []byte, i int) int {
	for {
		r, n := foldAt(t, i)
		if n == 0 || r != ' ' {
			return i
		}
		i += n
	}
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF
}

// abbrStart returns where the number starting with its kind at i begins:
// at the Han character before it (spaces between allowed), or at 合字 for
// the licences MIIT issues to foreign-invested companies. It reports false
// when no Han character precedes.
func abbrStart(t []byte, i int, k candKind) (int, bool) {
	j := i
	for {
		r, n := foldLastAt(t, j)
		if n == 0 || r != ' ' {
			break
		}
		j -= n
	}
	r, n := foldLastAt(t, j)
	if n == 0 || !isHan(r) {
		return i, false
	}
	j -= n
	if r == '字' {
		if r2, n2 := foldLastAt(t, j); r2 == '合' {
			j -= n2
		}
	}
	return j, true
}

// serial reads a run of digits, x or * placeholders, with single spaces
// between groups of digits, from t[i]. It returns its end, the digits and
// whether placeholders were seen.
func serial(t []byte, i int) (end, digits int, ph bool) {
	end = i
	for p := i; ; {
		r, n := foldAt(t, p)
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == 'X' || r == '*' || r == '＊':
			ph = true
		case r == ' ' && end > i:
			q := skipSpaces(t, p)
			if d, _ := foldAt(t, q); d >= '0' && d <= '9' && q-p <= 3 {
				p = q
				continue
			}
			return end, digits, ph
		default:
			return end, digits, ph
		}
		p += n
		end = p
	}
}

// pendingAt reports the length of a pending word at t[i], or 0.
func pendingAt(t []byte, i int) int {
	for _, w := range pendingWords {
		if len(t)-i >= len(w) && string(t[i:i+len(w)]) == w {
			return len(w)
		}
	}
	return 0
}

// forwardICP reads from just after ICP (or IPC): 备 or 证, maybe in
// brackets, maybe a colon, the serial, 号, and a service index.
func forwardICP(t []byte, p int, cd candidate) (int, bool, candidate) {
	p = skipSpaces(t, p)
	r, n := foldAt(t, p)
	bracket := r == '(' || r == '['
	if bracket {
		p = skipSpaces(t, p+n)
		r, n = foldAt(t, p)
	}
	if r != '备' && r != '证' {
		return p, false, cd
	}
	p += n
	if bracket {
		q := skipSpaces(t, p)
		if r, n := foldAt(t, q); r == ')' || r == ']' {
			p = q + n
		}
	}
	q := skipSpaces(t, p)
	if r, n := foldAt(t, q); r == ':' {
		q = skipSpaces(t, q+n)
	}
	if r, _ := foldAt(t, q); r == '案' {
		return q, false, cd // prose: 阿里云ICP备案, ICP备案号
	}
	end, digits, ph := serial(t, q)
	if end == q {
		if k := pendingAt(t, q); k > 0 {
			cd.placeholder = true
			return q + k, true, cd
		}
		return q, false, cd
	}
	cd.digits, cd.placeholder = digits, ph
	return afterSerial(t, end, cd)
}

// afterSerial reads 号 (doubled too), then -N with an optional A, X or K
// that does not start a word, then a 号 written after the index.
func afterSerial(t []byte, p int, cd candidate) (int, bool, candidate) {
	hao := false
	for {
		q := skipSpaces(t, p)
		if r, n := foldAt(t, q); r == '号' {
			p, hao = q+n, true
			continue
		}
		break
	}
	q := skipSpaces(t, p)
	if r, n := foldAt(t, q); r == '-' {
		q = skipSpaces(t, q+n)
		d := q
		for {
			r, n := foldAt(t, d)
			if r >= '0' && r <= '9' {
				d += n
				continue
			}
			break
		}
		if d == q { // -x: a placeholder index
			if r, n := foldAt(t, q); r == 'X' {
				if r2, _ := foldAt(t, q+n); !(r2 >= 'A' && r2 <= 'Z') {
					cd.placeholder = true
					return q + n, true, cd
				}
			}
			return p, true, cd
		}
		p = d
		if r, n := foldAt(t, p); r == 'A' || r == 'X' || r == 'K' {
			if r2, _ := foldAt(t, p+n); !(r2 >= 'A' && r2 <= 'Z' || r2 >= '0' && r2 <= '9') {
				p += n
			}
		}
		if !hao {
			q := skipSpaces(t, p)
			if r, n := foldAt(t, q); r == '号' {
				p = q + n
			}
		}
	}
	return p, true, cd
}

// forwardPolice reads from just after 公网安备: 号 or a colon, the digits,
// and 号.
func forwardPolice(t []byte, p int, cd candidate) (int, bool, candidate) {
	q := skipSpaces(t, p)
	if r, n := foldAt(t, q); r == '号' || r == ':' {
		q = skipSpaces(t, q+n)
	}
	end, digits, ph := serial(t, q)
	if end == q {
		if k := pendingAt(t, q); k > 0 {
			cd.placeholder = true
			return q + k, true, cd
		}
		return q, false, cd
	}
	cd.digits, cd.placeholder = digits, ph
	p = end
	q = skipSpaces(t, p)
	if r, n := foldAt(t, q); r == '号' {
		p = q + n
	}
	return p, true, cd
}

// forwardLicence reads a telecom licence from its first class: B2-, or a
// class list such as A2.B1.B2-, then 8 digits, an index and a trailing 号.
func forwardLicence(t []byte, p int, cd candidate) (int, bool, candidate) {
	for {
		r, n := foldAt(t, p)
		d, m := foldAt(t, p+n)
		if (r != 'A' && r != 'B') || d < '1' || d > '9' {
			return p, false, cd
		}
		p += n + m
		s, k := foldAt(t, p)
		if s == '.' || s == '、' || s == ',' || s == '/' {
			p += k
			continue
		}
		if s != '-' {
			return p, false, cd
		}
		p += k
		break
	}
	end, digits, ph := serial(t, p)
	if digits+btoi(ph)*4 < 6 {
		return p, false, cd // B2-3: a model name, not a licence
	}
	cd.digits, cd.placeholder = digits, ph
	return afterSerial(t, end, cd)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// seen turns a candidate into what the audit reports: a number with the
// fixes its spelling needed, or the reason it is not one.
func (c candidate) seen(raw []byte) seen {
	s := seen{text: norm.Clip(string(raw), 60)}
	switch {
	case c.placeholder:
		s.junk = junkPlaceholder
		return s
	case c.noAbbr:
		s.junk, s.why = junkUnreadable, errNoAbbr
		return s
	}
	n, fixes, err := icp.NormalizeNumber(string(raw))
	if err == nil {
		s.n, s.fixes = n, fixes
		for _, f := range fixes {
			if f == icp.FixDoubleHao {
				s.double = true
			}
		}
		return s
	}
	s.why = err
	switch {
	case errors.Is(err, icp.ErrSerial) && c.kind == candPolice && (c.digits == 12 || c.digits == 13):
		s.junk = junkOutdated
	case errors.Is(err, icp.ErrSerial) && allZeroDigits(raw):
		s.junk = junkPlaceholder
	case errors.Is(err, icp.ErrAbbreviation) && c.kind == candICP:
		s.junk = junkUnofficial
	default:
		s.junk = junkUnreadable
	}
	return s
}

func (s seen) valid() bool { return s.n.IsValid() || s.junk != junkNone }

func allZeroDigits(s []byte) bool {
	d := 0
	for _, c := range s {
		if c >= '1' && c <= '9' {
			return false
		}
		if c == '0' {
			d++
		}
	}
	return d >= 6
}
