package material

import "bytes"

// findMarkerGeneric is findMarker in Go, for other architectures and as
// the reference the assembly is tested against.
func findMarkerGeneric(b []byte) int {
	i := 0
	for {
		j := bytes.IndexByte(b[i:], 0xFF)
		if j < 0 || i+j+1 >= len(b) {
			return -1
		}
		i += j
		if b[i+1] != 0 {
			return i
		}
		i += 2
	}
}
