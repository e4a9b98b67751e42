/*
 * Which DLL a test runs on: ours or Wine's builtin one.
 *
 * The same test exe runs on our DLLs (tools/runtest puts them next to the exe) and, with
 * --reference, on Wine's builtin ones (loaded from Wine's system directory). Where the two
 * differ, a test follows Microsoft's documentation and marks the other side with todo_if().
 */
#ifndef USERMM_TESTDLL_H
#define USERMM_TESTDLL_H

#include <windows.h>
#include "wine/test.h"

/* TRUE when NAME is Wine's builtin DLL, i.e. not loaded from the exe's own directory; FALSE on
 * Windows. Keeps the last error: todo_if( usermm_is_builtin_dll(…) ) is evaluated before the
 * ok() it guards reads GetLastError(). */
static inline BOOL usermm_is_builtin_dll( const WCHAR *name )
{
    WCHAR exe[MAX_PATH], dll[MAX_PATH], *p;
    DWORD err = GetLastError();

    if (!winetest_platform_is_wine) return FALSE;
    GetModuleFileNameW( NULL, exe, ARRAY_SIZE(exe) );
    GetModuleFileNameW( GetModuleHandleW( name ), dll, ARRAY_SIZE(dll) );
    if ((p = wcsrchr( exe, '\\' ))) *p = 0;
    if ((p = wcsrchr( dll, '\\' ))) *p = 0;
    SetLastError( err );
    return wcsicmp( exe, dll ) != 0;
}

#endif /* USERMM_TESTDLL_H */
