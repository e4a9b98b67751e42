/*
 * drvfailload.dll: a test installable driver whose DRV_LOAD fails; it logs every message.
 */
#define DRVLOG_THIS_DRIVER DRVLOG_FAILLOAD
#include "drvcommon.h"

LRESULT CALLBACK DriverProc( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    LRESULT ret = msg == DRV_LOAD ? 0 : DefDriverProc( id, hdrvr, msg, lparam1, lparam2 );

    if (msg == DRV_OPEN) ret = 1;
    log_message( id, hdrvr, msg, lparam1, lparam2, ret, NULL );
    return ret;
}
