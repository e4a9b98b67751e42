/*
 * xinject: plays a script of X input through the XTest extension (real device events, which
 * programs cannot tell from a keyboard's and a mouse's, unlike XSendEvent's synthetic ones).
 *
 *   xinject [-v] [-t TIMEOUT_MS] [COMMAND]...     commands from the arguments, else from stdin
 *
 * One command per argument or per line ('#' starts a comment line):
 *   wait TITLE          wait for a viewable top-level window titled TITLE (the target)
 *   waitgone TITLE      wait until no top-level window titled TITLE is viewable (unmapped or
 *                       destroyed); exit status 3 if it stays
 *   focus               give the target the X input focus (no window manager does it)
 *   unfocus             give the X focus back to the pointer's window (PointerRoot)
 *   movewindow X Y      move the target to screen X,Y, as a window manager or the user would
 *   resizewindow W H    resize the target to W x H likewise
 *   expose              have the server expose all of the target (XClearArea with exposures)
 *   close               ask the target to close, as a window manager's close button does
 *                       (a WM_PROTOCOLS / WM_DELETE_WINDOW client message)
 *   move X Y            pointer to screen X,Y          movein X Y  to X,Y of the target
 *   key SPEC            press and release; SPEC is a keysym name with optional modifiers:
 *                       a, Return, KP_Enter, shift+a, ctrl+c, alt+x
 *   down SPEC / up SPEC press only / release only
 *   type TEXT           type the (Latin-1) text, with Shift where a character needs it
 *   keycode N           press and release keycode N (whatever the keymap says it is)
 *   remap N SYM [SYM]   change the server's keymap: keycode N types SYM (shifted: the second);
 *                       every client gets MappingNotify (a layout switch, a dead key)
 *   click B / dclick B  press and release button B (1 left, 2 middle, 3 right, 8/9 X buttons);
 *                       dclick twice
 *   press B / release B
 *   wheel up|down|left|right   buttons 4/5/6/7
 *   sleep MS            wait
 *   motionburst N       N pointer moves inside the target, as fast as XTest takes them
 *   keyburst N SPEC     N presses and releases of SPEC, as fast as XTest takes them
 *   sync                wait until the server has processed everything
 *   echo TEXT           print TEXT (with -v: with the time)
 * With -v each command is printed with the milliseconds since start (stdout, flushed), so a
 * log of the receiving program can be lined up with it. Exit status: 0, 1 on a bad command,
 * 2 when no display, 3 when a wait timed out.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/XKBlib.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>

static Display *dpy;
static Window target;
static int verbose, timeout_ms = 10000;
static struct timespec start;

static long elapsed_ms( void )
{
    struct timespec now;

    clock_gettime( CLOCK_MONOTONIC, &now );
    return (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
}

static void sleep_ms( long ms )
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

    nanosleep( &ts, NULL );
}

static int has_title( Window win, const char *title )
{
    Atom net_wm_name = XInternAtom( dpy, "_NET_WM_NAME", False );
    XTextProperty prop;
    int found = 0;

    if (XGetWMName( dpy, win, &prop ) && prop.value)
    {
        found = !strcmp( (char *)prop.value, title );
        XFree( prop.value );
    }
    if (!found && XGetTextProperty( dpy, win, &prop, net_wm_name ) && prop.value)
    {
        found = !strcmp( (char *)prop.value, title );
        XFree( prop.value );
    }
    return found;
}

/* Depth-first over viewable windows (a window manager's frames put ours one level down). */
static Window find_window( Window parent, const char *title, int depth )
{
    Window root, up, *children = NULL, found = 0;
    unsigned int count, i;
    XWindowAttributes attr;

    if (depth && XGetWindowAttributes( dpy, parent, &attr ) && attr.map_state == IsViewable &&
        has_title( parent, title ))
        return parent;
    if (depth > 3 || !XQueryTree( dpy, parent, &root, &up, &children, &count )) return 0;
    for (i = 0; i < count && !found; i++) found = find_window( children[i], title, depth + 1 );
    if (children) XFree( children );
    return found;
}

