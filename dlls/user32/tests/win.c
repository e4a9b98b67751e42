/*
 * Windows: handle validation, the window tree, enumeration and search, window data and text,
 * message-only windows, rectangles.
 */
#include "user32test.h"

static LRESULT WINAPI style_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_STYLECHANGING && wp == GWL_STYLE)
    {
        STYLESTRUCT *ss = (STYLESTRUCT *)lp;
        ss->styleNew |= WS_TABSTOP; /* MSDN: the window may alter the new style */
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void register_class( void )
{
    WNDCLASSA cls = { 0 };
    cls.lpfnWndProc = style_proc;
    cls.cbWndExtra = 16;
    cls.lpszClassName = "WinTestClass";
    ok( RegisterClassA( &cls ), "RegisterClass failed: %lu\n", GetLastError() );
}

static void test_handles( void )
{
    HWND hwnd = CreateWindowExA( 0, "WinTestClass", "x", WS_OVERLAPPED, 0, 0, 50, 50, 0, 0, 0, NULL );
    HWND again;
    DWORD err;

    ok( IsWindow( hwnd ), "not a window\n" );
    ok( DestroyWindow( hwnd ), "DestroyWindow failed\n" );
    /* a stale handle is invalid, never a crash, and stays invalid after its slot is reused */
    ok( !IsWindow( hwnd ), "destroyed window still valid\n" );
    SetLastError( 0xdeadbeef );
    ok( !GetWindowLongA( hwnd, GWL_STYLE ), "GetWindowLong succeeded\n" );
    err = GetLastError();
    ok( err == ERROR_INVALID_WINDOW_HANDLE, "error %lu\n", err );
    again = CreateWindowExA( 0, "WinTestClass", "y", WS_OVERLAPPED, 0, 0, 50, 50, 0, 0, 0, NULL );
    ok( again != hwnd, "handle reused as is\n" );
    ok( !IsWindow( hwnd ), "stale handle valid again\n" );
    SetLastError( 0xdeadbeef );
    ok( !DestroyWindow( hwnd ), "destroyed a stale handle\n" );
    err = GetLastError();
    /* Wine's builtin takes the stale handle for the new window of the same slot (access denied) */
    todo_if( is_builtin_user32() ) ok( err == ERROR_INVALID_WINDOW_HANDLE, "error %lu\n", err );
    /* forged handles */
    ok( !IsWindow( (HWND)0x12345678 ), "forged handle valid\n" );
    ok( !IsWindow( (HWND)(ULONG_PTR)0xfffe0001 ), "forged handle valid\n" );
    ok( !IsWindow( 0 ), "NULL valid\n" );
    DestroyWindow( again );
}

static BOOL CALLBACK collect_proc( HWND hwnd, LPARAM lp )
{
    HWND *list = (HWND *)lp;
    while (*list) list++;
    *list = hwnd;
    return TRUE;
}

static BOOL CALLBACK stop_proc( HWND hwnd, LPARAM lp )
{
    (*(int *)lp)++;
    return FALSE;
}

static void test_tree( void )
{
    HWND top, owned, child1, child2, grandchild, msgonly, list[16] = { 0 };
    DWORD pid;
    int count = 0;
    RECT rect;
    POINT pt;

    top = CreateWindowExA( 0, "WinTestClass", "top", WS_OVERLAPPEDWINDOW, 100, 100, 300, 200, 0, 0, 0, NULL );
    owned = CreateWindowExA( 0, "WinTestClass", "owned", WS_POPUP, 0, 0, 50, 50, top, 0, 0, NULL );
    child1 = CreateWindowExA( 0, "WinTestClass", "c1", WS_CHILD, 10, 20, 50, 50, top, (HMENU)1, 0, NULL );
    child2 = CreateWindowExA( 0, "WinTestClass", "c2", WS_CHILD, 0, 0, 50, 50, top, (HMENU)2, 0, NULL );
    grandchild = CreateWindowExA( 0, "WinTestClass", "gc", WS_CHILD, 0, 0, 10, 10, child1, (HMENU)3, 0, NULL );
    ok( top && owned && child1 && child2 && grandchild, "creation failed\n" );

    ok( GetWindowThreadProcessId( child1, &pid ) == GetCurrentThreadId(), "wrong thread\n" );
    ok( pid == GetCurrentProcessId(), "wrong process\n" );
    ok( GetParent( child1 ) == top, "GetParent %p\n", GetParent( child1 ) );
    ok( GetParent( owned ) == top, "GetParent of owned popup %p\n", GetParent( owned ) );
    ok( GetParent( top ) == 0, "GetParent of top-level %p\n", GetParent( top ) );
    ok( GetWindow( owned, GW_OWNER ) == top, "owner %p\n", GetWindow( owned, GW_OWNER ) );
    ok( GetAncestor( top, GA_PARENT ) == GetDesktopWindow(), "GA_PARENT %p\n", GetAncestor( top, GA_PARENT ) );
    ok( GetAncestor( grandchild, GA_ROOT ) == top, "GA_ROOT %p\n", GetAncestor( grandchild, GA_ROOT ) );
    ok( GetAncestor( owned, GA_ROOTOWNER ) == top, "GA_ROOTOWNER %p\n", GetAncestor( owned, GA_ROOTOWNER ) );
    ok( IsChild( top, grandchild ), "IsChild FALSE\n" );
    ok( !IsChild( top, owned ), "owned window is a child\n" );
    ok( GetWindow( top, GW_CHILD ) == child1, "first child %p\n", GetWindow( top, GW_CHILD ) );
    ok( GetWindow( child1, GW_HWNDNEXT ) == child2, "next %p\n", GetWindow( child1, GW_HWNDNEXT ) );
    ok( GetWindow( child2, GW_HWNDPREV ) == child1, "prev %p\n", GetWindow( child2, GW_HWNDPREV ) );
    ok( GetWindowLongPtrA( child2, GWLP_ID ) == 2, "id %Id\n", GetWindowLongPtrA( child2, GWLP_ID ) );

    EnumChildWindows( top, collect_proc, (LPARAM)list );
    ok( list[0] == child1 && list[1] == grandchild && list[2] == child2 && !list[3],
        "EnumChildWindows order %p %p %p %p\n", list[0], list[1], list[2], list[3] );
    ok( !EnumWindows( stop_proc, (LPARAM)&count ) && count == 1, "EnumWindows did not stop: %d\n", count );
    memset( list, 0, sizeof(list) );
    ok( EnumThreadWindows( GetCurrentThreadId(), collect_proc, (LPARAM)list ), "EnumThreadWindows failed\n" );
    {
        BOOL seen_top = FALSE, seen_owned = FALSE, seen_child = FALSE;
        for (int i = 0; list[i]; i++)
        {
            if (list[i] == top) seen_top = TRUE;
            if (list[i] == owned) seen_owned = TRUE;
            if (list[i] == child1 || list[i] == child2 || list[i] == grandchild) seen_child = TRUE;
        }
        /* MSDN: the thread's top-level windows (Wine adds its IME window), not the children */
        ok( seen_top && seen_owned && !seen_child, "top %d owned %d child %d\n", seen_top, seen_owned, seen_child );
    }

    ok( FindWindowA( "WinTestClass", "top" ) == top, "FindWindow failed\n" );
    ok( FindWindowA( "wintestclass", "TOP" ) == top, "FindWindow is case-sensitive\n" );
    ok( FindWindowExA( top, 0, NULL, "c2" ) == child2, "FindWindowEx failed\n" );
    ok( FindWindowExA( top, child1, "WinTestClass", NULL ) == child2, "FindWindowEx after failed\n" );
    ok( !FindWindowA( "WinTestClass", "nothing" ), "found nothing\n" );

    /* rectangles: a child's are relative to its parent's client area */
    GetClientRect( top, &rect );
    pt.x = pt.y = 0;
    ClientToScreen( top, &pt );
    GetWindowRect( child1, &rect );
    ok( rect.left == pt.x + 10 && rect.top == pt.y + 20, "child rect %s, parent client at %ld,%ld\n",
        wine_dbgstr_rect( &rect ), pt.x, pt.y );
    GetClientRect( child1, &rect );
    ok( rect.left == 0 && rect.top == 0 && rect.right == 50 && rect.bottom == 50, "client %s\n", wine_dbgstr_rect( &rect ) );

    /* MSDN ChildWindowFromPointEx: the child under a point of the parent's client area */
    pt.x = 15;
    pt.y = 25;
    ok( ChildWindowFromPointEx( top, pt, CWP_ALL ) == child1, "got %p\n", ChildWindowFromPointEx( top, pt, CWP_ALL ) );
    ok( ChildWindowFromPointEx( top, pt, CWP_SKIPINVISIBLE ) == top, "invisible child not skipped\n" );
    pt.x = 200;
    pt.y = 100;
    ok( ChildWindowFromPoint( top, pt ) == top, "no child there, got %p\n", ChildWindowFromPoint( top, pt ) );
    pt.x = -5;
    ok( !ChildWindowFromPoint( top, pt ), "outside the client area\n" );

    /* SetParent moves a child under another window */
    ok( SetParent( child2, child1 ) == top, "SetParent returned the wrong old parent\n" );
    ok( GetParent( child2 ) == child1, "SetParent did not move it\n" );
    SetLastError( 0xdeadbeef );
    ok( !SetParent( child1, grandchild ), "a window became its own descendant's child\n" );

    /* message-only windows are not top-levels */
    msgonly = CreateWindowExA( 0, "WinTestClass", "msgonly", 0, 0, 0, 10, 10, HWND_MESSAGE, 0, 0, NULL );
    ok( msgonly != 0, "message-only window failed: %lu\n", GetLastError() );
    ok( GetAncestor( msgonly, GA_PARENT ) != GetDesktopWindow(), "message-only window under the desktop\n" );
    ok( FindWindowExA( HWND_MESSAGE, 0, "WinTestClass", "msgonly" ) == msgonly, "not found under HWND_MESSAGE\n" );
    /* MSDN FindWindowEx: message-only windows are found only under HWND_MESSAGE (Wine's builtin
     * finds them among the top-levels too) */
    todo_if( is_builtin_user32() ) ok( !FindWindowA( "WinTestClass", "msgonly" ), "message-only window found among top-levels\n" );
    ok( PostMessageA( msgonly, WM_USER, 0, 0 ), "cannot post to a message-only window\n" );
    pump_messages();

    ok( DestroyWindow( top ), "DestroyWindow failed\n" );
    ok( !IsWindow( child1 ) && !IsWindow( grandchild ) && !IsWindow( child2 ), "children survived\n" );
    ok( !IsWindow( owned ), "owned window survived its owner\n" );
    DestroyWindow( msgonly );

    /* a child without a parent */
    SetLastError( 0xdeadbeef );
    ok( !CreateWindowExA( 0, "WinTestClass", NULL, WS_CHILD, 0, 0, 10, 10, 0, 0, 0, NULL ), "created\n" );
    ok( GetLastError() == ERROR_TLW_WITH_WSCHILD, "error %lu\n", GetLastError() );
}

static void test_window_data( void )
{
    HWND hwnd = CreateWindowExA( 0, "WinTestClass", "data", WS_OVERLAPPED, 0, 0, 50, 50, 0, 0, 0, NULL );
    char buf[32];
    LONG style;
    DWORD err;

    ok( SetWindowLongPtrA( hwnd, GWLP_USERDATA, 0x1234 ) == 0, "old user data\n" );
    ok( GetWindowLongPtrA( hwnd, GWLP_USERDATA ) == 0x1234, "user data lost\n" );
    ok( SetWindowLongPtrA( hwnd, GWLP_USERDATA, 0x5678 ) == 0x1234, "old user data wrong\n" );
    /* extra bytes: cbWndExtra 16 */
    SetWindowLongA( hwnd, 12, 0xabcd );
    ok( GetWindowLongA( hwnd, 12 ) == 0xabcd, "extra bytes lost\n" );
    SetLastError( 0xdeadbeef );
    ok( !GetWindowLongA( hwnd, 13 ), "read past the extra bytes\n" );
    err = GetLastError();
    ok( err == ERROR_INVALID_INDEX, "error %lu\n", err );
    SetLastError( 0xdeadbeef );
    GetWindowLongA( hwnd, -1000 );
    ok( GetLastError() == ERROR_INVALID_INDEX, "error %lu\n", GetLastError() );

    style = GetWindowLongA( hwnd, GWL_STYLE );
    SetWindowLongA( hwnd, GWL_STYLE, style | WS_DISABLED );
    ok( GetWindowLongA( hwnd, GWL_STYLE ) == (style | WS_DISABLED | WS_TABSTOP),
        "style %#lx: WM_STYLECHANGING's change ignored\n", GetWindowLongA( hwnd, GWL_STYLE ) );
    ok( !IsWindowEnabled( hwnd ), "enabled\n" );
    ok( EnableWindow( hwnd, TRUE ), "EnableWindow: was not disabled\n" );
    ok( IsWindowEnabled( hwnd ), "disabled\n" );

    ok( GetWindowTextA( hwnd, buf, sizeof(buf) ) == 4 && !strcmp( buf, "data" ), "text %s\n", buf );
    ok( SetWindowTextA( hwnd, "changed" ), "SetWindowText failed\n" );
    ok( GetWindowTextLengthA( hwnd ) == 7, "length %d\n", GetWindowTextLengthA( hwnd ) );
    ok( GetWindowTextA( hwnd, buf, 4 ) == 3 && !strcmp( buf, "cha" ), "truncated text %s\n", buf );
    ok( GetClassNameA( hwnd, buf, sizeof(buf) ) == 12 && !strcmp( buf, "WinTestClass" ), "class %s\n", buf );
    DestroyWindow( hwnd );
}

static DWORD WINAPI other_thread( void *arg )
{
    HWND hwnd = arg;
    SetLastError( 0xdeadbeef );
    ok( !DestroyWindow( hwnd ), "destroyed another thread's window\n" );
    ok( GetLastError() == ERROR_ACCESS_DENIED, "error %lu\n", GetLastError() );
    return 0;
}

static void test_other_thread( void )
{
    HWND hwnd = CreateWindowExA( 0, "WinTestClass", NULL, WS_OVERLAPPED, 0, 0, 50, 50, 0, 0, 0, NULL );
    HANDLE thread = CreateThread( NULL, 0, other_thread, hwnd, 0, NULL );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    ok( IsWindow( hwnd ), "window gone\n" );
    /* MSDN IsHungAppWindow: a thread that retrieves its messages is not hung */
    pump_messages();
    ok( !IsHungAppWindow( hwnd ), "own window hung\n" );
    DestroyWindow( hwnd );
}

static DWORD WINAPI exiting_thread( void *arg )
{
    *(HWND *)arg = CreateWindowExA( 0, "WinTestClass", NULL, WS_OVERLAPPED, 0, 0, 50, 50, 0, 0, 0, NULL );
    return 0;
}

static void test_thread_exit( void )
{
    HWND hwnd = 0;
    HANDLE thread = CreateThread( NULL, 0, exiting_thread, &hwnd, 0, NULL );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    ok( hwnd != 0, "no window\n" );
    /* MSDN: a thread's windows are destroyed when it ends */
    ok( !IsWindow( hwnd ), "window outlived its thread\n" );
}

static int last_size_type = -1;
static LRESULT WINAPI size_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_SIZE) last_size_type = wp;
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void test_min_max( void )
{
    WINDOWPLACEMENT placement;
    HWND hwnd;
    RECT normal, rect;

    register_test_class( "WinTestSize", size_proc );
    hwnd = CreateWindowExA( 0, "WinTestSize", NULL, WS_OVERLAPPEDWINDOW | WS_VISIBLE, 50, 50, 200, 150, 0, 0, 0, NULL );
    pump_messages();
    GetWindowRect( hwnd, &normal );

    ShowWindow( hwnd, SW_MAXIMIZE );
    ok( IsZoomed( hwnd ) && !IsIconic( hwnd ), "not maximized\n" );
    ok( last_size_type == SIZE_MAXIMIZED, "WM_SIZE type %d\n", last_size_type );
    GetWindowRect( hwnd, &rect );
    ok( rect.right - rect.left >= GetSystemMetrics( SM_CXSCREEN ), "maximized width %ld\n", rect.right - rect.left );

    ShowWindow( hwnd, SW_MINIMIZE );
    ok( IsIconic( hwnd ) && !IsZoomed( hwnd ), "not minimized\n" );
    ok( last_size_type == SIZE_MINIMIZED, "WM_SIZE type %d\n", last_size_type );

    /* restoring a window minimized from maximized maximizes it again (as Windows does) */
    ShowWindow( hwnd, SW_RESTORE );
    ok( IsZoomed( hwnd ) && !IsIconic( hwnd ), "not back to maximized\n" );
    ok( last_size_type == SIZE_MAXIMIZED, "WM_SIZE type %d\n", last_size_type );
    ShowWindow( hwnd, SW_RESTORE );
    ok( !IsIconic( hwnd ) && !IsZoomed( hwnd ), "not restored\n" );
    ok( last_size_type == SIZE_RESTORED, "WM_SIZE type %d\n", last_size_type );
    GetWindowRect( hwnd, &rect );
    ok( EqualRect( &rect, &normal ), "restored to %s, was %s\n", wine_dbgstr_rect( &rect ), wine_dbgstr_rect( &normal ) );

    /* GetWindowPlacement keeps the normal position while maximized */
    ShowWindow( hwnd, SW_MAXIMIZE );
    placement.length = sizeof(placement);
    ok( GetWindowPlacement( hwnd, &placement ), "GetWindowPlacement failed\n" );
    ok( placement.showCmd == SW_SHOWMAXIMIZED, "showCmd %u\n", placement.showCmd );
    ok( EqualRect( &placement.rcNormalPosition, &normal ), "normal position %s\n",
        wine_dbgstr_rect( &placement.rcNormalPosition ) );
    placement.showCmd = SW_SHOWNORMAL;
    OffsetRect( &placement.rcNormalPosition, 10, 10 );
    ok( SetWindowPlacement( hwnd, &placement ), "SetWindowPlacement failed\n" );
    ok( !IsZoomed( hwnd ), "still maximized\n" );
    GetWindowRect( hwnd, &rect );
    ok( EqualRect( &rect, &placement.rcNormalPosition ), "placed at %s\n", wine_dbgstr_rect( &rect ) );
    DestroyWindow( hwnd );
    pump_messages();
}

