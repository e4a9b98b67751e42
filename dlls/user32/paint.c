/*
 * Painting: update regions, WM_PAINT, BeginPaint / EndPaint, InvalidateRect & co.
 *
 * Update regions are kept as one bounding rectangle per window (client coordinates) until GDI
 * works in processes on our user32 (DESIGN.md, known limit): invalidating two rectangles
 * invalidates the smallest rectangle holding both, validating part of it keeps the bounding box
 * of what remains. WM_PAINT is synthesized, never queued: a window with a non-empty update
 * region (or an internal paint request) is counted once in its queue's paint_count, and keeps
 * getting WM_PAINT, when nothing else is pending, until the region is validated.
 *
 * There is no device context: BeginPaint and GetDC return PLACEHOLDER_HDC (0x00dc0001), a value
 * that is not NULL (so that callers checking for failure go on) and that no GDI call accepts.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(paint);

/* Called with wnd->queue's lock held: keeps paint_count and QS_PAINT in step with the flags. */
static void __update_paint_count( struct msg_queue *queue, struct wnd *wnd )
{
    BOOL needs = (wnd->paint_flags & (PAINT_UPDATE | PAINT_INTERNAL | PAINT_NONCLIENT)) &&
                 !(wnd->flags & WIN_DESTROYED);

    if (needs && !(wnd->paint_flags & PAINT_COUNTED))
    {
        wnd->paint_flags |= PAINT_COUNTED;
        if (!queue->paint_count++) __queue_set_bits( queue, QS_PAINT );
    }
    else if (!needs && (wnd->paint_flags & PAINT_COUNTED))
    {
        wnd->paint_flags &= ~PAINT_COUNTED;
        if (!--queue->paint_count) __queue_clear_bits( queue, QS_PAINT );
    }
}

/* Adds (or, with validate, removes) rect, in client coordinates, to wnd's update region. */
static void change_update_region( struct wnd *wnd, const RECT *rect, UINT flags )
{
    struct msg_queue *queue = wnd->queue;
    RECT client, area, *update;

    if (!queue) return;
    get_client_size_rect( wnd, &client );
    if (rect) IntersectRect( &area, rect, &client );
    else area = client;

    lock_queue( queue );
    update = &wnd->update_rect;
    if (flags & RDW_INVALIDATE)
    {
        if (!IsRectEmpty( &area ))
        {
            if (wnd->paint_flags & PAINT_UPDATE) UnionRect( update, update, &area );
            else *update = area;
            wnd->paint_flags |= PAINT_UPDATE;
            if (flags & RDW_ERASE) wnd->paint_flags |= PAINT_ERASE;
        }
        if (flags & RDW_FRAME) wnd->paint_flags |= PAINT_NONCLIENT;
    }
    else if (flags & RDW_VALIDATE)
    {
        if (wnd->paint_flags & PAINT_UPDATE)
        {
            RECT remain;
            /* the bounding box of what is left: only whole strips can go */
            if (SubtractRect( &remain, update, &area )) *update = remain;
            else SetRectEmpty( update );
            if (IsRectEmpty( update )) wnd->paint_flags &= ~(PAINT_UPDATE | PAINT_ERASE);
        }
        if (flags & RDW_NOERASE) wnd->paint_flags &= ~PAINT_ERASE;
        if (flags & RDW_NOFRAME) wnd->paint_flags &= ~PAINT_NONCLIENT;
    }
    if (flags & RDW_INTERNALPAINT) wnd->paint_flags |= PAINT_INTERNAL;
    if (flags & RDW_NOINTERNALPAINT) wnd->paint_flags &= ~PAINT_INTERNAL;
    __update_paint_count( queue, wnd );
    unlock_queue_and_wake( queue );
}

