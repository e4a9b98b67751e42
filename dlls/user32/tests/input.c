/*
 * Input through the system input path: SendInput / keybd_event key messages with their lParam
 * bits, TranslateMessage (US layout), key state, mouse messages, merged mouse moves, WH_KEYBOARD,
 * WH_MOUSE_LL and WH_KEYBOARD_LL.
 */
#include "user32test.h"

static LRESULT WINAPI input_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static HWND create_input_window( void )
{
    WNDCLASSA cls = { 0 };
    HWND hwnd;
    DWORD start = GetTickCount();

    cls.style = CS_DBLCLKS;
    cls.lpfnWndProc = input_proc;
    cls.lpszClassName = "InputTest";
    RegisterClassA( &cls );
    hwnd = CreateWindowExA( 0, "InputTest", "input", WS_POPUP | WS_VISIBLE, 100, 100, 200, 200, 0, 0, 0, NULL );
    SetForegroundWindow( hwnd );
    SetFocus( hwnd );
    /* with a real display the window manager takes a moment */
    while (GetTickCount() - start < 1000 && (GetForegroundWindow() != hwnd || GetFocus() != hwnd))
    {
        pump_messages();
        Sleep( 20 );
    }
    pump_messages();
    return hwnd;
}

/* the next key or char message within a second, skipping everything else */
static BOOL get_input_message( HWND hwnd, UINT first, UINT last, MSG *msg )
{
    DWORD start = GetTickCount();
    while (GetTickCount() - start < 1000)
    {
        if (PeekMessageA( msg, hwnd, first, last, PM_REMOVE )) return TRUE;
        MsgWaitForMultipleObjects( 0, NULL, FALSE, 50, QS_ALLINPUT );
    }
    return FALSE;
}

static void test_keyboard( HWND hwnd )
{
    MSG msg;
    INPUT input = { INPUT_KEYBOARD };

    if (GetFocus() != hwnd)
    {
        skip( "the test window did not get the focus\n" );
        return;
    }
    input.ki.wVk = 'A';
    input.ki.wScan = 0x1e;
    SendInput( 1, &input, sizeof(input) );
    ok( get_input_message( hwnd, WM_KEYFIRST, WM_KEYLAST, &msg ), "no key message\n" );
    ok( msg.message == WM_KEYDOWN && msg.wParam == 'A', "got %x %Ix\n", msg.message, msg.wParam );
    /* MSDN "Keystroke Message Flags": repeat 1, scan code 0x1e, not previously down */
    ok( (msg.lParam & 0xffff) == 1 && ((msg.lParam >> 16) & 0xff) == 0x1e && !(msg.lParam & 0xc0000000),
        "lParam %#Ix\n", msg.lParam );
    ok( GetKeyState( 'A' ) & 0x8000, "key state not down after retrieval\n" );
    TranslateMessage( &msg );
    ok( get_input_message( hwnd, WM_CHAR, WM_CHAR, &msg ), "no WM_CHAR\n" );
    ok( msg.wParam == 'a', "char %#Ix\n", msg.wParam );

    input.ki.dwFlags = KEYEVENTF_KEYUP;
    SendInput( 1, &input, sizeof(input) );
    ok( get_input_message( hwnd, WM_KEYFIRST, WM_KEYLAST, &msg ), "no key message\n" );
    ok( msg.message == WM_KEYUP && (msg.lParam & 0xc0000000) == 0xc0000000, "got %x lParam %#Ix\n",
        msg.message, msg.lParam );
    ok( !(GetKeyState( 'A' ) & 0x8000), "key state still down\n" );

    /* shift: TranslateMessage follows the key state */
    keybd_event( VK_SHIFT, 0, 0, 0 );
    keybd_event( '1', 0, 0, 0 );
    keybd_event( '1', 0, KEYEVENTF_KEYUP, 0 );
    keybd_event( VK_SHIFT, 0, KEYEVENTF_KEYUP, 0 );
    ok( get_input_message( hwnd, WM_KEYFIRST, WM_KEYLAST, &msg ) && msg.wParam == VK_SHIFT, "no shift\n" );
    ok( get_input_message( hwnd, WM_KEYFIRST, WM_KEYLAST, &msg ) && msg.wParam == '1', "no 1\n" );
    TranslateMessage( &msg );
    ok( get_input_message( hwnd, WM_CHAR, WM_CHAR, &msg ) && msg.wParam == '!', "char %#Ix\n", msg.wParam );
    pump_messages();

    /* Alt makes system keys (MSDN WM_SYSKEYDOWN) */
    keybd_event( VK_MENU, 0, 0, 0 );
    keybd_event( 'X', 0, 0, 0 );
    keybd_event( 'X', 0, KEYEVENTF_KEYUP, 0 );
    keybd_event( VK_MENU, 0, KEYEVENTF_KEYUP, 0 );
    ok( get_input_message( hwnd, WM_KEYFIRST, WM_KEYLAST, &msg ) && msg.message == WM_SYSKEYDOWN &&
        msg.wParam == VK_MENU, "got %x %Ix\n", msg.message, msg.wParam );
    ok( get_input_message( hwnd, WM_KEYFIRST, WM_KEYLAST, &msg ) && msg.message == WM_SYSKEYDOWN &&
        msg.wParam == 'X' && (msg.lParam & 0x20000000), "got %x %Ix %#Ix\n", msg.message, msg.wParam, msg.lParam );
    pump_messages();
}

