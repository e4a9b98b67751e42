/*
 * demodrv.dll: the sample installable driver of the demo. Its DriverProc prints every message it
 * gets (names from include/usermm/msgnames.h) and answers as Microsoft's DriverProc template
 * does: 1 to DRV_LOAD / DRV_ENABLE / DRV_DISABLE / DRV_FREE, a non-zero instance id to
 * DRV_OPEN, 1 to DRV_CLOSE, and DefDriverProc for the rest.
 */
#include <stdio.h>
#include <windows.h>
#include <mmsystem.h>
#include "usermm/msgnames.h"

static LONG next_id;

LRESULT CALLBACK DriverProc( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    char buf[64];
    LRESULT ret;

    switch (msg)
    {
    case DRV_LOAD:
    case DRV_ENABLE:
    case DRV_DISABLE:
    case DRV_FREE:
    case DRV_CLOSE:
        ret = 1;
        break;
    case DRV_OPEN:
        ret = 0x100 + InterlockedIncrement( &next_id );
        break;
    case DRV_QUERYCONFIGURE:
        ret = 0; /* no configuration dialog */
        break;
    default:
        if (msg >= DRV_USER)
        {
            ret = lparam1 + lparam2; /* the demo's own message: a sum */
            break;
        }
        ret = DefDriverProc( id, hdrvr, msg, lparam1, lparam2 );
        break;
    }
    printf( "  driver   %-18s id %#Ix  lParam1 %#Ix lParam2 %#Ix -> %#Ix\n",
            usermm_format_drv_msg( msg, buf, sizeof(buf) ), id, lparam1, lparam2, ret );
    fflush( stdout );
    return ret;
}
