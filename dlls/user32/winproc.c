/*
 * Window procedures: calling them, and translating messages between ANSI and Unicode when the
 * caller and the procedure disagree (text messages, WM_CHAR & co., CREATESTRUCT).
 *
 * GetWindowLongPtrA on a Unicode window (or W on an ANSI one) cannot return the procedure
 * itself: calling it directly would pass the wrong kind of strings. As on Windows, it returns a
 * handle instead (0xffffxxxx, never a valid code address) that CallWindowProc recognises.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(msg);

/* A procedure seen from the other character set. The table only grows (a program has few
 * distinct window procedures); winproc_lock protects it. */
#define MAX_WINPROCS 4096
static struct
{
    WNDPROC proc;
    BOOL unicode;
} winprocs[MAX_WINPROCS];
static UINT winproc_count;
static SRWLOCK winproc_lock = SRWLOCK_INIT;

static BOOL is_winproc_handle( WNDPROC proc )
{
    ULONG_PTR value = (ULONG_PTR)proc;
    return (value & ~(ULONG_PTR)0xffff) == WINPROC_HANDLE_TAG;
}

/* The value GetWindowLongPtr/GetClassLongPtr return for proc (of character set unicode) to a
 * caller of character set want_unicode. */
WNDPROC get_winproc_for( WNDPROC proc, BOOL unicode, BOOL want_unicode )
{
    UINT i;

    if (!proc || !unicode == !want_unicode) return proc;
    AcquireSRWLockExclusive( &winproc_lock );
    for (i = 0; i < winproc_count; i++)
        if (winprocs[i].proc == proc && winprocs[i].unicode == unicode) break;
    if (i == winproc_count)
    {
        if (winproc_count == MAX_WINPROCS)
        {
            ReleaseSRWLockExclusive( &winproc_lock );
            ERR( "too many window procedures\n" );
            return proc;
        }
        winprocs[i].proc = proc;
        winprocs[i].unicode = unicode;
        winproc_count++;
    }
    ReleaseSRWLockExclusive( &winproc_lock );
    return (WNDPROC)(WINPROC_HANDLE_TAG | i);
}

/* If handle is one of our winproc handles, the procedure and character set it stands for. */
BOOL resolve_winproc( WNDPROC handle, WNDPROC *proc, BOOL *unicode )
{
    UINT index;

    *proc = handle;
    if (!is_winproc_handle( handle )) return FALSE;
    index = (ULONG_PTR)handle & 0xffff;
    AcquireSRWLockShared( &winproc_lock );
    if (index < winproc_count)
    {
        *proc = winprocs[index].proc;
        *unicode = winprocs[index].unicode;
    }
    ReleaseSRWLockShared( &winproc_lock );
    return index < winproc_count;
}

/* ---- string helpers ---------------------------------------------------------------------- */

WCHAR *strdup_w( const WCHAR *str )
{
    WCHAR *ret;
    size_t size = (lstrlenW( str ) + 1) * sizeof(WCHAR);

    if ((ret = HeapAlloc( GetProcessHeap(), 0, size ))) memcpy( ret, str, size );
    else SetLastError( ERROR_NOT_ENOUGH_MEMORY );
    return ret;
}

WCHAR *strdup_a_to_w( const char *str )
{
    int len = MultiByteToWideChar( CP_ACP, 0, str, -1, NULL, 0 );
    WCHAR *ret;

    if ((ret = HeapAlloc( GetProcessHeap(), 0, len * sizeof(WCHAR) )))
        MultiByteToWideChar( CP_ACP, 0, str, -1, ret, len );
    else SetLastError( ERROR_NOT_ENOUGH_MEMORY );
    return ret;
}

char *strdup_w_to_a( const WCHAR *str )
{
    int len = WideCharToMultiByte( CP_ACP, 0, str, -1, NULL, 0, NULL, NULL );
    char *ret;

    if ((ret = HeapAlloc( GetProcessHeap(), 0, len )))
        WideCharToMultiByte( CP_ACP, 0, str, -1, ret, len, NULL, NULL );
    else SetLastError( ERROR_NOT_ENOUGH_MEMORY );
    return ret;
}

/* WM_CHAR & co.: one character (single-byte code pages; a DBCS lead byte passes through). */
WPARAM map_char_a_to_w( WPARAM wparam )
{
    char ch = (char)LOBYTE(wparam);
    WCHAR wch;

    if (MultiByteToWideChar( CP_ACP, 0, &ch, 1, &wch, 1 ) != 1) return wparam;
    return (wparam & ~(WPARAM)0xffff) | wch;
}

