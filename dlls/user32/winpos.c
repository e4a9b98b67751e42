/*
 * Window positions: rectangles, SetWindowPos / MoveWindow / ShowWindow with their messages,
 * coordinate mapping, activation.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(win);

/* Internal messages (above 0xffff, never seen by window procedures) that have things done in
 * the thread owning a window: the display driver's event thread, SetForegroundWindow. */
#define WM_USERMM_FOREGROUND 0x80001000 /* wparam: TRUE gained, FALSE lost the foreground */
#define WM_USERMM_CLIENT_MOVED 0x80001001 /* the new client area (screen): wparam left/top, lparam
                                            * right/bottom, 16 bits each */

/* Called with win_lock held: where wnd's parent's client area starts on the screen. */
static POINT __parent_client_origin( const struct wnd *wnd )
{
    POINT pt = { 0, 0 };
    for (wnd = wnd->parent; wnd && !(wnd->flags & WIN_DESKTOP); wnd = wnd->parent)
    {
        pt.x += wnd->client_rect.left;
        pt.y += wnd->client_rect.top;
    }
    return pt;
}

/***********************************************************************
 *      GetWindowRect (USER32.@)
 */
BOOL WINAPI GetWindowRect( HWND hwnd, RECT *rect )
{
    struct wnd *wnd;
    POINT origin;

    TRACE( "%p %p\n", hwnd, rect );
    if (!rect)
    {
        SetLastError( ERROR_NOACCESS );
        return FALSE;
    }
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    lock_windows( FALSE );
    origin = __parent_client_origin( wnd );
    *rect = wnd->window_rect;
    unlock_windows( FALSE );
    OffsetRect( rect, origin.x, origin.y );
    release_wnd( wnd );
    return TRUE;
}

/* wnd's client area in client coordinates: (0,0) to its size. */
void get_client_size_rect( struct wnd *wnd, RECT *rect )
{
    lock_windows( FALSE );
    SetRect( rect, 0, 0, wnd->client_rect.right - wnd->client_rect.left,
             wnd->client_rect.bottom - wnd->client_rect.top );
    unlock_windows( FALSE );
}

/***********************************************************************
 *      GetClientRect (USER32.@)
 */
BOOL WINAPI GetClientRect( HWND hwnd, RECT *rect )
{
    struct wnd *wnd;

    TRACE( "%p %p\n", hwnd, rect );
    if (!rect)
    {
        SetLastError( ERROR_NOACCESS );
        return FALSE;
    }
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    get_client_size_rect( wnd, rect );
    release_wnd( wnd );
    return TRUE;
}

/* hwnd's window and client rectangles in screen coordinates, under one lookup. */
BOOL get_screen_rects( HWND hwnd, RECT *window, RECT *client )
{
    struct wnd *wnd;
    POINT origin;

    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    lock_windows( FALSE );
    origin = __parent_client_origin( wnd );
    *window = wnd->window_rect;
    *client = wnd->client_rect;
    unlock_windows( FALSE );
    release_wnd( wnd );
    OffsetRect( window, origin.x, origin.y );
    OffsetRect( client, origin.x, origin.y );
    return TRUE;
}

/* Screen position of hwnd's client origin; FALSE if hwnd is invalid. NULL is the screen. */
static BOOL get_client_origin( HWND hwnd, POINT *pt )
{
    struct wnd *wnd;
    POINT origin;

    pt->x = pt->y = 0;
    if (!hwnd) return TRUE;
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    lock_windows( FALSE );
    if (!(wnd->flags & WIN_DESKTOP))
    {
        origin = __parent_client_origin( wnd );
        pt->x = origin.x + wnd->client_rect.left;
        pt->y = origin.y + wnd->client_rect.top;
    }
    unlock_windows( FALSE );
    release_wnd( wnd );
    return TRUE;
}

/***********************************************************************
 *      MapWindowPoints (USER32.@)
 */
INT WINAPI MapWindowPoints( HWND from, HWND to, POINT *points, UINT count )
{
    POINT a, b;
    UINT i;

    TRACE( "%p %p %p %u\n", from, to, points, count );
    if (!get_client_origin( from, &a ) || !get_client_origin( to, &b )) return 0;
    for (i = 0; i < count; i++)
    {
        points[i].x += a.x - b.x;
        points[i].y += a.y - b.y;
    }
    SetLastError( ERROR_SUCCESS );
    return MAKELONG( LOWORD(a.x - b.x), LOWORD(a.y - b.y) );
}

/***********************************************************************
 *      ClientToScreen (USER32.@)
 */
BOOL WINAPI ClientToScreen( HWND hwnd, POINT *pt )
{
    POINT origin;

    TRACE( "%p %p\n", hwnd, pt );
    if (!hwnd || !pt)
    {
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return FALSE;
    }
    if (!get_client_origin( hwnd, &origin )) return FALSE;
    pt->x += origin.x;
    pt->y += origin.y;
    return TRUE;
}

