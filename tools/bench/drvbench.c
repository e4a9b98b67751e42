/*
 * usermm benchmark: winmm installable-driver metrics.
 *
 * They drive benchdrv.dll (tools/benchdrv), a driver whose DriverProc answers 1 to
 * everything, copied next to bench.exe.  drv_direct calls that DriverProc through a
 * pointer: the floor SendDriverMessage is measured against (issue 3 wants within 2x).
 */
#include <stdio.h>
#include <windows.h>
#include <mmsystem.h>

#include "bench.h"

typedef HDRVR (WINAPI *OpenDriver_t)(LPCWSTR, LPCWSTR, LPARAM);
typedef LRESULT (WINAPI *CloseDriver_t)(HDRVR, LPARAM, LPARAM);
typedef LRESULT (WINAPI *SendDriverMessage_t)(HDRVR, UINT, LPARAM, LPARAM);
typedef LRESULT (CALLBACK *DriverProc_t)(DWORD_PTR, HDRVR, UINT, LPARAM, LPARAM);

static const WCHAR driver_name[] = L"benchdrv.dll";

static HDRVR open_driver(void)
{
    BENCH_PROC("winmm.dll", OpenDriver_t, OpenDriver);
    HDRVR hdrvr = OpenDriver(driver_name, NULL, 0);

    if (!hdrvr) bench_missing("OpenDriver(benchdrv.dll):failed:error=%lu", GetLastError());
    return hdrvr;
}

static void close_driver(HDRVR hdrvr)
{
    BENCH_PROC("winmm.dll", CloseDriver_t, CloseDriver);

    if (!CloseDriver(hdrvr, 0, 0)) bench_missing("CloseDriver:failed");
}

/* Times ITERS pairs of OpenDriver + CloseDriver. */
static double time_open_close(LONGLONG iters)
{
    BENCH_PROC("winmm.dll", OpenDriver_t, OpenDriver);
    BENCH_PROC("winmm.dll", CloseDriver_t, CloseDriver);
    LONGLONG start, end;

    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
    {
        HDRVR hdrvr = OpenDriver(driver_name, NULL, 0);
        if (!hdrvr) bench_missing("OpenDriver(benchdrv.dll):failed:error=%lu", GetLastError());
        if (!CloseDriver(hdrvr, 0, 0)) bench_missing("CloseDriver:failed");
    }
    end = bench_now_ns();
    return (double)(end - start);
}

/* First instance: every OpenDriver loads the module (DRV_LOAD, DRV_ENABLE, DRV_OPEN)
 * and every CloseDriver unloads it again. */
static double run_open_first(LONGLONG iters)
{
    return time_open_close(iters);
}

/* Another instance is held open, so the module stays loaded: DRV_OPEN / DRV_CLOSE only. */
static double run_open_held(LONGLONG iters)
{
    HDRVR held = open_driver();
    double ns = time_open_close(iters);

    close_driver(held);
    return ns;
}

static double run_send_driver(LONGLONG iters)
{
    BENCH_PROC("winmm.dll", SendDriverMessage_t, SendDriverMessage);
    HDRVR hdrvr = open_driver();
    LONGLONG start, end;

    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
        if (SendDriverMessage(hdrvr, DRV_USER + 1, (LPARAM)i, 0) != 1)
            bench_missing("SendDriverMessage:wrong-result");
    end = bench_now_ns();
    close_driver(hdrvr);
    return (double)(end - start);
}

static double run_direct(LONGLONG iters)
{
    HMODULE module = LoadLibraryW(driver_name);
    DriverProc_t volatile proc;
    LONGLONG start, end;

    if (!module) bench_missing("LoadLibrary(benchdrv.dll):error=%lu", GetLastError());
    if (!(proc = (DriverProc_t)GetProcAddress(module, "DriverProc"))) bench_missing("benchdrv.dll:no-DriverProc");
    start = bench_now_ns();
    for (LONGLONG i = 0; i < iters; i++)
        if (proc(1, (HDRVR)1, DRV_USER + 1, (LPARAM)i, 0) != 1) bench_missing("DriverProc:wrong-result");
    end = bench_now_ns();
    FreeLibrary(module);
    return (double)(end - start);
}

const struct bench_metric drv_metrics[] = {
    { "drv_open_first", "OpenDriver + CloseDriver, first instance (module loaded and freed)", 20, run_open_first },
    { "drv_open_held", "OpenDriver + CloseDriver with another instance held open", 200, run_open_held },
    { "drv_send", "SendDriverMessage(DRV_USER+1) to an open instance", 1000, run_send_driver },
    { "limit_drvproc", "limit: direct call of the same DriverProc through a pointer", 10000, run_direct },
    { NULL }
};
