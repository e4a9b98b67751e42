/*
 * Real X11 input routed to a window procedure: every row of the baseline table
 * (../shared/reference/x11-input-baseline.md) that Microsoft's documentation supports, injected
 * with tools/xinject (XTest) into a top-level window of this process, on whichever user32 the
 * process runs (ours through x11drv.dll.so, or Wine's builtin one through winex11).
 *
 * Where the baseline (Wine's builtin) and the documentation part, the documentation decides
 * and the row says so; a difference of the builtin one is a todo_if(builtin) with the reason.
 * Needs an X server (the runner starts Xvfb when DISPLAY is unset); skipped without one.
 */
#include "x11drvtest.h"
#include "usermm/msgseq.h"
#include "usermm/testdll.h"

static char xinject[MAX_PATH];
static char title[64];
static HWND hwnd;
static BOOL builtin_user32;

/* The messages input produces, and those DefWindowProc makes of them; nothing else (IME,
 * painting, activation) is recorded. */
static BOOL record_paint, record_activation, capture_on_down;
static BOOL as_parent; /* the window has a child under test: its messages are marked parent */

static BOOL is_recorded( UINT msg )
{
    switch (msg)
    {
    case WM_NCHITTEST: case WM_SETCURSOR: case WM_CONTEXTMENU: case WM_SYSCOMMAND: case WM_CLOSE:
    case WM_HELP: case WM_CAPTURECHANGED: case WM_WINDOWPOSCHANGING: case WM_WINDOWPOSCHANGED:
    case WM_MOVE: case WM_SIZE: case WM_MOUSELEAVE: case WM_MOUSEHOVER: case WM_MOUSEACTIVATE:
        return TRUE;
    case WM_PAINT:
        return record_paint;
    case WM_ACTIVATEAPP: case WM_NCACTIVATE: case WM_ACTIVATE: case WM_SETFOCUS: case WM_KILLFOCUS:
        return record_activation;
    }
    return (msg >= WM_KEYFIRST && msg <= WM_KEYLAST && msg != WM_KEYLAST) ||
           (msg >= WM_MOUSEFIRST && msg <= WM_MOUSELAST);
}

/* GetMessageTime / GetMessagePos of the last button-down, checked against the injection. */
static DWORD last_button_time, last_button_pos;

/* The window's thread, and how many of the messages of a move or size reached the procedure on
 * another one (the driver's event thread must not move windows itself). */
static DWORD window_thread;
static LONG pos_msgs_elsewhere;

