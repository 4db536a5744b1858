//go:build !purego

package material

import "golang.org/x/sys/cpu"

// The searches findMarker chooses from.
var (
	hasAVX2   = cpu.X86.HasAVX2
	hasAVX512 = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW
)

// findMarker returns the least i < len(b)-1 with b[i] == 0xFF and
// b[i+1] != 0x00, or -1: in JPEG entropy-coded data, the next marker,
// restart marker or fill byte. The searches are in findmarker_amd64.s:
// AVX-512BW or AVX2 where the processor has them, SSE2 (which every amd64
// processor has) otherwise and for short slices.
func findMarker(b []byte) int {
	switch {
	case len(b) < 256:
		return findMarkerSSE2(b)
	case hasAVX512:
		return thenSSE2(b, findMarkerAVX512(b))
	case hasAVX2:
		return thenSSE2(b, findMarkerAVX2(b))
	}
	return findMarkerSSE2(b)
}

// thenSSE2 completes i, what a vector search found in b, by searching the
// bytes after its last block with findMarkerSSE2: the vector searches stop
// at the last 128-byte block that has a byte after it.
func thenSSE2(b []byte, i int) int {
	if i >= 0 || len(b) == 0 {
		return i
	}
	m := (len(b) - 1) &^ 127
	if i = findMarkerSSE2(b[m:]); i >= 0 {
		return m + i
	}
	return -1
}

//go:noescape
func findMarkerSSE2(b []byte) int

//go:noescape
func findMarkerAVX2(b []byte) int

//go:noescape
func findMarkerAVX512(b []byte) int