WPARAM map_char_w_to_a( WPARAM wparam )
{
    WCHAR wch = LOWORD(wparam);
    char ch[2];

    if (WideCharToMultiByte( CP_ACP, 0, &wch, 1, ch, 2, NULL, NULL ) != 1) return wparam;
    return (wparam & ~(WPARAM)0xffff) | (BYTE)ch[0];
}

/* CREATESTRUCTA and CREATESTRUCTW are copied whole into one another below (and hook.c hands an
 * ANSI hook a CREATESTRUCTW whose strings are ANSI): only the string pointers' types differ. */
C_ASSERT( sizeof(CREATESTRUCTA) == sizeof(CREATESTRUCTW) );
C_ASSERT( FIELD_OFFSET(CREATESTRUCTA, lpszName) == FIELD_OFFSET(CREATESTRUCTW, lpszName) );
C_ASSERT( FIELD_OFFSET(CREATESTRUCTA, lpszClass) == FIELD_OFFSET(CREATESTRUCTW, lpszClass) );
C_ASSERT( FIELD_OFFSET(CREATESTRUCTA, dwExStyle) == FIELD_OFFSET(CREATESTRUCTW, dwExStyle) );

/* ---- calling ----------------------------------------------------------------------------- */

static LRESULT call_proc( WNDPROC proc, HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    LRESULT ret;

    check_not_locked();
    TRACE( "(%p,%p,%s,%#Ix,%#Ix)\n", proc, hwnd, debugstr_msg_name( msg ), wparam, lparam );
    ret = proc( hwnd, msg, wparam, lparam );
    TRACE( "(%p,%p,%s,%#Ix,%#Ix) ret=%#Ix\n", proc, hwnd, debugstr_msg_name( msg ), wparam, lparam, ret );
    return ret;
}

/* An ANSI caller's message for a Unicode procedure. */
static LRESULT call_a_to_w( WNDPROC proc, HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    LRESULT ret;

    switch (msg)
    {
    case WM_NCCREATE:
    case WM_CREATE:
    {
        const CREATESTRUCTA *csa = (const CREATESTRUCTA *)lparam;
        CREATESTRUCTW csw;
        WCHAR *class_w = NULL, *name_w = NULL;

        if (!csa) break;
        memcpy( &csw, csa, sizeof(csw) );
        if (!IS_INTRESOURCE(csa->lpszClass)) csw.lpszClass = class_w = strdup_a_to_w( csa->lpszClass );
        if (csa->lpszName && !IS_INTRESOURCE(csa->lpszName)) csw.lpszName = name_w = strdup_a_to_w( csa->lpszName );
        ret = call_proc( proc, hwnd, msg, wparam, (LPARAM)&csw );
        HeapFree( GetProcessHeap(), 0, class_w );
        HeapFree( GetProcessHeap(), 0, name_w );
        return ret;
    }
    case WM_SETTEXT:
    case WM_WININICHANGE:
    case WM_DEVMODECHANGE:
    {
        WCHAR *str;
        if (!lparam) break;
        if (!(str = strdup_a_to_w( (const char *)lparam ))) return 0;
        ret = call_proc( proc, hwnd, msg, wparam, (LPARAM)str );
        HeapFree( GetProcessHeap(), 0, str );
        return ret;
    }
    case WM_GETTEXT:
    {
        char *buf = (char *)lparam;
        WCHAR *tmp;
        int len;

        if (!buf || !wparam) break;
        if (!(tmp = HeapAlloc( GetProcessHeap(), 0, wparam * sizeof(WCHAR) ))) return 0;
        tmp[0] = 0;
        ret = call_proc( proc, hwnd, msg, wparam, (LPARAM)tmp );
        if (ret >= (LRESULT)wparam) ret = wparam - 1;
        len = WideCharToMultiByte( CP_ACP, 0, tmp, ret, buf, wparam - 1, NULL, NULL );
        buf[len] = 0;
        HeapFree( GetProcessHeap(), 0, tmp );
        return len;
    }
    case WM_CHAR:
    case WM_DEADCHAR:
    case WM_SYSCHAR:
    case WM_SYSDEADCHAR:
    case WM_IME_CHAR:
        return call_proc( proc, hwnd, msg, map_char_a_to_w( wparam ), lparam );
    }
    return call_proc( proc, hwnd, msg, wparam, lparam );
}

