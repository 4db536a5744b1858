package subject

import (
	"database/sql/driver"
	"fmt"
	"log/slog"
	"strings"
)

// Format implements [fmt.Formatter]: every verb prints the masked number
// (see [Landline.String]).
func (l Landline) Format(f fmt.State, verb rune) {
	formatForPeople(f, verb, "subject.Landline", l.String())
}

// LogValue implements [log/slog.LogValuer] with the masked number.
func (l Landline) LogValue() slog.Value { return slog.StringValue(l.String()) }

// MustParseLandline is like [ParseLandline] but panics on error. It is
// intended for tests and hard-coded values.
func MustParseLandline(s string) Landline {
	l, err := ParseLandline(s)
	if err != nil {
		panic(err)
	}
	return l
}

// AppendText implements [encoding.TextAppender] with the full number
// (0571-88887777-123).
func (l Landline) AppendText(b []byte) ([]byte, error) { return l.appendNumber(b), nil }

// MarshalText implements [encoding.TextMarshaler] with the full number, so
// that JSON and other stored forms round-trip without loss.
func (l Landline) MarshalText() ([]byte, error) { return l.AppendText(make([]byte, 0, 20)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseLandline];
// empty text gives the zero value. A masked number is refused with
// [ErrMasked].
func (l *Landline) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = Landline{}
		return nil
	}
	v, err := ParseLandline(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Value implements [database/sql/driver.Valuer]: the full number as text, or
// NULL for the zero value.
func (l Landline) Value() (driver.Value, error) { return textValue(l.appendNumber(nil), l.IsValid()) }

// Scan implements [database/sql.Scanner] for text and NULL, like
// [Landline.UnmarshalText].
func (l *Landline) Scan(src any) error {
	b, err := scanText("Landline.Scan", src)
	if err != nil {
		return err
	}
	return l.UnmarshalText(b)
}

// MustParseDocument is like [ParseDocument] but panics on error. It is
// intended for tests and hard-coded values.
func MustParseDocument(t DocType, s string) DocumentID {
	d, err := ParseDocument(t, s)
	if err != nil {
		panic(err)
	}
	return d
}

// Format implements [fmt.Formatter]: every verb prints [DocumentID.String],
// masked when the document is personal.
func (d DocumentID) Format(f fmt.State, verb rune) {
	formatForPeople(f, verb, "subject.DocumentID", d.String())
}

// LogValue implements [log/slog.LogValuer] with the type and the number,
// masked when the document is personal ("passport:E12**5678").
func (d DocumentID) LogValue() slog.Value {
	if !d.IsValid() {
		return slog.StringValue("")
	}
	return slog.StringValue(d.typ.String() + ":" + d.String())
}

// AppendText implements [encoding.TextAppender]: the type token, a colon
// and the full number ("passport:E12345678").
func (d DocumentID) AppendText(b []byte) ([]byte, error) {
	if !d.IsValid() {
		return b, nil
	}
	b = append(b, d.typ.String()...)
	b = append(b, ':')
	return append(b, d.Number()...), nil
}

// MarshalText implements [encoding.TextMarshaler] (see
// [DocumentID.AppendText]): the full number, so that stored forms
// round-trip without loss.
func (d DocumentID) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] for "type:number"
// with the full number; empty text gives the zero value. A masked number is
// refused with [ErrMasked].
func (d *DocumentID) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = DocumentID{}
		return nil
	}
	typ, num, ok := strings.Cut(string(b), ":")
	if !ok {
		return &ParseError{Func: "DocumentID.UnmarshalText", Input: Mask(string(b)), Part: "want type:number", Err: ErrFormat}
	}
	t, err := ParseDocType(typ)
	if err != nil {
		return err
	}
	v, err := ParseDocument(t, num)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value implements [database/sql/driver.Valuer] with the text form
// ("passport:E12345678"), or NULL for the zero value.
func (d DocumentID) Value() (driver.Value, error) {
	b, _ := d.AppendText(nil)
	return textValue(b, d.IsValid())
}

// Scan implements [database/sql.Scanner] for text and NULL, like
// [DocumentID.UnmarshalText].
func (d *DocumentID) Scan(src any) error {
	b, err := scanText("DocumentID.Scan", src)
	if err != nil {
		return err
	}
	return d.UnmarshalText(b)
}

// Value implements [database/sql/driver.Valuer]: the code as text, or NULL
// for the zero value.
func (c CreditCode) Value() (driver.Value, error) { return textValue(c.s[:], c.IsValid()) }

// Scan implements [database/sql.Scanner] for text and NULL, like
// [CreditCode.UnmarshalText].
func (c *CreditCode) Scan(src any) error {
	b, err := scanText("CreditCode.Scan", src)
	if err != nil {
		return err
	}
	return c.UnmarshalText(b)
}
