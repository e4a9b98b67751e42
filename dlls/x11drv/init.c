/*
 * x11drv entry point (Win32 side): hands user32 the driver's function table.
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

static const struct usermm_user_callbacks *user_callbacks;

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
    TRACE( "closing the display\n" );
    x11_close_display();
}

static const struct usermm_driver_funcs x11drv_funcs =
{
    .version = USERMM_DRIVER_VERSION,
    .name = "x11",
    .get_screen_size = x11drv_get_screen_size,
    .describe = x11drv_describe,
    .shutdown = x11drv_shutdown,
};

const struct usermm_driver_funcs * CDECL usermm_driver_init( UINT32 version,
                                                             const struct usermm_user_callbacks *callbacks )
{
    TRACE( "version %u, callbacks %p\n", version, callbacks );

    if (version != USERMM_DRIVER_VERSION)
    {
        ERR( "user32 speaks interface version %u, this driver %u\n", version, USERMM_DRIVER_VERSION );
        return NULL;
    }
    if (!x11_open_display())
    {
        WARN( "cannot open the X display\n" );
        return NULL;
    }
    user_callbacks = callbacks;
    TRACE( "opened %s\n", x11_display_name() );
    return &x11drv_funcs;
}
