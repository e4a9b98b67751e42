/*
 * X windows of top-level HWNDs (Xlib side of x11drv).
 *
 * An X window is created the first time its HWND is visible, mapped and unmapped with the
 * HWND's visibility, and covers the client area (no frame is drawn, as with Wine's builtin
 * driver without a window manager). It is created on the event connection, so that the events
 * selected on it, and the WM_DELETE_WINDOW messages a window manager sends to its creator,
 * arrive there.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include "x11drv.h"
#include "xprivate.h"

Atom x11_atom_wm_protocols, x11_atom_wm_delete_window;
static Atom atom_net_wm_name, atom_utf8_string, atom_net_wm_pid;

/* A client area on the screen, as the X window's geometry. */
struct geometry
{
    int x, y, cx, cy;
};

static int same_geometry( const struct geometry *a, const struct geometry *b )
{
    return a->x == b->x && a->y == b->y && a->cx == b->cx && a->cy == b->cy;
}

/* Geometries reported to user32 (window_moved) whose echo, user32 moving the window there and
 * telling us through x11_window_update, has not come yet. user32 moves the window in its own
 * thread, later: by then the server may have reported newer ones, and moving the X window back
 * to an older one would fight the window manager (or the user's drag). Policy: the last
 * MAX_REPORTED are kept; when full the oldest is forgotten, and its echo, should it come, is then
 * an ordinary move request (one redundant request, undone by the newer echoes; configure_serial
 * keeps the server's answers to it from being reported again). */
#define MAX_REPORTED 8

struct x11_window
{
    void *hwnd;
    Window window;     /* 0 until the window is first shown */
    char *title;       /* UTF-8, kept for the X window created later */
    struct geometry geom; /* last geometry we asked for or the server reported */
    unsigned long configure_serial; /* request number of our last move/size of the window */
    struct geometry reported[MAX_REPORTED]; /* oldest first */
    unsigned int reported_count;
    int mapped;        /* we asked for it to be mapped */
    int viewable;      /* MapNotify seen since the last map */
    int focus_pending; /* focus asked for before the window was viewable */
    int reparented;    /* a window manager's frame is its parent, not the root window */
};

/* Protects windows and window_count; held only around table look-ups and updates, never while
 * calling Xlib or the Win32 half. Taken after the display lock (XLockDisplay) where both are. */
static pthread_mutex_t window_lock = PTHREAD_MUTEX_INITIALIZER;
static struct x11_window *windows;
static unsigned int window_count, window_capacity;

#define EVENT_MASK (KeyPressMask | KeyReleaseMask | ButtonPressMask | ButtonReleaseMask | \
                    PointerMotionMask | EnterWindowMask | LeaveWindowMask | FocusChangeMask | \
                    ExposureMask | StructureNotifyMask)

void x11_atoms_init( void )
{
    x11_atom_wm_protocols = XInternAtom( x11_display, "WM_PROTOCOLS", False );
    x11_atom_wm_delete_window = XInternAtom( x11_display, "WM_DELETE_WINDOW", False );
    atom_net_wm_name = XInternAtom( x11_display, "_NET_WM_NAME", False );
    atom_utf8_string = XInternAtom( x11_display, "UTF8_STRING", False );
    atom_net_wm_pid = XInternAtom( x11_display, "_NET_WM_PID", False );
}

/* Called with window_lock held. */
static struct x11_window *__find_by_hwnd( void *hwnd )
{
    unsigned int i;

    for (i = 0; i < window_count; i++)
        if (windows[i].hwnd == hwnd) return &windows[i];
    return NULL;
}

/* Called with window_lock held. */
static struct x11_window *__find_by_window( Window window )
{
    unsigned int i;

    for (i = 0; i < window_count; i++)
        if (window && windows[i].window == window) return &windows[i];
    return NULL;
}

/* Called with window_lock held. */
static struct x11_window *__add_window( void *hwnd, Window window )
{
    struct x11_window *win;

