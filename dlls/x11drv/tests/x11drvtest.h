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
