/*
 * Helpers shared by the user32 test units.
 */
#ifndef USER32TEST_H
#define USER32TEST_H

#include <windows.h>
#include "wine/test.h"
#include "usermm/testdll.h"

/* TRUE when the process runs Wine's builtin user32 (tools/runtest --reference) rather than
 * ours, which sits next to the test exe. Where the two differ, the test follows Microsoft's
 * documentation and marks the builtin deviation with todo_if(is_builtin_user32()). */
static inline BOOL is_builtin_user32( void )
{
    return usermm_is_builtin_dll( L"user32.dll" );
}

/* Registers class NAME with procedure PROC and nothing else (no style, no extra bytes). */
static inline void register_test_class( const char *name, WNDPROC proc )
{
    WNDCLASSA cls = { 0 };

    cls.lpfnWndProc = proc;
    cls.lpszClassName = name;
    RegisterClassA( &cls );
}

/* Empties the queue of the calling thread (dispatching what it finds). */
static inline void pump_messages( void )
{
    MSG msg;
    while (PeekMessageA( &msg, 0, 0, 0, PM_REMOVE )) DispatchMessageA( &msg );
}

#endif