static void target_origin( int *x, int *y, int *width, int *height )
{
    XWindowAttributes attr;
    Window child;

    *x = *y = 0;
    *width = *height = 1;
    if (!target) return;
    XTranslateCoordinates( dpy, target, DefaultRootWindow( dpy ), 0, 0, x, y, &child );
    if (XGetWindowAttributes( dpy, target, &attr ))
    {
        *width = attr.width;
        *height = attr.height;
    }
}

/* "shift+ctrl+a" -> modifier keycodes and the key's keycode; 0 on an unknown name. */
static int parse_key( const char *spec, KeyCode *mods, int *mod_count, KeyCode *key )
{
    char buf[128], *part, *save = NULL;
    KeySym sym;

    snprintf( buf, sizeof(buf), "%s", spec );
    *mod_count = 0;
    *key = 0;
    for (part = strtok_r( buf, "+", &save ); part; part = strtok_r( NULL, "+", &save ))
    {
        const char *name = part;
        if (!strcasecmp( part, "shift" )) name = "Shift_L";
        else if (!strcasecmp( part, "ctrl" ) || !strcasecmp( part, "control" )) name = "Control_L";
        else if (!strcasecmp( part, "alt" )) name = "Alt_L";
        else if (!strcasecmp( part, "altgr" )) name = "ISO_Level3_Shift";
        if ((sym = XStringToKeysym( name )) == NoSymbol) return 0;
        if (*key) mods[(*mod_count)++] = *key;
        if (!(*key = XKeysymToKeycode( dpy, sym ))) return 0;
        if (*mod_count >= 4) return 0;
    }
    return *key != 0;
}

static void key_event( KeyCode code, int press )
{
    XTestFakeKeyEvent( dpy, code, press, CurrentTime );
}

static int do_key( const char *spec, int press, int release )
{
    KeyCode mods[4], key;
    int count, i;

    if (!parse_key( spec, mods, &count, &key ))
    {
        fprintf( stderr, "xinject: unknown key %s\n", spec );
        return 0;
    }
    if (press)
    {
        for (i = 0; i < count; i++) key_event( mods[i], True );
        key_event( key, True );
    }
    if (release)
    {
        key_event( key, False );
        for (i = count - 1; i >= 0; i--) key_event( mods[i], False );
    }
    XFlush( dpy );
    return 1;
}

static int do_type( const char *text )
{
    KeyCode shift = XKeysymToKeycode( dpy, XK_Shift_L );
    const unsigned char *p;

    for (p = (const unsigned char *)text; *p; p++)
    {
        KeySym sym = *p == '\n' ? XK_Return : *p;
        KeyCode code = XKeysymToKeycode( dpy, sym );
        int shifted;

        if (!code)
        {
            fprintf( stderr, "xinject: no key types '%c'\n", *p );
            return 0;
        }
        shifted = XkbKeycodeToKeysym( dpy, code, 0, 0 ) != sym;
        if (shifted) key_event( shift, True );
        key_event( code, True );
        key_event( code, False );
        if (shifted) key_event( shift, False );
        XFlush( dpy );
    }
    return 1;
}

static void button( int number, int press, int release )
{
    if (press) XTestFakeButtonEvent( dpy, number, True, CurrentTime );
    if (release) XTestFakeButtonEvent( dpy, number, False, CurrentTime );
    XFlush( dpy );
}

