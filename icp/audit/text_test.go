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

// byteClasses is what the vector classifiers report: the classes of the bytes
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
		// classifyAVX512); it is never missed.
		if !bytes.Equal(got, want) || a != wa && !a || n != wn || d != wd {
			t.Fatalf("appendText(%q, %v) = %q %v %d %v, want %q %v %d %v", s, raw, got, a, n, d, want, wa, wn, wd)
		}
	}
	_, wa, wn, _ := refAppendText(nil, s, false)
	a, _, _, n := classifyText(s)
	if a != wa || n != wn {
		t.Fatalf("classifyText(%q) = %v %d, want %v %d", s, a, n, wa, wn)
	}
	for _, c := range vectors {
		if len(s) < c.min {
			continue
		}
		a, v, d, n := c.fn(s)
		wa, wv, wd, wn := byteClasses(s)
		if a != wa || v != wv || d != wd || n != wn {
			t.Fatalf("%s(%q) = %v %v %v %d, want %v %v %v %d", c.name, s, a, v, d, n, wa, wv, wd, wn)
		}
	}
}

// classifier is a vector classifier and the shortest text it takes.
type classifier struct {
	name string
	fn   func([]byte) (anchors, invisible, decode bool, nls int)
	min  int
}

// vectors are the vector classifiers this processor runs: a machine with
// AVX-512 tests classifyAVX2 as well, though appendText calls it only
// where AVX-512 is missing.
var vectors = func() (v []classifier) {
	if hasAVX512 {
		v = append(v, classifier{"classifyAVX512", classifyAVX512, avx512Min})
	}
	if hasAVX2 {
		v = append(v, classifier{"classifyAVX2", classifyAVX2, avx2Min})
	}
	return v
}()

// TestAppendText compares appendText with the character loop on random
// text drawn from the bytes and characters it looks for, malformed UTF-8
// included, short and long enough for the vector classifiers.
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

// TestClassifyVector checks each vector classifier's tables byte by byte:
// every pair of leading bytes (with -short, every first byte with the
// second bytes of the families and a few others) with each third byte that
// completes a family or nearly does, at the start of a block, across the
// end of one, in the last block of classifyAVX2 (which overlaps the block
// before it) and in the last two positions, which it reads in Go; then
// each class at every offset of texts up to 200 bytes long, in plain
// Chinese text (nothing to find) and past its end.
func TestClassifyVector(t *testing.T) {
	if len(vectors) == 0 {
		t.Skip("no vector classifier here")
	}
	thirds := []byte{0x00, 0x0A, 0x26, 0x41, 0x61, 0x80, 0x81, 0x82, 0x83, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E,
		0x9B, 0xA0, 0xA1, 0xA2, 0xA3, 0xA9, 0xAA, 0xAC, 0xAD, 0xBC, 0xBF, 0xCF, 0xE5, 0xFF}
	// 一 (E4 B8 80) neither starts nor continues any family, so the text
	// holds the classes of the three bytes and no other.
	filler := bytes.Repeat([]byte("一"), 30)
	type place struct {
		c       classifier
		s       []byte
		at, end int // the three bytes go to s[at:], s ends at end
	}
	var places []place
	for _, c := range vectors {
		for _, p := range []struct{ n, at int }{{max(3, c.min), 0}, {34, 31}, {40, 33}, {66, 32}, {67, 64}, {67, 65}} {
			if p.n >= c.min {
				places = append(places, place{c, append([]byte{}, filler[:p.n]...), p.at, p.n})
			}
		}
	}
	seconds := make([]byte, 256)
	for b := range seconds {
		seconds[b] = byte(b)
	}
	if testing.Short() { // every second byte of a family, and some others
		seconds = []byte{0x00, 0x0A, 0x26, 0x41, 0x80, 0x81, 0x85, 0xAD, 0xBB, 0xBC, 0xBD, 0xC2, 0xE2, 0xE5, 0xEF, 0xFF}
	}
	for a := range 256 {
		for _, b := range seconds {
			for _, k := range thirds {
				tri := []byte{byte(a), b, k}
				w := [2][4]any{}
				w[0][0], w[0][1], w[0][2], w[0][3] = byteClasses(tri)
				w[1][0], w[1][1], w[1][2], w[1][3] = byteClasses(tri[:2]) // the third byte past the end
				for _, p := range places {
					copy(p.s[p.at:], tri)
					var got [4]any
					got[0], got[1], got[2], got[3] = p.c.fn(p.s)
					if want := w[max(0, p.at+3-p.end)]; got != want {
						t.Fatalf("%s(%q) = %v, want %v", p.c.name, p.s, got, want)
					}
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