static LRESULT CALLBACK input_wndproc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (is_recorded( msg ))
    {
        struct message m = { msg, sent | wparam | lparam | (as_parent ? parent : 0), wp, lp };
        add_message( &m );
    }
    switch (msg)
    {
    case WM_WINDOWPOSCHANGING: case WM_WINDOWPOSCHANGED: case WM_MOVE: case WM_SIZE:
        if (GetCurrentThreadId() != window_thread) InterlockedIncrement( &pos_msgs_elsewhere );
        break;
    case WM_LBUTTONDOWN:
        last_button_time = GetMessageTime();
        last_button_pos = GetMessagePos();
        if (capture_on_down) SetCapture( hwnd );
        break;
    case WM_SYSCOMMAND:
        /* SC_KEYMENU would enter a menu loop; SC_CLOSE is turned into WM_CLOSE as documented */
        if ((wp & 0xfff0) == SC_KEYMENU) return 0;
        break;
    case WM_CLOSE:
        return 0; /* the test decides when the window goes */
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

/* xinject, once the test window is viewable (its target) */
static BOOL run_xinject( const char *commands )
{
    return start_xinject_on( xinject, title, commands );
}

/* Dispatches what the queue holds, translating keys as an application's loop does. */
static void pump_translated( void )
{
    MSG msg;

    while (PeekMessageA( &msg, 0, 0, 0, PM_REMOVE ))
    {
        TranslateMessage( &msg );
        DispatchMessageA( &msg );
    }
}

/* Pumps messages, translating keys, for `ms`. */
static void pump_for( DWORD ms )
{
    DWORD end = GetTickCount() + ms;

    do
    {
        pump_translated();
        MsgWaitForMultipleObjects( 0, NULL, FALSE, 10, QS_ALLINPUT );
    } while ((LONG)(end - GetTickCount()) > 0);
}

/* Pumps messages (translating keys) until `n` messages `last` were recorded, then 150 ms more
 * for stragglers; FALSE if they did not come within the time-out (xinject runs asynchronously:
 * a host program that Wine starts cannot be waited for). */
static BOOL pump_until( UINT last, size_t n, DWORD timeout )
{
    DWORD end = GetTickCount() + timeout;

    while ((LONG)(end - GetTickCount()) > 0)
    {
        pump_translated();
        if (msgseq_count( last ) >= n)
        {
            pump_for( 150 );
            return TRUE;
        }
        MsgWaitForMultipleObjects( 0, NULL, FALSE, 10, QS_ALLINPUT );
    }
    return FALSE;
}

/* Injects `commands`, waits for the sequence's last message, compares. todo: the sequence is a
 * known difference; todo_missing: its messages do not even come. */
#define check_input( commands, expected, context, todo ) \
    check_input_( commands, expected, context, todo, FALSE )
#define check_input_missing( commands, expected, context, todo ) \
    check_input_( commands, expected, context, todo, todo )
static void check_input_( const char *commands, const struct message *expected, const char *context,
                          BOOL todo, BOOL todo_missing )
{
    const struct message *last = expected, *m;
    size_t n = 0;

    while (last[1].message) last++;
    /* wait for as many of the last message as the sequence expects (a dead key's WM_KEYUP
     * comes before the composed key's) */
    for (m = expected; m->message; m++)
        if (m->message == last->message && !(m->flags & optional)) n++;
    pump_for( 50 );
    flush_sequence();
    if (!run_xinject( commands )) return;
    todo_if( todo_missing )
    ok( pump_until( last->message, n, 5000 ), "%s: %s never came\n", context,
        usermm_msg_name( last->message ) );
    ok_sequence( expected, context, todo );
}

/* Changes the server's keymap with xinject's `remap` (every client gets MappingNotify) and
 * waits until the layout user32 translates with follows it: MapVirtualKey(vk, MAPVK_VK_TO_CHAR)
 * gives `expected`. TranslateMessage reads the layout when the application gets to a key
 * message, not when the key was pressed: a keymap changed again before that would translate
 * the key with the newer one, so a test restores the keymap only after its keys were handled,
 * and the next test starts only once the restored keymap is in use. FALSE after 5 s. */
static BOOL remap_key( const char *remap, UINT vk, UINT expected )
{
    char commands[128];
    DWORD end = GetTickCount() + 5000;

    snprintf( commands, sizeof(commands), "\"%s\"", remap );
    if (!run_xinject( commands )) return FALSE;
    while (MapVirtualKeyW( vk, MAPVK_VK_TO_CHAR ) != expected)
    {
        if ((LONG)(end - GetTickCount()) <= 0) return FALSE;
        pump_for( 10 );
    }
    return TRUE;
}

/* A mouse message with what may come before it: WM_NCHITTEST and WM_SETCURSOR (a button
 * where the pointer already was needs no new hit test) */
#define MOUSE_MSG( msg, wp, lp ) \
    { WM_NCHITTEST, sent | optional }, { WM_SETCURSOR, sent | optional }, \
    { msg, sent | wparam | lparam, wp, lp }

#define KEY_LP(scan, ext) (0x00000001 | ((scan) << 16) | ((ext) ? 0x01000000 : 0))
#define KEY_UP_LP(scan, ext) (KEY_LP(scan, ext) | 0xc0000000)
#define ALT_LP(scan) (KEY_LP(scan, 0) | 0x20000000)

/* The layout functions on the X server's keymap (Xvfb: US), through user32: the documented US
 * values. */
static void test_layout_api( void )
{
    BYTE state[256] = { 0 };
    WCHAR buf[16];
    char name[32];
    int ret;

    ok( MapVirtualKeyA( 'A', MAPVK_VK_TO_VSC ) == 0x1e, "A -> scan %#x\n", MapVirtualKeyA( 'A', MAPVK_VK_TO_VSC ) );
    ok( MapVirtualKeyA( 0x2a, MAPVK_VSC_TO_VK ) == VK_SHIFT, "0x2a -> %#x\n", MapVirtualKeyA( 0x2a, MAPVK_VSC_TO_VK ) );
    ok( MapVirtualKeyA( 0x36, MAPVK_VSC_TO_VK_EX ) == VK_RSHIFT, "0x36 -> %#x\n", MapVirtualKeyA( 0x36, MAPVK_VSC_TO_VK_EX ) );
    ok( MapVirtualKeyA( VK_OEM_1, MAPVK_VK_TO_CHAR ) == ';', "VK_OEM_1 -> %#x\n", MapVirtualKeyA( VK_OEM_1, MAPVK_VK_TO_CHAR ) );
    ok( VkKeyScanA( 'a' ) == 'A', "VkKeyScan a %#x\n", VkKeyScanA( 'a' ) );
    ok( VkKeyScanA( 'A' ) == 0x141, "VkKeyScan A %#x\n", VkKeyScanA( 'A' ) );
    ok( VkKeyScanA( '?' ) == 0x1bf, "VkKeyScan ? %#x\n", VkKeyScanA( '?' ) );
    ret = GetKeyNameTextA( 0x1e << 16, name, sizeof(name) );
    ok( ret == 1 && !strcmp( name, "A" ), "GetKeyNameText 0x1e: %d %s\n", ret, name );
    ret = GetKeyNameTextA( 0x3b << 16, name, sizeof(name) );
    ok( ret == 2 && !strcmp( name, "F1" ), "GetKeyNameText 0x3b: %d %s\n", ret, name );
    state[VK_SHIFT] = 0x80;
    ret = ToUnicode( '2', 0x03, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == '@', "ToUnicode shift+2: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
    state[VK_SHIFT] = 0;
    ret = ToUnicode( VK_OEM_4, 0x1a, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == '[', "ToUnicode [: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
}

/* Keyboard: WM_KEYDOWN / WM_KEYUP with lParam = repeat 1, scan code (bits 16-23), extended bit
 * (24), context bit (29, Alt down), previous state (30), transition (31) — "Keystroke Message
 * Flags"; TranslateMessage's WM_CHAR carries the keydown's lParam. */
static void test_keys( void )
{
    static const struct message key_a[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, 'A', KEY_LP(0x1e, 0) },
        { WM_CHAR, sent | wparam | lparam, 'a', KEY_LP(0x1e, 0) },
        { WM_KEYUP, sent | wparam | lparam, 'A', KEY_UP_LP(0x1e, 0) },
        { 0 }
    };
    /* The generic VK_SHIFT in WM_KEYDOWN ("Virtual-Key Codes": VK_LSHIFT & co. only for
     * GetAsyncKeyState, GetKeyState and the like); left Shift's scan 0x2a */
    static const struct message shift_a[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, VK_SHIFT, KEY_LP(0x2a, 0) },
        { WM_KEYDOWN, sent | wparam | lparam, 'A', KEY_LP(0x1e, 0) },
        { WM_CHAR, sent | wparam | lparam, 'A', KEY_LP(0x1e, 0) },
        { WM_KEYUP, sent | wparam | lparam, 'A', KEY_UP_LP(0x1e, 0) },
        { WM_KEYUP, sent | wparam | lparam, VK_SHIFT, KEY_UP_LP(0x2a, 0) },
        { 0 }
    };
    static const struct message key_return[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, VK_RETURN, KEY_LP(0x1c, 0) },
        { WM_CHAR, sent | wparam | lparam, '\r', KEY_LP(0x1c, 0) },
        { WM_KEYUP, sent | wparam | lparam, VK_RETURN, KEY_UP_LP(0x1c, 0) },
        { 0 }
    };
    /* keypad Enter: the extended key of the pair */
    static const struct message key_kp_enter[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, VK_RETURN, KEY_LP(0x1c, 1) },
        { WM_CHAR, sent | wparam | lparam, '\r', KEY_LP(0x1c, 1) },
        { WM_KEYUP, sent | wparam | lparam, VK_RETURN, KEY_UP_LP(0x1c, 1) },
        { 0 }
    };
    /* the navigation keys are extended and type nothing */
    static const struct message key_left[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, VK_LEFT, KEY_LP(0x4b, 1) },
        { WM_KEYUP, sent | wparam | lparam, VK_LEFT, KEY_UP_LP(0x4b, 1) },
        { 0 }
    };
    static const struct message key_home_delete[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, VK_HOME, KEY_LP(0x47, 1) },
        { WM_KEYUP, sent | wparam | lparam, VK_HOME, KEY_UP_LP(0x47, 1) },
        { WM_KEYDOWN, sent | wparam | lparam, VK_DELETE, KEY_LP(0x53, 1) },
        { WM_KEYUP, sent | wparam | lparam, VK_DELETE, KEY_UP_LP(0x53, 1) },
        { 0 }
    };
    /* Alt: WM_SYSKEYDOWN with the context bit; the character as WM_SYSCHAR; DefWindowProc
     * makes WM_SYSCOMMAND SC_KEYMENU of it ("WM_SYSCHAR"); releasing Alt is a WM_KEYUP (no
     * Alt is down any more), releasing x while Alt is down a WM_SYSKEYUP */
    static const struct message alt_x[] =
    {
        { WM_SYSKEYDOWN, sent | wparam | lparam, VK_MENU, ALT_LP(0x38) },
        { WM_SYSKEYDOWN, sent | wparam | lparam, 'X', ALT_LP(0x2d) },
        { WM_SYSCHAR, sent | wparam | lparam, 'x', ALT_LP(0x2d) },
        { WM_SYSCOMMAND, sent | wparam | lparam, SC_KEYMENU, 'x' },
        { WM_SYSKEYUP, sent | wparam | lparam, 'X', ALT_LP(0x2d) | 0xc0000000 },
        { WM_KEYUP, sent | wparam | lparam, VK_MENU, KEY_UP_LP(0x38, 0) },
        { 0 }
    };
    /* Ctrl+C types ETX (0x03) */
    static const struct message ctrl_c[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, VK_CONTROL, KEY_LP(0x1d, 0) },
        { WM_KEYDOWN, sent | wparam | lparam, 'C', KEY_LP(0x2e, 0) },
        { WM_CHAR, sent | wparam | lparam, 0x03, KEY_LP(0x2e, 0) },
        { WM_KEYUP, sent | wparam | lparam, 'C', KEY_UP_LP(0x2e, 0) },
        { WM_KEYUP, sent | wparam | lparam, VK_CONTROL, KEY_UP_LP(0x1d, 0) },
        { 0 }
    };
    /* F1: DefWindowProc sends WM_HELP ("WM_HELP: sent when the user presses F1"); lParam
     * points to a HELPINFO, so it is not compared */
    static const struct message key_f1[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, VK_F1, KEY_LP(0x3b, 0) },
        { WM_HELP, sent | wparam, 0, 0 },
        { WM_KEYUP, sent | wparam | lparam, VK_F1, KEY_UP_LP(0x3b, 0) },
        { 0 }
    };

    check_input( "focus \"key a\"", key_a, "key a", FALSE );
    check_input( "\"key shift+a\"", shift_a, "shift+a", FALSE );
    check_input( "\"key Return\"", key_return, "Return", FALSE );
    check_input( "\"key KP_Enter\"", key_kp_enter, "keypad Enter", FALSE );
    check_input( "\"key Left\"", key_left, "Left", FALSE );
    check_input( "\"key Home\" \"key Delete\"", key_home_delete, "Home, Delete", FALSE );
    check_input( "\"key alt+x\"", alt_x, "alt+x", FALSE );
    check_input( "\"key ctrl+c\"", ctrl_c, "ctrl+c", FALSE );
    check_input( "\"key F1\"", key_f1, "F1", FALSE );
}