/***********************************************************************
 *      ScreenToClient (USER32.@)
 */
BOOL WINAPI ScreenToClient( HWND hwnd, POINT *pt )
{
    POINT origin;

    TRACE( "%p %p\n", hwnd, pt );
    if (!hwnd || !pt)
    {
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return FALSE;
    }
    if (!get_client_origin( hwnd, &origin )) return FALSE;
    pt->x -= origin.x;
    pt->y -= origin.y;
    return TRUE;
}

/***********************************************************************
 *      AdjustWindowRectEx (USER32.@)
 */
BOOL WINAPI AdjustWindowRectEx( RECT *rect, DWORD style, BOOL menu, DWORD exstyle )
{
    RECT borders;

    TRACE( "%s %#lx %d %#lx\n", wine_dbgstr_rect( rect ), style, menu, exstyle );
    if (!rect) return FALSE;
    get_nonclient_size( style, exstyle, &borders );
    rect->left -= borders.left;
    rect->top -= borders.top + (menu ? GetSystemMetrics( SM_CYMENU ) : 0);
    rect->right += borders.right;
    rect->bottom += borders.bottom;
    return TRUE;
}

/***********************************************************************
 *      AdjustWindowRect (USER32.@)
 */
BOOL WINAPI AdjustWindowRect( RECT *rect, DWORD style, BOOL menu )
{
    TRACE( "%p %#lx %d\n", rect, style, menu );
    return AdjustWindowRectEx( rect, style, menu, 0 );
}

/* ---- activation ------------------------------------------------------------------------ */

static HWND active_top_level; /* the last activated top-level window; under input_lock */

/* Tells every top-level window of thread tid that its application is (de)activated. */
static void send_activate_app( DWORD tid, BOOL active, DWORD other_tid )
{
    HWND *list = list_window_children( get_desktop_hwnd(), tid );
    UINT i;

    if (!list) return;
    for (i = 0; list[i]; i++)
    {
        if (tid == GetCurrentThreadId()) send_message( list[i], WM_ACTIVATEAPP, active, other_tid, TRUE );
        else SendNotifyMessageW( list[i], WM_ACTIVATEAPP, active, other_tid );
    }
    HeapFree( GetProcessHeap(), 0, list );
}

/* Makes hwnd (a top-level of this thread, or NULL) the active window, with the documented
 * message order: HCBT_ACTIVATE, then to the old window WM_NCACTIVATE(FALSE) and
 * WM_ACTIVATE(WA_INACTIVE), WM_ACTIVATEAPP when the application changes, then to the new one
 * WM_NCACTIVATE(TRUE) and WM_ACTIVATE(WA_ACTIVE) (whose DefWindowProc sets the focus). */
static void set_active_window_ex( HWND hwnd, BOOL tell_driver )
{
    HWND old = get_active_hwnd(), prev_top;
    DWORD old_tid = 0, new_tid = GetCurrentThreadId();
    struct wnd *wnd;

    if (old == hwnd) return;
    if (hwnd && hooks_installed( WH_CBT ))
    {
        CBTACTIVATESTRUCT cbt = { .fMouse = FALSE, .hWndActive = old };
        if (call_hooks( WH_CBT, HCBT_ACTIVATE, (WPARAM)hwnd, (LPARAM)&cbt, TRUE ))
        {
            WARN( "activation of %p refused by a CBT hook\n", hwnd );
            return;
        }
    }
    AcquireSRWLockExclusive( &input_lock );
    prev_top = active_top_level;
    active_top_level = hwnd;
    ReleaseSRWLockExclusive( &input_lock );
    /* input_lock is a leaf: the window is looked up after releasing it */
    if (prev_top && (wnd = get_wnd( prev_top )))
    {
        old_tid = wnd->tid;
        release_wnd( wnd );
    }
    set_active_hwnd( hwnd );

    if (tell_driver) call_driver()->set_foreground_window( hwnd );

    if (old && IsWindow( old ))
    {
        send_message( old, WM_NCACTIVATE, FALSE, (LPARAM)hwnd, TRUE );
        send_message( old, WM_ACTIVATE, WA_INACTIVE, (LPARAM)hwnd, TRUE );
    }
    if (!hwnd)
    {
        /* the application loses the foreground: it is told, and its focus goes */
        if (old_tid == new_tid) send_activate_app( new_tid, FALSE, 0 );
        set_focus_hwnd( NULL );
        return;
    }
    if (old_tid != new_tid)
    {
        if (old_tid) send_activate_app( old_tid, FALSE, new_tid );
        send_activate_app( new_tid, TRUE, old_tid );
    }
    if (get_active_hwnd() != hwnd) return; /* a procedure activated something else */
    send_message( hwnd, WM_NCACTIVATE, TRUE, (LPARAM)old, TRUE );
    send_message( hwnd, WM_ACTIVATE, WA_ACTIVE, (LPARAM)old, TRUE );
}

