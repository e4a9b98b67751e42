/*
 * The X event path of x11drv, without user32: the test loads x11drv.dll.so, hands it a callback
 * table that records what the event thread reports, has it create an X window for a made-up
 * HWND, and drives real X input into that window with tools/xinject (XTest). Checked: every
 * kind of input arrives with the documented virtual key, scan code, extended bit, button flags,
 * wheel data and screen position; the window's title, position and WM_DELETE_WINDOW; and a
 * burst of 10,000 pointer moves and 1,000 key presses arrives complete and in order (the
 * driver merges nothing: user32's queue does the merging of moves Windows documents).
 *
 * Needs an X server (the runner starts Xvfb when DISPLAY is unset); skipped without one.
 */
#include "x11drvtest.h"
#include "usermm/driver.h"

#define TEST_HWND ((HWND)(ULONG_PTR)0x1e0042)
#define MAX_RECORDS 40000

struct record
{
    enum { REC_INPUT, REC_MOVED, REC_EXPOSED, REC_CLOSE, REC_FOCUS } kind;
    struct usermm_hw_input input;
    HWND hwnd;
    RECT rect;
    BOOL in;
};

/* Written by the driver's event thread only; `count` is published with a release store after
 * the record is complete, read by the test thread with an acquire load. */
static struct record *records;
static volatile LONG count;
static DWORD event_thread_id;

/* Records one callback (the event thread's); records past MAX_RECORDS are dropped. */
static void add_record( const struct record *rec )
{
    if (count >= MAX_RECORDS) return;
    event_thread_id = GetCurrentThreadId();
    records[count] = *rec;
    InterlockedIncrement( &count ); /* publishes the record */
}

static void CDECL cb_hardware_input( const struct usermm_hw_input *input )
{
    add_record( &(struct record){ .kind = REC_INPUT, .input = *input } );
}

static void CDECL cb_window_moved( HWND hwnd, const RECT *client )
{
    add_record( &(struct record){ .kind = REC_MOVED, .hwnd = hwnd, .rect = *client } );
}

static void CDECL cb_window_exposed( HWND hwnd, const RECT *rect )
{
    add_record( &(struct record){ .kind = REC_EXPOSED, .hwnd = hwnd, .rect = *rect } );
}

static void CDECL cb_window_close_request( HWND hwnd )
{
    add_record( &(struct record){ .kind = REC_CLOSE, .hwnd = hwnd } );
}

static void CDECL cb_window_focus( HWND hwnd, BOOL in )
{
    add_record( &(struct record){ .kind = REC_FOCUS, .hwnd = hwnd, .in = in } );
}

static const struct usermm_user_callbacks callbacks =
{
    .size = sizeof(callbacks),
    .hardware_input = cb_hardware_input,
    .window_moved = cb_window_moved,
    .window_exposed = cb_window_exposed,
    .window_close_request = cb_window_close_request,
    .window_focus = cb_window_focus,
};

static const struct usermm_driver_funcs *driver;
static char xinject[MAX_PATH];
static char title[64];

/* xinject, once the test window is viewable (its target) */
static BOOL run_xinject( const char *commands )
{
    return start_xinject_on( xinject, title, commands );
}

/* Waits until `n` more records than `from` exist, or nothing arrived for `quiet_ms`. */
static LONG wait_records( LONG from, LONG n, DWORD quiet_ms )
{
    LONG seen = count;
    DWORD last = GetTickCount();

    while (count - from < n)
    {
        Sleep( 5 );
        if (count != seen)
        {
            seen = count;
            last = GetTickCount();
        }
        else if (GetTickCount() - last > quiet_ms) break;
    }
    return count - from;
}

/* Waits (5 s at most) until `n` records from `from` on satisfy `match`; returns how many do. */
static LONG wait_for_records( LONG from, BOOL (*match)( const struct record *rec ), LONG n )
{
    DWORD end = GetTickCount() + 5000;
    LONG i, found;

    for (;;)
    {
        for (i = from, found = 0; i < count; i++) found += match( &records[i] );
        if (found >= n || (LONG)(end - GetTickCount()) <= 0) return found;
        Sleep( 5 );
    }
}

