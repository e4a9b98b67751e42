/*
 * Thread message queues: creation, PostThreadMessage, the posted-message quota, queue status,
 * waiting (GetMessage, WaitMessage, MsgWaitForMultipleObjectsEx), per-thread message data and
 * the basic cross-thread SendMessage.
 */
#include "user32test.h"
#include "usermm/objcount.h"

static DWORD WINAPI idle_thread( void *arg )
{
    WaitForSingleObject( arg, INFINITE );
    return 0;
}

static void test_thread_without_queue( void )
{
    HANDLE event = CreateEventA( NULL, TRUE, FALSE, NULL );
    DWORD tid;
    HANDLE thread = CreateThread( NULL, 0, idle_thread, event, 0, &tid );
    DWORD err;
    BOOL ret;

    /* MSDN PostThreadMessage: a thread without a message queue cannot be posted to */
    SetLastError( 0xdeadbeef );
    ret = PostThreadMessageA( tid, WM_USER, 0, 0 );
    err = GetLastError();
    ok( !ret && err == ERROR_INVALID_THREAD_ID, "ret %d error %lu\n", ret, err );
    /* nor can thread 0 (Wine's builtin user32 accepts it) */
    SetLastError( 0xdeadbeef );
    ret = PostThreadMessageA( 0, WM_USER, 0, 0 );
    err = GetLastError();
    todo_if( is_builtin_user32() ) ok( !ret && err == ERROR_INVALID_THREAD_ID, "ret %d error %lu\n", ret, err );
    SetEvent( event );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    CloseHandle( event );
}

struct receiver
{
    HANDLE ready;
    DWORD tid;
    UINT count;
    BOOL in_order;
    HWND hwnd;
};

static DWORD WINAPI receiver_thread( void *arg )
{
    struct receiver *r = arg;
    MSG msg;
    UINT expect = 0;

    PeekMessageA( &msg, 0, 0, 0, PM_NOREMOVE ); /* makes the queue */
    SetEvent( r->ready );
    r->in_order = TRUE;
    while (GetMessageA( &msg, 0, 0, 0 ) > 0)
    {
        if (msg.message != WM_USER) continue;
        if (msg.wParam != expect++) r->in_order = FALSE;
        r->count++;
    }
    return 0;
}

static void test_cross_thread_post( void )
{
    struct receiver r = { 0 };
    HANDLE thread;
    UINT i;

    r.ready = CreateEventA( NULL, FALSE, FALSE, NULL );
    thread = CreateThread( NULL, 0, receiver_thread, &r, 0, &r.tid );
    WaitForSingleObject( r.ready, INFINITE );
    for (i = 0; i < 5000; i++)
    {
        while (!PostThreadMessageA( r.tid, WM_USER, i, 0 ))
        {
            ok( GetLastError() == ERROR_NOT_ENOUGH_QUOTA, "post failed: %lu\n", GetLastError() );
            Sleep( 1 );
        }
    }
    PostThreadMessageA( r.tid, WM_QUIT, 0, 0 );
    ok( !WaitForSingleObject( thread, 10000 ), "receiver did not finish\n" );
    ok( r.count == 5000, "received %u of 5000\n", r.count );
    ok( r.in_order, "posts from one thread arrived out of order\n" );
    CloseHandle( thread );
    CloseHandle( r.ready );
}

static void test_quota( void )
{
    MSG msg;
    UINT i, posted = 0, got = 0;
    BOOL in_order = TRUE, ret;
    DWORD err = 0;

    pump_messages();
    /* MSDN PostMessage: at most 10,000 posted messages in a queue; then ERROR_NOT_ENOUGH_QUOTA,
     * and what is queued is not lost. Wine's builtin user32 has no quota. */
    for (i = 0; i < 10001; i++)
    {
        if (!PostThreadMessageA( GetCurrentThreadId(), WM_USER, i, 0 ))
        {
            err = GetLastError();
            break;
        }
        posted++;
    }
    todo_if( is_builtin_user32() ) ok( posted == 10000, "posted %u\n", posted );
    todo_if( is_builtin_user32() ) ok( err == ERROR_NOT_ENOUGH_QUOTA, "error %lu\n", err );
    /* taking one out makes room for one */
    ok( PeekMessageA( &msg, 0, WM_USER, WM_USER, PM_REMOVE ) && msg.wParam == 0, "first message lost\n" );
    got++;
    ret = PostThreadMessageA( GetCurrentThreadId(), WM_USER, posted, 0 );
    ok( ret, "post after removal failed: %lu\n", GetLastError() );
    if (ret) posted++;
    while (PeekMessageA( &msg, 0, WM_USER, WM_USER, PM_REMOVE ))
    {
        if (msg.wParam != got) in_order = FALSE;
        got++;
    }
    ok( got == posted, "got %u of %u\n", got, posted );
    ok( in_order, "messages out of order\n" );
}