void set_active_window( HWND hwnd )
{
    set_active_window_ex( hwnd, TRUE );
}


BOOL handle_internal_message( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    switch (msg)
    {
    case WM_USERMM_FOREGROUND:
        if (wparam) set_active_window_ex( GetAncestor( hwnd, GA_ROOT ), FALSE );
        else if (get_active_hwnd() == hwnd) set_active_window_ex( NULL, FALSE );
        return TRUE;
    case WM_USERMM_CLIENT_MOVED:
    {
        RECT client = { (short)LOWORD(wparam), (short)HIWORD(wparam), (short)LOWORD(lparam), (short)HIWORD(lparam) };
        RECT window, old_client;

        /* the frame keeps its size around the client area the window manager chose */
        if (get_screen_rects( hwnd, &window, &old_client ))
            set_window_pos( hwnd, NULL, client.left - (old_client.left - window.left),
                            client.top - (old_client.top - window.top),
                            (client.right - client.left) + (window.right - window.left) - (old_client.right - old_client.left),
                            (client.bottom - client.top) + (window.bottom - window.top) - (old_client.bottom - old_client.top),
                            SWP_NOZORDER | SWP_NOACTIVATE );
        return TRUE;
    }
    }
    return handle_ghost_message( hwnd, msg, wparam, lparam );
}

/* The X input focus came to or left a top-level window: activate or deactivate it in its own
 * thread, without telling the driver back. */
void set_foreground_from_driver( HWND hwnd, BOOL in )
{
    TRACE( "%p %s\n", hwnd, in ? "in" : "out" );
    SendNotifyMessageW( hwnd, WM_USERMM_FOREGROUND, in, 0 );
}

/* The window manager moved or sized the X window of a top-level: the move happens in the
 * window's own thread (the driver's event thread never waits for an application thread). */
void window_moved_from_driver( HWND hwnd, const RECT *client )
{
    TRACE( "%p %s\n", hwnd, wine_dbgstr_rect( client ) );
    SendNotifyMessageW( hwnd, WM_USERMM_CLIENT_MOVED, MAKEWPARAM( client->left, client->top ),
                        MAKELPARAM( client->right, client->bottom ) );
}

/* Tells the display driver where a top-level window now is (screen coordinates). */
void notify_driver_window_pos( struct wnd *wnd, UINT swp_flags )
{
    struct wnd *desktop = get_desktop_wnd();
    RECT window, client;
    DWORD style;
    BOOL top_level;

    lock_windows( FALSE );
    /* a destroyed window has no parent, a message-only one the message root */
    top_level = wnd->parent == desktop;
    window = wnd->window_rect;
    client = wnd->client_rect;
    style = wnd->style;
    if (wnd->flags & WIN_GHOST) style &= ~WS_VISIBLE; /* closed while hung: stays hidden (ghost.c) */
    unlock_windows( FALSE );
    if (!top_level) return;
    call_driver()->window_pos_changed( wnd->hwnd, &window, &client, style, swp_flags );
}

/* A window is going away: forget it as the active top-level. */
void window_pos_destroyed( HWND hwnd )
{
    AcquireSRWLockExclusive( &input_lock );
    if (active_top_level == hwnd) active_top_level = NULL;
    ReleaseSRWLockExclusive( &input_lock );
}

/***********************************************************************
 *      SetActiveWindow (USER32.@)
 */
HWND WINAPI SetActiveWindow( HWND hwnd )
{
    HWND old = get_active_hwnd();
    struct wnd *wnd;

    TRACE( "%p\n", hwnd );
    if (hwnd)
    {
        if (!(wnd = get_wnd_or_fail( hwnd ))) return NULL;
        if (!is_current_thread_window( wnd ) || (wnd->style & WS_CHILD))
        {
            release_wnd( wnd );
            return NULL;
        }
        release_wnd( wnd );
    }
    set_active_window( hwnd );
    return old;
}

/***********************************************************************
 *      GetActiveWindow (USER32.@)
 */
HWND WINAPI GetActiveWindow( void )
{
    TRACE( "\n" );
    return get_active_hwnd();
}

/***********************************************************************
 *      GetForegroundWindow (USER32.@)
 */
HWND WINAPI GetForegroundWindow( void )
{
    HWND ret;

    TRACE( "\n" );
    AcquireSRWLockShared( &input_lock );
    ret = active_top_level;
    ReleaseSRWLockShared( &input_lock );
    return ret;
}

/***********************************************************************
 *      SetForegroundWindow (USER32.@)
 */
BOOL WINAPI SetForegroundWindow( HWND hwnd )
{
    struct wnd *wnd;

    TRACE( "%p\n", hwnd );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    if (!is_current_thread_window( wnd ))
    {
        /* the other thread activates it when it next looks at its queue */
        release_wnd( wnd );
        return SendNotifyMessageW( hwnd, WM_USERMM_FOREGROUND, TRUE, 0 );
    }
    release_wnd( wnd );
    set_active_window( GetAncestor( hwnd, GA_ROOT ) );
    return TRUE;
}

