/*
 * Message names for +msg traces (the tables of include/usermm/msgnames.h, shared with the demo,
 * the spy and the tests).
 */
#include "user_private.h"
#include "usermm/msgnames.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(msg);

/* "WM_CREATE", "WM_USER+5", "registered 0xC0A1"...; the string lives in the debug buffer. */
const char *debugstr_msg_name( UINT msg )
{
    char buf[64];
    return wine_dbg_sprintf( "%s", usermm_format_msg( msg, buf, sizeof(buf) ) );
}

const char *debugstr_msg( const MSG *msg )
{
    char buf[64];

    if (!msg) return "(null)";
    return wine_dbg_sprintf( "{%p %s %#Ix %#Ix t=%lu (%ld,%ld)}", msg->hwnd,
                             usermm_format_msg( msg->message, buf, sizeof(buf) ), msg->wParam,
                             msg->lParam, msg->time, msg->pt.x, msg->pt.y );
}
