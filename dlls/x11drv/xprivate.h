/*
 * Shared by the Xlib half of x11drv (xdisplay.c, xwindow.c, xevent.c, xkeyboard.c) only: X
 * types allowed, Win32 ones not.
 */
#ifndef X11DRV_XPRIVATE_H
#define X11DRV_XPRIVATE_H

#include <X11/Xlib.h>

/* xdisplay.c */
extern Display *x11_display;       /* windows, events (read by the event thread only) */
extern Display *x11_query_display; /* requests with replies from any thread */

/* xwindow.c */
extern Atom x11_atom_wm_protocols, x11_atom_wm_delete_window;
extern void x11_atoms_init( void );

#endif /* X11DRV_XPRIVATE_H */
