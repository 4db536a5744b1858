package icp

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// NumberKind is the kind of a filing or licence number.
type NumberKind uint8

const (
	// SubjectFiling is a subject's filing number: 京ICP备12345678号.
	SubjectFiling NumberKind = iota + 1
	// SiteFiling is a website's number: 京ICP备12345678号-1.
	SiteFiling
	// AppFiling is an App's number: 京ICP备12345678号-2A.
	AppFiling
	// MiniProgramFiling is a mini-program's number: …号-3X.
	MiniProgramFiling
	// QuickAppFiling is a quick app's number: …号-4K (HW-app only).
	QuickAppFiling
	// ICPLicense is a commercial ICP licence (经营许可证): 京ICP证030173号, or
	// one of its services (…号-1).
	ICPLicense
	// TelecomLicense is a telecom business licence (电信业务经营许可证):
	// 粤B2-20090059, or one of its services (…-5, …-1626X). A licence may
	// cover several classes (A2.B1.B2-20090003), and licences issued by MIIT
	// itself carry no province: cross-regional ones are written without an
	// abbreviation (B1.B2-20150233), those of foreign-invested companies with
	// 合字 (合字B2-20170010).
	TelecomLicense
	// PoliceFiling is a public-security filing number:
	// 京公网安备11010502026149号.
	PoliceFiling
)

var kindNames = [...]string{"invalid", "subject_filing", "site_filing", "app_filing", "mini_program_filing",
	"quick_app_filing", "icp_license", "telecom_license", "police_filing"}

// String returns a snake_case name ("site_filing").
func (k NumberKind) String() string {
	if k > PoliceFiling {
		return kindNames[0]
	}
	return kindNames[k]
}

// Service is the kind of internet-information service a numbered service
// is; the suffix letter of its index.
type Service uint8

const (
	NoService   Service = iota // a subject or licence number itself
	Website                    // -N
	App                        // -NA
	MiniProgram                // -NX
	QuickApp                   // -NK
)

var serviceSuffix = [...]string{"", "", "A", "X", "K"}

// Number is a parsed ICP filing number, ICP licence, telecom licence or
// public-security filing number. It is a small comparable value; the zero
// Number is invalid.
//
// A Number is an identifier, so it keeps the abbreviation it was issued
// with: 川ICP备… stays 川ICP备… although Sichuan's usual abbreviation is 蜀.
type Number struct {
	kind      NumberKind
	svc       Service
	prov      province.Province
	abbr      rune  // as issued; '合' for 合字, 0 for a cross-regional licence
	classes   uint8 // telecom licence classes, a set of classNames
	serialLen uint8
	serial    uint64
	index     uint32
}

// Errors wrapped by a [*NumberError], matched with [errors.Is].
var (
	// ErrFormat: not shaped like any filing or licence number.
	ErrFormat = errors.New("not a filing number")
	// ErrAbbreviation: the leading abbreviation is not a mainland
	// province's (港, 澳, 台 have no ICP filing; 萌 and the like are vanity
	// registries).
	ErrAbbreviation = errors.New("not a province abbreviation")
	// ErrSerial: the serial has the wrong number of digits or is a
	// placeholder (all zeros).
	ErrSerial = errors.New("invalid serial")
	// ErrIndex: the service index is 0 or too large.
	ErrIndex = errors.New("invalid service index")
	// ErrMismatch: the parts disagree, as a 公网安备 number whose first two
	// digits are another province's code.
	ErrMismatch = errors.New("parts disagree")
	// ErrPlaceholder: a template's stand-in rather than a number: a serial
	// or index written with x, X or * (京ICP备2022xxxxxx号-1,
	// 京ICP备xxxxxxxx号-x), or a pending word instead of the number (待备案,
	// 审核中, 申请中, 请在此输入, and the others [FindNumbers] lists). An
	// all-zero serial (贵ICP备00000000号) wraps [ErrSerial] and matches
	// ErrPlaceholder too.
	ErrPlaceholder = errors.New("placeholder, not a number")
	// ErrOutdatedPolice: a public-security number in an outdated format of
	// 12 or 13 digits (京公网安备：110105001242, 深公网安备：4403101910665);
	// current numbers have 14 digits whose first two are the province code
	// and start with the province's [province.Province.PSBAbbr]. Such a site
	// needs its number from the current public-security filing system. It
	// also matches [ErrSerial].
	ErrOutdatedPolice = errors.New("outdated public-security number format")
)

