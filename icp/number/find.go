package number

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// A Match is one number, or one piece of number-like text, that
// [Find] found in a text.
type Match struct {
	// Start and End are the byte offsets of the number in the text searched:
	// text[Start:End]. The span starts at the abbreviation and ends after
	// the last character read (号, the index or its letter); it holds no
	// surrounding label or space.
	Start, End int
	// Number is the number read, after the corrections in Fixes; it is the
	// zero Number when Err is set.
	Number Number
	// Fixes lists the corrections that turned text[Start:End] into
	// Number's canonical form ([Number.String]), in the order of the Fix
	// constants; nil when the text is already canonical. When Err is set,
	// it lists the corrections made before the text was found wanting.
	Fixes []Fix
	// Err is set when the text looks like a number but is not a valid one:
	// a [*Error] wrapping [ErrPlaceholder] (京ICP备XXXXXXXX号, 审核中),
	// [ErrOutdatedPolice], [ErrAbbreviation] (萌ICP备…, or no abbreviation),
	// [ErrSerial] and the like.
	Err error
}

// Find returns every filing, licence and public-security number in
// text, in order, with its byte offsets, the corrections [Normalize]
// would make, and, for text shaped like a number that is not a valid one,
// the error. Text is read as a page shows it, in any mix of the spellings
// Normalize accepts; markup and character references must already be
// decoded. A number ends at its 号, index or service letter: words glued
// after it (…号Copyright, …号-1Powered by) are not part of it.
//
// Number-like text is an anchor — ICP (or the typo IPC) followed by 备 or
// 证, 公网安备, or licence classes such as B2- — followed by digits,
// placeholder characters (x, X, *) or a pending word (待备案, 待重新备案,
// 审核中, 待审核, 申请中, 办理中, 请在此输入, 待补充, 备案后展示, 演示, or
// 备案中 after ICP). Prose such as 阿里云ICP备案 is not reported. The
// abbreviation is the Han character before the anchor; across spaces only
// a province's abbreviation counts (赣 ICP 备…, but not 版权所有 ICP备…).
//
// Find runs in time linear in len(text): each candidate is read
// within a window of at most 160 bytes from its anchor.
func Find(text string) []Match { return find(text, scanQuick) }

// find is Find, reading candidates as mode says: the tests compare it
// with and without scanQuick.
func find(text string, mode scanMode) []Match {
	var out []Match
	var m match
	for i, lo := 0, 0; i < len(text); {
		if !anchorByte[text[i]] {
			i++
			continue
		}
		n, ok := scanAt(text, i, lo, &m, mode)
		if !ok {
			i += n
			continue
		}
		if out == nil {
			out = make([]Match, 0, 4) // a footer's two numbers, or a licence too
		}
		out = append(out, m.result("Find", text))
		i, lo = m.end, m.end
	}
	return out
}

// anchorByte marks the bytes an anchor can start with: I, A, B in either
// case, the lead byte of 公 (0xE5) and of full-width forms (0xEF). Other
// bytes, continuation bytes included, are skipped one at a time.
var anchorByte = [256]bool{'I': true, 'i': true, 'A': true, 'a': true, 'B': true, 'b': true, 0xE5: true, 0xEF: true}

// scanMode says how scanAt reads a candidate.
type scanMode uint8

const (
	// scanWhole: the text is one value (Normalize's input), which may be a
	// licence with no issuer and no label.
	scanWhole scanMode = 1 << iota
	// scanQuick: a number in canonical form is read by quickAt.
	scanQuick
)

