/*
 * benchdrv.dll: the installable driver the benchmark opens (tools/bench/drvbench.c).
 * It does nothing and answers 1 to every message, so the benchmark times winmm's
 * own work: a nonzero DRV_LOAD / DRV_ENABLE / DRV_OPEN lets every instance open, and
 * 1 is the driver identifier of every instance.
 */
#include <windows.h>

LRESULT CALLBACK DriverProc(DWORD_PTR id, HANDLE hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2)
{
    (void)id; (void)hdrvr; (void)msg; (void)lparam1; (void)lparam2;
    return 1;
}