/* Mouse: the position in lParam in client coordinates for the button and move messages, in
 * screen coordinates for the wheel and WM_CONTEXTMENU; wParam the MK_* keys and buttons down
 * ("WM_LBUTTONDOWN", "WM_MOUSEWHEEL", "WM_XBUTTONDOWN"). WM_NCHITTEST (screen position) and
 * WM_SETCURSOR (HTCLIENT, the mouse message) come before each mouse message. */
/* GetCursorPos is where the pointer is, over our windows or not ("GetCursorPos": "the
 * position of the mouse cursor, in screen coordinates"). */
static void test_cursor_pos( void )
{
    DWORD end;
    POINT pt;

    if (!run_xinject( "\"move 7 9\"" )) return;
    end = GetTickCount() + 3000;
    do
    {
        pump_for( 20 );
        GetCursorPos( &pt );
    } while ((pt.x != 7 || pt.y != 9) && (LONG)(end - GetTickCount()) > 0);
    ok( pt.x == 7 && pt.y == 9, "outside our windows: cursor at %ld,%ld, expected 7,9\n", pt.x, pt.y );
    pump_for( 100 );
    flush_sequence();
    if (!run_xinject( "\"move 203 204\"" )) return;
    pump_until( WM_MOUSEMOVE, 1, 3000 );
    GetCursorPos( &pt );
    ok( pt.x == 203 && pt.y == 204, "inside: cursor at %ld,%ld, expected 203,204\n", pt.x, pt.y );
}