static BOOL is_move_report( const struct record *rec )
{
    return rec->kind == REC_MOVED;
}

static BOOL is_close_request( const struct record *rec )
{
    return rec->kind == REC_CLOSE && rec->hwnd == TEST_HWND;
}

static BOOL is_focus_in( const struct record *rec )
{
    return rec->kind == REC_FOCUS && rec->hwnd == TEST_HWND && rec->in;
}

static BOOL is_focus_out( const struct record *rec )
{
    return rec->kind == REC_FOCUS && rec->hwnd == TEST_HWND && !rec->in;
}

static BOOL is_key( const struct record *rec )
{
    return rec->kind == REC_INPUT && rec->input.type == USERMM_INPUT_KEYBOARD;
}

/* the last event of test_window_and_input's script */
static BOOL is_move_to_201_202( const struct record *rec )
{
    return rec->kind == REC_INPUT && rec->input.type == USERMM_INPUT_MOUSE &&
           rec->input.x == 201 && rec->input.y == 202;
}

/* The next input record from *pos on, skipping other kinds; NULL when none is left. */
static const struct usermm_hw_input *next_input( LONG *pos, LONG end )
{
    while (*pos < end)
    {
        const struct record *rec = &records[(*pos)++];
        if (rec->kind == REC_INPUT) return &rec->input;
    }
    return NULL;
}

static const struct usermm_hw_input *next_of_type( LONG *pos, LONG end, UINT type )
{
    const struct usermm_hw_input *input;

    while ((input = next_input( pos, end )))
        if (input->type == type) return input;
    return NULL;
}

static void expect_key( LONG *pos, LONG end, UINT vk, UINT scan, UINT flags, int line )
{
    const struct usermm_hw_input *input = next_of_type( pos, end, USERMM_INPUT_KEYBOARD );

    ok_(__FILE__, line)( input != NULL, "vk %#x: no key event\n", vk );
    if (!input) return;
    ok_(__FILE__, line)( input->vk == vk && input->scan == scan && input->key_flags == flags,
                         "got vk %#x scan %#x flags %#x, expected vk %#x scan %#x flags %#x\n",
                         input->vk, input->scan, input->key_flags, vk, scan, flags );
    ok_(__FILE__, line)( input->hwnd == TEST_HWND, "key event for %p\n", input->hwnd );
}

static void expect_button( LONG *pos, LONG end, UINT flags, INT data, int x, int y, int line )
{
    const struct usermm_hw_input *input;

    /* skip the moves: buttons are what this checks; a button where the pointer already was is
     * no move (MOUSEEVENTF_MOVE clear) */
    while ((input = next_of_type( pos, end, USERMM_INPUT_MOUSE )))
        if (input->mouse_flags != (MOUSEEVENTF_MOVE | MOUSEEVENTF_ABSOLUTE)) break;
    ok_(__FILE__, line)( input != NULL, "flags %#x: no button event\n", flags );
    if (!input) return;
    ok_(__FILE__, line)( input->mouse_flags == (flags | MOUSEEVENTF_ABSOLUTE) &&
                         input->mouse_data == data,
                         "got flags %#x data %d, expected %#x data %d\n", input->mouse_flags,
                         input->mouse_data, flags | MOUSEEVENTF_ABSOLUTE, data );
    ok_(__FILE__, line)( input->x == x && input->y == y, "at %d,%d, expected %d,%d\n", input->x,
                         input->y, x, y );
}