// scanAt reads a candidate anchored at text[i:], not before lo, into m. It
// reports false and the size of the rune at i when there is none. A glance
// at the bytes after the anchor's first rune rules out most text cheaply.
func scanAt(text string, i, lo int, m *match, mode scanMode) (int, bool) {
	whole := mode&scanWhole != 0
	c := text[i]
	var d, e, f byte
	if i+3 < len(text) {
		d, e, f = text[i+1], text[i+2], text[i+3]
	} else if i+1 < len(text) {
		d = text[i+1]
		if i+2 < len(text) {
			e = text[i+2]
		}
	}
	switch c {
	case 'I', 'i':
		if d != 'C' && d != 'c' && d != 'P' && d != 'p' && d != 0xEF {
			return 1, false
		}
		// ICP followed by ASCII that cannot continue a number (ICPICP…,
		// "ICP licence").
		if e < utf8.RuneSelf && f < utf8.RuneSelf && f != 0 &&
			!(f >= '0' && f <= '9' || f == '(' || f == ':' || f == 'x' || f == 'X' || f == '*' || f <= ' ') {
			return 1, false
		}
		if mode&scanQuick != 0 && d == 'C' && e == 'P' && f == litICPBei[3] && quickAt(text, i, lo, litICPBei, m) {
			return 1, true
		}
		return 1, scanICP(text, i, lo, m)
	case 'A', 'a', 'B', 'b':
		if d != '1' && d != '2' && d != 0xEF {
			return 1, false
		}
		return 1, scanLicence(text, i, lo, m, whole && i == 0)
	case 0xE5:
		if strings.HasPrefix(text[i:], "公") {
			if rest := text[i+len("公"):]; strings.HasPrefix(rest, "网") || strings.HasPrefix(rest, "網") || strings.HasPrefix(rest, "安") {
				if mode&scanQuick != 0 && quickAt(text, i, lo, litPolice, m) {
					return len("公"), true
				}
				return len("公"), scanPolice(text, i, lo, m)
			}
		}
		return 1, false
	case 0xEF: // full-width anchors
		r, n, _ := foldAt(text, i)
		switch r {
		case 'I', 'i':
			return n, scanICP(text, i, lo, m)
		case 'A', 'a', 'B', 'b':
			return n, scanLicence(text, i, lo, m, whole && i == 0)
		}
		return 1, false
	}
	return 1, false
}

// quickAt reads the number anchored at text[a:] when it is written as
// footers nearly always write it, in its canonical form: a Han character
// right before the anchor (the abbreviation), ICP备 or 公网安备, ASCII
// digits, 号 and, after ICP备, an index of ASCII digits; then nothing Find
// would read on (another 号, an index, a letter or digit glued to it). The
// number is parsed in place, without the folding cursor, the copy to a
// match and its string, and m holds it parsed (match.quick).
//
// The anchor is ICP备 or 公网安备 (litICPBei or litPolice), which quickAt
// checks. It reports false whenever scanICP or scanPolice might read the
// text otherwise, or the number does not parse: scanAt then reads it the
// general way, so the result is always theirs (TestQuickAt,
// FuzzFindNumbers).
func quickAt(text string, a, lo int, anchor string, m *match) bool {
	start, end := a-3, a+len(anchor)
	// An ASCII digit after the anchor first: most text that is not a
	// number fails here.
	if end >= len(text) || text[end]-'0' > 9 || !strings.HasPrefix(text[a:], anchor) {
		return false
	}
	police := anchor == litPolice
	// The abbreviation: a CJK unified ideograph, not before lo, that
	// folds to itself. abbrBefore takes any Han character written against
	// the anchor, whether or not it names a province (parse decides).
	if start < lo || !hanLead(text[start]) {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[start:a])
	if n != 3 || r < 0x4E00 || r > 0x9FFF {
		return false
	}
	if _, ok := simplified(r); ok {
		return false // a traditional form: FixTraditional
	}
	// The serial, then 号: serial stops at a Han lead byte. Like scanAt,
	// quickAt reads nothing past the window.
	lim := min(len(text), a+window)
	d := end
	end = digitsEnd(text, end, lim)
	if digits := end - d; digits == 0 || digits >= 24 || !strings.HasPrefix(text[end:], litHao) {
		return false
	}
	end += len(litHao)
	index := false
	if !police && end < len(text) && text[end] == '-' {
		// The index: ASCII digits, then no letter or other digit that
		// index would read on.
		d = end + 1
		end = digitsEnd(text, d, lim)
		if digits := end - d; digits == 0 || digits >= 12 {
			return false
		}
		if end < len(text) && (text[end] >= utf8.RuneSelf && !hanLead(text[end]) ||
			text[end]|0x20 >= 'a' && text[end]|0x20 <= 'z') {
			return false
		}
		index = true
	}
	if end > lim || !quickEnd(text, end, lim, !police && !index) {
		return false
	}
	num, err := parse("Find", text[start:end])
	if err != nil {
		return false
	}
	*m = match{start: start, end: end, quick: true, num: num}
	return true
}