// A NumberError reports input that is not a valid number, naming the part.
type NumberError struct {
	Func  string
	Input string // clipped to 60 bytes; filing numbers are public
	Part  string
	Err   error
}

// Error implements the error interface, naming the function, input and part.
func (e *NumberError) Error() string {
	return fmt.Sprintf("icp.%s(%q): %s: %v", e.Func, e.Input, e.Part, e.Err)
}

// Unwrap returns the sentinel error.
func (e *NumberError) Unwrap() error { return e.Err }

// Is makes two errors match a second sentinel: an all-zero serial
// ([ErrSerial], part "serial (placeholder)") matches [ErrPlaceholder], and
// an outdated public-security number ([ErrOutdatedPolice]), whose serial
// has the wrong length, matches [ErrSerial].
func (e *NumberError) Is(target error) bool {
	switch target {
	case ErrPlaceholder:
		return e.Err == ErrSerial && e.Part == partZeroSerial
	case ErrSerial:
		return e.Err == ErrOutdatedPolice
	}
	return false
}

const partZeroSerial = "serial (placeholder)"

func numErr(fn, in, part string, err error) error {
	return &NumberError{Func: fn, Input: norm.Clip(in, 60), Part: part, Err: err}
}

// ParseNumber parses the canonical form of every kind of number:
//
//	京ICP备12345678号          subject (8-digit serial, older) or
//	浙ICP备2021000001号        (10-digit serial, current)
//	京ICP备12345678号-1        website; -2A App, -3X mini program, -4K quick app
//	京ICP证030173号[-1]        ICP licence (6 digits, leading zeros kept)
//	粤B2-20090059[-5|-1626X]   telecom licence B1 or B2 (8 digits)
//	A2.B1.B2-20090003          telecom licence of several classes, issued by
//	                           MIIT (no abbreviation: cross-regional)
//	合字B2-20170010            telecom licence issued by MIIT to a
//	                           foreign-invested company
//	京公网安备11010502026149号  public-security filing (14 digits whose first
//	                           two are the province code)
//
// The abbreviation is any of [province.FromICPAbbr] (aliases such as 川 and
// 贵 are kept as issued); 公网安备 numbers use [province.Province.PSBAbbr]. The
// service index is at least 1 with no upper bound. Licence classes are
// written in the order A1, A2, B1, B2, joined by '.'.
//
// Placeholders (京ICP备XXXXXXXX号, 京ICP备2022xxxxxx号-1, an all-zero serial)
// give [ErrPlaceholder]; public-security numbers of 12 or 13 digits give
// [ErrOutdatedPolice]. Input with spaces, full-width characters or other
// slips is refused: see [NormalizeNumber]; to find numbers in free text see
// [FindNumbers]. ParseNumber does not allocate on success.
func ParseNumber(s string) (Number, error) { return parseNumber("ParseNumber", s) }

// MustParseNumber is like [ParseNumber] but panics on error. It is intended
// for tests and hard-coded values.
func MustParseNumber(s string) Number {
	n, err := ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

const (
	litICPBei = "ICP备"
	litICPZh  = "ICP证"
	litPolice = "公网安备"
	litHao    = "号"
	litHeZi   = "合字"
)

// classNames are the telecom licence classes (电信业务分类目录: A basic, B
// value-added services, first and second category) in canonical order; bit
// i of Number.classes stands for classNames[i].
var classNames = [...]string{"A1", "A2", "B1", "B2"}

// placeholderByte reports whether c stands in for a digit in templates.
func placeholderByte(c byte) bool { return c == 'x' || c == 'X' || c == '*' }

// serialRun splits s into its leading run of digits and placeholder
// characters and the rest, and reports whether the run holds a placeholder.
func serialRun(s string) (run, rest string, placeholder bool) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || placeholderByte(s[i])) {
		placeholder = placeholder || placeholderByte(s[i])
		i++
	}
	return s[:i], s[i:], placeholder
}

