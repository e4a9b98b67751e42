/*
 * The X connections (Xlib side of x11drv).
 *
 * Two connections: x11_display, on which windows are created and configured and from which the
 * event thread alone reads events; and x11_query_display for the requests of other threads that
 * wait for a reply (the pointer position, the keymap). A reply read on the event connection by
 * another thread could pull events into Xlib's queue behind the event thread's back while it
 * sleeps in poll(); the second connection keeps that from happening.
 */
#include <errno.h>
#include <string.h>
#include <X11/Xlib.h>
#include <X11/XKBlib.h>
#include "x11drv.h"
#include "xprivate.h"

Display *x11_display;       /* set once by x11_open_display, before the event thread exists */
Display *x11_query_display; /* likewise */

/* Xlib's default handler exits the process. A request about a window that the server already
 * destroyed, or a focus change to a window not yet viewable, is harmless: report and go on. */
static int handle_x_error( Display *dpy, XErrorEvent *error )
{
    char text[128];

    XGetErrorText( dpy, error->error_code, text, sizeof(text) );
    X11_WARN( X11_CH_CONN, "X error: %s, request %u.%u, resource %#lx, serial %lu\n", text,
              error->request_code, error->minor_code, error->resourceid, error->serial );
    return 0;
}

int x11_open_display( void )
{
    Bool detectable;

    /* Xlib is used from more than one thread once the event thread exists. */
    XInitThreads();
    X11_TRACE( X11_CH_CONN, "opening %s\n", XDisplayName( NULL ) );
    if (!(x11_display = XOpenDisplay( NULL )))
    {
        X11_WARN( X11_CH_CONN, "cannot open %s: errno %d (%s)\n", XDisplayName( NULL ), errno, strerror( errno ) );
        return 0;
    }
    if (!(x11_query_display = XOpenDisplay( NULL )))
    {
        X11_WARN( X11_CH_CONN, "cannot open %s again: errno %d (%s)\n", XDisplayName( NULL ), errno, strerror( errno ) );
        XCloseDisplay( x11_display );
        x11_display = NULL;
        return 0;
    }
    XSetErrorHandler( handle_x_error );
    /* Auto-repeat as repeated KeyPress events without the interleaved KeyRelease, as Windows
     * repeats WM_KEYDOWN with the previous-state bit set. */
    XkbSetDetectableAutoRepeat( x11_display, True, &detectable );
    x11_atoms_init();
    X11_TRACE( X11_CH_CONN, "event connection %d, query connection %d, detectable repeat %d\n",
               ConnectionNumber( x11_display ), ConnectionNumber( x11_query_display ), detectable );
    return 1;
}

void x11_close_display( void )
{
    X11_TRACE( X11_CH_CONN, "closing\n" );
    if (x11_query_display) XCloseDisplay( x11_query_display );
    if (x11_display) XCloseDisplay( x11_display );
    x11_display = x11_query_display = NULL;
}

void x11_screen_size( int *width, int *height )
{
    int screen = DefaultScreen( x11_display );

    *width = DisplayWidth( x11_display, screen );
    *height = DisplayHeight( x11_display, screen );
}

const char *x11_display_name( void )
{
    return DisplayString( x11_display );
}
