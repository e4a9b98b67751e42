/*
 * Functions written in assembly: only where C cannot say what a hot path needs (see
 * SendDriverMessage in dlls/winmm/driver.c), each next to the C it stands for.
 *
 * USERMM_ASM_GLOBAL_FUNC( name, code ) defines the global x86_64 PE function name. The code
 * declares its own prologue with .seh_* directives, ending with .seh_endprologue, so that the
 * function has unwind information: exceptions and longjmp must be able to unwind through it.
 * It is top-level asm, which GCC emits at the start of the file, in .text; it leaves the
 * assembler there (COFF has no .pushsection to restore anything else).
 *
 * It is left undefined where it cannot work, and when USERMM_NO_ASM is defined (to build and
 * test the C versions: make WINECFLAGS='... -DUSERMM_NO_ASM'); callers test #ifdef
 * USERMM_ASM_GLOBAL_FUNC and fall back to their C version.
 */
#ifndef __USERMM_ASM_H
#define __USERMM_ASM_H

#if defined(__x86_64__) && defined(_WIN32) && !defined(USERMM_NO_ASM)
#define USERMM_ASM_GLOBAL_FUNC( name, code ) \
    __asm__( ".text\n\t" \
             ".balign 16\n\t" \
             ".globl " #name "\n\t" \
             ".def " #name "; .scl 2; .type 32; .endef\n\t" \
             ".seh_proc " #name "\n" \
             #name ":\n\t" \
             code "\n\t" \
             ".seh_endproc" );
#endif

#endif /* __USERMM_ASM_H */