static void test_window_and_input( void )
{
    static const RECT window = { 96, 73, 504, 408 }, client = { 100, 100, 500, 400 };
    WCHAR wtitle[64];
    LONG start, pos, n;
    const struct usermm_hw_input *input;
    DWORD before;

    /* the title is given before the window is first shown, as CreateWindow does: the X
     * window created at the show must carry it */
    MultiByteToWideChar( CP_ACP, 0, title, -1, wtitle, ARRAY_SIZE(wtitle) );
    driver->set_window_text( TEST_HWND, wtitle );
    driver->window_pos_changed( TEST_HWND, &window, &client, WS_OVERLAPPEDWINDOW, 0 );
    driver->window_pos_changed( TEST_HWND, &window, &client, WS_OVERLAPPEDWINDOW | WS_VISIBLE,
                                SWP_SHOWWINDOW );

    /* the window is found by its title (xinject waits for it to be viewable), then: keys and
     * buttons with the pointer inside */
    start = count;
    before = GetTickCount();
    if (!run_xinject( "focus \"move 200 200\" \"key a\" \"key shift+a\" \"key KP_Enter\" "
                      "\"key Left\" \"key alt+x\" \"key F1\" \"click 1\" \"click 3\" \"click 2\" "
                      "\"wheel up\" \"wheel down\" \"wheel left\" \"wheel right\" \"click 8\" "
                      "\"click 9\" \"move 201 202\" \"echo xinject-done\"" ))
        return;
    /* 16 key events, 14 button events (a wheel notch is one event) and 3 moves at least */
    wait_for_records( start, is_move_to_201_202, 1 );
    n = count - start;
    ok( n >= 33, "only %ld events arrived\n", n );
    pos = start;

    /* key a: vk 'A', scan 0x1e (baseline lp 0x001e0001 / 0xc01e0001) */
    expect_key( &pos, count, 'A', 0x1e, 0, __LINE__ );
    expect_key( &pos, count, 'A', 0x1e, KEYEVENTF_KEYUP, __LINE__ );
    /* shift+a: the left Shift, scan 0x2a (baseline lp 0x002a0001); WM_KEYDOWN reports it as
     * VK_SHIFT, user32's concern: the hardware event names the left key */
    expect_key( &pos, count, VK_LSHIFT, 0x2a, 0, __LINE__ );
    expect_key( &pos, count, 'A', 0x1e, 0, __LINE__ );
    expect_key( &pos, count, 'A', 0x1e, KEYEVENTF_KEYUP, __LINE__ );
    expect_key( &pos, count, VK_LSHIFT, 0x2a, KEYEVENTF_KEYUP, __LINE__ );
    /* keypad Enter: VK_RETURN, extended (baseline lp 0x011c0001) */
    expect_key( &pos, count, VK_RETURN, 0x1c, KEYEVENTF_EXTENDEDKEY, __LINE__ );
    expect_key( &pos, count, VK_RETURN, 0x1c, KEYEVENTF_EXTENDEDKEY | KEYEVENTF_KEYUP, __LINE__ );
    /* Left arrow: extended (baseline lp 0x014b0001) */
    expect_key( &pos, count, VK_LEFT, 0x4b, KEYEVENTF_EXTENDEDKEY, __LINE__ );
    expect_key( &pos, count, VK_LEFT, 0x4b, KEYEVENTF_EXTENDEDKEY | KEYEVENTF_KEYUP, __LINE__ );
    /* alt+x: left Alt scan 0x38 (baseline WM_SYSKEYDOWN lp 0x20380001) */
    expect_key( &pos, count, VK_LMENU, 0x38, 0, __LINE__ );
    expect_key( &pos, count, 'X', 0x2d, 0, __LINE__ );
    expect_key( &pos, count, 'X', 0x2d, KEYEVENTF_KEYUP, __LINE__ );
    expect_key( &pos, count, VK_LMENU, 0x38, KEYEVENTF_KEYUP, __LINE__ );
    expect_key( &pos, count, VK_F1, 0x3b, 0, __LINE__ );
    expect_key( &pos, count, VK_F1, 0x3b, KEYEVENTF_KEYUP, __LINE__ );

    pos = start;
    /* buttons at the pointer's screen position; the wheel: one notch is WHEEL_DELTA, X buttons
     * 4/5 up/down, 6/7 left/right (baseline: WM_MOUSEHWHEEL -120 / +120), 8/9 XBUTTON1/2 */
    expect_button( &pos, count, MOUSEEVENTF_LEFTDOWN, 0, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_LEFTUP, 0, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_RIGHTDOWN, 0, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_RIGHTUP, 0, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_MIDDLEDOWN, 0, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_MIDDLEUP, 0, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_WHEEL, WHEEL_DELTA, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_WHEEL, -WHEEL_DELTA, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_HWHEEL, -WHEEL_DELTA, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_HWHEEL, WHEEL_DELTA, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_XDOWN, XBUTTON1, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_XUP, XBUTTON1, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_XDOWN, XBUTTON2, 200, 200, __LINE__ );
    expect_button( &pos, count, MOUSEEVENTF_XUP, XBUTTON2, 200, 200, __LINE__ );

    /* the last move, and event times on the GetTickCount clock, never in the future */
    pos = start;
    input = NULL;
    while ((n = pos) < count && next_of_type( &pos, count, USERMM_INPUT_MOUSE ))
        input = &records[pos - 1].input;
    ok( input && input->x == 201 && input->y == 202, "last position %d,%d\n", input ? input->x : -1,
        input ? input->y : -1 );
    if (input)
        ok( (LONG)(input->time - before) >= -50 && (LONG)(GetTickCount() - input->time) >= 0,
            "event time %u, test started at %lu, now %lu\n", input->time, before, GetTickCount() );
    ok( event_thread_id && event_thread_id != GetCurrentThreadId(),
        "callbacks should come from the driver's event thread\n" );
}

