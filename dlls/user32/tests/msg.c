/*
 * Message routing in one thread: creation and destruction sequences, SendMessage, posted
 * message order and filters, WM_QUIT, ANSI/Unicode translation, RegisterWindowMessage.
 */
#include "user32test.h"
#include "usermm/msgseq.h"

static int defwndproc_counter;
static BOOL log_messages = TRUE;

static BOOL is_logged( UINT msg )
{
    /* messages Wine's builtin user32 adds that this file does not check */
    switch (msg)
    {
    case WM_GETICON: case WM_IME_SETCONTEXT: case WM_IME_NOTIFY: case WM_IME_SELECT: case 0x0093: case 0x0094:
    case WM_NCPAINT: case WM_ERASEBKGND: case WM_GETTEXT: case WM_PAINT: case WM_SYNCPAINT:
    case WM_QUERYNEWPALETTE: case WM_NOTIFYFORMAT: case WM_QUERYUISTATE: case WM_DWMNCRENDERINGCHANGED:
    case WM_GETOBJECT: case WM_SETCURSOR: case WM_NCHITTEST: case WM_TIMER: case WM_CHILDACTIVATE:
    case WM_WINDOWPOSCHANGING + 0x1000:
        return FALSE;
    }
    return msg < 0xc000;
}

static LRESULT WINAPI log_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode, UINT flags_extra )
{
    LRESULT ret;

    if (log_messages && is_logged( msg ))
    {
        struct message m = { msg, sent | flags_extra | (defwndproc_counter ? defwinproc : 0), wp, lp };
        if (msg == WM_WINDOWPOSCHANGING || msg == WM_WINDOWPOSCHANGED)
            m.wParam = ((WINDOWPOS *)lp)->flags & ~(SWP_NOOWNERZORDER | SWP_FRAMECHANGED | 0x1800 /* SWP_NOCLIENT* */);
        add_message( &m );
    }
    defwndproc_counter++;
    ret = unicode ? DefWindowProcW( hwnd, msg, wp, lp ) : DefWindowProcA( hwnd, msg, wp, lp );
    defwndproc_counter--;
    return ret;
}

static LRESULT WINAPI main_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    return log_proc( hwnd, msg, wp, lp, FALSE, 0 );
}

static LRESULT WINAPI parent_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    return log_proc( hwnd, msg, wp, lp, FALSE, parent );
}

static BOOL fail_create;
static LRESULT WINAPI fail_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_CREATE && fail_create)
    {
        log_proc( hwnd, msg, wp, lp, FALSE, 0 );
        return -1;
    }
    return log_proc( hwnd, msg, wp, lp, FALSE, 0 );
}

static void register_classes( void )
{
    WNDCLASSA cls = { 0 };

    cls.lpfnWndProc = main_proc;
    cls.hInstance = GetModuleHandleA( NULL );
    cls.lpszClassName = "MsgTestMain";
    RegisterClassA( &cls );
    cls.lpfnWndProc = parent_proc;
    cls.lpszClassName = "MsgTestParent";
    RegisterClassA( &cls );
    cls.lpfnWndProc = fail_proc;
    cls.lpszClassName = "MsgTestFail";
    RegisterClassA( &cls );
}

static const struct message create_overlapped_seq[] =
{
    { WM_GETMINMAXINFO, sent },
    { WM_NCCREATE, sent },
    { WM_NCCALCSIZE, sent|wparam, 0 },
    { WM_CREATE, sent },
    { 0 }
};

static const struct message show_overlapped_seq[] =
{
    { WM_SHOWWINDOW, sent|wparam, 1 },
    { WM_WINDOWPOSCHANGING, sent|wparam, SWP_SHOWWINDOW|SWP_NOSIZE|SWP_NOMOVE },
    { WM_WINDOWPOSCHANGING, sent|wparam|optional, SWP_NOSIZE|SWP_NOMOVE },
    { WM_ACTIVATEAPP, sent|wparam|optional, 1 },
    { WM_NCACTIVATE, sent },
    { WM_ACTIVATE, sent|wparam, WA_ACTIVE },
    { WM_SETFOCUS, sent|defwinproc },
    { WM_WINDOWPOSCHANGED, sent|wparam, SWP_SHOWWINDOW|SWP_NOSIZE|SWP_NOMOVE },
    { WM_NCCALCSIZE, sent|wparam|optional, 1 },
    { WM_SIZE, sent|wparam, SIZE_RESTORED },
    { WM_MOVE, sent },
    { 0 }
};