// quickEnd reports whether what follows a number read by quickAt at
// text[e:lim] ends it as scanAt would: after white space, the end of the
// window, an ASCII character (other than '-' when an index may still
// follow) or a Han character that is not 号 in any spelling. Other
// characters (spaces, dashes and digits of other widths, invisible
// characters) might fold into the number: quickAt leaves them to scanAt.
func quickEnd(text string, e, lim int, dash bool) bool {
	for ; e < lim; e++ {
		switch c := text[e]; {
		case c < utf8.RuneSelf && norm.Space(rune(c)):
			continue
		case c < utf8.RuneSelf:
			return !dash || c != '-'
		case hanLead(c):
			r, n := utf8.DecodeRuneInString(text[e:])
			if n != 3 || r == '号' {
				return false
			}
			_, ok := simplified(r)
			return !ok
		default:
			return false
		}
	}
	return true
}

// window bounds how far a candidate is read from its anchor.
const window = 160

// fixSet is a set of Fix, bit i standing for allFixes[i].
type fixSet uint32

const (
	fsWidth fixSet = 1 << iota
	fsDash
	fsSpace
	fsCase
	fsDoubleHao
	fsIndexPosition
	fsMissingHao
	fsTraditional
	fsInvisible
	fsIPC
	fsBracket
	fsLabel
	fsTrailingHao
	fsPoliceSeparator
	fsMissingBei
	fsDoubledPrefix
	fsPolicePrefix
)

func (f fixSet) list() []Fix {
	if f == 0 {
		return nil
	}
	out := make([]Fix, 0, 4)
	for i, x := range allFixes {
		if f&(1<<i) != 0 {
			out = append(out, x)
		}
	}
	return out
}

// match is a candidate before it is parsed: its span, canonical text and
// fixes, or the reason it is not a number.
type match struct {
	start, end int
	buf        [112]byte
	n          int
	fx         fixSet
	noAbbr     bool // no abbreviation before the anchor
	pending    bool // a pending word instead of the number
	quick      bool // read by quickAt: num is the number, buf is unused
	num        Number
}

func (m *match) put(s string) {
	m.n += copy(m.buf[m.n:], s)
}

// putByte is putRune for an ASCII byte.
func (m *match) putByte(c byte) {
	if m.n+utf8.UTFMax <= len(m.buf) {
		m.buf[m.n] = c
		m.n++
	}
}

func (m *match) putRune(r rune) {
	if m.n+utf8.UTFMax <= len(m.buf) {
		m.n += utf8.EncodeRune(m.buf[m.n:], r)
	}
}

func (m *match) result(fn, text string) Match {
	if m.quick {
		return Match{Start: m.start, End: m.end, Number: m.num}
	}
	res := Match{Start: m.start, End: m.end, Fixes: m.fx.list()}
	in := text[m.start:m.end]
	switch {
	case m.pending:
		res.Err = numErr(fn, in, "number (a pending word instead of the number)", ErrPlaceholder)
		return res
	case m.noAbbr:
		if _, _, ph := serialRunIn(string(m.buf[:m.n])); ph {
			res.Err = numErr(fn, in, "serial (placeholder)", ErrPlaceholder)
		} else {
			res.Err = numErr(fn, in, "abbreviation (missing)", ErrAbbreviation)
		}
		return res
	}
	n, err := parse(fn, string(m.buf[:m.n]))
	if err != nil {
		if ne, ok := err.(*Error); ok {
			ne.Input = norm.Clip(in, 60)
		}
		res.Err = err
		return res
	}
	res.Number = n
	return res
}

// serialRunIn reports whether the first run of digits and placeholder
// characters in s holds a placeholder.
func serialRunIn(s string) (run, rest string, placeholder bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' || placeholderByte(s[i]) {
			return serialRun(s[i:])
		}
	}
	return "", "", false
}

