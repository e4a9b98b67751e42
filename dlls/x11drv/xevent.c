/*
 * The X event loop (Xlib side of x11drv): runs on the event thread (made with CreateThread by
 * init.c), reads the event connection and dispatches each event through a table indexed by
 * event type. Handlers turn X events into notifications of the Win32 half (event.c), with no
 * lock held.
 *
 * Queueing policy: every event is handed on in the server's order; none is merged or dropped
 * here. Merging of pointer moves is user32's (unread consecutive WM_MOUSEMOVEs merge in its
 * queue), so that a burst loses nothing before it reaches the input queue.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/XKBlib.h>
#include "x11drv.h"
#include "xprivate.h"

static int wake_pipe[2] = { -1, -1 }; /* written by x11_event_wake / x11_event_stop */
static volatile int stopping;

/* The pointer is over one of our windows, or held by the implicit grab of a button pressed in
 * one: every move then reaches us, so user32's idea of the pointer is current and GetCursorPos
 * needs no round trip to the server. Written by the event thread, read by any. */
static volatile int pointer_tracked;

int x11_pointer_tracked( void )
{
    return pointer_tracked;
}

typedef void (*event_handler)( XEvent *event );

/* Where EnterNotify just reported the pointer (event thread only): the MotionNotify that comes
 * with the same move is not a second move. */
static int entered_valid, entered_x, entered_y;

static void handle_key( XEvent *event )
{
    XKeyEvent *key = &event->xkey;
    void *hwnd = x11_hwnd_from_window( key->window );
    KeySym keysym = 0;
    char text[8];

    /* the keysym in the event's modifier state decides the keypad keys (NumLock) */
    XLookupString( key, text, sizeof(text), &keysym, NULL );
    x11drv_key_event( hwnd, key->keycode, keysym, event->type == KeyRelease, key->time );
}

static void handle_button( XEvent *event )
{
    XButtonEvent *button = &event->xbutton;

    entered_valid = 0;
    x11drv_pointer_event( x11_hwnd_from_window( button->window ),
                          event->type == ButtonPress ? X11DRV_BUTTON_PRESS : X11DRV_BUTTON_RELEASE,
                          button->button, button->x_root, button->y_root, button->time );
}

static void handle_motion( XEvent *event )
{
    XMotionEvent *motion = &event->xmotion;

    if (entered_valid && motion->x_root == entered_x && motion->y_root == entered_y)
    {
        entered_valid = 0;
        return;
    }
    entered_valid = 0;

    x11drv_pointer_event( x11_hwnd_from_window( motion->window ), X11DRV_MOTION, 0,
                          motion->x_root, motion->y_root, motion->time );
}

/* The pointer entering a window is a move to where it entered (a window mapped under the
 * pointer gets WM_MOUSEMOVE without the pointer moving, as on Windows). */
static void handle_enter( XEvent *event )
{
    XCrossingEvent *crossing = &event->xcrossing;

    if (crossing->mode == NotifyGrab) return;
    if (crossing->mode == NotifyNormal)
    {
        x11drv_pointer_event( x11_hwnd_from_window( crossing->window ), X11DRV_MOTION, 0,
                              crossing->x_root, crossing->y_root, crossing->time );
        entered_valid = 1;
        entered_x = crossing->x_root;
        entered_y = crossing->y_root;
    }
    pointer_tracked = 1; /* after user32 has the position */
}

/* The pointer leaving for a window that is not ours is a move to where it went: user32 then
 * finds none of its windows under it (WM_MOUSELEAVE for TrackMouseEvent). Not while a button
 * is down: X then keeps sending us the moves (the implicit grab, Windows' capture). */