static void test_queue_status( void )
{
    DWORD status;
    MSG msg;

    pump_messages();
    GetQueueStatus( QS_ALLINPUT ); /* clears the "new" bits */
    PostThreadMessageA( GetCurrentThreadId(), WM_USER, 0, 0 );
    status = GetQueueStatus( QS_POSTMESSAGE );
    ok( status == MAKELONG( QS_POSTMESSAGE, QS_POSTMESSAGE ), "status %#lx\n", status );
    /* MSDN: the low word (new since last call) is cleared by reading it */
    status = GetQueueStatus( QS_POSTMESSAGE );
    ok( status == MAKELONG( 0, QS_POSTMESSAGE ), "status %#lx\n", status );
    ok( !GetInputState(), "GetInputState TRUE without input\n" );
    PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    status = GetQueueStatus( QS_POSTMESSAGE );
    ok( status == 0, "status %#lx\n", status );
    SetLastError( 0xdeadbeef );
    status = GetQueueStatus( 0x80000000 );
    ok( status == 0 && GetLastError() == ERROR_INVALID_FLAGS, "status %#lx error %lu\n", status, GetLastError() );
}

struct poster
{
    DWORD tid;
    DWORD delay;
};

static DWORD WINAPI poster_thread( void *arg )
{
    struct poster *p = arg;
    Sleep( p->delay );
    PostThreadMessageA( p->tid, WM_USER + 5, 0, 0 );
    return 0;
}

static void test_waiting( void )
{
    struct poster p = { GetCurrentThreadId(), 100 };
    HANDLE event = CreateEventA( NULL, TRUE, FALSE, NULL ), thread;
    DWORD ret, start;
    MSG msg;

    pump_messages();
    /* a timeout */
    start = GetTickCount();
    ret = MsgWaitForMultipleObjectsEx( 1, &event, 50, QS_ALLINPUT, 0 );
    ok( ret == WAIT_TIMEOUT, "ret %lu\n", ret );
    ok( GetTickCount() - start >= 40, "returned too early\n" );
    /* a handle */
    SetEvent( event );
    ret = MsgWaitForMultipleObjectsEx( 1, &event, 1000, QS_ALLINPUT, 0 );
    ok( ret == WAIT_OBJECT_0, "ret %lu\n", ret );
    ResetEvent( event );
    /* a message posted by another thread */
    thread = CreateThread( NULL, 0, poster_thread, &p, 0, NULL );
    ret = MsgWaitForMultipleObjectsEx( 1, &event, 5000, QS_POSTMESSAGE, 0 );
    ok( ret == WAIT_OBJECT_0 + 1, "ret %lu\n", ret );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    /* a message already seen does not end the wait without MWMO_INPUTAVAILABLE... */
    ok( PeekMessageA( &msg, 0, 0, 0, PM_NOREMOVE ), "no message\n" );
    ret = MsgWaitForMultipleObjectsEx( 0, NULL, 50, QS_POSTMESSAGE, 0 );
    ok( ret == WAIT_TIMEOUT, "ret %lu\n", ret );
    /* ...but does with it */
    ret = MsgWaitForMultipleObjectsEx( 0, NULL, 50, QS_POSTMESSAGE, MWMO_INPUTAVAILABLE );
    ok( ret == WAIT_OBJECT_0, "ret %lu\n", ret );
    PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
    /* too many handles */
    SetLastError( 0xdeadbeef );
    ret = MsgWaitForMultipleObjectsEx( MAXIMUM_WAIT_OBJECTS, &event, 0, QS_ALLINPUT, 0 );
    ok( ret == WAIT_FAILED && GetLastError() == ERROR_INVALID_PARAMETER, "ret %lu error %lu\n", ret, GetLastError() );

    /* GetMessage sleeps until another thread posts */
    p.delay = 50;
    thread = CreateThread( NULL, 0, poster_thread, &p, 0, NULL );
    ok( GetMessageA( &msg, 0, 0, 0 ) > 0 && msg.message == WM_USER + 5, "got %x\n", msg.message );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );

    /* WaitMessage returns once something new arrives */
    thread = CreateThread( NULL, 0, poster_thread, &p, 0, NULL );
    ok( WaitMessage(), "WaitMessage failed\n" );
    ok( PeekMessageA( &msg, 0, 0, 0, PM_REMOVE ) && msg.message == WM_USER + 5, "no message after WaitMessage\n" );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    CloseHandle( event );
}

