//go:build !purego

package audit

import (
	"bytes"

	"golang.org/x/sys/cpu"
)

// hasVector reports whether classifyVector runs here: it needs AVX-512BW,
// and BMI2 (BZHI), which every processor with AVX-512BW has.
var hasVector = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasBMI2

// classifyVector is classifyText 64 bytes at a time (classify_amd64.s).
// It looks for the characters' bytes wherever they are, so in malformed
// UTF-8 it may also find one whose lead byte the character loop takes as
// part of another character; it never misses one the loop finds.
func classifyVector(t []byte) (anchors, invisible, decode bool, nls int) {
	anchors, invisible, decode, newline := classifyAVX512(t)
	if newline {
		nls = bytes.Count(t, nl)
	}
	return anchors, invisible, decode, nls
}

//go:noescape
func classifyAVX512(t []byte) (anchors, invisible, decode, newline bool)
