//go:build !purego

#include "textflag.h"

// Eight 16-byte tables for VPSHUFB, each looked up by one nibble of a byte;
// a byte is in a family when both of its nibbles' entries hold the
// family's bit. The families are what appendText looks for, each a fixed
// sequence of bytes whose every position is a product of a set of high
// nibbles and a set of low nibbles, so the lookups are exact:
//
//   - LO0/HI0, LO1/HI1, LO2/HI2: the first, second and third byte of
//     bit 0 公 (E5 85 AC), bit 1 Ａ Ｂ Ｉ (EF BC A1|A2|A9), bit 2 ｂ ｉ
//     (EF BD 82|89), bit 3 U+FEFF (EF BB BF), bit 4 U+200B–U+200D
//     (E2 80 8B|8C|8D), bit 5 U+2060 (E2 81 A0) and bit 6 the soft hyphen
//     (C2 AD, any third byte);
//   - LOA/HIA, one byte: bit 0 I i B b, bit 1 A, bit 3 &, bit 4 CR,
//     bit 5 NUL, bit 6 LF. Bit 2 is left free, so that the anchors of
//     both kinds are bits 0–2 of their OR.
//
// Then, as dwords to broadcast: the low nibble, and the bits of anchors
// (07), invisible characters (78), bytes to decode (38) and LF (40).
// TestClassifyVector checks the tables against these lists, byte by byte.
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
DATA classTables<>+96(SB)/8, $0x0008000000010220 // LOA
DATA classTables<>+104(SB)/8, $0x0000100000400100
DATA classTables<>+112(SB)/8, $0x0001000300080070 // HIA
DATA classTables<>+120(SB)/8, $0x0000000000000000
DATA classTables<>+128(SB)/4, $0x0f0f0f0f
DATA classTables<>+132(SB)/4, $0x07070707
DATA classTables<>+136(SB)/4, $0x78787878
DATA classTables<>+140(SB)/4, $0x38383838
DATA classTables<>+144(SB)/4, $0x40404040
GLOBL classTables<>(SB), RODATA|NOPTR, $148

// BLOCK classifies the 64 positions whose bytes are in Z0, Z1 and Z2 (the
// bytes at +0, +1 and +2), the first two only within the lanes of mask k.
#define BLOCK(k) \
	VPSRLW $4, Z0, Z3 \
	VPSRLW $4, Z1, Z4 \
	VPSRLW $4, Z2, Z5 \
	VPANDQ Z24, Z0, Z0 \
	VPANDQ Z24, Z1, Z1 \
	VPANDQ Z24, Z2, Z2 \
	VPANDQ Z24, Z3, Z3 \
	VPANDQ Z24, Z4, Z4 \
	VPANDQ Z24, Z5, Z5 \
	VPSHUFB Z0, Z16, Z6 \
	VPSHUFB Z3, Z17, Z7 \
	VPSHUFB Z1, Z18, Z8 \
	VPSHUFB Z4, Z19, Z9 \
	VPSHUFB Z2, Z20, Z10 \
	VPSHUFB Z5, Z21, Z11 \
	VPSHUFB Z0, Z22, Z12 \
	VPSHUFB Z3, Z23, Z13 \
	VPANDQ Z6, Z7, Z6 \
	VPTERNLOGD $0x80, Z8, Z9, Z6 \   // Z6 &= Z9 & Z8 (0x80: a AND b AND c)
	VPTERNLOGD $0x80, Z10, Z11, Z6 \ // the three-byte families
	VPANDQ Z12, Z13, Z12 \           // the one-byte families
	VPORQ Z6, Z12, Z13 \
	VPTESTMB Z25, Z13, K4 \
	KORQ K4, K5, K5 \
	VPTESTMB Z26, Z6, K4 \
	KORQ K4, K6, K6 \
	VPTESTMB Z27, Z12, k, K4 \        // masked lanes read as NUL
	KORQ K4, K7, K7 \
	VPTESTMB Z28, Z12, k, K4 \
	KMOVQ K4, R12 \
	POPCNTQ R12, R12 \
	ADDQ R12, BX

// func classifyAVX512(t []byte) (anchors, invisible, decode bool, nls int)
//
// classifyAVX512 classifies t 64 positions at a time with AVX-512BW: the
// three bytes at each position (from three loads one byte apart) by the
// tables above. The loads of the last block are masked to t, so they read
// nothing past it and give zero bytes there. Newlines are counted a block
// at a time.
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
	VPBROADCASTD classTables<>+128(SB), Z24
	VPBROADCASTD classTables<>+132(SB), Z25
	VPBROADCASTD classTables<>+136(SB), Z26
	VPBROADCASTD classTables<>+140(SB), Z27
	VPBROADCASTD classTables<>+144(SB), Z28
	XORQ AX, AX        // the block's offset
	XORQ BX, BX        // newlines
	KXORQ K5, K5, K5   // anchors
	KXORQ K6, K6, K6   // invisible
	KXORQ K7, K7, K7   // decode
	KXNORQ K1, K1, K1  // all lanes
	MOVQ DX, CX
	SUBQ $66, CX       // whole blocks while all three loads fit

whole:
	CMPQ AX, CX
	JG last
	VMOVDQU8 (SI)(AX*1), Z0
	VMOVDQU8 1(SI)(AX*1), Z1
	VMOVDQU8 2(SI)(AX*1), Z2
	BLOCK(K1)
	ADDQ $64, AX
	JMP whole

