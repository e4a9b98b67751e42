/*
 * usermm benchmark: user32 message metrics.
 *
 * Every window here is message-only (HWND_MESSAGE): no display driver work, only the
 * queue and the routing that this benchmark is about.  Ping-pongs report the time of a
 * full round trip (two messages, two wake-ups).
 */
#include <stdio.h>
#include <windows.h>

#include "bench.h"

typedef ATOM (WINAPI *RegisterClassW_t)(const WNDCLASSW *);
typedef HWND (WINAPI *CreateWindowExW_t)(DWORD, LPCWSTR, LPCWSTR, DWORD, int, int, int, int, HWND,
                                         HMENU, HINSTANCE, void *);
typedef BOOL (WINAPI *DestroyWindow_t)(HWND);
typedef LRESULT (WINAPI *SendMessageW_t)(HWND, UINT, WPARAM, LPARAM);
typedef BOOL (WINAPI *PostMessageW_t)(HWND, UINT, WPARAM, LPARAM);
typedef BOOL (WINAPI *PeekMessageW_t)(MSG *, HWND, UINT, UINT, UINT);
typedef BOOL (WINAPI *GetMessageW_t)(MSG *, HWND, UINT, UINT);
typedef LRESULT (WINAPI *DefWindowProcW_t)(HWND, UINT, WPARAM, LPARAM);
typedef UINT (WINAPI *RegisterWindowMessageW_t)(LPCWSTR);

/* Fewer than the 10,000-message quota, so a batch of posts never fails. */
#define POST_BATCH 4000

static DefWindowProcW_t def_window_proc;

static LRESULT WINAPI bench_wndproc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_USER) return wp + 1;
    return def_window_proc(hwnd, msg, wp, lp);
}

/* A message-only window owned by the calling thread (which gets a queue with it). */
static HWND create_window(void)
{
    static const WCHAR class_name[] = L"usermm_bench";
    static LONG registered;
    BENCH_PROC("user32.dll", RegisterClassW_t, RegisterClassW);
    BENCH_PROC("user32.dll", CreateWindowExW_t, CreateWindowExW);
    HWND hwnd;

    def_window_proc = (DefWindowProcW_t)bench_proc("user32.dll", "DefWindowProcW");
    if (!InterlockedExchange(&registered, 1))
    {
        WNDCLASSW cls = { 0 };
        cls.lpfnWndProc = bench_wndproc;
        cls.hInstance = GetModuleHandleW(NULL);
        cls.lpszClassName = class_name;
        if (!RegisterClassW(&cls)) bench_missing("RegisterClassW:error=%lu", GetLastError());
    }
    hwnd = CreateWindowExW(0, class_name, L"bench", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                           GetModuleHandleW(NULL), NULL);
    if (!hwnd) bench_missing("CreateWindowExW:error=%lu", GetLastError());
    return hwnd;
}

static void destroy_window(HWND hwnd)
{
    BENCH_PROC("user32.dll", DestroyWindow_t, DestroyWindow);
    DestroyWindow(hwnd);
}

static void drain(HWND hwnd, LONGLONG expect)
{
    BENCH_PROC("user32.dll", PeekMessageW_t, PeekMessageW);
    LONGLONG got = 0;
    MSG msg;

    while (PeekMessageW(&msg, hwnd, 0, 0, PM_REMOVE))
        if (msg.message == WM_USER) got++;
    if (expect >= 0 && got != expect) bench_missing("lost-messages:%lld/%lld", expect - got, expect);
}

static double run_send_same(LONGLONG iters)
{
    BENCH_PROC("user32.dll", SendMessageW_t, SendMessageW);
    HWND hwnd = create_window();
    LONGLONG start, end;

    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
        if (SendMessageW(hwnd, WM_USER, (WPARAM)i, 0) != (LRESULT)i + 1)
            bench_missing("SendMessageW:wrong-result");
    end = bench_now_ns();
    destroy_window(hwnd);
    return (double)(end - start);
}

static double run_post_peek(LONGLONG iters)
{
    BENCH_PROC("user32.dll", PostMessageW_t, PostMessageW);
    BENCH_PROC("user32.dll", PeekMessageW_t, PeekMessageW);
    HWND hwnd = create_window();
    LONGLONG start, end;
    MSG msg;

    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
    {
        if (!PostMessageW(hwnd, WM_USER, (WPARAM)i, 0)) bench_missing("PostMessageW:error=%lu", GetLastError());
        if (!PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE) || msg.wParam != (WPARAM)i)
            bench_missing("PeekMessageW:lost-message");
    }
    end = bench_now_ns();
    destroy_window(hwnd);
    return (double)(end - start);
}

