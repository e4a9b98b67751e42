/*
 * The display driver: x11drv.dll.so when there is an X display, else the built-in null driver.
 *
 * The X11 driver is a Winelib module. Wine only loads such a module by full path (not by bare
 * name, not through WINEDLLPATH), so it is looked for next to user32.dll itself, or where the
 * environment variable USERMM_X11DRV points (a DOS or Unix path). It is loaded on first use,
 * never from DllMain, so that the loader lock is not held while the driver starts its threads.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(display);

static const WCHAR x11drv_name[] = L"x11drv.dll.so";

/* The null driver: windows exist, nothing is drawn, input comes only from SendInput & co. */
static void CDECL null_get_screen_size( INT32 *width, INT32 *height )
{
    *width = 1024;
    *height = 768;
}

static void CDECL null_describe( char *buf, UINT32 size )
{
    lstrcpynA( buf, "null driver (no display)", size );
}

static void CDECL null_shutdown( void )
{
}

static void CDECL null_window_pos_changed( HWND hwnd, const RECT *window, const RECT *client,
                                           UINT32 style, UINT32 swp_flags )
{
}

static void CDECL null_set_window_text( HWND hwnd, const WCHAR *text )
{
}

static void CDECL null_destroy_window( HWND hwnd )
{
}

static void CDECL null_set_foreground_window( HWND hwnd )
{
}

static BOOL CDECL null_get_cursor_pos( POINT *pt )
{
    return FALSE; /* user32's own position, moved by SendInput, is the cursor's */
}

static BOOL CDECL null_set_cursor_pos( INT32 x, INT32 y )
{
    return TRUE;
}

static INT32 CDECL null_to_unicode( UINT32 vk, UINT32 scan, const BYTE *keystate, WCHAR *buf,
                                    INT32 size, UINT32 flags )
{
    return -2; /* user32's built-in US layout */
}

static UINT32 CDECL null_map_virtual_key( UINT32 code, UINT32 type )
{
    return ~0u;
}

static INT32 CDECL null_vk_key_scan( WCHAR ch )
{
    return -2;
}

static INT32 CDECL null_get_key_name( INT32 lparam, WCHAR *buf, INT32 size )
{
    return -1;
}

static const struct usermm_driver_funcs null_driver =
{
    .version = USERMM_DRIVER_VERSION,
    .name = "null",
    .get_screen_size = null_get_screen_size,
    .describe = null_describe,
    .shutdown = null_shutdown,
    .window_pos_changed = null_window_pos_changed,
    .set_window_text = null_set_window_text,
    .destroy_window = null_destroy_window,
    .set_foreground_window = null_set_foreground_window,
    .get_cursor_pos = null_get_cursor_pos,
    .set_cursor_pos = null_set_cursor_pos,
    .to_unicode = null_to_unicode,
    .map_virtual_key = null_map_virtual_key,
    .vk_key_scan = null_vk_key_scan,
    .get_key_name = null_get_key_name,
};

/* --- callbacks: what the X11 driver's event thread calls ------------------------------------
 *
 * Each has the effect the matching user action has on Windows: hardware input goes into the
 * system input queue as SendInput's does (not marked injected), a move by the window manager is
 * a SetWindowPos in the window's own thread, an exposed area is invalidated, the close button is
 * the system menu's Close, the X focus coming or going is the application being activated or
 * deactivated. No user32 lock is held by the caller (the driver's event thread), and none of
 * these waits for an application thread. */

/* Screen pixels -> SendInput's normalised 0..65535: rounded up, so that the mapping back
 * (normalised * size / 65536, rounded down) gives the same pixel. */
static LONG normalise( INT32 pos, INT32 size )
{
    if (size <= 0) return 0;
    return (LONG)(((LONGLONG)pos * 65536 + size - 1) / size);
}

static void CDECL cb_hardware_input( const struct usermm_hw_input *hw )
{
    INPUT input = { 0 };
    INT32 width, height;

    check_not_locked();
    if (hw->type == USERMM_INPUT_KEYBOARD)
    {
        TRACE( "hwnd %p vk %#x scan %#x flags %#x time %u\n", hw->hwnd, hw->vk, hw->scan,
               hw->key_flags, hw->time );
        input.type = INPUT_KEYBOARD;
        input.ki.wVk = hw->vk;
        input.ki.wScan = hw->scan;
        input.ki.dwFlags = hw->key_flags;
        input.ki.time = hw->time;
    }
    else if (hw->type == USERMM_INPUT_MOUSE)
    {
        TRACE( "hwnd %p %d,%d flags %#x data %d time %u\n", hw->hwnd, hw->x, hw->y,
               hw->mouse_flags, hw->mouse_data, hw->time );
        get_display_driver()->get_screen_size( &width, &height );
        input.type = INPUT_MOUSE;
        input.mi.dx = normalise( hw->x, width );
        input.mi.dy = normalise( hw->y, height );
        input.mi.mouseData = hw->mouse_data;
        input.mi.dwFlags = hw->mouse_flags;
        input.mi.time = hw->time;
    }
    else return;
    send_hardware_input( &input, hw->hwnd );
}

