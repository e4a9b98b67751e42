/*
 * Helpers shared by the user32 test units.
 */
#ifndef USER32TEST_H
#define USER32TEST_H

#include <windows.h>
#include "wine/test.h"

/* TRUE when the process runs Wine's builtin user32 (tools/runtest --reference) rather than
 * ours, which sits next to the test exe. Where the two differ, the test follows Microsoft's
 * documentation and marks the builtin deviation with todo_if(is_builtin_user32()). */
static inline BOOL is_builtin_user32( void )
{
    WCHAR exe[MAX_PATH], dll[MAX_PATH], *p;
    DWORD err = GetLastError(); /* kept: todo_if( is_builtin_user32() ) ok( GetLastError() … ) */

    if (!winetest_platform_is_wine) return FALSE;
    GetModuleFileNameW( NULL, exe, ARRAY_SIZE(exe) );
    GetModuleFileNameW( GetModuleHandleW( L"user32.dll" ), dll, ARRAY_SIZE(dll) );
    if ((p = wcsrchr( exe, '\\' ))) *p = 0;
    if ((p = wcsrchr( dll, '\\' ))) *p = 0;
    SetLastError( err );
    return wcsicmp( exe, dll ) != 0;
}

/* Empties the queue of the calling thread (dispatching what it finds). */
static inline void pump_messages( void )
{
    MSG msg;
    while (PeekMessageA( &msg, 0, 0, 0, PM_REMOVE )) DispatchMessageA( &msg );
}

#endif