static void test_translate( void )
{
    MSG msg = { 0 };

    /* MSDN: nonzero for key messages whatever happens, zero for others */
    msg.message = WM_KEYUP;
    msg.wParam = 'A';
    ok( TranslateMessage( &msg ), "WM_KEYUP not a key message\n" );
    msg.message = WM_USER;
    ok( !TranslateMessage( &msg ), "WM_USER translated\n" );
}

static void test_mouse( HWND hwnd )
{
    INPUT input = { INPUT_MOUSE };
    MSG msg;
    int moves = 0;
    RECT rect;

    GetWindowRect( hwnd, &rect );
    SetCursorPos( rect.left + 10, rect.top + 10 );
    Sleep( 200 ); /* with a real display, the pointer's own motion comes back first */
    pump_messages();
    /* consecutive unread moves merge: the last position wins */
    input.mi.dwFlags = MOUSEEVENTF_MOVE;
    input.mi.dx = 5;
    input.mi.dy = 5;
    SendInput( 1, &input, sizeof(input) );
    SendInput( 1, &input, sizeof(input) );
    SendInput( 1, &input, sizeof(input) );
    Sleep( 100 );
    while (PeekMessageA( &msg, hwnd, WM_MOUSEMOVE, WM_MOUSEMOVE, PM_REMOVE ))
    {
        moves++;
        ok( LOWORD(msg.lParam) == 25 && HIWORD(msg.lParam) == 25, "move to %d,%d\n", LOWORD(msg.lParam),
            HIWORD(msg.lParam) );
    }
    ok( moves == 1, "%d WM_MOUSEMOVE for 3 unread moves\n", moves );

    input.mi.dwFlags = MOUSEEVENTF_LEFTDOWN;
    input.mi.dx = input.mi.dy = 0;
    SendInput( 1, &input, sizeof(input) );
    ok( get_input_message( hwnd, WM_LBUTTONDOWN, WM_LBUTTONDOWN, &msg ), "no WM_LBUTTONDOWN\n" );
    ok( LOWORD(msg.lParam) == 25 && HIWORD(msg.lParam) == 25 && (msg.wParam & MK_LBUTTON), "lParam %#Ix wParam %#Ix\n",
        msg.lParam, msg.wParam );
    input.mi.dwFlags = MOUSEEVENTF_LEFTUP;
    SendInput( 1, &input, sizeof(input) );
    ok( get_input_message( hwnd, WM_LBUTTONUP, WM_LBUTTONUP, &msg ), "no WM_LBUTTONUP\n" );

    /* a second click at once: the class has CS_DBLCLKS (MSDN "Mouse Input") */
    input.mi.dwFlags = MOUSEEVENTF_LEFTDOWN;
    SendInput( 1, &input, sizeof(input) );
    ok( get_input_message( hwnd, WM_LBUTTONDOWN, WM_LBUTTONDBLCLK, &msg ), "no second click\n" );
    ok( msg.message == WM_LBUTTONDBLCLK, "got %x, not WM_LBUTTONDBLCLK\n", msg.message );
    input.mi.dwFlags = MOUSEEVENTF_LEFTUP;
    SendInput( 1, &input, sizeof(input) );
    pump_messages();
}

static int keyboard_hook_calls;
static LRESULT CALLBACK keyboard_hook( int code, WPARAM wp, LPARAM lp )
{
    if (wp == 'Q')
    {
        keyboard_hook_calls++;
        return 1; /* MSDN WH_KEYBOARD: nonzero discards the message */
    }
    return CallNextHookEx( 0, code, wp, lp );
}

