/*
 * usermm's implementation of the Wine test-harness API.
 *
 * Written for usermm from the documented behaviour and output format of Wine's harness
 * (see documentation/conventions.md): a test file written for Wine's include/wine/test.h
 * compiles unchanged against this one and prints the same lines, so a runner that reads
 * Wine's test logs reads ours.
 *
 * How it is used (the same way as Wine's):
 *  - every test .c file includes "wine/test.h" and gets declarations and macros only;
 *  - the generated testlist.c does `#define STANDALONE`, includes this header (which then
 *    provides the harness's storage and main()), and defines
 *    `const struct test winetest_testlist[] = { { "name", func_name }, ..., { 0, 0 } };`.
 *
 * Output: each line is written with one WriteFile on the standard output handle, "\n"
 * terminated (no text-mode "\r\n"), under a process-local lock and a named mutex, so lines
 * from several threads or from a child process sharing the handle never interleave.
 *
 * Thread safety: the location set by ok()/skip()/trace(), the todo/flaky nesting and the
 * context stack are per thread (a TlsAlloc slot); the counters are updated with Interlocked*.
 */

#ifndef __WINE_WINE_TEST_H
#define __WINE_WINE_TEST_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windef.h>
#include <winbase.h>
#include <wine/debug.h>

#ifdef __GNUC__
#define WINETEST_PRINTF_ATTR(fmt, args) __attribute__((format(printf, fmt, args)))
#define WINETEST_NORETURN __attribute__((noreturn))
#else
#define WINETEST_PRINTF_ATTR(fmt, args)
#define WINETEST_NORETURN
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))
#endif

/* Settings, read from the environment once at start-up (WINETEST_*). */
extern int winetest_debug;            /* WINETEST_DEBUG, default 1; trace() needs > 0 */
extern int winetest_interactive;      /* WINETEST_INTERACTIVE */
extern int winetest_report_success;   /* WINETEST_REPORT_SUCCESS: print every passing check */
extern int winetest_report_flaky;     /* WINETEST_REPORT_FLAKY: flaky failures fail the run */
extern int winetest_mute_threshold;   /* WINETEST_MUTE_THRESHOLD, default 42 */
extern int winetest_time;             /* WINETEST_TIME: elapsed seconds on each line */
extern int winetest_color;            /* WINETEST_COLOR: ANSI colours on failures */
/* "wine" or "windows" (WINETEST_PLATFORM, else detected from ntdll's exports).  Wine 8's
 * headers test winetest_platform, later ones winetest_platform_is_wine: both are kept. */
extern const char *winetest_platform;
extern int winetest_platform_is_wine;

extern void winetest_set_location(const char *file, int line);
extern void winetest_subtest(const char *name);
extern void winetest_ignore_exceptions(BOOL ignore);
extern void winetest_start_todo(int is_todo);
extern int winetest_loop_todo(void);
extern void winetest_end_todo(void);
extern void winetest_start_flaky(int is_flaky);
extern int winetest_loop_flaky(void);
extern void winetest_end_flaky(void);
extern int winetest_get_mainargs(char ***pargv);
extern LONG winetest_get_failures(void);
extern LONG winetest_get_successes(void);
extern void winetest_add_failures(LONG new_failures);
extern void winetest_wait_child_process(HANDLE process);

extern int winetest_vok(int condition, const char *msg, va_list args);
extern void winetest_vskip(const char *msg, va_list args);
extern void WINAPIV winetest_ok(int condition, const char *msg, ...) WINETEST_PRINTF_ATTR(2, 3);
extern void WINAPIV winetest_skip(const char *msg, ...) WINETEST_PRINTF_ATTR(1, 2);
extern void WINAPIV winetest_win_skip(const char *msg, ...) WINETEST_PRINTF_ATTR(1, 2);
extern void WINAPIV winetest_trace(const char *msg, ...) WINETEST_PRINTF_ATTR(1, 2);
extern void WINAPIV winetest_push_context(const char *fmt, ...) WINETEST_PRINTF_ATTR(1, 2);
extern void winetest_pop_context(void);

/* broken(x): accept an odd Windows result; under Wine such a result is always a failure. */
static inline int broken(int condition)
{
    return !winetest_platform_is_wine && condition;
}

