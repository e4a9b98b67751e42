/*
 * Ghost windows (issue 5; dlls/user32/ghost.c), end to end under the X server: a top-level
 * window whose thread hangs is closed by the window manager's close button (xinject's
 * WM_DELETE_WINDOW). Its X window must go at once, while the thread still hangs; when the
 * thread retrieves messages again it gets WM_SYSCOMMAND SC_CLOSE and WM_CLOSE; refusing to
 * close brings the X window back.
 *
 * Nothing is timed. xinject cannot be waited for (Wine starts host programs detached), so it
 * reports back through X: once the ghost's X window is no longer viewable it closes a second,
 * responsive window of ours (the sentinel), whose WM_CLOSE the test waits for.
 */
#include "x11drvtest.h"
#include "usermm/msgseq.h"
#include "../../user32/tests/user32test.h"

static char xinject[MAX_PATH], ghost_title[64], sentinel_title[64];
static HWND hwnd_ghost, hwnd_sentinel;
static HANDLE ready, release;
static volatile LONG sentinel_closed;

static LRESULT CALLBACK ghost_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (hwnd == hwnd_ghost && (msg == WM_SYSCOMMAND || msg == WM_CLOSE))
    {
        struct message m = { msg, sent | wparam, wp, 0 };
        add_message( &m );
    }
    if (msg == WM_CLOSE)
    {
        if (hwnd == hwnd_sentinel) InterlockedIncrement( &sentinel_closed );
        return 0; /* neither window closes: the test decides */
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

/* Runs this thread's messages until *flag or msgseq_count(msg) reaches n; FALSE after 30 s. */
static BOOL pump_until( volatile LONG *flag, UINT msg, size_t n )
{
    DWORD end = GetTickCount() + 30000;
    MSG m;

    while ((LONG)(end - GetTickCount()) > 0)
    {
        while (PeekMessageA( &m, 0, 0, 0, PM_REMOVE )) DispatchMessageA( &m );
        if (flag ? *flag >= (LONG)n : msgseq_count( msg ) >= n) return TRUE;
        MsgWaitForMultipleObjects( 0, NULL, FALSE, 20, QS_ALLINPUT );
    }
    return FALSE;
}

static DWORD WINAPI ghost_thread( void *arg )
{
    MSG msg;

    hwnd_ghost = CreateWindowExA( 0, "UsermmGhostTest", ghost_title, WS_OVERLAPPEDWINDOW | WS_VISIBLE, 100, 100,
                                  200, 150, 0, 0, 0, NULL );
    while (PeekMessageA( &msg, 0, 0, 0, PM_REMOVE )) DispatchMessageA( &msg );
    SetEvent( ready );
    WaitForSingleObject( release, INFINITE ); /* hangs: retrieves nothing */
    while (GetMessageA( &msg, 0, 0, 0 ) > 0) DispatchMessageA( &msg );
    DestroyWindow( hwnd_ghost );
    return 0;
}

static void test_ghost( void )
{
    static const struct message close_seq[] =
    {
        { WM_SYSCOMMAND, sent | wparam, SC_CLOSE },
        { WM_CLOSE, sent },
        { 0 }
    };
    char cmd[512];
    HANDLE thread;
    DWORD tid;
    UINT polls;
    BOOL gone;

    thread = CreateThread( NULL, 0, ghost_thread, NULL, 0, &tid );
    WaitForSingleObject( ready, INFINITE );
    /* the X window is viewable before the thread hangs for good */
    snprintf( cmd, sizeof(cmd), "\"wait %s\" \"wait %s\" close", ghost_title, sentinel_title );
    if (!start_xinject( xinject, cmd )) goto done;
    ok( pump_until( &sentinel_closed, 0, 1 ), "the windows never became viewable\n" );

    for (polls = 0; polls < 600 && !IsHungAppWindow( hwnd_ghost ); polls++)
        pump_until( NULL, 0, 0 ), Sleep( 100 );
    ok( IsHungAppWindow( hwnd_ghost ), "the window never became hung\n" );
    flush_sequence();

    /* the close button of the hung window: its X window goes at once */
    snprintf( cmd, sizeof(cmd), "\"wait %s\" close \"waitgone %s\" \"wait %s\" close", ghost_title, ghost_title,
              sentinel_title );
    if (!start_xinject( xinject, cmd )) goto done;
    gone = pump_until( &sentinel_closed, 0, 2 );
    /* Wine's builtin has no ghosts: the X window stays until the thread answers */
    todo_if( is_builtin_user32() ) ok( gone, "the hung window's X window stayed viewable\n" );
    ok( IsWindowVisible( hwnd_ghost ), "the application's window was hidden\n" );
    ok( !msgseq_count( WM_CLOSE ), "the hung thread ran WM_CLOSE\n" );

    /* the thread recovers: the close reaches it as from the close button; it refuses */
    SetEvent( release );
    ok( pump_until( NULL, WM_CLOSE, 1 ), "no WM_CLOSE after recovery\n" );
    ok_sequence( close_seq, "ghost closed while hung", FALSE );

    /* the window did not close: its X window is back, and closes as usual */
    snprintf( cmd, sizeof(cmd), "\"wait %s\" close", ghost_title );
    if (!start_xinject( xinject, cmd )) goto done;
    ok( pump_until( NULL, WM_CLOSE, 1 ), "the X window did not come back\n" );
    ok_sequence( close_seq, "closed after recovery", FALSE );

done:
    SetEvent( release );
    PostThreadMessageA( tid, WM_QUIT, 0, 0 );
    ok( !WaitForSingleObject( thread, 30000 ), "thread did not end\n" );
    CloseHandle( thread );
}

START_TEST(ghost)
{
    WNDCLASSA cls = { 0 };

    if (!init_x_test( xinject, sizeof(xinject) )) return;
    snprintf( ghost_title, sizeof(ghost_title), "usermm ghost %04lx", GetCurrentProcessId() );
    snprintf( sentinel_title, sizeof(sentinel_title), "usermm sentinel %04lx", GetCurrentProcessId() );
    ready = CreateEventA( NULL, FALSE, FALSE, NULL );
    release = CreateEventA( NULL, TRUE, FALSE, NULL );
    cls.lpfnWndProc = ghost_proc;
    cls.lpszClassName = "UsermmGhostTest";
    RegisterClassA( &cls );
    hwnd_sentinel = CreateWindowExA( 0, "UsermmGhostTest", sentinel_title, WS_OVERLAPPEDWINDOW | WS_VISIBLE, 400,
                                     100, 200, 150, 0, 0, 0, NULL );
    test_ghost();
    DestroyWindow( hwnd_sentinel );
    CloseHandle( ready );
    CloseHandle( release );
}
