package subject

import (
	"database/sql/driver"
	"fmt"
	"strings"
)

// IsMasked reports whether s holds a mask character: an asterisk '*' or its
// full-width form '＊'. Every masked form this package writes for people
// ([Mask], String, fmt, slog) holds one, and no identity number, phone
// number or name does, so the decoders of this package refuse such input
// with [ErrMasked]: data written for people has been fed back where the full
// value belongs.
//
// A decoder of a larger document (an application in JSON) can call IsMasked
// on the string at each personal path to name that path in its error.
func IsMasked(s string) bool {
	return strings.IndexByte(s, '*') >= 0 || strings.Contains(s, "＊")
}

// maskedErr reports masked input to fn (see [maskedPart]).
func maskedErr(fn, in string) error {
	return &ParseError{Func: fn, Input: Mask(in), Part: maskedPart(in), Err: ErrMasked}
}

// maskedPart names the characters of in (1-based rune positions in the
// input as given) that hold mask characters.
func maskedPart(in string) string {
	first, last, i := 0, 0, 0
	for _, r := range in {
		i++
		if r == '*' || r == '＊' {
			if first == 0 {
				first = i
			}
			last = i
		}
	}
	if first == last {
		return fmt.Sprintf("masked character %d (* where the full value belongs)", first)
	}
	return fmt.Sprintf("masked characters %d–%d (* where the full value belongs)", first, last)
}

// formatForPeople prints s, a rendering fit for people, for every fmt verb:
// %s, %q, %x and %X format it as a string (with width, precision and
// flags), %#v as goName("…"), and every other verb (%v, %d …) like %s. No
// verb reaches the fields of the value, so none shows what s leaves out.
func formatForPeople(f fmt.State, verb rune, goName, s string) {
	switch verb {
	case 's', 'q', 'x', 'X':
	case 'v':
		if f.Flag('#') {
			fmt.Fprintf(f, "%s(%q)", goName, s)
			return
		}
		verb = 's'
	default:
		verb = 's'
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), s)
}

// scanText converts what a database driver returns for a text column into
// the text a decoder reads: nil (SQL NULL) gives empty text.
func scanText(fn string, src any) ([]byte, error) {
	switch v := src.(type) {
	case nil:
		return nil, nil
	case string:
		return []byte(v), nil
	case []byte:
		return v, nil
	}
	return nil, &ParseError{Func: fn, Input: fmt.Sprintf("%T", src), Part: "SQL value (want text or NULL)", Err: ErrFormat}
}

// textValue returns the full text of an identifier for a database, or nil
// (SQL NULL) for the zero value.
func textValue(b []byte, valid bool) (driver.Value, error) {
	if !valid {
		return nil, nil
	}
	return string(b), nil
}