/* The location is recorded first, then the call happens: the comma/conditional form keeps
 * `ok(...)` a single expression whose arguments are evaluated only once. */
#define subtest_(file, line)  (winetest_set_location(file, line), 0) ? (void)0 : winetest_subtest
#define ok_(file, line)       (winetest_set_location(file, line), 0) ? (void)0 : winetest_ok
#define skip_(file, line)     (winetest_set_location(file, line), 0) ? (void)0 : winetest_skip
#define win_skip_(file, line) (winetest_set_location(file, line), 0) ? (void)0 : winetest_win_skip
#define trace_(file, line)    (winetest_set_location(file, line), 0) ? (void)0 : winetest_trace
#define wait_child_process_(file, line) \
    (winetest_set_location(file, line), 0) ? (void)0 : winetest_wait_child_process
#define ignore_exceptions_(file, line) \
    (winetest_set_location(file, line), 0) ? (void)0 : winetest_ignore_exceptions

#define subtest            subtest_(__FILE__, __LINE__)
#define ok                 ok_(__FILE__, __LINE__)
#define skip               skip_(__FILE__, __LINE__)
#define win_skip           win_skip_(__FILE__, __LINE__)
#define trace              trace_(__FILE__, __LINE__)
#define wait_child_process wait_child_process_(__FILE__, __LINE__)
#define ignore_exceptions  ignore_exceptions_(__FILE__, __LINE__)

/* todo/flaky wrap the next statement in a loop that runs it exactly once with the mark
 * pushed, so marks nest and a `break` inside cannot leave one pushed. */
#define todo_if(is_todo) \
    for (winetest_start_todo(is_todo); winetest_loop_todo(); winetest_end_todo())
#define todo_wine             todo_if(winetest_platform_is_wine)
#define todo_wine_if(is_todo) todo_if((is_todo) && winetest_platform_is_wine)

#define flaky_if(is_flaky) \
    for (winetest_start_flaky(is_flaky); winetest_loop_flaky(); winetest_end_flaky())
#define flaky                   flaky_if(TRUE)
#define flaky_wine              flaky_if(winetest_platform_is_wine)
#define flaky_wine_if(is_flaky) flaky_if((is_flaky) && winetest_platform_is_wine)

#define START_TEST(name) void func_##name(void)

struct test
{
    const char *name;
    void (*func)(void);
};

#ifdef STANDALONE

/* ---- the harness itself: compiled once, into testlist.c ---- */

extern const struct test winetest_testlist[];

int winetest_debug = 1;
int winetest_interactive;
int winetest_report_success;
int winetest_report_flaky;
int winetest_mute_threshold = 42;
int winetest_time;
int winetest_color;
const char *winetest_platform = "windows";
int winetest_platform_is_wine;

/* Counters: updated with Interlocked* from any thread. */
static LONG winetest_successes;
static LONG winetest_failures;       /* "Test failed" (and win_skip under Wine) */
static LONG winetest_flaky_failures; /* "Test marked flaky", "succeeded inside flaky todo" */
static LONG winetest_todo_successes; /* "Test marked todo": the expected failure happened */
static LONG winetest_todo_failures;  /* "Test succeeded inside todo block": counts as failing */
static LONG winetest_skipped;
static LONG winetest_muted_todos, winetest_muted_skips, winetest_muted_traces;

static int winetest_argc;
static char **winetest_argv;
static const struct test *winetest_current;
static DWORD winetest_start_ticks;
static LONG winetest_exceptions_ignored;

static DWORD winetest_tls = TLS_OUT_OF_INDEXES;
/* Protects winetest_mute_table and orders the lines of this process; the named mutex orders
 * them with a child process writing to the same handle. */
static CRITICAL_SECTION winetest_print_cs;
static HANDLE winetest_print_mutex;

#define WINETEST_MAX_CONTEXTS 8
#define WINETEST_CONTEXT_LEN  128
#define WINETEST_DBGSTR_RING  8192

