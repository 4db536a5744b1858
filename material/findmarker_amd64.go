//go:build !purego

package material

// findMarker returns the least i < len(b)-1 with b[i] == 0xFF and
// b[i+1] != 0x00, or -1: in JPEG entropy-coded data, the next marker,
// restart marker or fill byte. Implemented in findmarker_amd64.s.
//
//go:noescape
func findMarker(b []byte) int