last:
	MOVQ DX, CX
	SUBQ AX, CX        // the bytes left: 0 to 65
	JLE done
	MOVQ $-1, R10
	BZHIQ CX, R10, R11 // the bytes at +0 in t …
	KMOVQ R11, K1
	DECQ CX
	BZHIQ CX, R10, R11 // … at +1 …
	KMOVQ R11, K2
	VMOVDQU8.Z (SI)(AX*1), K1, Z0
	VMOVDQU8.Z 1(SI)(AX*1), K2, Z1
	SHRQ $1, R11       // … and at +2
	KMOVQ R11, K2
	VMOVDQU8.Z 2(SI)(AX*1), K2, Z2
	BLOCK(K1)
	ADDQ $64, AX
	JMP last

done:
	VZEROUPPER
	KORTESTQ K5, K5
	SETNE anchors+24(FP)
	KORTESTQ K6, K6
	SETNE invisible+25(FP)
	KORTESTQ K7, K7
	SETNE decode+26(FP)
	MOVQ BX, nls+32(FP)
	RET

// BLOCK2 is BLOCK for AVX2: it classifies the 32 positions starting at
// a0, whose next bytes are at a1 and a2, leaving the three-byte families
// in Y6 and the one-byte families in Y7. With 16 YMM registers, eight of
// them holding the tables (Y8–Y15) and Y2 the low-nibble mask, the bytes
// are loaded and looked up one offset at a time, through Y0, Y1 and Y3.
#define BLOCK2(a0, a1, a2) \
	VMOVDQU a0, Y0 \
	VPSRLW $4, Y0, Y3 \
	VPAND Y2, Y0, Y0 \
	VPAND Y2, Y3, Y3 \
	VPSHUFB Y0, Y8, Y6 \
	VPSHUFB Y3, Y9, Y1 \
	VPAND Y1, Y6, Y6 \
	VPSHUFB Y0, Y14, Y7 \
	VPSHUFB Y3, Y15, Y1 \
	VPAND Y1, Y7, Y7 \
	VMOVDQU a1, Y0 \
	VPSRLW $4, Y0, Y3 \
	VPAND Y2, Y0, Y0 \
	VPAND Y2, Y3, Y3 \
	VPSHUFB Y0, Y10, Y1 \
	VPAND Y1, Y6, Y6 \
	VPSHUFB Y3, Y11, Y1 \
	VPAND Y1, Y6, Y6 \
	VMOVDQU a2, Y0 \
	VPSRLW $4, Y0, Y3 \
	VPAND Y2, Y0, Y0 \
	VPAND Y2, Y3, Y3 \
	VPSHUFB Y0, Y12, Y1 \
	VPAND Y1, Y6, Y6 \
	VPSHUFB Y3, Y13, Y1 \
	VPAND Y1, Y6, Y6

// FLAGS2 adds a block's families to those seen (Y4, Y5); NEWLINES2 leaves
// in R12 the mask of its lanes that hold a newline (bit 6 of a one-byte
// family, shifted into each byte's top bit for VPMOVMSKB).
#define FLAGS2 \
	VPOR Y6, Y4, Y4 \
	VPOR Y7, Y5, Y5

#define NEWLINES2 \
	VPSLLW $1, Y7, Y1 \
	VPMOVMSKB Y1, R12

// func classifyAVX2Blocks(t []byte) (anchors, invisible, decode bool, nls int)
//
// classifyAVX2Blocks is classifyAVX512 with AVX2, 32 positions at a time,
// for t of at least 34 bytes (one whole block), except for the last two
// positions. AVX2 has no masked loads, so the last block is the one that
// ends at t's end, whatever it shares with the block before; the lanes they
// share are left out of its newlines, and the families it finds again
// change nothing.
TEXT ·classifyAVX2Blocks(SB), NOSPLIT, $0-40
	MOVQ t_base+0(FP), SI
	MOVQ t_len+8(FP), DX
	VBROADCASTI128 classTables<>+0(SB), Y8
	VBROADCASTI128 classTables<>+16(SB), Y9
	VBROADCASTI128 classTables<>+32(SB), Y10
	VBROADCASTI128 classTables<>+48(SB), Y11
	VBROADCASTI128 classTables<>+64(SB), Y12
	VBROADCASTI128 classTables<>+80(SB), Y13
	VBROADCASTI128 classTables<>+96(SB), Y14
	VBROADCASTI128 classTables<>+112(SB), Y15
	VPBROADCASTD classTables<>+128(SB), Y2
	VPXOR Y4, Y4, Y4   // three-byte families seen
	VPXOR Y5, Y5, Y5   // one-byte families seen
	XORQ AX, AX        // the block's offset
	XORQ BX, BX        // newlines
	MOVQ DX, DI
	SUBQ $34, DI       // the last block's offset: whole blocks up to it

whole2:
	CMPQ AX, DI
	JG last2
	BLOCK2((SI)(AX*1), 1(SI)(AX*1), 2(SI)(AX*1))
	FLAGS2
	NEWLINES2
	POPCNTL R12, R12
	ADDQ R12, BX
	ADDQ $32, AX
	JMP whole2

last2:
	MOVQ AX, CX
	SUBQ DI, CX        // the lanes the last block shares with the one before: 1 to 32
	CMPQ CX, $32
	JGE done2          // none left
	BLOCK2((SI)(DI*1), 1(SI)(DI*1), 2(SI)(DI*1))
	FLAGS2
	NEWLINES2
	SHRL CX, R12
	POPCNTL R12, R12
	ADDQ R12, BX

done2:
	VPOR Y4, Y5, Y0
	VPBROADCASTD classTables<>+132(SB), Y1
	VPTEST Y1, Y0
	SETNE anchors+24(FP)
	VPBROADCASTD classTables<>+136(SB), Y1
	VPTEST Y1, Y4
	SETNE invisible+25(FP)
	VPBROADCASTD classTables<>+140(SB), Y1
	VPTEST Y1, Y5
	SETNE decode+26(FP)
	VZEROUPPER
	MOVQ BX, nls+32(FP)
	RET