// foldAt reads the rune at s[i:] as Normalize sees it and returns it,
// its size in s, and the fix folding it made. Spaces fold to ' ' (no fix:
// the caller decides whether skipping them is one); invisible characters
// (zero-width space and joiners, soft hyphen, BOM) fold to 0; invalid UTF-8
// to utf8.RuneError.
func foldAt(s string, i int) (rune, int, fixSet) {
	c := s[i]
	if c < utf8.RuneSelf {
		switch c {
		case '\t', '\n', '\r', '\v', '\f':
			return ' ', 1, 0
		}
		return rune(c), 1, 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return 0, n, fsInvisible
	}
	if f := norm.Rune(r); f != r {
		switch f {
		case ' ':
			return ' ', n, 0
		case '-':
			return '-', n, fsDash
		}
		return f, n, fsWidth
	}
	if r >= 0x3400 {
		if s, ok := simplified(r); ok {
			return s, n, fsTraditional
		}
	}
	return r, n, 0
}

// foldBefore reads the rune ending at s[:j] like foldAt.
func foldBefore(s string, j int) (rune, int, fixSet) {
	_, n := utf8.DecodeLastRuneInString(s[:j])
	r, _, f := foldAt(s, j-n)
	return r, n, f
}

// cursor reads folded runes forwards within a window.
type cursor struct {
	s      string
	i, lim int
	fx     fixSet
	// The last peek, kept because several tests often look at one rune.
	pi, pj int
	psp    bool
	pr     rune
	pf     fixSet
}

func newCursor(s string, at int) cursor {
	return cursor{s: s, i: at, lim: min(len(s), at+window), pi: -1}
}

// peek returns the next folded rune (skipping invisible characters, and
// spaces when sp), the position after it, and the fixes reading
// it adds; -1 at the end of the window.
func (c *cursor) peek(sp bool) (rune, int, fixSet) {
	if c.pi == c.i && c.psp == sp {
		return c.pr, c.pj, c.pf
	}
	r, j, f := c.read(sp)
	c.pi, c.psp, c.pr, c.pj, c.pf = c.i, sp, r, j, f
	return r, j, f
}

func (c *cursor) read(sp bool) (rune, int, fixSet) {
	var skipped fixSet
	for j := c.i; j < c.lim; {
		r, n, f := foldAt(c.s, j)
		if r == 0 || r == ' ' && sp { // invisible characters are always skipped
			if r == ' ' {
				skipped |= fsSpace
			}
			skipped |= f
			j += n
			continue
		}
		return r, j + n, f | skipped
	}
	return -1, c.i, 0
}

// lit consumes want if it is next.
func (c *cursor) lit(sp bool, want rune) bool {
	if n, ok := writtenAt(c.s, c.i, c.lim, want); ok {
		c.i += n // as written: peek would return it unchanged, with no fix
		return true
	}
	if want < utf8.RuneSelf && c.i < c.lim && hanLead(c.s[c.i]) {
		return false // a Han character never folds to ASCII
	}
	r, j, f := c.peek(sp)
	if r != want {
		return false
	}
	c.i, c.fx = j, c.fx|f
	return true
}

