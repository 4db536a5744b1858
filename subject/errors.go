package subject

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/norm"
)

// Errors returned by the parsers of this package, matched with [errors.Is].
// Every parser wraps one of them in a [*ParseError].
var (
	// ErrFormat means the input is not of the identifier's shape: wrong
	// characters, or a wrong length (see ErrLength).
	ErrFormat = errors.New("invalid format")
	// ErrLength means the input has the wrong number of characters. It also
	// matches ErrFormat.
	ErrLength error = lengthError{}
	// ErrChecksum means the check character does not match.
	ErrChecksum = errors.New("invalid checksum")
	// ErrComponent means the input is well formed but a part of it names
	// something invalid: a birth date, a province code, a number segment.
	ErrComponent = errors.New("invalid component")
	// ErrMasked means the input is a masked form (1101**********002X,
	// 138****8000, z***@example.com) where the full value belongs: text
	// written for people was fed back to a parser or decoder (see
	// [IsMasked]). It also matches ErrFormat.
	ErrMasked error = maskedError{}
)

type lengthError struct{}

func (lengthError) Error() string { return "invalid length" }

// Is makes ErrLength match ErrFormat.
func (lengthError) Is(target error) bool { return target == ErrFormat }

type maskedError struct{}

func (maskedError) Error() string { return "masked value" }

// Is makes ErrMasked match ErrFormat.
func (maskedError) Is(target error) bool { return target == ErrFormat }

// A ParseError reports input that a parser of this package cannot accept. It
// names the function, the input with personal digits masked, and the part
// at fault.
type ParseError struct {
	Func  string // "ParseResidentID"
	Input string // masked input, at most 40 characters
	Part  string // the part at fault: "length", "check digit", "birth date" …
	Err   error  // ErrFormat, ErrLength, ErrMasked, ErrChecksum or ErrComponent
}

// Error implements the error interface, naming the function, the masked
// input and the part at fault.
func (e *ParseError) Error() string {
	return fmt.Sprintf("subject.%s(%q): %s: %v", e.Func, e.Input, e.Part, e.Err)
}

// Unwrap returns the sentinel error.
func (e *ParseError) Unwrap() error { return e.Err }

// echo returns input for an error about a field that holds no personal data
// (a kind, a date, a credit code): clipped to 40 bytes, with digit runs
// shaped like an identity or mobile number masked, in case one was typed
// into the wrong field.
func echo(s string) string {
	return norm.Clip(norm.MaskPersonalNumbers(norm.Clip(s, 80)), 40)
}

func parseErr(fn, in, part string, err error) error {
	return &ParseError{Func: fn, Input: Mask(in), Part: part, Err: err}
}

// Mask hides the personal part of s for display in errors, findings and logs.
// Numbers keep their first 3 characters (4 from 15 characters on) and their
// last 4: 138****8000, 1101**********002X. E-mail addresses keep their first
// character and domain: a***@example.com. Other text (names) keeps its first
// character: 张*. The result is at most 40 characters long. Mask leaves
// its own results as they are (Mask(Mask(s)) == Mask(s)).
func Mask(s string) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return ""
	}
	if at := lastIndexByte(s, '@'); at > 0 {
		_, size := utf8.DecodeRuneInString(s) // keep the first character
		dom := s[at:]
		if utf8.RuneCountInString(dom) > 30 {
			dom = "@…"
		}
		return s[:min(size, at)] + "***" + dom
	}
	if mostlyDigits(s) && n >= 7 {
		keep := 3
		if n >= 15 {
			keep = 4
		}
		return maskRunes(s, keep, 4, n)
	}
	return maskRunes(s, 1, 0, n)
}

func maskRunes(s string, head, tail, n int) string {
	const limit = 40
	b := make([]byte, 0, len(s))
	i := 0
	for _, r := range s {
		switch {
		case i < head || i >= n-tail:
			if r == utf8.RuneError {
				r = '?'
			}
			b = utf8.AppendRune(b, r)
		case i-head < limit-head-tail:
			b = append(b, '*')
		case i-head == limit-head-tail:
			b = append(b, "…"...)
		}
		i++
	}
	return string(b)
}

// mostlyDigits counts '*' as a digit, so that a masked number masks to
// itself.
func mostlyDigits(s string) bool {
	d, o := 0, 0
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '*' {
			d++
		} else {
			o++
		}
	}
	return d > 0 && d >= o
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}
