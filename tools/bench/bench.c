/*
 * usermm benchmark: command line, timing, auto-calibration, run-time look-ups.
 *
 *   bench.exe list                         names of all metrics, one per line
 *   bench.exe which                        where user32.dll and winmm.dll load from
 *   bench.exe metric NAME ITERS            run one metric
 *
 * ITERS is an operation count, or "auto" / "NNNms": run with growing counts until
 * one run takes about NNN ms (default 150), and report that run.
 *
 * Output, one line on stdout (the driver script tools/bench/run parses it):
 *   NAME VALUE ns/op iters=N [notes]       a measurement
 *   NAME missing REASON                    the DLLs under test cannot serve it
 * Exit status 0 for a measurement, 2 for missing, 3 for a crash.  A benchmark never
 * judges a figure.
 *
 * BENCH_EXPECT=ours|builtin (set by the driver script) makes every DLL the metric loads
 * prove where it came from: "ours" requires the copy next to bench.exe, "builtin" one
 * elsewhere (Wine's).  Otherwise an override that silently fell back to Wine's builtin
 * would be reported as our figure.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "bench.h"

#ifndef EXCEPTION_WINE_STUB
#define EXCEPTION_WINE_STUB 0x80000100
#endif

const char *bench_current = "bench";
static LARGE_INTEGER qpc_freq;
static char notes[256];

static const struct bench_metric *const metric_tables[] = {
    msg_metrics, drv_metrics, limit_metrics, x11_metrics,
};

void bench_missing(const char *fmt, ...)
{
    char reason[512];
    va_list args;

    va_start(args, fmt);
    vsnprintf(reason, sizeof(reason), fmt, args);
    va_end(args);
    for (char *p = reason; *p; p++) /* the reason is one field */
        if (*p == ' ' || *p == '\t' || *p == '\n') *p = '_';
    printf("%s missing %s\n", bench_current, reason);
    fflush(stdout);
    ExitProcess(2);
}

/* Free-form notes appended to the result line (quota hits, lost events…). */
void bench_note(const char *fmt, ...)
{
    size_t len = strlen(notes);
    va_list args;

    if (len + 2 >= sizeof(notes)) return;
    notes[len++] = ' ';
    va_start(args, fmt);
    vsnprintf(notes + len, sizeof(notes) - len, fmt, args);
    va_end(args);
}

static void exe_dir(WCHAR *dir, DWORD size)
{
    WCHAR *slash;

    GetModuleFileNameW(NULL, dir, size);
    if ((slash = wcsrchr(dir, '\\'))) *slash = 0;
}

static BOOL module_is_local(HMODULE module, char *path, DWORD size)
{
    WCHAR file[MAX_PATH], dir[MAX_PATH], *slash;

    GetModuleFileNameW(module, file, MAX_PATH);
    WideCharToMultiByte(CP_UTF8, 0, file, -1, path, size, NULL, NULL);
    exe_dir(dir, MAX_PATH);
    if (!(slash = wcsrchr(file, '\\'))) return FALSE;
    *slash = 0;
    return !lstrcmpiW(file, dir);
}

HMODULE bench_dll(const char *name)
{
    const char *expect = getenv("BENCH_EXPECT");
    char path[MAX_PATH * 3];
    HMODULE module;

    if (!(module = LoadLibraryA(name)))
        bench_missing("cannot-load:%s:error=%lu", name, GetLastError());
    if (expect && strcmp(name, "kernelbase.dll") && strcmp(name, "kernel32.dll"))
    {
        BOOL local = module_is_local(module, path, sizeof(path));
        if (!strcmp(expect, "ours") && !local) bench_missing("not-ours:%s", path);
        if (!strcmp(expect, "builtin") && local) bench_missing("not-builtin:%s", path);
    }
    return module;
}

void *bench_proc(const char *dll, const char *func)
{
    void *proc = (void *)GetProcAddress(bench_dll(dll), func);

    if (!proc) bench_missing("no-export:%s.%s", dll, func);
    return proc;
}

LONGLONG bench_now_ns(void)
{
    LARGE_INTEGER now;

    QueryPerformanceCounter(&now);
    return (LONGLONG)((double)now.QuadPart * 1e9 / (double)qpc_freq.QuadPart);
}

HANDLE bench_thread(DWORD (WINAPI *func)(void *), void *arg, DWORD *tid)
{
    HANDLE thread = CreateThread(NULL, 0, func, arg, 0, tid);

    if (!thread) bench_missing("CreateThread:error=%lu", GetLastError());
    return thread;
}