// writtenAt reports whether s[i:lim] starts with the UTF-8 form of r,
// and its length. lit and word take their literals (all canonical: foldAt
// returns each unchanged, with no fix; TestLiteralsFoldToThemselves) this
// way before folding anything.
func writtenAt(s string, i, lim int, r rune) (int, bool) {
	switch {
	case r < utf8.RuneSelf:
		return 1, i < lim && s[i] == byte(r)
	case r >= 0x800 && r <= 0xFFFF: // three bytes, as every Han literal: the first usually tells
		return 3, i+3 <= lim && s[i] == byte(0xE0|r>>12) && s[i+1] == byte(0x80|r>>6&0x3F) && s[i+2] == byte(0x80|r&0x3F)
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	return n, i+n <= lim && s[i:i+n] == string(b[:n])
}

// hanLead reports whether c leads a character of U+4000–U+9FFF, nearly
// all of the CJK ideographs. foldAt turns none of them into ASCII, a space
// or nothing (an invisible character); at most a traditional one into its
// simplified form.
func hanLead(c byte) bool { return c >= 0xE4 && c <= 0xE9 }

// upper consumes an ASCII letter equal to want in either case; a
// lower-case letter adds FixCase.
func (c *cursor) upper(sp bool, want byte) bool {
	if c.i < c.lim { // as written: peek would return the letter with no fix
		switch c.s[c.i] {
		case want:
			c.i++
			return true
		case want + 'a' - 'A':
			c.i, c.fx = c.i+1, c.fx|fsCase
			return true
		}
	}
	r, j, f := c.peek(sp)
	switch {
	case r == rune(want):
	case r == rune(want)+'a'-'A':
		f |= fsCase
	default:
		return false
	}
	c.i, c.fx = j, c.fx|f
	return true
}

// word consumes the folded runes of w if they come next (spaces allowed
// before the first only).
func (c *cursor) word(w string) bool {
	if c.i+len(w) <= c.lim && c.s[c.i:c.i+len(w)] == w {
		c.i += len(w) // as written: each lit would take its rune unchanged, with no fix
		return true
	}
	save := *c
	sp := true
	for _, want := range w {
		if !c.lit(sp, want) {
			*c = save
			return false
		}
		sp = false
	}
	return true
}

// pendingWords stand where a number will be once the filing is approved.
// The brief names 待备案, 审核中, 申请中 and 请在此输入; the others were seen
// in real footers (testdata/realworld).
var pendingWords = [...]string{"待备案", "待重新备案", "审核中", "待审核", "正在申请中", "申请中", "办理中",
	"请在此输入", "待补充", "备案后展示", "演示"}

// pendingStart reports whether r may start a pending word.
func pendingStart(r rune) bool {
	switch r {
	case '(', '待', '审', '正', '申', '办', '请', '备', '演':
		return true
	}
	return false
}

// pending consumes a pending word, optionally in brackets ((演示)).
func (c *cursor) pending() bool {
	if r, _, _ := c.peek(true); !pendingStart(r) {
		return false
	}
	save := *c
	open := c.lit(true, '(')
	for _, w := range pendingWords {
		if c.word(w) {
			if open {
				c.lit(true, ')')
			}
			return true
		}
	}
	*c = save
	return false
}

// serial copies a run of digits and placeholder characters to m and
// reports its length in runes; spaces are allowed before it only.
func (c *cursor) serial(m *match, sp bool) int {
	k := 0
	for {
		k = c.asciiDigits(m, k, 24)
		if c.i < c.lim && hanLead(c.s[c.i]) {
			return k // 号 and the like: no digit, placeholder or space
		}
		r, j, f := c.peek(sp && k == 0)
		if !(r >= '0' && r <= '9' || r == 'x' || r == 'X' || r == '*') || k >= 24 {
			return k
		}
		m.putRune(r)
		c.i, c.fx = j, c.fx|f
		k++
	}
}

// asciiDigits copies the ASCII digits at the cursor to m, counting them on
// from k up to max, and returns the count. Nearly all of a serial or an
// index is ASCII digits, read this way without folding: peek would return
// each as it is, with no fix.
func (c *cursor) asciiDigits(m *match, k, max int) int {
	for k < max && c.i < c.lim && c.s[c.i]-'0' <= 9 {
		m.putByte(c.s[c.i])
		c.i++
		k++
	}
	return k
}

// digitsEnd returns the end of the run of ASCII digits at s[i:], read no
// further than lim (which may lie past len(s)).
func digitsEnd(s string, i, lim int) int {
	lim = min(lim, len(s))
	for i < lim && s[i]-'0' <= 9 {
		i++
	}
	return i
}

// index reads "-N[AXK]" (or a placeholder "-x") into m; it consumes
// nothing when no index follows.
func (c *cursor) index(m *match) bool {
	save, saveN := *c, m.n
	if !c.lit(true, '-') {
		return false
	}
	m.put("-")
	k := 0
	for {
		k = c.asciiDigits(m, k, 12)
		r, j, f := c.peek(k == 0)
		if r < '0' || r > '9' || k >= 12 {
			break
		}
		m.putRune(r)
		c.i, c.fx = j, c.fx|f
		k++
	}
	r, j, f := c.peek(false)
	after, _, _ := (&cursor{s: c.s, i: j, lim: c.lim, pi: -1}).read(false)
	glued := after >= 'A' && after <= 'Z' || after >= 'a' && after <= 'z' || after >= '0' && after <= '9'
	switch {
	case k == 0 && (r == 'x' || r == 'X' || r == '*') && !glued:
		m.putRune('x')
		c.i, c.fx = j, c.fx|f
	case k == 0:
		*c, m.n = save, saveN
		return false
	case !glued && (r == 'A' || r == 'X' || r == 'K'):
		m.putRune(r)
		c.i, c.fx = j, c.fx|f
	case !glued && (r == 'a' || r == 'x' || r == 'k'):
		m.putRune(r - ('a' - 'A'))
		c.i, c.fx = j, c.fx|f|fsCase
	}
	return true
}

// abbrBefore finds the abbreviation before an anchor at a: spaces, then one
// Han character, not before lo. It returns the abbreviation's start and the
// folded rune, or ok false.
func abbrBefore(s string, a, lo int) (start int, r rune, fx fixSet, ok bool) {
	j := a
	var skipped fixSet
	for j > lo && a-j < 16 {
		q, n, f := foldBefore(s, j)
		if q == ' ' || q == 0 {
			if q == ' ' {
				skipped |= fsSpace
			}
			skipped |= f
			j -= n
			continue
		}
		if !unicode.Is(unicode.Han, q) || j-n < lo {
			return a, 0, 0, false
		}
		return j - n, q, f | skipped, true
	}
	return a, 0, 0, false
}

// numberAbbrBefore is abbrBefore for ICP and 公网安备 numbers: a Han
// character that is no province's abbreviation counts only when it is
// written against the anchor (萌ICP备…, 深公网安备…), not across a space
// (版权所有 ICP备案号：…).
func numberAbbrBefore(s string, a, lo int) (int, rune, fixSet, bool) {
	start, r, fx, ok := abbrBefore(s, a, lo)
	if ok && !knownAbbr(r) {
		if _, n := utf8.DecodeRuneInString(s[start:]); start+n != a { // spaces between
			return a, 0, 0, false
		}
	}
	return start, r, fx, ok
}

func knownAbbr(r rune) bool {
	var b [utf8.UTFMax]byte
	a := string(b[:utf8.EncodeRune(b[:], r)])
	_, _, icp := province.FromICPAbbr(a)
	_, psb := province.FromPSBAbbr(a)
	return icp || psb
}

// scanICP reads a number anchored at ICP (or IPC) at a. It reads forwards
// first and looks for the abbreviation only once the text is number-like.
func scanICP(s string, a, lo int, m *match) bool {
	c := newCursor(s, a)
	if !c.upper(false, 'I') {
		return false
	}
	switch {
	case c.upper(false, 'C'):
		if !c.upper(false, 'P') {
			return false
		}
	case c.upper(false, 'P'):
		if !c.upper(false, 'C') {
			return false
		}
		c.fx |= fsIPC
	default:
		return false
	}
	// Most text with ICP in it is prose: give up unless what follows can
	// start a number.
	if r, _, _ := c.peek(true); !(r >= '0' && r <= '9' || r == '(' || r == '备' || r == '证' || r == '号' ||
		r == ':' || r == 'x' || r == 'X' || r == '*' || pendingStart(r)) {
		return false
	}
	bracket := c.lit(true, '(')
	kind, _, _ := c.peek(true)
	if kind == '备' || kind == '证' {
		c.lit(true, kind)
	} else {
		kind = 0
	}
	if bracket {
		if kind == 0 || !c.lit(true, ')') {
			return false
		}
		c.fx |= fsBracket
	}
	// 晋ICP备ICP备15001663
	if kind == '备' && c.word("ICP备") {
		c.fx |= fsDoubledPrefix
	}
	// A label between 备 and the serial: 京ICP备案号：, 京ICP备：, 京ICP证号：.
	an := kind == '备' && c.lit(true, '案')
	hao := c.lit(true, '号')
	colon := c.lit(true, ':')
	if an || hao || colon {
		c.fx |= fsLabel
	}
	pending := c.pending() || an && c.lit(true, '中')
	var serial match // the serial, read before the abbreviation is known
	if !pending && c.serial(&serial, true) == 0 {
		return false
	}
	*m = match{}
	start, abbr, afx, ok := numberAbbrBefore(s, a, lo)
	m.start = start
	if ok {
		m.putRune(abbr)
		c.fx |= afx
	} else {
		m.noAbbr = true
	}
	if pending {
		m.pending, m.end, m.fx = true, c.i, c.fx
		return true
	}
	m.put("ICP")
	switch kind {
	case 0: // 沪ICP11006075号
		m.put("备")
		c.fx |= fsMissingBei
	default:
		m.putRune(kind)
	}
	m.put(string(serial.buf[:serial.n]))
	return finishFiling(m, &c)
}

// finishFiling reads what may follow an ICP备 or ICP证 serial: 号, the
// index, 号 after the index.
func finishFiling(m *match, c *cursor) bool {
	haos := 0
	for c.lit(true, '号') {
		haos++
	}
	if haos > 1 {
		c.fx |= fsDoubleHao
	}
	idxAt := m.n
	hasIndex := c.index(m)
	after := 0
	if hasIndex {
		for c.lit(true, '号') {
			after++
		}
	}
	switch {
	case hasIndex && haos == 0 && after > 0:
		c.fx |= fsIndexPosition
	case haos == 0:
		c.fx |= fsMissingHao
	case after > 0:
		c.fx |= fsTrailingHao
	}
	// Canonical order: serial, 号, index.
	var idx [16]byte
	k := copy(idx[:], m.buf[idxAt:m.n])
	m.n = idxAt
	m.put(litHao)
	m.put(string(idx[:k]))
	m.end, m.fx = c.i, c.fx
	return true
}

// scanPolice reads a number anchored at 公网安备 at a.
func scanPolice(s string, a, lo int, mp *match) bool {
	*mp = match{}
	m := mp
	c := newCursor(s, a)
	label := false
	if !c.word(litPolice) {
		// 公安备案号：31010102005799: a label, then bare digits.
		if !c.word("公安备案") {
			return false
		}
		label = true
	}
	start, abbr, afx, ok := numberAbbrBefore(s, a, lo)
	m.start = start
	switch {
	case label:
		m.start = a
		m.noAbbr = true
		c.fx |= fsLabel
	case ok:
		m.putRune(abbr)
		c.fx |= afx
	default:
		m.noAbbr = true
	}
	abbrEnd := m.n
	m.put(litPolice)
	// 号 or a colon between 公网安备 and the digits: 京公网安备号 1101…,
	// 京公网安备：1101…, 京公网安备案号：1101….
	sep := false
	for k := 0; k < 3; k++ {
		if c.lit(true, '号') || c.lit(true, ':') || c.lit(true, '案') {
			sep = true
			continue
		}
		break
	}
	if sep && !label {
		c.fx |= fsPoliceSeparator
	}
	if c.pending() {
		m.pending, m.end, m.fx = true, c.i, c.fx
		return true
	}
	at := m.n
	if c.serial(m, true) == 0 {
		return false
	}
	d := m.buf[at:m.n]
	if m.noAbbr && len(d) >= 12 && d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9' {
		// The province code names the abbreviation (公网安备 11010502000001号).
		if p, ok := province.FromCode(int(d[0]-'0')*10 + int(d[1]-'0')); ok {
			var tmp [32]byte
			k := copy(tmp[:], m.buf[abbrEnd:m.n])
			m.n = abbrEnd
			m.put(p.PSBAbbr())
			m.put(string(tmp[:k]))
			m.noAbbr = false
			c.fx |= fsPolicePrefix
		}
	}
	if label && m.noAbbr {
		return false // 公安备案号 and digits that are no number
	}
	haos := 0
	for c.lit(true, '号') {
		haos++
	}
	switch {
	case haos == 0:
		c.fx |= fsMissingHao
	case haos > 1:
		c.fx |= fsDoubleHao
	}
	m.put(litHao)
	m.end, m.fx = c.i, c.fx
	return true
}

