/*
 * x11drv entry point (Win32 side): opens the display, starts the event thread and hands user32
 * the driver's function table.
 *
 * This module must not import user32: its imports would bind to our own user32, which loads
 * it. It talks to user32 only through the callback table user32 passes in.
 */
#include <stdarg.h>
#include <stdio.h>
#include <windef.h>
#include <winbase.h>
#include "usermm/driver.h"
#include "wine/debug.h"
#include "x11drv.h"

WINE_DEFAULT_DEBUG_CHANNEL(x11drv);

const struct usermm_user_callbacks *user_callbacks; /* set once, before the event thread starts */
static HANDLE event_thread;
static volatile LONG event_loop_done; /* the event thread left the X event loop */

static void CDECL x11drv_get_screen_size( INT32 *width, INT32 *height )
{
    int w, h;

    x11_screen_size( &w, &h );
    *width = w;
    *height = h;
}

static void CDECL x11drv_describe( char *buf, UINT32 size )
{
    int w, h;

    x11_screen_size( &w, &h );
    snprintf( buf, size, "X display %s, %dx%d", x11_display_name(), w, h );
}

static void CDECL x11drv_shutdown( void )
{
    int i;

    TRACE( "closing the display\n" );
    if (event_thread)
    {
        x11_event_stop();
        /* Wait for the loop to end, not for the thread: user32 calls this from its DllMain, with
         * the loader lock held, which the exiting thread needs. */
        for (i = 0; i < 100 && !event_loop_done; i++) Sleep( 10 );
        CloseHandle( event_thread );
        event_thread = NULL;
        if (!event_loop_done)
        {
            /* it may hold Xlib's lock: closing the display could hang; leave it to the exit */
            WARN( "the event thread did not stop; the display stays open\n" );
            return;
        }
    }
    x11_windows_cleanup();
    x11_close_display();
    x11_event_cleanup();
    keyboard_cleanup();
    user_callbacks = NULL;
}

static const struct usermm_driver_funcs x11drv_funcs =
{
    .version = USERMM_DRIVER_VERSION,
    .name = "x11",
    .get_screen_size = x11drv_get_screen_size,
    .describe = x11drv_describe,
    .shutdown = x11drv_shutdown,
    .window_pos_changed = x11drv_window_pos_changed,
    .set_window_text = x11drv_set_window_text,
    .destroy_window = x11drv_destroy_window,
    .set_foreground_window = x11drv_set_foreground_window,
    .get_cursor_pos = x11drv_get_cursor_pos,
    .set_cursor_pos = x11drv_set_cursor_pos,
    .to_unicode = x11drv_to_unicode,
    .map_virtual_key = x11drv_map_virtual_key,
    .vk_key_scan = x11drv_vk_key_scan,
    .get_key_name = x11drv_get_key_name,
};

/* The event thread. Made with CreateThread, not pthread_create: it calls user32 (PE code),
 * which a thread Wine does not know cannot do. It holds a reference to this module (`module`,
 * may be NULL): user32 unloads the driver as soon as shutdown returned, which is when the loop
 * ended, not when the thread has left the module's code. */
static DWORD WINAPI event_thread_proc( void *module )
{
    TRACE( "event thread started\n" );
    x11_event_loop();
    TRACE( "event thread done\n" );
    InterlockedExchange( &event_loop_done, 1 );
    if (module) FreeLibraryAndExitThread( module, 0 );
    return 0;
}

const struct usermm_driver_funcs * CDECL usermm_driver_init( UINT32 version,
                                                             const struct usermm_user_callbacks *callbacks )
{
    HMODULE module;

    TRACE( "version %u, callbacks %p\n", version, callbacks );

    if (version != USERMM_DRIVER_VERSION)
    {
        ERR( "user32 speaks interface version %u, this driver %u\n", version, USERMM_DRIVER_VERSION );
        return NULL;
    }
    if (user_callbacks)
    {
        ERR( "already initialised (one display driver per process)\n" );
        return NULL;
    }
    if (!callbacks || callbacks->size < sizeof(*callbacks))
    {
        ERR( "callback table too small (%u bytes)\n", callbacks ? callbacks->size : 0 );
        return NULL;
    }
    if (!x11_open_display())
    {
        WARN( "cannot open the X display\n" );
        return NULL;
    }
    user_callbacks = callbacks;
    keyboard_init();
    keymap_load();
    event_loop_done = 0;
    if (!GetModuleHandleExW( GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (const WCHAR *)event_thread_proc,
                             &module ))
        module = NULL;
    if (!x11_event_init() || !(event_thread = CreateThread( NULL, 0, event_thread_proc, module, 0, NULL )))
    {
        ERR( "cannot start the event thread\n" );
        if (module) FreeLibrary( module );
        x11_close_display();
        x11_event_cleanup();
        keyboard_cleanup();
        user_callbacks = NULL;
        return NULL;
    }
    TRACE( "opened %s\n", x11_display_name() );
    return &x11drv_funcs;
}
