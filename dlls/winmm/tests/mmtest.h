/*
 * Which winmm (and user32) a winmm test runs on.
 *
 * The same test exe runs on our winmm (next to the exe) and, with tools/runtest --reference,
 * on Wine's builtin one. Where the two differ, Microsoft's documentation decides what the test
 * expects and the other side is marked with todo_builtin / todo_ours and a comment citing the
 * documentation. (todo_wine would not do: both run under Wine.) Each unit sets builtin_winmm
 * first thing.
 */
#ifndef USERMM_WINMM_TESTS_MMTEST_H
#define USERMM_WINMM_TESTS_MMTEST_H

#include <windows.h>
#include "wine/test.h"
#include "usermm/testdll.h"

static BOOL builtin_winmm;

#define todo_builtin todo_if(builtin_winmm)
#define todo_ours    todo_if(winetest_platform_is_wine && !builtin_winmm)

static inline BOOL is_builtin_winmm( void )
{
    return usermm_is_builtin_dll( L"winmm.dll" );
}

/* What Wine's spec stubs raise, with the DLL and function names as parameters. */
#define EXCEPTION_WINE_STUB 0x80000100

/* For a child process that calls into a user32 which may still lack what it needs: a stub ends
 * the child with EXCEPTION_WINE_STUB, which the parent reports as a skip. */
static inline LONG CALLBACK stub_handler( EXCEPTION_POINTERS *ptrs )
{
    const EXCEPTION_RECORD *rec = ptrs->ExceptionRecord;

    if (rec->ExceptionCode != EXCEPTION_WINE_STUB) return EXCEPTION_CONTINUE_SEARCH;
    if (rec->NumberParameters >= 2)
        trace( "stub %s.%s called\n", (const char *)rec->ExceptionInformation[0],
               (const char *)rec->ExceptionInformation[1] );
    ExitProcess( EXCEPTION_WINE_STUB );
}

#endif
