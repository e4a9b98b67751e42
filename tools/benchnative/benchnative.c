/*
 * benchnative: the platform's limits outside Wine, and the X11 input injector.
 *
 *   benchnative futex ITERS|auto|NNNms   two pthreads hand a token back and forth with
 *                                        futex wait/wake; one figure = one round trip
 *   benchnative ring ITERS|auto|NNNms    a producer and a consumer pthread pass ITERS
 *                                        messages through a bounded ring buffer that
 *                                        sleeps on a futex only when empty or full;
 *                                        one figure = one message
 *   benchnative x11inject TITLE FIFO N   see tools/bench/x11bench.c
 *
 * Output is bench.exe's: "NAME VALUE ns/op iters=N [notes]" or "NAME missing REASON".
 * tools/bench/run pins it to the same CPU as Wine, so the figures compare.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "benchnative.h"

static const char *current = "native";

void native_missing(const char *reason)
{
    printf("%s missing %s\n", current, reason);
    fflush(stdout);
    exit(2);
}

int64_t native_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void futex_wait(atomic_int *addr, int value)
{
    syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0);
}

static void futex_wake(atomic_int *addr)
{
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

/* futex ping-pong: `turn` is 0 when the main thread may go, 1 for the peer. */
struct pingpong
{
    int64_t iters;
    atomic_int turn;
};

static void wait_while(atomic_int *addr, int value)
{
    while (atomic_load(addr) == value) futex_wait(addr, value);
}

static void *futex_peer(void *arg)
{
    struct pingpong *pp = arg;

    for (int64_t i = 0; i < pp->iters; i++)
    {
        wait_while(&pp->turn, 0);
        atomic_store(&pp->turn, 0);
        futex_wake(&pp->turn);
    }
    return NULL;
}

static double run_futex(int64_t iters)
{
    struct pingpong pp = { .iters = iters };
    pthread_t thread;
    int64_t start, end;

    pthread_create(&thread, NULL, futex_peer, &pp);
    start = native_now_ns();
    for (int64_t i = 0; i < iters; i++)
    {
        atomic_store(&pp.turn, 1);
        futex_wake(&pp.turn);
        wait_while(&pp.turn, 1);
    }
    end = native_now_ns();
    pthread_join(thread, NULL);
    return (double)(end - start);
}

/* Ring buffer between one producer and one consumer.  `head` counts messages written,
 * `tail` messages read; the producer sleeps on `tail` when the ring is full, the
 * consumer on `head` when it is empty, and each side wakes the other only when it
 * announced that it sleeps.  The capacity is the posted-message quota. */
#define RING_SIZE 10000

struct ring
{
    int64_t iters;
    atomic_int head, tail;               /* counters, wrap at INT_MAX (never reached) */
    atomic_int producer_sleeps, consumer_sleeps;
    int64_t slots[RING_SIZE];
    int64_t out_of_order;
};

static void *ring_consumer(void *arg)
{
    struct ring *ring = arg;

    for (int64_t i = 0; i < ring->iters; i++)
    {
        int tail = atomic_load_explicit(&ring->tail, memory_order_relaxed);
        int head;
        while ((head = atomic_load(&ring->head)) == tail)
        {
            atomic_store(&ring->consumer_sleeps, 1);
            if (atomic_load(&ring->head) == tail) futex_wait(&ring->head, head);
            atomic_store(&ring->consumer_sleeps, 0);
        }
        if (ring->slots[tail % RING_SIZE] != i) ring->out_of_order++;
        atomic_store(&ring->tail, tail + 1);
        if (atomic_load(&ring->producer_sleeps)) futex_wake(&ring->tail);
    }
    return NULL;
}

static double run_ring(int64_t iters)
{
    struct ring *ring = calloc(1, sizeof(*ring));
    pthread_t thread;
    int64_t start, end;

    if (!ring || iters >= INT_MAX) native_missing("out-of-memory");
    ring->iters = iters;
    pthread_create(&thread, NULL, ring_consumer, ring);
    start = native_now_ns();
    for (int64_t i = 0; i < iters; i++)
    {
        int head = atomic_load_explicit(&ring->head, memory_order_relaxed);
        int tail;
        while (head - (tail = atomic_load(&ring->tail)) >= RING_SIZE)
        {
            atomic_store(&ring->producer_sleeps, 1);
            if (atomic_load(&ring->tail) == tail) futex_wait(&ring->tail, tail);
            atomic_store(&ring->producer_sleeps, 0);
        }
        ring->slots[head % RING_SIZE] = i;
        atomic_store(&ring->head, head + 1);
        if (atomic_load(&ring->consumer_sleeps)) futex_wake(&ring->head);
    }
    pthread_join(thread, NULL);
    end = native_now_ns();
    if (ring->out_of_order) native_missing("ring-out-of-order");
    free(ring);
    return (double)(end - start);
}

/* Same calibration as bench.exe: grow the count until a run takes half the target. */
static void run_metric(double (*run)(int64_t), const char *arg, int64_t first)
{
    int64_t n;
    double ns;

    if (!strcmp(arg, "auto") || strstr(arg, "ms"))
    {
        double target = (strcmp(arg, "auto") ? atof(arg) : 150) * 1e6;
        for (n = first;; )
        {
            ns = run(n);
            if (ns >= target / 2) break;
            double scale = target / (ns > 1000 ? ns : 1000);
            if (scale < 2) scale = 2;
            if (scale > 100) scale = 100;
            n = (int64_t)(n * scale);
        }
    }
    else
    {
        n = atoll(arg);
        if (n <= 0) n = 1;
        ns = run(n);
    }
    printf("%s %.2f ns/op iters=%lld\n", current, ns / (double)n, (long long)n);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "futex"))
    {
        current = "limit_futex";
        run_metric(run_futex, argv[2], 1000);
        return 0;
    }
    if (argc >= 3 && !strcmp(argv[1], "ring"))
    {
        current = "limit_ring";
        run_metric(run_ring, argv[2], 10000);
        return 0;
    }
    if (argc >= 5 && !strcmp(argv[1], "x11inject"))
    {
        current = "x11_input";
        return x11_inject(argv[2], argv[3], atoi(argv[4]));
    }
    fprintf(stderr, "usage: benchnative futex|ring ITERS|auto|NNNms\n"
                    "       benchnative x11inject TITLE FIFO N\n");
    return 1;
}
