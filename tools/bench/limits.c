/*
 * usermm benchmark: platform limits inside one Wine process.
 *
 * Two threads hand a token back and forth; each figure is one full round trip.  They
 * bound what a cross-thread message can cost: a WaitOnAddress ping-pong needs no
 * wineserver round trip (our queues' floor), an event ping-pong needs two.
 */
#include <stdio.h>
#include <windows.h>

#include "bench.h"

typedef BOOL (WINAPI *WaitOnAddress_t)(volatile void *, void *, SIZE_T, DWORD);
typedef void (WINAPI *WakeByAddressSingle_t)(void *);

struct pingpong
{
    LONGLONG iters;
    volatile LONG turn;     /* waitaddr: 0 = main thread's turn, 1 = the peer's */
    HANDLE to_peer, to_main; /* event: auto-reset events */
    WaitOnAddress_t wait;
    WakeByAddressSingle_t wake;
};

static void wait_while(struct pingpong *pp, LONG value)
{
    while (pp->turn == value)
    {
        LONG current = value;
        pp->wait(&pp->turn, &current, sizeof(current), INFINITE);
    }
}

static DWORD WINAPI waitaddr_peer(void *arg)
{
    struct pingpong *pp = arg;

    for (LONGLONG i = 0; i < pp->iters; i++)
    {
        wait_while(pp, 0);
        pp->turn = 0;
        pp->wake((void *)&pp->turn);
    }
    return 0;
}

static double run_waitaddr(LONGLONG iters)
{
    struct pingpong pp = { .iters = iters };
    LONGLONG start, end;
    HANDLE thread;

    pp.wait = (WaitOnAddress_t)bench_proc("kernelbase.dll", "WaitOnAddress");
    pp.wake = (WakeByAddressSingle_t)bench_proc("kernelbase.dll", "WakeByAddressSingle");
    thread = bench_thread(waitaddr_peer, &pp, NULL);
    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
    {
        pp.turn = 1;
        pp.wake((void *)&pp.turn);
        wait_while(&pp, 1);
    }
    end = bench_now_ns();
    bench_join(thread);
    return (double)(end - start);
}

static DWORD WINAPI event_peer(void *arg)
{
    struct pingpong *pp = arg;

    for (LONGLONG i = 0; i < pp->iters; i++)
    {
        WaitForSingleObject(pp->to_peer, INFINITE);
        SetEvent(pp->to_main);
    }
    return 0;
}

static double run_event(LONGLONG iters)
{
    struct pingpong pp = { .iters = iters };
    LONGLONG start, end;
    HANDLE thread;

    pp.to_peer = CreateEventW(NULL, FALSE, FALSE, NULL);
    pp.to_main = CreateEventW(NULL, FALSE, FALSE, NULL);
    thread = bench_thread(event_peer, &pp, NULL);
    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
    {
        SetEvent(pp.to_peer);
        WaitForSingleObject(pp.to_main, INFINITE);
    }
    end = bench_now_ns();
    bench_join(thread);
    CloseHandle(pp.to_peer);
    CloseHandle(pp.to_main);
    return (double)(end - start);
}

const struct bench_metric limit_metrics[] = {
    { "limit_waitaddr", "limit: WaitOnAddress ping-pong between two threads, round trip", 200, run_waitaddr },
    { "limit_event", "limit: SetEvent/WaitForSingleObject ping-pong, round trip", 200, run_event },
    { NULL }
};
