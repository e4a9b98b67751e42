/*
 * Hooks: WH_CBT, WH_CALLWNDPROC(RET), WH_GETMESSAGE, WH_MSGFILTER, WH_FOREGROUNDIDLE, chains
 * and CallNextHookEx, hooks on another thread of the process, UnhookWindowsHookEx.
 */
#include "user32test.h"
#include "usermm/msgseq.h"

static HHOOK cbt_hook, hook_a, hook_b;
static int order[8], order_count;

static LRESULT CALLBACK cbt_proc( int code, WPARAM wp, LPARAM lp )
{
    if (code == HCBT_CREATEWND || code == HCBT_DESTROYWND || code == HCBT_ACTIVATE || code == HCBT_SETFOCUS)
    {
        char name[32] = "";
        if (GetClassNameA( (HWND)wp, name, sizeof(name) ) && !strcmp( name, "HookTest" ))
        {
            struct message m = { code, hook };
            add_message( &m );
        }
    }
    return CallNextHookEx( cbt_hook, code, wp, lp );
}

static LRESULT WINAPI hook_wndproc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER)
    {
        struct message m = { msg, sent };
        add_message( &m );
        return 5;
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static const struct message cbt_create_seq[] =
{
    { HCBT_CREATEWND, hook },
    { HCBT_ACTIVATE, hook },
    { HCBT_SETFOCUS, hook },
    { HCBT_DESTROYWND, hook },
    { 0 }
};

static void test_cbt( void )
{
    HWND hwnd;

    register_test_class( "HookTest", hook_wndproc );

    cbt_hook = SetWindowsHookExA( WH_CBT, cbt_proc, 0, GetCurrentThreadId() );
    ok( cbt_hook != 0, "SetWindowsHookEx failed: %lu\n", GetLastError() );
    flush_sequence();
    hwnd = CreateWindowExA( 0, "HookTest", NULL, WS_OVERLAPPEDWINDOW | WS_VISIBLE, 0, 0, 100, 100, 0, 0, 0, NULL );
    DestroyWindow( hwnd );
    ok_sequence( cbt_create_seq, "CBT create/activate/focus/destroy", FALSE );
    ok( UnhookWindowsHookEx( cbt_hook ), "UnhookWindowsHookEx failed\n" );
    SetLastError( 0xdeadbeef );
    ok( !UnhookWindowsHookEx( cbt_hook ), "unhooked twice\n" );
    ok( GetLastError() == ERROR_INVALID_HOOK_HANDLE, "error %lu\n", GetLastError() );
    pump_messages();
}

static LRESULT CALLBACK callwnd_proc( int code, WPARAM wp, LPARAM lp )
{
    CWPSTRUCT *cwp = (CWPSTRUCT *)lp;
    if (cwp->message == WM_USER)
    {
        struct message m = { WH_CALLWNDPROC, hook, cwp->wParam };
        add_message( &m );
    }
    return CallNextHookEx( 0, code, wp, lp );
}

static LRESULT CALLBACK callwndret_proc( int code, WPARAM wp, LPARAM lp )
{
    CWPRETSTRUCT *ret = (CWPRETSTRUCT *)lp;
    if (ret->message == WM_USER)
    {
        struct message m = { WH_CALLWNDPROCRET, hook, ret->lResult };
        add_message( &m );
    }
    return CallNextHookEx( 0, code, wp, lp );
}

static const struct message callwnd_seq[] =
{
    { WH_CALLWNDPROC, hook|wparam, 3 },
    { WM_USER, sent },
    { WH_CALLWNDPROCRET, hook|wparam, 5 },
    { 0 }
};

static void test_callwndproc( void )
{
    HWND hwnd = CreateWindowExA( 0, "HookTest", NULL, WS_POPUP, 0, 0, 10, 10, 0, 0, 0, NULL );
    HHOOK h1 = SetWindowsHookExA( WH_CALLWNDPROC, callwnd_proc, 0, GetCurrentThreadId() );
    HHOOK h2 = SetWindowsHookExA( WH_CALLWNDPROCRET, callwndret_proc, 0, GetCurrentThreadId() );
    MSG msg;

    flush_sequence();
    ok( SendMessageA( hwnd, WM_USER, 3, 0 ) == 5, "wrong result\n" );
    ok_sequence( callwnd_seq, "SendMessage with WH_CALLWNDPROC(RET)", FALSE );
    /* MSDN: these hooks see sent messages, not dispatched ones */
    PostMessageA( hwnd, WM_USER, 4, 0 );
    PeekMessageA( &msg, hwnd, WM_USER, WM_USER, PM_REMOVE );
    flush_sequence();
    DispatchMessageA( &msg );
    {
        static const struct message dispatch_seq[] = { { WM_USER, sent }, { 0 } };
        ok_sequence( dispatch_seq, "DispatchMessage: no WH_CALLWNDPROC", FALSE );
    }
    UnhookWindowsHookEx( h1 );
    UnhookWindowsHookEx( h2 );
    DestroyWindow( hwnd );
}

static LRESULT CALLBACK chain_a( int code, WPARAM wp, LPARAM lp )
{
    if (order_count < 8) order[order_count++] = 1;
    return CallNextHookEx( hook_a, code, wp, lp );
}

static LRESULT CALLBACK chain_b( int code, WPARAM wp, LPARAM lp )
{
    MSG *msg = (MSG *)lp;
    if (order_count < 8) order[order_count++] = 2;
    if (msg->message == WM_USER + 1) msg->wParam = 99; /* MSDN WH_GETMESSAGE: may change it */
    return CallNextHookEx( hook_b, code, wp, lp );
}

static void test_getmessage_chain( void )
{
    MSG msg;

    pump_messages();
    hook_a = SetWindowsHookExA( WH_GETMESSAGE, chain_a, 0, GetCurrentThreadId() );
    hook_b = SetWindowsHookExA( WH_GETMESSAGE, chain_b, 0, GetCurrentThreadId() );
    order_count = 0;
    PostThreadMessageA( GetCurrentThreadId(), WM_USER + 1, 1, 0 );
    ok( PeekMessageA( &msg, 0, 0, 0, PM_REMOVE ) && msg.message == WM_USER + 1, "no message\n" );
    /* the most recent hook first, then down the chain */
    ok( order_count == 2 && order[0] == 2 && order[1] == 1, "order %d: %d %d\n", order_count, order[0], order[1] );
    ok( msg.wParam == 99, "hook's change lost: %Iu\n", msg.wParam );
    UnhookWindowsHookEx( hook_b );
    order_count = 0;
    PostThreadMessageA( GetCurrentThreadId(), WM_USER + 2, 1, 0 );
    PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    ok( order_count == 1 && order[0] == 1, "order after unhook %d: %d\n", order_count, order[0] );
    UnhookWindowsHookEx( hook_a );
}

static int msgfilter_calls, msgfilter_code;
static LRESULT CALLBACK msgfilter_proc( int code, WPARAM wp, LPARAM lp )
{
    msgfilter_calls++;
    msgfilter_code = code;
    return 1;
}

static void test_msgfilter( void )
{
    HHOOK h = SetWindowsHookExA( WH_MSGFILTER, msgfilter_proc, 0, GetCurrentThreadId() );
    MSG msg = { 0 };

    ok( CallMsgFilterA( &msg, 1234 ), "CallMsgFilter returned FALSE\n" );
    ok( msgfilter_calls == 1 && msgfilter_code == 1234, "calls %d code %d\n", msgfilter_calls, msgfilter_code );
    UnhookWindowsHookEx( h );
    ok( !CallMsgFilterA( &msg, 1234 ), "CallMsgFilter TRUE without hooks\n" );
}

static HANDLE hooked_ready, hooked_go;
static DWORD hook_thread_id;
static int other_thread_calls;
static LRESULT CALLBACK other_thread_proc( int code, WPARAM wp, LPARAM lp )
{
    if (GetCurrentThreadId() == hook_thread_id) other_thread_calls++;
    return CallNextHookEx( 0, code, wp, lp );
}

static DWORD WINAPI hooked_thread( void *arg )
{
    MSG msg;
    PeekMessageA( &msg, 0, 0, 0, PM_NOREMOVE );
    SetEvent( hooked_ready );
    WaitForSingleObject( hooked_go, INFINITE );
    PostThreadMessageA( GetCurrentThreadId(), WM_USER, 0, 0 );
    PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    return 0;
}

static void test_other_thread( void )
{
    HANDLE thread;
    HHOOK h;

    hooked_ready = CreateEventA( NULL, FALSE, FALSE, NULL );
    hooked_go = CreateEventA( NULL, FALSE, FALSE, NULL );
    thread = CreateThread( NULL, 0, hooked_thread, NULL, 0, &hook_thread_id );
    WaitForSingleObject( hooked_ready, INFINITE );
    /* a hook set by this thread on another thread of the process runs in that thread */
    h = SetWindowsHookExA( WH_GETMESSAGE, other_thread_proc, 0, hook_thread_id );
    ok( h != 0, "SetWindowsHookEx on another thread failed: %lu\n", GetLastError() );
    SetEvent( hooked_go );
    WaitForSingleObject( thread, INFINITE );
    ok( other_thread_calls == 1, "hook called %d times in the other thread\n", other_thread_calls );
    UnhookWindowsHookEx( h );
    CloseHandle( thread );
    CloseHandle( hooked_ready );
    CloseHandle( hooked_go );
}

static int idle_calls;
static LRESULT CALLBACK idle_proc( int code, WPARAM wp, LPARAM lp )
{
    idle_calls++;
    return CallNextHookEx( 0, code, wp, lp );
}

static DWORD WINAPI late_poster( void *arg )
{
    Sleep( 50 );
    PostThreadMessageA( (DWORD)(ULONG_PTR)arg, WM_USER, 0, 0 );
    return 0;
}

static void test_foreground_idle( void )
{
    HHOOK h = SetWindowsHookExA( WH_FOREGROUNDIDLE, idle_proc, 0, GetCurrentThreadId() );
    HWND hwnd = CreateWindowExA( 0, "HookTest", NULL, WS_POPUP | WS_VISIBLE, 0, 0, 10, 10, 0, 0, 0, NULL );
    HANDLE thread;
    MSG msg;

    SetForegroundWindow( hwnd );
    pump_messages();
    idle_calls = 0;
    /* MSDN WH_FOREGROUNDIDLE: called when the foreground thread is about to become idle */
    thread = CreateThread( NULL, 0, late_poster, (void *)(ULONG_PTR)GetCurrentThreadId(), 0, NULL );
    /* with a real display, an Expose may bring a WM_PAINT first */
    while (GetMessageA( &msg, 0, 0, 0 ) > 0 && msg.message != WM_USER) DispatchMessageA( &msg );
    ok( msg.message == WM_USER, "got %x\n", msg.message );
    /* Wine's builtin user32 never calls it */
    todo_if( is_builtin_user32() ) ok( idle_calls >= 1, "WH_FOREGROUNDIDLE not called\n" );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    UnhookWindowsHookEx( h );
    DestroyWindow( hwnd );
    pump_messages();
}

static void test_invalid( void )
{
    DWORD err;

    /* an unknown type is ERROR_INVALID_HOOK_FILTER, "invalid hook procedure type" (Wine's
     * builtin says ERROR_INVALID_PARAMETER) */
    SetLastError( 0xdeadbeef );
    ok( !SetWindowsHookExA( 1000, chain_a, 0, GetCurrentThreadId() ), "invalid type accepted\n" );
    err = GetLastError();
    todo_if( is_builtin_user32() ) ok( err == ERROR_INVALID_HOOK_FILTER, "error %lu\n", err );
    SetLastError( 0xdeadbeef );
    ok( !SetWindowsHookExA( WH_GETMESSAGE, NULL, 0, GetCurrentThreadId() ), "NULL procedure accepted\n" );
    err = GetLastError();
    ok( err == ERROR_INVALID_FILTER_PROC, "error %lu\n", err );
    /* MSDN: a global hook needs a module */
    SetLastError( 0xdeadbeef );
    ok( !SetWindowsHookExA( WH_GETMESSAGE, chain_a, 0, 0 ), "global hook without a module\n" );
    err = GetLastError();
    ok( err == ERROR_HOOK_NEEDS_HMOD, "error %lu\n", err );
}

START_TEST(hook)
{
    test_cbt();
    test_callwndproc();
    test_getmessage_chain();
    test_msgfilter();
    test_other_thread();
    test_foreground_idle();
    test_invalid();
}