    if (window_count == window_capacity)
    {
        unsigned int capacity = window_capacity ? window_capacity * 2 : 16;
        struct x11_window *grown = realloc( windows, capacity * sizeof(*grown) );
        if (!grown) return NULL;
        windows = grown;
        window_capacity = capacity;
    }
    win = &windows[window_count++];
    memset( win, 0, sizeof(*win) );
    win->hwnd = hwnd;
    win->window = window;
    return win;
}

/* Requests made by application threads are flushed at once; if Xlib read events while
 * flushing, the event thread must look at its queue. */
static void flush( void )
{
    XFlush( x11_display );
    if (XEventsQueued( x11_display, QueuedAlready )) x11_event_wake();
}

/* WM_NAME for old window managers and tools (Latin-1 readers see UTF-8 bytes; ASCII titles,
 * those of tests, read back exactly), _NET_WM_NAME in UTF-8 for the others. */
static void set_title( Window window, const char *utf8 )
{
    XStoreName( x11_display, window, utf8 );
    XChangeProperty( x11_display, window, atom_net_wm_name, atom_utf8_string, 8, PropModeReplace,
                     (const unsigned char *)utf8, strlen( utf8 ) );
}

static Window create_window( void *hwnd, int x, int y, int cx, int cy )
{
    XSetWindowAttributes attr;
    XSizeHints *hints;
    XClassHint *class_hint;
    Atom protocols[1];
    Window window;
    long pid = getpid();
    int screen = DefaultScreen( x11_display );

    attr.event_mask = EVENT_MASK;
    attr.background_pixel = WhitePixel( x11_display, screen );
    window = XCreateWindow( x11_display, RootWindow( x11_display, screen ), x, y, cx, cy, 0,
                            CopyFromParent, InputOutput, CopyFromParent,
                            CWEventMask | CWBackPixel, &attr );
    X11_TRACE( X11_CH_WINDOW, "hwnd %p -> window %#lx at %d,%d %dx%d\n", hwnd, window, x, y, cx, cy );
    if (!window) return 0;
    protocols[0] = x11_atom_wm_delete_window;
    XSetWMProtocols( x11_display, window, protocols, 1 );
    /* The program chose the position: window managers should keep it. */
    if ((hints = XAllocSizeHints()))
    {
        hints->flags = USPosition | PPosition | USSize | PSize;
        hints->x = x;
        hints->y = y;
        hints->width = cx;
        hints->height = cy;
        XSetWMNormalHints( x11_display, window, hints );
        XFree( hints );
    }
    if ((class_hint = XAllocClassHint()))
    {
        class_hint->res_name = (char *)"usermm";
        class_hint->res_class = (char *)"Wine";
        XSetClassHint( x11_display, window, class_hint );
        XFree( class_hint );
    }
    XChangeProperty( x11_display, window, atom_net_wm_pid, XA_CARDINAL, 32, PropModeReplace,
                     (unsigned char *)&pid, 1 );
    return window;
}

/* Called with window_lock held: whether `geom`, asked for by user32, is its echo of a geometry
 * the server reported (the window is there already, or will be told of a newer one); forgets
 * that report and the older ones. Any other request makes the pending echoes ordinary moves:
 * user32's latest word counts. */
static int __is_reported_echo( struct x11_window *win, const struct geometry *geom )
{
    unsigned int i;

    for (i = win->reported_count; i > 0; i--)
        if (same_geometry( &win->reported[i - 1], geom ))
        {
            memmove( win->reported, win->reported + i, (win->reported_count - i) * sizeof(*geom) );
            win->reported_count -= i;
            return 1;
        }
    win->reported_count = 0;
    return 0;
}

/* Creates, maps, unmaps, moves and sizes the X window of hwnd (any thread).
 *
 * A move notes its request's number: the server's ConfigureNotify events for the window with an
 * older number describe where it was before the move, and are not reported (the window is going
 * where user32 put it). The display lock, taken before window_lock, keeps the number and the
 * geometry in step with the request: no other thread's request takes the number in between, and
 * the event thread sees either both old or both new. */
