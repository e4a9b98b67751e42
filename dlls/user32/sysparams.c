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
    /* the classic metrics at 96 dpi (Windows 10 values) */
    case SM_CXBORDER: case SM_CYBORDER: ret = 1; break;
    case SM_CXEDGE: case SM_CYEDGE: ret = 2; break;
    case SM_CXDLGFRAME: case SM_CYDLGFRAME: ret = 3; break;
    case SM_CXFRAME: case SM_CYFRAME: ret = 4; break;
    case SM_CXPADDEDBORDER: ret = 4; break;
    case SM_CYCAPTION: ret = 23; break;
    case SM_CYSMCAPTION: ret = 23; break;
    case SM_CYMENU: ret = 20; break;
    case SM_CXMINTRACK: ret = 136; break;
    case SM_CYMINTRACK: ret = 39; break;
    case SM_CXDOUBLECLK: case SM_CYDOUBLECLK: ret = 4; break;
    case SM_CXDRAG: case SM_CYDRAG: ret = 4; break;
    case SM_MOUSEPRESENT: ret = 1; break;
    case SM_CMOUSEBUTTONS: ret = 5; break;
    case SM_SWAPBUTTON: ret = 0; break;
    case SM_CXMAXTRACK: case SM_CYMAXTRACK:
    case SM_CXVIRTUALSCREEN: case SM_CYVIRTUALSCREEN:
    case SM_CXFULLSCREEN: case SM_CYFULLSCREEN:
        driver->get_screen_size( &width, &height );
        ret = (index == SM_CXMAXTRACK || index == SM_CXVIRTUALSCREEN || index == SM_CXFULLSCREEN) ? width : height;
        break;
    case SM_CMONITORS: ret = 1; break;
    case SM_CXMINIMIZED: ret = 160; break;
    case SM_CYMINIMIZED: ret = 28; break;
    default:
        FIXME( "index %d not supported\n", index );
        break;
    }
    TRACE( "%d -> %d\n", index, ret );
    return ret;
}