// scanLicence reads a telecom licence anchored at its first class at a:
// [abbreviation or 合字] B2-20090059[-N[AXK]][号]. A licence with no issuer
// must have several classes, follow a licence label or stand alone.
func scanLicence(s string, a, lo int, mp *match, alone bool) bool {
	*mp = match{}
	m := mp
	if a > 0 {
		q, _, _ := foldBefore(s, a)
		if q < utf8.RuneSelf && (q >= '0' && q <= '9' || q >= 'A' && q <= 'Z' || q >= 'a' && q <= 'z' || q == '.' || q == '-' || q == '_') {
			return false
		}
	}
	c := newCursor(s, a)
	var classes [32]byte
	nc := 0
	for {
		r, j, f := c.peek(false)
		if r != 'A' && r != 'B' && r != 'a' && r != 'b' {
			return false
		}
		if r >= 'a' {
			f |= fsCase
			r -= 'a' - 'A'
		}
		c.i, c.fx = j, c.fx|f
		d, j2, f2 := c.peek(false)
		if d != '1' && d != '2' {
			return false
		}
		c.i, c.fx = j2, c.fx|f2
		if nc+3 > len(classes) {
			return false
		}
		classes[nc], classes[nc+1] = byte(r), byte(d)
		nc += 2
		if c.lit(false, '.') {
			classes[nc] = '.'
			nc++
			continue
		}
		if c.lit(false, '-') {
			classes[nc] = '-'
			nc++
			break
		}
		return false
	}
	m.start = a
	// The issuer: 合字, a province's abbreviation, or none (MIIT,
	// cross-regional).
	labelled := false // a licence label before: …许可证：, …编号：, …证号
	if start, r, afx, ok := labelledAbbrBefore(s, a, lo); ok {
		labelled = r == '证' || r == '号'
		if r == '证' { // 京ICP证B2-20171701号, 黔ICP证：B2-20140009号
			if j, q, f, ok2 := icpZhBefore(s, start, lo); ok2 {
				if _, _, known := province.FromICPAbbr(string(q)); known {
					m.start = j
					m.putRune(q)
					c.fx |= afx | f | fsLabel
				}
			}
		} else if r == '字' {
			if q, n, f := foldBefore(s, start); start-n >= lo && q == '合' {
				m.start = start - n
				m.put(litHeZi)
				c.fx |= afx | f
			}
		} else if _, _, known := province.FromICPAbbr(string(r)); known {
			m.start = start
			m.putRune(r)
			c.fx |= afx
		}
	}
	// Without an issuer, one class and no licence label is too weak a sign
	// (a cell reference A1-20230101, a model B2-20171652): such text is
	// read only as A2.B1.B2-… or after 许可证, 编号 and the like.
	if m.n == 0 && nc == 3 && !labelled && !alone {
		return false
	}
	m.put(string(classes[:nc]))
	if c.serial(m, true) == 0 {
		return false
	}
	c.index(m)
	haos := 0
	for c.lit(true, '号') {
		haos++
	}
	if haos > 0 {
		c.fx |= fsTrailingHao
	}
	m.end, m.fx = c.i, c.fx
	return true
}