static void test_defwindowproc( void )
{
    HWND hwnd = CreateWindowExA( 0, "WinTestClass", "dwp", WS_OVERLAPPEDWINDOW, 100, 100, 300, 200, 0, 0, 0, NULL );
    RECT window, client;
    POINT origin = { 0, 0 };
    LRESULT hit;

    GetWindowRect( hwnd, &window );
    GetClientRect( hwnd, &client );
    ClientToScreen( hwnd, &origin );
    /* MSDN WM_NCHITTEST: where the point is */
    hit = DefWindowProcA( hwnd, WM_NCHITTEST, 0, MAKELPARAM( origin.x + 10, origin.y + 10 ) );
    ok( hit == HTCLIENT, "client area: %Id\n", hit );
    hit = DefWindowProcA( hwnd, WM_NCHITTEST, 0, MAKELPARAM( (window.left + window.right) / 2, origin.y - 5 ) );
    ok( hit == HTCAPTION, "caption: %Id\n", hit );
    hit = DefWindowProcA( hwnd, WM_NCHITTEST, 0, MAKELPARAM( window.right + 50, window.bottom + 50 ) );
    ok( hit == HTNOWHERE, "outside: %Id\n", hit );
    /* the client rectangle is the window minus its non-client area */
    ok( client.right < window.right - window.left && client.bottom < window.bottom - window.top,
        "client %s in window %s\n", wine_dbgstr_rect( &client ), wine_dbgstr_rect( &window ) );
    /* MSDN WM_CLOSE: DefWindowProc destroys the window */
    SendMessageA( hwnd, WM_CLOSE, 0, 0 );
    ok( !IsWindow( hwnd ), "WM_CLOSE did not destroy the window\n" );
}

START_TEST(win)
{
    register_class();
    test_handles();
    test_tree();
    test_window_data();
    test_other_thread();
    test_thread_exit();
    test_min_max();
    test_defwindowproc();
}
