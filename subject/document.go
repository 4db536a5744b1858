package subject

import (
	"fmt"
	"time"

	"github.com/icpkit/icpkit/internal/norm"
)

// DocumentID is a validated certificate or identity-document number of a
// given [DocType]. Numbers of the GB 11643 layout are checked like
// [ParseIDNumber], credit-code-bearing certificates like [ParseCreditCode],
// organisation codes with their GB 11714 check; other documents by format
// only (see [ParseDocument]). The zero value is invalid.
//
// Personal documents print masked (String, fmt, slog); unit certificates
// print in full. [DocumentID.Number] and the stored forms (MarshalText, so
// JSON, and Value for SQL) give the full number.
type DocumentID struct {
	typ DocType
	id  ResidentID // GB 11643 layout
	cc  CreditCode // credit-code-bearing certificates
	s   [32]byte   // other formats, canonical (at most 30 characters), each byte XOR scrambleByte
	n   uint8
}

// ParseDocument validates number as a document of type t:
//
//   - ResidentIDCard: a mainland ID ([ParseResidentID]).
//   - ResidencePermitHMT: an 81/82/83 number ([ParseIDNumber]).
//   - ForeignPermanentResidentID: the 2023 18-character form starting with 9,
//     or the 2017 form of 3 letters and 12 digits.
//   - HKMacauPermit: H or M and 8 digits (card), or H or M and 10 digits
//     (older booklet).
//   - TaiwanPermit: 8 digits (card), or 10 digits optionally followed by a
//     letter, with or without parentheses (older form, which Jiangsu asks
//     for: TC-P-江苏).
//   - Passport: 5 to 20 letters and digits (format only; passports are
//     country-specific).
//   - OrganizationCodeCertificate: 8 characters, optional '-', check
//     character (GB 11714).
//   - certificates that bear a credit code: [ParseCreditCode].
//   - MilitaryCode: 1 to 30 letters and digits (no format is documented).
//
// Input is folded like the other parsers (full width, spaces, lower case).
func ParseDocument(t DocType, number string) (DocumentID, error) {
	d, err := parseDocument(t, number)
	if err != nil && t.IsValid() && len(number) <= 64 && IsMasked(number) {
		return DocumentID{}, maskedErr("ParseDocument", number)
	}
	return d, err
}

func parseDocument(t DocType, number string) (DocumentID, error) {
	const fn = "ParseDocument"
	switch {
	case t == ResidentIDCard:
		id, err := ParseResidentID(number)
		return DocumentID{typ: t, id: id}, err
	case t == ResidencePermitHMT || t == ForeignPermanentResidentID:
		id, err := ParseIDNumber(number)
		if err == nil {
			want := HMTResidencePermit
			if t == ForeignPermanentResidentID {
				want = ForeignPermanentResident
			}
			if id.Kind() != want {
				return DocumentID{}, parseErr(fn, number, "number does not belong to a "+t.NameEn(), ErrComponent)
			}
			return DocumentID{typ: t, id: id}, nil
		}
		if t == ResidencePermitHMT {
			return DocumentID{}, err
		}
	case t.BearsCreditCode():
		cc, err := ParseCreditCode(number)
		return DocumentID{typ: t, cc: cc}, err
	case !t.IsValid():
		return DocumentID{}, &ParseError{Func: fn, Input: "", Part: "document type", Err: ErrComponent}
	}
	if len(number) > 64 {
		return DocumentID{}, parseErr(fn, number, "length", ErrLength)
	}
	var buf [72]byte
	b := norm.Append(buf[:0], number, true, true)
	if t == OrganizationCodeCertificate && len(b) == 10 && b[8] == '-' {
		b = append(b[:8], b[9])
	}
	if t == TaiwanPermit {
		// 1234567890(B) → 1234567890B
		if l := len(b); l == 13 && b[10] == '(' && b[12] == ')' {
			b = append(b[:10], b[11])
		}
	}
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return DocumentID{}, parseErr(fn, number, "characters", ErrFormat)
		}
	}
	ok := false
	switch t {
	case ForeignPermanentResidentID:
		ok = len(b) == 15 && letters(b[:3]) && digits(b[3:])
	case HKMacauPermit:
		ok = (len(b) == 9 || len(b) == 11) && (b[0] == 'H' || b[0] == 'M') && digits(b[1:])
	case TaiwanPermit:
		ok = len(b) == 8 && digits(b) || len(b) == 10 && digits(b) || len(b) == 11 && digits(b[:10]) && letters(b[10:])
	case Passport:
		ok = len(b) >= 5 && len(b) <= 20
	case OrganizationCodeCertificate:
		if len(b) != 9 {
			return DocumentID{}, parseErr(fn, number, "length", ErrLength)
		}
		if orgCheck(b[:8]) != b[8] {
			return DocumentID{}, parseErr(fn, number, "check character", ErrChecksum)
		}
		ok = true
	case MilitaryCode:
		ok = len(b) >= 1 && len(b) <= 30
	}
	if !ok {
		return DocumentID{}, parseErr(fn, number, t.NameEn()+" format", ErrFormat)
	}
	d := DocumentID{typ: t, n: uint8(len(b))}
	for i, c := range b {
		d.s[i] = c ^ scrambleByte
	}
	return d, nil
}

func digits(b []byte) bool { return len(b) > 0 && norm.Digits(string(b)) }

func letters(b []byte) bool {
	for _, c := range b {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return len(b) > 0
}

// Type returns the document type.
func (d DocumentID) Type() DocType { return d.typ }

// IsValid reports whether d is a parsed document number.
func (d DocumentID) IsValid() bool { return d.typ != 0 }

// ResidentID returns the number as a [ResidentID] for documents of the GB
// 11643 layout.
func (d DocumentID) ResidentID() (ResidentID, bool) { return d.id, d.id.IsValid() }

// CreditCode returns the number as a [CreditCode] for certificates that
// bear one.
func (d DocumentID) CreditCode() (CreditCode, bool) { return d.cc, d.cc.IsValid() }

// Number returns the full canonical number.
func (d DocumentID) Number() string {
	switch {
	case d.id.IsValid():
		return d.id.Number()
	case d.cc.IsValid():
		return d.cc.String()
	}
	return d.other()
}

// scrambleByte is XORed into the characters a DocumentID holds (see
// ResidentID).
const scrambleByte = byte(scramble & 0xFF)

// other returns the number of a document of another format.
func (d DocumentID) other() string {
	var b [len(d.s)]byte
	for i := range d.n {
		b[i] = d.s[i] ^ scrambleByte
	}
	return string(b[:d.n])
}

// String returns the number, masked when the document is personal.
func (d DocumentID) String() string {
	if !d.IsValid() {
		return ""
	}
	if d.typ.IsPersonal() {
		if d.id.IsValid() {
			return d.id.String()
		}
		return Mask(d.other())
	}
	return d.Number()
}

// Date is a calendar date without a time zone, written YYYY-MM-DD in JSON.
// The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in China (UTC+8, a fixed zone),
// whatever t's location: validity windows and ages are counted in China's
// days, so a server in UTC gets the same answer as one in Shanghai.
func DateOf(t time.Time) Date {
	y, m, d := t.In(norm.China).Date()
	return Date{y, m, d}
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &ParseError{Func: "ParseDate", Input: echo(s), Part: "date (want YYYY-MM-DD)", Err: ErrFormat}
	}
	return DateOf(t), nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// DaysUntil returns the number of days from d to e (negative if e is
// earlier).
func (d Date) DaysUntil(e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText implements [encoding.TextMarshaler].
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; empty text gives the
// zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
