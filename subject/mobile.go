package subject

import (
	"database/sql/driver"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/internal/tsv"
)

//go:embed data/mobile_segments.tsv
var defaultSegments string

// Class is the class of a mobile number segment.
type Class uint8

const (
	// Basic numbers of the four basic operators (China Mobile, China
	// Unicom, China Telecom, China Broadnet).
	Basic Class = iota + 1
	// Virtual numbers of virtual operators (MVNOs: 162, 165, 167, 170x,
	// 171). Some cannot receive the MIIT verification SMS (TC-sms) and the
	// brief refuses them as emergency numbers.
	Virtual
	// IoT numbers (13 digits) are data-only and not a contact mobile.
	IoT
	// Satellite numbers (1749, 1740x) are not a contact mobile.
	Satellite
	// Emergency-communication numbers (17406–17412).
	Emergency
)

var classNames = []string{"", "basic", "virtual", "iot", "satellite", "emergency"}

// String returns "basic", "virtual", "iot", "satellite" or "emergency".
func (c Class) String() string {
	if int(c) < len(classNames) && c != 0 {
		return classNames[c]
	}
	return "invalid"
}

// Carrier is a basic operator. Because of number portability (携号转网, since
// 2019-12-01) it is the operator that was allocated the segment, which is
// not always the one serving the number today.
type Carrier uint8

// The basic operators.
const (
	ChinaMobile   Carrier = iota + 1 // 中国移动
	ChinaUnicom                      // 中国联通
	ChinaTelecom                     // 中国电信
	ChinaBroadnet                    // 中国广电
)

var carrierNames = []string{"", "mobile", "unicom", "telecom", "broadnet"}
var carrierZh = []string{"", "中国移动", "中国联通", "中国电信", "中国广电"}

// String returns "mobile", "unicom", "telecom" or "broadnet".
func (c Carrier) String() string {
	if int(c) < len(carrierNames) && c != 0 {
		return carrierNames[c]
	}
	return "unknown"
}

// NameZh returns the Chinese name (中国移动).
func (c Carrier) NameZh() string {
	if int(c) < len(carrierZh) {
		return carrierZh[c]
	}
	return ""
}

// A Segment is one row of a [SegmentTable].
type Segment struct {
	Prefix  string
	Digits  int // 11, or 13 for IoT numbers
	Class   Class
	Carrier Carrier
	Status  string // CONFIRMED or UNCERTAIN
	Source  string
	AsOf    string // date of the source
	Note    string
}

// A SegmentTable classifies mobile numbers by prefix. [DefaultSegments]
// returns the embedded table (subject/data/mobile_segments.tsv); a panel can
// load a newer one with [LoadSegments]. A SegmentTable is immutable and safe
// for concurrent use.
type SegmentTable struct {
	version string
	rows    []Segment
	by3     [2][100]int16   // [11 or 13 digits][prefix 100–199 minus 100] → row index+1
	longer  [2][100][]int16 // rows with 4- or 5-digit prefixes under each 3-digit head, longest first
}

// Version returns the data version of the table.
func (t *SegmentTable) Version() string { return t.version }

// Segments returns the rows of the table. The result is a new slice.
func (t *SegmentTable) Segments() []Segment { return append([]Segment(nil), t.rows...) }

var defaultSegTable = sync.OnceValues(func() (*SegmentTable, error) {
	return loadSegments("mobile_segments.tsv", strings.NewReader(defaultSegments))
})

// DefaultSegments returns the embedded segment table.
func DefaultSegments() *SegmentTable {
	t, err := defaultSegTable()
	if err != nil {
		panic(err) // the embedded data is checked by the package tests
	}
	return t
}

// ErrSegmentData is wrapped by every error [LoadSegments] returns.
var ErrSegmentData = errors.New("bad segment data")

// LoadSegments reads a segment table in the format of
// subject/data/mobile_segments.tsv. Input over 1 MiB is an error.
func LoadSegments(r io.Reader) (*SegmentTable, error) { return loadSegments("<input>", r) }