void bench_join(HANDLE thread)
{
    if (WaitForSingleObject(thread, 20000) != WAIT_OBJECT_0)
        bench_missing("thread-did-not-finish");
    CloseHandle(thread);
}

/* A stub of ours (or any fault) ends the run with a "missing" line, not a crash dialog
 * or a backtrace from winedbg that would cost seconds. */
static LONG WINAPI crash_filter(EXCEPTION_POINTERS *info)
{
    const EXCEPTION_RECORD *rec = info->ExceptionRecord;

    /* Wine's spec stubs raise EXCEPTION_WINE_STUB with the DLL and function names. */
    if (rec->ExceptionCode == EXCEPTION_WINE_STUB && rec->NumberParameters >= 2)
        printf("%s missing stub:%s.%s\n", bench_current, (const char *)rec->ExceptionInformation[0],
               (const char *)rec->ExceptionInformation[1]);
    else
        printf("%s missing crash:0x%08lx_at_%p\n", bench_current, rec->ExceptionCode, rec->ExceptionAddress);
    fflush(stdout);
    ExitProcess(3);
    return EXCEPTION_EXECUTE_HANDLER;
}

static const struct bench_metric *find_metric(const char *name)
{
    for (size_t t = 0; t < ARRAY_SIZE(metric_tables); t++)
        for (const struct bench_metric *m = metric_tables[t]; m->name; m++)
            if (!strcmp(m->name, name)) return m;
    return NULL;
}

static void list_metrics(void)
{
    for (size_t t = 0; t < ARRAY_SIZE(metric_tables); t++)
        for (const struct bench_metric *m = metric_tables[t]; m->name; m++)
            printf("%-20s %s\n", m->name, m->what);
}

static void which_dlls(void)
{
    static const char *const dlls[] = { "user32.dll", "winmm.dll" };
    char path[MAX_PATH * 3];

    for (size_t i = 0; i < ARRAY_SIZE(dlls); i++)
    {
        HMODULE module = LoadLibraryA(dlls[i]);
        if (!module)
            printf("%s cannot-load error=%lu\n", dlls[i], GetLastError());
        else
            printf("%s %s %s\n", dlls[i], module_is_local(module, path, sizeof(path)) ? "local" : "system", path);
    }
}

/* Grow the count until one run lasts at least half the target; the last run is the
 * measurement, the earlier ones warm caches and the loader. */
static double calibrate(const struct bench_metric *m, double target_ns, LONGLONG *iters)
{
    LONGLONG n = m->start_iters > 0 ? m->start_iters : 100;
    double ns;

    for (;;)
    {
        notes[0] = 0;
        ns = m->run(n);
        if (ns >= target_ns / 2 || n >= (1LL << 40)) break;
        double scale = target_ns / (ns > 1000 ? ns : 1000);
        if (scale < 2) scale = 2;
        if (scale > 100) scale = 100;
        n = (LONGLONG)(n * scale);
    }
    *iters = n;
    return ns;
}

int main(int argc, char **argv)
{
    const struct bench_metric *m;
    LONGLONG iters;
    double ns;

    QueryPerformanceFrequency(&qpc_freq);
    SetUnhandledExceptionFilter(crash_filter);
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);

    if (argc >= 2 && !strcmp(argv[1], "list"))
    {
        list_metrics();
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "which"))
    {
        which_dlls();
        return 0;
    }
    if (argc < 4 || strcmp(argv[1], "metric"))
    {
        fprintf(stderr, "usage: bench.exe list | which | metric NAME ITERS|auto|NNNms\n");
        return 1;
    }
    if (!(m = find_metric(argv[2])))
    {
        fprintf(stderr, "bench: unknown metric %s (see bench.exe list)\n", argv[2]);
        return 1;
    }
    bench_current = m->name;

    if (!strcmp(argv[3], "auto") || strstr(argv[3], "ms"))
    {
        double target_ms = strcmp(argv[3], "auto") ? atof(argv[3]) : 150;
        ns = calibrate(m, target_ms * 1e6, &iters);
    }
    else
    {
        iters = _atoi64(argv[3]);
        if (iters <= 0) iters = 1;
        ns = m->run(iters);
    }
    printf("%s %.2f ns/op iters=%lld%s\n", m->name, ns / (double)iters, iters, notes);
    fflush(stdout);
    return 0;
}