/* Everything a thread's checks depend on; one per thread, created on first use. */
struct winetest_thread_data
{
    const char *file;         /* basename of the last location set, NULL before any */
    int line;
    unsigned int todo_bits;   /* one bit per nested todo_if level, innermost lowest */
    int todo_pending;         /* the todo_if loop body has not run yet */
    unsigned int flaky_bits;
    int flaky_pending;
    unsigned int context_depth; /* may exceed WINETEST_MAX_CONTEXTS: extra levels not shown */
    char context[WINETEST_MAX_CONTEXTS][WINETEST_CONTEXT_LEN];
    size_t dbgstr_pos;        /* ring buffer for wine_dbgstr_* results */
    char dbgstr[WINETEST_DBGSTR_RING];
};

/* Per-location message counts for WINETEST_MUTE_THRESHOLD; open addressing, never shrinks.
 * When it is full nothing more is muted (a test that noisy has other problems). */
#define WINETEST_MUTE_SLOTS 4096
static struct
{
    const char *file;
    int line;
    LONG count;
} winetest_mute_table[WINETEST_MUTE_SLOTS];

static struct winetest_thread_data *winetest_get_thread_data(void)
{
    struct winetest_thread_data *data;
    DWORD err = GetLastError(); /* a check must never change the last error under test */

    data = TlsGetValue(winetest_tls);
    if (!data)
    {
        /* Freed never: threads are few in a test and exit-time cleanup would need a hook. */
        data = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*data));
        if (!data) ExitProcess(255);
        TlsSetValue(winetest_tls, data);
    }
    SetLastError(err);
    return data;
}

/* A growable line buffer: lines are built whole, then written with one call. */
struct winetest_line
{
    char *text;
    size_t len, size;
    char inline_buf[512];
};

static void winetest_line_init(struct winetest_line *l)
{
    l->text = l->inline_buf;
    l->size = sizeof(l->inline_buf);
    l->len = 0;
    l->text[0] = 0;
}

static void winetest_line_vappend(struct winetest_line *l, const char *fmt, va_list args)
{
    va_list copy;
    int needed;

    va_copy(copy, args);
    needed = vsnprintf(l->text + l->len, l->size - l->len, fmt, copy);
    va_end(copy);
    if (needed < 0) return;
    if ((size_t)needed >= l->size - l->len)
    {
        size_t size = l->len + needed + 1;
        char *text = HeapAlloc(GetProcessHeap(), 0, size);
        if (!text) return;
        memcpy(text, l->text, l->len);
        if (l->text != l->inline_buf) HeapFree(GetProcessHeap(), 0, l->text);
        l->text = text;
        l->size = size;
        vsnprintf(l->text + l->len, l->size - l->len, fmt, args);
    }
    l->len += needed;
}

static void WINETEST_PRINTF_ATTR(2, 3) winetest_line_append(struct winetest_line *l, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    winetest_line_vappend(l, fmt, args);
    va_end(args);
}

static void winetest_line_free(struct winetest_line *l)
{
    if (l->text != l->inline_buf) HeapFree(GetProcessHeap(), 0, l->text);
}

/* Writes directly to the handle so that a crash right after a line cannot lose it in a CRT
 * buffer; the test's own printf output is flushed first to keep the order. */
static void winetest_write(const char *text, size_t len)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD written;

    fflush(stdout);
    while (len)
    {
        if (!WriteFile(out, text, (DWORD)len, &written, NULL) || !written) break;
        text += written;
        len -= written;
    }
}

static void winetest_print_line(struct winetest_line *l)
{
    DWORD err = GetLastError();

    EnterCriticalSection(&winetest_print_cs);
    if (winetest_print_mutex) WaitForSingleObject(winetest_print_mutex, INFINITE);
    winetest_write(l->text, l->len);
    if (winetest_print_mutex) ReleaseMutex(winetest_print_mutex);
    LeaveCriticalSection(&winetest_print_cs);
    SetLastError(err);
}

static void winetest_format_elapsed(char *buf, size_t size)
{
    DWORD ms = GetTickCount() - winetest_start_ticks;

    if (winetest_time)
        snprintf(buf, size, "%lu.%03lu", (unsigned long)(ms / 1000), (unsigned long)(ms % 1000));
    else
        buf[0] = 0;
}

/* "file.c:NN: " (or "file.c:NN:T.TTT " with WINETEST_TIME), then `kind` (e.g. "Test failed: "),
 * then the context stack as "ctx: " each. */