// classesPrefix reads "B2-", "B1.B2-", "A2.B1.B2-" …: classes in canonical
// order joined by '.', then '-'.
func classesPrefix(s string) (set uint8, rest string, ok bool) {
	for {
		if len(s) < 3 || (s[0] != 'A' && s[0] != 'B') || (s[1] != '1' && s[1] != '2') {
			return 0, s, false
		}
		bit := uint8(1) << ((s[0]-'A')*2 + s[1] - '1')
		if bit <= set { // repeated or out of order
			return 0, s, false
		}
		set |= bit
		switch s[2] {
		case '-':
			return set, s[3:], true
		case '.':
			s = s[3:]
		default:
			return 0, s, false
		}
	}
}

func isClassStart(s string) bool {
	return len(s) >= 3 && (s[0] == 'A' || s[0] == 'B') && (s[1] == '1' || s[1] == '2') && (s[2] == '-' || s[2] == '.')
}

func parseNumber(fn, s string) (Number, error) {
	if len(s) > 96 {
		return Number{}, numErr(fn, s, "length", ErrFormat)
	}
	if isClassStart(s) { // a cross-regional licence issued by MIIT
		return parseLicence(fn, s, Number{}, s)
	}
	r, size := utf8.DecodeRuneInString(s)
	if size < 3 || r == utf8.RuneError {
		return Number{}, numErr(fn, s, "abbreviation", ErrFormat)
	}
	abbr, rest := s[:size], s[size:]
	var n Number
	n.abbr = r
	switch {
	case hasPrefix(rest, litPolice):
		rest = rest[len(litPolice):]
		d, tail, ph := serialRun(rest)
		if err := placeholderErr(fn, s, d, ph); err != nil {
			return Number{}, err
		}
		if len(d) == 12 || len(d) == 13 {
			return Number{}, numErr(fn, s, "serial (12 or 13 digits: an outdated format; current numbers have 14)", ErrOutdatedPolice)
		}
		p, ok := province.FromPSBAbbr(abbr)
		if !ok {
			if q, _, ok2 := province.FromICPAbbr(abbr); ok2 && q.PSBAbbr() != abbr {
				return Number{}, numErr(fn, s, "abbreviation ("+q.PSBAbbr()+" in 公网安备 numbers)", ErrAbbreviation)
			}
			return Number{}, numErr(fn, s, "abbreviation", ErrAbbreviation)
		}
		n.kind, n.prov = PoliceFiling, p
		if len(d) != 14 {
			return Number{}, numErr(fn, s, "serial (14 digits)", ErrSerial)
		}
		if tail != litHao {
			return Number{}, numErr(fn, s, "号 after the serial", ErrFormat)
		}
		code := int(d[0]-'0')*10 + int(d[1]-'0')
		if code != p.Code() {
			return Number{}, numErr(fn, s, "police code (first two digits name another province)", ErrMismatch)
		}
		n.serial, n.serialLen = atou64(d), 14
		return n, nil
	case hasPrefix(rest, litICPBei), hasPrefix(rest, litICPZh):
		licence := hasPrefix(rest, litICPZh)
		rest = rest[len(litICPBei):]
		d, tail, ph := serialRun(rest)
		if err := placeholderErr(fn, s, d, ph); err != nil {
			return Number{}, err
		}
		p, _, ok := province.FromICPAbbr(abbr)
		if !ok {
			return Number{}, numErr(fn, s, "abbreviation", ErrAbbreviation)
		}
		n.prov = p
		if licence {
			if len(d) != 6 {
				return Number{}, numErr(fn, s, "serial (6 digits)", ErrSerial)
			}
			n.kind = ICPLicense
		} else {
			if len(d) != 8 && len(d) != 10 {
				return Number{}, numErr(fn, s, "serial (8 or 10 digits)", ErrSerial)
			}
			n.kind = SubjectFiling
		}
		n.serial, n.serialLen = atou64(d), uint8(len(d))
		if !hasPrefix(tail, litHao) {
			return Number{}, numErr(fn, s, "号 after the serial", ErrFormat)
		}
		return parseIndex(fn, s, n, tail[len(litHao):])
	case r == '合' && hasPrefix(rest, "字") && isClassStart(rest[len("字"):]):
		return parseLicence(fn, s, n, rest[len("字"):])
	case isClassStart(rest):
		p, _, ok := province.FromICPAbbr(abbr)
		if !ok {
			return Number{}, numErr(fn, s, "abbreviation", ErrAbbreviation)
		}
		n.prov = p
		return parseLicence(fn, s, n, rest)
	}
	return Number{}, numErr(fn, s, "kind (ICP备, ICP证, B2- or 公网安备)", ErrFormat)
}

