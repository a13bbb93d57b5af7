#include "textflag.h"

// func anchors32(p0, p1, p2 unsafe.Pointer, groups int, w *[6]uint64) (off int, mask uint32)
TEXT ·anchors32(SB), NOSPLIT, $0-52
	MOVQ p0+0(FP), SI
	MOVQ p1+8(FP), DI
	MOVQ p2+16(FP), R8
	MOVQ groups+24(FP), CX
	MOVQ w+32(FP), AX
	VPBROADCASTQ 0(AX), Y0
	VPBROADCASTQ 8(AX), Y1
	VPBROADCASTQ 16(AX), Y2
	VPBROADCASTQ 24(AX), Y3
	VPBROADCASTQ 32(AX), Y4
	VPBROADCASTQ 40(AX), Y5
	XORQ DX, DX

	// Two groups at a time while there are two.
pair:
	CMPQ CX, $2
	JLT  single
	VMOVDQU (SI)(DX*1), Y6
	VMOVDQU 32(SI)(DX*1), Y9
	VPOR    Y3, Y6, Y6
	VPOR    Y3, Y9, Y9
	VPCMPEQB Y0, Y6, Y6
	VPCMPEQB Y0, Y9, Y9
	VMOVDQU (DI)(DX*1), Y7
	VMOVDQU 32(DI)(DX*1), Y10
	VPOR    Y4, Y7, Y7
	VPOR    Y4, Y10, Y10
	VPCMPEQB Y1, Y7, Y7
	VPCMPEQB Y1, Y10, Y10
	VPAND   Y7, Y6, Y6
	VPAND   Y10, Y9, Y9
	VMOVDQU (R8)(DX*1), Y8
	VMOVDQU 32(R8)(DX*1), Y11
	VPOR    Y5, Y8, Y8
	VPOR    Y5, Y11, Y11
	VPCMPEQB Y2, Y8, Y8
	VPCMPEQB Y2, Y11, Y11
	VPAND   Y8, Y6, Y6
	VPAND   Y11, Y9, Y9
	VPOR    Y6, Y9, Y12
	VPTEST  Y12, Y12
	JNZ     pairfound
	ADDQ    $64, DX
	SUBQ    $2, CX
	JMP     pair

pairfound:
	VPMOVMSKB Y6, BX
	TESTL   BX, BX
	JNZ     found
	ADDQ    $32, DX
	VPMOVMSKB Y9, BX
	JMP     found

single:
	TESTQ CX, CX
	JZ    none
	VMOVDQU (SI)(DX*1), Y6
	VPOR    Y3, Y6, Y6
	VPCMPEQB Y0, Y6, Y6
	VMOVDQU (DI)(DX*1), Y7
	VPOR    Y4, Y7, Y7
	VPCMPEQB Y1, Y7, Y7
	VPAND   Y7, Y6, Y6
	VMOVDQU (R8)(DX*1), Y8
	VPOR    Y5, Y8, Y8
	VPCMPEQB Y2, Y8, Y8
	VPAND   Y8, Y6, Y6
	VPMOVMSKB Y6, BX
	TESTL   BX, BX
	JNZ     found
	ADDQ    $32, DX

none:
	VZEROUPPER
	MOVQ DX, off+40(FP)
	MOVL $0, mask+48(FP)
	RET

found:
	VZEROUPPER
	MOVQ DX, off+40(FP)
	MOVL BX, mask+48(FP)
	RET

// func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eaxArg+0(FP), AX
	MOVL ecxArg+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv() (eax, edx uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET
