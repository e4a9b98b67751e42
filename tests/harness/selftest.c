/*
 * Tests of the test harness itself (include/wine/test.h) and of the message-sequence helper
 * (include/usermm/msgseq.h).
 *
 * A harness cannot check its own failure reports from inside: a deliberate failure would fail
 * the run.  So the parent test re-launches this exe as "harness_test.exe selftest <mode>"; each
 * child mode does deliberate things (fails, todos, skips, crashes) and the parent reads the
 * child's output and exit code from a temporary file.  Child modes run only when named on the
 * command line, so a normal run sees nothing but the parent's checks.
 *
 * The parent must know the line of each deliberate check: every such check is written as
 *   if (at(L_FAIL, __LINE__)) ok(0, "...");
 * on one line.  at() records the line and says whether to run the check: the parent calls the
 * child function with describe_only set, which fills the line table and runs nothing.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <windows.h>
#include <mmsystem.h>

#include "wine/test.h"
#include "usermm/msgseq.h"

enum child_line
{
    L_FAIL,
    L_TODO_FAIL,
    L_TODO_SUCCEED,
    L_SKIP,
    L_CTX_INNER,
    L_CTX_OUTER,
    L_CTX_NONE,
    L_CTX_THREAD,
    L_FLAKY,
    L_THREAD_FAIL,
    L_CRASH_LAST,
    L_SEQ_MATCH,
    L_SEQ_OPTIONAL,
    L_SEQ_WRONG_MSG,
    L_SEQ_MISSING,
    L_SEQ_EXTRA,
    L_SEQ_WPARAM,
    L_SEQ_FLAGS,
    L_SEQ_DRIVER,
    L_SEQ_TODO,
    L_SEQ_REGISTERED,
    L_MUTE,
    L_WAIT,
    L_COUNT
};

static int lines[L_COUNT];
static BOOL describe_only;

static BOOL at(enum child_line which, int line)
{
    lines[which] = line;
    return !describe_only;
}

/* ---- child modes: each one is a small test run with known results ---- */

static void child_fail(void)
{
    ok(1, "a passing check\n");
    if (at(L_FAIL, __LINE__)) ok(0, "deliberate failure %d\n", 42);
    ok(1, "another passing check\n");
}

static void child_todo(void)
{
    if (at(L_TODO_FAIL, __LINE__)) todo_wine ok(0, "a todo that fails\n");
    if (at(L_TODO_SUCCEED, __LINE__)) todo_wine ok(1, "a todo that succeeds\n");
    if (describe_only) return;
    todo_if(FALSE) ok(1, "todo_if(FALSE) is an ordinary check\n");
    /* Nested marks: the inner todo_wine_if(FALSE) keeps the outer todo. */
    todo_wine { todo_wine_if(FALSE) ok(0, "nested todo\n"); }
    ok(broken(0) || 1, "broken() never helps under Wine\n");
}

static void child_skip(void)
{
    int i;

    /* The parent expects the second skip 2 lines and the trace 4 lines below L_SKIP. */
    if (at(L_SKIP, __LINE__)) skip("nothing to test here\n");
    if (describe_only) return;
    skip("a second skip\n");
    ok(1, "one check\n");
    for (i = 0; i < 3; i++) trace("a trace line %d\n", i);
}

static DWORD WINAPI context_thread(void *arg)
{
    /* Contexts are per thread: the main thread's must not show here. */
    if (at(L_CTX_THREAD, __LINE__)) ok(0, "from another thread\n");
    return 0;
}

static void child_context(void)
{
    HANDLE thread;

    if (!describe_only)
    {
        winetest_push_context("outer %d", 1);
        winetest_push_context("inner");
    }
    if (at(L_CTX_INNER, __LINE__)) ok(0, "two contexts\n");
    if (!describe_only)
    {
        thread = CreateThread(NULL, 0, context_thread, NULL, 0, NULL);
        WaitForSingleObject(thread, INFINITE);
        CloseHandle(thread);
        winetest_pop_context();
    }
    if (at(L_CTX_OUTER, __LINE__)) ok(0, "one context\n");
    if (!describe_only) winetest_pop_context();
    if (at(L_CTX_NONE, __LINE__)) ok(0, "no context\n");
    if (describe_only) context_thread(NULL);
}

static void child_many(void)
{
    int i;

    if (describe_only) return;
    for (i = 0; i < 300; i++) ok(0, "failure %d\n", i);
}

static void child_flaky(void)
{
    if (at(L_FLAKY, __LINE__)) flaky ok(0, "a flaky failure\n");
    if (describe_only) return;
    flaky ok(1, "a flaky success\n");
}

static DWORD WINAPI busy_thread(void *arg)
{
    int i;

    for (i = 0; i < (describe_only ? 0 : 1000); i++) ok(1, "thread check %d\n", i);
    if (at(L_THREAD_FAIL, __LINE__)) ok(0, "thread %u fails once\n", (unsigned)(ULONG_PTR)arg);
    return 0;
}

static void child_threads(void)
{
    HANDLE threads[4];
    unsigned int i;

    if (describe_only)
    {
        busy_thread(NULL);
        return;
    }
    for (i = 0; i < ARRAY_SIZE(threads); i++)
        threads[i] = CreateThread(NULL, 0, busy_thread, (void *)(ULONG_PTR)i, 0, NULL);
    WaitForMultipleObjects(ARRAY_SIZE(threads), threads, TRUE, INFINITE);
    for (i = 0; i < ARRAY_SIZE(threads); i++) CloseHandle(threads[i]);
}

static void child_crash(void)
{
    /* Volatile both ways: the compiler must neither know the pointer nor drop the store. */
    volatile int *volatile bad_pointer = NULL;

    if (at(L_CRASH_LAST, __LINE__)) ok(1, "the last check before the crash\n");
    if (describe_only) return;
    *bad_pointer = 1;
}

static void record(UINT message, UINT flags, WPARAM wp, LPARAM lp)
{
    struct message msg = { message, flags, wp, lp };
    add_message(&msg);
}

static void child_sequence(void)
{
    static const struct message create_seq[] =
    {
        { WM_NCCREATE, sent },
        { WM_GETMINMAXINFO, sent | optional },
        { WM_NCCALCSIZE, sent | wparam, 0 },
        { WM_CREATE, sent },
        { WM_SHOWWINDOW, sent | optional },
        { WM_SIZE, sent | wparam | lparam, SIZE_RESTORED, MAKELPARAM(100, 50) },
        { WM_MOVE, sent | optional },
        { WM_USER + 1, posted | optional },
        { 0 }
    };
    static const struct message driver_seq[] =
    {
        { DRV_LOAD, driver },
        { DRV_ENABLE, driver },
        { DRV_OPEN, driver | lparam, 0, 0x1234 },
        { 0 }
    };
    static const struct message registered_seq[] = { { 0xc123, posted }, { 0 } };

    if (!describe_only)
    {
        record(WM_NCCREATE, sent, 0, 0);
        record(WM_NCCALCSIZE, sent | wparam, 0, 0);
        record(WM_CREATE, sent, 0, 0);
        record(WM_SIZE, sent | wparam | lparam, SIZE_RESTORED, MAKELPARAM(100, 50));
    }
    /* Matches: absent optional entries are skipped, wParam/lParam compared where asked. */
    if (at(L_SEQ_MATCH, __LINE__)) ok_sequence(create_seq, "create", FALSE);

    if (!describe_only)
    {
        record(WM_NCCREATE, sent, 0, 0);
        record(WM_GETMINMAXINFO, sent, 0, 0);
        record(WM_NCCALCSIZE, sent, 0, 0);
        record(WM_CREATE, sent, 0, 0);
        record(WM_SHOWWINDOW, sent, 1, 0);
        record(WM_SIZE, sent, SIZE_RESTORED, MAKELPARAM(100, 50));
        record(WM_MOVE, sent, 0, 0);
        record(WM_USER + 1, posted, 0, 0);
    }
    /* Matches too, with every optional entry present. */
    if (at(L_SEQ_OPTIONAL, __LINE__)) ok_sequence(create_seq, "create with optional", FALSE);

    if (!describe_only)
    {
        record(WM_NCCREATE, sent, 0, 0);
        record(WM_NCCALCSIZE, sent, 0, 0);
        record(WM_MOVE, sent, 0, 0);
        record(WM_CREATE, sent, 0, 0);
    }
    /* Index 2: WM_CREATE expected; the optional WM_MOVE further on is not a reason to skip. */
    if (at(L_SEQ_WRONG_MSG, __LINE__)) ok_sequence(create_seq, "wrong msg", FALSE);

    if (!describe_only)
    {
        record(WM_NCCREATE, sent, 0, 0);
        record(WM_NCCALCSIZE, sent, 0, 0);
        record(WM_CREATE, sent, 0, 0);
    }
    if (at(L_SEQ_MISSING, __LINE__)) ok_sequence(create_seq, "missing", FALSE);

    if (!describe_only)
    {
        record(DRV_LOAD, driver, 0, 0);
        record(DRV_ENABLE, driver, 0, 0);
        record(DRV_OPEN, driver, 0, 0x1234);
        record(DRV_CLOSE, driver, 0, 0);
    }
    if (at(L_SEQ_EXTRA, __LINE__)) ok_sequence(driver_seq, "extra", FALSE);

    if (!describe_only)
    {
        record(WM_NCCREATE, sent, 0, 0);
        record(WM_NCCALCSIZE, sent, 1, 0);
        record(WM_CREATE, sent, 0, 0);
        record(WM_SIZE, sent, SIZE_RESTORED, MAKELPARAM(100, 50));
    }
    if (at(L_SEQ_WPARAM, __LINE__)) ok_sequence(create_seq, "wparam", FALSE);

    if (!describe_only)
    {
        record(WM_NCCREATE, posted, 0, 0);
    }
    if (at(L_SEQ_FLAGS, __LINE__)) ok_sequence(create_seq, "flags", FALSE);

    if (!describe_only)
    {
        record(DRV_LOAD, driver, 0, 0);
        record(DRV_ENABLE, driver, 0, 0);
        record(DRV_OPEN, driver, 0, 0x99);
    }
    if (at(L_SEQ_DRIVER, __LINE__)) ok_sequence(driver_seq, "driver", FALSE);

    if (!describe_only)
    {
        record(DRV_LOAD, driver, 0, 0);
    }
    /* A known gap: the difference is reported as todo, not as a failure. */
    if (at(L_SEQ_TODO, __LINE__)) ok_sequence(driver_seq, "todo", TRUE);

    if (!describe_only)
    {
        record(WM_USER + 5, posted, 0, 0);
    }
    if (at(L_SEQ_REGISTERED, __LINE__)) ok_sequence(registered_seq, "registered", FALSE);

    if (describe_only) return;
    /* flush_sequence forgets, and ok_sequence starts from an empty record afterwards. */
    record(WM_PAINT, posted, 0, 0);
    flush_sequence();
    ok_sequence(registered_seq + 1, "empty", FALSE);
    flush_events_ex(10, 50);
}

static void child_mute(void)
{
    int i;

    for (i = 0; i < (describe_only ? 1 : 50); i++)
        if (at(L_MUTE, __LINE__)) skip("skip number %d\n", i);
}

static void child_wait(void)
{
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi = { 0 };
    char cmd[MAX_PATH + 64];
    char **argv;

    if (!describe_only)
    {
        winetest_get_mainargs(&argv);
        snprintf(cmd, sizeof(cmd), "\"%s\" selftest child_fail", argv[0]);
        if (!CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) return;
    }
    if (at(L_WAIT, __LINE__)) wait_child_process(pi.hProcess);
    if (describe_only) return;
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    trace("failures so far: %ld\n", winetest_get_failures());
}

static const struct
{
    const char *name;
    void (*func)(void);
} child_modes[] =
{
    { "child_fail", child_fail },
    { "child_todo", child_todo },
    { "child_skip", child_skip },
    { "child_context", child_context },
    { "child_many", child_many },
    { "child_flaky", child_flaky },
    { "child_threads", child_threads },
    { "child_crash", child_crash },
    { "child_sequence", child_sequence },
    { "child_mute", child_mute },
    { "child_wait", child_wait },
};

/* ---- the parent ---- */

struct child_result
{
    DWORD exit_code;
    char *output; /* the child's stdout and stderr, NUL-terminated; HeapFree it */
};

/* Runs "exe selftest <mode>" (or "exe <args>" when mode is NULL) with the given WINETEST_*
 * environment; the output goes to a temporary file that is read back. */
static BOOL run_child(const char *args, const char *platform, const char *debug,
                      struct child_result *result)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char temp_dir[MAX_PATH], temp_file[MAX_PATH], cmd[2 * MAX_PATH];
    char **argv;
    HANDLE file;
    DWORD size, read;
    BOOL ret;

    result->exit_code = 0xdeadbeef;
    result->output = NULL;
    winetest_get_mainargs(&argv);
    GetTempPathA(sizeof(temp_dir), temp_dir);
    GetTempFileNameA(temp_dir, "wth", 0, temp_file);
    file = CreateFileA(temp_file, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                       &sa, CREATE_ALWAYS, FILE_ATTRIBUTE_TEMPORARY, NULL);
    ok(file != INVALID_HANDLE_VALUE, "cannot create %s: %lu\n", temp_file, GetLastError());
    if (file == INVALID_HANDLE_VALUE) return FALSE;

    /* The children must not inherit settings that change what they print. */
    SetEnvironmentVariableA("WINETEST_PLATFORM", platform);
    SetEnvironmentVariableA("WINETEST_DEBUG", debug);
    SetEnvironmentVariableA("WINETEST_REPORT_SUCCESS", NULL);
    SetEnvironmentVariableA("WINETEST_REPORT_FLAKY", NULL);
    SetEnvironmentVariableA("WINETEST_TIME", NULL);
    SetEnvironmentVariableA("WINETEST_COLOR", NULL);
    SetEnvironmentVariableA("WINETEST_MUTE_THRESHOLD", NULL);

    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = file;
    si.hStdError = file;
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", argv[0], args);
    ret = CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
    ok(ret, "CreateProcess(%s) failed: %lu\n", cmd, GetLastError());
    SetEnvironmentVariableA("WINETEST_PLATFORM", winetest_platform);
    SetEnvironmentVariableA("WINETEST_DEBUG", NULL);
    if (!ret)
    {
        CloseHandle(file);
        DeleteFileA(temp_file);
        return FALSE;
    }
    /* Not wait_child_process: these children fail on purpose, that must not count here. */
    ok(!WaitForSingleObject(pi.hProcess, 30000), "child %s did not finish\n", args);
    GetExitCodeProcess(pi.hProcess, &result->exit_code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    size = GetFileSize(file, NULL);
    result->output = HeapAlloc(GetProcessHeap(), 0, size + 1);
    SetFilePointer(file, 0, NULL, FILE_BEGIN);
    if (!ReadFile(file, result->output, size, &read, NULL)) read = 0;
    result->output[read] = 0;
    CloseHandle(file);
    DeleteFileA(temp_file);
    if (winetest_debug > 1) trace("output of %s:\n%s", args, result->output);
    return TRUE;
}

/* Counts the lines of the output equal to `line` ("\n" not included; a "\r" is tolerated). */
static int count_lines(const char *output, const char *line)
{
    size_t len = strlen(line);
    const char *p = output;
    int count = 0;

    while (*p)
    {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n && p[n - 1] == '\r') n--;
        if (n == len && !memcmp(p, line, len)) count++;
        p += n;
        while (*p == '\r' || *p == '\n') p++;
    }
    return count;
}

static int count_lines_fmt(const char *output, const char *fmt, ...) WINETEST_PRINTF_ATTR(2, 3);
static int count_lines_fmt(const char *output, const char *fmt, ...)
{
    char line[512];
    va_list args;

    va_start(args, fmt);
    vsnprintf(line, sizeof(line), fmt, args);
    va_end(args);
    return count_lines(output, line);
}

/* The summary line ends the output: "<pid>:selftest: <summary>" with the child's pid. */
static void check_summary_(const char *file, int line, const struct child_result *r,
                           const char *summary)
{
    char expect[256];
    const char *found;

    snprintf(expect, sizeof(expect), ":selftest: %s", summary);
    found = strstr(r->output, expect);
    ok_(file, line)(found != NULL, "summary \"%s\" not found in:\n%s", summary, r->output);
    if (found)
    {
        const char *start = found;
        while (start > r->output && start[-1] != '\n') start--;
        ok_(file, line)(found - start == 4 && strspn(start, "0123456789abcdef") == 4,
                        "summary prefix is not a 4-digit pid: %.*s\n", (int)(found - start), start);
    }
}
#define check_summary(r, s) check_summary_(__FILE__, __LINE__, r, s)

#define check_line(r, ...) ok(count_lines_fmt((r)->output, __VA_ARGS__) == 1, \
                              "line not found once in:\n%s", (r)->output)

static void test_failures(void)
{
    struct child_result r;

    if (!run_child("selftest child_fail", "wine", "1", &r)) return;
    ok(r.exit_code == 1, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: Test failed: deliberate failure 42", lines[L_FAIL]);
    check_summary(&r, "3 tests executed (0 marked as todo, 0 as flaky, 1 failure), 0 skipped.");
    HeapFree(GetProcessHeap(), 0, r.output);

    /* More than 255 failures: the exit code saturates, the summary does not. */
    if (!run_child("selftest child_many", "wine", "1", &r)) return;
    ok(r.exit_code == 255, "exit code %lu\n", r.exit_code);
    check_summary(&r, "300 tests executed (0 marked as todo, 0 as flaky, 300 failures), 0 skipped.");
    HeapFree(GetProcessHeap(), 0, r.output);

    /* WINETEST_DEBUG=0: failures are still printed, the summary is not. */
    if (!run_child("selftest child_fail", "wine", "0", &r)) return;
    ok(r.exit_code == 1, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: Test failed: deliberate failure 42", lines[L_FAIL]);
    ok(!strstr(r.output, "tests executed"), "summary printed with debug 0:\n%s", r.output);
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_todo(void)
{
    struct child_result r;

    if (!run_child("selftest child_todo", "wine", "1", &r)) return;
    /* The todo that succeeds is the one failure; the one that fails is only counted. */
    ok(r.exit_code == 1, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: Test marked todo: a todo that fails", lines[L_TODO_FAIL]);
    check_line(&r, "selftest.c:%d: Test succeeded inside todo block: a todo that succeeds",
               lines[L_TODO_SUCCEED]);
    check_summary(&r, "5 tests executed (2 marked as todo, 0 as flaky, 1 failure), 0 skipped.");
    ok(!strstr(r.output, "Test failed"), "unexpected failure in:\n%s", r.output);
    HeapFree(GetProcessHeap(), 0, r.output);

    /* On Windows todo_wine is no mark at all: the failing check fails, the other passes. */
    if (!run_child("selftest child_todo", "windows", "1", &r)) return;
    ok(r.exit_code == 2, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: Test failed: a todo that fails", lines[L_TODO_FAIL]);
    check_summary(&r, "5 tests executed (0 marked as todo, 0 as flaky, 2 failures), 0 skipped.");
    HeapFree(GetProcessHeap(), 0, r.output);

    /* Debug 0 hides "Test marked todo" but not "Test succeeded inside todo block". */
    if (!run_child("selftest child_todo", "wine", "0", &r)) return;
    ok(r.exit_code == 1, "exit code %lu\n", r.exit_code);
    ok(!strstr(r.output, "Test marked todo"), "todo printed with debug 0:\n%s", r.output);
    check_line(&r, "selftest.c:%d: Test succeeded inside todo block: a todo that succeeds",
               lines[L_TODO_SUCCEED]);
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_skip_and_trace(void)
{
    struct child_result r;

    if (!run_child("selftest child_skip", "wine", "1", &r)) return;
    ok(r.exit_code == 0, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: Tests skipped: nothing to test here", lines[L_SKIP]);
    check_line(&r, "selftest.c:%d: Tests skipped: a second skip", lines[L_SKIP] + 2);
    ok(count_lines_fmt(r.output, "selftest.c:%d: a trace line 1", lines[L_SKIP] + 4) == 1,
       "trace not printed:\n%s", r.output);
    check_summary(&r, "1 tests executed (0 marked as todo, 0 as flaky, 0 failures), 2 skipped.");
    HeapFree(GetProcessHeap(), 0, r.output);

    if (!run_child("selftest child_skip", "wine", "0", &r)) return;
    ok(!strstr(r.output, "a trace line"), "trace printed with debug 0:\n%s", r.output);
    HeapFree(GetProcessHeap(), 0, r.output);

    /* After WINETEST_MUTE_THRESHOLD (42) lines from one place, a note, then silence. */
    if (!run_child("selftest child_mute", "wine", "1", &r)) return;
    ok(r.exit_code == 0, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: Tests skipped: skip number 41", lines[L_MUTE]);
    ok(!count_lines_fmt(r.output, "selftest.c:%d: Tests skipped: skip number 42", lines[L_MUTE]),
       "line not muted:\n%s", r.output);
    check_line(&r, "selftest.c:%d: Line has been silenced after 42 occurrences", lines[L_MUTE]);
    ok(strstr(r.output, ":selftest: Silenced 0 todos, 8 skips and 0 traces.\n") != NULL,
       "no silenced summary in:\n%s", r.output);
    check_summary(&r, "0 tests executed (0 marked as todo, 0 as flaky, 0 failures), 50 skipped.");
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_context(void)
{
    struct child_result r;

    if (!run_child("selftest child_context", "wine", "1", &r)) return;
    ok(r.exit_code == 4, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: Test failed: outer 1: inner: two contexts", lines[L_CTX_INNER]);
    check_line(&r, "selftest.c:%d: Test failed: from another thread", lines[L_CTX_THREAD]);
    check_line(&r, "selftest.c:%d: Test failed: outer 1: one context", lines[L_CTX_OUTER]);
    check_line(&r, "selftest.c:%d: Test failed: no context", lines[L_CTX_NONE]);
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_flaky(void)
{
    struct child_result r;

    if (!run_child("selftest child_flaky", "wine", "1", &r)) return;
    ok(r.exit_code == 0, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: Test marked flaky: a flaky failure", lines[L_FLAKY]);
    check_summary(&r, "2 tests executed (0 marked as todo, 1 as flaky, 0 failures), 0 skipped.");
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_threads(void)
{
    struct child_result r;
    int i, count = 0;

    if (!run_child("selftest child_threads", "wine", "1", &r)) return;
    ok(r.exit_code == 4, "exit code %lu\n", r.exit_code);
    /* Each thread's failure comes out as one whole line. */
    for (i = 0; i < 4; i++)
        count += count_lines_fmt(r.output, "selftest.c:%d: Test failed: thread %d fails once",
                                 lines[L_THREAD_FAIL], i);
    ok(count == 4, "thread failures not found in:\n%s", r.output);
    check_summary(&r, "4004 tests executed (0 marked as todo, 0 as flaky, 4 failures), 0 skipped.");
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_crash(void)
{
    struct child_result r;
    char expect[64];

    if (!run_child("selftest child_crash", "wine", "1", &r)) return;
    ok(r.exit_code == EXCEPTION_ACCESS_VIOLATION, "exit code %#lx\n", r.exit_code);
    check_line(&r, "selftest.c:%d: this is the last test seen before the exception",
               lines[L_CRASH_LAST]);
    snprintf(expect, sizeof(expect), ":selftest: unhandled exception %08lx at ",
             (unsigned long)EXCEPTION_ACCESS_VIOLATION);
    ok(strstr(r.output, expect) != NULL, "no exception line in:\n%s", r.output);
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_wait_child(void)
{
    struct child_result r;

    /* A child that waits for a failing grandchild takes over its failure count. */
    if (!run_child("selftest child_wait", "wine", "1", &r)) return;
    ok(r.exit_code == 1, "exit code %lu\n", r.exit_code);
    check_line(&r, "selftest.c:%d: 1 failures in child process", lines[L_WAIT]);
    check_line(&r, "selftest.c:%d: Test failed: deliberate failure 42", lines[L_FAIL]);
    ok(strstr(r.output, "failures so far: 1\n") != NULL, "winetest_get_failures wrong:\n%s", r.output);
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_sequences(void)
{
    struct child_result r;

    if (!run_child("selftest child_sequence", "wine", "1", &r)) return;
    ok(r.exit_code == 7, "exit code %lu\n", r.exit_code);
    ok(!strstr(r.output, "create: "), "matching sequence reported:\n%s", r.output);
    ok(!strstr(r.output, "create with optional: "), "matching sequence reported:\n%s", r.output);
    check_line(&r, "selftest.c:%d: Test failed: wrong msg: 2: the msg WM_CREATE was expected, "
               "but got msg WM_MOVE instead", lines[L_SEQ_WRONG_MSG]);
    check_line(&r, "selftest.c:%d: Test failed: missing: 3: the msg sequence is not complete: "
               "expected WM_SIZE - actual none", lines[L_SEQ_MISSING]);
    check_line(&r, "selftest.c:%d: Test failed: extra: 3: the msg sequence is not complete: "
               "expected none - actual DRV_CLOSE", lines[L_SEQ_EXTRA]);
    check_line(&r, "selftest.c:%d: Test failed: wparam: 1: in msg WM_NCCALCSIZE expecting wParam 0 "
               "got 0x1", lines[L_SEQ_WPARAM]);
    check_line(&r, "selftest.c:%d: Test failed: flags: 0: the msg WM_NCCREATE was expected with "
               "flags 0x1, but got flags 0x2", lines[L_SEQ_FLAGS]);
    check_line(&r, "selftest.c:%d: Test failed: driver: 2: in msg DRV_OPEN expecting lParam 0x1234 "
               "got 0x99", lines[L_SEQ_DRIVER]);
    check_line(&r, "selftest.c:%d: Test marked todo: todo: 1: the msg sequence is not complete: "
               "expected DRV_ENABLE - actual none", lines[L_SEQ_TODO]);
    check_line(&r, "selftest.c:%d: Test failed: registered: 0: the msg registered 0xC123 was "
               "expected, but got msg WM_USER+5 instead", lines[L_SEQ_REGISTERED]);
    /* 11 sequences, one check each; the todo one is not a failure. */
    check_summary(&r, "11 tests executed (1 marked as todo, 0 as flaky, 7 failures), 0 skipped.");
    HeapFree(GetProcessHeap(), 0, r.output);
}

static void test_arguments(void)
{
    struct child_result r;

    if (!run_child("--list", "wine", "1", &r)) return;
    ok(r.exit_code == 0, "exit code %lu\n", r.exit_code);
    ok(!strncmp(r.output, "Valid test names:\n", 18), "wrong list:\n%s", r.output);
    check_line(&r, "    selftest");
    check_line(&r, "    msgnames");
    HeapFree(GetProcessHeap(), 0, r.output);

    if (!run_child("no_such_test", "wine", "1", &r)) return;
    ok(r.exit_code == 1, "exit code %lu\n", r.exit_code);
    check_line(&r, "Fatal: test 'no_such_test' does not exist.");
    HeapFree(GetProcessHeap(), 0, r.output);

    /* No name and two tests in this exe: usage, the list, exit code 1. */
    if (!run_child("", "wine", "1", &r)) return;
    ok(r.exit_code == 1, "exit code %lu\n", r.exit_code);
    ok(!strncmp(r.output, "Usage: ", 7), "no usage line:\n%s", r.output);
    check_line(&r, "Valid test names:");
    HeapFree(GetProcessHeap(), 0, r.output);
}

START_TEST(selftest)
{
    char **argv;
    int argc = winetest_get_mainargs(&argv);
    unsigned int i;

    if (argc > 2)
    {
        for (i = 0; i < ARRAY_SIZE(child_modes); i++)
            if (!strcmp(argv[2], child_modes[i].name)) child_modes[i].func();
        return;
    }

    describe_only = TRUE;
    for (i = 0; i < ARRAY_SIZE(child_modes); i++) child_modes[i].func();
    describe_only = FALSE;

    ok(!strcmp(winetest_platform, "wine") || !strcmp(winetest_platform, "windows"),
       "platform %s\n", winetest_platform);
    test_failures();
    test_todo();
    test_skip_and_trace();
    test_context();
    test_flaky();
    test_threads();
    test_crash();
    test_wait_child();
    test_sequences();
    test_arguments();
}
