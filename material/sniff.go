package material

import (
	"bytes"

	"github.com/h2non/filetype"
)

var pngSig = "\x89PNG\r\n\x1a\n"

func indexString(b []byte, s string) int { return bytes.Index(b, []byte(s)) }

// sniff names a file by its first bytes: h2non/filetype for binary formats
// (it checks a few magic bytes only), and a look past any byte-order mark,
// white space, XML declaration, comment or doctype for text ones.
func sniff(head []byte) Format {
	if t, err := filetype.Match(head); err == nil && t != filetype.Unknown {
		switch t.Extension {
		case "jpg":
			return JPEG
		case "tif":
			return TIFF
		default:
			return Format(t.Extension)
		}
	}
	return sniffText(head)
}

// sniffText names SVG, HTML, scripts and PDF by their opening text.
func sniffText(b []byte) Format {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	svgDoctype := false
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case hasFold(b, "<?xml"):
			i := indexString(b, "?>")
			if i < 0 {
				return sniffRest(b, svgDoctype)
			}
			b = b[i+2:]
		case hasFold(b, "<!--"):
			i := indexString(b, "-->")
			if i < 0 {
				return sniffRest(b, svgDoctype)
			}
			b = b[i+3:]
		case hasFold(b, "<!doctype"):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				i = len(b) - 1
			}
			d := bytes.ToLower(b[:i])
			switch {
			case bytes.Contains(d, []byte("svg")):
				svgDoctype = true
			case bytes.HasPrefix(bytes.TrimSpace(d[len("<!doctype"):]), []byte("html")):
				return HTML
			}
			b = b[i+1:]
		default:
			return sniffRest(b, svgDoctype)
		}
	}
}

func sniffRest(b []byte, svgDoctype bool) Format {
	switch {
	case hasFold(b, "<svg"), svgDoctype:
		return SVG
	case hasFold(b, "<html"), hasFold(b, "<head"), hasFold(b, "<body"), hasFold(b, "<script"), hasFold(b, "<iframe"),
		hasFold(b, "<meta"), hasFold(b, "<title"):
		return HTML
	case hasFold(b, "<?php"), hasFold(b, "<?="), hasFold(b, "<%"), hasFold(b, "#!"):
		return Script
	case hasFold(b, "%pdf"):
		return PDF
	}
	return Unknown
}

// hasFold reports whether b starts with the lower-case ASCII prefix p, in
// any case.
func hasFold(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := range len(p) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// appended names the bytes after an image's end by their first bytes.
func appended(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if hasPrefix(b, "PK\x03\x04") {
		return string(ZIP)
	}
	if f := sniff(b); f != Unknown {
		return string(f)
	}
	for _, c := range b[:min(len(b), 64)] {
		if c != 0 {
			return ""
		}
	}
	return "padding"
}
