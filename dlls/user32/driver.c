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

static const struct usermm_driver_funcs null_driver =
{
    .version = USERMM_DRIVER_VERSION,
    .name = "null",
    .get_screen_size = null_get_screen_size,
    .describe = null_describe,
    .shutdown = null_shutdown,
};

static const struct usermm_user_callbacks user_callbacks =
{
    .size = sizeof(struct usermm_user_callbacks),
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