static const struct message create_child_seq[] =
{
    { WM_NCCREATE, sent },
    { WM_NCCALCSIZE, sent|wparam, 0 },
    { WM_CREATE, sent },
    { WM_SIZE, sent|wparam, SIZE_RESTORED },
    { WM_MOVE, sent },
    { WM_PARENTNOTIFY, sent|parent|wparam, MAKEWPARAM( WM_CREATE, 7 ) },
    { 0 }
};

static const struct message destroy_parent_seq[] =
{
    { WM_DESTROY, sent|parent },
    { WM_DESTROY, sent },
    { WM_NCDESTROY, sent },
    { WM_NCDESTROY, sent|parent },
    { 0 }
};

static const struct message move_size_seq[] =
{
    { WM_WINDOWPOSCHANGING, sent|wparam, SWP_NOZORDER|SWP_NOACTIVATE },
    { WM_GETMINMAXINFO, sent|defwinproc },
    { WM_NCCALCSIZE, sent|wparam, 1 },
    { WM_WINDOWPOSCHANGED, sent|wparam, SWP_NOZORDER|SWP_NOACTIVATE },
    { WM_MOVE, sent|defwinproc },
    { WM_SIZE, sent|defwinproc|wparam, SIZE_RESTORED },
    { 0 }
};

static const struct message create_fail_seq[] =
{
    { WM_GETMINMAXINFO, sent },
    { WM_NCCREATE, sent },
    { WM_NCCALCSIZE, sent|wparam, 0 },
    { WM_CREATE, sent },
    { WM_DESTROY, sent|optional },
    { WM_NCDESTROY, sent },
    { 0 }
};

static void test_creation_sequences( void )
{
    HWND hwnd, parent_hwnd, child;
    RECT rect;

    flush_sequence();
    hwnd = CreateWindowExA( 0, "MsgTestMain", "overlapped", WS_OVERLAPPEDWINDOW, 100, 100, 300, 200,
                            0, 0, 0, NULL );
    ok( hwnd != 0, "CreateWindowEx failed: %lu\n", GetLastError() );
    ok_sequence( create_overlapped_seq, "CreateWindow overlapped", FALSE );

    ShowWindow( hwnd, SW_SHOW );
    /* Windows (per Wine's own msg.c table, which passes there) reports the activating show
     * without SWP_NOZORDER in WM_WINDOWPOSCHANGED; Wine's builtin adds it */
    ok_sequence( show_overlapped_seq, "ShowWindow overlapped", is_builtin_user32() );
    ok( IsWindowVisible( hwnd ), "not visible\n" );
    ok( GetActiveWindow() == hwnd, "active %p\n", GetActiveWindow() );
    ok( GetFocus() == hwnd, "focus %p\n", GetFocus() );
    flush_events();
    flush_sequence();

    SetWindowPos( hwnd, 0, 50, 60, 400, 300, SWP_NOZORDER | SWP_NOACTIVATE );
    ok_sequence( move_size_seq, "SetWindowPos move+size", FALSE );
    GetWindowRect( hwnd, &rect );
    ok( rect.left == 50 && rect.top == 60 && rect.right == 450 && rect.bottom == 360, "rect %s\n",
        wine_dbgstr_rect( &rect ) );
    DestroyWindow( hwnd );
    flush_sequence();

    parent_hwnd = CreateWindowExA( 0, "MsgTestParent", "parent", WS_OVERLAPPEDWINDOW, 0, 0, 300, 200, 0, 0, 0, NULL );
    ok( parent_hwnd != 0, "CreateWindowEx failed: %lu\n", GetLastError() );
    flush_sequence();
    child = CreateWindowExA( 0, "MsgTestMain", "child", WS_CHILD, 10, 10, 50, 50, parent_hwnd, (HMENU)7, 0, NULL );
    ok( child != 0, "CreateWindowEx failed: %lu\n", GetLastError() );
    ok_sequence( create_child_seq, "CreateWindow child", FALSE );

    DestroyWindow( parent_hwnd );
    ok_sequence( destroy_parent_seq, "DestroyWindow parent with child", FALSE );
    ok( !IsWindow( child ), "child still alive\n" );
    ok( !IsWindow( parent_hwnd ), "parent still alive\n" );

    fail_create = TRUE;
    flush_sequence();
    SetLastError( 0xdeadbeef );
    hwnd = CreateWindowExA( 0, "MsgTestFail", "fail", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, 0, 0, 0, NULL );
    ok( !hwnd, "CreateWindowEx succeeded\n" );
    ok_sequence( create_fail_seq, "WM_CREATE returning -1", FALSE );
    fail_create = FALSE;
}

