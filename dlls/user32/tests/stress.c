/*
 * Stress (issue 5, item 6): 8 threads, each with a window, post and send to one another's
 * windows at the same time. Every message carries its sender and a per-(sender, receiver)
 * sequence number, so the receiver sees at once a lost, duplicated or reordered post; sends are
 * counted and their results checked. Nothing here is timed.
 *
 * USERMM_STRESS_COUNT sets how many messages each thread sends (default 20,000 for make check;
 * `make stress` runs 1,000,000). Each thread starts with a burst of posts (2,000 to each of the
 * others) without looking at its own queue, so queues fill past the 10,000-message quota; a
 * post that meets the quota is retried after the sender has processed what was sent to it, as
 * MSDN tells callers to do. How often that happened is traced, not checked (it depends on the
 * scheduling).
 */
#include "user32test.h"
#include <stdlib.h>

#define STRESS_THREADS 8
#define MSG_POST (WM_APP + 1) /* wParam: sender index; lParam: sequence number of this pair */
#define MSG_SEND (WM_APP + 2) /* wParam: sender index; lParam: a value to return plus one */
#define MSG_DONE (WM_APP + 3) /* wParam: sender index: it has sent everything */
#define BURST    (2000 * (STRESS_THREADS - 1)) /* posts first, without pumping */

static UINT stress_count = 20000;
static HWND windows[STRESS_THREADS];
static HANDLE all_ready, start;
static LONG ready_count;

/* Per receiver; written only by the receiving thread. */
struct receiver_state
{
    LONG next_post[STRESS_THREADS]; /* the sequence number expected next from each sender */
    LONG sends[STRESS_THREADS];     /* sends received from each sender */
    LONG bad_posts;                 /* out of order, lost or duplicated */
    LONG done;                      /* senders that said MSG_DONE */
};

/* Per sender; written only by the sending thread. */
struct sender_state
{
    LONG posts[STRESS_THREADS];     /* posted to each receiver */
    LONG sends[STRESS_THREADS];     /* sent to each receiver */
    LONG bad_results;
    LONG quota_retries;
};

static struct receiver_state receivers[STRESS_THREADS];
static struct sender_state senders[STRESS_THREADS];

static UINT index_of( HWND hwnd )
{
    UINT i;
    for (i = 0; i < STRESS_THREADS; i++) if (windows[i] == hwnd) return i;
    return ~0u;
}