static int run( char *line )
{
    char *verb, *arg, *save = NULL;
    int x, y, w, h;
    long n, i;

    while (*line == ' ' || *line == '\t') line++;
    line[strcspn( line, "\r\n" )] = 0;
    if (!*line || *line == '#') return 1;
    if (verbose)
    {
        printf( "%6ld ms  %s\n", elapsed_ms(), line );
        fflush( stdout );
    }
    verb = strtok_r( line, " \t", &save );
    arg = save ? save + strspn( save, " \t" ) : NULL;
    if (!strcmp( verb, "wait" ) && arg && *arg)
    {
        long deadline = elapsed_ms() + timeout_ms;
        while (!(target = find_window( DefaultRootWindow( dpy ), arg, 0 )))
        {
            if (elapsed_ms() > deadline)
            {
                fprintf( stderr, "xinject: no window titled \"%s\" after %d ms\n", arg, timeout_ms );
                exit( 3 );
            }
            sleep_ms( 20 );
        }
        if (verbose)
        {
            target_origin( &x, &y, &w, &h );
            printf( "%6ld ms  window %#lx at %d,%d %dx%d\n", elapsed_ms(), target, x, y, w, h );
            fflush( stdout );
        }
        return 1;
    }
    if (!strcmp( verb, "waitgone" ) && arg && *arg)
    {
        long deadline = elapsed_ms() + timeout_ms;
        while (find_window( DefaultRootWindow( dpy ), arg, 0 ))
        {
            if (elapsed_ms() > deadline)
            {
                fprintf( stderr, "xinject: window titled \"%s\" still viewable after %d ms\n", arg, timeout_ms );
                exit( 3 );
            }
            sleep_ms( 20 );
        }
        if (verbose)
        {
            printf( "%6ld ms  no viewable window titled \"%s\"\n", elapsed_ms(), arg );
            fflush( stdout );
        }
        return 1;
    }
    if (!strcmp( verb, "focus" ))
    {
        if (!target) return 0;
        XSetInputFocus( dpy, target, RevertToParent, CurrentTime );
        XSync( dpy, False );
        return 1;
    }
    if (!strcmp( verb, "unfocus" ))
    {
        XSetInputFocus( dpy, PointerRoot, RevertToPointerRoot, CurrentTime );
        XSync( dpy, False );
        return 1;
    }
    if (!strcmp( verb, "movewindow" ) && arg && sscanf( arg, "%d %d", &x, &y ) == 2)
    {
        if (!target) return 0;
        XMoveWindow( dpy, target, x, y );
        XSync( dpy, False );
        return 1;
    }
    if (!strcmp( verb, "resizewindow" ) && arg && sscanf( arg, "%d %d", &x, &y ) == 2)
    {
        if (!target || x <= 0 || y <= 0) return 0;
        XResizeWindow( dpy, target, x, y );
        XSync( dpy, False );
        return 1;
    }
    if (!strcmp( verb, "expose" ))
    {
        if (!target) return 0;
        XClearArea( dpy, target, 0, 0, 0, 0, True );
        XSync( dpy, False );
        return 1;
    }
    if (!strcmp( verb, "close" ))
    {
        XEvent event = { 0 };
        if (!target) return 0;
        event.xclient.type = ClientMessage;
        event.xclient.window = target;
        event.xclient.message_type = XInternAtom( dpy, "WM_PROTOCOLS", False );
        event.xclient.format = 32;
        event.xclient.data.l[0] = XInternAtom( dpy, "WM_DELETE_WINDOW", False );
        event.xclient.data.l[1] = CurrentTime;
        /* no event mask: delivered to the client that created the window */
        XSendEvent( dpy, target, False, NoEventMask, &event );
        XSync( dpy, False );
        return 1;
    }
    if ((!strcmp( verb, "move" ) || !strcmp( verb, "movein" )) && arg &&
        sscanf( arg, "%d %d", &x, &y ) == 2)
    {
        if (verb[4] == 'i')
        {
            int ox, oy;
            target_origin( &ox, &oy, &w, &h );
            x += ox;
            y += oy;
        }
        XTestFakeMotionEvent( dpy, DefaultScreen( dpy ), x, y, CurrentTime );
        XFlush( dpy );
        return 1;
    }
    if (!strcmp( verb, "key" ) && arg) return do_key( arg, 1, 1 );
    if (!strcmp( verb, "down" ) && arg) return do_key( arg, 1, 0 );
    if (!strcmp( verb, "up" ) && arg) return do_key( arg, 0, 1 );
    if (!strcmp( verb, "type" ) && arg) return do_type( arg );
    if (!strcmp( verb, "keycode" ) && arg && (n = atoi( arg )) > 0)
    {
        key_event( n, True );
        key_event( n, False );
        XFlush( dpy );
        return 1;
    }
    if (!strcmp( verb, "remap" ) && arg)
    {
        char names[2][64] = { "", "" };
        KeySym syms[2];
        int count = sscanf( arg, "%ld %63s %63s", &n, names[0], names[1] ) - 1;
        if (count < 1 || n <= 0) return 0;
        for (i = 0; i < count; i++)
            if ((syms[i] = XStringToKeysym( names[i] )) == NoSymbol) return 0;
        if (count == 1) syms[1] = syms[0];
        XChangeKeyboardMapping( dpy, n, 2, syms, 1 );
        XSync( dpy, False );
        return 1;
    }
    if ((!strcmp( verb, "click" ) || !strcmp( verb, "dclick" )) && arg && (n = atoi( arg )) > 0)
    {
        button( n, 1, 1 );
        if (verb[0] == 'd') button( n, 1, 1 );
        return 1;
    }
    if (!strcmp( verb, "press" ) && arg && (n = atoi( arg )) > 0) { button( n, 1, 0 ); return 1; }
    if (!strcmp( verb, "release" ) && arg && (n = atoi( arg )) > 0) { button( n, 0, 1 ); return 1; }
    if (!strcmp( verb, "wheel" ) && arg)
    {
        static const char *dirs[] = { "up", "down", "left", "right" };
        for (i = 0; i < 4; i++)
            if (!strcmp( arg, dirs[i] )) { button( 4 + i, 1, 1 ); return 1; }
        return 0;
    }
    if (!strcmp( verb, "sleep" ) && arg) { sleep_ms( atol( arg ) ); return 1; }
    if (!strcmp( verb, "sync" )) { XSync( dpy, False ); return 1; }
    if (!strcmp( verb, "echo" )) { printf( "%s\n", arg ? arg : "" ); fflush( stdout ); return 1; }
    if (!strcmp( verb, "motionburst" ) && arg && (n = atol( arg )) > 0)
    {
        target_origin( &x, &y, &w, &h );
        for (i = 0; i < n; i++)
            XTestFakeMotionEvent( dpy, DefaultScreen( dpy ), x + 1 + i % (w > 2 ? w - 2 : 1),
                                  y + 1 + (i / 7) % (h > 2 ? h - 2 : 1), CurrentTime );
        XSync( dpy, False );
        return 1;
    }
    if (!strcmp( verb, "keyburst" ) && arg && (n = strtol( arg, &arg, 10 )) > 0)
    {
        KeyCode mods[4], key;
        int count;
        while (*arg == ' ') arg++;
        if (!parse_key( arg, mods, &count, &key )) return 0;
        for (i = 0; i < n; i++)
        {
            key_event( key, True );
            key_event( key, False );
        }
        XSync( dpy, False );
        return 1;
    }
    return 0;
}