static void erase_now( struct wnd *wnd )
{
    struct msg_queue *queue = wnd->queue;
    UINT flags;

    lock_queue( queue );
    flags = wnd->paint_flags;
    wnd->paint_flags &= ~(PAINT_ERASE | PAINT_NONCLIENT);
    __update_paint_count( queue, wnd );
    unlock_queue( queue );
    if (flags & PAINT_NONCLIENT) send_message( wnd->hwnd, WM_NCPAINT, 1, 0, TRUE );
    if (flags & PAINT_ERASE)
    {
        if (!send_message( wnd->hwnd, WM_ERASEBKGND, (WPARAM)PLACEHOLDER_HDC, 0, TRUE ))
        {
            /* not erased: BeginPaint must tell the application (PAINTSTRUCT.fErase) */
            lock_queue( queue );
            if (wnd->paint_flags & PAINT_UPDATE) wnd->paint_flags |= PAINT_ERASE;
            unlock_queue( queue );
        }
    }
}

static void redraw_window( struct wnd *wnd, const RECT *rect, UINT flags )
{
    HWND *children;
    BOOL recurse;
    UINT i;

    if ((flags & RDW_INVALIDATE) && !is_window_visible_wnd( wnd )) return; /* nothing to see */
    if (flags & (RDW_INVALIDATE | RDW_VALIDATE | RDW_INTERNALPAINT | RDW_NOINTERNALPAINT))
        change_update_region( wnd, rect, flags );
    if (flags & (RDW_ERASENOW | RDW_UPDATENOW)) erase_now( wnd );

    /* MSDN RedrawWindow: children are included with RDW_ALLCHILDREN, excluded with
     * RDW_NOCHILDREN, and otherwise included unless the window has WS_CLIPCHILDREN */
    if (flags & RDW_NOCHILDREN) recurse = FALSE;
    else recurse = (flags & RDW_ALLCHILDREN) || !(wnd->style & WS_CLIPCHILDREN);
    if (recurse && (children = list_window_children( wnd->hwnd, 0 )))
    {
        for (i = 0; children[i]; i++)
        {
            struct wnd *child = get_wnd( children[i] );
            RECT child_rect;
            if (!child) continue;
            if (rect)
            {
                lock_windows( FALSE );
                child_rect = *rect;
                OffsetRect( &child_rect, -child->client_rect.left, -child->client_rect.top );
                unlock_windows( FALSE );
            }
            redraw_window( child, rect ? &child_rect : NULL, flags & ~RDW_UPDATENOW );
            release_wnd( child );
        }
        HeapFree( GetProcessHeap(), 0, children );
    }
    if (flags & RDW_UPDATENOW)
    {
        BOOL needs;
        lock_queue( wnd->queue );
        needs = (wnd->paint_flags & (PAINT_UPDATE | PAINT_INTERNAL)) != 0;
        unlock_queue( wnd->queue );
        if (needs) send_message( wnd->hwnd, WM_PAINT, 0, 0, TRUE );
        if (recurse && (children = list_window_children( wnd->hwnd, 0 )))
        {
            for (i = 0; children[i]; i++)
            {
                struct wnd *child = get_wnd( children[i] );
                if (!child) continue;
                redraw_window( child, NULL, RDW_UPDATENOW | (flags & RDW_ALLCHILDREN) );
                release_wnd( child );
            }
            HeapFree( GetProcessHeap(), 0, children );
        }
    }
}

/* Shown: the whole window needs painting (called by winpos.c). */
void invalidate_whole_window( struct wnd *wnd, BOOL erase )
{
    redraw_window( wnd, NULL, RDW_INVALIDATE | RDW_FRAME | RDW_ALLCHILDREN | (erase ? RDW_ERASE : 0) );
}

/* A window going away no longer counts as needing paint. */
void validate_destroyed_window( struct wnd *wnd )
{
    if (!wnd->queue) return;
    lock_queue( wnd->queue );
    wnd->paint_flags &= ~(PAINT_UPDATE | PAINT_ERASE | PAINT_INTERNAL | PAINT_NONCLIENT);
    __update_paint_count( wnd->queue, wnd );
    unlock_queue( wnd->queue );
}