func loadSegments(name string, r io.Reader) (*SegmentTable, error) {
	t := &SegmentTable{}
	bad := func(line int, msg string) error {
		return fmt.Errorf("subject: %s:%d: %w: %s", name, line, ErrSegmentData, msg)
	}
	line, err := tsv.Read(r, 1<<20, func(line int, k, v string) error {
		if k != "version" {
			return bad(line, "unknown directive "+strconv.Quote(k))
		}
		t.version = v
		return nil
	}, func(line int, c []string) error {
		fail := func(msg string) error { return bad(line, msg) }
		if len(c) < 7 || len(c) > 8 {
			return fail("want 7 or 8 columns")
		}
		s := Segment{Prefix: c[0], Status: c[4], Source: c[5], AsOf: c[6]}
		if len(c) == 8 {
			s.Note = c[7]
		}
		if len(s.Prefix) < 3 || len(s.Prefix) > 5 || !norm.Digits(s.Prefix) || s.Prefix[0] != '1' {
			return fail("prefix must be 3 to 5 digits starting with 1")
		}
		d, err := strconv.Atoi(c[1])
		if err != nil || d != 11 && d != 13 {
			return fail("digits must be 11 or 13")
		}
		s.Digits = d
		if s.Class = Class(index(classNames, c[2])); s.Class == 0 {
			return fail("unknown class " + strconv.Quote(c[2]))
		}
		if s.Carrier = Carrier(index(carrierNames, c[3])); s.Carrier == 0 {
			return fail("unknown carrier " + strconv.Quote(c[3]))
		}
		if s.Status != "CONFIRMED" && s.Status != "UNCERTAIN" {
			return fail("status must be CONFIRMED or UNCERTAIN")
		}
		if s.Source == "" || s.Source == "-" {
			return fail("missing source")
		}
		t.rows = append(t.rows, s)
		i := int16(len(t.rows))
		k := 0
		if d == 13 {
			k = 1
		}
		if len(s.Prefix) == 3 {
			p, _ := strconv.Atoi(s.Prefix)
			if t.by3[k][p-100] != 0 {
				return fail("duplicate prefix " + s.Prefix)
			}
			t.by3[k][p-100] = i
		} else {
			h, _ := strconv.Atoi(s.Prefix[:3])
			t.longer[k][h-100] = append(t.longer[k][h-100], i)
		}
		return nil
	})
	if err != nil {
		if !errors.Is(err, ErrSegmentData) {
			err = bad(line, err.Error())
		}
		return nil, err
	}
	for k := range t.longer {
		for _, l := range t.longer[k] {
			// Longest prefix first so that 17406 wins over 1740.
			slices.SortStableFunc(l, func(a, b int16) int {
				return len(t.rows[b-1].Prefix) - len(t.rows[a-1].Prefix)
			})
		}
	}
	return t, nil
}

func (t *SegmentTable) classOf(i int16) segClass {
	r := &t.rows[i-1]
	return segClass{uint8(r.Digits), r.Class, r.Carrier}
}

func index(names []string, s string) int {
	for i, n := range names {
		if i > 0 && n == s {
			return i
		}
	}
	return 0
}

// segClass is what parsing needs of a Segment.
type segClass struct {
	digits  uint8
	class   Class
	carrier Carrier
}

func (t *SegmentTable) lookup(digits []byte) (segClass, bool) {
	k := 0
	if len(digits) == 13 {
		k = 1
	}
	p := int(digits[1]-'0')*10 + int(digits[2]-'0')
	for _, i := range t.longer[k][p] {
		pre := t.rows[i-1].Prefix
		if string(digits[:len(pre)]) == pre {
			return t.classOf(i), true
		}
	}
	if i := t.by3[k][p]; i != 0 {
		return t.classOf(i), true
	}
	return segClass{}, false
}

// Mobile is a valid mainland mobile number (11 digits, or 13 for IoT
// numbers) with its segment class and carrier. The zero value is invalid.
//
// A Mobile is personal data. [Mobile.String], every fmt verb and slog give
// the masked form 138****8000; [Mobile.MarshalText] (and so JSON),
// [Mobile.AppendText], [Mobile.Value] (SQL), [Mobile.Number] and
// [Mobile.E164] give the full number. The decoders refuse a masked number
// with [ErrMasked].
type Mobile struct {
	n       uint64 // the number, XOR scramble (see ResidentID)
	digits  uint8
	class   Class
	carrier Carrier
}

// ParseMobile parses a mainland mobile number using [DefaultSegments].
func ParseMobile(s string) (Mobile, error) { return DefaultSegments().ParseMobile(s) }

// MustParseMobile is like [ParseMobile] but panics on error. It is intended
// for tests and hard-coded values.
func MustParseMobile(s string) Mobile {
	m, err := ParseMobile(s)
	if err != nil {
		panic(err)
	}
	return m
}

// ParseMobile parses a mainland mobile number. It accepts a +86, 0086 or 86
// country prefix, spaces, dashes, parentheses and full-width digits. The
// number must fall in a listed segment: unallocated segments give
// [ErrComponent]. It does not allocate.
func (t *SegmentTable) ParseMobile(s string) (Mobile, error) {
	m, err := t.parseMobile(s)
	if err != nil && len(s) <= 64 && IsMasked(s) {
		return Mobile{}, maskedErr("ParseMobile", s)
	}
	return m, err
}

