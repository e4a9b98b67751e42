/*
 * winmm process attach/detach and version.
 */

#include "winmm_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(winmm);

HINSTANCE winmm_module;

BOOL WINAPI DllMain( HINSTANCE inst, DWORD reason, void *reserved )
{
    TRACE( "%p, %lu, %p\n", inst, reason, reserved );

    switch (reason)
    {
    case DLL_PROCESS_ATTACH:
        winmm_module = inst;
        DisableThreadLibraryCalls( inst );
        driver_init();
        break;
    case DLL_PROCESS_DETACH:
        /* At process exit (reserved != NULL) the driver DLLs may already be detached: calling
         * their DriverProc then is unsafe, so drivers are only closed on an explicit FreeLibrary. */
        if (!reserved) driver_unload_all();
        break;
    }
    return TRUE;
}

/***********************************************************************
 *      mmsystemGetVersion   (WINMM.@)
 *
 * MSDN: the version number of the system software, 0x030A (3.10) on every Win32 system.
 */
UINT WINAPI mmsystemGetVersion( void )
{
    TRACE( "returning 0x030a\n" );
    return 0x030a;
}
