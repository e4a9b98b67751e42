/*
 * Shared by the x11drv tests: finding x11drv.dll.so and tools/xinject in the build tree.
 *
 * The tests exercise our driver, which does not depend on which user32 the process runs on, so
 * they load the build tree's x11drv.dll.so in both runner modes (ours and --reference). It is
 * looked for where $USERMM_X11DRV points, else next to the exe, else in dlls/x11drv of the first
 * ancestor directory of the exe that has one (the runner stages exes in .testrun/MODE/DIR/).
 * tools/xinject likewise, or where $USERMM_XINJECT points.
 */
#include <windows.h>
#include <stdio.h>
#include "wine/test.h"

/* Finds `relative` (a DOS path, e.g. "dlls\\x11drv\\x11drv.dll.so") next to the exe or below
 * one of its ancestors; FALSE if none has it. */
static inline BOOL find_tree_file( const char *relative, char *path, DWORD size )
{
    char dir[MAX_PATH], *p;

    if (!GetModuleFileNameA( NULL, dir, sizeof(dir) )) return FALSE;
    if ((p = strrchr( dir, '\\' ))) *p = 0;
    p = strrchr( relative, '\\' );
    snprintf( path, size, "%s\\%s", dir, p ? p + 1 : relative );
    if (GetFileAttributesA( path ) != INVALID_FILE_ATTRIBUTES) return TRUE;
    for (;;)
    {
        snprintf( path, size, "%s\\%s", dir, relative );
        if (GetFileAttributesA( path ) != INVALID_FILE_ATTRIBUTES) return TRUE;
        if (!(p = strrchr( dir, '\\' ))) return FALSE;
        *p = 0;
    }
}

static inline HMODULE load_x11drv( void )
{
    char path[MAX_PATH];
    DWORD len = GetEnvironmentVariableA( "USERMM_X11DRV", path, sizeof(path) );

    if (!len || len >= sizeof(path))
        if (!find_tree_file( "dlls\\x11drv\\x11drv.dll.so", path, sizeof(path) )) return NULL;
    return LoadLibraryA( path );
}

static inline BOOL find_xinject( char *path, DWORD size )
{
    DWORD len = GetEnvironmentVariableA( "USERMM_XINJECT", path, size );

    if (len && len < size) return TRUE;
    return find_tree_file( "tools\\xinject\\xinject", path, size );
}

/* The start of a unit that drives X input: FALSE without a display (skipped, counted) or
 * without tools/xinject (a failure: it is part of the build); else xinject's path. */
static inline BOOL init_x_test( char *xinject, DWORD size )
{
    char display[256];

    if (!GetEnvironmentVariableA( "DISPLAY", display, sizeof(display) ))
    {
        skip( "no X display\n" );
        return FALSE;
    }
    if (!find_xinject( xinject, size ))
    {
        ok( 0, "tools/xinject/xinject not found (not built?)\n" );
        return FALSE;
    }
    return TRUE;
}

/* Starts xinject with `commands` (quoted arguments, see tools/xinject/xinject.c). Wine starts a
 * host program natively and its process cannot be waited for: the caller waits for the input
 * it sends. */
static inline BOOL start_xinject( const char *xinject, const char *commands )
{
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmdline[4096];

    snprintf( cmdline, sizeof(cmdline), "\"%s\" %s", xinject, commands );
    if (!CreateProcessA( NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi ))
    {
        ok( 0, "cannot run %s: error %lu\n", xinject, GetLastError() );
        return FALSE;
    }
    CloseHandle( pi.hThread );
    CloseHandle( pi.hProcess );
    return TRUE;
}

/* xinject with `commands` once the window titled `title` is viewable (the target of its window
 * commands) */
static inline BOOL start_xinject_on( const char *xinject, const char *title, const char *commands )
{
    char args[4000];

    snprintf( args, sizeof(args), "\"wait %s\" %s", title, commands );
    return start_xinject( xinject, args );
}
