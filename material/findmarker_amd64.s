//go:build !purego

#include "textflag.h"

// func findMarkerSSE2(b []byte) int
//
// findMarkerSSE2 returns the least i < len(b)-1 with b[i] == 0xFF and
// b[i+1] != 0x00, or -1. It compares 16 bytes at a time with SSE2, which
// every amd64 processor has: the bytes equal to FF, and-not the bytes
// after them equal to 00.
TEXT ·findMarkerSSE2(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ AX, AX
	PCMPEQB X7, X7 // all FF
	PXOR X6, X6    // all 00
	MOVQ CX, DX
	SUBQ $64, DX   // 64-byte blocks while i < len-64, so that b[i+64] exists
	JLE loop16start

loop64:
	CMPQ AX, DX
	JGE loop16start
	MOVOU (SI)(AX*1), X0
	MOVOU 16(SI)(AX*1), X1
	MOVOU 32(SI)(AX*1), X2
	MOVOU 48(SI)(AX*1), X3
	MOVOU 1(SI)(AX*1), X8
	MOVOU 17(SI)(AX*1), X9
	MOVOU 33(SI)(AX*1), X10
	MOVOU 49(SI)(AX*1), X11
	PCMPEQB X7, X0
	PCMPEQB X7, X1
	PCMPEQB X7, X2
	PCMPEQB X7, X3
	PCMPEQB X6, X8
	PCMPEQB X6, X9
	PCMPEQB X6, X10
	PCMPEQB X6, X11
	PANDN X0, X8
	PANDN X1, X9
	PANDN X2, X10
	PANDN X3, X11
	POR X8, X9
	POR X10, X11
	POR X9, X11
	PMOVMSKB X11, BX
	TESTL BX, BX
	JNZ loop16start // the 16-byte loop finds it within this block
	ADDQ $64, AX
	JMP loop64

loop16start:
	MOVQ CX, DX
	SUBQ $16, DX   // 16-byte blocks while i < len-16, so that b[i+16] exists

loop:
	CMPQ AX, DX
	JGE tail
	MOVOU (SI)(AX*1), X0
	MOVOU 1(SI)(AX*1), X1
	PCMPEQB X7, X0
	PCMPEQB X6, X1
	PANDN X0, X1   // X1 = X0 &^ X1: FF not followed by 00
	PMOVMSKB X1, BX
	TESTL BX, BX
	JNZ found
	ADDQ $16, AX
	JMP loop

found:
	BSFL BX, BX
	ADDQ BX, AX
	MOVQ AX, ret+24(FP)
	RET

tail:
	LEAQ -1(CX), DX

tailloop:
	CMPQ AX, DX
	JGE none
	CMPB (SI)(AX*1), $0xFF
	JNE next
	CMPB 1(SI)(AX*1), $0x00
	JNE done

next:
	INCQ AX
	JMP tailloop

done:
	MOVQ AX, ret+24(FP)
	RET

none:
	MOVQ $-1, ret+24(FP)
	RET

// func findMarkerAVX2(b []byte) int
//
// findMarkerAVX2 searches the 128-byte blocks of b that have a byte after
// them, 32 bytes per compare: the bytes equal to FF, and-not the bytes
// after them equal to 00. It returns the marker's offset, or -1 when the
// blocks hold none; findMarker searches the rest.
TEXT ·findMarkerAVX2(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), DX
	XORQ AX, AX
	VPCMPEQB Y7, Y7, Y7 // all FF
	VPXOR Y6, Y6, Y6    // all 00
	SUBQ $128, DX       // blocks while i < len-128, so that b[i+128] exists

avx128:
	CMPQ AX, DX
	JGE avxnone
	VPCMPEQB (SI)(AX*1), Y7, Y0
	VPCMPEQB 32(SI)(AX*1), Y7, Y1
	VPCMPEQB 64(SI)(AX*1), Y7, Y2
	VPCMPEQB 96(SI)(AX*1), Y7, Y3
	VPCMPEQB 1(SI)(AX*1), Y6, Y8
	VPCMPEQB 33(SI)(AX*1), Y6, Y9
	VPCMPEQB 65(SI)(AX*1), Y6, Y10
	VPCMPEQB 97(SI)(AX*1), Y6, Y11
	VPANDN Y0, Y8, Y8   // Y8 = Y0 &^ Y8: FF not followed by 00
	VPANDN Y1, Y9, Y9
	VPANDN Y2, Y10, Y10
	VPANDN Y3, Y11, Y11
	VPOR Y8, Y9, Y12
	VPOR Y10, Y11, Y13
	VPOR Y12, Y13, Y13
	VPTEST Y13, Y13
	JNZ avxfound
	ADDQ $128, AX
	JMP avx128

avxfound:
	// The first of the four 32-byte masks with a bit set.
	VPMOVMSKB Y8, BX
	TESTL BX, BX
	JNZ avxat
	ADDQ $32, AX
	VPMOVMSKB Y9, BX
	TESTL BX, BX
	JNZ avxat
	ADDQ $32, AX
	VPMOVMSKB Y10, BX
	TESTL BX, BX
	JNZ avxat
	ADDQ $32, AX
	VPMOVMSKB Y11, BX

avxat:
	VZEROUPPER
	BSFL BX, BX
	ADDQ BX, AX
	MOVQ AX, ret+24(FP)
	RET

avxnone:
	VZEROUPPER
	MOVQ $-1, ret+24(FP)
	RET

// func findMarkerAVX512(b []byte) int
//
// findMarkerAVX512 is findMarkerAVX2 with 64-byte compares into mask
// registers (AVX-512BW).
TEXT ·findMarkerAVX512(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), DX
	XORQ AX, AX
	VPTERNLOGD $0xFF, Z7, Z7, Z7 // all FF
	VPXORQ Z6, Z6, Z6            // all 00
	SUBQ $128, DX                // blocks while i < len-128, so that b[i+128] exists

z128:
	CMPQ AX, DX
	JGE znone
	VPCMPEQB (SI)(AX*1), Z7, K1
	VPCMPEQB 64(SI)(AX*1), Z7, K2
	VPCMPEQB 1(SI)(AX*1), Z6, K3
	VPCMPEQB 65(SI)(AX*1), Z6, K4
	KANDNQ K1, K3, K3            // K3 = K1 &^ K3: FF not followed by 00
	KANDNQ K2, K4, K4
	KORTESTQ K3, K4
	JNZ zfound
	ADDQ $128, AX
	JMP z128

zfound:
	KMOVQ K3, BX
	TESTQ BX, BX
	JNZ zat
	KMOVQ K4, BX
	ADDQ $64, AX

zat:
	VZEROUPPER
	BSFQ BX, BX
	ADDQ BX, AX
	MOVQ AX, ret+24(FP)
	RET

znone:
	VZEROUPPER
	MOVQ $-1, ret+24(FP)
	RET
