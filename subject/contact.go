package subject

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"github.com/icpkit/icpkit/internal/norm"
)

// Landline is a mainland fixed-line number: an area code (010, 0571 …), a
// local number of 7 or 8 digits and an optional extension. The zero value is
// invalid.
//
// A Landline is treated as personal data (it may be a person's home
// number): String, fmt and slog mask the local number (0571-****7777);
// MarshalText (and so JSON), AppendText, Value (SQL) and Number give it in
// full.
type Landline struct {
	area, local, ext          uint32 // XOR scramble32 (see ResidentID)
	areaLen, localLen, extLen uint8
}

// ParseLandline parses forms such as 010-12345678, (0571) 8888 8888,
// +86 10 1234 5678, 021-12345678-123 or 02112345678转123. Area codes starting
// with 01 or 02 have 3 digits, the others 4. The local number has 7 or 8
// digits and does not start with 0 or 1.
func ParseLandline(s string) (Landline, error) {
	l, err := parseLandline(s)
	if err != nil && len(s) <= 64 && IsMasked(s) {
		return Landline{}, maskedErr("ParseLandline", s)
	}
	return l, err
}

func parseLandline(s string) (Landline, error) {
	const fn = "ParseLandline"
	if len(s) > 64 {
		return Landline{}, parseErr(fn, s, "length", ErrLength)
	}
	var buf [72]byte
	b := norm.Append(buf[:0], s, true, false)
	main, ext := string(b), ""
	for _, sep := range []string{"转", "EXT", "ext", "x", "#"} {
		if i := strings.Index(main, sep); i > 0 {
			main, ext = main[:i], main[i+len(sep):]
			break
		}
	}
	// An extension after a second dash: 021-12345678-123.
	if ext == "" {
		if i := strings.IndexByte(main, '-'); i >= 0 {
			if j := strings.LastIndexByte(main, '-'); j > i {
				main, ext = main[:j], main[j+1:]
			}
		}
	}
	var d [40]byte
	n := 0
	for i := 0; i < len(main); i++ {
		c := main[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(d) {
				return Landline{}, parseErr(fn, s, "length", ErrLength)
			}
			d[n] = c
			n++
		case c == '-' || c == '(' || c == ')' || c == '+' && i == 0:
		default:
			return Landline{}, parseErr(fn, s, "characters", ErrFormat)
		}
	}
	digs := d[:n]
	if strings.HasPrefix(main, "+86") || strings.HasPrefix(string(digs), "0086") {
		if strings.HasPrefix(main, "+86") {
			digs = digs[2:]
		} else {
			digs = digs[4:]
		}
		if len(digs) > 0 && digs[0] != '0' {
			digs = append([]byte{'0'}, digs...)
		}
	}
	if len(digs) < 10 || len(digs) > 12 || digs[0] != '0' || digs[1] == '0' {
		return Landline{}, parseErr(fn, s, "area code and number (want 0 + area code + 7 or 8 digits)", ErrLength)
	}
	al := 4
	if digs[1] == '1' || digs[1] == '2' {
		al = 3
	}
	local := digs[al:]
	if len(local) < 7 || len(local) > 8 {
		return Landline{}, parseErr(fn, s, "local number length", ErrLength)
	}
	if local[0] == '0' || local[0] == '1' {
		return Landline{}, parseErr(fn, s, "local number (starts with 0 or 1)", ErrComponent)
	}
	var l Landline
	l.area, l.areaLen = atou(digs[:al])^scramble32, uint8(al)
	l.local, l.localLen = atou(local)^scramble32, uint8(len(local))
	if ext != "" {
		ext = strings.Trim(ext, "-")
		if len(ext) < 1 || len(ext) > 6 || !norm.Digits(ext) {
			return Landline{}, parseErr(fn, s, "extension", ErrFormat)
		}
		l.ext, l.extLen = atou([]byte(ext))^scramble32, uint8(len(ext))
	}
	return l, nil
}

const scramble32 = uint32(scramble & 0xFFFFFFFF)