/* Only the posts are timed; each batch is drained untimed. */
static double run_post_only(LONGLONG iters)
{
    BENCH_PROC("user32.dll", PostMessageW_t, PostMessageW);
    HWND hwnd = create_window();
    LONGLONG total = 0;

    for (LONGLONG done = 0; done < iters;)
    {
        LONGLONG batch = iters - done < POST_BATCH ? iters - done : POST_BATCH;
        LONGLONG start = bench_now_ns();
        for (LONGLONG i = 0; i < batch; i++)
            if (!PostMessageW(hwnd, WM_USER, (WPARAM)i, 0)) bench_missing("PostMessageW:error=%lu", GetLastError());
        total += bench_now_ns() - start;
        drain(hwnd, batch);
        done += batch;
    }
    destroy_window(hwnd);
    return (double)total;
}

/* Only the removing peeks are timed; each batch is posted untimed. */
static double run_peek_only(LONGLONG iters)
{
    BENCH_PROC("user32.dll", PostMessageW_t, PostMessageW);
    BENCH_PROC("user32.dll", PeekMessageW_t, PeekMessageW);
    HWND hwnd = create_window();
    LONGLONG total = 0;
    MSG msg;

    for (LONGLONG done = 0; done < iters;)
    {
        LONGLONG batch = iters - done < POST_BATCH ? iters - done : POST_BATCH;
        for (LONGLONG i = 0; i < batch; i++)
            if (!PostMessageW(hwnd, WM_USER, (WPARAM)i, 0)) bench_missing("PostMessageW:error=%lu", GetLastError());
        LONGLONG start = bench_now_ns();
        for (LONGLONG i = 0; i < batch; i++)
            if (!PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE) || msg.wParam != (WPARAM)i)
                bench_missing("PeekMessageW:lost-message");
        total += bench_now_ns() - start;
        done += batch;
    }
    destroy_window(hwnd);
    return (double)total;
}

static double run_peek_idle(LONGLONG iters)
{
    BENCH_PROC("user32.dll", PeekMessageW_t, PeekMessageW);
    HWND hwnd = create_window();
    LONGLONG start, end;
    MSG msg;

    drain(hwnd, -1);
    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
        if (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE)) bench_missing("PeekMessageW:queue-not-idle:msg=0x%x", msg.message);
    end = bench_now_ns();
    destroy_window(hwnd);
    return (double)(end - start);
}

/* The other thread of a two-thread metric: it owns a window, says so, and runs a
 * GetMessage loop until WM_QUIT.  Sent messages are processed inside GetMessage. */
struct peer
{
    HANDLE ready;       /* set once `hwnd` exists */
    HWND hwnd;          /* the peer's window */
    HWND reply_to;      /* post_pingpong: where to post the answer */
    LONGLONG expect;    /* post_throughput: messages to receive */
    LONGLONG received;
    LONGLONG out_of_order;
};

static DWORD WINAPI peer_thread(void *arg)
{
    struct peer *peer = arg;
    BENCH_PROC("user32.dll", GetMessageW_t, GetMessageW);
    BENCH_PROC("user32.dll", PostMessageW_t, PostMessageW);
    MSG msg;

    peer->hwnd = create_window();
    SetEvent(peer->ready);
    while (GetMessageW(&msg, NULL, 0, 0) > 0)
    {
        if (msg.message != WM_USER) continue;
        if (peer->reply_to)
        {
            if (!PostMessageW(peer->reply_to, WM_USER, msg.wParam, 0))
                bench_missing("PostMessageW(reply):error=%lu", GetLastError());
            continue;
        }
        if (msg.wParam != (WPARAM)peer->received) peer->out_of_order++;
        if (++peer->received == peer->expect) break;
    }
    destroy_window(peer->hwnd);
    return 0;
}

static HANDLE start_peer(struct peer *peer)
{
    HANDLE thread;

    peer->ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    thread = bench_thread(peer_thread, peer, NULL);
    if (WaitForSingleObject(peer->ready, 10000) != WAIT_OBJECT_0) bench_missing("peer-not-ready");
    CloseHandle(peer->ready);
    return thread;
}

static void stop_peer(struct peer *peer, HANDLE thread)
{
    BENCH_PROC("user32.dll", PostMessageW_t, PostMessageW);

    PostMessageW(peer->hwnd, WM_QUIT, 0, 0);
    bench_join(thread);
}

static double run_send_cross(LONGLONG iters)
{
    BENCH_PROC("user32.dll", SendMessageW_t, SendMessageW);
    struct peer peer = { 0 };
    HANDLE thread = start_peer(&peer);
    LONGLONG start, end;

    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
        if (SendMessageW(peer.hwnd, WM_USER, (WPARAM)i, 0) != (LRESULT)i + 1)
            bench_missing("SendMessageW(cross-thread):wrong-result");
    end = bench_now_ns();
    stop_peer(&peer, thread);
    return (double)(end - start);
}

