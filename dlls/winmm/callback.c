/*
 * DriverCallback: how a driver notifies its client (window, thread, function or event).
 */

#include "winmm_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(driver);

/***********************************************************************
 *      DriverCallback   (WINMM.@)
 *
 * MSDN: returns TRUE if successful, FALSE if a parameter is invalid or the target's message
 * queue is full. DCB_NULL makes no callback and so reports FALSE, as does a zero target (a zero
 * window would otherwise post to the calling thread). A window only gets the message, the
 * device handle and dwParam1, as the documentation says.
 */
BOOL WINAPI DriverCallback( DWORD_PTR callback, DWORD flags, HDRVR hdrvr, DWORD msg,
                            DWORD_PTR user, DWORD_PTR param1, DWORD_PTR param2 )
{
    BOOL ret = FALSE;

    TRACE( "(%#Ix, %#lx, %p, %#lx, %#Ix, %#Ix, %#Ix)\n", callback, flags, hdrvr, msg, user, param1,
           param2 );

    if (!callback && (flags & DCB_TYPEMASK) != DCB_NULL)
    {
        WARN( "no callback target\n" );
        TRACE( "returning 0\n" );
        return FALSE;
    }

    check_not_locked( &driver_lock );
    switch (flags & DCB_TYPEMASK)
    {
    case DCB_NULL:
        break;
    case DCB_WINDOW:
        ret = PostMessageW( (HWND)callback, msg, (WPARAM)hdrvr, param1 );
        break;
    case DCB_TASK: /* a thread id */
        ret = PostThreadMessageW( (DWORD)callback, msg, (WPARAM)hdrvr, param1 );
        break;
    case DCB_FUNCTION:
        ((LPDRVCALLBACK)callback)( hdrvr, msg, user, param1, param2 );
        ret = TRUE;
        break;
    case DCB_EVENT:
        ret = SetEvent( (HANDLE)callback );
        break;
    default:
        WARN( "unknown callback type %#lx\n", flags & DCB_TYPEMASK );
        break;
    }
    TRACE( "returning %d\n", ret );
    return ret;
}
