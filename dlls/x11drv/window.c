/*
 * Windows and the pointer (Win32 side of x11drv): the driver-table functions user32 calls when a
 * top-level window changes, turned into requests on its X window (xwindow.c).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <windef.h>
#include <winbase.h>
#include <winnls.h>
#include <winuser.h>
#include "usermm/driver.h"
#include "wine/debug.h"
#include "x11drv.h"

WINE_DEFAULT_DEBUG_CHANNEL(x11win);

void CDECL x11drv_window_pos_changed( HWND hwnd, const RECT *window, const RECT *client,
                                      UINT32 style, UINT32 swp_flags )
{
    TRACE( "hwnd %p window %s client %s style %#x flags %#x\n", hwnd, wine_dbgstr_rect( window ),
           wine_dbgstr_rect( client ), style, swp_flags );
    /* a minimised window shows nothing of itself (without a taskbar to hold an icon) */
    x11_window_update( hwnd, client->left, client->top, client->right - client->left,
                       client->bottom - client->top,
                       (style & (WS_VISIBLE | WS_MINIMIZE)) == WS_VISIBLE );
}

void CDECL x11drv_set_window_text( HWND hwnd, const WCHAR *text )
{
    char *utf8;
    int len;

    TRACE( "hwnd %p text %s\n", hwnd, debugstr_w( text ) );
    if (!text) text = L"";
    len = WideCharToMultiByte( CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL );
    if (!(utf8 = malloc( len ))) return;
    WideCharToMultiByte( CP_UTF8, 0, text, -1, utf8, len, NULL, NULL );
    x11_window_set_title( hwnd, utf8 );
    free( utf8 );
}

void CDECL x11drv_destroy_window( HWND hwnd )
{
    TRACE( "hwnd %p\n", hwnd );
    x11_window_destroy( hwnd );
}

void CDECL x11drv_set_foreground_window( HWND hwnd )
{
    TRACE( "hwnd %p\n", hwnd );
    if (hwnd) x11_window_focus( hwnd );
}

BOOL CDECL x11drv_get_cursor_pos( POINT *pt )
{
    int x, y;

    /* over our windows every move reaches user32, whose own position is then current: only
     * elsewhere is the server asked (a round trip) */
    if (x11_pointer_tracked()) return FALSE;
    if (!x11_get_pointer( &x, &y )) return FALSE;
    pt->x = x;
    pt->y = y;
    TRACE( "%d,%d\n", x, y );
    return TRUE;
}

BOOL CDECL x11drv_set_cursor_pos( INT32 x, INT32 y )
{
    TRACE( "%d,%d\n", x, y );
    return x11_warp_pointer( x, y );
}