static double run_post_pingpong(LONGLONG iters)
{
    BENCH_PROC("user32.dll", PostMessageW_t, PostMessageW);
    BENCH_PROC("user32.dll", GetMessageW_t, GetMessageW);
    struct peer peer = { 0 };
    HWND hwnd = create_window();
    HANDLE thread;
    LONGLONG start, end;
    MSG msg;

    peer.reply_to = hwnd;
    thread = start_peer(&peer);
    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
    {
        if (!PostMessageW(peer.hwnd, WM_USER, (WPARAM)i, 0)) bench_missing("PostMessageW:error=%lu", GetLastError());
        if (GetMessageW(&msg, NULL, 0, 0) <= 0) bench_missing("GetMessageW:failed");
        if (msg.message != WM_USER || msg.wParam != (WPARAM)i) bench_missing("GetMessageW:wrong-message");
    }
    end = bench_now_ns();
    stop_peer(&peer, thread);
    destroy_window(hwnd);
    return (double)(end - start);
}

/* Producer (this thread) and consumer (the peer) run flat out.  A PostMessage refused
 * with ERROR_NOT_ENOUGH_QUOTA (the queue holds 10,000) is retried after yielding, as
 * the documentation tells callers to; the consumer checks that nothing is lost and the
 * order holds.  Time runs until the consumer has the last message. */
static double run_post_throughput(LONGLONG iters)
{
    BENCH_PROC("user32.dll", PostMessageW_t, PostMessageW);
    struct peer peer = { 0 };
    HANDLE thread;
    LONGLONG start, end, quota_hits = 0;

    peer.expect = iters;
    thread = start_peer(&peer);
    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
    {
        DWORD spins = 0;
        while (!PostMessageW(peer.hwnd, WM_USER, (WPARAM)i, 0))
        {
            DWORD error = GetLastError();
            if (error != ERROR_NOT_ENOUGH_QUOTA) bench_missing("PostMessageW:error=%lu", error);
            quota_hits++;
            if (++spins < 64) SwitchToThread();
            else Sleep(1);
        }
    }
    if (WaitForSingleObject(thread, 20000) != WAIT_OBJECT_0) bench_missing("consumer-did-not-finish");
    end = bench_now_ns();
    CloseHandle(thread);
    if (peer.received != iters) bench_missing("lost-messages:%lld/%lld", iters - peer.received, iters);
    if (peer.out_of_order) bench_missing("out-of-order:%lld", peer.out_of_order);
    bench_note("quota_hits=%lld", quota_hits);
    return (double)(end - start);
}

static double run_register_message(LONGLONG iters)
{
    static const WCHAR *const names[] = {
        L"usermm-bench-0", L"usermm-bench-1", L"usermm-bench-2", L"usermm-bench-3",
        L"USERMM-BENCH-4", L"usermm-bench-5", L"usermm-bench-6", L"usermm-bench-7",
    };
    BENCH_PROC("user32.dll", RegisterWindowMessageW_t, RegisterWindowMessageW);
    UINT values[ARRAY_SIZE(names)];
    LONGLONG start, end;

    /* The strings exist already: this times the look-up of a registered name. */
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (!(values[i] = RegisterWindowMessageW(names[i])))
            bench_missing("RegisterWindowMessageW:error=%lu", GetLastError());
    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
        if (RegisterWindowMessageW(names[i & 7]) != values[i & 7])
            bench_missing("RegisterWindowMessageW:changed-value");
    end = bench_now_ns();
    return (double)(end - start);
}

const struct bench_metric msg_metrics[] = {
    { "send_same", "SendMessageW to a window of the same thread", 1000, run_send_same },
    { "post_peek", "PostMessageW + PeekMessageW(PM_REMOVE), one thread, per pair", 1000, run_post_peek },
    { "post_only", "PostMessageW alone (batches under the quota, drained untimed)", 1000, run_post_only },
    { "peek_only", "PeekMessageW(PM_REMOVE) of a posted message alone", 1000, run_peek_only },
    { "peek_idle", "PeekMessageW(PM_REMOVE) on an empty queue", 1000, run_peek_idle },
    { "send_cross", "SendMessageW to another thread's window, round trip", 200, run_send_cross },
    { "post_pingpong", "PostMessageW -> GetMessageW wake-up between two threads, round trip", 200, run_post_pingpong },
    { "post_throughput", "PostMessageW to a consumer thread, backing off at the quota, per message", 1000, run_post_throughput },
    { "register_message", "RegisterWindowMessageW of an already registered name", 1000, run_register_message },
    { NULL }
};
