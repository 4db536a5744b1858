//go:build !purego

#include "textflag.h"

// Eight 16-byte tables for VPSHUFB, each looked up by one nibble of a byte;
// a byte is in a family when both of its nibbles' entries hold the
// family's bit. The families are the characters appendText looks for,
// each a fixed sequence of bytes whose every position is a product of a
// high-nibble set and a low-nibble set, so the lookups are exact:
//
//   - LO0/HI0, LO1/HI1, LO2/HI2: the first, second and third byte of
//     f0 公 (E5 85 AC), f1 Ａ Ｂ Ｉ (EF BC A1|A2|A9), f2 ｂ ｉ (EF BD 82|89),
//     f3 U+FEFF (EF BB BF), f4 U+200B–U+200D (E2 80 8B|8C|8D),
//     f5 U+2060 (E2 81 A0) and f6 the soft hyphen (C2 AD, any third byte);
//   - LOA/HIA, one byte: a0 I i B b, a1 A, a2 &, a3 CR, a4 NUL, a5 LF.
//
// TestClassifyVector checks them against these lists, byte by byte.
DATA classTables<>+0(SB)/8, $0x0000010000700000 // LO0
DATA classTables<>+8(SB)/8, $0x0e00000000000000
DATA classTables<>+16(SB)/8, $0x0000000000000000 // HI0
DATA classTables<>+24(SB)/8, $0x003f004000000000
DATA classTables<>+32(SB)/8, $0x0000010000002010 // LO1
DATA classTables<>+40(SB)/8, $0x0000440208000000
DATA classTables<>+48(SB)/8, $0x0000000000000000 // HI1
DATA classTables<>+56(SB)/8, $0x000000000e400031
DATA classTables<>+64(SB)/8, $0x4040404040464260 // LO2
DATA classTables<>+72(SB)/8, $0x4840505150404640
DATA classTables<>+80(SB)/8, $0x4040404040404040 // HI2
DATA classTables<>+88(SB)/8, $0x4040404048634054
DATA classTables<>+96(SB)/8, $0x0004000000010210 // LOA
DATA classTables<>+104(SB)/8, $0x0000080000200100
DATA classTables<>+112(SB)/8, $0x0001000300040038 // HIA
DATA classTables<>+120(SB)/8, $0x0000000000000000
GLOBL classTables<>(SB), RODATA|NOPTR, $128

// func classifyAVX512(t []byte) (anchors, invisible, decode bool, nls int)
//
// classifyAVX512 classifies t 64 bytes at a time with AVX-512BW: for each
// position, the three bytes there (from three loads one byte apart) by
// the tables above. Loads past the end of t are masked, so they read
// nothing and give zero bytes; zero bytes are in no family but a4, which
// is counted only within t.
TEXT ·classifyAVX512(SB), NOSPLIT, $0-40
	MOVQ t_base+0(FP), SI
	MOVQ t_len+8(FP), DX
	VBROADCASTI32X4 classTables<>+0(SB), Z16
	VBROADCASTI32X4 classTables<>+16(SB), Z17
	VBROADCASTI32X4 classTables<>+32(SB), Z18
	VBROADCASTI32X4 classTables<>+48(SB), Z19
	VBROADCASTI32X4 classTables<>+64(SB), Z20
	VBROADCASTI32X4 classTables<>+80(SB), Z21
	VBROADCASTI32X4 classTables<>+96(SB), Z22
	VBROADCASTI32X4 classTables<>+112(SB), Z23
	MOVL $0x0F, AX
	VPBROADCASTB AX, Z24 // the low nibble
	MOVL $0x07, AX
	VPBROADCASTB AX, Z25 // f0–f2: anchors
	MOVL $0x78, AX
	VPBROADCASTB AX, Z26 // f3–f6: invisible
	MOVL $0x03, AX
	VPBROADCASTB AX, Z27 // a0–a1: anchors
	MOVL $0x1C, AX
	VPBROADCASTB AX, Z28 // a2–a4: decode
	MOVL $0x20, AX
	VPBROADCASTB AX, Z29 // a5: newline
	XORQ AX, AX          // the block's offset
	XORQ R8, R8          // newlines
	MOVQ $-1, R10
	KXORQ K5, K5, K5     // anchors
	KXORQ K6, K6, K6     // invisible
	KXORQ K7, K7, K7     // decode

loop:
	MOVQ DX, CX
	SUBQ AX, CX          // the bytes left
	JLE done
	KMOVQ R10, K1
	KMOVQ R10, K2
	KMOVQ R10, K3
	CMPQ CX, $66
	JGE load             // all three loads are whole
	BZHIQ CX, R10, R11   // the last block: the bytes at +0 …
	KMOVQ R11, K1
	DECQ CX
	BZHIQ CX, R10, R11   // … at +1 …
	KMOVQ R11, K2
	SHRQ $1, R11         // … and at +2 that are in t
	KMOVQ R11, K3

load:
	VMOVDQU8.Z (SI)(AX*1), K1, Z0
	VMOVDQU8.Z 1(SI)(AX*1), K2, Z1
	VMOVDQU8.Z 2(SI)(AX*1), K3, Z2
	VPSRLW $4, Z0, Z3
	VPSRLW $4, Z1, Z4
	VPSRLW $4, Z2, Z5
	VPANDQ Z24, Z0, Z0
	VPANDQ Z24, Z1, Z1
	VPANDQ Z24, Z2, Z2
	VPANDQ Z24, Z3, Z3
	VPANDQ Z24, Z4, Z4
	VPANDQ Z24, Z5, Z5
	VPSHUFB Z0, Z16, Z6
	VPSHUFB Z3, Z17, Z7
	VPSHUFB Z1, Z18, Z8
	VPSHUFB Z4, Z19, Z9
	VPSHUFB Z2, Z20, Z10
	VPSHUFB Z5, Z21, Z11
	VPSHUFB Z0, Z22, Z12
	VPSHUFB Z3, Z23, Z13
	VPANDQ Z6, Z7, Z6
	VPTERNLOGD $0x80, Z8, Z9, Z6   // Z6 &= Z9 & Z8 (0x80: a AND b AND c)
	VPTERNLOGD $0x80, Z10, Z11, Z6 // Z6 &= Z11 & Z10: the three-byte families
	VPANDQ Z12, Z13, Z12           // the one-byte families
	VPTESTMB Z25, Z6, K4
	KORQ K4, K5, K5
	VPTESTMB Z26, Z6, K4
	KORQ K4, K6, K6
	VPTESTMB Z27, Z12, K4
	KORQ K4, K5, K5
	VPTESTMB Z28, Z12, K1, K4     // within t: masked lanes read as NUL
	KORQ K4, K7, K7
	VPTESTMB Z29, Z12, K4
	KMOVQ K4, R9
	POPCNTQ R9, R9
	ADDQ R9, R8
	ADDQ $64, AX
	JMP loop

done:
	VZEROUPPER
	KORTESTQ K5, K5
	SETNE anchors+24(FP)
	KORTESTQ K6, K6
	SETNE invisible+25(FP)
	KORTESTQ K7, K7
	SETNE decode+26(FP)
	MOVQ R8, nls+32(FP)
	RET
