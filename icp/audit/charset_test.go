package audit

import (
	"math/rand"
	randv2 "math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// refValidPrefix is validPrefix by its definition: b, or b without its
// last 1 to 4 bytes, is valid UTF-8.
func refValidPrefix(b []byte) bool {
	for k := 0; k < utf8.UTFMax && len(b) > 0; k++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

func TestValidPrefix(t *testing.T) {
	parts := []string{"a", "é", "中", "😀", "\x80", "\xBF", "\xC2", "\xE4", "\xE4\xB8", "\xF0", "\xF0\x9F\x98", "\xFF"}
	r := rand.New(rand.NewSource(1))
	for range 100000 {
		var b []byte
		for range r.Intn(16) {
			b = append(b, parts[r.Intn(len(parts))]...)
		}
		if got, want := validPrefix(b), refValidPrefix(b); got != want {
			t.Fatalf("validPrefix(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestValidUTF8 compares validUTF8 with utf8.Valid on random text drawn
// from ASCII, Chinese, the leads that need their own ranges (E0, ED),
// other widths and stray bytes, at every alignment.
func TestValidUTF8(t *testing.T) {
	parts := []string{"a", "<p>", "中", "国", "，", "\uFFFD", "\u0800", "\uD7FF", "\uE000", "é", "😀",
		"\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xE4\xB8", "\xE4", "\x80", "\xC0\xAF", "\xFF"}
	r := rand.New(rand.NewSource(2))
	for range 100000 {
		var b []byte
		for range r.Intn(24) {
			b = append(b, parts[r.Intn(len(parts))]...)
		}
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(%q) = %v, want %v", b, got, want)
		}
	}
}

func FuzzValidUTF8(f *testing.F) {
	f.Add([]byte("中文页面<p>我们提供云计算"))
	f.Add([]byte("中文\xED\xA0\x80页面"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(%q) = %v, want %v", b, got, want)
		}
	})
}

// TestIndexFold compares indexFold with a compare at every offset on
// random heads drawn from the word's letters in both cases.
func TestIndexFold(t *testing.T) {
	naive := func(b []byte, w string) int {
		for i := 0; i+len(w) <= len(b); i++ {
			if eqFold(b[i:i+len(w)], w) {
				return i
			}
		}
		return -1
	}
	r := randv2.New(randv2.NewPCG(9, 10))
	alphabet := []byte("cCharsetHARSET= ")
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		require.Equal(t, naive(b, "charset"), indexFold(b, "charset"), "%q", b)
	}
}