static LRESULT WINAPI stress_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    struct receiver_state *r;
    UINT self = index_of( hwnd );

    if (self >= STRESS_THREADS || wp >= STRESS_THREADS) return DefWindowProcA( hwnd, msg, wp, lp );
    r = &receivers[self];
    switch (msg)
    {
    case MSG_POST:
        if (lp != r->next_post[wp]) r->bad_posts++;
        r->next_post[wp] = lp + 1;
        return 0;
    case MSG_SEND:
        r->sends[wp]++;
        return lp + 1;
    case MSG_DONE:
        r->done++;
        return 0;
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

/* Posts, retrying while the receiver's queue is full; processes our own queue meanwhile, or
 * two threads posting to each other's full queues would wait for each other forever. */
static BOOL post_retry( struct sender_state *s, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    while (!PostMessageA( hwnd, msg, wp, lp ))
    {
        if (GetLastError() != ERROR_NOT_ENOUGH_QUOTA) return FALSE;
        s->quota_retries++;
        pump_messages();
        Sleep( 0 );
    }
    return TRUE;
}

static DWORD WINAPI stress_thread( void *arg )
{
    UINT self = (UINT)(ULONG_PTR)arg, i, to;
    struct sender_state *s = &senders[self];
    LRESULT res;
    MSG msg;

    windows[self] = CreateWindowExA( 0, "UserStress", NULL, WS_POPUP, 0, 0, 1, 1, 0, 0, 0, NULL );
    if (InterlockedIncrement( &ready_count ) == STRESS_THREADS) SetEvent( all_ready );
    WaitForSingleObject( start, INFINITE );

    for (i = 0; i < stress_count; i++)
    {
        /* every other thread in turn; one message in four is a send */
        to = (self + 1 + i % (STRESS_THREADS - 1)) % STRESS_THREADS;
        if (i >= BURST && i % 4 == 3)
        {
            res = SendMessageA( windows[to], MSG_SEND, self, i );
            if (res != (LRESULT)i + 1) s->bad_results++;
            s->sends[to]++;
        }
        else
        {
            if (!post_retry( s, windows[to], MSG_POST, self, s->posts[to] )) break;
            s->posts[to]++;
        }
        /* a receiver that only sends would never read its posts: look now and then */
        if (i >= BURST && i % 64 == 0) pump_messages();
    }
    for (to = 0; to < STRESS_THREADS; to++)
        if (to != self) post_retry( s, windows[to], MSG_DONE, self, 0 );
    /* posts from one sender arrive in order, so MSG_DONE comes after all of its posts */
    while (receivers[self].done < STRESS_THREADS - 1 && GetMessageA( &msg, 0, 0, 0 ) > 0)
        DispatchMessageA( &msg );
    return i;
}

START_TEST(stress)
{
    HANDLE threads[STRESS_THREADS];
    LONG total_posts = 0, total_sends = 0, retries = 0;
    char buf[32];
    DWORD code, start_tick;
    UINT i, j;

    if (GetEnvironmentVariableA( "USERMM_STRESS_COUNT", buf, sizeof(buf) ) && atoi( buf ) > 0)
        stress_count = atoi( buf );
    register_test_class( "UserStress", stress_proc );
    all_ready = CreateEventA( NULL, TRUE, FALSE, NULL );
    start = CreateEventA( NULL, TRUE, FALSE, NULL );
    for (i = 0; i < STRESS_THREADS; i++)
        threads[i] = CreateThread( NULL, 0, stress_thread, (void *)(ULONG_PTR)i, 0, NULL );
    WaitForSingleObject( all_ready, INFINITE );
    start_tick = GetTickCount();
    SetEvent( start );

    for (i = 0; i < STRESS_THREADS; i++)
    {
        ok( !WaitForSingleObject( threads[i], INFINITE ), "thread %u did not end\n", i );
        GetExitCodeThread( threads[i], &code );
        ok( code == stress_count, "thread %u stopped after %lu of %u messages\n", i, code, stress_count );
        CloseHandle( threads[i] );
    }
    for (i = 0; i < STRESS_THREADS; i++)
    {
        winetest_push_context( "receiver %u", i );
        ok( !receivers[i].bad_posts, "%ld posts lost, duplicated or out of order\n", receivers[i].bad_posts );
        ok( receivers[i].done == STRESS_THREADS - 1, "%ld senders finished\n", receivers[i].done );
        for (j = 0; j < STRESS_THREADS; j++)
        {
            if (receivers[i].next_post[j] != senders[j].posts[i])
                ok( 0, "%ld of %ld posts from thread %u\n", receivers[i].next_post[j], senders[j].posts[i], j );
            if (receivers[i].sends[j] != senders[j].sends[i])
                ok( 0, "%ld of %ld sends from thread %u\n", receivers[i].sends[j], senders[j].sends[i], j );
            total_posts += receivers[i].next_post[j];
            total_sends += receivers[i].sends[j];
        }
        ok( !senders[i].bad_results, "%ld wrong SendMessage results\n", senders[i].bad_results );
        retries += senders[i].quota_retries;
        winetest_pop_context();
    }
    ok( total_posts + total_sends == STRESS_THREADS * stress_count, "%ld posts and %ld sends of %u\n",
        total_posts, total_sends, STRESS_THREADS * stress_count );
    /* a figure for the report, not a check */
    trace( "%u threads x %u messages: %ld posts, %ld sends, %ld quota retries, %lu ms\n", STRESS_THREADS,
           stress_count, total_posts, total_sends, retries, GetTickCount() - start_tick );
    CloseHandle( all_ready );
    CloseHandle( start );
}