static int apc_calls;
static void CALLBACK apc_proc( ULONG_PTR arg )
{
    apc_calls++;
}

static void test_alertable_wait( void )
{
    DWORD ret;

    pump_messages();
    QueueUserAPC( apc_proc, GetCurrentThread(), 0 );
    /* MSDN MsgWaitForMultipleObjectsEx: MWMO_ALERTABLE returns WAIT_IO_COMPLETION for an APC */
    ret = MsgWaitForMultipleObjectsEx( 0, NULL, 1000, QS_ALLINPUT, MWMO_ALERTABLE );
    ok( ret == WAIT_IO_COMPLETION, "ret %#lx\n", ret );
    ok( apc_calls == 1, "APC ran %d times\n", apc_calls );
}

static DWORD proc_time, proc_pos;
static LPARAM proc_extra;
static LRESULT WINAPI info_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER)
    {
        proc_time = GetMessageTime();
        proc_pos = GetMessagePos();
        proc_extra = GetMessageExtraInfo();
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void test_message_info( void )
{
    HWND hwnd;
    MSG msg;
    LPARAM old;

    register_test_class( "QueueTestInfo", info_proc );
    hwnd = CreateWindowExA( 0, "QueueTestInfo", NULL, WS_POPUP, 0, 0, 10, 10, 0, 0, 0, NULL );
    pump_messages();
    PostMessageA( hwnd, WM_USER, 0, 0 );
    ok( GetMessageA( &msg, hwnd, WM_USER, WM_USER ) > 0, "no message\n" );
    /* MSDN: DispatchMessage passes neither time nor position; the procedure asks for them */
    DispatchMessageA( &msg );
    ok( proc_time == msg.time, "GetMessageTime %lu, message time %lu\n", proc_time, msg.time );
    ok( proc_pos == (DWORD)MAKELONG( msg.pt.x, msg.pt.y ), "GetMessagePos %#lx\n", proc_pos );
    old = SetMessageExtraInfo( 0x1234 );
    ok( GetMessageExtraInfo() == 0x1234, "extra info %#Ix\n", GetMessageExtraInfo() );
    SetMessageExtraInfo( old );
    DestroyWindow( hwnd );
    UnregisterClassA( "QueueTestInfo", NULL );
}

/* Cross-thread SendMessage: the receiver runs the procedure only while it retrieves messages;
 * a sender blocked on it still processes what is sent to itself. */
static HWND main_hwnd;
static DWORD main_tid;
static LRESULT WINAPI xthread_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER + 10)
    {
        DWORD flags = InSendMessageEx( NULL );
        ok( GetCurrentThreadId() == main_tid, "procedure ran in thread %04lx\n", GetCurrentThreadId() );
        if (wp == 1)
        {
            /* MSDN: InSendMessage is for SendMessage; SendNotifyMessage gives ISMEX_NOTIFY */
            ok( flags == ISMEX_NOTIFY, "flags %#lx\n", flags );
            todo_if( is_builtin_user32() ) ok( !InSendMessage(), "InSendMessage TRUE for a notification\n" );
        }
        else
        {
            ok( flags == ISMEX_SEND, "flags %#lx\n", flags );
            ok( InSendMessage(), "InSendMessage FALSE\n" );
        }
        return wp * 2;
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static DWORD WINAPI sender_thread( void *arg )
{
    LRESULT res;
    DWORD_PTR result = 0;

    res = SendMessageA( main_hwnd, WM_USER + 10, 21, 0 );
    ok( res == 42, "SendMessage result %Id\n", res );
    ok( SendMessageTimeoutA( main_hwnd, WM_USER + 10, 5, 0, SMTO_NORMAL, 5000, &result ), "timeout\n" );
    ok( result == 10, "result %Iu\n", result );
    ok( SendNotifyMessageA( main_hwnd, WM_USER + 10, 1, 0 ), "SendNotifyMessage failed\n" );
    PostMessageA( main_hwnd, WM_USER + 11, 0, 0 );
    return 0;
}

static void test_cross_thread_send( void )
{
    HANDLE thread;
    MSG msg;

    register_test_class( "QueueTestXThread", xthread_proc );
    main_tid = GetCurrentThreadId();
    main_hwnd = CreateWindowExA( 0, "QueueTestXThread", NULL, WS_POPUP, 0, 0, 10, 10, 0, 0, 0, NULL );
    ok( !InSendMessage(), "InSendMessage TRUE\n" );
    thread = CreateThread( NULL, 0, sender_thread, NULL, 0, NULL );
    while (GetMessageA( &msg, 0, 0, 0 ) > 0)
    {
        if (msg.message == WM_USER + 11) break;
        DispatchMessageA( &msg );
    }
    ok( msg.message == WM_USER + 11, "loop ended with %x\n", msg.message );
    ok( !WaitForSingleObject( thread, 5000 ), "sender stuck\n" );
    CloseHandle( thread );
    DestroyWindow( main_hwnd );
    UnregisterClassA( "QueueTestXThread", NULL );
}

/* SendMessageCallback and ReplyMessage across threads */
static HWND cb_other_hwnd;
static int cb_calls;
static LRESULT cb_result;
static ULONG_PTR cb_data;
static BOOL reply_ret, reply_after;

static void CALLBACK send_callback( HWND hwnd, UINT msg, ULONG_PTR data, LRESULT result )
{
    cb_calls++;
    cb_result = result;
    cb_data = data;
    ok( GetCurrentThreadId() == main_tid, "callback in thread %04lx\n", GetCurrentThreadId() );
}

static LRESULT WINAPI cb_other_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER + 40) return 99;
    if (msg == WM_USER + 41)
    {
        /* MSDN ReplyMessage: the sender continues at once; TRUE inside a message sent from
         * another thread */
        reply_ret = ReplyMessage( 55 );
        reply_after = (InSendMessageEx( NULL ) & ISMEX_REPLIED) != 0;
        return 66;
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static DWORD WINAPI cb_thread( void *arg )
{
    MSG msg;
    cb_other_hwnd = CreateWindowExA( 0, "QueueTestCallbackOther", NULL, WS_POPUP, 0, 0, 1, 1, 0, 0, 0, NULL );
    SetEvent( arg );
    while (GetMessageA( &msg, 0, 0, 0 ) > 0) DispatchMessageA( &msg );
    DestroyWindow( cb_other_hwnd );
    return 0;
}

static void test_callback_and_reply( void )
{
    HANDLE ready = CreateEventA( NULL, FALSE, FALSE, NULL ), thread;
    DWORD tid, start;
    MSG msg;

    register_test_class( "QueueTestCallbackOther", cb_other_proc );
    main_tid = GetCurrentThreadId();
    thread = CreateThread( NULL, 0, cb_thread, ready, 0, &tid );
    WaitForSingleObject( ready, INFINITE );

    ok( SendMessageCallbackA( cb_other_hwnd, WM_USER + 40, 0, 0, send_callback, 0x1234 ), "failed: %lu\n", GetLastError() );
    /* MSDN SendMessageCallback: the callback runs when this thread next retrieves messages */
    Sleep( 100 );
    ok( cb_calls == 0, "callback ran before any retrieval\n" );
    start = GetTickCount();
    while (!cb_calls && GetTickCount() - start < 2000)
    {
        PeekMessageA( &msg, 0, 0, 0, PM_REMOVE );
        MsgWaitForMultipleObjects( 0, NULL, FALSE, 20, QS_ALLINPUT );
    }
    ok( cb_calls == 1 && cb_result == 99 && cb_data == 0x1234, "calls %d result %Id data %#Ix\n", cb_calls, cb_result, cb_data );

    ok( SendMessageA( cb_other_hwnd, WM_USER + 41, 0, 0 ) == 55, "ReplyMessage's result not returned\n" );
    Sleep( 50 );
    ok( reply_ret, "ReplyMessage returned FALSE\n" );
    ok( reply_after, "ISMEX_REPLIED not set after ReplyMessage\n" );
    ok( !ReplyMessage( 1 ), "ReplyMessage TRUE outside a sent message\n" );

    PostThreadMessageA( tid, WM_QUIT, 0, 0 );
    WaitForSingleObject( thread, 5000 );
    CloseHandle( thread );
    CloseHandle( ready );
}

/* SMTO_BLOCK: the sender does not process messages sent to it while it waits, so a send back
 * to it from the receiver times out instead of running (MSDN SendMessageTimeout). */
static HWND block_main_hwnd, block_other_hwnd;
static BOOL block_nested_ran, block_nested_timed_out;

static LRESULT WINAPI block_main_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER + 30)
    {
        block_nested_ran = TRUE;
        return 1;
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static LRESULT WINAPI block_other_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER + 31)
    {
        DWORD_PTR res;
        if (!SendMessageTimeoutA( block_main_hwnd, WM_USER + 30, 0, 0, SMTO_NORMAL, 200, &res ))
            block_nested_timed_out = GetLastError() == ERROR_TIMEOUT;
        return 7;
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static DWORD WINAPI block_thread( void *arg )
{
    MSG msg;
    block_other_hwnd = CreateWindowExA( 0, "QueueTestBlockOther", NULL, WS_POPUP, 0, 0, 1, 1, 0, 0, 0, NULL );
    SetEvent( arg );
    while (GetMessageA( &msg, 0, 0, 0 ) > 0) DispatchMessageA( &msg );
    DestroyWindow( block_other_hwnd );
    return 0;
}

static void test_smto_block( void )
{
    HANDLE ready = CreateEventA( NULL, FALSE, FALSE, NULL ), thread;
    DWORD_PTR res = 0;
    DWORD tid;

    register_test_class( "QueueTestBlockMain", block_main_proc );
    register_test_class( "QueueTestBlockOther", block_other_proc );
    block_main_hwnd = CreateWindowExA( 0, "QueueTestBlockMain", NULL, WS_POPUP, 0, 0, 1, 1, 0, 0, 0, NULL );
    thread = CreateThread( NULL, 0, block_thread, ready, 0, &tid );
    WaitForSingleObject( ready, INFINITE );

    ok( SendMessageTimeoutA( block_other_hwnd, WM_USER + 31, 0, 0, SMTO_BLOCK, 5000, &res ), "send failed: %lu\n",
        GetLastError() );
    ok( res == 7, "result %Iu\n", res );
    ok( !block_nested_ran, "the blocked sender ran a message sent to it\n" );
    ok( block_nested_timed_out, "the nested send did not time out\n" );

    /* without SMTO_BLOCK the nested send runs while we wait */
    block_nested_ran = block_nested_timed_out = FALSE;
    ok( SendMessageTimeoutA( block_other_hwnd, WM_USER + 31, 0, 0, SMTO_NORMAL, 5000, &res ), "send failed\n" );
    ok( block_nested_ran && !block_nested_timed_out, "ran %d timed out %d\n", block_nested_ran, block_nested_timed_out );

    PostThreadMessageA( tid, WM_QUIT, 0, 0 );
    WaitForSingleObject( thread, 5000 );
    CloseHandle( thread );
    CloseHandle( ready );
    DestroyWindow( block_main_hwnd );
}

/* Threads that make a queue, a window, a timer, a hook and a pending post, get a message sent
 * and exit: after 10,000 rounds nothing they left behind stays allocated (issue 5). Counted two
 * ways: our user32's live objects (include/usermm/objcount.h: queues, windows, sent-message
 * records, thread states, hooks - exact), and the process heap's busy blocks (anything else,
 * within a margin for caches of Wine's own). */
static LRESULT WINAPI leak_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER + 60) return 60;
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static LRESULT CALLBACK leak_hook( int code, WPARAM wp, LPARAM lp )
{
    return CallNextHookEx( NULL, code, wp, lp );
}

