package subject

import (
	"fmt"
	"strings"
)

// formatMasked prints s for every verb, quoting it for %q, so that no verb
// (%d, %x, %#v …) reaches the raw fields of a personal value.
func formatMasked(f fmt.State, verb rune, s string) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", s)
		return
	}
	fmt.Fprint(f, s)
}

// Format prints the masked number for every verb.
func (id ResidentID) Format(f fmt.State, verb rune) { formatMasked(f, verb, id.String()) }

// Format prints the masked number for every verb.
func (m Mobile) Format(f fmt.State, verb rune) { formatMasked(f, verb, m.String()) }

// Format prints the number, masked when personal, for every verb.
func (d DocumentID) Format(f fmt.State, verb rune) { formatMasked(f, verb, d.String()) }

// Format prints the masked number for every verb.
func (l Landline) Format(f fmt.State, verb rune) { formatMasked(f, verb, l.String()) }

// MustParseLandline is like [ParseLandline] but panics on error. It is
// intended for tests and hard-coded values.
func MustParseLandline(s string) Landline {
	l, err := ParseLandline(s)
	if err != nil {
		panic(err)
	}
	return l
}

// AppendText implements [encoding.TextAppender] with the masked form.
func (l Landline) AppendText(b []byte) ([]byte, error) { return append(b, l.String()...), nil }

// MarshalText implements [encoding.TextMarshaler] with the masked form.
func (l Landline) MarshalText() ([]byte, error) { return l.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseLandline];
// empty text gives the zero value.
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

// MustParseDocument is like [ParseDocument] but panics on error. It is
// intended for tests and hard-coded values.
func MustParseDocument(t DocType, s string) DocumentID {
	d, err := ParseDocument(t, s)
	if err != nil {
		panic(err)
	}
	return d
}

// AppendText implements [encoding.TextAppender]: the type token, a colon
// and the number, masked when the document is personal
// ("passport:E12****78").
func (d DocumentID) AppendText(b []byte) ([]byte, error) {
	if !d.IsValid() {
		return b, nil
	}
	b = append(b, d.typ.String()...)
	b = append(b, ':')
	return append(b, d.String()...), nil
}

// MarshalText implements [encoding.TextMarshaler] (see AppendText).
func (d DocumentID) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] for "type:number"
// with the full number; empty text gives the zero value.
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
