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
	// TelecomLicense is a value-added telecom licence: 粤B2-20090059 (B1
	// too), or one of its services (…-5, …-1626X).
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
	abbr      rune // as issued
	class     [2]byte
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
//	京公网安备11010502026149号  public-security filing (14 digits whose first
//	                           two are the province code)
//
// The abbreviation is any of [province.FromICPAbbr] (aliases such as 川 and
// 贵 are kept as issued); 公网安备 numbers use [province.Province.PSBAbbr]. The
// service index is at least 1 with no upper bound. Input with spaces,
// full-width characters or other slips is refused: see [NormalizeNumber].
// ParseNumber does not allocate on success.
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
)

func parseNumber(fn, s string) (Number, error) {
	if len(s) > 96 {
		return Number{}, numErr(fn, s, "length", ErrFormat)
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
		p, ok := province.FromPSBAbbr(abbr)
		if !ok {
			if q, _, ok2 := province.FromICPAbbr(abbr); ok2 && q.PSBAbbr() != abbr {
				return Number{}, numErr(fn, s, "abbreviation ("+q.PSBAbbr()+" in 公网安备 numbers)", ErrAbbreviation)
			}
			return Number{}, numErr(fn, s, "abbreviation", ErrAbbreviation)
		}
		n.kind, n.prov = PoliceFiling, p
		rest = rest[len(litPolice):]
		d, tail := digitsPrefix(rest)
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
		p, _, ok := province.FromICPAbbr(abbr)
		if !ok {
			return Number{}, numErr(fn, s, "abbreviation", ErrAbbreviation)
		}
		n.prov = p
		licence := hasPrefix(rest, litICPZh)
		rest = rest[len(litICPBei):]
		d, tail := digitsPrefix(rest)
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
		if allZero(d) {
			return Number{}, numErr(fn, s, "serial (placeholder)", ErrSerial)
		}
		n.serial, n.serialLen = atou64(d), uint8(len(d))
		if !hasPrefix(tail, litHao) {
			return Number{}, numErr(fn, s, "号 after the serial", ErrFormat)
		}
		return parseIndex(fn, s, n, tail[len(litHao):])
	case len(rest) >= 3 && (rest[0] == 'B' || rest[0] == 'A') && (rest[1] == '1' || rest[1] == '2') && rest[2] == '-':
		p, _, ok := province.FromICPAbbr(abbr)
		if !ok {
			return Number{}, numErr(fn, s, "abbreviation", ErrAbbreviation)
		}
		n.prov, n.kind = p, TelecomLicense
		n.class = [2]byte{rest[0], rest[1]}
		d, tail := digitsPrefix(rest[3:])
		if len(d) != 8 {
			return Number{}, numErr(fn, s, "serial (8 digits)", ErrSerial)
		}
		if allZero(d) {
			return Number{}, numErr(fn, s, "serial (placeholder)", ErrSerial)
		}
		n.serial, n.serialLen = atou64(d), 8
		return parseIndex(fn, s, n, tail)
	}
	return Number{}, numErr(fn, s, "kind (ICP备, ICP证, B2- or 公网安备)", ErrFormat)
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

// Province returns the issuing province.
func (n Number) Province() province.Province { return n.prov }

// Abbr returns the abbreviation as issued (蜀 or 川 for Sichuan).
func (n Number) Abbr() string {
	if !n.IsValid() {
		return ""
	}
	return string(n.abbr)
}

// CanonicalAbbr reports whether the number uses the province's usual
// abbreviation ([province.Province.ICPAbbr], or PSBAbbr for 公网安备).
func (n Number) CanonicalAbbr() bool {
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

// Class returns "B2", "B1" … for a telecom licence, "" otherwise.
func (n Number) Class() string {
	if n.kind != TelecomLicense {
		return ""
	}
	return string(n.class[:])
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
	b = utf8.AppendRune(b, n.abbr)
	switch n.kind {
	case PoliceFiling:
		b = append(b, litPolice...)
		b = appendSerial(b, n.serial, n.serialLen)
		return append(b, litHao...), nil
	case TelecomLicense:
		b = append(b, n.class[0], n.class[1], '-')
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
		c(uint64(n.class[0])<<8|uint64(n.class[1]), uint64(m.class[0])<<8|uint64(m.class[1])),
	} {
		if r != 0 {
			return r
		}
	}
	return 0
}
