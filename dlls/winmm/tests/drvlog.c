/*
 * drvlog.dll: a test installable driver that logs every message (see drvlog.h) and answers as
 * Microsoft's template DriverProc does, with the configuration answers chosen by the test.
 */
#define DRVLOG_THIS_DRIVER DRVLOG_LOG
#include "drvcommon.h"
#include <setjmp.h>

/* DRVLOG_WALK: stricter than a longjmp. RtlUnwind takes a frame without unwind information for
 * a leaf function's and pops one word as its return address; in a frame that allocated stack
 * that word is wrong, but Wine's unwinder often reaches a right one a few words further up, and
 * the longjmp works anyway. */
static LRESULT walk_stack( HMODULE target )
{
#ifdef __x86_64__
    RUNTIME_FUNCTION *func;
    ULONG_PTR base, frame;
    CONTEXT context;
    void *data;
    int n;

    RtlCaptureContext( &context );
    for (n = 1; n <= 64; n++)
    {
        if (!(func = RtlLookupFunctionEntry( context.Rip, &base, NULL ))) return -n;
        if (base == (ULONG_PTR)target) return n - 1;
        RtlVirtualUnwind( UNW_FLAG_NHANDLER, base, context.Rip, func, &context, &data, &frame,
                          NULL );
    }
    return -n;
#else
    return 0;
#endif
}

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
    case DRVLOG_WALK:
        ret = walk_stack( (HMODULE)lparam1 );
        break;
    case DRVLOG_SELF:
        /* logged before the nested message, so the log shows the nesting order */
        log_message( id, hdrvr, msg, lparam1, lparam2, 0, NULL );
        return SendDriverMessage( hdrvr, DRVLOG_ECHO, lparam1, lparam2 ) + 1000;
    case DRVLOG_LONGJMP:
        /* logged first: the jump never comes back here */
        log_message( id, hdrvr, msg, lparam1, lparam2, 0, NULL );
        longjmp( *(jmp_buf *)lparam1, (int)lparam2 );
    case DRVLOG_SELF_LONGJMP:
        log_message( id, hdrvr, msg, lparam1, lparam2, 0, NULL );
        return SendDriverMessage( hdrvr, DRVLOG_LONGJMP, lparam1, lparam2 );
    default:
        ret = DefDriverProc( id, hdrvr, msg, lparam1, lparam2 );
        break;
    }
    log_message( id, hdrvr, msg, lparam1, lparam2, ret, text );
    return ret;
}