/***********************************************************************
 *      BringWindowToTop (USER32.@)
 */
BOOL WINAPI BringWindowToTop( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    return SetWindowPos( hwnd, HWND_TOP, 0, 0, 0, 0, SWP_NOMOVE | SWP_NOSIZE );
}

/* ---- SetWindowPos ------------------------------------------------------------------------ */

/* Called with win_lock held exclusively: moves wnd in its parent's z-order. */
static BOOL __set_zorder( struct wnd *wnd, HWND after )
{
    struct ulist *list = &wnd->parent->children;
    struct wnd *other;

    if (after == HWND_TOP || after == HWND_TOPMOST || after == HWND_NOTOPMOST)
    {
        if (list->next == &wnd->sibling) return FALSE;
        ulist_remove( &wnd->sibling );
        ulist_add_head( list, &wnd->sibling );
        return TRUE;
    }
    if (after == HWND_BOTTOM)
    {
        if (list->prev == &wnd->sibling) return FALSE;
        ulist_remove( &wnd->sibling );
        ulist_add_tail( list, &wnd->sibling );
        return TRUE;
    }
    if (!(other = __lookup_wnd( after )) || other->parent != wnd->parent || other == wnd) return FALSE;
    if (other->sibling.next == &wnd->sibling) return FALSE;
    ulist_remove( &wnd->sibling );
    ulist_add_before( other->sibling.next, &wnd->sibling );
    return TRUE;
}

BOOL set_window_pos( HWND hwnd, HWND after, int x, int y, int cx, int cy, UINT flags )
{
    struct wnd *wnd;
    WINDOWPOS pos;
    RECT old_window, old_client, new_window, new_client;
    BOOL was_visible, zorder_changed = FALSE, is_child;

    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    if (wnd->flags & WIN_DESKTOP)
    {
        release_wnd( wnd );
        SetLastError( ERROR_ACCESS_DENIED );
        return FALSE;
    }
    lock_windows( FALSE );
    old_window = wnd->window_rect;
    old_client = wnd->client_rect;
    was_visible = (wnd->style & WS_VISIBLE) != 0;
    is_child = (wnd->style & WS_CHILD) != 0;
    unlock_windows( FALSE );

    /* flags that describe nothing to do are made explicit, as Windows reports them */
    if (was_visible) flags &= ~SWP_SHOWWINDOW;
    else flags &= ~SWP_HIDEWINDOW;
    if (cx < 0) cx = 0;
    if (cy < 0) cy = 0;
    if (!(flags & SWP_NOSIZE) && old_window.right - old_window.left == cx && old_window.bottom - old_window.top == cy)
        flags |= SWP_NOSIZE;
    if (!(flags & SWP_NOMOVE) && old_window.left == x && old_window.top == y) flags |= SWP_NOMOVE;
    if (is_child) flags |= SWP_NOACTIVATE;
    if (!(flags & SWP_NOACTIVATE) && get_active_hwnd() == hwnd) flags |= SWP_NOACTIVATE;

    pos.hwnd = hwnd;
    pos.hwndInsertAfter = after;
    pos.x = (flags & SWP_NOMOVE) ? old_window.left : x;
    pos.y = (flags & SWP_NOMOVE) ? old_window.top : y;
    pos.cx = (flags & SWP_NOSIZE) ? old_window.right - old_window.left : cx;
    pos.cy = (flags & SWP_NOSIZE) ? old_window.bottom - old_window.top : cy;
    pos.flags = flags;
    if (!(flags & SWP_NOSENDCHANGING)) send_message( hwnd, WM_WINDOWPOSCHANGING, 0, (LPARAM)&pos, TRUE );
    if (!IsWindow( hwnd )) goto done;
    flags = pos.flags;

    SetRect( &new_window, pos.x, pos.y, pos.x + pos.cx, pos.y + pos.cy );
    new_client = old_client;
    OffsetRect( &new_client, new_window.left - old_window.left, new_window.top - old_window.top );
    if (!EqualRect( &new_window, &old_window ) || (flags & SWP_FRAMECHANGED))
    {
        if (!(flags & SWP_NOSIZE) || (flags & SWP_FRAMECHANGED))
        {
            NCCALCSIZE_PARAMS params;
            WINDOWPOS calc_pos = pos;
            params.rgrc[0] = new_window;
            params.rgrc[1] = old_window;
            params.rgrc[2] = old_client;
            params.lppos = &calc_pos;
            send_message( hwnd, WM_NCCALCSIZE, TRUE, (LPARAM)&params, TRUE );
            new_client = params.rgrc[0];
        }
    }
    if (new_client.right - new_client.left == old_client.right - old_client.left &&
        new_client.bottom - new_client.top == old_client.bottom - old_client.top)
        flags |= SWP_NOCLIENTSIZE;
    if (new_client.left == old_client.left && new_client.top == old_client.top) flags |= SWP_NOCLIENTMOVE;

    lock_windows( TRUE );
    if (wnd->flags & WIN_DESTROYED)
    {
        unlock_windows( TRUE );
        goto done;
    }
    wnd->window_rect = new_window;
    wnd->client_rect = new_client;
    if (!(flags & SWP_NOZORDER) && wnd->parent) zorder_changed = __set_zorder( wnd, after );
    if (flags & SWP_SHOWWINDOW) wnd->style |= WS_VISIBLE;
    if (flags & SWP_HIDEWINDOW) wnd->style &= ~WS_VISIBLE;
    unlock_windows( TRUE );

    if (flags & SWP_SHOWWINDOW) invalidate_whole_window( wnd, TRUE );
    else if (flags & SWP_HIDEWINDOW) validate_hidden_window( wnd );
    else if (!(flags & SWP_NOREDRAW) && !(flags & SWP_NOCLIENTSIZE) && was_visible)
        invalidate_whole_window( wnd, TRUE );

    if ((flags & SWP_HIDEWINDOW) && get_active_hwnd() == hwnd && !is_child)
    {
        /* the next visible top-level of this thread becomes active */
        HWND *list = list_window_children( get_desktop_hwnd(), GetCurrentThreadId() ), next = NULL;
        UINT i;
        if (list)
        {
            for (i = 0; list[i]; i++)
                if (list[i] != hwnd && IsWindowVisible( list[i] )) { next = list[i]; break; }
            HeapFree( GetProcessHeap(), 0, list );
        }
        set_active_window( next );
    }
    if ((flags & SWP_HIDEWINDOW) && get_focus_hwnd() && (get_focus_hwnd() == hwnd || IsChild( hwnd, get_focus_hwnd() )))
        set_focus_hwnd( is_child ? GetParent( hwnd ) : NULL );

    if (!(flags & SWP_NOACTIVATE) && !(flags & SWP_HIDEWINDOW) && (was_visible || (flags & SWP_SHOWWINDOW)))
        set_active_window( hwnd );

    if ((flags & (SWP_NOSIZE | SWP_NOMOVE | SWP_SHOWWINDOW | SWP_HIDEWINDOW | SWP_FRAMECHANGED)) ==
        (SWP_NOSIZE | SWP_NOMOVE) && !zorder_changed && (pos.flags & SWP_NOZORDER))
        goto done; /* nothing changed: no WM_WINDOWPOSCHANGED */
    pos.x = new_window.left;
    pos.y = new_window.top;
    pos.cx = new_window.right - new_window.left;
    pos.cy = new_window.bottom - new_window.top;
    pos.flags = flags;
    notify_driver_window_pos( wnd, flags );
    send_message( hwnd, WM_WINDOWPOSCHANGED, 0, (LPARAM)&pos, TRUE );

done:
    release_wnd( wnd );
    return TRUE;
}