void x11_window_update( void *hwnd, int x, int y, int cx, int cy, int visible )
{
    struct x11_window *win;
    Window window = 0;
    int map = 0, unmap = 0, move = 0, echo = 0;
    char *title = NULL;
    struct geometry geom;

    /* X windows cannot be empty */
    if (cx <= 0) cx = 1;
    if (cy <= 0) cy = 1;
    geom.x = x, geom.y = y, geom.cx = cx, geom.cy = cy;
    pthread_mutex_lock( &window_lock );
    if (!(win = __find_by_hwnd( hwnd )) || !win->window)
    {
        if (win && win->title) title = strdup( win->title );
        pthread_mutex_unlock( &window_lock );
        if (!visible) { free( title ); return; } /* created the first time it is shown */
        window = create_window( hwnd, x, y, cx, cy );
        if (window && title) set_title( window, title );
        free( title );
        if (!window) return;
        pthread_mutex_lock( &window_lock );
        if (!(win = __find_by_hwnd( hwnd ))) win = __add_window( hwnd, 0 );
        if (!win || win->window)
        {
            /* out of memory, or another thread created one meanwhile */
            pthread_mutex_unlock( &window_lock );
            XDestroyWindow( x11_display, window );
            flush();
            return;
        }
        win->window = window;
        win->geom = geom;
    }
    pthread_mutex_unlock( &window_lock );

    XLockDisplay( x11_display );
    pthread_mutex_lock( &window_lock );
    if ((win = __find_by_hwnd( hwnd )) && win->window)
    {
        window = win->window;
        if ((echo = __is_reported_echo( win, &geom )))
            ; /* the server has it there, or a newer report is on its way to user32 */
        else if (!same_geometry( &win->geom, &geom ))
        {
            move = 1;
            win->geom = geom;
            win->configure_serial = NextRequest( x11_display );
        }
        if (visible && !win->mapped) map = win->mapped = 1;
        if (!visible && win->mapped)
        {
            unmap = 1;
            win->mapped = win->viewable = 0;
        }
    }
    pthread_mutex_unlock( &window_lock );
    if (move) XMoveResizeWindow( x11_display, window, x, y, cx, cy );
    if (map) XMapWindow( x11_display, window );
    if (unmap) XUnmapWindow( x11_display, window );
    XUnlockDisplay( x11_display );

    X11_TRACE( X11_CH_WINDOW, "hwnd %p window %#lx %d,%d %dx%d visible %d:%s%s%s%s\n", hwnd, window,
               x, y, cx, cy, visible, move ? " move" : "", echo ? " (as the server reported)" : "",
               map ? " map" : "", unmap ? " unmap" : "" );
    flush();
}

void x11_window_set_title( void *hwnd, const char *utf8 )
{
    struct x11_window *win;
    Window window = 0;
    char *copy = strdup( utf8 );

    pthread_mutex_lock( &window_lock );
    /* a window not shown yet keeps its title for later */
    if (!(win = __find_by_hwnd( hwnd ))) win = __add_window( hwnd, 0 );
    if (win)
    {
        free( win->title );
        win->title = copy;
        window = win->window;
    }
    else free( copy );
    pthread_mutex_unlock( &window_lock );
    X11_TRACE( X11_CH_WINDOW, "hwnd %p window %#lx title \"%s\"\n", hwnd, window, utf8 );
    if (!window) return;
    set_title( window, utf8 );
    flush();
}

void x11_window_destroy( void *hwnd )
{
    struct x11_window *win;
    Window window = 0;

    pthread_mutex_lock( &window_lock );
    if ((win = __find_by_hwnd( hwnd )))
    {
        window = win->window;
        free( win->title );
        *win = windows[--window_count];
    }
    pthread_mutex_unlock( &window_lock );
    X11_TRACE( X11_CH_WINDOW, "hwnd %p window %#lx\n", hwnd, window );
    if (!window) return;
    XDestroyWindow( x11_display, window );
    flush();
}

/* Gives the X input focus to the window of hwnd, or at once when it becomes viewable. */
void x11_window_focus( void *hwnd )
{
    struct x11_window *win;
    Window window = 0;

    pthread_mutex_lock( &window_lock );
    if ((win = __find_by_hwnd( hwnd )) && win->window && win->mapped)
    {
        if (win->viewable) window = win->window;
        else win->focus_pending = 1;
    }
    pthread_mutex_unlock( &window_lock );
    X11_TRACE( X11_CH_WINDOW, "hwnd %p window %#lx%s\n", hwnd, window, window ? "" : " (later, or not ours)" );
    if (!window) return;
    XSetInputFocus( x11_display, window, RevertToParent, CurrentTime );
    flush();
}

