/*
 * The interface between user32 and a display driver (x11drv.dll.so, or user32's own null driver).
 *
 * user32 loads the driver module by full path and calls its exported usermm_driver_init() with
 * the table of callbacks the driver may use; the driver answers with its table of functions.
 * The module is Winelib (ELF) code while user32 is PE code, so everything here is shared ABI:
 * fixed-size types only (in Winelib `long` is 8 bytes and wchar_t is 2; LONG, RECT and POINT are
 * 32-bit on both sides), and every function pointer is CDECL, which is ms_abi on both sides.
 *
 * Threads. Driver functions are called by any thread of the process, never with a user32 lock
 * held. Callbacks are called by the driver's event thread (made with CreateThread, so it may run
 * PE code), never with a driver lock or the X display lock held: a callback may call driver
 * functions again.
 */
#ifndef USERMM_DRIVER_H
#define USERMM_DRIVER_H

#include <windef.h>

/* Bumped whenever either table changes shape; a driver refuses a version it does not know.
 * 2: window functions, keyboard layout functions, input callbacks. */
#define USERMM_DRIVER_VERSION 2

/* Name of the export user32 looks up in the driver module. */
#define USERMM_DRIVER_INIT "usermm_driver_init"

/* A keyboard or mouse event from the hardware (the X server), as the driver hands it to user32.
 * The fields are those of SendInput's KEYBDINPUT / MOUSEINPUT, with the pointer position in
 * screen pixels instead of normalised coordinates, and the window the device event arrived in. */
#define USERMM_INPUT_KEYBOARD 1
#define USERMM_INPUT_MOUSE    2
struct usermm_hw_input
{
    UINT32 type;   /* USERMM_INPUT_* */
    UINT32 time;   /* GetTickCount time of the event (converted from the X server's time) */
    HWND hwnd;     /* top-level window whose X window got the event; NULL if none of ours */
    /* keyboard */
    UINT16 vk;     /* virtual key */
    UINT16 scan;   /* scan code, without the extended bit */
    UINT32 key_flags; /* KEYEVENTF_KEYUP, KEYEVENTF_EXTENDEDKEY */
    /* mouse */
    INT32 x, y;    /* pointer position in screen pixels (always absolute) */
    UINT32 mouse_flags; /* MOUSEEVENTF_MOVE, _LEFTDOWN, …, _WHEEL, _HWHEEL, _XDOWN, _XUP */
    INT32 mouse_data;   /* wheel delta (WHEEL_DELTA multiples) or XBUTTON1 / XBUTTON2 */
};

/* The same layout in user32 (PE, mingw) and in the driver (Winelib, LP64): checked on both sides. */
C_ASSERT( sizeof(struct usermm_hw_input) == 40 );
C_ASSERT( FIELD_OFFSET(struct usermm_hw_input, hwnd) == 8 );
C_ASSERT( FIELD_OFFSET(struct usermm_hw_input, vk) == 16 );
C_ASSERT( FIELD_OFFSET(struct usermm_hw_input, x) == 24 );
C_ASSERT( FIELD_OFFSET(struct usermm_hw_input, mouse_data) == 36 );

/* What user32 offers the driver. Called from the driver's event thread. */
struct usermm_user_callbacks
{
    UINT32 size; /* sizeof(struct usermm_user_callbacks), for forward compatibility */
    /* A key press or release, a pointer move, a button or wheel event: into the system input
     * queue, exactly as SendInput would put it there (but not marked injected). */
    void (CDECL *hardware_input)( const struct usermm_hw_input *input );
    /* The X window of top-level `hwnd` now has its client area at `client` (screen
     * coordinates): a window manager or the user moved or sized it. user32 moves the window
     * in the window's own thread, later (WM_WINDOWPOSCHANGING/CHANGED, WM_MOVE, WM_SIZE), and
     * tells the driver through window_pos_changed as for any move: the driver knows that
     * geometry as one it reported and does not move the X window again. Must not wait for an
     * application thread. */
    void (CDECL *window_moved)( HWND hwnd, const RECT *client );
    /* Part of the client area (client coordinates) must be redrawn: invalidate it. */
    void (CDECL *window_exposed)( HWND hwnd, const RECT *rect );
    /* The window manager asked the window to close (WM_DELETE_WINDOW): WM_SYSCOMMAND SC_CLOSE. */
    void (CDECL *window_close_request)( HWND hwnd );
    /* The X input focus came to (in = TRUE) or left the X window of `hwnd`: activation and
     * focus as when the user clicks another application's window and back. */
    void (CDECL *window_focus)( HWND hwnd, BOOL in );
};

/* What a driver offers user32. */
struct usermm_driver_funcs
{
    UINT32 version;   /* USERMM_DRIVER_VERSION */
    const char *name; /* "x11", "null": for traces */
    /* Size of the screen in pixels. */
    void (CDECL *get_screen_size)( INT32 *width, INT32 *height );
    /* Describes the connection ("DISPLAY :99, 1024x768") into buf; for traces and the demo. */
    void (CDECL *describe)( char *buf, UINT32 size );
    /* Closes the display; called once at process detach. */
    void (CDECL *shutdown)( void );

    /* Windows. Only top-level windows (children of the desktop) are passed to the driver. */
    /* After a top-level window was created, moved, sized, shown or hidden: `window` and
     * `client` are its rectangles in screen coordinates, `style` its WS_* style (WS_VISIBLE
     * says whether it is shown), `swp_flags` the SWP_* of the change. The driver creates the X
     * window the first time the window is visible, and maps, unmaps, moves and sizes it. */
    void (CDECL *window_pos_changed)( HWND hwnd, const RECT *window, const RECT *client,
                                      UINT32 style, UINT32 swp_flags );
    /* The window's text changed (the X window's title). */
    void (CDECL *set_window_text)( HWND hwnd, const WCHAR *text );
    /* The window is being destroyed. */
    void (CDECL *destroy_window)( HWND hwnd );
    /* The window became the foreground (active) window of the process: take the X input focus
     * as Windows gives the keyboard to the foreground window. NULL: nothing is active. */
    void (CDECL *set_foreground_window)( HWND hwnd );

    /* Pointer. */
    BOOL (CDECL *get_cursor_pos)( POINT *pt );  /* FALSE: user32 keeps its own idea */
    BOOL (CDECL *set_cursor_pos)( INT32 x, INT32 y );

    /* Keyboard layout (the server's keymap). Each returns a "not handled" value that makes
     * user32 use its own built-in US layout (the null driver handles nothing). */
    /* ToUnicodeEx: as documented (-1 dead key, 0 nothing, n characters); -2: not handled. */
    INT32 (CDECL *to_unicode)( UINT32 vk, UINT32 scan, const BYTE *keystate, WCHAR *buf,
                               INT32 size, UINT32 flags );
    /* MapVirtualKeyEx: as documented; ~0u: not handled. */
    UINT32 (CDECL *map_virtual_key)( UINT32 code, UINT32 type );
    /* VkKeyScanEx: as documented (-1 when no key gives ch); -2: not handled. */
    INT32 (CDECL *vk_key_scan)( WCHAR ch );
    /* GetKeyNameText: as documented; -1: not handled. */
    INT32 (CDECL *get_key_name)( INT32 lparam, WCHAR *buf, INT32 size );
};

typedef const struct usermm_driver_funcs *(CDECL *usermm_driver_init_func)(
    UINT32 version, const struct usermm_user_callbacks *callbacks );

#endif /* USERMM_DRIVER_H */
