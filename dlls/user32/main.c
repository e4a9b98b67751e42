/*
 * user32 process and thread attach/detach.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(user);

HINSTANCE user32_module;

BOOL WINAPI DllMain( HINSTANCE inst, DWORD reason, void *reserved )
{
    TRACE( "%p, %lu, %p\n", inst, reason, reserved );

    switch (reason)
    {
    case DLL_PROCESS_ATTACH:
        user32_module = inst;
        init_object_counts();
        break;
    case DLL_THREAD_DETACH:
        user_thread_detach();
        break;
    case DLL_PROCESS_DETACH:
        /* At process exit (reserved != NULL) other threads are gone and the display driver's
         * event thread with them; only an explicit FreeLibrary needs the driver closed. */
        if (!reserved) unload_display_driver();
        break;
    }
    return TRUE;
}

/* imm32 calls this from its DllMain with this magic number and refuses to load without TRUE.
 * Windows fills user32's table of IMM entry points here; we route no IME messages yet. */
#define IMM_INIT_MAGIC 0x19650412

BOOL WINAPI User32InitializeImmEntryTable( DWORD magic )
{
    TRACE( "%#lx\n", magic );
    if (magic != IMM_INIT_MAGIC)
    {
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    return TRUE;
}
