//go:build !purego

package audit

import "golang.org/x/sys/cpu"

// The vector classifiers appendText chooses from (classify_amd64.s), by
// what the processor has: classifyAVX512 needs AVX-512BW, BMI2 (BZHI) and
// POPCNT, which every processor with AVX-512BW has; classifyAVX2 needs
// AVX2 and POPCNT.
var (
	hasAVX512 = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasBMI2 && cpu.X86.HasPOPCNT
	hasAVX2   = cpu.X86.HasAVX2 && cpu.X86.HasPOPCNT
)

// classifyAVX512 is classifyText 64 bytes at a time. It looks for the
// characters' bytes wherever they are, so in malformed UTF-8 it may also
// find one whose lead byte the character loop takes as part of another
// character; it never misses one the loop finds.
//
//go:noescape
func classifyAVX512(t []byte) (anchors, invisible, decode bool, nls int)

// classifyAVX2 is classifyAVX512 32 bytes at a time, for t of at least
// avx2Min bytes: classifyAVX2Blocks, and the last two positions, from
// which no family of three bytes can be read.
func classifyAVX2(t []byte) (anchors, invisible, decode bool, nls int) {
	anchors, invisible, decode, nls = classifyAVX2Blocks(t)
	x, y := t[len(t)-2], t[len(t)-1]
	c := byteClass[x] | byteClass[y]
	return anchors || c&classAnchor != 0, invisible || x == 0xC2 && y == 0xAD,
		decode || c&classDecode != 0, nls + int(b2u8(x == '\n')+b2u8(y == '\n'))
}

//go:noescape
func classifyAVX2Blocks(t []byte) (anchors, invisible, decode bool, nls int)
