/*
 * Between the Win32 half of x11drv (init.c, window.c, event.c, keyboard.c: Wine headers) and its
 * Xlib half (xdisplay.c, xwindow.c, xevent.c, xkeyboard.c: X headers). The two sets of headers
 * clash (ControlMask…), so nothing here includes either: plain C types only, windows named by
 * their HWND as a `void *`, X times as `unsigned long`.
 *
 * Threads: the X half's functions may be called from any thread (Xlib is in XInitThreads mode);
 * the x11drv_* notifications of the Win32 half are called by the event thread only, with no
 * lock of the X half held.
 */
#ifndef X11DRV_H
#define X11DRV_H

/* debug.c: the X files' debug channels (they cannot include wine/debug.h). */
enum x11_debug_channel { X11_CH_CONN, X11_CH_WINDOW, X11_CH_EVENT, X11_CH_KEYMAP };
enum x11_debug_class { X11_TRACE_CLASS, X11_WARN_CLASS, X11_ERR_CLASS };
extern int x11_debug_on( enum x11_debug_channel channel, enum x11_debug_class class );
extern void x11_debug_log( enum x11_debug_channel channel, enum x11_debug_class class,
                           const char *func, const char *format, ... )
    __attribute__((format(printf, 4, 5)));
#define X11_LOG(class, channel, ...) \
    do { if (x11_debug_on( channel, class )) x11_debug_log( channel, class, __func__, __VA_ARGS__ ); } while (0)
#define X11_TRACE(channel, ...) X11_LOG( X11_TRACE_CLASS, channel, __VA_ARGS__ )
#define X11_WARN(channel, ...) X11_LOG( X11_WARN_CLASS, channel, __VA_ARGS__ )
#define X11_ERR(channel, ...) X11_LOG( X11_ERR_CLASS, channel, __VA_ARGS__ )

/* Keysyms per keycode that the layout keeps: plain, Shift, AltGr (level 3), Shift+AltGr. */
#define KEYMAP_LEVELS 4

/* xdisplay.c: the connections. Every request is written on the event connection, which only
 * the event thread reads; requests that wait for a reply from other threads use a second
 * connection, so that no other thread ever pulls events off the event connection. */
extern int x11_open_display( void );          /* 0 when no display can be opened */
extern void x11_close_display( void );
extern void x11_screen_size( int *width, int *height );
extern const char *x11_display_name( void );

/* xkeyboard.c */
extern void x11_read_keymap( unsigned int syms[256][KEYMAP_LEVELS], int *min_keycode,
                             int *max_keycode );

/* xwindow.c: one X window per top-level HWND that has been visible. Rectangles are the client
 * area in screen coordinates (the X window covers the client area: no frame is drawn). */
extern void x11_window_update( void *hwnd, int x, int y, int cx, int cy, int visible );
extern void x11_window_set_title( void *hwnd, const char *utf8 );
extern void x11_window_destroy( void *hwnd );
extern void x11_window_focus( void *hwnd );
extern int x11_get_pointer( int *x, int *y );
extern int x11_warp_pointer( int x, int y );
extern void x11_windows_cleanup( void );      /* forgets every window, before the display closes */

/* xevent.c: the event thread's loop and its dispatch table. */
extern int x11_event_init( void );            /* 0 on failure */
extern void x11_event_loop( void );           /* returns after x11_event_stop */
extern void x11_event_stop( void );
extern void x11_event_cleanup( void );        /* after the loop ended: closes the wake-up pipe */
extern void x11_event_wake( void );           /* new events may be queued: look */
extern int x11_pointer_tracked( void );       /* every pointer move reaches us now */

/* xwindow.c, for xevent.c */
extern void *x11_hwnd_from_window( unsigned long window );
/* ConfigureNotify (request number `serial`): 1 if the rectangle differs from the one we asked
 * for (a window manager or the user moved the window), and records it as reported to user32 */
extern int x11_window_configured( unsigned long window, unsigned long serial, int x, int y,
                                  int cx, int cy );
extern void x11_window_mapped( unsigned long window );
extern void x11_window_reparented( unsigned long window, int to_root );
extern int x11_window_is_reparented( unsigned long window );

/* event.c: notifications to user32, called by the event thread */
enum x11drv_pointer_event { X11DRV_MOTION, X11DRV_BUTTON_PRESS, X11DRV_BUTTON_RELEASE };
extern void x11drv_key_event( void *hwnd, unsigned int keycode, unsigned int keysym, int release,
                              unsigned long time );
extern void x11drv_pointer_event( void *hwnd, enum x11drv_pointer_event kind, unsigned int button,
                                  int x, int y, unsigned long time );
extern void x11drv_configure_event( void *hwnd, int x, int y, int cx, int cy );
extern void x11drv_expose_event( void *hwnd, int x, int y, int cx, int cy );
extern void x11drv_close_request( void *hwnd );
extern void x11drv_focus_event( void *hwnd, int in );
extern void x11drv_keymap_changed( void );

/* keyboard.c */
extern void keyboard_init( void );
extern void keyboard_cleanup( void );
extern void keymap_load( void );
extern void keymap_translate_key( unsigned int keycode, unsigned int keysym, unsigned int *vk,
                                  unsigned int *scan, int *extended );

/* The Win32 half only (it has included windef.h): the driver-table functions of each file. */
#ifdef _WINDEF_
/* init.c */
extern const struct usermm_user_callbacks *user_callbacks;
/* window.c */
extern void CDECL x11drv_window_pos_changed( HWND hwnd, const RECT *window, const RECT *client,
                                             UINT32 style, UINT32 swp_flags );
extern void CDECL x11drv_set_window_text( HWND hwnd, const WCHAR *text );
extern void CDECL x11drv_destroy_window( HWND hwnd );
extern void CDECL x11drv_set_foreground_window( HWND hwnd );
extern BOOL CDECL x11drv_get_cursor_pos( POINT *pt );
extern BOOL CDECL x11drv_set_cursor_pos( INT32 x, INT32 y );
/* keyboard.c */
extern INT32 CDECL x11drv_to_unicode( UINT32 vk, UINT32 scan, const BYTE *keystate, WCHAR *buf,
                                      INT32 size, UINT32 flags );
extern UINT32 CDECL x11drv_map_virtual_key( UINT32 code, UINT32 type );
extern INT32 CDECL x11drv_vk_key_scan( WCHAR ch );
extern INT32 CDECL x11drv_get_key_name( INT32 lparam, WCHAR *buf, INT32 size );
#endif

#endif /* X11DRV_H */
