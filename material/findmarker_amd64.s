//go:build !purego

#include "textflag.h"

// func findMarker(b []byte) int
//
// findMarker returns the least i < len(b)-1 with b[i] == 0xFF and
// b[i+1] != 0x00, or -1. It compares 16 bytes at a time with SSE2, which
// every amd64 processor has: the bytes equal to FF, and-not the bytes
// after them equal to 00.
TEXT ·findMarker(SB), NOSPLIT, $0-32
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
