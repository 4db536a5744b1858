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
	if hasAVX512 && len(b) >= 256 {
		return findMarkerAVX512(b)
	}
	if hasAVX2 && len(b) >= 256 {
		return findMarkerAVX2(b)
	}
	return findMarkerSSE2(b)
}

//go:noescape
func findMarkerSSE2(b []byte) int

//go:noescape
func findMarkerAVX2(b []byte) int

//go:noescape
func findMarkerAVX512(b []byte) int
