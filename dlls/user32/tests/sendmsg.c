/*
 * Messages sent across threads (issue 5): nested sends and A->B->A chains with message-sequence
 * tables, receivers that exit or destroy the window while senders wait, senders that go away
 * while their message waits, what becomes of a message whose SendMessageTimeout expired, and
 * the SMTO_* flags.
 */
#include "user32test.h"
#include "usermm/msgseq.h"
#include "usermm/objcount.h"

#define MSG_CHAIN    (WM_APP + 1) /* wParam: depth still to go */
#define MSG_RETURNED (WM_APP + 2) /* recorded when MSG_CHAIN returns; wParam: its depth */
#define MSG_PLAIN    (WM_APP + 3)
#define MSG_LATE     (WM_APP + 4)
#define MSG_FLAGS    (WM_APP + 5) /* returns InSendMessageEx(NULL); sleeps lParam ms first */

static HWND hwnd_a, hwnd_b; /* hwnd_a: the main thread's; hwnd_b: the other thread's */
static DWORD tid_a;

/* Records every MSG_* message; MSG_CHAIN with a depth left sends the next one to the window of
 * the other thread, so the chain goes A -> B -> A -> B ... */
static LRESULT WINAPI record_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    struct message m = { msg, sent | wparam | lparam, wp, hwnd == hwnd_a ? 'A' : 'B' };
    LRESULT ret;

    switch (msg)
    {
    case MSG_CHAIN:
        add_message( &m );
        ok( (GetCurrentThreadId() == tid_a) == (hwnd == hwnd_a), "procedure of %c in the wrong thread\n",
            (int)m.lParam );
        ok( InSendMessage(), "InSendMessage FALSE at depth %Iu\n", wp );
        ret = wp ? SendMessageA( hwnd == hwnd_a ? hwnd_b : hwnd_a, MSG_CHAIN, wp - 1, 0 ) + 1 : 1;
        /* after a nested send returns, this one is still the message being processed */
        ok( InSendMessage(), "InSendMessage FALSE after the nested send at depth %Iu\n", wp );
        m.message = MSG_RETURNED;
        add_message( &m );
        return ret;
    case MSG_PLAIN:
    case MSG_LATE:
        add_message( &m );
        return lp + 1;
    case MSG_FLAGS:
        add_message( &m );
        if (lp) Sleep( lp );
        return InSendMessageEx( NULL );
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void register_classes( void )
{
    register_test_class( "SendMsgRecord", record_proc );
}

/* ---- the other thread ------------------------------------------------------------------ */

enum b_mode
{
    B_PUMP,            /* GetMessage loop until WM_QUIT */
    B_EXIT_WHEN_SENT,  /* wait (not retrieving) until a message is sent to it, then exit */
    B_DESTROY_WHEN_SENT, /* likewise, then DestroyWindow and a plain wait for b.release */
    B_PUMP_WHEN_RELEASED, /* a plain wait for b.release, then pump until WM_QUIT */
    B_WAITMESSAGE,     /* one WaitMessage, then a plain wait for b.release, then pump */
    B_MSGWAIT,         /* one MsgWaitForMultipleObjects(QS_SENDMESSAGE), likewise */
};

static struct
{
    enum b_mode mode;
    HANDLE ready, release;
    DWORD tid;
    BOOL release_timed_out;
} b;

/* Waits, without retrieving anything, until a message sent from another thread is queued. */
static void wait_for_sent_message( void )
{
    while (!(HIWORD( GetQueueStatus( QS_SENDMESSAGE ) ) & QS_SENDMESSAGE)) Sleep( 1 );
}

static DWORD WINAPI b_thread( void *arg )
{
    MSG msg;

    hwnd_b = CreateWindowExA( 0, "SendMsgRecord", "B", WS_POPUP, 0, 0, 1, 1, 0, 0, 0, NULL );
    SetEvent( b.ready );
    switch (b.mode)
    {
    case B_PUMP:
        break;
    case B_EXIT_WHEN_SENT:
        wait_for_sent_message();
        return 0; /* the window goes with the thread */
    case B_DESTROY_WHEN_SENT:
        wait_for_sent_message();
        DestroyWindow( hwnd_b );
        /* a plain wait runs no sent message: only DestroyWindow can release the sender. The
         * timeout keeps a receiver that does not release it from hanging the test. */
        b.release_timed_out = WaitForSingleObject( b.release, 15000 ) == WAIT_TIMEOUT;
        break;
    case B_PUMP_WHEN_RELEASED:
        WaitForSingleObject( b.release, INFINITE );
        break;
    case B_WAITMESSAGE:
        WaitMessage();
        WaitForSingleObject( b.release, INFINITE );
        break;
    case B_MSGWAIT:
        MsgWaitForMultipleObjects( 0, NULL, FALSE, INFINITE, QS_SENDMESSAGE );
        WaitForSingleObject( b.release, INFINITE );
        break;
    }
    while (GetMessageA( &msg, 0, 0, 0 ) > 0) DispatchMessageA( &msg );
    DestroyWindow( hwnd_b );
    return 0;
}

static HANDLE start_b( enum b_mode mode )
{
    HANDLE thread;

    b.mode = mode;
    b.release_timed_out = FALSE;
    ResetEvent( b.release );
    thread = CreateThread( NULL, 0, b_thread, NULL, 0, &b.tid );
    WaitForSingleObject( b.ready, INFINITE );
    return thread;
}

static void stop_b( HANDLE thread )
{
    PostThreadMessageA( b.tid, WM_QUIT, 0, 0 );
    ok( !WaitForSingleObject( thread, 30000 ), "thread B did not end\n" );
    CloseHandle( thread );
}

/* ---- nested sends ---------------------------------------------------------------------- */

/* A -> B -> A -> B -> A: each thread runs the message sent to it while it waits for its own
 * send, and the sends return innermost first (MSDN SendMessage: "the sending thread is
 * blocked ... but it can process messages sent to it"). */
static const struct message chain_seq[] =
{
    { MSG_CHAIN, sent|wparam|lparam, 3, 'B' },
    { MSG_CHAIN, sent|wparam|lparam, 2, 'A' },
    { MSG_CHAIN, sent|wparam|lparam, 1, 'B' },
    { MSG_CHAIN, sent|wparam|lparam, 0, 'A' },
    { MSG_RETURNED, sent|wparam|lparam, 0, 'A' },
    { MSG_RETURNED, sent|wparam|lparam, 1, 'B' },
    { MSG_RETURNED, sent|wparam|lparam, 2, 'A' },
    { MSG_RETURNED, sent|wparam|lparam, 3, 'B' },
    { 0 }
};

static void test_nested_chain( void )
{
    HANDLE thread = start_b( B_PUMP );
    LRESULT res;

    flush_sequence();
    res = SendMessageA( hwnd_b, MSG_CHAIN, 3, 0 );
    ok( res == 4, "chain result %Id\n", res );
    ok_sequence( chain_seq, "A->B->A->B->A", FALSE );
    ok( !InSendMessage(), "InSendMessage TRUE after the chain\n" );
    stop_b( thread );
}

/* Two threads that send to each other at the same moment: each runs the other's message while
 * waiting for its own reply, so neither deadlocks. */
struct crossing
{
    HANDLE go;
    LRESULT result;
};

static DWORD WINAPI crossing_thread( void *arg )
{
    struct crossing *c = arg;
    WaitForSingleObject( c->go, INFINITE );
    c->result = SendMessageA( hwnd_a, MSG_PLAIN, 1, 10 );
    return 0;
}

static void test_crossing_sends( void )
{
    HANDLE thread = start_b( B_PUMP ), sender;
    struct crossing c = { CreateEventA( NULL, FALSE, FALSE, NULL ), 0 };
    LRESULT res;
    UINT i;

    for (i = 0; i < 200; i++)
    {
        sender = CreateThread( NULL, 0, crossing_thread, &c, 0, NULL );
        SetEvent( c.go );
        res = SendMessageA( hwnd_b, MSG_PLAIN, 2, 20 );
        /* our send may return before the other thread's message reached us: take it now */
        while (MsgWaitForMultipleObjects( 1, &sender, FALSE, INFINITE, QS_SENDMESSAGE ) != WAIT_OBJECT_0)
            pump_messages();
        CloseHandle( sender );
        if (res != 21 || c.result != 11) break;
    }
    ok( i == 200, "round %u: results %Id and %Id\n", i, res, c.result );
    flush_sequence();
    CloseHandle( c.go );
    stop_b( thread );
}

/* InSendMessageEx tells how the message being processed was sent (MSDN: ISMEX_NOSEND,
 * ISMEX_SEND, ISMEX_NOTIFY, ISMEX_CALLBACK); SendNotifyMessage and SendMessageTimeout to a
 * window of the calling thread are direct calls (the timeout is ignored: MSDN). */
static LRESULT callback_result = -1;
static void CALLBACK flags_callback( HWND hwnd, UINT msg, ULONG_PTR data, LRESULT result )
{
    callback_result = result;
}

static const struct message same_thread_seq[] =
{
    { MSG_FLAGS, sent|wparam|lparam, 1, 'A' },
    { MSG_FLAGS, sent|wparam|lparam, 2, 'A' },
    { MSG_FLAGS, sent|wparam|lparam, 3, 'A' },
    { 0 }
};

static void test_send_kinds( void )
{
    HANDLE thread = start_b( B_PUMP );
    DWORD_PTR result = 0xdeadbeef;
    DWORD start;

    ok( SendMessageA( hwnd_b, MSG_FLAGS, 0, 0 ) == ISMEX_SEND, "SendMessage: flags not ISMEX_SEND\n" );
    ok( SendMessageTimeoutA( hwnd_b, MSG_FLAGS, 0, 0, SMTO_NORMAL, 30000, &result ) && result == ISMEX_SEND,
        "SendMessageTimeout: flags %#Ix\n", result );
    ok( SendMessageCallbackA( hwnd_b, MSG_FLAGS, 0, 0, flags_callback, 0 ), "SendMessageCallback failed\n" );
    start = GetTickCount();
    while (callback_result == -1 && GetTickCount() - start < 30000)
    {
        pump_messages();
        MsgWaitForMultipleObjects( 0, NULL, FALSE, 20, QS_ALLINPUT );
    }
    ok( callback_result == ISMEX_CALLBACK, "SendMessageCallback: flags %#Ix\n", callback_result );
    flush_sequence();

    /* the same thread: direct calls, ISMEX_NOSEND; SendNotifyMessage has run when it returns;
     * a 1 ms time-out does not cut short a 50 ms procedure */
    ok( SendMessageA( hwnd_a, MSG_FLAGS, 1, 0 ) == ISMEX_NOSEND, "same thread: not ISMEX_NOSEND\n" );
    ok( SendNotifyMessageA( hwnd_a, MSG_FLAGS, 2, 0 ), "SendNotifyMessage failed\n" );
    result = 0xdeadbeef;
    ok( SendMessageTimeoutA( hwnd_a, MSG_FLAGS, 3, 50, SMTO_NORMAL, 1, &result ) && result == ISMEX_NOSEND,
        "same-thread SendMessageTimeout: result %#Ix\n", result );
    ok_sequence( same_thread_seq, "same-thread sends", FALSE );
    stop_b( thread );
}

/* Issue 5 (item 1): the receiver runs a sent message inside GetMessage, PeekMessage,
 * WaitMessage, SendMessage or a MsgWaitForMultipleObjects(Ex) that waits for QS_SENDMESSAGE.
 * A receiver that makes one such wait and then only waits on an event must have answered in
 * that wait. */
static void test_receive_in_waits( void )
{
    static const struct
    {
        enum b_mode mode;
        const char *name;
    } tests[] =
    {
        { B_WAITMESSAGE, "WaitMessage" },
        { B_MSGWAIT, "MsgWaitForMultipleObjects" },
    };
    DWORD_PTR result;
    HANDLE thread;
    LRESULT ret;
    UINT i;

    for (i = 0; i < ARRAY_SIZE(tests); i++)
    {
        thread = start_b( tests[i].mode );
        result = 0;
        /* if the call did not run it, the 15 s run out while B waits for b.release */
        ret = SendMessageTimeoutA( hwnd_b, MSG_PLAIN, 0, 5, SMTO_NORMAL, 15000, &result );
        /* Wine's builtin returns from the wait without running the message */
        todo_if( is_builtin_user32() ) ok( ret && result == 6, "%s: returned %Id result %Iu\n", tests[i].name, ret, result );
        SetEvent( b.release );
        stop_b( thread );
    }
    flush_sequence();
}

/* ---- receivers that go away ------------------------------------------------------------ */

struct send_args
{
    UINT smto;          /* SMTO_* flags, or ~0u for plain SendMessage */
    UINT timeout;
    LRESULT ret;
    DWORD_PTR result;
    DWORD error;
};

static DWORD WINAPI send_thread( void *arg )
{
    struct send_args *args = arg;

    args->result = 0xdeadbeef;
    SetLastError( 0xdeadbeef );
    if (args->smto == ~0u) args->ret = args->result = SendMessageA( hwnd_b, MSG_PLAIN, 0, 41 );
    else args->ret = SendMessageTimeoutA( hwnd_b, MSG_PLAIN, 0, 41, args->smto, args->timeout, &args->result );
    args->error = GetLastError();
    return 0;
}

static void test_receiver_exits( void )
{
    static const struct
    {
        UINT smto;
        LRESULT ret;
        BOOL todo_builtin;
    } tests[] =
    {
        { ~0u, 0 },                 /* SendMessage: 0 */
        /* MSDN SMTO_ERRORONEXIT: "The function should return 0 if the receiving window is
         * destroyed or its owning thread dies while the message is being processed". The flag
         * exists to make that case fail, so without it the send succeeds with result 0 (ours).
         * Wine's builtin fails either way. */
        { SMTO_NORMAL, TRUE, TRUE },
        { SMTO_ERRORONEXIT, FALSE },
    };
    struct send_args args;
    HANDLE thread, sender;
    UINT i;

    for (i = 0; i < ARRAY_SIZE(tests); i++)
    {
        winetest_push_context( "test %u", i );
        memset( &args, 0, sizeof(args) );
        args.smto = tests[i].smto;
        args.timeout = 60000;
        thread = start_b( B_EXIT_WHEN_SENT );
        sender = CreateThread( NULL, 0, send_thread, &args, 0, NULL );
        ok( !WaitForSingleObject( sender, 30000 ), "sender not released\n" );
        ok( !WaitForSingleObject( thread, 30000 ), "receiver did not end\n" );
        todo_if( tests[i].todo_builtin && is_builtin_user32() )
        ok( args.ret == tests[i].ret, "returned %Id\n", args.ret );
        if (args.ret) ok( args.result == 0, "result %Iu\n", args.result );
        CloseHandle( sender );
        CloseHandle( thread );
        winetest_pop_context();
    }
    flush_sequence();
}

/* Sends from a new thread (see send_thread) while thread B destroys the window and then
 * waits, without retrieving messages, until released. */
static void send_while_b_destroys_window( struct send_args *args, UINT smto )
{
    HANDLE thread, sender;

    memset( args, 0, sizeof(*args) );
    args->smto = smto;
    args->timeout = 60000;
    thread = start_b( B_DESTROY_WHEN_SENT );
    sender = CreateThread( NULL, 0, send_thread, args, 0, NULL );
    /* if the sender were not released until the receiver next retrieves messages, that would
     * be after the receiver's 15 s wait */
    ok( !WaitForSingleObject( sender, 60000 ), "sender not released\n" );
    SetEvent( b.release );
    stop_b( thread );
    CloseHandle( sender );
}

/* The receiver destroys the window and then waits without retrieving messages: the sender
 * gets 0 at once, because no procedure can ever run for its message. */
static void test_receiver_destroys_window( void )
{
    struct send_args args;

    send_while_b_destroys_window( &args, ~0u );
    ok( !b.release_timed_out, "the sender waited for the receiver to retrieve messages\n" );
    ok( args.ret == 0 && args.result == 0, "returned %Id result %Iu\n", args.ret, args.result );

    /* MSDN SMTO_ERRORONEXIT: 0 when the receiving window is destroyed, too */
    send_while_b_destroys_window( &args, SMTO_ERRORONEXIT );
    ok( !args.ret, "SMTO_ERRORONEXIT: returned %Id\n", args.ret );

    /* with SMTO_NORMAL the same send succeeds, with result 0 (see test_receiver_exits) */
    send_while_b_destroys_window( &args, SMTO_NORMAL );
    todo_if( is_builtin_user32() ) ok( args.ret && !args.result, "SMTO_NORMAL: returned %Id result %Iu\n", args.ret, args.result );
    flush_sequence();
}

/* ---- senders that go away -------------------------------------------------------------- */

static int late_callbacks;
static void CALLBACK late_callback( HWND hwnd, UINT msg, ULONG_PTR data, LRESULT result )
{
    late_callbacks++;
}

static DWORD WINAPI callback_sender_thread( void *arg )
{
    MSG msg;
    PeekMessageA( &msg, 0, 0, 0, PM_NOREMOVE );
    ok( SendMessageCallbackA( hwnd_b, MSG_LATE, 1, 50, late_callback, 0 ), "failed: %lu\n", GetLastError() );
    ok( SendNotifyMessageA( hwnd_b, MSG_LATE, 2, 60 ), "failed: %lu\n", GetLastError() );
    return 0; /* before either has run */
}

static DWORD WINAPI timeout_sender_thread( void *arg )
{
    DWORD_PTR result = 0xdeadbeef;
    LRESULT ret;

    SetLastError( 0xdeadbeef );
    ret = SendMessageTimeoutA( hwnd_b, MSG_LATE, 3, 70, SMTO_NORMAL, 50, &result );
    ok( !ret, "returned %Id\n", ret );
    /* MSDN: ERROR_TIMEOUT when the time-out period elapses */
    ok( GetLastError() == ERROR_TIMEOUT, "error %lu\n", GetLastError() );
    ok( result == 0xdeadbeef || !result, "result %Iu\n", result );
    return 0;
}

/* A SendMessageCallback / SendNotifyMessage sender that exits before the receiver runs them:
 * the messages still run, the callback (which belongs to the dead thread) does not, nothing
 * is left behind. A SendMessageTimeout that expired before the receiver looked: the message
 * is withdrawn (message.c's send_inter_thread). */
static const struct message late_seq[] =
{
    { MSG_LATE, sent|wparam|lparam, 1, 'B' },
    { MSG_LATE, sent|wparam|lparam, 2, 'B' },
    { MSG_PLAIN, sent|wparam|lparam, 9, 'B' },
    { 0 }
};

static void test_sender_exits( void )
{
    struct usermm_object_counts *counts = usermm_open_object_counts();
    LONG sent_before = counts ? counts->sent_messages : 0;
    HANDLE thread, sender;
    DWORD_PTR res;

    thread = start_b( B_PUMP_WHEN_RELEASED );
    flush_sequence();
    sender = CreateThread( NULL, 0, callback_sender_thread, NULL, 0, NULL );
    ok( !WaitForSingleObject( sender, 30000 ), "sender did not end\n" );
    CloseHandle( sender );
    sender = CreateThread( NULL, 0, timeout_sender_thread, NULL, 0, NULL );
    ok( !WaitForSingleObject( sender, 30000 ), "sender did not end\n" );
    CloseHandle( sender );
    /* MSDN: sent messages run only while the receiver retrieves messages, never in a plain wait */
    ok( !msgseq_state()->count, "%Iu messages ran while the receiver was in a plain wait\n", msgseq_state()->count );
    SetEvent( b.release );
    /* a send from here is processed after everything queued before it */
    ok( SendMessageTimeoutA( hwnd_b, MSG_PLAIN, 9, 0, SMTO_NORMAL, 30000, &res ) && res == 1, "send failed\n" );
    /* The message whose SendMessageTimeout expired before the receiver looked is withdrawn:
     * it never runs (ours and Wine's builtin alike; MSDN says nothing). A message the receiver
     * had already started finishes, and its result is dropped. */
    ok_sequence( late_seq, "late messages", FALSE );
    ok( late_callbacks == 0, "the callback of a dead thread ran %d times\n", late_callbacks );
    stop_b( thread );
    if (counts)
        ok( counts->sent_messages == sent_before, "%ld sent-message records before, %ld after\n", sent_before,
            counts->sent_messages );
    else skip( "no object counts (not our user32)\n" );
}

START_TEST(sendmsg)
{
    MSG msg;

    PeekMessageA( &msg, 0, 0, 0, PM_NOREMOVE );
    tid_a = GetCurrentThreadId();
    register_classes();
    b.ready = CreateEventA( NULL, FALSE, FALSE, NULL );
    b.release = CreateEventA( NULL, TRUE, FALSE, NULL );
    hwnd_a = CreateWindowExA( 0, "SendMsgRecord", "A", WS_POPUP, 0, 0, 1, 1, 0, 0, 0, NULL );

    test_nested_chain();
    test_crossing_sends();
    test_send_kinds();
    test_receive_in_waits();
    test_receiver_exits();
    test_receiver_destroys_window();
    test_sender_exits();

    DestroyWindow( hwnd_a );
    CloseHandle( b.ready );
    CloseHandle( b.release );
}
