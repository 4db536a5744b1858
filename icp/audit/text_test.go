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

// byteClasses is what classifyVector reports: the classes of the bytes
// and byte sequences t holds, wherever they are.
func byteClasses(t []byte) (anchors, invisible, decode bool, nls int) {
	has := func(seqs ...string) bool {
		for _, q := range seqs {
			if bytes.Contains(t, []byte(q)) {
				return true
			}
		}
		return false
	}
	anchors = has("I", "i", "A", "B", "b", "公", "Ａ", "Ｂ", "Ｉ", "ｂ", "ｉ")
	invisible = has("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD")
	return anchors, invisible, has("&", "\r", "\x00"), bytes.Count(t, []byte("\n"))
}

func checkAppendText(t *testing.T, s []byte) {
	t.Helper()
	for _, raw := range []bool{false, true} {
		got, a, n, d := appendText([]byte("x"), s, raw)
		want, wa, wn, wd := refAppendText([]byte("x"), s, raw)
		// anchors may also be reported for malformed UTF-8 (see
		// classifyVector); it is never missed.
		if !bytes.Equal(got, want) || a != wa && !a || n != wn || d != wd {
			t.Fatalf("appendText(%q, %v) = %q %v %d %v, want %q %v %d %v", s, raw, got, a, n, d, want, wa, wn, wd)
		}
	}
	_, wa, wn, _ := refAppendText(nil, s, false)
	a, _, _, n := classifyText(s)
	if a != wa || n != wn {
		t.Fatalf("classifyText(%q) = %v %d, want %v %d", s, a, n, wa, wn)
	}
	if hasVector {
		a, v, d, n := classifyVector(s)
		wa, wv, wd, wn := byteClasses(s)
		if a != wa || v != wv || d != wd || n != wn {
			t.Fatalf("classifyVector(%q) = %v %v %v %d, want %v %v %v %d", s, a, v, d, n, wa, wv, wd, wn)
		}
	}
}

// TestAppendText compares appendText with the character loop on random
// text drawn from the bytes and characters it looks for, malformed UTF-8
// included, short and long enough for classifyVector.
func TestAppendText(t *testing.T) {
	parts := []string{"I", "i", "A", "B", "b", "c", "&", "\r", "\x00", "\n", " ", "公", "网", "Ａ", "Ｂ", "Ｉ", "ｂ", "ｉ",
		"，", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "é", "😀",
		"\xE5", "\xEF", "\xE2", "\xC2", "\x85", "\xAC", "\xBC", "\xBB", "\x80", "\xAD", "\xE4", "\xFF"}
	r := rand.New(rand.NewSource(1))
	for k := range 20000 {
		var s []byte
		for range r.Intn(12 + k%4*30) {
			s = append(s, parts[r.Intn(len(parts))]...)
		}
		checkAppendText(t, s)
	}
}

// TestClassifyVector checks the vector tables byte by byte: every pair of
// leading bytes with each third byte that completes a family or nearly
// does, and each class at every offset of texts up to 200 bytes long, in
// plain Chinese text (nothing to find) and past its end.
func TestClassifyVector(t *testing.T) {
	if !hasVector {
		t.Skip("no AVX-512BW here")
	}
	thirds := []byte{0x00, 0x0A, 0x26, 0x41, 0x61, 0x80, 0x81, 0x82, 0x83, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E,
		0x9B, 0xA0, 0xA1, 0xA2, 0xA3, 0xA9, 0xAA, 0xAC, 0xAD, 0xBC, 0xBF, 0xCF, 0xE5, 0xFF}
	for a := range 256 {
		for b := range 256 {
			for _, c := range thirds {
				s := []byte{byte(a), byte(b), c}
				got1, got2, got3, got4 := classifyVector(s)
				w1, w2, w3, w4 := byteClasses(s)
				if got1 != w1 || got2 != w2 || got3 != w3 || got4 != w4 {
					t.Fatalf("classifyVector(%q) = %v %v %v %d, want %v %v %v %d", s, got1, got2, got3, got4, w1, w2, w3, w4)
				}
			}
		}
	}
	plain := bytes.Repeat([]byte("我们提供云计算与网站建设服务，“欢迎”联系。"), 10)
	for _, c := range []string{"I", "A", "b", "&", "\r", "\x00", "\n", "公", "Ｉ", "ｉ", "\uFEFF", "\u200C", "\u2060", "\u00AD"} {
		for n := 0; n <= 200; n++ {
			for at := 0; at+len(c) <= n; at += max(1, n/7) {
				s := append(append(append([]byte{}, plain[:at]...), c...), plain[at+len(c):n]...)
				checkAppendText(t, s)
				checkAppendText(t, s[:n-1]) // the class cut off, or not
			}
		}
	}
}

func FuzzAppendText(f *testing.F) {
	f.Add([]byte("浙ICP备2021\u200D047163号-1"))
	f.Add([]byte("\xE4\xE5\x85\xAC网安备\xC2\xAD"))
	f.Add([]byte("a&amp;b\r\n公"))
	f.Fuzz(checkAppendText)
}
