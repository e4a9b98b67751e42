/*
 * bcastdrv.dll: a minimal installable driver for the broadcast test. It accepts every
 * instance and remembers the last message outside the DRV_LOAD..DRV_FREE life cycle, which the
 * test reads back through bcastdrv_last.
 */
#include <windows.h>
#include <mmsystem.h>

static LONG count;
static UINT last_msg;
static LPARAM last_lparam1, last_lparam2;

LRESULT CALLBACK DriverProc( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    switch (msg)
    {
    case DRV_LOAD: case DRV_ENABLE: case DRV_OPEN: case DRV_CLOSE: case DRV_DISABLE: case DRV_FREE:
        return 1;
    }
    last_msg = msg;
    last_lparam1 = lparam1;
    last_lparam2 = lparam2;
    InterlockedIncrement( &count );
    return 0;
}

/* How many messages the driver got besides its life cycle, and the last one. */
LONG WINAPI bcastdrv_last( UINT *msg, LPARAM *lparam1, LPARAM *lparam2 )
{
    *msg = last_msg;
    *lparam1 = last_lparam1;
    *lparam2 = last_lparam2;
    return count;
}