func placeholderErr(fn, s, d string, ph bool) error {
	switch {
	case ph:
		return numErr(fn, s, "serial (placeholder)", ErrPlaceholder)
	case d != "" && allZero(d):
		return numErr(fn, s, partZeroSerial, ErrSerial)
	}
	return nil
}

// parseLicence reads the classes, serial and index of a telecom licence;
// n holds the abbreviation and province already.
func parseLicence(fn, s string, n Number, rest string) (Number, error) {
	set, rest, ok := classesPrefix(rest)
	if !ok {
		return Number{}, numErr(fn, s, "licence classes (A1, A2, B1, B2 in this order, joined by '.')", ErrFormat)
	}
	n.kind, n.classes = TelecomLicense, set
	d, tail, ph := serialRun(rest)
	if err := placeholderErr(fn, s, d, ph); err != nil {
		return Number{}, err
	}
	if len(d) != 8 {
		return Number{}, numErr(fn, s, "serial (8 digits)", ErrSerial)
	}
	n.serial, n.serialLen = atou64(d), 8
	return parseIndex(fn, s, n, tail)
}

// parseIndex reads an optional "-N[AXK]" and nothing after it.
func parseIndex(fn, s string, n Number, rest string) (Number, error) {
	if rest == "" {
		return n, nil
	}
	if rest[0] != '-' {
		return Number{}, numErr(fn, s, "text after the number", ErrFormat)
	}
	d, tail := digitsPrefix(rest[1:])
	if d == "" {
		if tail != "" && placeholderByte(tail[0]) {
			return Number{}, numErr(fn, s, "service index (placeholder)", ErrPlaceholder)
		}
		return Number{}, numErr(fn, s, "service index", ErrIndex)
	}
	if len(d) > 9 || d[0] == '0' {
		return Number{}, numErr(fn, s, "service index (0, a leading zero, or too large)", ErrIndex)
	}
	n.index = uint32(atou64(d))
	n.svc = Website
	switch tail {
	case "":
	case "A":
		n.svc = App
	case "X":
		n.svc = MiniProgram
	case "K":
		n.svc = QuickApp
	default:
		return Number{}, numErr(fn, s, "service suffix (A, X or K)", ErrFormat)
	}
	if n.kind == SubjectFiling {
		n.kind = [...]NumberKind{0, SiteFiling, AppFiling, MiniProgramFiling, QuickAppFiling}[n.svc]
	}
	if n.kind == ICPLicense && n.svc != Website {
		return Number{}, numErr(fn, s, "service suffix on an ICP licence", ErrFormat)
	}
	return n, nil
}

