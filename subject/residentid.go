package subject

import (
	"database/sql/driver"
	"fmt"
	"log/slog"
	"time"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// IDKind tells which document an 18-character identity number belongs to.
// All three share the GB 11643 layout and check character.
type IDKind uint8

const (
	// MainlandID is a 居民身份证 number: 6-digit division code, birth date,
	// sequence, check character.
	MainlandID IDKind = iota + 1
	// HMTResidencePermit is a 港澳台居民居住证 number: 810000 (Hong Kong),
	// 820000 (Macau) or 830000 (Taiwan), then birth date, sequence, check.
	HMTResidencePermit
	// ForeignPermanentResident is the 2023 外国人永久居留身份证 number: 18
	// characters starting with 9, birth date in positions 7–14 like an ID
	// card (format UNCERTAIN: the sources give only "18 chars
	// starting with 9").
	ForeignPermanentResident
)

// String returns "mainland_id", "hmt_residence_permit" or
// "foreign_permanent_resident".
func (k IDKind) String() string {
	switch k {
	case MainlandID:
		return "mainland_id"
	case HMTResidencePermit:
		return "hmt_residence_permit"
	case ForeignPermanentResident:
		return "foreign_permanent_resident"
	}
	return "invalid"
}

// ResidentID is a valid 18-character identity number (GB 11643-1999): a
// mainland resident ID, or one of the numbers that share its layout (see
// [IDKind]). The zero value is invalid.
//
// A ResidentID is personal data. What people read is masked:
// [ResidentID.String], every fmt verb ([ResidentID.Format]) and slog
// ([ResidentID.LogValue]) give 1101**********002X. What stores and transports
// it is lossless: [ResidentID.MarshalText] (and so JSON),
// [ResidentID.AppendText] and [ResidentID.Value] (SQL) write the full
// number, as do [ResidentID.Number] and [ResidentID.AppendNumber]. The
// decoders refuse a masked number with [ErrMasked].
type ResidentID struct {
	n    uint64 // the first 17 digits as a number, XOR scramble (see digits17)
	kind IDKind
}

// scramble is XORed into the numbers that the identifier types hold, so
// that fmt, which prints a value held in an unexported struct field by
// reflection without calling its methods, shows a meaningless number there
// rather than the person's.
const scramble uint64 = 0x9E3779B97F4A7C15

// digits17 returns the first 17 digits as a number.
func (id ResidentID) digits17() uint64 { return id.n ^ scramble }

var idWeights = [17]uint64{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// ResidentIDCheck returns the check character (0–9 or X) for the first 17
// digits of an identity number, or 0 if they are not 17 ASCII digits. It is
// exported for building synthetic test data.
func ResidentIDCheck(first17 string) byte {
	if len(first17) != 17 || !norm.Digits(first17) {
		return 0
	}
	var sum uint64
	for i := range 17 {
		sum += uint64(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// ParseResidentID parses a mainland resident ID number (居民身份证). It
// accepts full-width digits, a lower-case x and spaces; the check character
// is verified (ISO 7064 MOD 11-2), the birth date must be a real date from
// 1800 on, and the first two digits must be a province code. County codes are
// not checked: codes retired since issue (412723, 440524 …) are still held.
//
// ParseResidentID does not read the clock: check a birth date against a day
// with [ResidentID.ValidAt]. It does not allocate on success.
func ParseResidentID(s string) (ResidentID, error) {
	id, err := parseID("ParseResidentID", s)
	if err != nil {
		return ResidentID{}, err
	}
	switch id.kind {
	case HMTResidencePermit:
		return ResidentID{}, parseErr("ParseResidentID", s, "province code (81–83 is a residence permit; use ParseIDNumber)", ErrComponent)
	case ForeignPermanentResident:
		return ResidentID{}, parseErr("ParseResidentID", s, "province code (a leading 9 is a permanent-resident ID; use ParseIDNumber)", ErrComponent)
	}
	return id, nil
}

// ParseIDNumber parses any 18-character identity number of the GB 11643
// layout: a mainland ID, a Hong Kong, Macau or Taiwan residence permit
// (81/82/83), or a 2023 foreign permanent-resident ID (leading 9).
func ParseIDNumber(s string) (ResidentID, error) { return parseID("ParseIDNumber", s) }

// MustParseResidentID is like [ParseIDNumber] but panics on error. It is
// intended for tests and hard-coded values.
func MustParseResidentID(s string) ResidentID {
	id, err := ParseIDNumber(s)
	if err != nil {
		panic(err)
	}
	return id
}

// parseID parses s; when it fails on masked input, the error is ErrMasked.
// The mask check runs only on failure, so that it costs nothing on the
// valid numbers.
func parseID(fn, s string) (ResidentID, error) {
	id, err := parseIDDigits(fn, s)
	if err != nil && len(s) <= 64 && IsMasked(s) {
		return ResidentID{}, maskedErr(fn, s)
	}
	return id, err
}

func parseIDDigits(fn, s string) (ResidentID, error) {
	var buf [72]byte
	b := []byte(nil)
	if len(s) == 18 && norm.IsASCII(s) {
		b = buf[:18]
		copy(b, s)
		if b[17] == 'x' {
			b[17] = 'X'
		}
	} else {
		if len(s) > 64 {
			return ResidentID{}, parseErr(fn, s, "length", ErrLength)
		}
		b = norm.Append(buf[:0], s, true, true)
	}
	if len(b) != 18 {
		return ResidentID{}, parseErr(fn, s, "length", ErrLength)
	}
	var n, sum uint64
	for i := range 17 {
		c := b[i]
		if c < '0' || c > '9' {
			return ResidentID{}, parseErr(fn, s, "digits", ErrFormat)
		}
		d := uint64(c - '0')
		n = n*10 + d
		sum += d * idWeights[i]
	}
	if c := b[17]; !(c >= '0' && c <= '9' || c == 'X') {
		return ResidentID{}, parseErr(fn, s, "check character", ErrFormat)
	}
	if idCheckChars[sum%11] != b[17] {
		return ResidentID{}, parseErr(fn, s, "check character", ErrChecksum)
	}
	id := ResidentID{n: n ^ scramble}
	if _, _, _, ok := id.date(); !ok {
		return ResidentID{}, parseErr(fn, s, "birth date", ErrComponent)
	}
	switch p := id.prefix2(); {
	case p == 81 || p == 82 || p == 83:
		if n/100000000000 != uint64(p)*10000 {
			return ResidentID{}, parseErr(fn, s, "area code (a residence permit uses 810000, 820000 or 830000)", ErrComponent)
		}
		id.kind = HMTResidencePermit
	case p >= 90:
		// 9, then the province code of issue in positions 2–3.
		if _, ok := province.FromCode(p%10*10 + int(n/100000000000000%10)); !ok {
			return ResidentID{}, parseErr(fn, s, "province code", ErrComponent)
		}
		id.kind = ForeignPermanentResident
	default:
		if _, ok := province.FromCode(p); !ok {
			return ResidentID{}, parseErr(fn, s, "province code", ErrComponent)
		}
		id.kind = MainlandID
	}
	return id, nil
}

func (id ResidentID) prefix2() int { return int(id.digits17() / 1000000000000000) }

func (id ResidentID) date() (y, m, d int, ok bool) {
	v := id.digits17() / 1000 % 100000000
	y, m, d = int(v/10000), int(v/100%100), int(v%100)
	if y < 1800 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsValid reports whether id is a parsed number (not the zero value).
func (id ResidentID) IsValid() bool { return id.kind != 0 }

// Kind returns which document the number belongs to.
func (id ResidentID) Kind() IDKind { return id.kind }

// Birthdate returns the date of birth (UTC midnight).
func (id ResidentID) Birthdate() time.Time {
	y, m, d, ok := id.date()
	if !ok || !id.IsValid() {
		return time.Time{}
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// Province returns the province of issue of a mainland ID (its first two
// digits), and the zero Province for other kinds.
func (id ResidentID) Province() province.Province {
	if id.kind != MainlandID {
		return 0
	}
	p, _ := province.FromCode(id.prefix2())
	return p
}

// DivisionCode returns the six-digit administrative-division code (a
// mainland ID's county at the time of issue).
func (id ResidentID) DivisionCode() int {
	if !id.IsValid() {
		return 0
	}
	return int(id.digits17() / 100000000000)
}

// Female reports whether the sequence digit marks a woman (even).
func (id ResidentID) Female() bool { return id.IsValid() && id.digits17()%2 == 0 }

// AgeAt returns the age in completed years on t's calendar date in China
// (UTC+8, see [DateOf]), or -1 when that date is before the birth date.
func (id ResidentID) AgeAt(t time.Time) int {
	y, m, d, ok := id.date()
	if !ok || !id.IsValid() {
		return -1
	}
	ty, tm, td := t.In(norm.China).Date()
	age := ty - y
	if int(tm) < m || int(tm) == m && td < d {
		age--
	}
	if age < 0 {
		return -1
	}
	return age
}

// ValidAt returns an error wrapping [ErrComponent] if the birth date lies
// after the calendar date of t: a number that cannot belong to a living
// applicant on that day.
func (id ResidentID) ValidAt(t time.Time) error {
	if !id.IsValid() {
		return &ParseError{Func: "ResidentID.ValidAt", Part: "zero value", Err: ErrFormat}
	}
	if id.AgeAt(t) < 0 {
		return &ParseError{Func: "ResidentID.ValidAt", Input: id.String(), Part: "birth date after " + t.In(norm.China).Format(time.DateOnly), Err: ErrComponent}
	}
	return nil
}

// AppendNumber appends the full 18-character number. It does not allocate
// when b has room.
func (id ResidentID) AppendNumber(b []byte) []byte {
	if !id.IsValid() {
		return b
	}
	var d [18]byte
	n := id.digits17()
	var sum uint64
	for i := 16; i >= 0; i-- {
		d[i] = byte('0' + n%10)
		n /= 10
	}
	for i := range 17 {
		sum += uint64(d[i]-'0') * idWeights[i]
	}
	d[17] = idCheckChars[sum%11]
	return append(b, d[:]...)
}

// Number returns the full 18-character number, with an upper-case X.
func (id ResidentID) Number() string { return string(id.AppendNumber(make([]byte, 0, 18))) }

// String returns the masked number: the first 4 and last 4 characters,
// 1101**********002X. The zero value gives "".
func (id ResidentID) String() string { return string(id.appendMasked(make([]byte, 0, 18))) }

// appendMasked appends the masked form.
func (id ResidentID) appendMasked(b []byte) []byte {
	if !id.IsValid() {
		return b
	}
	start := len(b)
	b = id.AppendNumber(b)
	for i := start + 4; i < start+14; i++ {
		b[i] = '*'
	}
	return b
}

// AppendText implements [encoding.TextAppender] with the full number, like
// [ResidentID.AppendNumber]: text encodings are for storage, not for people.
func (id ResidentID) AppendText(b []byte) ([]byte, error) { return id.AppendNumber(b), nil }

// MarshalText implements [encoding.TextMarshaler] with the full number, so
// that JSON and other stored forms round-trip without loss. Print the value
// (String, fmt, slog) to show it to people.
func (id ResidentID) MarshalText() ([]byte, error) { return id.AppendText(make([]byte, 0, 18)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseIDNumber];
// empty text gives the zero value. A masked number is refused with
// [ErrMasked].
func (id *ResidentID) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*id = ResidentID{}
		return nil
	}
	v, err := ParseIDNumber(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// Value implements [database/sql/driver.Valuer]: the full number as text,
// or NULL for the zero value.
func (id ResidentID) Value() (driver.Value, error) {
	return textValue(id.AppendNumber(make([]byte, 0, 18)), id.IsValid())
}

// Scan implements [database/sql.Scanner] for text and NULL (the zero
// value), like [ResidentID.UnmarshalText].
func (id *ResidentID) Scan(src any) error {
	b, err := scanText("ResidentID.Scan", src)
	if err != nil {
		return err
	}
	return id.UnmarshalText(b)
}

// Format implements [fmt.Formatter]: every verb prints the masked number
// (see [ResidentID.String]); %#v prints subject.ResidentID("1101…002X").
func (id ResidentID) Format(f fmt.State, verb rune) {
	formatForPeople(f, verb, "subject.ResidentID", id.String())
}

// LogValue implements [log/slog.LogValuer] with the masked number, so that
// no handler (text or JSON) logs it in full.
func (id ResidentID) LogValue() slog.Value { return slog.StringValue(id.String()) }