static LRESULT WINAPI answer_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER + 1) return wp + lp;
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void test_send_and_post( void )
{
    HWND hwnd, hwnd2;
    MSG msg;
    BOOL ret;
    WNDPROC old;

    hwnd = CreateWindowExA( 0, "MsgTestMain", NULL, WS_OVERLAPPED, 0, 0, 100, 100, 0, 0, 0, NULL );
    hwnd2 = CreateWindowExA( 0, "MsgTestMain", NULL, WS_OVERLAPPED, 0, 0, 100, 100, 0, 0, 0, NULL );
    pump_messages();

    old = (WNDPROC)SetWindowLongPtrA( hwnd, GWLP_WNDPROC, (LONG_PTR)answer_proc );
    ok( SendMessageA( hwnd, WM_USER + 1, 40, 2 ) == 42, "wrong SendMessage result\n" );
    SetWindowLongPtrA( hwnd, GWLP_WNDPROC, (LONG_PTR)old );

    /* posted messages come back first in, first out, each with its window */
    PostMessageA( hwnd, WM_USER + 1, 1, 0 );
    PostMessageA( hwnd2, WM_USER + 2, 2, 0 );
    PostThreadMessageA( GetCurrentThreadId(), WM_USER + 3, 3, 0 );
    PostMessageA( hwnd, WM_USER + 4, 4, 0 );

    /* hwnd -1: thread messages only */
    ret = PeekMessageA( &msg, (HWND)-1, 0, 0, PM_REMOVE );
    ok( ret && msg.message == WM_USER + 3 && !msg.hwnd, "got %x %p\n", msg.message, msg.hwnd );
    /* a window filter */
    ret = PeekMessageA( &msg, hwnd2, 0, 0, PM_REMOVE );
    ok( ret && msg.message == WM_USER + 2 && msg.hwnd == hwnd2, "got %x %p\n", msg.message, msg.hwnd );
    /* a range filter */
    ret = PeekMessageA( &msg, 0, WM_USER + 4, WM_USER + 4, PM_NOREMOVE );
    ok( ret && msg.message == WM_USER + 4, "got %x\n", msg.message );
    ret = PeekMessageA( &msg, 0, WM_USER + 5, WM_USER + 9, PM_REMOVE );
    ok( !ret, "got %x\n", msg.message );
    ret = PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    ok( ret && msg.message == WM_USER + 1 && msg.wParam == 1, "got %x\n", msg.message );
    ret = PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    ok( ret && msg.message == WM_USER + 4 && msg.wParam == 4, "got %x\n", msg.message );
    ret = PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    ok( !ret, "got %x\n", msg.message );

    /* messages carrying pointers cannot be posted (MSDN PostMessage) */
    SetLastError( 0xdeadbeef );
    ret = PostMessageA( hwnd, WM_SETTEXT, 0, (LPARAM)"text" );
    ok( !ret && GetLastError() == ERROR_MESSAGE_SYNC_ONLY, "ret %d error %lu\n", ret, GetLastError() );

    /* posting to an invalid window */
    SetLastError( 0xdeadbeef );
    ret = PostMessageA( (HWND)0xdead0001, WM_USER, 0, 0 );
    ok( !ret && GetLastError() == ERROR_INVALID_WINDOW_HANDLE, "ret %d error %lu\n", ret, GetLastError() );

    /* DispatchMessage with a NULL window does nothing */
    msg.hwnd = 0;
    msg.message = WM_USER;
    ok( DispatchMessageA( &msg ) == 0, "DispatchMessage returned nonzero\n" );

    /* messages for a window go away with it */
    PostMessageA( hwnd2, WM_USER + 7, 0, 0 );
    DestroyWindow( hwnd2 );
    ret = PeekMessageA( &msg, 0, WM_USER + 7, WM_USER + 7, PM_REMOVE );
    ok( !ret, "message of a destroyed window still there\n" );

    /* GetMessage with an invalid window returns -1 */
    SetLastError( 0xdeadbeef );
    ok( GetMessageA( &msg, hwnd2, 0, 0 ) == -1, "GetMessage did not return -1\n" );
    ok( GetLastError() == ERROR_INVALID_WINDOW_HANDLE, "error %lu\n", GetLastError() );

    DestroyWindow( hwnd );
    pump_messages();
}

