//go:build !amd64 || purego

package material

import "hash/crc32"

// crcUpdate is crc32.Update with the IEEE table; scratch is unused.
func crcUpdate(crc uint32, p []byte, scratch *[64]byte) uint32 {
	return crc32.Update(crc, crc32.IEEETable, p)
}