/* MapNotify: the window is viewable (without a window manager); a focus asked for before can
 * now be given. Called by the event thread. */
void x11_window_mapped( unsigned long window )
{
    struct x11_window *win;
    int focus = 0;

    pthread_mutex_lock( &window_lock );
    if ((win = __find_by_window( window )) && win->mapped)
    {
        win->viewable = 1;
        focus = win->focus_pending;
        win->focus_pending = 0;
    }
    pthread_mutex_unlock( &window_lock );
    X11_TRACE( X11_CH_WINDOW, "window %#lx viewable%s\n", window, focus ? ", taking the focus asked for" : "" );
    if (focus) XSetInputFocus( x11_display, window, RevertToParent, CurrentTime );
}

void *x11_hwnd_from_window( unsigned long window )
{
    struct x11_window *win;
    void *hwnd = NULL;

    pthread_mutex_lock( &window_lock );
    if ((win = __find_by_window( window ))) hwnd = win->hwnd;
    pthread_mutex_unlock( &window_lock );
    return hwnd;
}

int x11_window_configured( unsigned long window, unsigned long serial, int x, int y, int cx, int cy )
{
    struct x11_window *win;
    struct geometry geom = { x, y, cx, cy };
    int changed = 0, stale = 0;

    pthread_mutex_lock( &window_lock );
    if ((win = __find_by_window( window )))
    {
        /* before our last move reached the server: where the window was, not where it goes */
        if ((long)(serial - win->configure_serial) < 0) stale = 1;
        else if (!same_geometry( &win->geom, &geom ))
        {
            win->geom = geom;
            if (win->reported_count == MAX_REPORTED)
                memmove( win->reported, win->reported + 1, --win->reported_count * sizeof(geom) );
            win->reported[win->reported_count++] = geom;
            changed = 1;
        }
    }
    pthread_mutex_unlock( &window_lock );
    X11_TRACE( X11_CH_WINDOW, "window %#lx serial %lu %d,%d %dx%d%s\n", window, serial, x, y, cx, cy,
               changed ? "" : stale ? " (before our last move: ignored)" : " (as asked: ignored)" );
    return changed;
}

/* Forgets every window (the display is being closed, which destroys the X windows). */
void x11_windows_cleanup( void )
{
    unsigned int i;

    pthread_mutex_lock( &window_lock );
    for (i = 0; i < window_count; i++) free( windows[i].title );
    free( windows );
    windows = NULL;
    window_count = window_capacity = 0;
    pthread_mutex_unlock( &window_lock );
}

/* ReparentNotify: whether the window's parent is the root window. Called by the event thread. */
void x11_window_reparented( unsigned long window, int to_root )
{
    struct x11_window *win;

    pthread_mutex_lock( &window_lock );
    if ((win = __find_by_window( window ))) win->reparented = !to_root;
    pthread_mutex_unlock( &window_lock );
    X11_TRACE( X11_CH_WINDOW, "window %#lx parent %s\n", window, to_root ? "root" : "a frame" );
}

int x11_window_is_reparented( unsigned long window )
{
    struct x11_window *win;
    int ret;

    pthread_mutex_lock( &window_lock );
    ret = (win = __find_by_window( window )) && win->reparented;
    pthread_mutex_unlock( &window_lock );
    return ret;
}

int x11_get_pointer( int *x, int *y )
{
    Window root, child;
    int wx, wy;
    unsigned int mask;

    return XQueryPointer( x11_query_display, DefaultRootWindow( x11_query_display ), &root, &child,
                          x, y, &wx, &wy, &mask );
}

int x11_warp_pointer( int x, int y )
{
    XWarpPointer( x11_display, None, DefaultRootWindow( x11_display ), 0, 0, 0, 0, x, y );
    flush();
    return 1;
}