/* Hidden windows have no update region (called by winpos.c). */
void validate_hidden_window( struct wnd *wnd )
{
    redraw_window( wnd, NULL, RDW_VALIDATE | RDW_NOERASE | RDW_NOFRAME | RDW_NOINTERNALPAINT | RDW_ALLCHILDREN );
}

/* Called with win_lock held (shared) and queue's lock: is wnd one that filter accepts? */
static BOOL __paint_filter( struct wnd *wnd, HWND filter )
{
    struct wnd *filter_wnd;
    if (!filter || wnd->hwnd == filter) return TRUE;
    if (!(filter_wnd = __lookup_wnd( filter ))) return FALSE;
    return __is_child_of( filter_wnd, wnd );
}

static BOOL __find_in_tree( struct msg_queue *queue, struct wnd *parent, HWND filter, HWND *hwnd )
{
    struct ulist *cursor;
    ULIST_FOR_EACH( cursor, &parent->children )
    {
        struct wnd *wnd = ULIST_ENTRY( cursor, struct wnd, sibling );
        /* MSDN: a parent gets WM_PAINT before its children */
        if (wnd->queue == queue && (wnd->paint_flags & PAINT_COUNTED) && __paint_filter( wnd, filter ))
        {
            *hwnd = wnd->hwnd;
            return TRUE;
        }
        if (__find_in_tree( queue, wnd, filter, hwnd )) return TRUE;
    }
    return FALSE;
}

/* Called with win_lock held (shared) and the queue locked. */
BOOL __find_paint_window( struct msg_queue *queue, HWND filter, HWND *hwnd )
{
    return __find_in_tree( queue, get_desktop_wnd(), filter, hwnd );
}

/***********************************************************************
 *      RedrawWindow (USER32.@)
 */
BOOL WINAPI RedrawWindow( HWND hwnd, const RECT *rect, HRGN rgn, UINT flags )
{
    struct wnd *wnd;

    TRACE( "%p %s %p %#x\n", hwnd, wine_dbgstr_rect( rect ), rgn, flags );
    if (rgn) FIXME( "update regions given as HRGN are not supported (no GDI): using the rectangle\n" );
    if (!hwnd) hwnd = get_desktop_hwnd();
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    if (wnd->flags & WIN_DESKTOP)
    {
        HWND *list = list_top_level_windows();
        UINT i;
        if (list)
        {
            for (i = 0; list[i]; i++) RedrawWindow( list[i], NULL, NULL, flags | RDW_ALLCHILDREN );
            HeapFree( GetProcessHeap(), 0, list );
        }
    }
    else redraw_window( wnd, rect, flags );
    release_wnd( wnd );
    return TRUE;
}

/***********************************************************************
 *      InvalidateRect (USER32.@)
 */
BOOL WINAPI InvalidateRect( HWND hwnd, const RECT *rect, BOOL erase )
{
    TRACE( "%p %s %d\n", hwnd, wine_dbgstr_rect( rect ), erase );
    /* MSDN: NULL hwnd invalidates and redraws all windows, erasing before the call returns */
    if (!hwnd) return RedrawWindow( NULL, NULL, NULL, RDW_INVALIDATE | RDW_ERASE | RDW_FRAME | RDW_ERASENOW );
    return RedrawWindow( hwnd, rect, NULL, RDW_INVALIDATE | (erase ? RDW_ERASE : 0) );
}

/***********************************************************************
 *      ValidateRect (USER32.@)
 */
BOOL WINAPI ValidateRect( HWND hwnd, const RECT *rect )
{
    TRACE( "%p %s\n", hwnd, wine_dbgstr_rect( rect ) );
    if (!hwnd) return RedrawWindow( NULL, NULL, NULL, RDW_INVALIDATE | RDW_ERASE | RDW_FRAME | RDW_ERASENOW );
    return RedrawWindow( hwnd, rect, NULL, RDW_VALIDATE );
}

