package audit

import (
	"io"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// pageDecoder chooses how to read a page as UTF-8 from its first bytes, as
// a browser does: a byte-order mark first (UTF-8, UTF-16LE, UTF-16BE), then
// a <meta charset> or <meta http-equiv="Content-Type"> within the first
// 1024 bytes (charset.DetermineEncoding). A page that declares nothing is
// read as UTF-8 when its first bytes are valid UTF-8 and as GB18030
// otherwise: the WHATWG default, windows-1252, fits no page a Chinese
// filing concerns. It returns nil when the page is UTF-8 already.
func pageDecoder(head []byte) func(io.Reader) io.Reader {
	e, name, certain := charset.DetermineEncoding(head, "")
	if !certain && !declared(head) {
		if validPrefix(head) {
			return nil
		}
		e, name = simplifiedchinese.GB18030, "gb18030"
	}
	if name == "utf-8" || e == encoding.Nop || e == nil {
		return nil
	}
	return func(r io.Reader) io.Reader { return transform.NewReader(r, e.NewDecoder()) }
}

// declared reports whether the head of a page names a character set.
func declared(head []byte) bool {
	for i := 0; i+7 <= len(head); i++ {
		if head[i]|0x20 == 'c' && eqFold(head[i:i+7], "charset") {
			return true
		}
	}
	return false
}

// validPrefix reports whether b is valid UTF-8 but for a rune cut at its
// end.
func validPrefix(b []byte) bool {
	for k := 0; k < utf8.UTFMax && len(b) > 0; k++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}
