package number

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// Fix names one correction [Normalize] or [Find] made.
type Fix string

// The corrections Normalize and Find make. A result lists them
// in this order.
const (
	// FixWidth: full-width digits, letters or punctuation folded
	// (京ＩＣＰ备１２３４５６７８号, ＊, （备）).
	FixWidth Fix = "width"
	// FixDash: a Unicode dash made '-' (粤B2—20090059, …号－1).
	FixDash Fix = "dash"
	// FixSpace: spaces removed (粤 ICP 备17095567号).
	FixSpace Fix = "space"
	// FixCase: lower-case letters upper-cased: icp, b2, a service letter
	// (…号-1a).
	FixCase Fix = "case"
	// FixDoubleHao: 号号 made 号.
	FixDoubleHao Fix = "double_hao"
	// FixIndexPosition: 备12345678-9号 made 备12345678号-9.
	FixIndexPosition Fix = "index_before_hao"
	// FixMissingHao: 号 added after the serial.
	FixMissingHao Fix = "missing_hao"
	// FixTraditional: traditional characters made simplified: 備 號 證 網
	// and the traditional forms of province abbreviations (粵ICP備…號).
	FixTraditional Fix = "traditional"
	// FixInvisible: invisible characters removed: zero-width space and
	// joiners, word joiner, soft hyphen, byte-order mark.
	FixInvisible Fix = "invisible"
	// FixIPC: the typo IPC made ICP (京IPC备12345678号).
	FixIPC Fix = "ipc_typo"
	// FixBracket: brackets around 备 or 证 removed (蜀 ICP(备)10025767号).
	FixBracket Fix = "bracket"
	// FixLabel: a label removed: before the number (ICP备案号：,
	// 备案号：, 经营许可证编号：) or between 备 and the serial
	// (京ICP备案号：12345678号, 京ICP备：12345678号).
	FixLabel Fix = "label"
	// FixTrailingHao: 号 removed after a telecom licence (京B2-20171652号)
	// or after the index of a number that has one before it.
	FixTrailingHao Fix = "trailing_hao"
	// FixPoliceSeparator: 号 or a colon removed between 公网安备 and its
	// digits (京公网安备号 11010502026705, 京公网安备：11010502026705).
	FixPoliceSeparator Fix = "police_separator"
	// FixMissingBei: 备 added between ICP and the serial (沪ICP11006075号).
	FixMissingBei Fix = "missing_bei"
	// FixDoubledPrefix: a repeated ICP备 removed (晋ICP备ICP备15001663).
	FixDoubledPrefix Fix = "doubled_prefix"
	// FixPolicePrefix: the abbreviation of a 公网安备 number written without
	// one (公安备案号：31010102005799, 公网安备 11010502000001号) taken from
	// its first two digits, the province code, as [Police] does.
	FixPolicePrefix Fix = "police_prefix"
)

// allFixes is in the order of fixSet's bits.
var allFixes = [...]Fix{FixWidth, FixDash, FixSpace, FixCase, FixDoubleHao, FixIndexPosition, FixMissingHao,
	FixTraditional, FixInvisible, FixIPC, FixBracket, FixLabel, FixTrailingHao, FixPoliceSeparator,
	FixMissingBei, FixDoubledPrefix, FixPolicePrefix}

// MessageCode returns the code of the catalog message that describes f
// ("fix.width"), for reports that name the corrections.
func (f Fix) MessageCode() string { return "fix." + string(f) }

// Normalize reads one number as people type and paste it and reports
// each correction it made ([Fix]): spaces, full-width characters, Unicode
// dashes, invisible characters, traditional characters (粵ICP備…號), a
// lower-case icp, b2 or service letter, the typo IPC, brackets around 备,
// a label before the number (ICP备案号：, 备案号：) or after 备, the index
// written before 号, a doubled, missing or superfluous 号, and 号 or a
// colon before the digits of a 公网安备 number. It reads the same spellings
// as [Find] and gives the same Number for them.
//
// Placeholders give [ErrPlaceholder], outdated public-security numbers
// [ErrOutdatedPolice]; vanity prefixes, prose and text around the number
// are still refused.
func Normalize(s string) (Number, []Fix, error) {
	const fn = "Normalize"
	if len(s) > 256 {
		return Number{}, nil, numErr(fn, s, "length", ErrFormat)
	}
	t := norm.TrimSpace(s)
	if n, err := parse(fn, t); err == nil { // already canonical
		return n, nil, nil
	}
	m, ok := firstMatch(t)
	if !ok {
		if hasPending(t) {
			return Number{}, nil, numErr(fn, s, "number (a pending word instead of the number)", ErrPlaceholder)
		}
		// Nothing Find would read in free text; t may still be a
		// canonical number that needs context there (B2-20100020).
		n, err := parse(fn, t)
		if err != nil {
			return Number{}, nil, clipErr(err, s)
		}
		return n, nil, nil
	}
	fx := m.fx
	if m.start > 0 {
		if !isLabel(t[:m.start]) {
			return Number{}, nil, numErr(fn, s, "text before the number", ErrFormat)
		}
		fx |= fsLabel
	}
	if rest := trimInvisible(t[m.end:]); rest != "" {
		return Number{}, nil, numErr(fn, s, "text after the number", ErrFormat)
	}
	res := m.result(fn, t)
	if res.Err != nil {
		return Number{}, fx.list(), clipErr(res.Err, s)
	}
	return res.Number, fx.list(), nil
}

