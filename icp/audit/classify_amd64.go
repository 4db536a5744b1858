//go:build !purego

package audit

import "golang.org/x/sys/cpu"

// hasVector reports whether classifyVector runs here: it needs AVX-512BW,
// BMI2 (BZHI) and POPCNT, which every processor with AVX-512BW has.
var hasVector = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasBMI2 && cpu.X86.HasPOPCNT

// classifyVector is classifyText 64 bytes at a time (classify_amd64.s).
// It looks for the characters' bytes wherever they are, so in malformed
// UTF-8 it may also find one whose lead byte the character loop takes as
// part of another character; it never misses one the loop finds.
//
//go:noescape
func classifyVector(t []byte) (anchors, invisible, decode bool, nls int)
