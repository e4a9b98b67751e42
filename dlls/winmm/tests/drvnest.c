/*
 * drvnest.dll: a test installable driver that calls winmm from its DriverProc. Each instance
 * opens its own drvlog.dll instance on DRV_OPEN and closes it on DRV_CLOSE; custom messages
 * (drvlog.h) send to the inner instance, close this instance, or open another one. All of it
 * would deadlock if winmm held its lock while a DriverProc runs.
 */
#define DRVLOG_THIS_DRIVER DRVLOG_NEST
#include "drvcommon.h"

struct nest_instance
{
    HDRVR inner; /* the drvlog.dll instance this instance opened */
};

LRESULT CALLBACK DriverProc( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    struct nest_instance *instance = (struct nest_instance *)id;
    LRESULT ret;

    /* logged first, so the log shows the nesting order */
    log_message( id, hdrvr, msg, lparam1, lparam2, 0, NULL );
    switch (msg)
    {
    case DRV_OPEN:
        if (!(instance = HeapAlloc( GetProcessHeap(), 0, sizeof(*instance) ))) return 0;
        if (!(instance->inner = OpenDriver( L"drvlog.dll", NULL, 0 )))
        {
            HeapFree( GetProcessHeap(), 0, instance );
            return 0;
        }
        return (LRESULT)instance;
    case DRV_CLOSE:
        ret = CloseDriver( instance->inner, 0, 0 );
        HeapFree( GetProcessHeap(), 0, instance );
        return ret;
    case DRVNEST_INNER:
        return SendDriverMessage( instance->inner, DRVLOG_ECHO, lparam1, lparam2 );
    case DRVNEST_CLOSE_SELF:
        return CloseDriver( hdrvr, 0, 0 );
    case DRVNEST_OPEN_SELF:
        return (LRESULT)OpenDriver( L"drvnest.dll", NULL, 0 );
    case DRVLOG_ECHO:
        return lparam1 + 2 * lparam2;
    default:
        return DefDriverProc( id, hdrvr, msg, lparam1, lparam2 );
    }
}