static void test_mouse( void )
{
    POINT pt = { 200, 200 };
    LPARAM client_lp, screen_lp = MAKELPARAM( 200, 200 );
    LPARAM setcursor_move = MAKELPARAM( HTCLIENT, WM_MOUSEMOVE );
    DWORD before;

    ScreenToClient( hwnd, &pt );
    client_lp = MAKELPARAM( pt.x, pt.y );
    {
        const struct message move[] =
        {
            { WM_NCHITTEST, sent | lparam, 0, screen_lp },
            { WM_SETCURSOR, sent | lparam, 0, setcursor_move },
            { WM_MOUSEMOVE, sent | wparam | lparam, 0, client_lp },
            { 0 }
        };
        check_input( "\"move 200 200\"", move, "move to 200,200", FALSE );
    }
    {
        const struct message click[] =
        {
            MOUSE_MSG( WM_LBUTTONDOWN, MK_LBUTTON, client_lp ),
            MOUSE_MSG( WM_LBUTTONUP, 0, client_lp ),
            { 0 }
        };
        before = GetTickCount();
        check_input( "\"click 1\"", click, "left click", FALSE );
        /* the procedure reads the event's time and position, which DispatchMessage does not pass */
        ok( last_button_pos == MAKELONG( 200, 200 ), "GetMessagePos %#lx\n", last_button_pos );
        ok( (LONG)(last_button_time - before) >= -100 && (LONG)(GetTickCount() - last_button_time) >= 0,
            "GetMessageTime %lu, injected after %lu, now %lu\n", last_button_time, before, GetTickCount() );
    }
    {
        /* DefWindowProc sends WM_CONTEXTMENU on the right button's release, lParam in screen
         * coordinates ("WM_CONTEXTMENU") */
        const struct message right[] =
        {
            MOUSE_MSG( WM_RBUTTONDOWN, MK_RBUTTON, client_lp ),
            MOUSE_MSG( WM_RBUTTONUP, 0, client_lp ),
            { WM_CONTEXTMENU, sent | wparam | lparam, (WPARAM)hwnd, screen_lp },
            { 0 }
        };
        check_input( "\"click 3\"", right, "right click", FALSE );
    }
    {
        const struct message middle[] =
        {
            MOUSE_MSG( WM_MBUTTONDOWN, MK_MBUTTON, client_lp ),
            MOUSE_MSG( WM_MBUTTONUP, 0, client_lp ),
            { 0 }
        };
        check_input( "\"click 2\"", middle, "middle click", FALSE );
    }
    {
        /* one notch is WHEEL_DELTA in the high word; positive away from the user */
        const struct message wheel[] =
        {
            MOUSE_MSG( WM_MOUSEWHEEL, MAKEWPARAM( 0, WHEEL_DELTA ), screen_lp ),
            MOUSE_MSG( WM_MOUSEWHEEL, MAKEWPARAM( 0, -WHEEL_DELTA ), screen_lp ),
            { 0 }
        };
        check_input( "\"wheel up\" \"wheel down\"", wheel, "wheel", FALSE );
    }
    {
        /* positive to the right. "WM_MOUSEHWHEEL": lParam is the pointer "relative to the
         * upper-left corner of the screen", as for WM_MOUSEWHEEL; Wine's builtin user32 gives
         * client coordinates (measured: 0x4d0060 for screen 200,200), so ours follows the
         * documentation and the builtin one is a todo */
        const struct message hwheel[] =
        {
            MOUSE_MSG( WM_MOUSEHWHEEL, MAKEWPARAM( 0, -WHEEL_DELTA ), screen_lp ),
            MOUSE_MSG( WM_MOUSEHWHEEL, MAKEWPARAM( 0, WHEEL_DELTA ), screen_lp ),
            { 0 }
        };
        check_input( "\"wheel left\" \"wheel right\"", hwheel, "horizontal wheel", builtin_user32 );
    }
    {
        /* X buttons 8 and 9: XBUTTON1 / XBUTTON2 in the high word of wParam */
        const struct message xbuttons[] =
        {
            MOUSE_MSG( WM_XBUTTONDOWN, MAKEWPARAM( MK_XBUTTON1, XBUTTON1 ), client_lp ),
            MOUSE_MSG( WM_XBUTTONUP, MAKEWPARAM( 0, XBUTTON1 ), client_lp ),
            MOUSE_MSG( WM_XBUTTONDOWN, MAKEWPARAM( MK_XBUTTON2, XBUTTON2 ), client_lp ),
            MOUSE_MSG( WM_XBUTTONUP, MAKEWPARAM( 0, XBUTTON2 ), client_lp ),
            { 0 }
        };
        check_input( "\"click 8\" \"click 9\"", xbuttons, "X buttons", FALSE );
    }
    {
        /* CS_DBLCLKS: the second press within the double-click time and rectangle is
         * WM_LBUTTONDBLCLK */
        const struct message dblclk[] =
        {
            MOUSE_MSG( WM_LBUTTONDOWN, MK_LBUTTON, client_lp ),
            MOUSE_MSG( WM_LBUTTONUP, 0, client_lp ),
            MOUSE_MSG( WM_LBUTTONDBLCLK, MK_LBUTTON, client_lp ),
            MOUSE_MSG( WM_LBUTTONUP, 0, client_lp ),
            { 0 }
        };
        Sleep( GetDoubleClickTime() + 50 ); /* no double click with the clicks before */
        check_input( "\"dclick 1\"", dblclk, "double click", FALSE );
    }
    {
        /* MK_SHIFT with the button while Shift is down */
        const struct message shift_click[] =
        {
            { WM_KEYDOWN, sent | wparam | lparam, VK_SHIFT, KEY_LP(0x2a, 0) },
            MOUSE_MSG( WM_LBUTTONDOWN, MK_LBUTTON | MK_SHIFT, client_lp ),
            MOUSE_MSG( WM_LBUTTONUP, MK_SHIFT, client_lp ),
            { WM_KEYUP, sent | wparam | lparam, VK_SHIFT, KEY_UP_LP(0x2a, 0) },
            { 0 }
        };
        Sleep( GetDoubleClickTime() + 50 );
        check_input( "\"down shift\" \"click 1\" \"up shift\"", shift_click, "shift+click", FALSE );
    }
}

/* A window manager's close button (WM_DELETE_WINDOW) is the system menu's Close:
 * WM_SYSCOMMAND SC_CLOSE, which DefWindowProc turns into WM_CLOSE. */
static void test_close( void )
{
    static const struct message close_seq[] =
    {
        { WM_SYSCOMMAND, sent | wparam, SC_CLOSE },
        { WM_CLOSE, sent },
        { 0 }
    };

    check_input( "close", close_seq, "WM_DELETE_WINDOW", FALSE );
}

/* Dead keys, with the keymap changed on the server (a layout switch): keycode 48 (US ') made
 * dead_acute. TranslateMessage gives WM_DEADCHAR with the accent's spacing character for the
 * dead key, then the composed character for the next key ("WM_DEADCHAR"); keys keep their
 * virtual key and scan code (VK_OEM_7, 0x28: the US key at that place). Wine's builtin driver
 * does not follow a keymap change made while it runs (measured: the dead key's press lost, its
 * release with scan 0x60, 'e' as VK 0xfc scan 0 — though the character is composed), hence the
 * todo for it; the keymap change itself does reach the server (XChangeKeyboardMapping). The keys
 * are typed once the layout shows the change and the keymap restored once they were handled
 * (remap_key). */
static void test_dead_keys( void )
{
    static const struct message dead_e[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, VK_OEM_7, KEY_LP(0x28, 0) },
        { WM_DEADCHAR, sent | wparam | lparam, 0xb4, KEY_LP(0x28, 0) },
        { WM_KEYUP, sent | wparam | lparam, VK_OEM_7, KEY_UP_LP(0x28, 0) },
        { WM_KEYDOWN, sent | wparam | lparam, 'E', KEY_LP(0x12, 0) },
        { WM_CHAR, sent | wparam | lparam, 0xe9, KEY_LP(0x12, 0) }, /* é, in CP 1252 (A window) */
        { WM_KEYUP, sent | wparam | lparam, 'E', KEY_UP_LP(0x12, 0) },
        { 0 }
    };

    todo_if( builtin_user32 )
    ok( remap_key( "remap 48 dead_acute dead_diaeresis", VK_OEM_7, 0x80000000 | 0xb4 ),
        "the layout did not follow the keymap change (VK_OEM_7 -> %#x)\n",
        MapVirtualKeyW( VK_OEM_7, MAPVK_VK_TO_CHAR ) );
    check_input( "\"keycode 48\" \"key e\"", dead_e, "dead acute + e", builtin_user32 );
    ok( remap_key( "remap 48 apostrophe quotedbl", VK_OEM_7, '\'' ),
        "the layout did not follow the keymap restored (VK_OEM_7 -> %#x)\n",
        MapVirtualKeyW( VK_OEM_7, MAPVK_VK_TO_CHAR ) );
}

/* A key of another layout: keycode 34 (US [) made ü / Ü, as on a German keyboard. The
 * characters come from the server's keymap; the virtual key of a key US layouts lack is the
 * layout's choice (Windows' German layout says VK_OEM_1, ours the US key's at that place), so
 * only the scan code and the characters are compared. */
