package material

import (
	"math/rand/v2"
	"testing"
)

// findMarkerNaive is the definition findMarker is checked against.
func findMarkerNaive(b []byte) int {
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 0xFF && b[i+1] != 0 {
			return i
		}
	}
	return -1
}

func TestFindMarker(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{0xFF, 0x00, 0xD9, 0x12}
	for n := range 200 {
		for range 50 {
			b := make([]byte, n)
			for i := range b {
				b[i] = alphabet[r.IntN(len(alphabet))]
				if r.IntN(3) > 0 { // mostly stuffed pairs, as in real scans
					b[i] = []byte{0x00, 0x34, 0xFF}[r.IntN(3)]
				}
			}
			want := findMarkerNaive(b)
			if got := findMarker(b); got != want {
				t.Fatalf("findMarker(% x) = %d, want %d", b, got, want)
			}
			if got := findMarkerGeneric(b); got != want {
				t.Fatalf("findMarkerGeneric(% x) = %d, want %d", b, got, want)
			}
			// Sub-slices start at every alignment.
			if n > 3 {
				s := b[3:]
				if got, want := findMarker(s), findMarkerNaive(s); got != want {
					t.Fatalf("findMarker(% x) = %d, want %d", s, got, want)
				}
			}
		}
	}
}

func FuzzFindMarker(f *testing.F) {
	f.Add([]byte{0xFF, 0x00, 0xFF, 0xD9})
	f.Add(append(make([]byte, 31), 0xFF, 0x01))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := findMarker(b), findMarkerNaive(b); got != want {
			t.Fatalf("findMarker = %d, want %d", got, want)
		}
	})
}