static void test_keyboard_hook( HWND hwnd )
{
    HHOOK h = SetWindowsHookExA( WH_KEYBOARD, keyboard_hook, 0, GetCurrentThreadId() );
    MSG msg;

    if (GetFocus() != hwnd)
    {
        skip( "the test window did not get the focus\n" );
        UnhookWindowsHookEx( h );
        return;
    }
    keybd_event( 'Q', 0, 0, 0 );
    keybd_event( 'Q', 0, KEYEVENTF_KEYUP, 0 );
    Sleep( 100 );
    ok( !PeekMessageA( &msg, hwnd, WM_KEYFIRST, WM_KEYLAST, PM_REMOVE ), "hook did not discard %x\n", msg.message );
    ok( keyboard_hook_calls >= 1, "hook not called\n" );
    UnhookWindowsHookEx( h );
}

/* What the low-level hooks saw, in order. */
struct ll_call
{
    WPARAM message;
    DWORD data;   /* MSLLHOOKSTRUCT mouseData, or KBDLLHOOKSTRUCT vkCode */
    DWORD flags;
    POINT pt;
};
static struct ll_call ll_calls[16];
static unsigned int ll_count;
static WPARAM ll_discard; /* a message the hooks discard */

static LRESULT CALLBACK mouse_ll_proc( int code, WPARAM wp, LPARAM lp )
{
    const MSLLHOOKSTRUCT *ll = (const MSLLHOOKSTRUCT *)lp;

    if (code == HC_ACTION && ll_count < ARRAY_SIZE(ll_calls))
    {
        struct ll_call call = { wp, ll->mouseData, ll->flags, ll->pt };
        ll_calls[ll_count++] = call;
        if (wp == ll_discard) return 1;
    }
    return CallNextHookEx( 0, code, wp, lp );
}

static LRESULT CALLBACK keyboard_ll_proc( int code, WPARAM wp, LPARAM lp )
{
    const KBDLLHOOKSTRUCT *ll = (const KBDLLHOOKSTRUCT *)lp;

    if (code == HC_ACTION && ll_count < ARRAY_SIZE(ll_calls))
    {
        struct ll_call call = { wp, ll->vkCode, ll->flags };
        ll_calls[ll_count++] = call;
    }
    return CallNextHookEx( 0, code, wp, lp );
}

/* Low-level hooks run in their own thread, when it reads messages (MSDN): pump until `count`
 * calls have come, or a second has passed. */
static void wait_ll_calls( unsigned int count )
{
    DWORD start = GetTickCount();
    while (ll_count < count && GetTickCount() - start < 1000)
    {
        pump_messages();
        Sleep( 10 );
    }
    pump_messages();
}

/* MSDN LowLevelMouseProc: wParam is each mouse message an input makes; MSLLHOOKSTRUCT mouseData
 * has the wheel delta, or the X button, in its high word; LLMHF_INJECTED marks SendInput's.
 * Nonzero from the hook keeps that message from the window. */
