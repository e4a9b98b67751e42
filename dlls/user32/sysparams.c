/*
 * System metrics and parameters.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(system);

/***********************************************************************
 *      GetSystemMetrics (USER32.@)
 */
INT WINAPI GetSystemMetrics( INT index )
{
    const struct usermm_driver_funcs *driver = get_display_driver();
    INT32 width, height;
    INT ret = 0;

    switch (index)
    {
    case SM_CXSCREEN:
    case SM_CYSCREEN:
        driver->get_screen_size( &width, &height );
        ret = index == SM_CXSCREEN ? width : height;
        break;
    default:
        FIXME( "index %d not supported\n", index );
        break;
    }
    TRACE( "%d -> %d\n", index, ret );
    return ret;
}