/***********************************************************************
 *      SetWindowPos (USER32.@)
 */
BOOL WINAPI SetWindowPos( HWND hwnd, HWND after, INT x, INT y, INT cx, INT cy, UINT flags )
{
    TRACE( "%p %p %d,%d %dx%d %#x\n", hwnd, after, x, y, cx, cy, flags );
    return set_window_pos( hwnd, after, x, y, cx, cy, flags );
}

/***********************************************************************
 *      MoveWindow (USER32.@)
 */
BOOL WINAPI MoveWindow( HWND hwnd, INT x, INT y, INT cx, INT cy, BOOL repaint )
{
    TRACE( "%p %d,%d %dx%d %d\n", hwnd, x, y, cx, cy, repaint );
    return set_window_pos( hwnd, 0, x, y, cx, cy, SWP_NOZORDER | SWP_NOACTIVATE | (repaint ? 0 : SWP_NOREDRAW) );
}

/* ---- ShowWindow --------------------------------------------------------------------------- */

#define SWP_STATECHANGED 0x8000 /* undocumented: the window was minimized, maximized or restored */

/* Minimizes, maximizes or restores wnd: updates the style and gives the new window rectangle
 * (parent coordinates). FALSE if nothing changes or a CBT hook refuses (HCBT_MINMAX). */