static void CDECL cb_window_moved( HWND hwnd, const RECT *client )
{
    check_not_locked();
    TRACE( "hwnd %p client %s\n", hwnd, wine_dbgstr_rect( client ) );
    /* done by the window's own thread, as Windows sends WM_WINDOWPOSCHANGING & co. of a move by
     * the user there: the event thread never waits for an application thread */
    window_moved_from_driver( hwnd, client );
}

static void CDECL cb_window_exposed( HWND hwnd, const RECT *rect )
{
    check_not_locked();
    TRACE( "hwnd %p rect %s\n", hwnd, wine_dbgstr_rect( rect ) );
    RedrawWindow( hwnd, rect, 0, RDW_INVALIDATE | RDW_ERASE );
}

static void CDECL cb_window_close_request( HWND hwnd )
{
    check_not_locked();
    TRACE( "hwnd %p\n", hwnd );
    if (ghost_close_request( hwnd )) return; /* a hung window's X window is its ghost */
    /* as the close button does: DefWindowProc turns SC_CLOSE into WM_CLOSE */
    PostMessageW( hwnd, WM_SYSCOMMAND, SC_CLOSE, 0 );
}

static void CDECL cb_window_focus( HWND hwnd, BOOL in )
{
    check_not_locked();
    TRACE( "hwnd %p %s\n", hwnd, in ? "in" : "out" );
    set_foreground_from_driver( hwnd, in );
}

static const struct usermm_user_callbacks user_callbacks =
{
    .size = sizeof(struct usermm_user_callbacks),
    .hardware_input = cb_hardware_input,
    .window_moved = cb_window_moved,
    .window_exposed = cb_window_exposed,
    .window_close_request = cb_window_close_request,
    .window_focus = cb_window_focus,
};

static INIT_ONCE driver_once = INIT_ONCE_STATIC_INIT;
static const struct usermm_driver_funcs *driver; /* written once, under driver_once */
static HMODULE driver_module;                    /* likewise */

/* Full path of x11drv.dll.so: $USERMM_X11DRV, else user32's own directory. */
static BOOL get_x11drv_path( WCHAR *path, DWORD size )
{
    DWORD len = GetEnvironmentVariableW( L"USERMM_X11DRV", path, size );
    WCHAR *p;

    if (len && len < size) return TRUE;
    len = GetModuleFileNameW( user32_module, path, size );
    if (!len || len >= size) return FALSE;
    if (!(p = wcsrchr( path, '\\' ))) return FALSE;
    if ((p + 1 - path) + ARRAY_SIZE(x11drv_name) > size) return FALSE;
    memcpy( p + 1, x11drv_name, sizeof(x11drv_name) );
    return TRUE;
}

static const struct usermm_driver_funcs *load_x11drv( void )
{
    const struct usermm_driver_funcs *funcs = NULL;
    usermm_driver_init_func init;
    WCHAR path[MAX_PATH];
    HMODULE module;

    if (!GetEnvironmentVariableW( L"DISPLAY", NULL, 0 ))
    {
        TRACE( "no DISPLAY, using the null driver\n" );
        return NULL;
    }
    if (!get_x11drv_path( path, ARRAY_SIZE(path) ))
    {
        ERR( "cannot build the path of %s\n", debugstr_w(x11drv_name) );
        return NULL;
    }
    if (!(module = LoadLibraryW( path )))
    {
        WARN( "cannot load %s (error %lu), using the null driver\n", debugstr_w(path), GetLastError() );
        return NULL;
    }
    if (!(init = (usermm_driver_init_func)GetProcAddress( module, USERMM_DRIVER_INIT )))
    {
        ERR( "%s has no %s export\n", debugstr_w(path), USERMM_DRIVER_INIT );
        goto err;
    }
    if (!(funcs = init( USERMM_DRIVER_VERSION, &user_callbacks )))
    {
        WARN( "%s could not open the display, using the null driver\n", debugstr_w(path) );
        goto err;
    }
    if (funcs->version != USERMM_DRIVER_VERSION)
    {
        ERR( "%s speaks interface version %u, not %u\n", debugstr_w(path), funcs->version,
             USERMM_DRIVER_VERSION );
        funcs->shutdown();
        funcs = NULL;
        goto err;
    }
    driver_module = module;
    return funcs;

err:
    FreeLibrary( module );
    return NULL;
}

static BOOL CALLBACK init_driver( INIT_ONCE *once, void *param, void **context )
{
    char desc[256];

    if (!(driver = load_x11drv())) driver = &null_driver;
    driver->describe( desc, sizeof(desc) );
    TRACE( "display driver %s: %s\n", driver->name, desc );
    return TRUE;
}

const struct usermm_driver_funcs *get_display_driver( void )
{
    InitOnceExecuteOnce( &driver_once, init_driver, NULL, NULL );
    return driver;
}

void unload_display_driver( void )
{
    if (!driver) return;
    driver->shutdown();
    if (driver_module) FreeLibrary( driver_module );
    driver = NULL;
    driver_module = NULL;
}