// labelledAbbrBefore is abbrBefore that also steps over one colon, as in
// 黔ICP证：B2-20140009号.
func labelledAbbrBefore(s string, a, lo int) (int, rune, fixSet, bool) {
	j := a
	for j > lo && a-j < 16 {
		q, n, _ := foldBefore(s, j)
		if q != ' ' && q != 0 {
			if q == ':' {
				j -= n
			}
			break
		}
		j -= n
	}
	if j != a {
		if start, r, f, ok := abbrBefore(s, j, lo); ok && r == '证' {
			return start, r, f, true
		}
	}
	return abbrBefore(s, a, lo)
}

// icpZhBefore finds "京ICP" before the 证 at z and returns the start of the
// abbreviation and its folded rune.
func icpZhBefore(s string, z, lo int) (int, rune, fixSet, bool) {
	j := z
	var fx fixSet
	for _, want := range [...]byte{'P', 'C', 'I'} {
		if j <= lo {
			return 0, 0, 0, false
		}
		q, n, f := foldBefore(s, j)
		if q != rune(want) && q != rune(want)+'a'-'A' {
			return 0, 0, 0, false
		}
		if q != rune(want) {
			f |= fsCase
		}
		fx |= f
		j -= n
	}
	start, r, f, ok := abbrBefore(s, j, lo)
	return start, r, fx | f, ok
}