static void winetest_line_location(struct winetest_line *l, struct winetest_thread_data *data)
{
    char elapsed[32];

    winetest_format_elapsed(elapsed, sizeof(elapsed));
    winetest_line_init(l);
    winetest_line_append(l, "%s:%d:%s ", data->file ? data->file : "<unknown>", data->line,
                         elapsed);
}

static void winetest_line_start(struct winetest_line *l, struct winetest_thread_data *data,
                                const char *kind, int is_failure)
{
    unsigned int i;

    winetest_line_location(l, data);
    if (*kind)
    {
        if (winetest_color && is_failure)
            winetest_line_append(l, "\033[1;31m%s\033[0m", kind);
        else
            winetest_line_append(l, "%s", kind);
    }
    for (i = 0; i < data->context_depth && i < WINETEST_MAX_CONTEXTS; i++)
        winetest_line_append(l, "%s: ", data->context[i]);
}

static void winetest_report(struct winetest_thread_data *data, const char *kind, int is_failure,
                            const char *msg, va_list args)
{
    struct winetest_line l;

    winetest_line_start(&l, data, kind, is_failure);
    if (msg) winetest_line_vappend(&l, msg, args);
    winetest_print_line(&l);
    winetest_line_free(&l);
}

/* Decides whether a todo/skip/trace line at the current location may still be printed; prints
 * the one "silenced" note when the threshold is crossed.  Failures are never muted. */
static int winetest_may_print(struct winetest_thread_data *data, LONG *muted_counter)
{
    size_t slot, probes;
    LONG count = 0;

    if (winetest_debug > 1 || !data->file) return 1;

    EnterCriticalSection(&winetest_print_cs);
    slot = (((size_t)data->file >> 4) * 31 + (size_t)data->line) % WINETEST_MUTE_SLOTS;
    for (probes = 0; probes < WINETEST_MUTE_SLOTS; probes++)
    {
        if (!winetest_mute_table[slot].file)
        {
            winetest_mute_table[slot].file = data->file;
            winetest_mute_table[slot].line = data->line;
        }
        if (winetest_mute_table[slot].file == data->file && winetest_mute_table[slot].line == data->line)
        {
            count = ++winetest_mute_table[slot].count;
            break;
        }
        slot = (slot + 1) % WINETEST_MUTE_SLOTS;
    }
    LeaveCriticalSection(&winetest_print_cs);

    if (count <= winetest_mute_threshold) return 1;
    if (count == winetest_mute_threshold + 1)
    {
        struct winetest_line l;
        winetest_line_location(&l, data);
        winetest_line_append(&l, "Line has been silenced after %d occurrences\n",
                             winetest_mute_threshold);
        winetest_print_line(&l);
        winetest_line_free(&l);
    }
    InterlockedIncrement(muted_counter);
    return 0;
}

void winetest_set_location(const char *file, int line)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    const char *base = file;
    const char *p;

    for (p = file; *p; p++)
        if (*p == '/' || *p == '\\') base = p + 1;
    data->file = base;
    data->line = line;
}

int winetest_vok(int condition, const char *msg, va_list args)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    int in_todo = data->todo_bits != 0;
    int in_flaky = data->flaky_bits != 0;

    if (in_todo)
    {
        if (condition)
        {
            /* The check was expected to fail and did not: either fix the todo or the code. */
            if (in_flaky)
            {
                winetest_report(data, "Test succeeded inside flaky todo block: ", 0, msg, args);
                InterlockedIncrement(&winetest_flaky_failures);
            }
            else
            {
                winetest_report(data, "Test succeeded inside todo block: ", 1, msg, args);
                InterlockedIncrement(&winetest_todo_failures);
            }
            return 0;
        }
        if (winetest_debug > 0 && winetest_may_print(data, &winetest_muted_todos))
            winetest_report(data, "Test marked todo: ", 0, msg, args);
        InterlockedIncrement(&winetest_todo_successes);
        return 1;
    }

    if (!condition)
    {
        if (in_flaky)
        {
            if (winetest_debug > 0 || winetest_report_flaky)
                winetest_report(data, "Test marked flaky: ", winetest_report_flaky, msg, args);
            InterlockedIncrement(&winetest_flaky_failures);
        }
        else
        {
            winetest_report(data, "Test failed: ", 1, msg, args);
            InterlockedIncrement(&winetest_failures);
        }
        return 0;
    }

    if (winetest_report_success)
    {
        struct winetest_line l;
        winetest_line_location(&l, data);
        winetest_line_append(&l, "Test succeeded\n");
        winetest_print_line(&l);
        winetest_line_free(&l);
    }
    InterlockedIncrement(&winetest_successes);
    return 1;
}