func (t *SegmentTable) parseMobile(s string) (Mobile, error) {
	const fn = "ParseMobile"
	if len(s) > 64 {
		return Mobile{}, parseErr(fn, s, "length", ErrLength)
	}
	var buf [72]byte
	b := buf[:0]
	if len(s) == 11 && norm.IsASCII(s) {
		b = append(b, s...)
	} else {
		b = norm.Append(b, s, true, false)
		// Drop separators people type inside numbers.
		w := 0
		for _, c := range b {
			if c == '-' || c == '(' || c == ')' || c == '.' {
				continue
			}
			b[w] = c
			w++
		}
		b = b[:w]
		switch {
		case len(b) > 3 && b[0] == '+' && b[1] == '8' && b[2] == '6':
			b = b[3:]
		case len(b) > 4 && b[0] == '0' && b[1] == '0' && b[2] == '8' && b[3] == '6':
			b = b[4:]
		case len(b) == 13 && b[0] == '8' && b[1] == '6' && b[2] == '1':
			b = b[2:]
		}
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return Mobile{}, parseErr(fn, s, "digits", ErrFormat)
		}
	}
	if len(b) == 0 {
		return Mobile{}, parseErr(fn, s, "digits", ErrFormat)
	}
	if len(b) != 11 && len(b) != 13 {
		return Mobile{}, parseErr(fn, s, "length", ErrLength)
	}
	if b[0] != '1' {
		return Mobile{}, parseErr(fn, s, "leading digit", ErrFormat)
	}
	seg, ok := t.lookup(b)
	if !ok || int(seg.digits) != len(b) {
		return Mobile{}, parseErr(fn, s, "segment (not allocated to mobile numbers)", ErrComponent)
	}
	var n uint64
	for _, c := range b {
		n = n*10 + uint64(c-'0')
	}
	return Mobile{n: n ^ scramble, digits: uint8(len(b)), class: seg.class, carrier: seg.carrier}, nil
}

// IsValid reports whether m is a parsed number.
func (m Mobile) IsValid() bool { return m.digits != 0 }

// Class returns the segment class.
func (m Mobile) Class() Class { return m.class }

// Virtual reports whether m belongs to a virtual operator (MVNO).
func (m Mobile) Virtual() bool { return m.class == Virtual }

// Carrier returns the operator the segment was allocated to (best effort:
// see [Carrier]).
func (m Mobile) Carrier() Carrier { return m.carrier }

// IsContact reports whether m can serve as a contact mobile in a filing:
// basic and virtual numbers can, IoT, satellite and emergency numbers
// cannot.
func (m Mobile) IsContact() bool { return m.class == Basic || m.class == Virtual }

// CanReceiveVerificationSMS reports whether m can receive the MIIT filing
// verification SMS. Only basic-operator numbers are relied on: TC-sms says
// some virtual and new ranges cannot, and its exact list is not published as
// text, so every virtual number is treated as unable.
func (m Mobile) CanReceiveVerificationSMS() bool { return m.class == Basic }

// AppendNumber appends the full national number (13800138000).
func (m Mobile) AppendNumber(b []byte) []byte {
	if !m.IsValid() {
		return b
	}
	return strconv.AppendUint(b, m.n^scramble, 10)
}

// Number returns the full national number.
func (m Mobile) Number() string { return string(m.AppendNumber(make([]byte, 0, 13))) }

// E164 returns the full number in E.164 form (+8613800138000).
func (m Mobile) E164() string {
	if !m.IsValid() {
		return ""
	}
	return string(m.AppendNumber([]byte("+86")))
}

func (m Mobile) appendMasked(b []byte) []byte {
	if !m.IsValid() {
		return b
	}
	start := len(b)
	b = m.AppendNumber(b)
	for i := start + 3; i < len(b)-4; i++ {
		b[i] = '*'
	}
	return b
}

// String returns the masked number 138****8000.
func (m Mobile) String() string { return string(m.appendMasked(make([]byte, 0, 13))) }

// AppendText implements [encoding.TextAppender] with the full national
// number, like [Mobile.AppendNumber].
func (m Mobile) AppendText(b []byte) ([]byte, error) { return m.AppendNumber(b), nil }

// MarshalText implements [encoding.TextMarshaler] with the full national
// number, so that JSON and other stored forms round-trip without loss.
func (m Mobile) MarshalText() ([]byte, error) { return m.AppendText(make([]byte, 0, 13)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseMobile];
// empty text gives the zero value. A masked number is refused with
// [ErrMasked].
func (m *Mobile) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Mobile{}
		return nil
	}
	v, err := ParseMobile(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Value implements [database/sql/driver.Valuer]: the full national number as
// text, or NULL for the zero value.
func (m Mobile) Value() (driver.Value, error) {
	return textValue(m.AppendNumber(make([]byte, 0, 13)), m.IsValid())
}

// Scan implements [database/sql.Scanner] for text and NULL, like
// [Mobile.UnmarshalText].
func (m *Mobile) Scan(src any) error {
	b, err := scanText("Mobile.Scan", src)
	if err != nil {
		return err
	}
	return m.UnmarshalText(b)
}

// Format implements [fmt.Formatter]: every verb prints the masked number.
func (m Mobile) Format(f fmt.State, verb rune) {
	formatForPeople(f, verb, "subject.Mobile", m.String())
}

// LogValue implements [log/slog.LogValuer] with the masked number.
func (m Mobile) LogValue() slog.Value { return slog.StringValue(m.String()) }