static BOOL min_maximize( struct wnd *wnd, int cmd, RECT *rect )
{
    HWND hwnd = wnd->hwnd;
    DWORD style;
    RECT area, max_rect = { 0 };

    lock_windows( FALSE );
    style = wnd->style;
    unlock_windows( FALSE );
    switch (cmd)
    {
    case SW_MINIMIZE: case SW_SHOWMINIMIZED: case SW_SHOWMINNOACTIVE: case SW_FORCEMINIMIZE:
        if (style & WS_MINIMIZE) return FALSE;
        break;
    case SW_SHOWMAXIMIZED:
        if (style & WS_MAXIMIZE) return FALSE;
        break;
    default: /* restore */
        if (!(style & (WS_MINIMIZE | WS_MAXIMIZE))) return FALSE;
        /* a minimized window that was maximized is restored to maximized (WINDOWPLACEMENT's
         * WPF_RESTORETOMAXIMIZED, which Windows sets when it minimizes a maximized window) */
        if ((style & WS_MINIMIZE) && (wnd->flags & WIN_RESTORE_MAX)) cmd = SW_SHOWMAXIMIZED;
        break;
    }
    if (hooks_installed( WH_CBT ) && call_hooks( WH_CBT, HCBT_MINMAX, (WPARAM)hwnd, cmd, TRUE )) return FALSE;

    if (cmd == SW_SHOWMAXIMIZED)
    {
        /* MSDN WM_GETMINMAXINFO: the maximized size and position, the borders just off the
         * edges of the screen (or of the parent's client area) */
        MINMAXINFO info = { 0 };
        RECT borders;

        if (style & WS_CHILD) GetClientRect( GetParent( hwnd ), &area );
        else SetRect( &area, 0, 0, GetSystemMetrics( SM_CXSCREEN ), GetSystemMetrics( SM_CYSCREEN ) );
        get_nonclient_size( style, 0, &borders );
        info.ptMaxPosition.x = -(borders.left);
        info.ptMaxPosition.y = -(borders.left);
        info.ptMaxSize.x = area.right + 2 * borders.left;
        info.ptMaxSize.y = area.bottom + 2 * borders.left;
        info.ptMaxTrackSize = info.ptMaxSize;
        info.ptMinTrackSize.x = GetSystemMetrics( SM_CXMINTRACK );
        info.ptMinTrackSize.y = GetSystemMetrics( SM_CYMINTRACK );
        send_message( hwnd, WM_GETMINMAXINFO, 0, (LPARAM)&info, TRUE );
        SetRect( &max_rect, info.ptMaxPosition.x, info.ptMaxPosition.y, info.ptMaxPosition.x + info.ptMaxSize.x,
                 info.ptMaxPosition.y + info.ptMaxSize.y );
    }
    lock_windows( TRUE );
    if (!(wnd->style & (WS_MINIMIZE | WS_MAXIMIZE))) wnd->normal_rect = wnd->window_rect;
    *rect = wnd->normal_rect;
    switch (cmd)
    {
    case SW_MINIMIZE: case SW_SHOWMINIMIZED: case SW_SHOWMINNOACTIVE: case SW_FORCEMINIMIZE:
        /* where Windows parks minimized top-levels */
        if (wnd->style & WS_MAXIMIZE) wnd->flags |= WIN_RESTORE_MAX;
        else wnd->flags &= ~WIN_RESTORE_MAX;
        wnd->style = (wnd->style & ~WS_MAXIMIZE) | WS_MINIMIZE;
        SetRect( rect, -32000, -32000, -32000 + GetSystemMetrics( SM_CXMINIMIZED ),
                 -32000 + GetSystemMetrics( SM_CYMINIMIZED ) );
        break;
    case SW_SHOWMAXIMIZED:
        wnd->style = (wnd->style & ~WS_MINIMIZE) | WS_MAXIMIZE;
        *rect = max_rect;
        break;
    default:
        wnd->style &= ~(WS_MINIMIZE | WS_MAXIMIZE);
        *rect = wnd->normal_rect;
        break;
    }
    unlock_windows( TRUE );
    return TRUE;
}

