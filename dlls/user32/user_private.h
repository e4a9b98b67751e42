/*
 * user32 internals shared between its source files, grouped by the file that defines them.
 */
#ifndef USER_PRIVATE_H
#define USER_PRIVATE_H

#include <stdarg.h>
#include <windef.h>
#include <winbase.h>
#include <wingdi.h>
#include <winuser.h>
#include "usermm/driver.h"

/* main.c */
extern HINSTANCE user32_module;

/* driver.c */
extern const struct usermm_driver_funcs *get_display_driver( void );
extern void unload_display_driver( void );

#endif /* USER_PRIVATE_H */