static void test_mouse_ll_hook( HWND hwnd )
{
    static const struct { WPARAM message; DWORD data; } expect[] =
    {
        { WM_MOUSEMOVE, 0 }, { WM_LBUTTONDOWN, 0 }, { WM_LBUTTONUP, 0 },
        { WM_MOUSEWHEEL, (DWORD)(WORD)-WHEEL_DELTA << 16 }, { WM_XBUTTONDOWN, XBUTTON2 << 16 },
        { WM_XBUTTONUP, XBUTTON2 << 16 },
    };
    INPUT inputs[4] = { { INPUT_MOUSE }, { INPUT_MOUSE }, { INPUT_MOUSE }, { INPUT_MOUSE } };
    HHOOK hook;
    POINT pos;
    RECT rect;
    MSG msg;
    unsigned int i;

    GetWindowRect( hwnd, &rect );
    SetCursorPos( rect.left + 20, rect.top + 20 );
    Sleep( 100 );
    pump_messages();
    hook = SetWindowsHookExA( WH_MOUSE_LL, mouse_ll_proc, GetModuleHandleA( NULL ), 0 );
    ok( hook != NULL, "SetWindowsHookEx(WH_MOUSE_LL) failed: %lu\n", GetLastError() );
    if (!hook) return;

    ll_count = 0;
    ll_discard = 0;
    inputs[0].mi.dwFlags = MOUSEEVENTF_MOVE | MOUSEEVENTF_LEFTDOWN;
    inputs[0].mi.dx = 3;
    inputs[0].mi.dy = 4;
    inputs[1].mi.dwFlags = MOUSEEVENTF_LEFTUP;
    inputs[2].mi.dwFlags = MOUSEEVENTF_WHEEL;
    inputs[2].mi.mouseData = -WHEEL_DELTA;
    inputs[3].mi.dwFlags = MOUSEEVENTF_XDOWN;
    inputs[3].mi.mouseData = XBUTTON2;
    ok( SendInput( 4, inputs, sizeof(INPUT) ) == 4, "SendInput failed: %lu\n", GetLastError() );
    inputs[0].mi.dwFlags = MOUSEEVENTF_XUP;
    inputs[0].mi.mouseData = XBUTTON2;
    SendInput( 1, inputs, sizeof(INPUT) );
    wait_ll_calls( ARRAY_SIZE(expect) );

    ok( ll_count == ARRAY_SIZE(expect), "%u hook calls, expected %u\n", ll_count, (UINT)ARRAY_SIZE(expect) );
    for (i = 0; i < min( ll_count, ARRAY_SIZE(expect) ); i++)
    {
        winetest_push_context( "call %u", i );
        ok( ll_calls[i].message == expect[i].message, "wParam %#Ix, expected %#Ix\n", ll_calls[i].message,
            expect[i].message );
        ok( ll_calls[i].data == expect[i].data, "mouseData %#lx, expected %#lx\n", ll_calls[i].data, expect[i].data );
        ok( ll_calls[i].flags & LLMHF_INJECTED, "flags %#lx without LLMHF_INJECTED\n", ll_calls[i].flags );
        ok( ll_calls[i].pt.x == rect.left + 23 && ll_calls[i].pt.y == rect.top + 24, "pt %ld,%ld\n",
            ll_calls[i].pt.x, ll_calls[i].pt.y );
        winetest_pop_context();
    }

    /* a discarded button press never reaches the window, nor the key state */
    while (PeekMessageA( &msg, hwnd, WM_MOUSEFIRST, WM_MOUSELAST, PM_REMOVE )) ;
    ll_count = 0;
    ll_discard = WM_RBUTTONDOWN;
    inputs[0].mi.dwFlags = MOUSEEVENTF_RIGHTDOWN;
    inputs[0].mi.mouseData = 0;
    SendInput( 1, inputs, sizeof(INPUT) );
    wait_ll_calls( 1 );
    ok( ll_count == 1 && ll_calls[0].message == WM_RBUTTONDOWN, "%u calls, first %#Ix\n", ll_count,
        ll_calls[0].message );
    ok( !PeekMessageA( &msg, hwnd, WM_RBUTTONDOWN, WM_RBUTTONDOWN, PM_REMOVE ), "WM_RBUTTONDOWN delivered\n" );
    ok( !(GetAsyncKeyState( VK_RBUTTON ) & 0x8000), "VK_RBUTTON down\n" );
    GetCursorPos( &pos );
    ok( pos.x == rect.left + 23 && pos.y == rect.top + 24, "cursor at %ld,%ld\n", pos.x, pos.y );

    ll_discard = 0;
    UnhookWindowsHookEx( hook );
    pump_messages();
}

/* MSDN LowLevelKeyboardProc: wParam is WM_KEYDOWN, WM_KEYUP, WM_SYSKEYDOWN or WM_SYSKEYUP, as
 * the key message will be; LLKHF_ALTDOWN is its context code. */