struct leak_round
{
    HANDLE ready, go;
    HWND hwnd;
};

static DWORD WINAPI leak_thread( void *arg )
{
    struct leak_round *round = arg;
    MSG msg;

    round->hwnd = CreateWindowExA( 0, "QueueTestLeak", NULL, WS_POPUP, 0, 0, 1, 1, 0, 0, 0, NULL );
    SetTimer( round->hwnd, 1, 1000, NULL );
    SetWindowsHookExA( WH_CALLWNDPROC, leak_hook, NULL, GetCurrentThreadId() ); /* left set */
    PostMessageA( round->hwnd, WM_USER, 0, 0 ); /* left in the queue at exit */
    SetEvent( round->ready );
    while (MsgWaitForMultipleObjects( 1, &round->go, FALSE, INFINITE, QS_ALLINPUT ) != WAIT_OBJECT_0)
        while (PeekMessageA( &msg, 0, WM_USER + 60, WM_USER + 60, PM_REMOVE )) DispatchMessageA( &msg );
    return 0;
}

static SIZE_T count_heap_blocks( void )
{
    PROCESS_HEAP_ENTRY entry = { 0 };
    SIZE_T count = 0;

    HeapLock( GetProcessHeap() );
    while (HeapWalk( GetProcessHeap(), &entry ))
        if (entry.wFlags & PROCESS_HEAP_ENTRY_BUSY) count++;
    HeapUnlock( GetProcessHeap() );
    return count;
}