/* Waits for `n` window_moved reports from record `from` on (5 s at most) and compares them with
 * `expected` (client rectangles), in order. */
static void expect_moves_( LONG from, const RECT *expected, LONG n, int line )
{
    LONG i, found = wait_for_records( from, is_move_report, n );

    ok_(__FILE__, line)( found >= n, "%ld window_moved reports, expected %ld\n", found, n );
    for (i = from, found = 0; i < count && found < n; i++)
    {
        if (records[i].kind != REC_MOVED) continue;
        ok_(__FILE__, line)( records[i].hwnd == TEST_HWND && EqualRect( &records[i].rect, &expected[found] ),
                             "report %ld: %p %s, expected %s\n", found, records[i].hwnd,
                             wine_dbgstr_rect( &records[i].rect ), wine_dbgstr_rect( &expected[found] ) );
        found++;
    }
}
#define expect_moves( from, expected ) expect_moves_( from, expected, ARRAY_SIZE(expected), __LINE__ )

/* Moves and sizes by another X client (a window manager, the user) reach user32 as
 * window_moved, in order. user32 answers each one later, from the window's own thread, by
 * moving the window there (window_pos_changed): such late answers are no new moves: moving the
 * X window back to an older place would fight the other client, and the server's reports of
 * those moves would start a ping-pong. Our own moves are not reported either. Each step ends
 * with a move by xinject whose report shows that everything before it was seen (X events come
 * in order). */
static void test_moves( void )
{
    static const RECT window = { 146, 123, 554, 458 }, client = { 150, 150, 550, 450 };
    static const RECT marker1[] = { { 160, 170, 560, 470 } };
    static const RECT others[] = { { 200, 210, 600, 510 }, { 200, 210, 500, 410 }, { 220, 230, 520, 430 } };
    static const RECT marker2[] = { { 240, 250, 540, 450 } };
    LONG start;
    int i;

    /* our own move: only the marker's comes back */
    start = count;
    driver->window_pos_changed( TEST_HWND, &window, &client, WS_OVERLAPPEDWINDOW | WS_VISIBLE, 0 );
    if (!run_xinject( "\"movewindow 160 170\"" )) return;
    expect_moves( start, marker1 );

    /* moves and a resize by another client before user32 answers the first */
    start = count;
    if (!run_xinject( "\"movewindow 200 210\" \"resizewindow 300 200\" \"movewindow 220 230\"" ))
        return;
    expect_moves( start, others );
    /* user32's answers, late: the window is there already, or going there */
    for (i = 0; i < ARRAY_SIZE(others); i++)
    {
        RECT frame = others[i];
        InflateRect( &frame, 4, 4 );
        frame.top -= 23;
        driver->window_pos_changed( TEST_HWND, &frame, &others[i], WS_OVERLAPPEDWINDOW | WS_VISIBLE, 0 );
    }
    start = count;
    if (!run_xinject( "\"movewindow 240 250\"" )) return;
    expect_moves( start, marker2 );
}

