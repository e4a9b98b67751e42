/*
 * benchnative x11inject TITLE FIFO N: the injector side of the x11_input metric
 * (the window side and the protocol are described in tools/bench/x11bench.c).
 *
 * Finds the top-level X window named TITLE, gives it X focus and the pointer, then N
 * times injects a key press and a key release with XTest, one event per millisecond
 * (the 1,000 events/s of issue 6) without waiting for answers, and times each from its
 * injection to the window procedure's one-byte answer on FIFO.  Prints the median with the 10th/90th
 * percentiles, and the medians of the first and last quarter (a growing lag shows as
 * last > first).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>

#include "benchnative.h"

static int window_has_title(Display *dpy, Window win, const char *title)
{
    Atom net_wm_name = XInternAtom(dpy, "_NET_WM_NAME", False);
    Atom utf8 = XInternAtom(dpy, "UTF8_STRING", False);
    XTextProperty prop;
    int found = 0;

    if (XGetWMName(dpy, win, &prop) && prop.value)
    {
        found = !strcmp((char *)prop.value, title);
        XFree(prop.value);
    }
    if (!found && XGetTextProperty(dpy, win, &prop, net_wm_name) && prop.value)
    {
        found = prop.encoding == utf8 && !strcmp((char *)prop.value, title);
        XFree(prop.value);
    }
    return found;
}

static Window find_window(Display *dpy, Window parent, const char *title, int depth)
{
    Window root, up, *children = NULL, found = 0;
    unsigned int count;

    if (window_has_title(dpy, parent, title)) return parent;
    if (depth > 3 || !XQueryTree(dpy, parent, &root, &up, &children, &count)) return 0;
    for (unsigned int i = 0; i < count && !found; i++)
    {
        XWindowAttributes attr;
        if (XGetWindowAttributes(dpy, children[i], &attr) && attr.map_state == IsViewable)
            found = find_window(dpy, children[i], title, depth + 1);
    }
    if (children) XFree(children);
    return found;
}

static void sleep_ns(long ns)
{
    struct timespec ts = { ns / 1000000000, ns % 1000000000 };
    nanosleep(&ts, NULL);
}

/* Waits up to `ms` for the answer byte `want`; skips other bytes.  Returns 0 on time-out. */
static int wait_answer(int fd, char want, int ms)
{
    int64_t deadline = native_now_ns() + (int64_t)ms * 1000000;
    char byte;

    for (;;)
    {
        int64_t left = (deadline - native_now_ns()) / 1000000;
        struct pollfd pfd = { fd, POLLIN, 0 };
        if (left < 0 || poll(&pfd, 1, (int)left + 1) <= 0) return 0;
        if (read(fd, &byte, 1) == 1 && byte == want) return 1;
    }
}

static int compare_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static double median_of(int64_t *values, int count)
{
    if (count <= 0) return 0;
    qsort(values, count, sizeof(*values), compare_i64);
    return count % 2 ? (double)values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2.0;
}

int x11_inject(const char *title, const char *fifo, int count)
{
    int event_base, error_base, major, minor, fd, lost, samples, events, unordered = 0;
    int64_t *injected_at, *latency, *sorted, deadline;
    Display *dpy;
    Window win = 0;
    KeyCode key;

    if (count <= 0) count = 1;
    if (!getenv("DISPLAY")) native_missing("no-DISPLAY");
    if (!(dpy = XOpenDisplay(NULL))) native_missing("cannot-open-DISPLAY");
    if (!XTestQueryExtension(dpy, &event_base, &error_base, &major, &minor)) native_missing("no-XTest");
    if ((fd = open(fifo, O_RDWR | O_NONBLOCK)) < 0) native_missing("cannot-open-FIFO");

    /* The window shows up once Wine started and the user32 under test mapped it. */
    deadline = native_now_ns() + 15000000000LL;
    while (!(win = find_window(dpy, DefaultRootWindow(dpy), title, 0)) && native_now_ns() < deadline)
        sleep_ns(20000000);
    if (!win) native_missing("no-X-window-for-the-test-window");

    /* No window manager: give the window X focus and the pointer, then let the
     * focus messages settle before the first key. */
    {
        XWindowAttributes attr;
        XGetWindowAttributes(dpy, win, &attr);
        XWarpPointer(dpy, None, win, 0, 0, 0, 0, attr.width / 2, attr.height / 2);
        XSetInputFocus(dpy, win, RevertToPointerRoot, CurrentTime);
        XSync(dpy, False);
    }
    sleep_ns(300000000);
    while (wait_answer(fd, 0, 1)) {}

    /* Open loop: one event every millisecond whatever the answers do, so a window
     * that falls behind shows a growing lag instead of slowing the injection down.
     * Answers arrive in order: the k-th byte answers the k-th event ('d' for presses,
     * 'u' for releases). */
    key = XKeysymToKeycode(dpy, XK_a);
    events = 2 * count;
    injected_at = calloc(events, sizeof(*injected_at));
    latency = calloc(events, sizeof(*latency));
    sorted = calloc(events, sizeof(*sorted));
    int64_t next = native_now_ns(), quiet_since = 0;
    int sent = 0, answered = 0;
    while (answered < events)
    {
        int64_t now = native_now_ns();
        if (sent < events && now >= next)
        {
            injected_at[sent] = native_now_ns();
            XTestFakeKeyEvent(dpy, key, !(sent & 1), CurrentTime);
            XFlush(dpy);
            sent++;
            next += 1000000;
            continue;
        }
        /* sleep until the next injection or an answer, never spin: the window
         * runs on this same CPU */
        int64_t wait_ns = sent < events ? next - now : 100000000;
        struct timespec timeout = { wait_ns / 1000000000, wait_ns % 1000000000 };
        struct pollfd pfd = { fd, POLLIN, 0 };
        if (ppoll(&pfd, 1, &timeout, NULL) > 0)
        {
            char byte;
            while (answered < sent && read(fd, &byte, 1) == 1)
            {
                int64_t at = native_now_ns();
                if (byte != ((answered & 1) ? 'u' : 'd')) unordered++;
                latency[answered] = at - injected_at[answered];
                answered++;
            }
            quiet_since = 0;
        }
        else if (sent == events)
        {
            if (!quiet_since) quiet_since = native_now_ns();
            else if (native_now_ns() - quiet_since > 2000000000LL) break; /* the rest is lost */
        }
    }
    samples = answered;
    lost = events - answered;
    if (!samples) native_missing("no-key-reached-the-window-procedure");

    int quarter = samples / 4 ? samples / 4 : 1;
    memcpy(sorted, latency, samples * sizeof(*sorted));
    double first = median_of(sorted, quarter);
    memcpy(sorted, latency + samples - quarter, quarter * sizeof(*sorted));
    double last = median_of(sorted, quarter);
    memcpy(sorted, latency, samples * sizeof(*sorted));
    double median = median_of(sorted, samples);
    printf("x11_input %.2f ns/op iters=%d p10=%lld p90=%lld first_quarter=%.0f last_quarter=%.0f lost=%d unordered=%d\n",
           median, samples, (long long)sorted[samples / 10], (long long)sorted[samples * 9 / 10], first, last, lost,
           unordered);
    fflush(stdout);
    XCloseDisplay(dpy);
    return 0;
}
