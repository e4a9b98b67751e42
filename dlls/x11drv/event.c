/*
 * X events as user32 input (Win32 side of x11drv): the notifications of xevent.c's handlers,
 * turned into hardware input and window changes through user32's callback table. Runs on the
 * event thread, with no lock held (user32 may call the driver again from a callback).
 */
#include <stdarg.h>
#include <windef.h>
#include <winbase.h>
#include <winuser.h>
#include "usermm/driver.h"
#include "wine/debug.h"
#include "x11drv.h"

WINE_DEFAULT_DEBUG_CHANNEL(x11event);

/* X server time -> GetTickCount time: the offset is taken at the first event and taken again
 * whenever an event would be dated in the future (the two clocks drift apart). Event thread
 * only. */
static DWORD time_offset;
static BOOL time_offset_valid;

static DWORD x_time_to_tick( unsigned long x_time )
{
    DWORD now = GetTickCount(), tick;

    if (!x_time) return now;
    tick = (DWORD)x_time + time_offset;
    if (!time_offset_valid || (LONG)(tick - now) > 0)
    {
        time_offset = now - (DWORD)x_time;
        time_offset_valid = TRUE;
        tick = now;
    }
    return tick;
}

/* Where the last pointer event said the pointer was (event thread only): a button or wheel
 * event moves the pointer only if it happened somewhere else. */
static INT32 last_x = -1, last_y = -1;

static void send_input( struct usermm_hw_input *input )
{
    if (user_callbacks->hardware_input) user_callbacks->hardware_input( input );
}

void x11drv_key_event( void *hwnd, unsigned int keycode, unsigned int keysym, int release,
                       unsigned long time )
{
    struct usermm_hw_input input = { .type = USERMM_INPUT_KEYBOARD, .hwnd = hwnd };
    unsigned int vk, scan;
    int extended;

    keymap_translate_key( keycode, keysym, &vk, &scan, &extended );
    TRACE( "hwnd %p keycode %u keysym %#x %s -> vk %#x scan %#x%s, time %lu\n", hwnd, keycode,
           keysym, release ? "up" : "down", vk, scan, extended ? " ext" : "", time );
    if (!vk && !scan) return; /* a key Windows has no name for */
    input.time = x_time_to_tick( time );
    input.vk = vk;
    input.scan = scan;
    input.key_flags = (release ? KEYEVENTF_KEYUP : 0) | (extended ? KEYEVENTF_EXTENDEDKEY : 0);
    send_input( &input );
}

void x11drv_pointer_event( void *hwnd, enum x11drv_pointer_event kind, unsigned int button,
                           int x, int y, unsigned long time )
{
    /* X buttons: 1 left, 2 middle, 3 right, 4/5 wheel up/down, 6/7 wheel left/right,
     * 8/9 back/forward (XBUTTON1/2) */
    static const UINT press_flags[10] = { 0, MOUSEEVENTF_LEFTDOWN, MOUSEEVENTF_MIDDLEDOWN,
                                          MOUSEEVENTF_RIGHTDOWN, MOUSEEVENTF_WHEEL,
                                          MOUSEEVENTF_WHEEL, MOUSEEVENTF_HWHEEL,
                                          MOUSEEVENTF_HWHEEL, MOUSEEVENTF_XDOWN,
                                          MOUSEEVENTF_XDOWN };
    static const UINT release_flags[10] = { 0, MOUSEEVENTF_LEFTUP, MOUSEEVENTF_MIDDLEUP,
                                            MOUSEEVENTF_RIGHTUP, 0, 0, 0, 0, MOUSEEVENTF_XUP,
                                            MOUSEEVENTF_XUP };
    static const INT button_data[10] = { 0, 0, 0, 0, WHEEL_DELTA, -WHEEL_DELTA, -WHEEL_DELTA,
                                         WHEEL_DELTA, XBUTTON1, XBUTTON2 };
    struct usermm_hw_input input = { .type = USERMM_INPUT_MOUSE, .hwnd = hwnd, .x = x, .y = y };

    TRACE( "hwnd %p kind %u button %u at %d,%d time %lu\n", hwnd, kind, button, x, y, time );
    input.time = x_time_to_tick( time );
    /* the position is always absolute; it is a move when it changed (a button event elsewhere
     * than the last motion, after the pointer was warped, moves the pointer first) */
    input.mouse_flags = MOUSEEVENTF_ABSOLUTE;
    if (kind == X11DRV_MOTION || x != last_x || y != last_y) input.mouse_flags |= MOUSEEVENTF_MOVE;
    if (kind != X11DRV_MOTION)
    {
        UINT flags = button < ARRAY_SIZE(press_flags) ?
                     (kind == X11DRV_BUTTON_PRESS ? press_flags[button] : release_flags[button]) : 0;
        if (!flags) return; /* a wheel "release", or a button Windows has no message for */
        input.mouse_flags |= flags;
        input.mouse_data = button_data[button];
    }
    last_x = x;
    last_y = y;
    send_input( &input );
}

void x11drv_configure_event( void *hwnd, int x, int y, int cx, int cy )
{
    RECT client = { x, y, x + cx, y + cy };

    TRACE( "hwnd %p client %s\n", hwnd, wine_dbgstr_rect( &client ) );
    if (user_callbacks->window_moved) user_callbacks->window_moved( hwnd, &client );
}

void x11drv_expose_event( void *hwnd, int x, int y, int cx, int cy )
{
    RECT rect = { x, y, x + cx, y + cy };

    TRACE( "hwnd %p rect %s\n", hwnd, wine_dbgstr_rect( &rect ) );
    if (user_callbacks->window_exposed) user_callbacks->window_exposed( hwnd, &rect );
}

void x11drv_close_request( void *hwnd )
{
    TRACE( "hwnd %p\n", hwnd );
    if (user_callbacks->window_close_request) user_callbacks->window_close_request( hwnd );
}

void x11drv_focus_event( void *hwnd, int in )
{
    TRACE( "hwnd %p %s\n", hwnd, in ? "in" : "out" );
    if (user_callbacks->window_focus) user_callbacks->window_focus( hwnd, in );
}

void x11drv_keymap_changed( void )
{
    TRACE( "reloading the keymap\n" );
    keymap_load();
}