func atou(b []byte) uint32 {
	var n uint32
	for _, c := range b {
		n = n*10 + uint32(c-'0')
	}
	return n
}

func pad(b []byte, n uint32, width uint8) []byte {
	s := strconv.AppendUint(nil, uint64(n), 10)
	for i := len(s); i < int(width); i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// IsValid reports whether l is a parsed number.
func (l Landline) IsValid() bool { return l.areaLen != 0 }

// AreaCode returns the area code with its leading 0 ("0571").
func (l Landline) AreaCode() string {
	if !l.IsValid() {
		return ""
	}
	return string(pad(nil, l.area^scramble32, l.areaLen))
}

// Number returns the full number in the form 0571-88888888[-123].
func (l Landline) Number() string { return string(l.appendNumber(nil)) }

func (l Landline) appendNumber(b []byte) []byte {
	if !l.IsValid() {
		return b
	}
	b = pad(b, l.area^scramble32, l.areaLen)
	b = append(b, '-')
	b = pad(b, l.local^scramble32, l.localLen)
	if l.extLen > 0 {
		b = append(b, '-')
		b = pad(b, l.ext^scramble32, l.extLen)
	}
	return b
}

// String returns the number with the local part masked but its last 4
// digits: 0571-****8888.
func (l Landline) String() string {
	if !l.IsValid() {
		return ""
	}
	b := pad(nil, l.area^scramble32, l.areaLen)
	b = append(b, '-')
	loc := pad(nil, l.local^scramble32, l.localLen)
	for i := 0; i < len(loc)-4; i++ {
		loc[i] = '*'
	}
	return string(append(b, loc...))
}

// CheckEmail checks the syntax of an e-mail address. The domain may be an
// internationalised one (例子.中国); it is converted with idna.Lookup.
func CheckEmail(s string) error {
	_, err := emailDomain("CheckEmail", s)
	return err
}

// emailDomain returns the A-label domain of a syntactically valid address.
func emailDomain(fn, s string) (string, error) {
	if len(s) > 254 {
		return "", parseErr(fn, s, "length", ErrLength)
	}
	s = strings.ReplaceAll(norm.TrimSpace(s), "＠", "@")
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return "", parseErr(fn, s, "missing @", ErrFormat)
	}
	local, domain := s[:at], s[at+1:]
	if len(local) > 64 || local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return "", parseErr(fn, s, "local part", ErrFormat)
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(".!#$%&'*+/=?^_`{|}~-", c) >= 0) {
			return "", parseErr(fn, s, "local part", ErrFormat)
		}
	}
	a := strings.ToLower(domain)
	var err error
	if !norm.IsASCII(a) || strings.Contains(a, "xn--") {
		a, err = idna.Lookup.ToASCII(domain)
	}
	if err != nil || !strings.Contains(a, ".") {
		return "", parseErr(fn, s, "domain", ErrFormat)
	}
	labels := strings.Split(a, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return "", parseErr(fn, s, "domain", ErrFormat)
		}
	}
	tld := labels[len(labels)-1]
	if !strings.HasPrefix(tld, "xn--") {
		for i := 0; i < len(tld); i++ {
			if tld[i] < 'a' || tld[i] > 'z' {
				return "", parseErr(fn, s, "domain", ErrFormat)
			}
		}
	}
	return a, nil
}

// EmailInDomains reports whether the e-mail address is valid and its domain
// is one of domains or a sub-domain of one (the brief's rule that a company
// e-mail uses the subject's own domain). Domains are compared in A-label
// form, case-insensitively.
func EmailInDomains(email string, domains ...string) bool {
	d, err := emailDomain("EmailInDomains", email)
	if err != nil {
		return false
	}
	for _, want := range domains {
		w := strings.ToLower(strings.TrimSuffix(norm.TrimSpace(want), "."))
		if !norm.IsASCII(w) || strings.Contains(w, "xn--") {
			var err error
			if w, err = idna.Lookup.ToASCII(w); err != nil {
				continue
			}
		}
		if w == "" {
			continue
		}
		if d == w || strings.HasSuffix(d, "."+w) {
			return true
		}
	}
	return false
}