/* A window manager's close button: WM_DELETE_WINDOW reaches user32 as a close request; the X
 * focus given by xinject as focus-in; the driver's own set_foreground_window takes the X focus
 * (a key then arrives without anyone else focusing the window). */
static void test_close_and_focus( void )
{
    LONG start = count, pos;

    if (!run_xinject( "close" )) return;
    ok( wait_for_records( start, is_close_request, 1 ), "no close request\n" );

    /* give the focus away (PointerRoot, with the pointer outside: the window, focused since
     * test_window_and_input, loses it), then take it with the driver */
    start = count;
    run_xinject( "\"move 0 0\" unfocus" );
    wait_for_records( start, is_focus_out, 1 );
    start = count;
    driver->set_foreground_window( TEST_HWND );
    ok( wait_for_records( start, is_focus_in, 1 ), "no focus-in after set_foreground_window\n" );
    start = count;
    run_xinject( "\"key z\"" );
    wait_for_records( start, is_key, 2 );
    pos = start;
    expect_key( &pos, count, 'Z', 0x2c, 0, __LINE__ );
}

/* The layout functions on the server's keymap (Xvfb's default: US, evdev keycodes), with the
 * values Microsoft documents for a US keyboard. */
static void test_layout( void )
{
    BYTE state[256] = { 0 };
    WCHAR buf[16];
    INT32 ret;

    ret = driver->to_unicode( 'A', 0x1e, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == 'a', "a: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
    state[VK_SHIFT] = 0x80;
    ret = driver->to_unicode( 'A', 0x1e, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == 'A', "shift+a: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
    ret = driver->to_unicode( '1', 0x02, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == '!', "shift+1: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
    state[VK_SHIFT] = 0;
    state[VK_CAPITAL] = 0x01;
    ret = driver->to_unicode( 'A', 0x1e, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == 'A', "caps a: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
    ret = driver->to_unicode( '1', 0x02, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == '1', "caps 1: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
    state[VK_CAPITAL] = 0;
    state[VK_CONTROL] = 0x80;
    ret = driver->to_unicode( 'C', 0x2e, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == 3, "ctrl+c: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
    state[VK_CONTROL] = 0;
    ret = driver->to_unicode( VK_LEFT, 0x14b, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 0, "Left: %d\n", ret );
    ret = driver->to_unicode( VK_RETURN, 0x1c, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 1 && buf[0] == '\r', "Return: %d %s\n", ret, wine_dbgstr_wn( buf, ret > 0 ? ret : 0 ) );
    ret = driver->to_unicode( 'A', 0x1e | 0x8000, state, buf, ARRAY_SIZE(buf), 0 );
    ok( ret == 0, "a released: %d\n", ret );

    ok( driver->map_virtual_key( 'A', MAPVK_VK_TO_VSC ) == 0x1e, "A -> %#x\n",
        driver->map_virtual_key( 'A', MAPVK_VK_TO_VSC ) );
    ok( driver->map_virtual_key( VK_SHIFT, MAPVK_VK_TO_VSC ) == 0x2a, "VK_SHIFT -> %#x\n",
        driver->map_virtual_key( VK_SHIFT, MAPVK_VK_TO_VSC ) );
    ok( driver->map_virtual_key( VK_RSHIFT, MAPVK_VK_TO_VSC ) == 0x36, "VK_RSHIFT -> %#x\n",
        driver->map_virtual_key( VK_RSHIFT, MAPVK_VK_TO_VSC ) );
    ok( driver->map_virtual_key( VK_LEFT, MAPVK_VK_TO_VSC_EX ) == 0xe04b, "VK_LEFT -> %#x\n",
        driver->map_virtual_key( VK_LEFT, MAPVK_VK_TO_VSC_EX ) );
    ok( driver->map_virtual_key( 0x1e, MAPVK_VSC_TO_VK ) == 'A', "0x1e -> %#x\n",
        driver->map_virtual_key( 0x1e, MAPVK_VSC_TO_VK ) );
    /* MAPVK_VSC_TO_VK "does not distinguish between left- and right-hand keys", _EX does */
    ok( driver->map_virtual_key( 0x36, MAPVK_VSC_TO_VK ) == VK_SHIFT, "0x36 -> %#x\n",
        driver->map_virtual_key( 0x36, MAPVK_VSC_TO_VK ) );
    ok( driver->map_virtual_key( 0x36, MAPVK_VSC_TO_VK_EX ) == VK_RSHIFT, "0x36 ex -> %#x\n",
        driver->map_virtual_key( 0x36, MAPVK_VSC_TO_VK_EX ) );
    ok( driver->map_virtual_key( 'A', MAPVK_VK_TO_CHAR ) == 'A', "A char -> %#x\n",
        driver->map_virtual_key( 'A', MAPVK_VK_TO_CHAR ) );
    ok( driver->map_virtual_key( VK_OEM_1, MAPVK_VK_TO_CHAR ) == ';', "VK_OEM_1 char -> %#x\n",
        driver->map_virtual_key( VK_OEM_1, MAPVK_VK_TO_CHAR ) );

    /* VkKeyScan: low byte the key, high byte the shift state (1 Shift, 2 Ctrl, 4 Alt) */
    ok( driver->vk_key_scan( 'a' ) == 'A', "a -> %#x\n", driver->vk_key_scan( 'a' ) );
    ok( driver->vk_key_scan( 'A' ) == 0x141, "A -> %#x\n", driver->vk_key_scan( 'A' ) );
    ok( driver->vk_key_scan( '!' ) == 0x131, "! -> %#x\n", driver->vk_key_scan( '!' ) );
    ok( driver->vk_key_scan( ';' ) == VK_OEM_1, "; -> %#x\n", driver->vk_key_scan( ';' ) );
    ok( driver->vk_key_scan( 0xe9 ) == -1, "e acute -> %#x\n", driver->vk_key_scan( 0xe9 ) );

    ret = driver->get_key_name( 0x1e << 16, buf, ARRAY_SIZE(buf) );
    ok( ret == 1 && !lstrcmpW( buf, L"A" ), "0x1e: %d %s\n", ret, wine_dbgstr_w( buf ) );
    ret = driver->get_key_name( 0x11c << 16, buf, ARRAY_SIZE(buf) );
    ok( ret > 0 && !lstrcmpW( buf, L"Num Enter" ), "0x11c: %d %s\n", ret, wine_dbgstr_w( buf ) );
    ret = driver->get_key_name( 0x3b << 16, buf, ARRAY_SIZE(buf) );
    ok( ret > 0 && !lstrcmpW( buf, L"F1" ), "0x3b: %d %s\n", ret, wine_dbgstr_w( buf ) );
    ret = driver->get_key_name( 0x58 << 16, buf, ARRAY_SIZE(buf) );
    ok( ret > 0 && !lstrcmpW( buf, L"F12" ), "0x58: %d %s\n", ret, wine_dbgstr_w( buf ) );
    /* bit 25: "do not care" about left and right */
    ret = driver->get_key_name( (0x36 << 16) | (1 << 25), buf, ARRAY_SIZE(buf) );
    ok( ret > 0 && !lstrcmpW( buf, L"Shift" ), "0x36 don't care: %d %s\n", ret, wine_dbgstr_w( buf ) );
}

/* The burst of issue 6: 10,000 moves and 1,000 key presses as fast as XTest takes them. The
 * driver hands every one on, in order: nothing merged, nothing lost. */
static void test_burst( void )
{
    LONG start = count, pos, moves = 0, downs = 0, ups = 0, order_errors = 0;
    BOOL down = FALSE;
    const struct usermm_hw_input *input;
    DWORD t0 = GetTickCount();

    if (!run_xinject( "focus \"move 151 151\" \"motionburst 10000\" \"keyburst 1000 b\"" )) return;
    wait_records( start, 1 + 10000 + 2000, 5000 );
    pos = start;
    while ((input = next_input( &pos, count )))
    {
        if (input->type == USERMM_INPUT_MOUSE && input->mouse_flags == (MOUSEEVENTF_MOVE | MOUSEEVENTF_ABSOLUTE))
            moves++;
        else if (input->type == USERMM_INPUT_KEYBOARD && input->vk == 'B')
        {
            BOOL up = (input->key_flags & KEYEVENTF_KEYUP) != 0;
            if (up == !down) order_errors++; /* every press is followed by its release */
            down = !up;
            if (up) ups++;
            else downs++;
        }
    }
    trace( "burst: %ld moves, %ld presses, %ld releases in %lu ms\n", moves, downs, ups,
           GetTickCount() - t0 );
    ok( moves >= 10000, "%ld moves arrived, expected 10000 and the first one\n", moves );
    ok( downs == 1000 && ups == 1000, "%ld presses and %ld releases arrived, expected 1000 each\n",
        downs, ups );
    ok( !order_errors, "%ld presses or releases out of order\n", order_errors );
}

START_TEST(events)
{
    usermm_driver_init_func init;
    HMODULE module;
    char display[256];

    if (!init_x_test( xinject, sizeof(xinject) )) return;
    GetEnvironmentVariableA( "DISPLAY", display, sizeof(display) );
    if (!(module = load_x11drv()))
    {
        ok( 0, "x11drv.dll.so not found or not loadable (error %lu)\n", GetLastError() );
        return;
    }
    init = (usermm_driver_init_func)GetProcAddress( module, USERMM_DRIVER_INIT );
    ok( init != NULL, "no %s export\n", USERMM_DRIVER_INIT );
    if (!init) return;
    ok( !init( USERMM_DRIVER_VERSION + 100, &callbacks ), "an unknown version was accepted\n" );
    records = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, MAX_RECORDS * sizeof(*records) );
    if (!(driver = init( USERMM_DRIVER_VERSION, &callbacks )))
    {
        skip( "the driver cannot open the display %s\n", display );
        return;
    }
    ok( driver->version == USERMM_DRIVER_VERSION, "version %u\n", driver->version );
    ok( !init( USERMM_DRIVER_VERSION, &callbacks ), "a second initialisation was accepted\n" );
    ok( !strcmp( driver->name, "x11" ), "name %s\n", driver->name );
    snprintf( title, sizeof(title), "usermm x11drv test %lu", GetCurrentProcessId() );

    test_layout();
    test_window_and_input();
    test_moves();
    test_close_and_focus();
    test_burst();

    driver->destroy_window( TEST_HWND );
    driver->shutdown();
    /* a shut-down driver can be started again (user32 unloaded and loaded again) */
    driver = init( USERMM_DRIVER_VERSION, &callbacks );
    ok( driver != NULL, "no second start after shutdown\n" );
    if (driver) driver->shutdown();

    /* user32 unloads the module right after shutdown: the event thread, which may still be on
     * its way out, keeps it loaded until it is gone; loaded again, it starts afresh */
    FreeLibrary( module );
    module = load_x11drv();
    ok( module != NULL, "x11drv.dll.so not loadable again (error %lu)\n", GetLastError() );
    if (!module) return;
    init = (usermm_driver_init_func)GetProcAddress( module, USERMM_DRIVER_INIT );
    driver = init ? init( USERMM_DRIVER_VERSION, &callbacks ) : NULL;
    ok( driver != NULL, "no start after the module was unloaded and loaded again\n" );
    if (driver) driver->shutdown();
    FreeLibrary( module );
}