/* A Unicode caller's message for an ANSI procedure. */
static LRESULT call_w_to_a( WNDPROC proc, HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    LRESULT ret;

    switch (msg)
    {
    case WM_NCCREATE:
    case WM_CREATE:
    {
        const CREATESTRUCTW *csw = (const CREATESTRUCTW *)lparam;
        CREATESTRUCTA csa;
        char *class_a = NULL, *name_a = NULL;

        if (!csw) break;
        memcpy( &csa, csw, sizeof(csa) );
        if (!IS_INTRESOURCE(csw->lpszClass)) csa.lpszClass = class_a = strdup_w_to_a( csw->lpszClass );
        if (csw->lpszName && !IS_INTRESOURCE(csw->lpszName)) csa.lpszName = name_a = strdup_w_to_a( csw->lpszName );
        ret = call_proc( proc, hwnd, msg, wparam, (LPARAM)&csa );
        HeapFree( GetProcessHeap(), 0, class_a );
        HeapFree( GetProcessHeap(), 0, name_a );
        return ret;
    }
    case WM_SETTEXT:
    case WM_WININICHANGE:
    case WM_DEVMODECHANGE:
    {
        char *str;
        if (!lparam) break;
        if (!(str = strdup_w_to_a( (const WCHAR *)lparam ))) return 0;
        ret = call_proc( proc, hwnd, msg, wparam, (LPARAM)str );
        HeapFree( GetProcessHeap(), 0, str );
        return ret;
    }
    case WM_GETTEXT:
    {
        WCHAR *buf = (WCHAR *)lparam;
        char *tmp;
        int len, size = wparam * 2; /* room for double-byte characters */

        if (!buf || !wparam) break;
        if (!(tmp = HeapAlloc( GetProcessHeap(), 0, size ))) return 0;
        tmp[0] = 0;
        ret = call_proc( proc, hwnd, msg, size, (LPARAM)tmp );
        if (ret >= size) ret = size - 1;
        len = MultiByteToWideChar( CP_ACP, 0, tmp, ret, buf, wparam - 1 );
        buf[len] = 0;
        HeapFree( GetProcessHeap(), 0, tmp );
        return len;
    }
    case WM_CHAR:
    case WM_DEADCHAR:
    case WM_SYSCHAR:
    case WM_SYSDEADCHAR:
    case WM_IME_CHAR:
        return call_proc( proc, hwnd, msg, map_char_w_to_a( wparam ), lparam );
    }
    return call_proc( proc, hwnd, msg, wparam, lparam );
}

/* Calls proc (of character set proc_unicode) for a caller of character set caller_unicode. */
LRESULT call_window_proc( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL caller_unicode,
                          WNDPROC proc, BOOL proc_unicode )
{
    if (!proc) return 0;
    resolve_winproc( proc, &proc, &proc_unicode );
    if (!caller_unicode == !proc_unicode) return call_proc( proc, hwnd, msg, wparam, lparam );
    if (caller_unicode) return call_w_to_a( proc, hwnd, msg, wparam, lparam );
    return call_a_to_w( proc, hwnd, msg, wparam, lparam );
}

/* Calls the procedure of a window of this thread. */
LRESULT dispatch_to_window( struct wnd *wnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    WNDPROC proc;
    BOOL proc_unicode;

    HWND hwnd = wnd->hwnd;

    /* pointer-sized reads need no lock; a concurrent subclassing from another thread takes
     * effect from the next message, as on Windows */
    proc = __atomic_load_n( &wnd->proc, __ATOMIC_ACQUIRE );
    proc_unicode = (__atomic_load_n( &wnd->flags, __ATOMIC_ACQUIRE ) & WIN_ISUNICODE) != 0;
    return call_window_proc( hwnd, msg, wparam, lparam, unicode, proc, proc_unicode );
}

/***********************************************************************
 *      CallWindowProcW (USER32.@)
 */
LRESULT WINAPI CallWindowProcW( WNDPROC proc, HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%p %p %s %#Ix %#Ix\n", proc, hwnd, debugstr_msg_name( msg ), wparam, lparam );
    /* a plain address given to CallWindowProcW is a Unicode procedure */
    return call_window_proc( hwnd, msg, wparam, lparam, TRUE, proc, TRUE );
}

/***********************************************************************
 *      CallWindowProcA (USER32.@)
 */
LRESULT WINAPI CallWindowProcA( WNDPROC proc, HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%p %p %s %#Ix %#Ix\n", proc, hwnd, debugstr_msg_name( msg ), wparam, lparam );
    return call_window_proc( hwnd, msg, wparam, lparam, FALSE, proc, FALSE );
}