static void test_quit( void )
{
    MSG msg;
    BOOL ret;

    pump_messages();
    PostQuitMessage( 42 );
    PostThreadMessageA( GetCurrentThreadId(), WM_USER, 0, 0 );
    /* MSDN: WM_QUIT only comes once no other message is posted */
    ret = PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    ok( ret && msg.message == WM_USER, "got %x\n", msg.message );
    /* ... and whatever the filter */
    ret = PeekMessageA( &msg, 0, WM_USER, WM_USER, PM_NOREMOVE );
    ok( ret && msg.message == WM_QUIT && msg.wParam == 42, "got %x %Ix\n", msg.message, msg.wParam );
    ret = GetMessageA( &msg, 0, WM_USER, WM_USER );
    ok( ret == 0 && msg.message == WM_QUIT && msg.wParam == 42, "ret %d msg %x\n", ret, msg.message );
    ret = PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    ok( !ret, "WM_QUIT came twice\n" );
}

static char last_char_a;
static WCHAR last_text_w[64];
static LRESULT WINAPI ansi_char_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_CHAR) last_char_a = (char)wp;
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static LRESULT WINAPI unicode_text_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_SETTEXT && lp) lstrcpynW( last_text_w, (const WCHAR *)lp, ARRAY_SIZE(last_text_w) );
    return DefWindowProcW( hwnd, msg, wp, lp );
}

static void test_ansi_unicode( void )
{
    WNDCLASSW clsw = { 0 };
    WNDCLASSA clsa = { 0 };
    HWND hwnd_w, hwnd_a;
    char text_a[64];
    WCHAR text_w[64];
    WNDPROC proc;
    MSG msg;

    clsw.lpfnWndProc = unicode_text_proc;
    clsw.lpszClassName = L"MsgTestUnicode";
    ok( RegisterClassW( &clsw ), "RegisterClassW failed\n" );
    clsa.lpfnWndProc = ansi_char_proc;
    clsa.lpszClassName = "MsgTestAnsi";
    ok( RegisterClassA( &clsa ), "RegisterClassA failed\n" );

    hwnd_w = CreateWindowExW( 0, L"MsgTestUnicode", L"w", WS_OVERLAPPED, 0, 0, 50, 50, 0, 0, 0, NULL );
    hwnd_a = CreateWindowExA( 0, "MsgTestAnsi", "a", WS_OVERLAPPED, 0, 0, 50, 50, 0, 0, 0, NULL );
    ok( IsWindowUnicode( hwnd_w ), "W window not Unicode\n" );
    ok( !IsWindowUnicode( hwnd_a ), "A window Unicode\n" );

    /* an ANSI caller's text reaches a Unicode procedure as Unicode */
    ok( SetWindowTextA( hwnd_w, "hello" ), "SetWindowTextA failed\n" );
    ok( !lstrcmpW( last_text_w, L"hello" ), "got %s\n", wine_dbgstr_w( last_text_w ) );
    ok( GetWindowTextA( hwnd_w, text_a, sizeof(text_a) ) == 5 && !strcmp( text_a, "hello" ), "got %s\n", text_a );
    ok( GetWindowTextLengthA( hwnd_w ) == 5, "wrong length\n" );
    SetWindowTextW( hwnd_a, L"w\x00e9" );
    ok( GetWindowTextW( hwnd_a, text_w, ARRAY_SIZE(text_w) ) == 2 && !lstrcmpW( text_w, L"w\x00e9" ), "got %s\n",
        wine_dbgstr_w( text_w ) );

    /* WM_CHAR posted as Unicode arrives in the ANSI code page at an ANSI procedure */
    PostMessageW( hwnd_a, WM_CHAR, 0x00e9, 0 );
    ok( PeekMessageW( &msg, hwnd_a, WM_CHAR, WM_CHAR, PM_REMOVE ), "no WM_CHAR\n" );
    DispatchMessageW( &msg );
    ok( (BYTE)last_char_a == 0xe9, "got %#x\n", (BYTE)last_char_a );

    /* the ANSI view of a Unicode procedure is a handle that CallWindowProcA understands */
    proc = (WNDPROC)GetWindowLongPtrA( hwnd_w, GWLP_WNDPROC );
    ok( proc != unicode_text_proc, "got the procedure itself\n" );
    last_text_w[0] = 0;
    CallWindowProcA( proc, hwnd_w, WM_SETTEXT, 0, (LPARAM)"abc" );
    ok( !lstrcmpW( last_text_w, L"abc" ), "got %s\n", wine_dbgstr_w( last_text_w ) );
    proc = (WNDPROC)GetWindowLongPtrW( hwnd_w, GWLP_WNDPROC );
    ok( proc == unicode_text_proc, "got %p\n", proc );

    DestroyWindow( hwnd_w );
    DestroyWindow( hwnd_a );
    UnregisterClassW( L"MsgTestUnicode", NULL );
    UnregisterClassA( "MsgTestAnsi", NULL );
}

