/*
 * Debug channels for the Xlib half of x11drv (Win32 side): the X files cannot include Wine's
 * headers, so they trace through these functions, one channel per X file:
 *   x11conn (xdisplay.c), x11xwin (xwindow.c), x11xevent (xevent.c), x11keymap (xkeyboard.c).
 * WINEDEBUG=+x11xevent,+x11xwin … switches them like any other channel.
 */
#include <stdarg.h>
#include <windef.h>
#include <winbase.h>
#include "wine/debug.h"
#include "x11drv.h"

WINE_DECLARE_DEBUG_CHANNEL(x11conn);
WINE_DECLARE_DEBUG_CHANNEL(x11xwin);
WINE_DECLARE_DEBUG_CHANNEL(x11xevent);
WINE_DECLARE_DEBUG_CHANNEL(x11keymap);

static struct __wine_debug_channel *channel_of( enum x11_debug_channel channel )
{
    switch (channel)
    {
    case X11_CH_CONN: return &__wine_dbch_x11conn;
    case X11_CH_WINDOW: return &__wine_dbch_x11xwin;
    case X11_CH_EVENT: return &__wine_dbch_x11xevent;
    case X11_CH_KEYMAP: return &__wine_dbch_x11keymap;
    }
    return &__wine_dbch_x11conn;
}

int x11_debug_on( enum x11_debug_channel channel, enum x11_debug_class class )
{
    struct __wine_debug_channel *ch = channel_of( channel );

    switch (class)
    {
    case X11_TRACE_CLASS: return __WINE_IS_DEBUG_ON( _TRACE, ch );
    case X11_WARN_CLASS: return __WINE_IS_DEBUG_ON( _WARN, ch );
    case X11_ERR_CLASS: return __WINE_IS_DEBUG_ON( _ERR, ch );
    }
    return 0;
}

void x11_debug_log( enum x11_debug_channel channel, enum x11_debug_class class, const char *func,
                    const char *format, ... )
{
    static const enum __wine_debug_class classes[] =
    {
        [X11_TRACE_CLASS] = __WINE_DBCL_TRACE,
        [X11_WARN_CLASS] = __WINE_DBCL_WARN,
        [X11_ERR_CLASS] = __WINE_DBCL_ERR,
    };
    va_list args;

    va_start( args, format );
    wine_dbg_vlog( classes[class], channel_of( channel ), func, format, args );
    va_end( args );
}