/***********************************************************************
 *      UpdateWindow (USER32.@)
 */
BOOL WINAPI UpdateWindow( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    if (!hwnd)
    {
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return FALSE;
    }
    return RedrawWindow( hwnd, NULL, NULL, RDW_UPDATENOW | RDW_ALLCHILDREN );
}

/***********************************************************************
 *      GetUpdateRect (USER32.@)
 */
BOOL WINAPI GetUpdateRect( HWND hwnd, RECT *rect, BOOL erase )
{
    struct wnd *wnd;
    RECT update;
    BOOL ret, erase_pending;

    TRACE( "%p %p %d\n", hwnd, rect, erase );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    lock_queue( wnd->queue );
    ret = (wnd->paint_flags & PAINT_UPDATE) != 0;
    update = ret ? wnd->update_rect : (RECT){ 0 };
    erase_pending = (wnd->paint_flags & PAINT_ERASE) != 0;
    unlock_queue( wnd->queue );
    if (ret && erase && erase_pending) erase_now( wnd );
    release_wnd( wnd );
    if (rect) *rect = update;
    return ret;
}

/***********************************************************************
 *      BeginPaint (USER32.@)
 */
HDC WINAPI BeginPaint( HWND hwnd, PAINTSTRUCT *ps )
{
    struct wnd *wnd;
    UINT flags;
    RECT update;

    TRACE( "%p %p\n", hwnd, ps );
    if (!ps)
    {
        SetLastError( ERROR_INVALID_PARAMETER );
        return NULL;
    }
    if (!(wnd = get_wnd_or_fail( hwnd ))) return NULL;
    lock_queue( wnd->queue );
    flags = wnd->paint_flags;
    update = (flags & PAINT_UPDATE) ? wnd->update_rect : (RECT){ 0 };
    /* MSDN: BeginPaint validates the entire update region */
    wnd->paint_flags &= ~(PAINT_UPDATE | PAINT_ERASE | PAINT_INTERNAL | PAINT_NONCLIENT);
    SetRectEmpty( &wnd->update_rect );
    __update_paint_count( wnd->queue, wnd );
    unlock_queue( wnd->queue );

    if (flags & PAINT_NONCLIENT) send_message( hwnd, WM_NCPAINT, 1, 0, TRUE );
    memset( ps, 0, sizeof(*ps) );
    ps->hdc = PLACEHOLDER_HDC;
    ps->rcPaint = update;
    /* fErase: the application must erase because WM_ERASEBKGND did not */
    if (flags & PAINT_ERASE)
        ps->fErase = !send_message( hwnd, WM_ERASEBKGND, (WPARAM)ps->hdc, 0, TRUE );
    release_wnd( wnd );
    TRACE( "-> hdc %p rcPaint %s fErase %d\n", ps->hdc, wine_dbgstr_rect( &ps->rcPaint ), ps->fErase );
    return ps->hdc;
}

/***********************************************************************
 *      EndPaint (USER32.@)
 */
BOOL WINAPI EndPaint( HWND hwnd, const PAINTSTRUCT *ps )
{
    TRACE( "%p %p\n", hwnd, ps );
    return ps != NULL;
}

/***********************************************************************
 *      GetDC (USER32.@)
 */
HDC WINAPI GetDC( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    if (hwnd && !IsWindow( hwnd ))
    {
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return NULL;
    }
    return PLACEHOLDER_HDC;
}

/***********************************************************************
 *      GetWindowDC (USER32.@)
 */
HDC WINAPI GetWindowDC( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    return GetDC( hwnd );
}

/***********************************************************************
 *      ReleaseDC (USER32.@)
 */
INT WINAPI ReleaseDC( HWND hwnd, HDC hdc )
{
    TRACE( "%p %p\n", hwnd, hdc );
    return hdc == PLACEHOLDER_HDC;
}