static void test_other_layout( void )
{
    static const struct message u_umlaut[] =
    {
        { WM_KEYDOWN, sent | lparam, 0, KEY_LP(0x1a, 0) },
        { WM_CHAR, sent | wparam | lparam, 0xfc, KEY_LP(0x1a, 0) }, /* ü in CP 1252 */
        { WM_KEYUP, sent | lparam, 0, KEY_UP_LP(0x1a, 0) },
        { WM_KEYDOWN, sent | wparam | lparam, VK_SHIFT, KEY_LP(0x2a, 0) },
        { WM_KEYDOWN, sent | lparam, 0, KEY_LP(0x1a, 0) },
        { WM_CHAR, sent | wparam | lparam, 0xdc, KEY_LP(0x1a, 0) }, /* Ü */
        { WM_KEYUP, sent | lparam, 0, KEY_UP_LP(0x1a, 0) },
        { WM_KEYUP, sent | wparam | lparam, VK_SHIFT, KEY_UP_LP(0x2a, 0) },
        { 0 }
    };

    todo_if( builtin_user32 )
    ok( remap_key( "remap 34 udiaeresis Udiaeresis", VK_OEM_4, 0xfc ),
        "the layout did not follow the keymap change (VK_OEM_4 -> %#x)\n",
        MapVirtualKeyW( VK_OEM_4, MAPVK_VK_TO_CHAR ) );
    check_input( "\"keycode 34\" \"down shift\" \"keycode 34\" \"up shift\"", u_umlaut,
                 "German u umlaut", builtin_user32 );
    ok( remap_key( "remap 34 bracketleft braceleft", VK_OEM_4, '[' ),
        "the layout did not follow the keymap restored (VK_OEM_4 -> %#x)\n",
        MapVirtualKeyW( VK_OEM_4, MAPVK_VK_TO_CHAR ) );
}

/* A key held down repeats ("Keystroke Message Flags": WM_KEYDOWN again, with the previous key
 * state bit 30 set, and its WM_CHAR each time), then one WM_KEYUP. X servers repeat a key held
 * through XTest as a keyboard's (after the auto-repeat delay, 660 ms by default). */
static void test_autorepeat( void )
{
    struct msgseq_state *state = msgseq_state();
    size_t i, downs = 0, repeats = 0, chars = 0, ups = 0, bad = 0;

    pump_for( 100 );
    flush_sequence();
    if (!run_xinject( "\"down a\" \"sleep 1200\" \"up a\"" )) return;
    ok( pump_until( WM_KEYUP, 1, 6000 ), "autorepeat: no WM_KEYUP\n" );
    AcquireSRWLockShared( &state->lock );
    for (i = 0; i < state->count; i++)
    {
        const struct message *m = &state->seq[i];
        if (m->message == WM_KEYDOWN && m->wParam == 'A')
        {
            if (!downs++) { if ((DWORD)m->lParam != 0x001e0001) bad++; }
            else { repeats++; if ((DWORD)m->lParam != 0x401e0001) bad++; }
        }
        else if (m->message == WM_CHAR && m->wParam == 'a') chars++;
        else if (m->message == WM_KEYUP && m->wParam == 'A') ups++;
    }
    ReleaseSRWLockShared( &state->lock );
    trace( "autorepeat: %Iu WM_KEYDOWN (%Iu repeats), %Iu WM_CHAR, %Iu WM_KEYUP\n", downs, repeats, chars, ups );
    ok( repeats >= 1, "no repeated WM_KEYDOWN in 1.2 s\n" );
    ok( !bad, "%Iu WM_KEYDOWN with the wrong lParam (first 0x001e0001, repeats 0x401e0001)\n", bad );
    ok( chars == downs, "%Iu WM_CHAR for %Iu WM_KEYDOWN\n", chars, downs );
    ok( ups == 1, "%Iu WM_KEYUP\n", ups );
}

/* TrackMouseEvent: WM_MOUSEHOVER when the pointer rests in the client area for the hover
 * time, WM_MOUSELEAVE when it leaves the client area ("TrackMouseEvent"); the pointer leaving
 * for a place where no window of ours is must count as leaving. */
static void test_track_mouse( void )
{
    static const struct message hover_seq[] =
    {
        { WM_NCHITTEST, sent | optional }, /* Wine's builtin one hit-tests while it waits */
        { WM_NCHITTEST, sent | optional },
        { WM_NCHITTEST, sent | optional },
        { WM_MOUSEHOVER, sent | wparam, 0 },
        { 0 }
    };
    static const struct message leave_seq[] =
    {
        { WM_NCHITTEST, sent | optional },
        { WM_SETCURSOR, sent | optional },
        { WM_MOUSEMOVE, sent | optional },
        { WM_MOUSELEAVE, sent },
        { 0 }
    };
    TRACKMOUSEEVENT tme = { sizeof(tme), TME_HOVER, 0, 100 };
    POINT pt = { 200, 200 };
    MSG msg;

    pump_for( 100 );
    if (!run_xinject( "\"move 201 201\"" )) return;
    pump_until( WM_MOUSEMOVE, 1, 3000 );
    flush_sequence();
    tme.hwndTrack = hwnd;
    ok( TrackMouseEvent( &tme ), "TrackMouseEvent failed: %lu\n", GetLastError() );
    /* no input: only time passes */
    {
        DWORD end = GetTickCount() + 1000;
        while ((LONG)(end - GetTickCount()) > 0 && !msgseq_count( WM_MOUSEHOVER ))
        {
            while (PeekMessageA( &msg, 0, 0, 0, PM_REMOVE )) DispatchMessageA( &msg );
            MsgWaitForMultipleObjects( 0, NULL, FALSE, 10, QS_ALLINPUT );
        }
    }
    ScreenToClient( hwnd, &pt );
    ok_sequence( hover_seq, "hover", FALSE );

    tme.dwFlags = TME_LEAVE;
    ok( TrackMouseEvent( &tme ), "TrackMouseEvent failed: %lu\n", GetLastError() );
    check_input( "\"move 5 5\"", leave_seq, "leave to the root window", FALSE );
}

/* A child window under the pointer gets the mouse messages, in its own client coordinates;
 * WM_NCHITTEST goes to it too ("WM_NCHITTEST: sent to the window beneath the cursor"), and its
 * DefWindowProc passes WM_SETCURSOR to the parent first ("WM_SETCURSOR"). Whether a click on a
 * child of the active window sends it WM_MOUSEACTIVATE is left open (optional). The child's
 * messages are recorded as `sent`, the parent's as `sent | parent`. */
