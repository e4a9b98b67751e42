/*
 * The server's keyboard mapping (Xlib side of x11drv): the keysyms of every keycode, which
 * keyboard.c turns into the layout.
 */
#include <string.h>
#include <X11/Xlib.h>
#include <X11/XKBlib.h>
#include "x11drv.h"
#include "xprivate.h"

/* Keysyms at the plain, Shift, AltGr and Shift+AltGr levels of group 1 (XKB numbers the AltGr
 * levels 3 and 4 of a four-level key; of a two-group layout, group 2 is AltGr's). */
void x11_read_keymap( unsigned int syms[256][KEYMAP_LEVELS], int *min_keycode, int *max_keycode )
{
    XkbDescPtr xkb;
    int kc, level;

    XDisplayKeycodes( x11_query_display, min_keycode, max_keycode );
    memset( syms, 0, 256 * sizeof(syms[0]) );
    X11_TRACE( X11_CH_KEYMAP, "keycodes %d..%d\n", *min_keycode, *max_keycode );
    if (!(xkb = XkbGetMap( x11_query_display, XkbAllClientInfoMask, XkbUseCoreKbd )))
    {
        X11_WARN( X11_CH_KEYMAP, "no XKB keymap\n" );
        return;
    }
    for (kc = *min_keycode; kc <= *max_keycode && kc < 256; kc++)
    {
        int groups = XkbKeyNumGroups( xkb, kc );
        if (!groups) continue;
        for (level = 0; level < KEYMAP_LEVELS; level++)
        {
            int width = XkbKeyGroupWidth( xkb, kc, 0 );
            if (level < width)
                syms[kc][level] = XkbKeySymEntry( xkb, kc, level, 0 );
            else if (level >= 2 && groups > 1 && level - 2 < XkbKeyGroupWidth( xkb, kc, 1 ))
                syms[kc][level] = XkbKeySymEntry( xkb, kc, level - 2, 1 );
        }
        X11_TRACE( X11_CH_KEYMAP, "keycode %d: %#x %#x %#x %#x\n", kc, syms[kc][0], syms[kc][1],
                   syms[kc][2], syms[kc][3] );
    }
    XkbFreeKeyboard( xkb, 0, True );
}