BOOL show_window( HWND hwnd, int cmd )
{
    struct wnd *wnd;
    BOOL was_visible, show, is_child, need_size;
    UINT swp = SWP_NOSIZE | SWP_NOMOVE;
    RECT client;

    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    lock_windows( FALSE );
    was_visible = (wnd->style & WS_VISIBLE) != 0;
    is_child = (wnd->style & WS_CHILD) != 0;
    unlock_windows( FALSE );

    switch (cmd)
    {
    case SW_HIDE:
        show = FALSE;
        swp |= SWP_NOZORDER | SWP_NOACTIVATE;
        break;
    case SW_SHOWNA:
    case SW_SHOWNOACTIVATE:
    case SW_SHOWMINNOACTIVE:
        show = TRUE;
        swp |= SWP_NOZORDER | SWP_NOACTIVATE;
        break;
    case SW_SHOW:
    case SW_SHOWNORMAL:
    case SW_SHOWDEFAULT:
    case SW_RESTORE:
    case SW_SHOWMAXIMIZED:
    case SW_SHOWMINIMIZED:
    case SW_MINIMIZE:
    case SW_FORCEMINIMIZE:
        show = TRUE;
        if (is_child) swp |= SWP_NOZORDER | SWP_NOACTIVATE;
        if (cmd == SW_MINIMIZE || cmd == SW_FORCEMINIMIZE) swp |= SWP_NOACTIVATE | SWP_NOZORDER;
        break;
    default:
        release_wnd( wnd );
        WARN( "invalid command %d\n", cmd );
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    if (cmd == SW_SHOWMAXIMIZED || cmd == SW_MINIMIZE || cmd == SW_SHOWMINIMIZED || cmd == SW_SHOWMINNOACTIVE ||
        cmd == SW_FORCEMINIMIZE || cmd == SW_RESTORE || cmd == SW_SHOWNORMAL || cmd == SW_SHOWDEFAULT)
    {
        RECT rect;
        if (min_maximize( wnd, cmd, &rect ))
        {
            if (show != was_visible) send_message( hwnd, WM_SHOWWINDOW, show, 0, TRUE );
            if (!IsWindow( hwnd )) goto done;
            swp &= ~(SWP_NOSIZE | SWP_NOMOVE);
            set_window_pos( hwnd, HWND_TOP, rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top,
                            swp | SWP_FRAMECHANGED | SWP_STATECHANGED | (show != was_visible ? SWP_SHOWWINDOW : 0) );
            goto sized;
        }
    }

    if (show != was_visible)
    {
        send_message( hwnd, WM_SHOWWINDOW, show, 0, TRUE );
        if (!IsWindow( hwnd )) goto done;
        set_window_pos( hwnd, HWND_TOP, 0, 0, 0, 0, swp | (show ? SWP_SHOWWINDOW : SWP_HIDEWINDOW) );
    }
    else if (show && !(swp & SWP_NOACTIVATE) && !is_child) set_window_pos( hwnd, HWND_TOP, 0, 0, 0, 0, swp );

sized:
    /* an overlapped window gets WM_SIZE/WM_MOVE at its first showing */
    lock_windows( TRUE );
    need_size = (wnd->flags & WIN_NEED_SIZE) && show;
    if (need_size) wnd->flags &= ~WIN_NEED_SIZE;
    client = wnd->client_rect;
    unlock_windows( TRUE );
    if (need_size)
    {
        DWORD style = GetWindowLongW( hwnd, GWL_STYLE );
        send_message( hwnd, WM_SIZE, (style & WS_MINIMIZE) ? SIZE_MINIMIZED : (style & WS_MAXIMIZE) ? SIZE_MAXIMIZED : SIZE_RESTORED,
                      MAKELONG( client.right - client.left, client.bottom - client.top ), TRUE );
        send_message( hwnd, WM_MOVE, 0, MAKELONG( client.left, client.top ), TRUE );
    }
done:
    release_wnd( wnd );
    return was_visible;
}

/***********************************************************************
 *      ShowWindow (USER32.@)
 */
BOOL WINAPI ShowWindow( HWND hwnd, INT cmd )
{
    TRACE( "%p %d\n", hwnd, cmd );
    return show_window( hwnd, cmd );
}

/***********************************************************************
 *      ShowWindowAsync (USER32.@)
 */
BOOL WINAPI ShowWindowAsync( HWND hwnd, INT cmd )
{
    struct wnd *wnd;
    BOOL mine;

    TRACE( "%p %d\n", hwnd, cmd );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    mine = is_current_thread_window( wnd );
    release_wnd( wnd );
    if (mine) return show_window( hwnd, cmd );
    return SendNotifyMessageW( hwnd, WM_SHOWWINDOW, cmd != SW_HIDE, 0 );
}

/***********************************************************************
 *      IsIconic (USER32.@)
 */
BOOL WINAPI IsIconic( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    return (GetWindowLongW( hwnd, GWL_STYLE ) & WS_MINIMIZE) != 0;
}

/***********************************************************************
 *      IsZoomed (USER32.@)
 */
BOOL WINAPI IsZoomed( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    return (GetWindowLongW( hwnd, GWL_STYLE ) & WS_MAXIMIZE) != 0;
}

/* Called with win_lock held: the deepest visible, enabled-or-not window containing pt (screen
 * coordinates) below parent. */
static struct wnd *__window_from_point( struct wnd *parent, POINT pt, POINT origin )
{
    struct ulist *cursor;

    ULIST_FOR_EACH( cursor, &parent->children )
    {
        struct wnd *wnd = ULIST_ENTRY( cursor, struct wnd, sibling );
        RECT rect = wnd->window_rect;
        if (!(wnd->style & WS_VISIBLE)) continue;
        OffsetRect( &rect, origin.x, origin.y );
        if (!PtInRect( &rect, pt )) continue;
        if (wnd->style & WS_DISABLED) return wnd;
        {
            POINT child_origin = { origin.x + wnd->client_rect.left, origin.y + wnd->client_rect.top };
            RECT client = wnd->client_rect;
            struct wnd *child;
            OffsetRect( &client, origin.x, origin.y );
            if (PtInRect( &client, pt ) && (child = __window_from_point( wnd, pt, child_origin ))) return child;
        }
        return wnd;
    }
    return NULL;
}

/***********************************************************************
 *      WindowFromPoint (USER32.@)
 */
HWND WINAPI WindowFromPoint( POINT pt )
{
    struct wnd *wnd;
    HWND ret;
    POINT origin = { 0, 0 };

    TRACE( "(%ld,%ld)\n", pt.x, pt.y );
    wnd = get_desktop_wnd();
    lock_windows( FALSE );
    wnd = __window_from_point( wnd, pt, origin );
    ret = wnd ? wnd->hwnd : NULL;
    unlock_windows( FALSE );
    return ret;
}

/***********************************************************************
 *      ChildWindowFromPointEx (USER32.@)
 *
 * MSDN: the child of parent (point in parent's client coordinates) containing the point, the
 * CWP_SKIP* flags excluding some; parent itself if no child does, NULL if the point is outside.
 */
HWND WINAPI ChildWindowFromPointEx( HWND parent, POINT pt, UINT flags )
{
    RECT client;
    HWND *list, ret = parent;
    UINT i;

    TRACE( "%p (%ld,%ld) %#x\n", parent, pt.x, pt.y, flags );
    if (!GetClientRect( parent, &client )) return NULL;
    if (!PtInRect( &client, pt )) return NULL;
    if (!(list = list_window_children( parent, 0 ))) return parent;
    for (i = 0; list[i]; i++)
    {
        struct wnd *wnd = get_wnd( list[i] );
        RECT rect;
        DWORD style, exstyle;

        if (!wnd) continue;
        lock_windows( FALSE );
        rect = wnd->window_rect;
        style = wnd->style;
        exstyle = wnd->exstyle;
        unlock_windows( FALSE );
        release_wnd( wnd );
        if (!PtInRect( &rect, pt )) continue;
        if ((flags & CWP_SKIPINVISIBLE) && !(style & WS_VISIBLE)) continue;
        if ((flags & CWP_SKIPDISABLED) && (style & WS_DISABLED)) continue;
        if ((flags & CWP_SKIPTRANSPARENT) && (exstyle & WS_EX_TRANSPARENT)) continue;
        ret = list[i];
        break;
    }
    HeapFree( GetProcessHeap(), 0, list );
    return ret;
}

/***********************************************************************
 *      ChildWindowFromPoint (USER32.@)
 */
HWND WINAPI ChildWindowFromPoint( HWND parent, POINT pt )
{
    TRACE( "%p (%ld,%ld)\n", parent, pt.x, pt.y );
    return ChildWindowFromPointEx( parent, pt, CWP_ALL );
}

/***********************************************************************
 *      RealChildWindowFromPoint (USER32.@)
 */
HWND WINAPI RealChildWindowFromPoint( HWND parent, POINT pt )
{
    TRACE( "%p (%ld,%ld)\n", parent, pt.x, pt.y );
    return ChildWindowFromPointEx( parent, pt, CWP_SKIPTRANSPARENT | CWP_SKIPINVISIBLE );
}

/***********************************************************************
 *      GetWindowPlacement (USER32.@)
 */
BOOL WINAPI GetWindowPlacement( HWND hwnd, WINDOWPLACEMENT *placement )
{
    struct wnd *wnd;

    TRACE( "%p %p\n", hwnd, placement );
    if (!placement)
    {
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    lock_windows( FALSE );
    placement->length = sizeof(*placement);
    placement->flags = (wnd->flags & WIN_RESTORE_MAX) ? WPF_RESTORETOMAXIMIZED : 0;
    if (wnd->style & WS_MINIMIZE) placement->showCmd = SW_SHOWMINIMIZED;
    else if (wnd->style & WS_MAXIMIZE) placement->showCmd = SW_SHOWMAXIMIZED;
    else placement->showCmd = SW_SHOWNORMAL;
    placement->ptMinPosition.x = placement->ptMinPosition.y = -1;
    placement->ptMaxPosition.x = placement->ptMaxPosition.y = -1;
    placement->rcNormalPosition = (wnd->style & (WS_MINIMIZE | WS_MAXIMIZE)) ? wnd->normal_rect : wnd->window_rect;
    unlock_windows( FALSE );
    release_wnd( wnd );
    return TRUE;
}

/***********************************************************************
 *      SetWindowPlacement (USER32.@)
 */
BOOL WINAPI SetWindowPlacement( HWND hwnd, const WINDOWPLACEMENT *placement )
{
    struct wnd *wnd;
    BOOL normal;
    RECT rect;

    TRACE( "%p %p\n", hwnd, placement );
    if (!placement || placement->length != sizeof(*placement))
    {
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    rect = placement->rcNormalPosition;
    lock_windows( TRUE );
    normal = !(wnd->style & (WS_MINIMIZE | WS_MAXIMIZE));
    wnd->normal_rect = rect;
    if (placement->flags & WPF_RESTORETOMAXIMIZED) wnd->flags |= WIN_RESTORE_MAX;
    unlock_windows( TRUE );
    release_wnd( wnd );
    /* MSDN: the normal position applies now if the window is in its normal state */
    if (normal)
        set_window_pos( hwnd, 0, rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top,
                        SWP_NOZORDER | SWP_NOACTIVATE );
    show_window( hwnd, placement->showCmd );
    return TRUE;
}