static void handle_leave( XEvent *event )
{
    XCrossingEvent *crossing = &event->xcrossing;

    if (crossing->mode == NotifyGrab || crossing->detail == NotifyInferior) return;
    /* while a button is down the implicit grab keeps the moves coming; when it ends outside,
     * LeaveNotify comes again with NotifyUngrab, where the last move already was */
    if (crossing->mode == NotifyNormal && (crossing->state & (Button1Mask | Button2Mask | Button3Mask)))
        return;
    pointer_tracked = 0;
    if (crossing->mode != NotifyNormal) return;
    x11drv_pointer_event( x11_hwnd_from_window( crossing->window ), X11DRV_MOTION, 0,
                          crossing->x_root, crossing->y_root, crossing->time );
}

static void handle_focus( XEvent *event )
{
    XFocusChangeEvent *focus = &event->xfocus;
    void *hwnd;

    /* grabs (a window manager's Alt+Tab) and moves within our own window are not focus changes */
    if (focus->mode == NotifyGrab || focus->mode == NotifyUngrab) return;
    if (focus->detail == NotifyPointer || focus->detail == NotifyInferior) return;
    if (!(hwnd = x11_hwnd_from_window( focus->window ))) return;
    x11drv_focus_event( hwnd, event->type == FocusIn );
}

static void handle_expose( XEvent *event )
{
    XExposeEvent *expose = &event->xexpose;
    void *hwnd = x11_hwnd_from_window( expose->window );

    if (hwnd) x11drv_expose_event( hwnd, expose->x, expose->y, expose->width, expose->height );
}

static void handle_configure( XEvent *event )
{
    XConfigureEvent *configure = &event->xconfigure;
    int x = configure->x, y = configure->y;
    void *hwnd = x11_hwnd_from_window( configure->window );
    Window child;

    if (!hwnd) return;
    /* A real ConfigureNotify gives the position in the parent: with the root as parent it is
     * the screen position at the time of the event. A window manager's frame is the parent of
     * a reparented window: ask where the window is on the root now (the next event tells of a
     * later change). Synthetic ones from window managers are root-relative already. */
    if (!configure->send_event && x11_window_is_reparented( configure->window ))
        XTranslateCoordinates( x11_display, configure->window, DefaultRootWindow( x11_display ),
                               0, 0, &x, &y, &child );
    if (x11_window_configured( configure->window, configure->serial, x, y, configure->width,
                               configure->height ))
        x11drv_configure_event( hwnd, x, y, configure->width, configure->height );
}

static void handle_map( XEvent *event )
{
    x11_window_mapped( event->xmap.window );
}

static void handle_reparent( XEvent *event )
{
    XReparentEvent *reparent = &event->xreparent;

    x11_window_reparented( reparent->window, reparent->parent == DefaultRootWindow( x11_display ) );
}

static void handle_client_message( XEvent *event )
{
    XClientMessageEvent *message = &event->xclient;
    void *hwnd;

    if (message->message_type != x11_atom_wm_protocols || message->format != 32) return;
    if ((Atom)message->data.l[0] != x11_atom_wm_delete_window) return;
    if ((hwnd = x11_hwnd_from_window( message->window ))) x11drv_close_request( hwnd );
}

static void handle_mapping( XEvent *event )
{
    XRefreshKeyboardMapping( &event->xmapping );
    if (event->xmapping.request != MappingPointer) x11drv_keymap_changed();
}

