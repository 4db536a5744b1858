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
// findMarkerAVX2 is findMarkerSSE2 with 32-byte vectors, 128 bytes per
// step: the bytes equal to FF, and-not the bytes after them equal to 00.
TEXT ·findMarkerAVX2(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ AX, AX
	VPCMPEQB Y7, Y7, Y7 // all FF
	VPXOR Y6, Y6, Y6    // all 00
	MOVQ CX, DX
	SUBQ $128, DX       // 128-byte blocks while i < len-128, so that b[i+128] exists
	JLE avx32start

avx128:
	CMPQ AX, DX
	JGE avx32start
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
	VPOR Y8, Y9, Y9
	VPOR Y10, Y11, Y11
	VPOR Y9, Y11, Y11
	VPTEST Y11, Y11
	JNZ avx32start      // the 32-byte loop finds it within this block
	ADDQ $128, AX
	JMP avx128

avx32start:
	MOVQ CX, DX
	SUBQ $32, DX        // 32-byte blocks while i < len-32, so that b[i+32] exists

avx32:
	CMPQ AX, DX
	JGE avxtail
	VPCMPEQB (SI)(AX*1), Y7, Y0
	VPCMPEQB 1(SI)(AX*1), Y6, Y1
	VPANDN Y0, Y1, Y1
	VPMOVMSKB Y1, BX
	TESTL BX, BX
	JNZ avxfound
	ADDQ $32, AX
	JMP avx32

avxfound:
	VZEROUPPER
	BSFL BX, BX
	ADDQ BX, AX
	MOVQ AX, ret+24(FP)
	RET

avxtail:
	VZEROUPPER
	LEAQ -1(CX), DX

avxtailloop:
	CMPQ AX, DX
	JGE avxnone
	CMPB (SI)(AX*1), $0xFF
	JNE avxnext
	CMPB 1(SI)(AX*1), $0x00
	JNE avxdone

avxnext:
	INCQ AX
	JMP avxtailloop

avxdone:
	MOVQ AX, ret+24(FP)
	RET

avxnone:
	MOVQ $-1, ret+24(FP)
	RET

// func findMarkerAVX512(b []byte) int
//
// findMarkerAVX512 compares 64 bytes at a time into mask registers
// (AVX-512BW), 128 bytes per step.
TEXT ·findMarkerAVX512(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ AX, AX
	VPTERNLOGD $0xFF, Z7, Z7, Z7 // all FF
	VPXORQ Z6, Z6, Z6            // all 00
	MOVQ CX, DX
	SUBQ $128, DX                // 128-byte blocks while i < len-128, so that b[i+128] exists
	JLE z64start

z128:
	CMPQ AX, DX
	JGE z64start
	VPCMPEQB (SI)(AX*1), Z7, K1
	VPCMPEQB 64(SI)(AX*1), Z7, K2
	VPCMPEQB 1(SI)(AX*1), Z6, K3
	VPCMPEQB 65(SI)(AX*1), Z6, K4
	KANDNQ K1, K3, K3            // K3 = K1 &^ K3: FF not followed by 00
	KANDNQ K2, K4, K4
	KORTESTQ K3, K4
	JNZ z128found
	ADDQ $128, AX
	JMP z128

z128found:
	KMOVQ K3, BX
	TESTQ BX, BX
	JNZ zfound
	KMOVQ K4, BX
	ADDQ $64, AX
	JMP zfound

z64start:
	MOVQ CX, DX
	SUBQ $64, DX                 // 64-byte blocks while i < len-64

z64:
	CMPQ AX, DX
	JGE ztail
	VPCMPEQB (SI)(AX*1), Z7, K1
	VPCMPEQB 1(SI)(AX*1), Z6, K3
	KANDNQ K1, K3, K3
	KMOVQ K3, BX
	TESTQ BX, BX
	JNZ zfound
	ADDQ $64, AX
	JMP z64

zfound:
	VZEROUPPER
	BSFQ BX, BX
	ADDQ BX, AX
	MOVQ AX, ret+24(FP)
	RET

ztail:
	VZEROUPPER
	LEAQ -1(CX), DX

ztailloop:
	CMPQ AX, DX
	JGE znone
	CMPB (SI)(AX*1), $0xFF
	JNE znext
	CMPB 1(SI)(AX*1), $0x00
	JNE zdone

znext:
	INCQ AX
	JMP ztailloop

zdone:
	MOVQ AX, ret+24(FP)
	RET

znone:
	MOVQ $-1, ret+24(FP)
	RET