// PoliceNumber returns the public-security filing number with the given 14
// digits, whose first two digits are the province code: PoliceNumber
// ("11010502026149") is 京公网安备11010502026149号, with the province's
// [province.Province.PSBAbbr]. Twelve or thirteen digits give
// [ErrOutdatedPolice]; other input a [*NumberError] naming the part.
func PoliceNumber(digits string) (Number, error) {
	const fn = "PoliceNumber"
	d, tail := digitsPrefix(digits)
	switch {
	case tail != "" || d == "":
		return Number{}, numErr(fn, digits, "digits", ErrFormat)
	case len(d) == 12 || len(d) == 13:
		return Number{}, numErr(fn, digits, "serial (12 or 13 digits: an outdated format; current numbers have 14)", ErrOutdatedPolice)
	case len(d) != 14:
		return Number{}, numErr(fn, digits, "serial (14 digits)", ErrSerial)
	case allZero(d[2:]):
		return Number{}, numErr(fn, digits, partZeroSerial, ErrSerial)
	}
	p, ok := province.FromCode(int(d[0]-'0')*10 + int(d[1]-'0'))
	if !ok {
		return Number{}, numErr(fn, digits, "police code (first two digits are no province's code)", ErrMismatch)
	}
	r, _ := utf8.DecodeRuneInString(p.PSBAbbr())
	return Number{kind: PoliceFiling, prov: p, abbr: r, serial: atou64(d), serialLen: 14}, nil
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

func digitsPrefix(s string) (digits, rest string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

func allZero(d string) bool {
	for i := 0; i < len(d); i++ {
		if d[i] != '0' {
			return false
		}
	}
	return true
}

func atou64(d string) uint64 {
	var v uint64
	for i := 0; i < len(d); i++ {
		v = v*10 + uint64(d[i]-'0')
	}
	return v
}

// IsValid reports whether n is a parsed number.
func (n Number) IsValid() bool { return n.kind != 0 }

// Kind returns the kind of number.
func (n Number) Kind() NumberKind { return n.kind }

// Service returns the service type of a numbered service, or NoService.
func (n Number) Service() Service { return n.svc }

// Province returns the issuing province. Telecom licences issued by MIIT
// itself (合字 licences and cross-regional ones) have none: the zero
// Province.
func (n Number) Province() province.Province { return n.prov }

// Abbr returns the abbreviation as issued (蜀 or 川 for Sichuan), "合字" for
// a licence of a foreign-invested company, "" for a cross-regional licence.
func (n Number) Abbr() string {
	switch {
	case !n.IsValid() || n.abbr == 0:
		return ""
	case n.abbr == '合' && n.prov == 0:
		return litHeZi
	}
	return string(n.abbr)
}

// CanonicalAbbr reports whether the number uses the province's usual
// abbreviation ([province.Province.ICPAbbr], or PSBAbbr for 公网安备).
// Licences issued by MIIT itself, which have no province, report true.
func (n Number) CanonicalAbbr() bool {
	if n.IsValid() && n.prov == 0 {
		return true
	}
	if n.kind == PoliceFiling {
		return n.Abbr() == n.prov.PSBAbbr()
	}
	return n.Abbr() == n.prov.ICPAbbr()
}

// Serial returns the serial digits with leading zeros ("030173").
func (n Number) Serial() string {
	if !n.IsValid() {
		return ""
	}
	return string(appendSerial(nil, n.serial, n.serialLen))
}

// Index returns the service index N of -N, or 0.
func (n Number) Index() int { return int(n.index) }

// Class returns the classes of a telecom licence, "B2", "B1" or several
// joined by '.' ("A2.B1.B2"), and "" for other kinds.
func (n Number) Class() string {
	if n.kind != TelecomLicense {
		return ""
	}
	return string(appendClasses(nil, n.classes))
}

func appendClasses(b []byte, set uint8) []byte {
	first := true
	for i, name := range classNames {
		if set&(1<<i) == 0 {
			continue
		}
		if !first {
			b = append(b, '.')
		}
		b, first = append(b, name...), false
	}
	return b
}

// Subject returns the number without its service index: the subject number
// of a site or App number, the licence of a licensed service. It reports
// false for 公网安备 numbers.
func (n Number) Subject() (Number, bool) {
	if !n.IsValid() || n.kind == PoliceFiling {
		return Number{}, false
	}
	s := n
	s.index, s.svc = 0, NoService
	if s.kind >= SiteFiling && s.kind <= QuickAppFiling {
		s.kind = SubjectFiling
	}
	return s, true
}

// WithIndex returns the number of service i (i ≥ 1) of a subject or licence
// number, with the given service type.
func (n Number) WithIndex(i int, svc Service) (Number, error) {
	if i < 1 || i > 999_999_999 || svc < Website || svc > QuickApp {
		return Number{}, &NumberError{Func: "Number.WithIndex", Input: strconv.Itoa(i), Part: "service index", Err: ErrIndex}
	}
	s, ok := n.Subject()
	if !ok || s.kind == ICPLicense && svc != Website {
		return Number{}, &NumberError{Func: "Number.WithIndex", Input: n.String(), Part: "number kind", Err: ErrFormat}
	}
	s.index, s.svc = uint32(i), svc
	if s.kind == SubjectFiling {
		s.kind = [...]NumberKind{0, SiteFiling, AppFiling, MiniProgramFiling, QuickAppFiling}[svc]
	}
	return s, nil
}

// Year returns the year encoded in the serial, where there is one: a
// 10-digit 备 serial starts with the four-digit year (2021000001 → 2021); an
// 8-digit one with a two-digit year, read as 20YY (05083559 → 2005: 备 numbers
// exist only since 2004, an UNCERTAIN heuristic); a telecom licence serial
// with the four-digit year. ICP licences and 公网安备 numbers encode none.
func (n Number) Year() (int, bool) {
	switch {
	case n.kind >= SubjectFiling && n.kind <= QuickAppFiling && n.serialLen == 10:
		y := int(n.serial / 1_000_000)
		return y, y >= 1990 && y <= 2200
	case n.kind == TelecomLicense:
		y := int(n.serial / 10_000)
		return y, y >= 1990 && y <= 2200
	case n.kind >= SubjectFiling && n.kind <= QuickAppFiling && n.serialLen == 8:
		return 2000 + int(n.serial/1_000_000), true
	}
	return 0, false
}

func appendSerial(b []byte, v uint64, width uint8) []byte {
	var d [20]byte
	i := len(d)
	for v > 0 || i == len(d) {
		i--
		d[i] = byte('0' + v%10)
		v /= 10
	}
	for k := len(d) - i; k < int(width); k++ {
		b = append(b, '0')
	}
	return append(b, d[i:]...)
}

// AppendText implements [encoding.TextAppender]. It does not allocate when
// b has room. The zero Number appends nothing.
func (n Number) AppendText(b []byte) ([]byte, error) {
	if !n.IsValid() {
		return b, nil
	}
	switch {
	case n.abbr == 0:
	case n.abbr == '合' && n.prov == 0:
		b = append(b, litHeZi...)
	default:
		b = utf8.AppendRune(b, n.abbr)
	}
	switch n.kind {
	case PoliceFiling:
		b = append(b, litPolice...)
		b = appendSerial(b, n.serial, n.serialLen)
		return append(b, litHao...), nil
	case TelecomLicense:
		b = appendClasses(b, n.classes)
		b = append(b, '-')
		b = appendSerial(b, n.serial, n.serialLen)
	case ICPLicense:
		b = append(b, litICPZh...)
		b = appendSerial(b, n.serial, n.serialLen)
		b = append(b, litHao...)
	default:
		b = append(b, litICPBei...)
		b = appendSerial(b, n.serial, n.serialLen)
		b = append(b, litHao...)
	}
	if n.index > 0 {
		b = append(b, '-')
		b = strconv.AppendUint(b, uint64(n.index), 10)
		b = append(b, serviceSuffix[n.svc]...)
	}
	return b, nil
}

// String returns the canonical form, which [ParseNumber] accepts.
func (n Number) String() string {
	b, _ := n.AppendText(make([]byte, 0, 40))
	return string(b)
}

// MarshalText implements [encoding.TextMarshaler].
func (n Number) MarshalText() ([]byte, error) { return n.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseNumber];
// empty text gives the zero Number.
func (n *Number) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*n = Number{}
		return nil
	}
	v, err := ParseNumber(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// Compare orders numbers by province code, kind, serial, index and service
// type, and returns -1, 0 or +1.
func (n Number) Compare(m Number) int {
	c := func(a, b uint64) int {
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	}
	for _, r := range [...]int{
		c(uint64(n.prov.Code()), uint64(m.prov.Code())),
		c(uint64(n.kind), uint64(m.kind)),
		c(n.serial, m.serial),
		c(uint64(n.serialLen), uint64(m.serialLen)),
		c(uint64(n.index), uint64(m.index)),
		c(uint64(n.svc), uint64(m.svc)),
		c(uint64(n.abbr), uint64(m.abbr)),
		c(uint64(n.classes), uint64(m.classes)),
	} {
		if r != 0 {
			return r
		}
	}
	return 0
}