static HWND child;
static LRESULT CALLBACK child_wndproc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (is_recorded( msg ))
    {
        struct message m = { msg, sent | wparam | lparam, wp, lp };
        add_message( &m );
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void test_child_routing( void )
{
    WNDCLASSA cls = { 0 };
    POINT pt = { 210, 220 }, child_pt;
    LPARAM lp;

    cls.lpfnWndProc = child_wndproc;
    cls.hInstance = GetModuleHandleA( NULL );
    cls.lpszClassName = "usermm_input_child";
    RegisterClassA( &cls );
    child = CreateWindowExA( 0, cls.lpszClassName, "child", WS_CHILD | WS_VISIBLE, 50, 40, 150, 120,
                             hwnd, NULL, cls.hInstance, NULL );
    ok( child != NULL, "CreateWindowEx failed: %lu\n", GetLastError() );
    if (!child) return;
    pump_for( 100 );
    child_pt = pt;
    ScreenToClient( child, &child_pt );
    ok( WindowFromPoint( pt ) == child, "WindowFromPoint %p, expected the child %p\n",
        WindowFromPoint( pt ), child );
    lp = MAKELPARAM( child_pt.x, child_pt.y );
    {
        const struct message click[] =
        {
            { WM_NCHITTEST, sent | lparam, 0, MAKELPARAM( pt.x, pt.y ) },
            { WM_SETCURSOR, sent | optional },
            { WM_SETCURSOR, sent | parent | optional },
            { WM_MOUSEMOVE, sent | wparam | lparam, 0, lp },
            { WM_NCHITTEST, sent | optional },
            { WM_MOUSEACTIVATE, sent | optional },
            { WM_MOUSEACTIVATE, sent | parent | optional },
            { WM_SETCURSOR, sent | optional },
            { WM_SETCURSOR, sent | parent | optional },
            { WM_LBUTTONDOWN, sent | wparam | lparam, MK_LBUTTON, lp },
            { WM_NCHITTEST, sent | optional },
            { WM_SETCURSOR, sent | optional },
            { WM_SETCURSOR, sent | parent | optional },
            { WM_LBUTTONUP, sent | wparam | lparam, 0, lp },
            { 0 }
        };
        Sleep( GetDoubleClickTime() + 50 );
        as_parent = TRUE;
        check_input( "\"move 210 220\" \"click 1\"", click, "click on a child", FALSE );
        as_parent = FALSE;
    }
    {
        /* keys go to the focus window, a child too ("SetFocus"), with the pointer anywhere */
        static const struct message key_k[] =
        {
            { WM_KEYDOWN, sent | wparam | lparam, 'K', KEY_LP(0x25, 0) },
            { WM_CHAR, sent | wparam | lparam, 'k', KEY_LP(0x25, 0) },
            { WM_KEYUP, sent | wparam | lparam, 'K', KEY_UP_LP(0x25, 0) },
            { 0 }
        };
        SetFocus( child );
        ok( GetFocus() == child, "focus %p, expected the child %p\n", GetFocus(), child );
        as_parent = TRUE;
        check_input( "\"key k\"", key_k, "keys to a focused child", FALSE );
        as_parent = FALSE;
        SetFocus( hwnd );
    }
    DestroyWindow( child );
    pump_for( 100 );
}

/* Two top-level windows. SetForegroundWindow gives the keyboard to the new foreground window
 * ("SetForegroundWindow": "Keyboard input is directed to the window"), whatever the pointer:
 * the X focus must follow (Wine's builtin driver leaves it where it was without a window
 * manager: keys then go to the window under the pointer, here none). A click on the inactive
 * window sends it WM_MOUSEACTIVATE (wParam its top level, lParam hit code and mouse message)
 * and activates it; keys then go to it. Window 1's messages are marked parent here. */
static void test_two_windows( void )
{
    static const struct message key_q[] =
    {
        { WM_KEYDOWN, sent | wparam | lparam, 'Q', KEY_LP(0x10, 0) },
        { WM_CHAR, sent | wparam | lparam, 'q', KEY_LP(0x10, 0) },
        { WM_KEYUP, sent | wparam | lparam, 'Q', KEY_UP_LP(0x10, 0) },
        { 0 }
    };
    static const struct message key_w[] =
    {
        { WM_KEYDOWN, sent | parent | wparam | lparam, 'W', KEY_LP(0x11, 0) },
        { WM_CHAR, sent | parent | wparam | lparam, 'w', KEY_LP(0x11, 0) },
        { WM_KEYUP, sent | parent | wparam | lparam, 'W', KEY_UP_LP(0x11, 0) },
        { 0 }
    };
    WNDCLASSA cls = { 0 };
    char title2[80];
    HWND second;
    POINT pt = { 200, 200 };
    LPARAM lp;

    cls.lpfnWndProc = child_wndproc;
    cls.hInstance = GetModuleHandleA( NULL );
    cls.lpszClassName = "usermm_input_second";
    RegisterClassA( &cls );
    snprintf( title2, sizeof(title2), "%s, second", title );
    second = CreateWindowExA( 0, cls.lpszClassName, title2, WS_OVERLAPPEDWINDOW, 600, 100, 300, 200,
                              NULL, NULL, cls.hInstance, NULL );
    ok( second != NULL, "CreateWindowEx failed: %lu\n", GetLastError() );
    if (!second) return;
    ShowWindow( second, SW_SHOWNOACTIVATE );
    pump_for( 300 );

    as_parent = TRUE;
    /* nobody has the X focus, the pointer is over no window: the application is deactivated */
    if (!run_xinject( "\"move 2 2\" unfocus" )) return;
    {
        DWORD end = GetTickCount() + 5000;
        while (GetForegroundWindow() == hwnd && (LONG)(end - GetTickCount()) > 0) pump_for( 10 );
    }
    SetForegroundWindow( second );
    pump_for( 300 );
    ok( GetForegroundWindow() == second, "foreground %p, expected %p\n", GetForegroundWindow(), second );
    check_input_missing( "\"key q\"", key_q, "keys to the foreground window", builtin_user32 );

    ScreenToClient( hwnd, &pt );
    lp = MAKELPARAM( pt.x, pt.y );
    {
        const struct message click[] =
        {
            { WM_NCHITTEST, sent | parent | optional },
            { WM_SETCURSOR, sent | parent | optional },
            { WM_MOUSEMOVE, sent | parent | optional },
            { WM_NCHITTEST, sent | parent | optional },
            { WM_MOUSEACTIVATE, sent | parent | wparam | lparam, (WPARAM)hwnd, MAKELPARAM( HTCLIENT, WM_LBUTTONDOWN ) },
            { WM_SETCURSOR, sent | parent | optional },
            { WM_LBUTTONDOWN, sent | parent | wparam | lparam, MK_LBUTTON, lp },
            { WM_NCHITTEST, sent | parent | optional },
            { WM_SETCURSOR, sent | parent | optional },
            { WM_LBUTTONUP, sent | parent | wparam | lparam, 0, lp },
            { 0 }
        };
        Sleep( GetDoubleClickTime() + 50 );
        check_input( "\"move 200 200\" \"click 1\"", click, "click on the inactive window", FALSE );
    }
    ok( GetForegroundWindow() == hwnd, "foreground %p, expected %p\n", GetForegroundWindow(), hwnd );
    check_input( "\"key w\"", key_w, "keys after the click", FALSE );
    as_parent = FALSE;
    DestroyWindow( second );
    pump_for( 200 );
}

/* The last recorded message `msg`'s lParam (0 if none). */
static LPARAM last_recorded_lparam( UINT msg )
{
    struct msgseq_state *state = msgseq_state();
    LPARAM lp = 0;
    size_t i;

    AcquireSRWLockShared( &state->lock );
    for (i = 0; i < state->count; i++)
        if (state->seq[i].message == msg) lp = state->seq[i].lParam;
    ReleaseSRWLockShared( &state->lock );
    return lp;
}

/* SetCapture: a drag that leaves the window still reaches it, moves and the button-up with
 * client coordinates outside the client area ("SetCapture": "mouse input is directed to the
 * capturing window whether or not the cursor is within its borders"). WM_NCHITTEST goes to the
 * capturing window ("WM_NCHITTEST"), WM_SETCURSOR only "if mouse input is not captured". The
 * coordinates are negative here: only the low 32 bits of lParam are documented (LOWORD x,
 * HIWORD y), so only they are compared (Wine's builtin user32 sign-extends them to 64 bits). */
static void test_capture_drag( void )
{
    static const struct message drag[] =
    {
        { WM_NCHITTEST, sent | optional },
        { WM_SETCURSOR, sent | optional },
        { WM_MOUSEMOVE, sent | optional },
        { WM_NCHITTEST, sent | optional },
        { WM_SETCURSOR, sent | optional },
        { WM_LBUTTONDOWN, sent | wparam, MK_LBUTTON },
        { WM_NCHITTEST, sent | optional },
        { WM_MOUSEMOVE, sent | wparam, MK_LBUTTON },
        { WM_NCHITTEST, sent | optional },
        { WM_LBUTTONUP, sent | wparam, 0 },
        { 0 }
    };
    POINT in = { 200, 200 }, out = { 20, 20 };
    LPARAM lp;

    ScreenToClient( hwnd, &in );
    ScreenToClient( hwnd, &out );
    capture_on_down = TRUE;
    Sleep( GetDoubleClickTime() + 50 );
    pump_for( 100 );
    flush_sequence();
    /* as a user does: the drag starts once the press was handled (and capture taken) */
    if (!run_xinject( "\"move 200 200\" \"press 1\"" )) return;
    ok( pump_until( WM_LBUTTONDOWN, 1, 5000 ), "captured drag: no WM_LBUTTONDOWN\n" );
    if (!run_xinject( "\"move 20 20\" \"release 1\"" )) return;
    ok( pump_until( WM_LBUTTONUP, 1, 5000 ), "captured drag: no WM_LBUTTONUP\n" );
    capture_on_down = FALSE;
    lp = last_recorded_lparam( WM_LBUTTONDOWN );
    ok( (short)LOWORD(lp) == in.x && (short)HIWORD(lp) == in.y, "down at %d,%d, expected %ld,%ld\n",
        (short)LOWORD(lp), (short)HIWORD(lp), in.x, in.y );
    lp = last_recorded_lparam( WM_MOUSEMOVE );
    ok( (short)LOWORD(lp) == out.x && (short)HIWORD(lp) == out.y, "moved to %d,%d, expected %ld,%ld\n",
        (short)LOWORD(lp), (short)HIWORD(lp), out.x, out.y );
    lp = last_recorded_lparam( WM_LBUTTONUP );
    ok( (short)LOWORD(lp) == out.x && (short)HIWORD(lp) == out.y, "up at %d,%d, expected %ld,%ld\n",
        (short)LOWORD(lp), (short)HIWORD(lp), out.x, out.y );
    ok_sequence( drag, "captured drag", FALSE );
    ok( GetCapture() == hwnd, "capture %p, expected %p (the button-up does not release it)\n",
        GetCapture(), hwnd );
    ReleaseCapture();
    pump_for( 100 );
}

/* Someone else moves and sizes the X window (a window manager, the user): the HWND follows, with
 * WM_WINDOWPOSCHANGING / WM_WINDOWPOSCHANGED and WM_MOVE (lParam: the client area's new
 * screen position, "WM_MOVE") */
static void test_external_move( void )
{
    static const struct message move_seq[] =
    {
        { WM_WINDOWPOSCHANGING, sent },
        { WM_WINDOWPOSCHANGED, sent },
        { WM_MOVE, sent | lparam, 0, MAKELPARAM( 300, 250 ) },
        { 0 }
    };
    POINT origin = { 0, 0 }, pt;
    DWORD end = GetTickCount() + 5000;
    RECT rect;

    /* the pointer away first: a window moving away from under it would have the pointer leave
     * it, with mouse messages of their own in the middle of those of the move */
    if (!run_xinject( "\"move 2 2\"" )) return;
    while ((!GetCursorPos( &pt ) || pt.x != 2 || pt.y != 2) && (LONG)(end - GetTickCount()) > 0)
        pump_for( 10 );
    ok( pt.x == 2 && pt.y == 2, "pointer at %ld,%ld, expected 2,2\n", pt.x, pt.y );
    pos_msgs_elsewhere = 0;
    GetWindowRect( hwnd, &rect );
    check_input( "\"movewindow 300 250\"", move_seq, "moved by another X client", FALSE );
    ClientToScreen( hwnd, &origin );
    ok( origin.x == 300 && origin.y == 250, "client area at %ld,%ld, expected 300,250\n", origin.x, origin.y );
    {
        /* and sizes it: WM_SIZE with the new client size ("WM_SIZE"), the frame around it */
        static const struct message size_seq[] =
        {
            { WM_WINDOWPOSCHANGING, sent },
            { WM_WINDOWPOSCHANGED, sent },
            { WM_MOVE, sent | optional },
            { WM_SIZE, sent | wparam | lparam, SIZE_RESTORED, MAKELPARAM( 250, 150 ) },
            { 0 }
        };
        RECT client, window, old_window;

        GetWindowRect( hwnd, &old_window );
        check_input( "\"resizewindow 250 150\"", size_seq, "sized by another X client", FALSE );
        GetClientRect( hwnd, &client );
        ok( client.right == 250 && client.bottom == 150, "client %s, expected 250x150\n",
            wine_dbgstr_rect( &client ) );
        GetWindowRect( hwnd, &window );
        ok( window.left == old_window.left && window.top == old_window.top,
            "window moved from %s to %s\n", wine_dbgstr_rect( &old_window ), wine_dbgstr_rect( &window ) );
    }
    /* as Windows does a move by the user: in the window's own thread */
    ok( !pos_msgs_elsewhere, "%ld messages of the move reached the procedure on another thread\n",
        pos_msgs_elsewhere );
    SetWindowPos( hwnd, NULL, rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top,
                  SWP_NOZORDER | SWP_NOACTIVATE );
    pump_for( 300 );
}

/* The X server lost the window's contents (exposed): the area becomes invalid, WM_PAINT, as
 * on Windows when a window without a retained copy of its pixels is uncovered. Wine's builtin
 * driver keeps such a copy (its window surface) and repaints from it without WM_PAINT; ours
 * has no pixels (no GDI in our processes yet, DESIGN.md), so the application repaints. */
static void test_expose( void )
{
    static const struct message paint_seq[] =
    {
        { WM_PAINT, sent },
        { 0 }
    };

    ValidateRect( hwnd, NULL );
    record_paint = TRUE;
    check_input_missing( "expose", paint_seq, "expose", builtin_user32 );
    record_paint = FALSE;
}

/* The X focus leaving for another X client and coming back: the application is deactivated and
 * activated as when the user switches to another application and back ("WM_ACTIVATEAPP",
 * "WM_ACTIVATE", "WM_NCACTIVATE", "WM_KILLFOCUS", "WM_SETFOCUS"). Wine's builtin driver
 * deactivates on focus out but, without a window manager, ignores the focus coming back. */
static void test_focus( void )
{
    static const struct message out_seq[] =
    {
        { WM_NCACTIVATE, sent | wparam, FALSE },
        { WM_ACTIVATE, sent | wparam, WA_INACTIVE },
        { WM_ACTIVATEAPP, sent | wparam, FALSE },
        { WM_KILLFOCUS, sent },
        { 0 }
    };
    static const struct message in_seq[] =
    {
        { WM_ACTIVATEAPP, sent | wparam, TRUE },
        { WM_NCACTIVATE, sent | wparam, TRUE },
        { WM_ACTIVATE, sent | wparam, WA_ACTIVE },
        { WM_SETFOCUS, sent },
        { 0 }
    };

    record_activation = TRUE;
    check_input( "\"move 0 0\" unfocus", out_seq, "X focus out", FALSE );
    ok( GetForegroundWindow() != hwnd, "still the foreground window\n" );
    check_input_missing( "focus", in_seq, "X focus in", builtin_user32 );
    todo_if( builtin_user32 )
    ok( GetForegroundWindow() == hwnd, "foreground %p, expected %p\n", GetForegroundWindow(), hwnd );
    todo_if( builtin_user32 )
    ok( GetFocus() == hwnd, "focus %p, expected %p\n", GetFocus(), hwnd );
    record_activation = FALSE;
    if (GetForegroundWindow() != hwnd) SetForegroundWindow( hwnd ); /* for the tests after */
    pump_for( 200 );
}

/* The burst of issue 6, while the thread does not read its queue: 1,000 key presses arrive
 * complete and in order (down, char, up each time); 10,000 moves merge into the last position
 * ("unread WM_MOUSEMOVE messages are combined": the queue keeps one, the latest). */
static void test_burst( void )
{
    struct msgseq_state *state = msgseq_state();
    size_t i, downs = 0, ups = 0, chars = 0, moves = 0, order_errors = 0;
    UINT expect = WM_KEYDOWN;
    POINT last = { 0, 0 };
    LPARAM last_move = 0;
    RECT client;

    pump_for( 100 );
    flush_sequence();
    if (!run_xinject( "\"move 151 151\" \"motionburst 10000\" \"keyburst 1000 b\" \"move 222 222\"" ))
        return;
    /* let it all queue up before reading anything */
    Sleep( 1500 );
    pump_until( WM_KEYUP, 1000, 15000 );
    pump_translated();

    AcquireSRWLockShared( &state->lock );
    for (i = 0; i < state->count; i++)
    {
        const struct message *m = &state->seq[i];
        switch (m->message)
        {
        case WM_KEYDOWN: case WM_CHAR: case WM_KEYUP:
            if (m->message != expect) order_errors++;
            if (m->message == WM_KEYDOWN) { downs++; expect = WM_CHAR; }
            else if (m->message == WM_CHAR) { chars++; expect = WM_KEYUP; }
            else { ups++; expect = WM_KEYDOWN; }
            break;
        case WM_MOUSEMOVE:
            moves++;
            last_move = m->lParam;
            break;
        }
    }
    ReleaseSRWLockShared( &state->lock );
    trace( "burst: %Iu WM_MOUSEMOVE, %Iu WM_KEYDOWN, %Iu WM_CHAR, %Iu WM_KEYUP\n", moves, downs, chars, ups );
    ok( downs == 1000 && chars == 1000 && ups == 1000, "%Iu downs, %Iu chars, %Iu ups: expected 1000 each\n",
        downs, chars, ups );
    ok( !order_errors, "%Iu key messages out of order\n", order_errors );
    /* merged: far fewer than 10,000, and the last is where the pointer ended */
    ok( moves >= 1 && moves < 1000, "%Iu WM_MOUSEMOVE for 10,002 moves\n", moves );
    last.x = 222;
    last.y = 222;
    ScreenToClient( hwnd, &last );
    GetClientRect( hwnd, &client );
    ok( last_move == MAKELPARAM( last.x, last.y ), "last WM_MOUSEMOVE at %d,%d, expected %ld,%ld\n",
        (short)LOWORD(last_move), (short)HIWORD(last_move), last.x, last.y );
}

START_TEST(input)
{
    WNDCLASSA cls = { 0 };
    char path[MAX_PATH];

    if (!init_x_test( xinject, sizeof(xinject) )) return;
    GetModuleFileNameA( GetModuleHandleA( "user32" ), path, sizeof(path) );
    builtin_user32 = usermm_is_builtin_dll( L"user32.dll" );
    trace( "user32: %s (%s)\n", path, builtin_user32 ? "builtin" : "ours" );
    snprintf( title, sizeof(title), "usermm input test %lu", GetCurrentProcessId() );
    window_thread = GetCurrentThreadId();

    cls.style = CS_DBLCLKS;
    cls.lpfnWndProc = input_wndproc;
    cls.hInstance = GetModuleHandleA( NULL );
    cls.lpszClassName = "usermm_input_test";
    ok( RegisterClassA( &cls ), "RegisterClass failed: %lu\n", GetLastError() );
    hwnd = CreateWindowExA( 0, cls.lpszClassName, title, WS_OVERLAPPEDWINDOW, 100, 100, 400, 300,
                            NULL, NULL, cls.hInstance, NULL );
    ok( hwnd != NULL, "CreateWindowEx failed: %lu\n", GetLastError() );
    if (!hwnd) return;
    ShowWindow( hwnd, SW_SHOW );
    UpdateWindow( hwnd );
    pump_for( 200 );

    test_layout_api();
    test_keys();
    test_dead_keys();
    test_other_layout();
    test_autorepeat();
    test_cursor_pos();
    test_mouse();
    test_close();
    test_capture_drag();
    test_child_routing();
    test_external_move();
    test_expose();
    test_focus();
    test_two_windows();
    test_burst();
    test_track_mouse(); /* last: our user32 still stubs TrackMouseEvent (the call aborts) */

    DestroyWindow( hwnd );
}