void WINAPIV winetest_ok(int condition, const char *msg, ...)
{
    va_list args;
    va_start(args, msg);
    winetest_vok(condition, msg, args);
    va_end(args);
}

void winetest_vskip(const char *msg, va_list args)
{
    struct winetest_thread_data *data = winetest_get_thread_data();

    if (winetest_may_print(data, &winetest_muted_skips))
        winetest_report(data, "Tests skipped: ", 0, msg, args);
    InterlockedIncrement(&winetest_skipped);
}

void WINAPIV winetest_skip(const char *msg, ...)
{
    va_list args;
    va_start(args, msg);
    winetest_vskip(msg, args);
    va_end(args);
}

/* A skip that Windows may legitimately need, but that Wine has no excuse for. */
void WINAPIV winetest_win_skip(const char *msg, ...)
{
    va_list args;
    va_start(args, msg);
    if (winetest_platform_is_wine)
        winetest_vok(0, msg, args);
    else
        winetest_vskip(msg, args);
    va_end(args);
}

void WINAPIV winetest_trace(const char *msg, ...)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    va_list args;

    if (winetest_debug <= 0) return;
    if (!winetest_may_print(data, &winetest_muted_traces)) return;
    va_start(args, msg);
    winetest_report(data, "", 0, msg, args);
    va_end(args);
}

void winetest_subtest(const char *name)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    struct winetest_line l;

    winetest_line_location(&l, data);
    winetest_line_append(&l, "Subtest %s\n", name);
    winetest_print_line(&l);
    winetest_line_free(&l);
}

void winetest_ignore_exceptions(BOOL ignore)
{
    InterlockedExchange(&winetest_exceptions_ignored, ignore ? 1 : 0);
}

void winetest_start_todo(int is_todo)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    data->todo_bits = (data->todo_bits << 1) | (is_todo != 0);
    data->todo_pending = 1;
}

int winetest_loop_todo(void)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    int run = data->todo_pending;
    data->todo_pending = 0;
    return run;
}

void winetest_end_todo(void)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    data->todo_bits >>= 1;
}

void winetest_start_flaky(int is_flaky)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    data->flaky_bits = (data->flaky_bits << 1) | (is_flaky != 0);
    data->flaky_pending = 1;
}

int winetest_loop_flaky(void)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    int run = data->flaky_pending;
    data->flaky_pending = 0;
    return run;
}

void winetest_end_flaky(void)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    data->flaky_bits >>= 1;
}

void WINAPIV winetest_push_context(const char *fmt, ...)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    va_list args;

    if (data->context_depth < WINETEST_MAX_CONTEXTS)
    {
        va_start(args, fmt);
        vsnprintf(data->context[data->context_depth], WINETEST_CONTEXT_LEN, fmt, args);
        va_end(args);
    }
    data->context_depth++;
}

void winetest_pop_context(void)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    if (data->context_depth) data->context_depth--;
}

int winetest_get_mainargs(char ***pargv)
{
    *pargv = winetest_argv;
    return winetest_argc;
}

LONG winetest_get_failures(void)
{
    return InterlockedCompareExchange(&winetest_failures, 0, 0);
}

LONG winetest_get_successes(void)
{
    return InterlockedCompareExchange(&winetest_successes, 0, 0);
}

void winetest_add_failures(LONG new_failures)
{
    if (new_failures > 0) InterlockedExchangeAdd(&winetest_failures, new_failures);
}

/* A child's exit code is its failure count (capped at 255); more than that can only be an
 * exception code, which the child has already described on the shared output. */
void winetest_wait_child_process(HANDLE process)
{
    DWORD exit_code = 1;

    if (WaitForSingleObject(process, 30000))
    {
        winetest_ok(0, "Timed out waiting for the child process\n");
        return;
    }
    GetExitCodeProcess(process, &exit_code);
    if (exit_code > 255)
    {
        winetest_ok(0, "unhandled exception %08lx in child process %04lx\n",
                    (unsigned long)exit_code, (unsigned long)GetProcessId(process));
    }
    else if (exit_code)
    {
        struct winetest_thread_data *data = winetest_get_thread_data();
        struct winetest_line l;

        winetest_line_location(&l, data);
        winetest_line_append(&l, "%lu failures in child process\n", (unsigned long)exit_code);
        winetest_print_line(&l);
        winetest_line_free(&l);
        InterlockedExchangeAdd(&winetest_failures, (LONG)exit_code);
    }
}