static void test_broadcast_and_children( void )
{
    HWND top1, top2, child, msgonly;
    MSG msg;
    int top_count = 0, child_count = 0, msgonly_count = 0;

    top1 = CreateWindowExA( 0, "MsgTestMain", NULL, WS_OVERLAPPED, 0, 0, 50, 50, 0, 0, 0, NULL );
    top2 = CreateWindowExA( 0, "MsgTestMain", NULL, WS_POPUP, 0, 0, 50, 50, 0, 0, 0, NULL );
    child = CreateWindowExA( 0, "MsgTestMain", NULL, WS_CHILD, 0, 0, 10, 10, top1, 0, 0, NULL );
    msgonly = CreateWindowExA( 0, "MsgTestMain", NULL, 0, 0, 0, 10, 10, HWND_MESSAGE, 0, 0, NULL );
    pump_messages();

    /* MSDN PostMessage: HWND_BROADCAST reaches the top-level windows, not children or
     * message-only windows */
    ok( PostMessageA( HWND_BROADCAST, WM_USER + 50, 0, 0 ), "broadcast failed\n" );
    while (PeekMessageA( &msg, 0, WM_USER + 50, WM_USER + 50, PM_REMOVE ))
    {
        if (msg.hwnd == top1 || msg.hwnd == top2) top_count++;
        if (msg.hwnd == child) child_count++;
        if (msg.hwnd == msgonly) msgonly_count++;
    }
    /* (Wine's builtin delivers none of them to this thread's windows) */
    todo_if( is_builtin_user32() )
    ok( top_count == 2 && !child_count && !msgonly_count, "top %d child %d message-only %d\n", top_count,
        child_count, msgonly_count );

    /* a window filter also gets the messages of the window's children (as Windows and Wine do) */
    PostMessageA( child, WM_USER + 51, 0, 0 );
    ok( PeekMessageA( &msg, top1, WM_USER + 51, WM_USER + 51, PM_REMOVE ) && msg.hwnd == child,
        "child's message not found through its parent\n" );

    DestroyWindow( top1 );
    DestroyWindow( top2 );
    DestroyWindow( msgonly );
    pump_messages();
}

static void test_register_window_message( void )
{
    UINT a, b, c;

    a = RegisterWindowMessageA( "UsermmTestMessage" );
    b = RegisterWindowMessageW( L"usermmtestmessage" );
    c = RegisterWindowMessageA( "UsermmOtherMessage" );
    ok( a >= 0xc000 && a <= 0xffff, "value %#x out of range\n", a );
    ok( a == b, "case-sensitive: %#x %#x\n", a, b );
    ok( c != a && c >= 0xc000, "value %#x\n", c );
    SetLastError( 0xdeadbeef );
    ok( !RegisterWindowMessageA( "" ), "empty name accepted\n" );
}

START_TEST(msg)
{
    register_classes();
    test_creation_sequences();
    test_send_and_post();
    test_quit();
    test_ansi_unicode();
    test_broadcast_and_children();
    test_register_window_message();
}