#define LEAK_WARMUP 100

static void test_thread_leaks( void )
{
    struct usermm_object_counts *counts = usermm_open_object_counts(), counts_before = { 0 };
    struct leak_round round;
    SIZE_T before = 0, after;
    HANDLE thread;
    UINT i;
    /* Wine's builtin user32 needs about 25 times longer per round (a server round trip per
     * call): it gets 500 rounds, to stay well inside the unit's time limit */
    const UINT LEAK_ROUNDS = is_builtin_user32() ? 500 : 10000;

    register_test_class( "QueueTestLeak", leak_proc );
    round.ready = CreateEventA( NULL, FALSE, FALSE, NULL );
    round.go = CreateEventA( NULL, FALSE, FALSE, NULL );
    for (i = 0; i < LEAK_WARMUP + LEAK_ROUNDS; i++)
    {
        if (i == LEAK_WARMUP) /* after the first rounds warmed caches up */
        {
            before = count_heap_blocks();
            if (counts) counts_before = *counts;
        }
        thread = CreateThread( NULL, 0, leak_thread, &round, 0, NULL );
        WaitForSingleObject( round.ready, INFINITE );
        if (SendMessageA( round.hwnd, WM_USER + 60, 0, 0 ) != 60) break;
        SetEvent( round.go );
        WaitForSingleObject( thread, INFINITE );
        CloseHandle( thread );
        if (IsWindow( round.hwnd )) break;
    }
    after = count_heap_blocks();
    ok( i == LEAK_WARMUP + LEAK_ROUNDS, "round %u failed (window left alive or send failed)\n", i );
    trace( "%Iu heap blocks before, %Iu after %u thread rounds\n", before, after, LEAK_ROUNDS );
    ok( after <= before + 50, "%Iu heap blocks before, %Iu after %u thread rounds\n", before, after, LEAK_ROUNDS );
    if (counts)
    {
        ok( counts->queues == counts_before.queues, "queues: %ld before, %ld after\n", counts_before.queues,
            counts->queues );
        ok( counts->windows == counts_before.windows, "windows: %ld before, %ld after\n", counts_before.windows,
            counts->windows );
        ok( counts->sent_messages == counts_before.sent_messages, "sent messages: %ld before, %ld after\n",
            counts_before.sent_messages, counts->sent_messages );
        ok( counts->thread_states == counts_before.thread_states, "thread states: %ld before, %ld after\n",
            counts_before.thread_states, counts->thread_states );
        ok( counts->hooks == counts_before.hooks, "hooks: %ld before, %ld after\n", counts_before.hooks,
            counts->hooks );
        /* this thread's queue and window, at least, are alive: the counts are real */
        ok( counts->queues >= 1 && counts->thread_states >= 1, "queues %ld thread states %ld\n", counts->queues,
            counts->thread_states );
    }
    else skip( "no object counts (not our user32)\n" );
    CloseHandle( round.ready );
    CloseHandle( round.go );
}