func isMiddleDot(r rune) bool {
	switch r {
	case '·', '•', '・', '‧', '･', '∙':
		return true
	}
	return false
}

// CheckPersonName checks a person's name: either Chinese (2 to 30 Han
// characters, parts of minority and transliterated names joined by a middle
// dot ·), or Latin (letters, spaces, hyphens, apostrophes and dots, with at
// least two letters). Scripts may not be mixed.
func CheckPersonName(s string) error {
	const fn = "CheckPersonName"
	s = norm.TrimSpace(s)
	if s == "" {
		return parseErr(fn, s, "empty", ErrLength)
	}
	if utf8.RuneCountInString(s) <= 100 && IsMasked(s) {
		return maskedErr(fn, s)
	}
	if utf8.RuneCountInString(s) > 100 {
		return parseErr(fn, s, "length", ErrLength)
	}
	han, latin, dots := 0, 0, 0
	prev := rune(0)
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFFEF && !isMiddleDot(r):
			return parseErr(fn, s, "full-width characters", ErrFormat)
		case unicode.Is(unicode.Han, r):
			han++
		case isMiddleDot(r):
			if prev == 0 || isMiddleDot(prev) {
				return parseErr(fn, s, "middle dot", ErrFormat)
			}
			dots++
		case unicode.Is(unicode.Latin, r):
			latin++
		case r == ' ' || r == '-' || r == '\'' || r == '.':
			if han > 0 {
				return parseErr(fn, s, "characters", ErrFormat)
			}
		default:
			return parseErr(fn, s, "characters", ErrFormat)
		}
		prev = r
	}
	switch {
	case han > 0 && latin > 0:
		return parseErr(fn, s, "mixed scripts", ErrFormat)
	case han > 0:
		if isMiddleDot(prev) {
			return parseErr(fn, s, "middle dot", ErrFormat)
		}
		if han < 2 || han > 30 {
			return parseErr(fn, s, "length", ErrLength)
		}
	case latin >= 2:
		if dots > 0 {
			return parseErr(fn, s, "middle dot", ErrFormat)
		}
	default:
		return parseErr(fn, s, "characters", ErrFormat)
	}
	return nil
}

// NameMatch is the result of [CompareNames].
type NameMatch uint8

const (
	// NamesIdentical: the two names are the same string.
	NamesIdentical NameMatch = iota
	// NamesEqualFolded: equal only after folding full-width and half-width
	// brackets, spaces and middle dots. Beijing wants the licence's exact
	// brackets (TC-P-北京), so this is a warning, not a pass.
	NamesEqualFolded
	// NamesDifferent: the names differ even after folding.
	NamesDifferent
)

// String returns "identical", "equal_folded" or "different".
func (m NameMatch) String() string {
	return [...]string{"identical", "equal_folded", "different"}[min(int(m), 2)]
}

// CompareNames compares a unit name as entered with the name on its licence
// (the filing asks for the name "exactly as on the licence"). For
// NamesDifferent, at is the rune offset in entered of the first difference
// after folding; otherwise it is -1.
func CompareNames(licence, entered string) (m NameMatch, at int) {
	if licence == entered {
		return NamesIdentical, -1
	}
	a, b := []rune(foldName(licence)), []rune(foldName(entered))
	if string(a) == string(b) {
		return NamesEqualFolded, -1
	}
	// Map the difference back to a rune offset in entered.
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	off, seen := 0, 0
	for _, r := range entered {
		if f := foldRune(r); f != 0 {
			if seen == i {
				return NamesDifferent, off
			}
			seen++
		}
		off++
	}
	return NamesDifferent, off
}

func foldRune(r rune) rune {
	r = norm.Rune(r)
	switch {
	case r == ' ':
		return 0
	case isMiddleDot(r):
		return '·'
	case r == '【' || r == '〔':
		return '['
	case r == '】' || r == '〕':
		return ']'
	}
	return r
}

func foldName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f := foldRune(r); f != 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}
