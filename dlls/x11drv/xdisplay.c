/*
 * The X connection (Xlib side of x11drv).
 */
#include <stdlib.h>
#include <X11/Xlib.h>
#include "x11drv.h"

static Display *display; /* set once by x11_open_display, before any other thread exists */

int x11_open_display( void )
{
    /* Xlib is used from more than one thread once the event thread exists. */
    XInitThreads();
    display = XOpenDisplay( NULL );
    return display != NULL;
}

void x11_close_display( void )
{
    if (display) XCloseDisplay( display );
    display = NULL;
}

void x11_screen_size( int *width, int *height )
{
    int screen = DefaultScreen( display );

    *width = DisplayWidth( display, screen );
    *height = DisplayHeight( display, screen );
}

const char *x11_display_name( void )
{
    return DisplayString( display );
}