/* The dispatch table, indexed by event type; NULL: ignored. */
static const event_handler handlers[LASTEvent] =
{
    [KeyPress] = handle_key,                   /* KeyPress */
    [KeyRelease] = handle_key,                 /* KeyRelease */
    [ButtonPress] = handle_button,             /* ButtonPress */
    [ButtonRelease] = handle_button,           /* ButtonRelease */
    [MotionNotify] = handle_motion,            /* MotionNotify */
    [EnterNotify] = handle_enter,              /* EnterNotify */
    [LeaveNotify] = handle_leave,              /* LeaveNotify */
    [FocusIn] = handle_focus,                  /* FocusIn */
    [FocusOut] = handle_focus,                 /* FocusOut */
    [KeymapNotify] = NULL,                     /* KeymapNotify: not selected */
    [Expose] = handle_expose,                  /* Expose */
    [GraphicsExpose] = NULL,                   /* GraphicsExpose: we do not copy areas */
    [NoExpose] = NULL,                         /* NoExpose */
    [VisibilityNotify] = NULL,                 /* VisibilityNotify: not selected */
    [CreateNotify] = NULL,                     /* CreateNotify: not selected */
    [DestroyNotify] = NULL,                    /* DestroyNotify: we destroyed it */
    [UnmapNotify] = NULL,                      /* UnmapNotify: we unmapped it */
    [MapNotify] = handle_map,                  /* MapNotify */
    [MapRequest] = NULL,                       /* MapRequest: for window managers */
    [ReparentNotify] = handle_reparent,        /* ReparentNotify: into a frame, or back */
    [ConfigureNotify] = handle_configure,      /* ConfigureNotify */
    [ConfigureRequest] = NULL,                 /* ConfigureRequest: for window managers */
    [GravityNotify] = NULL,                    /* GravityNotify */
    [ResizeRequest] = NULL,                    /* ResizeRequest */
    [CirculateNotify] = NULL,                  /* CirculateNotify */
    [CirculateRequest] = NULL,                 /* CirculateRequest */
    [PropertyNotify] = NULL,                   /* PropertyNotify: not selected */
    [SelectionClear] = NULL,                   /* SelectionClear: no clipboard yet */
    [SelectionRequest] = NULL,                 /* SelectionRequest */
    [SelectionNotify] = NULL,                  /* SelectionNotify */
    [ColormapNotify] = NULL,                   /* ColormapNotify */
    [ClientMessage] = handle_client_message,   /* ClientMessage: WM_DELETE_WINDOW */
    [MappingNotify] = handle_mapping,          /* MappingNotify: the keymap changed */
    [GenericEvent] = NULL,                     /* GenericEvent: no XInput2 yet */
};

void x11_event_cleanup( void )
{
    if (wake_pipe[0] != -1) close( wake_pipe[0] );
    if (wake_pipe[1] != -1) close( wake_pipe[1] );
    wake_pipe[0] = wake_pipe[1] = -1;
}

int x11_event_init( void )
{
    x11_event_cleanup();
    stopping = 0;
    pointer_tracked = 0;
    if (pipe( wake_pipe ) == -1) return 0;
    fcntl( wake_pipe[0], F_SETFL, O_NONBLOCK );
    fcntl( wake_pipe[1], F_SETFL, O_NONBLOCK );
    return 1;
}

void x11_event_wake( void )
{
    char byte = 0;

    if (wake_pipe[1] != -1 && write( wake_pipe[1], &byte, 1 ) == -1 && errno != EAGAIN) return;
}

void x11_event_stop( void )
{
    stopping = 1;
    x11_event_wake();
}

void x11_event_loop( void )
{
    struct pollfd fds[2];
    XEvent event;
    char buf[64];

    X11_TRACE( X11_CH_EVENT, "connection %d, wake-up pipe %d\n", ConnectionNumber( x11_display ),
               wake_pipe[0] );
    fds[0].fd = ConnectionNumber( x11_display );
    fds[0].events = POLLIN;
    fds[1].fd = wake_pipe[0];
    fds[1].events = POLLIN;
    while (!stopping)
    {
        /* XPending flushes our requests and reads what the socket holds */
        while (!stopping && XPending( x11_display ))
        {
            XNextEvent( x11_display, &event );
            X11_TRACE( X11_CH_EVENT, "event %d window %#lx serial %lu%s\n", event.type,
                       event.xany.window, event.xany.serial,
                       event.type < LASTEvent && handlers[event.type] ? "" : " (ignored)" );
            if (event.type < LASTEvent && handlers[event.type]) handlers[event.type]( &event );
        }
        if (stopping) break;
        /* the time-out is a safety net only: another thread's flush may queue events */
        if (poll( fds, 2, 250 ) > 0 && (fds[1].revents & POLLIN))
            while (read( wake_pipe[0], buf, sizeof(buf) ) > 0) {}
    }
}