static void test_keyboard_ll_hook( void )
{
    static const struct { WPARAM message; DWORD vk; DWORD flags; } expect[] =
    {
        { WM_SYSKEYDOWN, VK_MENU, LLKHF_ALTDOWN },
        { WM_SYSKEYDOWN, 'X', LLKHF_ALTDOWN },
        { WM_SYSKEYUP, 'X', LLKHF_ALTDOWN | LLKHF_UP },
        { WM_KEYUP, VK_MENU, LLKHF_UP },
        { WM_KEYDOWN, 'Y', 0 },
        { WM_KEYUP, 'Y', LLKHF_UP },
    };
    const DWORD mask = LLKHF_ALTDOWN | LLKHF_UP | LLKHF_INJECTED;
    HHOOK hook = SetWindowsHookExA( WH_KEYBOARD_LL, keyboard_ll_proc, GetModuleHandleA( NULL ), 0 );
    unsigned int i;

    ok( hook != NULL, "SetWindowsHookEx(WH_KEYBOARD_LL) failed: %lu\n", GetLastError() );
    if (!hook) return;
    ll_count = 0;
    keybd_event( VK_MENU, 0x38, 0, 0 );
    keybd_event( 'X', 0x2d, 0, 0 );
    keybd_event( 'X', 0x2d, KEYEVENTF_KEYUP, 0 );
    keybd_event( VK_MENU, 0x38, KEYEVENTF_KEYUP, 0 );
    keybd_event( 'Y', 0x15, 0, 0 );
    keybd_event( 'Y', 0x15, KEYEVENTF_KEYUP, 0 );
    wait_ll_calls( ARRAY_SIZE(expect) );

    ok( ll_count == ARRAY_SIZE(expect), "%u hook calls, expected %u\n", ll_count, (UINT)ARRAY_SIZE(expect) );
    for (i = 0; i < min( ll_count, ARRAY_SIZE(expect) ); i++)
    {
        winetest_push_context( "call %u", i );
        ok( ll_calls[i].message == expect[i].message, "wParam %#Ix, expected %#Ix\n", ll_calls[i].message,
            expect[i].message );
        ok( ll_calls[i].data == expect[i].vk, "vkCode %#lx, expected %#lx\n", ll_calls[i].data, expect[i].vk );
        ok( (ll_calls[i].flags & mask & ~LLKHF_ALTDOWN) == ((expect[i].flags & ~LLKHF_ALTDOWN) | LLKHF_INJECTED),
            "flags %#lx, expected %#lx\n", ll_calls[i].flags, expect[i].flags | LLKHF_INJECTED );
        /* Wine's builtin leaves LLKHF_ALTDOWN clear for injected keys; MSDN KBDLLHOOKSTRUCT:
         * "The value is 1 if the ALT key is pressed", whatever made the event */
        todo_if( is_builtin_user32() && (expect[i].flags & LLKHF_ALTDOWN) )
        ok( (ll_calls[i].flags & LLKHF_ALTDOWN) == (expect[i].flags & LLKHF_ALTDOWN), "LLKHF_ALTDOWN %s\n",
            (ll_calls[i].flags & LLKHF_ALTDOWN) ? "set" : "clear" );
        winetest_pop_context();
    }
    UnhookWindowsHookEx( hook );
    pump_messages();
}

static HWND attached_hwnd;
static HANDLE attached_ready, attached_done;

static DWORD WINAPI attached_thread( void *arg )
{
    attached_hwnd = CreateWindowExA( 0, "InputTest", NULL, WS_POPUP, 0, 0, 10, 10, 0, 0, 0, NULL );
    SetFocus( attached_hwnd );
    SetEvent( attached_ready );
    WaitForSingleObject( attached_done, INFINITE );
    DestroyWindow( attached_hwnd );
    return 0;
}

static void test_attach_thread_input( void )
{
    DWORD tid;
    HANDLE thread;
    HWND own_focus = GetFocus();

    attached_ready = CreateEventA( NULL, FALSE, FALSE, NULL );
    attached_done = CreateEventA( NULL, FALSE, FALSE, NULL );
    thread = CreateThread( NULL, 0, attached_thread, NULL, 0, &tid );
    WaitForSingleObject( attached_ready, INFINITE );
    ok( GetFocus() != attached_hwnd, "another thread's focus seen before attaching\n" );
    /* MSDN AttachThreadInput: attached threads share focus, active window and key state */
    ok( AttachThreadInput( GetCurrentThreadId(), tid, TRUE ), "AttachThreadInput failed: %lu\n", GetLastError() );
    ok( GetFocus() == attached_hwnd, "focus %p, not the attached thread's %p\n", GetFocus(), attached_hwnd );
    ok( AttachThreadInput( GetCurrentThreadId(), tid, FALSE ), "detaching failed: %lu\n", GetLastError() );
    ok( GetFocus() != attached_hwnd, "focus still shared after detaching\n" );
    SetLastError( 0xdeadbeef );
    ok( !AttachThreadInput( GetCurrentThreadId(), GetCurrentThreadId(), TRUE ), "attached to itself\n" );
    SetEvent( attached_done );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    CloseHandle( attached_ready );
    CloseHandle( attached_done );
    if (own_focus) SetFocus( own_focus );
}

START_TEST(input)
{
    HWND hwnd = create_input_window();

    test_translate();
    test_keyboard( hwnd );
    test_mouse( hwnd );
    test_keyboard_hook( hwnd );
    test_mouse_ll_hook( hwnd );
    test_keyboard_ll_hook();
    test_attach_thread_input();
    DestroyWindow( hwnd );
}
