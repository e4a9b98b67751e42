/*
 * Timers: window and thread timers, WM_TIMER synthesis (at most one pending per timer, after
 * posted messages), TIMERPROC calls through DispatchMessage, KillTimer.
 */
#include "user32test.h"

static int proc_calls;
static UINT_PTR proc_id;
static void CALLBACK timer_proc( HWND hwnd, UINT msg, UINT_PTR id, DWORD time )
{
    proc_calls++;
    proc_id = id;
}

static LRESULT WINAPI timer_wndproc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void test_window_timer( void )
{
    HWND hwnd;
    MSG msg;
    int count = 0;
    DWORD start;

    register_test_class( "TimerTest", timer_wndproc );
    hwnd = CreateWindowExA( 0, "TimerTest", NULL, WS_POPUP, 0, 0, 10, 10, 0, 0, 0, NULL );
    pump_messages();

    ok( SetTimer( hwnd, 7, 10, NULL ) == 7, "SetTimer failed\n" );
    Sleep( 100 );
    /* however late we are, one WM_TIMER per timer (MSDN SetTimer) */
    while (PeekMessageA( &msg, hwnd, WM_TIMER, WM_TIMER, PM_REMOVE ))
    {
        ok( msg.wParam == 7 && msg.hwnd == hwnd && msg.lParam == 0, "wrong WM_TIMER %Ix %p\n", msg.wParam, msg.hwnd );
        count++;
    }
    ok( count == 1, "%d WM_TIMER pending\n", count );

    /* posted messages first */
    Sleep( 30 );
    PostMessageA( hwnd, WM_USER, 0, 0 );
    ok( PeekMessageA( &msg, hwnd, 0, 0, PM_REMOVE ) && msg.message == WM_USER, "got %x\n", msg.message );
    ok( PeekMessageA( &msg, hwnd, 0, 0, PM_REMOVE ) && msg.message == WM_TIMER, "got %x\n", msg.message );

    /* GetMessage waits for it */
    start = GetTickCount();
    ok( GetMessageA( &msg, hwnd, 0, 0 ) && msg.message == WM_TIMER, "got %x\n", msg.message );
    ok( GetTickCount() - start < 1000, "waited too long\n" );

    ok( KillTimer( hwnd, 7 ), "KillTimer failed\n" );
    Sleep( 30 );
    ok( !PeekMessageA( &msg, hwnd, WM_TIMER, WM_TIMER, PM_REMOVE ), "WM_TIMER after KillTimer\n" );
    ok( !KillTimer( hwnd, 7 ), "killed twice\n" );

    /* a TIMERPROC is called by DispatchMessage, its address in lParam */
    SetTimer( hwnd, 8, 10, timer_proc );
    ok( GetMessageA( &msg, hwnd, WM_TIMER, WM_TIMER ), "no WM_TIMER\n" );
    /* MSDN WM_TIMER: lParam is the TIMERPROC given to SetTimer (Wine's builtin passes a handle) */
    todo_if( is_builtin_user32() ) ok( msg.lParam == (LPARAM)timer_proc, "lParam %#Ix\n", msg.lParam );
    proc_calls = 0;
    DispatchMessageA( &msg );
    ok( proc_calls == 1 && proc_id == 8, "calls %d id %Iu\n", proc_calls, proc_id );
    KillTimer( hwnd, 8 );

    /* timers die with their window */
    SetTimer( hwnd, 9, 10, NULL );
    DestroyWindow( hwnd );
    Sleep( 30 );
    ok( !PeekMessageA( &msg, 0, WM_TIMER, WM_TIMER, PM_REMOVE ), "timer outlived its window\n" );
}

static void test_thread_timer( void )
{
    UINT_PTR id, id2;
    DWORD start;
    BOOL got;
    MSG msg;

    /* MSDN: a thread timer gets a new id (the one given is ignored unless it names a timer) */
    id = SetTimer( 0, 0, 10, timer_proc );
    ok( id != 0, "SetTimer failed\n" );
    id2 = SetTimer( 0, 12345, 10, NULL );
    ok( id2 != 0 && id2 != id, "id %Iu\n", id2 );
    ok( SetTimer( 0, id2, 20, NULL ) == id2, "replacing did not keep the id\n" );
    /* MSDN PeekMessage: hWnd -1 retrieves the messages whose hwnd is NULL, thread timers' too
     * (not with Wine's builtin: a deadline keeps the test from hanging there) */
    start = GetTickCount();
    while (!(got = PeekMessageA( &msg, (HWND)-1, WM_TIMER, WM_TIMER, PM_REMOVE )) && GetTickCount() - start < 1000)
        MsgWaitForMultipleObjects( 0, NULL, FALSE, 50, QS_TIMER );
    todo_if( is_builtin_user32() ) ok( got, "no WM_TIMER for hwnd -1\n" );
    if (!got) got = GetMessageA( &msg, 0, WM_TIMER, WM_TIMER );
    ok( got && !msg.hwnd && (msg.wParam == id || msg.wParam == id2), "wrong WM_TIMER %p %Iu\n", msg.hwnd, msg.wParam );
    ok( KillTimer( 0, id ) && KillTimer( 0, id2 ), "KillTimer failed\n" );
    pump_messages();
}

START_TEST(timer)
{
    test_window_timer();
    test_thread_timer();
}
