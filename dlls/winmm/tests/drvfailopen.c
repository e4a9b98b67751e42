/*
 * drvfailopen.dll: a test installable driver that loads and enables but refuses DRV_OPEN; it
 * logs every message.
 */
#define DRVLOG_THIS_DRIVER DRVLOG_FAILOPEN
#include "drvcommon.h"

LRESULT CALLBACK DriverProc( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    LRESULT ret = msg == DRV_OPEN ? 0 : DefDriverProc( id, hdrvr, msg, lparam1, lparam2 );

    if (msg == DRV_CLOSE) ret = 1;
    log_message( id, hdrvr, msg, lparam1, lparam2, ret, NULL );
    return ret;
}
