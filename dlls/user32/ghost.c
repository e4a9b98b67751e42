/*
 * Ghost windows: what the user can still do with the window of a hung application.
 *
 * Windows replaces a top-level window whose thread has stopped retrieving messages for 5 s
 * (IsHungAppWindow's rule) by a ghost with the same place, size and look, which the user can
 * move, size and close — except while a debugger is attached to the application.
 *
 * What that means here. There is no GDI in a process on our user32 (DESIGN.md, known limit), so
 * no window has a "look" user32 could copy into another window: the look of a window is its X
 * window, as the X server and the window manager show it. The X window itself is the ghost:
 * it is driven by the display driver's event thread, which never waits for an application
 * thread, so it stays responsive while its thread hangs:
 *  - moving and sizing: the window manager moves and sizes the X window at once; user32 hears
 *    of it (window_moved_from_driver) and the hung thread catches up with WM_WINDOWPOSCHANGED &
 *    co. when it retrieves messages again — nothing to do here;
 *  - closing: the close request of a hung window (unless a debugger is attached) hides its X
 *    window at once, so that the user sees it close, and leaves the close to the application:
 *    when its thread next retrieves messages it gets WM_SYSCOMMAND SC_CLOSE (and so WM_CLOSE)
 *    as from the close button. If it does not destroy the window then, the X window is shown
 *    again, as Windows shows the real window again when the application answers.
 * Without a display driver (the null driver) nobody can see or close a window: no ghosts.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(win);

/* Posted (sent as a notification) to the ghosted window's own thread: the user closed it while
 * it hung. */
#define WM_USERMM_GHOST_CLOSED 0x80001100

/* The display driver's close request for top-level `hwnd` (driver.c, the event thread): TRUE
 * if the window is hung and was turned into a closed ghost, FALSE to close it as usual. */
BOOL ghost_close_request( HWND hwnd )
{
    struct wnd *wnd;
    RECT window, client;
    DWORD style;
    BOOL ghost, hung;

    /* DESIGN.md: "not while a debugger is attached" (the application stops on purpose) */
    if (IsDebuggerPresent()) return FALSE;
    if (!(wnd = get_wnd( hwnd ))) return FALSE;
    hung = wnd->queue && is_queue_hung( wnd->queue );
    if (!hung)
    {
        release_wnd( wnd );
        return FALSE;
    }
    lock_windows( TRUE );
    ghost = !(wnd->flags & (WIN_GHOST | WIN_DESTROYED));
    if (ghost) wnd->flags |= WIN_GHOST;
    window = wnd->window_rect; /* top-level: the desktop's client coordinates are the screen's */
    client = wnd->client_rect;
    style = wnd->style;
    unlock_windows( TRUE );
    if (ghost)
    {
        TRACE( "%p is hung: its X window is hidden, the close waits for its thread\n", hwnd );
        call_driver()->window_pos_changed( hwnd, &window, &client, style & ~WS_VISIBLE,
                                           SWP_HIDEWINDOW | SWP_NOMOVE | SWP_NOSIZE | SWP_NOZORDER |
                                           SWP_NOACTIVATE );
        SendNotifyMessageW( hwnd, WM_USERMM_GHOST_CLOSED, 0, 0 );
    }
    else TRACE( "%p is already a closed ghost\n", hwnd );
    release_wnd( wnd );
    return TRUE;
}

/* Internal messages of ghosts, in the window's own thread (from handle_internal_message). */
BOOL handle_ghost_message( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    struct wnd *wnd;

    if (msg != WM_USERMM_GHOST_CLOSED) return FALSE;
    TRACE( "%p: closed by the user while it hung\n", hwnd );
    /* as the close button does: DefWindowProc turns SC_CLOSE into WM_CLOSE */
    SendMessageW( hwnd, WM_SYSCOMMAND, SC_CLOSE, 0 );
    /* still there: the application did not want to close; its window comes back */
    if (!(wnd = get_current_thread_wnd( hwnd ))) return TRUE;
    lock_windows( TRUE );
    wnd->flags &= ~WIN_GHOST;
    unlock_windows( TRUE );
    notify_driver_window_pos( wnd, SWP_SHOWWINDOW | SWP_NOMOVE | SWP_NOSIZE | SWP_NOZORDER | SWP_NOACTIVATE );
    return TRUE;
}
