package audit

import (
	"math/rand"
	"testing"
)

// TestShortName checks that tagID reads a name the same eight bytes at a
// time (the tag inside a larger buffer) as a byte at a time (a buffer
// ending with the tag).
func TestShortName(t *testing.T) {
	alphabet := []byte("aAzZ-_09:\x00\x01\x1f\x7f\x80\xe5 \t\n\r\f/>=\"")
	r := rand.New(rand.NewSource(1))
	buf := make([]byte, 64)
	for range 100000 {
		raw := []byte("<")
		if r.Intn(2) == 0 {
			raw = append(raw, '/')
		}
		for range r.Intn(12) {
			raw = append(raw, alphabet[r.Intn(len(alphabet))])
		}
		for i := range buf {
			buf[i] = alphabet[r.Intn(len(alphabet))]
		}
		n := copy(buf, raw)
		long := buf[:n]
		exact := raw[:len(raw):len(raw)]
		id, tag, fl, end := tagID(exact)
		id2, tag2, fl2, end2 := tagID(long)
		if id != id2 || tag != tag2 || fl != fl2 || end != end2 {
			t.Fatalf("tagID(%q) = %x %v %d %d, inside a buffer %x %v %d %d", raw, id, tag, fl, end, id2, tag2, fl2, end2)
		}
	}
}
