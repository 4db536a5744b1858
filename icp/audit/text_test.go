package audit

import (
	"bytes"
	"math/rand"
	"testing"
)

// refAppendText is the straightforward form of appendText, a character at
// a time, that the branch-free one must agree with on any bytes.
func refAppendText(dst, t []byte, raw bool) (out []byte, anchors bool, nls int, needDecode bool) {
	start, n0 := 0, len(dst)
	for i := 0; i < len(t); {
		b := t[i]
		if b < 0x80 {
			switch b {
			case '\n':
				nls++
			case '&', '\r', 0:
				if raw {
					return dst[:n0], false, 0, true
				}
			case 'I', 'i', 'A', 'B', 'b':
				anchors = true
			}
			i++
			continue
		}
		n := 1
		switch {
		case b >= 0xE0 && b < 0xF0 && i+2 < len(t) && t[i+1]&t[i+2] >= 0x80:
			n = 3
			switch string(t[i : i+3]) {
			case "公", "Ａ", "Ｂ", "Ｉ", "ｂ", "ｉ":
				anchors = true
			case "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF":
				dst = append(dst, t[start:i]...)
				start = i + 3
			}
		case b == 0xC2 && i+1 < len(t) && t[i+1] == 0xAD: // soft hyphen
			dst = append(dst, t[start:i]...)
			n = 2
			start = i + 2
		}
		i += n
	}
	return append(dst, t[start:]...), anchors, nls, false
}

func checkAppendText(t *testing.T, s []byte) {
	t.Helper()
	for _, raw := range []bool{false, true} {
		got, a, n, d := appendText([]byte("x"), s, raw)
		want, wa, wn, wd := refAppendText([]byte("x"), s, raw)
		if !bytes.Equal(got, want) || a != wa || n != wn || d != wd {
			t.Fatalf("appendText(%q, %v) = %q %v %d %v, want %q %v %d %v", s, raw, got, a, n, d, want, wa, wn, wd)
		}
	}
}

// TestAppendText compares appendText with the character loop on random
// text drawn from the bytes and characters it looks for, malformed UTF-8
// included.
func TestAppendText(t *testing.T) {
	parts := []string{"I", "i", "A", "B", "b", "c", "&", "\r", "\x00", "\n", " ", "公", "网", "Ａ", "Ｂ", "Ｉ", "ｂ", "ｉ",
		"，", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "é", "😀",
		"\xE5", "\xEF", "\xE2", "\xC2", "\x85", "\xAC", "\xBC", "\xBB", "\x80", "\xAD", "\xE4", "\xFF"}
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		var s []byte
		for range r.Intn(12) {
			s = append(s, parts[r.Intn(len(parts))]...)
		}
		checkAppendText(t, s)
	}
}

func FuzzAppendText(f *testing.F) {
	f.Add([]byte("浙ICP备2021\u200D047163号-1"))
	f.Add([]byte("\xE4\xE5\x85\xAC网安备\xC2\xAD"))
	f.Add([]byte("a&amp;b\r\n公"))
	f.Fuzz(checkAppendText)
}
