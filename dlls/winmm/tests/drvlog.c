/*
 * drvlog.dll: a test installable driver that logs every message (see drvlog.h) and answers as
 * Microsoft's template DriverProc does, with the configuration answers chosen by the test.
 */
#define DRVLOG_THIS_DRIVER DRVLOG_LOG
#include "drvcommon.h"

LRESULT CALLBACK DriverProc( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    const WCHAR *text = NULL;
    LRESULT ret;

    switch (msg)
    {
    case DRV_LOAD:
    case DRV_ENABLE:
    case DRV_DISABLE:
    case DRV_FREE:
    case DRV_REMOVE:
    case DRV_POWER:
        ret = 1;
        break;
    case DRV_OPEN:
        ret = 0x10000 + InterlockedIncrement( &shared->next_id );
        text = (const WCHAR *)lparam1;
        break;
    case DRV_CLOSE:
        ret = shared->close_result;
        break;
    case DRV_QUERYCONFIGURE:
        ret = shared->query_configure_result;
        break;
    case DRV_CONFIGURE:
        ret = shared->configure_result;
        text = config_alias( lparam2 );
        break;
    case DRV_INSTALL:
    case DRV_PNPINSTALL:
        ret = shared->install_result;
        text = config_alias( lparam2 );
        break;
    case DRVLOG_ECHO:
        ret = lparam1 + 2 * lparam2;
        break;
    case DRVLOG_RESERVED:
        ret = lparam1 - lparam2;
        break;
    case DRVLOG_SELF:
        /* logged before the nested message, so the log shows the nesting order */
        log_message( id, hdrvr, msg, lparam1, lparam2, 0, NULL );
        return SendDriverMessage( hdrvr, DRVLOG_ECHO, lparam1, lparam2 ) + 1000;
    default:
        ret = DefDriverProc( id, hdrvr, msg, lparam1, lparam2 );
        break;
    }
    log_message( id, hdrvr, msg, lparam1, lparam2, ret, text );
    return ret;
}
