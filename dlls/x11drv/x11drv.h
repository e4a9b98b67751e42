/*
 * Between the Win32 half of x11drv (init.c: Wine headers) and its Xlib half (xdisplay.c: X
 * headers). The two sets of headers clash (ControlMask…), so nothing here includes either:
 * plain C types only.
 */
#ifndef X11DRV_H
#define X11DRV_H

/* xdisplay.c */
extern int x11_open_display( void );          /* 0 when no display can be opened */
extern void x11_close_display( void );
extern void x11_screen_size( int *width, int *height );
extern const char *x11_display_name( void );

#endif /* X11DRV_H */