/* Several threads post and send to one window at once: nothing lost, nothing duplicated, the
 * posts of each sender in order (a small version of the issue-5 stress). */
#define STRESS_THREADS 4
#define STRESS_ROUNDS  2000
static HWND stress_hwnd;
static LONG stress_next[STRESS_THREADS], stress_sent[STRESS_THREADS], stress_bad, stress_done;

static LRESULT WINAPI stress_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == WM_USER + 20 && wp < STRESS_THREADS)
    {
        if (lp != stress_next[wp]) stress_bad++;
        stress_next[wp] = lp + 1;
        return 0;
    }
    if (msg == WM_USER + 21 && wp < STRESS_THREADS)
    {
        stress_sent[wp]++;
        return lp + 1;
    }
    if (msg == WM_USER + 22)
    {
        stress_done++;
        return 0;
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static DWORD WINAPI stress_thread( void *arg )
{
    UINT index = (UINT)(ULONG_PTR)arg, i;
    LONG wrong = 0;

    for (i = 0; i < STRESS_ROUNDS; i++)
    {
        while (!PostMessageA( stress_hwnd, WM_USER + 20, index, i )) Sleep( 1 );
        if (!(i % 4) && SendMessageA( stress_hwnd, WM_USER + 21, index, i ) != i + 1) wrong++;
    }
    PostMessageA( stress_hwnd, WM_USER + 22, index, 0 );
    return wrong;
}

static void test_stress( void )
{
    HANDLE threads[STRESS_THREADS];
    DWORD code;
    MSG msg;
    UINT i;

    register_test_class( "QueueTestStress", stress_proc );
    stress_hwnd = CreateWindowExA( 0, "QueueTestStress", NULL, WS_POPUP, 0, 0, 10, 10, 0, 0, 0, NULL );
    for (i = 0; i < STRESS_THREADS; i++)
        threads[i] = CreateThread( NULL, 0, stress_thread, (void *)(ULONG_PTR)i, 0, NULL );
    while (stress_done < STRESS_THREADS && GetMessageA( &msg, 0, 0, 0 ) > 0) DispatchMessageA( &msg );
    for (i = 0; i < STRESS_THREADS; i++)
    {
        ok( !WaitForSingleObject( threads[i], 10000 ), "thread %u stuck\n", i );
        GetExitCodeThread( threads[i], &code );
        ok( code == 0, "thread %u: %lu wrong SendMessage results\n", i, code );
        ok( stress_next[i] == STRESS_ROUNDS, "thread %u: %ld of %d posts\n", i, stress_next[i], STRESS_ROUNDS );
        ok( stress_sent[i] == STRESS_ROUNDS / 4, "thread %u: %ld of %d sends\n", i, stress_sent[i], STRESS_ROUNDS / 4 );
        CloseHandle( threads[i] );
    }
    ok( !stress_bad, "%ld posts out of order\n", stress_bad );
    DestroyWindow( stress_hwnd );
}

START_TEST(queue)
{
    MSG msg;
    PeekMessageA( &msg, 0, 0, 0, PM_NOREMOVE );
    test_thread_without_queue();
    test_cross_thread_post();
    test_quota();
    test_queue_status();
    test_waiting();
    test_alertable_wait();
    test_message_info();
    test_cross_thread_send();
    test_smto_block();
    test_callback_and_reply();
    test_stress();
    test_thread_leaks();
}
