/*
 * Input through the system input path: SendInput / keybd_event key messages with their lParam
 * bits, TranslateMessage (US layout), key state, mouse messages, merged mouse moves, WH_KEYBOARD.
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
    test_attach_thread_input();
    DestroyWindow( hwnd );
}