/* wine/debug.h's wine_dbgstr_* helpers hand their result to __wine_dbg_strdup, which only
 * Wine's ntdll exports: defining it here keeps the test exes loadable on Windows too, and the
 * per-thread ring keeps results from different threads apart. */
const char * __cdecl __wine_dbg_strdup(const char *str)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    size_t len = strlen(str) + 1;
    char *ret;

    if (len > WINETEST_DBGSTR_RING / 4) len = WINETEST_DBGSTR_RING / 4; /* truncate huge ones */
    if (data->dbgstr_pos + len > WINETEST_DBGSTR_RING) data->dbgstr_pos = 0;
    ret = data->dbgstr + data->dbgstr_pos;
    memcpy(ret, str, len - 1);
    ret[len - 1] = 0;
    data->dbgstr_pos += len;
    return ret;
}

int __cdecl __wine_dbg_output(const char *str)
{
    size_t len = strlen(str);
    DWORD written;
    WriteFile(GetStdHandle(STD_ERROR_HANDLE), str, (DWORD)len, &written, NULL);
    return (int)len;
}

static LONG WINAPI winetest_exception_filter(EXCEPTION_POINTERS *ptrs)
{
    struct winetest_thread_data *data = winetest_get_thread_data();
    char elapsed[32];
    char buf[512];
    int len;

    if (winetest_exceptions_ignored) return EXCEPTION_CONTINUE_SEARCH;

    /* No locks and no CRT buffering here: the process may be in any state. */
    if (data->file)
    {
        len = snprintf(buf, sizeof(buf), "%s:%d: this is the last test seen before the exception\n",
                       data->file, data->line);
        if (len > 0) winetest_write(buf, (size_t)len < sizeof(buf) ? (size_t)len : sizeof(buf) - 1);
    }
    winetest_format_elapsed(elapsed, sizeof(elapsed));
    len = snprintf(buf, sizeof(buf), "%04lx:%s:%s unhandled exception %08lx at %p\n",
                   (unsigned long)GetCurrentProcessId(),
                   winetest_current ? winetest_current->name : "", elapsed,
                   (unsigned long)ptrs->ExceptionRecord->ExceptionCode,
                   ptrs->ExceptionRecord->ExceptionAddress);
    if (len > 0) winetest_write(buf, (size_t)len < sizeof(buf) ? (size_t)len : sizeof(buf) - 1);
    /* The process then exits with the exception code: > 255, so a parent tells it apart. */
    return EXCEPTION_EXECUTE_HANDLER;
}

static int winetest_env_int(const char *name, int default_value)
{
    const char *value = getenv(name);
    return value && *value ? atoi(value) : default_value;
}

/* Like every other harness line: "\n" endings whatever the CRT's text mode would do. */
static void WINETEST_PRINTF_ATTR(1, 2) winetest_print(const char *fmt, ...)
{
    struct winetest_line l;
    va_list args;

    winetest_line_init(&l);
    va_start(args, fmt);
    winetest_line_vappend(&l, fmt, args);
    va_end(args);
    winetest_print_line(&l);
    winetest_line_free(&l);
}

static void winetest_list_tests(void)
{
    const struct test *t;

    winetest_print("Valid test names:\n");
    for (t = winetest_testlist; t->name; t++) winetest_print("    %s\n", t->name);
}

static void WINETEST_NORETURN winetest_usage(const char *argv0)
{
    winetest_print("Usage: %s test_name\n\n", argv0);
    winetest_list_tests();
    ExitProcess(1);
}

