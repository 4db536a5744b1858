//go:build !purego

package material

import (
	"math/rand/v2"
	"testing"
)

// TestFindMarkerImpls checks each amd64 search the processor runs against
// the definition, at lengths that cross every block size and at every
// alignment, so that a machine with AVX-512 still tests the SSE2 and AVX2
// paths.
func TestFindMarkerImpls(t *testing.T) {
	impls := map[string]func([]byte) int{"sse2": findMarkerSSE2}
	if hasAVX2 {
		impls["avx2"] = findMarkerAVX2
	}
	if hasAVX512 {
		impls["avx512"] = findMarkerAVX512
	}
	r := rand.New(rand.NewPCG(5, 6))
	buf := make([]byte, 1024)
	for name, f := range impls {
		for n := 0; n <= 700; n++ {
			for range 8 {
				off := r.IntN(64)
				b := buf[off : off+n]
				for i := range b {
					b[i] = []byte{0x00, 0x34, 0xFF, 0xFF, 0xD9}[r.IntN(5)]
				}
				// Mostly stuffed pairs, with at most one marker placed
				// anywhere, including the last byte pair.
				for i := range b {
					if b[i] == 0xFF && i+1 < n {
						b[i+1] = 0
					}
				}
				if n >= 2 && r.IntN(2) == 0 {
					k := r.IntN(n - 1)
					b[k], b[k+1] = 0xFF, 0xD9
				}
				if got, want := f(b), findMarkerNaive(b); got != want {
					t.Fatalf("%s(% x) = %d, want %d", name, b, got, want)
				}
			}
		}
	}
}
