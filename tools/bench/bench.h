/*
 * usermm benchmark: shared declarations.
 *
 * bench.exe imports kernel32 only.  Every user32 / winmm / kernelbase function a
 * metric needs is looked up at run time with bench_proc(), so a metric the DLL under
 * test cannot serve is reported as "missing" instead of failing to load or crashing.
 */
#ifndef USERMM_BENCH_H
#define USERMM_BENCH_H

#include <windows.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* One metric.  run() performs `iters` operations and returns the elapsed time of the
 * timed part in nanoseconds; set-up and tear-down stay outside the timed part. */
struct bench_metric
{
    const char *name;
    const char *what;    /* one line for `bench.exe list` */
    LONGLONG start_iters; /* first guess of the auto-calibration */
    double (*run)(LONGLONG iters);
};

/* bench.c */
extern const char *bench_current;
void bench_missing(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
HMODULE bench_dll(const char *name);
void *bench_proc(const char *dll, const char *func);
LONGLONG bench_now_ns(void);
HANDLE bench_thread(DWORD (WINAPI *func)(void *), void *arg, DWORD *tid);
void bench_join(HANDLE thread);
void bench_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Declares a local function pointer FN of the right type, looked up in DLL. */
#define BENCH_PROC(dll, type, fn) type fn = (type)bench_proc(dll, #fn)

/* msgbench.c: user32 metrics */
extern const struct bench_metric msg_metrics[];
/* drvbench.c: winmm installable-driver metrics */
extern const struct bench_metric drv_metrics[];
/* limits.c: platform limits inside one Wine process */
extern const struct bench_metric limit_metrics[];
/* x11bench.c: X11 input latency, window side */
extern const struct bench_metric x11_metrics[];

#endif
