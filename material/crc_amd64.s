//go:build !purego

#include "textflag.h"

// Folding constants of CRC-32/IEEE (bit-reflected, as in Intel's "Fast CRC
// Computation for Generic Polynomials Using PCLMULQDQ"): for a 128-bit lane
// moved forward by D bits, the low half is multiplied by x^(D+32) mod P and
// the high half by x^(D-32) mod P, each reflected and shifted left by one.
// Each 16-byte pair is broadcast to the four lanes of a ZMM register.

// D = 2048: four ZMM accumulators, 256 bytes per step.
DATA fold2048<>+0(SB)/8, $0x11542778a
DATA fold2048<>+8(SB)/8, $0x1322d1430
GLOBL fold2048<>(SB), RODATA, $16

// D = 512: one accumulator onto the next.
DATA fold512<>+0(SB)/8, $0x154442bd4
DATA fold512<>+8(SB)/8, $0x1c6e41596
GLOBL fold512<>(SB), RODATA, $16

// func foldIEEE(reg uint32, p []byte, out *[64]byte)
//
// foldIEEE folds p (a multiple of 256 bytes, at least 256), with the CRC
// register reg added to its first four bytes, into 64 bytes whose CRC with
// a zero register equals p's. Four independent accumulators keep the
// carry-less multipliers busy (AVX-512 and VPCLMULQDQ).
TEXT ·foldIEEE(SB), NOSPLIT, $0-40
	MOVL reg+0(FP), AX
	MOVQ p_base+8(FP), SI
	MOVQ p_len+16(FP), CX
	MOVQ out+32(FP), DI

	VMOVDQU64 (SI), Z1
	VMOVDQU64 64(SI), Z2
	VMOVDQU64 128(SI), Z3
	VMOVDQU64 192(SI), Z4
	VMOVD AX, X10 // zeroes the rest of Z10
	VPXORQ Z10, Z1, Z1
	ADDQ $256, SI
	SUBQ $256, CX
	VBROADCASTI32X4 fold2048<>(SB), Z0

loop:
	CMPQ CX, $256
	JB combine
	VPCLMULQDQ $0x11, Z0, Z1, Z5
	VPCLMULQDQ $0x00, Z0, Z1, Z1
	VPCLMULQDQ $0x11, Z0, Z2, Z6
	VPCLMULQDQ $0x00, Z0, Z2, Z2
	VPCLMULQDQ $0x11, Z0, Z3, Z7
	VPCLMULQDQ $0x00, Z0, Z3, Z3
	VPCLMULQDQ $0x11, Z0, Z4, Z8
	VPCLMULQDQ $0x00, Z0, Z4, Z4
	VPTERNLOGD $0x96, (SI), Z5, Z1 // Z1 ^= Z5 ^ next 64 bytes
	VPTERNLOGD $0x96, 64(SI), Z6, Z2
	VPTERNLOGD $0x96, 128(SI), Z7, Z3
	VPTERNLOGD $0x96, 192(SI), Z8, Z4
	ADDQ $256, SI
	SUBQ $256, CX
	JMP loop

combine:
	// Fold Z1 onto Z2, Z2 onto Z3, Z3 onto Z4: each is 512 bits ahead.
	VBROADCASTI32X4 fold512<>(SB), Z0
	VPCLMULQDQ $0x11, Z0, Z1, Z5
	VPCLMULQDQ $0x00, Z0, Z1, Z1
	VPTERNLOGD $0x96, Z5, Z1, Z2
	VPCLMULQDQ $0x11, Z0, Z2, Z5
	VPCLMULQDQ $0x00, Z0, Z2, Z2
	VPTERNLOGD $0x96, Z5, Z2, Z3
	VPCLMULQDQ $0x11, Z0, Z3, Z5
	VPCLMULQDQ $0x00, Z0, Z3, Z3
	VPTERNLOGD $0x96, Z5, Z3, Z4
	VMOVDQU64 Z4, (DI)
	VZEROUPPER
	RET
