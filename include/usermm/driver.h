/*
 * The interface between user32 and a display driver (x11drv.dll.so, or user32's own null driver).
 *
 * user32 loads the driver module by full path and calls its exported usermm_driver_init() with
 * the table of callbacks the driver may use; the driver answers with its table of functions.
 * The module is Winelib (ELF) code while user32 is PE code, so everything here is shared ABI:
 * fixed-size types only (in Winelib `long` is 8 bytes and wchar_t is 2), and every function
 * pointer is CDECL, which is ms_abi on both sides.
 */
#ifndef USERMM_DRIVER_H
#define USERMM_DRIVER_H

#include <windef.h>

/* Bumped whenever either table changes shape; a driver refuses a version it does not know. */
#define USERMM_DRIVER_VERSION 1

/* Name of the export user32 looks up in the driver module. */
#define USERMM_DRIVER_INIT "usermm_driver_init"

/* What user32 offers the driver (called from the driver's event thread, which is made with
 * CreateThread so that it may run PE code). */
struct usermm_user_callbacks
{
    UINT32 size; /* sizeof(struct usermm_user_callbacks), for forward compatibility */
};

/* What a driver offers user32. */
struct usermm_driver_funcs
{
    UINT32 version;   /* USERMM_DRIVER_VERSION */
    const char *name; /* "x11", "null": for traces */
    /* Size of the screen in pixels. */
    void (CDECL *get_screen_size)( INT32 *width, INT32 *height );
    /* Describes the connection ("DISPLAY :99, 1024x768") into buf; for traces and the demo. */
    void (CDECL *describe)( char *buf, UINT32 size );
    /* Closes the display; called once at process detach. */
    void (CDECL *shutdown)( void );
};

typedef const struct usermm_driver_funcs *(CDECL *usermm_driver_init_func)(
    UINT32 version, const struct usermm_user_callbacks *callbacks );

#endif /* USERMM_DRIVER_H */
