//go:build !purego

package material

import (
	"math/rand/v2"
	"testing"
)

// TestFindMarkerImpls checks each amd64 search the processor runs (a
// vector search completed by the SSE2 one, as findMarker does) against the
// definition, at lengths that cross every block size and at every
// alignment, so that a machine with AVX-512 still tests the SSE2 and AVX2
// paths.
func TestFindMarkerImpls(t *testing.T) {
	impls := map[string]func([]byte) int{"sse2": findMarkerSSE2}
	if hasAVX2 {
		impls["avx2"] = func(b []byte) int { return thenSSE2(b, findMarkerAVX2(b)) }
	}
	if hasAVX512 {
		impls["avx512"] = func(b []byte) int { return thenSSE2(b, findMarkerAVX512(b)) }
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
