package subject

import "fmt"

// The enums of this package write their snake_case token in every text
// encoding (and so in JSON). The zero value of an enum whose zero is invalid
// writes empty text, and empty text decodes to it, so that a value that was
// not given round-trips; an undefined value is an error.

// appendToken appends names[v]; names[0] is "" when the zero value is
// invalid.
func appendToken(b []byte, typ string, names []string, v uint8) ([]byte, error) {
	if int(v) >= len(names) {
		return b, fmt.Errorf("subject: invalid %s %d", typ, v)
	}
	return append(b, names[v]...), nil
}

// parseToken returns the index of the token b in names.
func parseToken(fn, part string, names []string, b []byte) (uint8, error) {
	for i, n := range names {
		if n == string(b) {
			return uint8(i), nil
		}
	}
	return 0, &ParseError{Func: fn, Input: Mask(string(b)), Part: part, Err: ErrComponent}
}

var idKindNames = []string{"", "mainland_id", "hmt_residence_permit", "foreign_permanent_resident"}

// AppendText implements [encoding.TextAppender] with the token of
// [IDKind.String]; the zero IDKind gives empty text.
func (k IDKind) AppendText(b []byte) ([]byte, error) {
	return appendToken(b, "IDKind", idKindNames, uint8(k))
}

// MarshalText implements [encoding.TextMarshaler] (see [IDKind.AppendText]).
func (k IDKind) MarshalText() ([]byte, error) { return k.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]; empty text gives the
// zero IDKind.
func (k *IDKind) UnmarshalText(b []byte) error {
	v, err := parseToken("IDKind.UnmarshalText", "identity document kind", idKindNames, b)
	if err == nil {
		*k = IDKind(v)
	}
	return err
}

// AppendText implements [encoding.TextAppender] with the token of
// [Class.String]; the zero Class gives empty text.
func (c Class) AppendText(b []byte) ([]byte, error) {
	return appendToken(b, "Class", classNames, uint8(c))
}

// MarshalText implements [encoding.TextMarshaler] (see [Class.AppendText]).
func (c Class) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]; empty text gives the
// zero Class.
func (c *Class) UnmarshalText(b []byte) error {
	v, err := parseToken("Class.UnmarshalText", "segment class", classNames, b)
	if err == nil {
		*c = Class(v)
	}
	return err
}

// AppendText implements [encoding.TextAppender] with the token of
// [Carrier.String]; the zero Carrier gives empty text.
func (c Carrier) AppendText(b []byte) ([]byte, error) {
	return appendToken(b, "Carrier", carrierNames, uint8(c))
}

// MarshalText implements [encoding.TextMarshaler] (see [Carrier.AppendText]).
func (c Carrier) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]; empty text gives the
// zero Carrier.
func (c *Carrier) UnmarshalText(b []byte) error {
	v, err := parseToken("Carrier.UnmarshalText", "carrier", carrierNames, b)
	if err == nil {
		*c = Carrier(v)
	}
	return err
}

var nameMatchNames = []string{"identical", "equal_folded", "different"}

// AppendText implements [encoding.TextAppender] with the token of
// [NameMatch.String].
func (m NameMatch) AppendText(b []byte) ([]byte, error) {
	return appendToken(b, "NameMatch", nameMatchNames, uint8(m))
}

// MarshalText implements [encoding.TextMarshaler] (see
// [NameMatch.AppendText]).
func (m NameMatch) MarshalText() ([]byte, error) { return m.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *NameMatch) UnmarshalText(b []byte) error {
	v, err := parseToken("NameMatch.UnmarshalText", "name match", nameMatchNames, b)
	if err == nil {
		*m = NameMatch(v)
	}
	return err
}

// AppendText implements [encoding.TextAppender] with the token of
// [Kind.String]; the zero Kind gives empty text.
func (k Kind) AppendText(b []byte) ([]byte, error) {
	if k == 0 {
		return b, nil
	}
	if !k.IsValid() {
		return b, fmt.Errorf("subject: invalid Kind %d", uint8(k))
	}
	return append(b, k.info().token...), nil
}

// AppendText implements [encoding.TextAppender] with the token of
// [DocType.String]; the zero DocType gives empty text.
func (t DocType) AppendText(b []byte) ([]byte, error) {
	if t == 0 {
		return b, nil
	}
	if !t.IsValid() {
		return b, fmt.Errorf("subject: invalid DocType %d", uint8(t))
	}
	return append(b, t.names()[0]...), nil
}
