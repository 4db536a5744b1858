//go:build !amd64 || purego

package material

// findMarker returns the least i < len(b)-1 with b[i] == 0xFF and
// b[i+1] != 0x00, or -1: in JPEG entropy-coded data, the next marker,
// restart marker or fill byte.
func findMarker(b []byte) int { return findMarkerGeneric(b) }