func clipErr(err error, s string) error {
	if ne, ok := err.(*Error); ok {
		ne.Input = norm.Clip(s, 60)
	}
	return err
}

// firstMatch is the first candidate Find would read in t.
func firstMatch(t string) (match, bool) {
	var m match
	for i := 0; i < len(t); {
		if !anchorByte[t[i]] {
			i++
			continue
		}
		n, ok := scanAt(t, i, 0, &m, scanWhole)
		if ok {
			return m, true
		}
		i += n
	}
	return match{}, false
}

func trimInvisible(s string) string {
	for i := 0; i < len(s); {
		r, n, _ := foldAt(s, i)
		if r != ' ' && r != 0 {
			return s
		}
		i += n
		if i == len(s) {
			return ""
		}
	}
	return s
}

func hasPending(t string) bool {
	for i := 0; i < len(t); {
		c := newCursor(t, i)
		if c.pending() {
			return true
		}
		_, n, _ := foldAt(t, i)
		i += n
	}
	return false
}

// labelWords are the words a label before a number is made of, as real
// footers write them (testdata/realworld): ICP备案号：, 备案/许可证编号：,
// 经营许可证编号：, 增值电信业务经营许可证：, 个人备案号：, 主体备案号,
// 互联网ICP备案号：, ICP备案证书号：.
var labelWords = [...]string{"增值电信业务", "经营许可证", "许可证", "证书", "编号", "证号", "备案", "网站",
	"工信部", "公安", "联网", "互联网", "个人", "主体", "经营", "ICP", "号", "证", "备", "码"}

// isLabel reports whether s, folded, is made only of label words, spaces,
// colons and slashes.
func isLabel(s string) bool {
	var b [96]byte
	n := 0
	for i := 0; i < len(s); {
		r, size, _ := foldAt(s, i)
		i += size
		switch {
		case r == ' ' || r == 0 || r == ':' || r == '|' || r == '/':
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		if n+utf8.RuneLen(r) > len(b) || r < 0 {
			return false
		}
		n += utf8.EncodeRune(b[n:], r)
	}
	rest := string(b[:n])
	if rest == "" {
		return false
	}
	for rest != "" {
		found := false
		for _, w := range labelWords {
			if strings.HasPrefix(rest, w) {
				rest, found = rest[len(w):], true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Traditional forms (Unicode Unihan database, kTraditionalVariant,
// https://www.unicode.org/charts/unihan.html) of the characters filing
// numbers, labels and pending words are written with.
var textVariants = [...][2]rune{
	{'备', '備'}, {'号', '號'}, {'证', '證'}, {'网', '網'}, {'许', '許'}, {'经', '經'}, {'营', '營'},
	{'编', '編'}, {'务', '務'}, {'电', '電'}, {'业', '業'}, {'审', '審'}, {'请', '請'}, {'输', '輸'},
	{'办', '辦'}, {'码', '碼'}, {'联', '聯'}, {'门', '門'},
}

// Traditional forms (same source) of the province abbreviations that have
// one. Only those that are an abbreviation in package province are used:
// see hanVariants.
var abbrVariants = [...][2]rune{
	{'辽', '遼'}, {'沪', '滬'}, {'苏', '蘇'}, {'闽', '閩'}, {'赣', '贛'}, {'鲁', '魯'}, {'粤', '粵'},
	{'琼', '瓊'}, {'贵', '貴'}, {'陕', '陝'}, {'陇', '隴'}, {'宁', '寧'}, {'云', '雲'}, {'晋', '晉'},
}

// hanVariants maps traditional to simplified, sorted by the traditional
// rune. Province abbreviations come from package province: every ICP
// abbreviation, alias and public-security abbreviation whose traditional
// form is listed in abbrVariants.
var hanVariants = func() [][2]rune {
	var out [][2]rune
	for _, v := range textVariants {
		out = append(out, [2]rune{v[1], v[0]})
	}
	abbrs := map[rune]bool{}
	add := func(s string) {
		r, _ := utf8.DecodeRuneInString(s)
		abbrs[r] = true
	}
	for _, p := range province.All() {
		add(p.ICPAbbr())
		add(p.PSBAbbr())
		for _, a := range p.ICPAliases() {
			add(a)
		}
	}
	for _, v := range abbrVariants {
		if abbrs[v[0]] {
			out = append(out, [2]rune{v[1], v[0]})
		}
	}
	slices.SortFunc(out, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	return out
}()

// simplified returns the simplified form of a traditional character of
// hanVariants.
func simplified(r rune) (rune, bool) {
	lo, hi := 0, len(hanVariants)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if hanVariants[m][0] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(hanVariants) && hanVariants[lo][0] == r {
		return hanVariants[lo][1], true
	}
	return 0, false
}