static int winetest_run(const char *name)
{
    const struct test *t;
    char elapsed[32];
    LONG failures, todo_failures, flaky_failures, status;

    for (t = winetest_testlist; t->name; t++)
        if (!strcmp(t->name, name)) break;
    if (!t->name)
    {
        winetest_print("Fatal: test '%s' does not exist.\n", name);
        ExitProcess(1);
    }

    winetest_current = t;
    t->func();

    failures = winetest_get_failures();
    todo_failures = InterlockedCompareExchange(&winetest_todo_failures, 0, 0);
    flaky_failures = InterlockedCompareExchange(&winetest_flaky_failures, 0, 0);

    if (winetest_muted_todos || winetest_muted_skips || winetest_muted_traces)
    {
        struct winetest_line l;
        winetest_format_elapsed(elapsed, sizeof(elapsed));
        winetest_line_init(&l);
        winetest_line_append(&l, "%04lx:%s:%s Silenced %ld todos, %ld skips and %ld traces.\n",
                             (unsigned long)GetCurrentProcessId(), t->name, elapsed,
                             winetest_muted_todos, winetest_muted_skips, winetest_muted_traces);
        winetest_print_line(&l);
        winetest_line_free(&l);
    }
    if (winetest_debug > 0)
    {
        struct winetest_line l;
        LONG executed = winetest_successes + failures + flaky_failures + winetest_todo_successes
                        + todo_failures;
        winetest_format_elapsed(elapsed, sizeof(elapsed));
        winetest_line_init(&l);
        winetest_line_append(&l,
                             "%04lx:%s:%s %ld tests executed (%ld marked as todo, %ld as flaky, "
                             "%ld failure%s), %ld skipped.\n",
                             (unsigned long)GetCurrentProcessId(), t->name, elapsed, executed,
                             winetest_todo_successes, flaky_failures, failures + todo_failures,
                             failures + todo_failures == 1 ? "" : "s", winetest_skipped);
        winetest_print_line(&l);
        winetest_line_free(&l);
    }

    status = failures + todo_failures;
    if (winetest_report_flaky) status += flaky_failures;
    return status > 255 ? 255 : (int)status;
}

int main(int argc, char **argv)
{
    const char *platform;
    HMODULE ntdll;
    int status;

    winetest_argc = argc;
    winetest_argv = argv;
    winetest_start_ticks = GetTickCount();
    winetest_tls = TlsAlloc();
    InitializeCriticalSection(&winetest_print_cs);
    /* Same name in parent and children: their lines on a shared handle stay whole. */
    winetest_print_mutex = CreateMutexA(NULL, FALSE, "winetest_print_mutex");
    setvbuf(stdout, NULL, _IONBF, 0);

    platform = getenv("WINETEST_PLATFORM");
    if (platform && *platform)
        winetest_platform = strcmp(platform, "wine") ? "windows" : "wine";
    else
    {
        ntdll = GetModuleHandleA("ntdll.dll");
        if (ntdll && (GetProcAddress(ntdll, "wine_get_version")
                      || GetProcAddress(ntdll, "wine_server_call")))
            winetest_platform = "wine";
    }
    winetest_platform_is_wine = !strcmp(winetest_platform, "wine");

    winetest_debug = winetest_env_int("WINETEST_DEBUG", 1);
    winetest_interactive = winetest_env_int("WINETEST_INTERACTIVE", 0);
    winetest_report_success = winetest_env_int("WINETEST_REPORT_SUCCESS", 0);
    winetest_report_flaky = winetest_env_int("WINETEST_REPORT_FLAKY", 0);
    winetest_mute_threshold = winetest_env_int("WINETEST_MUTE_THRESHOLD", 42);
    winetest_time = winetest_env_int("WINETEST_TIME", 0);
    winetest_color = winetest_env_int("WINETEST_COLOR", 0);

    SetUnhandledExceptionFilter(winetest_exception_filter);

    if (argc > 1 && !strcmp(argv[1], "--list"))
    {
        winetest_list_tests();
        return 0;
    }
    if (argc > 1 && !strcmp(argv[1], "--help")) winetest_usage(argv[0]);
    if (argc < 2)
    {
        /* Without a name, a single-test exe runs its test; otherwise say what exists. */
        if (winetest_testlist[0].name && !winetest_testlist[1].name)
            status = winetest_run(winetest_testlist[0].name);
        else
            winetest_usage(argv[0]);
    }
    else
        status = winetest_run(argv[1]);

    fflush(stdout);
    ExitProcess(status);
}

#endif /* STANDALONE */

#endif /* __WINE_WINE_TEST_H */