int main( int argc, char **argv )
{
    char line[1024];
    int i = 1, event, error, major, minor;

    clock_gettime( CLOCK_MONOTONIC, &start );
    for (; i < argc && argv[i][0] == '-'; i++)
    {
        if (!strcmp( argv[i], "-v" )) verbose = 1;
        else if (!strcmp( argv[i], "-t" ) && i + 1 < argc) timeout_ms = atoi( argv[++i] );
        else
        {
            fprintf( stderr, "usage: xinject [-v] [-t TIMEOUT_MS] [COMMAND]...\n" );
            return 1;
        }
    }
    if (!(dpy = XOpenDisplay( NULL )))
    {
        fprintf( stderr, "xinject: cannot open the display\n" );
        return 2;
    }
    if (!XTestQueryExtension( dpy, &event, &error, &major, &minor ))
    {
        fprintf( stderr, "xinject: the server has no XTest extension\n" );
        return 2;
    }
    if (i < argc)
    {
        for (; i < argc; i++)
        {
            snprintf( line, sizeof(line), "%s", argv[i] );
            if (!run( line )) { fprintf( stderr, "xinject: bad command: %s\n", argv[i] ); return 1; }
        }
    }
    else
        while (fgets( line, sizeof(line), stdin ))
        {
            char copy[1024];
            snprintf( copy, sizeof(copy), "%s", line );
            if (!run( line )) { fprintf( stderr, "xinject: bad command: %s", copy ); return 1; }
        }
    XSync( dpy, False );
    XCloseDisplay( dpy );
    return 0;
}
