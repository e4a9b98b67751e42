/*
 * The keyboard layout (Win32 side of x11drv): X keycodes and keysyms -> virtual keys, scan
 * codes and characters, dead keys, and the layout functions of the driver table (ToUnicode,
 * MapVirtualKey, VkKeyScan, GetKeyNameText).
 *
 * The layout is built from the server's keyboard mapping (the keysyms of each keycode at the
 * four levels plain, Shift, AltGr, Shift+AltGr, read by xkeyboard.c):
 *   - the scan code is the key's position: X servers with evdev keycodes (Xorg, Xvfb, Xwayland)
 *     number keys as Linux does, keycode - 8, and Linux numbers them with PC set-1 scan codes;
 *     the keys the PC sends with an E0 prefix get the extended bit;
 *   - the virtual key is what the key means in the layout, as Windows layouts assign them:
 *     letters and digits by the character (AZERTY's unshifted "&" key is VK '1'), the US
 *     punctuation by its VK_OEM_*, and a key whose character US layouts lack (German ü, French
 *     ù, a dead key) takes the VK the US layout has at the same position.
 * Only <X11/keysym.h> is included from X (macros, no types): it does not clash with Win32's.
 */
#include <stdarg.h>
#include <string.h>
#include <windef.h>
#include <winbase.h>
#include <winnls.h>
#include <winuser.h>
#include <X11/keysym.h>
#include "usermm/driver.h"
#include "wine/debug.h"
#include "x11drv.h"
#include "keysym_ucs.h"

WINE_DEFAULT_DEBUG_CHANNEL(keyboard);

#define SCAN_EXTENDED 0x100 /* in our scan codes: the key is sent with the E0 prefix */

/* The current layout, written by keymap_load (at start, before the event thread exists, then
 * by the event thread on MappingNotify), read by every thread. */
static SRWLOCK keymap_lock = SRWLOCK_INIT;
static UINT32 keymap_syms[256][KEYMAP_LEVELS]; /* keysyms of each keycode */
static UINT16 keymap_vk[256];                  /* virtual key of each keycode, 0: none */
static UINT16 keymap_scan[256];                /* scan code | SCAN_EXTENDED, 0: none */
static BOOL keymap_loaded;

/* Keysyms whose virtual key does not depend on the layout. Sorted by keysym. */
static const struct { UINT32 keysym; UINT16 vk; } keysym_vk_table[] =
{
    { XK_space, VK_SPACE },
    { XK_apostrophe, VK_OEM_7 }, { XK_quotedbl, VK_OEM_7 },
    { XK_plus, VK_OEM_PLUS },
    { XK_comma, VK_OEM_COMMA }, { XK_minus, VK_OEM_MINUS }, { XK_period, VK_OEM_PERIOD },
    { XK_slash, VK_OEM_2 }, { XK_colon, VK_OEM_1 }, { XK_semicolon, VK_OEM_1 },
    { XK_less, VK_OEM_102 }, { XK_equal, VK_OEM_PLUS }, { XK_greater, VK_OEM_102 },
    { XK_question, VK_OEM_2 },
    { XK_bracketleft, VK_OEM_4 }, { XK_backslash, VK_OEM_5 }, { XK_bracketright, VK_OEM_6 },
    { XK_underscore, VK_OEM_MINUS }, { XK_grave, VK_OEM_3 },
    { XK_braceleft, VK_OEM_4 }, { XK_bar, VK_OEM_5 }, { XK_braceright, VK_OEM_6 },
    { XK_asciitilde, VK_OEM_3 },
    { XK_ISO_Level3_Shift, VK_RMENU },
    { XK_ISO_Left_Tab, VK_TAB },
    { XK_BackSpace, VK_BACK }, { XK_Tab, VK_TAB }, { XK_Linefeed, VK_RETURN },
    { XK_Clear, VK_CLEAR }, { XK_Return, VK_RETURN }, { XK_Pause, VK_PAUSE },
    { XK_Scroll_Lock, VK_SCROLL }, { XK_Sys_Req, VK_SNAPSHOT }, { XK_Escape, VK_ESCAPE },
    { XK_Home, VK_HOME }, { XK_Left, VK_LEFT }, { XK_Up, VK_UP }, { XK_Right, VK_RIGHT },
    { XK_Down, VK_DOWN }, { XK_Prior, VK_PRIOR }, { XK_Next, VK_NEXT }, { XK_End, VK_END },
    { XK_Begin, VK_CLEAR },
    { XK_Select, VK_SELECT }, { XK_Print, VK_SNAPSHOT }, { XK_Execute, VK_EXECUTE },
    { XK_Insert, VK_INSERT }, { XK_Menu, VK_APPS }, { XK_Cancel, VK_CANCEL },
    { XK_Help, VK_HELP }, { XK_Break, VK_CANCEL }, { XK_Mode_switch, VK_RMENU },
    { XK_Num_Lock, VK_NUMLOCK },
    { XK_KP_Space, VK_SPACE }, { XK_KP_Tab, VK_TAB }, { XK_KP_Enter, VK_RETURN },
    { XK_KP_Home, VK_HOME }, { XK_KP_Left, VK_LEFT }, { XK_KP_Up, VK_UP },
    { XK_KP_Right, VK_RIGHT }, { XK_KP_Down, VK_DOWN }, { XK_KP_Prior, VK_PRIOR },
    { XK_KP_Next, VK_NEXT }, { XK_KP_End, VK_END }, { XK_KP_Begin, VK_CLEAR },
    { XK_KP_Insert, VK_INSERT }, { XK_KP_Delete, VK_DELETE }, { XK_KP_Equal, VK_OEM_PLUS },
    { XK_KP_Multiply, VK_MULTIPLY }, { XK_KP_Add, VK_ADD }, { XK_KP_Separator, VK_SEPARATOR },
    { XK_KP_Subtract, VK_SUBTRACT }, { XK_KP_Decimal, VK_DECIMAL }, { XK_KP_Divide, VK_DIVIDE },
    { XK_KP_0, VK_NUMPAD0 }, { XK_KP_1, VK_NUMPAD1 }, { XK_KP_2, VK_NUMPAD2 },
    { XK_KP_3, VK_NUMPAD3 }, { XK_KP_4, VK_NUMPAD4 }, { XK_KP_5, VK_NUMPAD5 },
    { XK_KP_6, VK_NUMPAD6 }, { XK_KP_7, VK_NUMPAD7 }, { XK_KP_8, VK_NUMPAD8 },
    { XK_KP_9, VK_NUMPAD9 },
    { XK_Shift_L, VK_LSHIFT }, { XK_Shift_R, VK_RSHIFT },
    { XK_Control_L, VK_LCONTROL }, { XK_Control_R, VK_RCONTROL },
    { XK_Caps_Lock, VK_CAPITAL }, { XK_Shift_Lock, VK_CAPITAL },
    { XK_Meta_L, VK_LMENU }, { XK_Meta_R, VK_RMENU },
    { XK_Alt_L, VK_LMENU }, { XK_Alt_R, VK_RMENU },
    { XK_Super_L, VK_LWIN }, { XK_Super_R, VK_RWIN },
    { XK_Delete, VK_DELETE },
};

/* The US layout: virtual key at each set-1 scan code (without the extended bit); used for the
 * keys whose character says nothing (positional fallback) and for servers without evdev
 * keycodes. */
static const UINT16 us_scan_vk[0x60] =
{
    0, VK_ESCAPE, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', VK_OEM_MINUS, VK_OEM_PLUS,
    VK_BACK, VK_TAB, /* 0x10 */ 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', VK_OEM_4,
    VK_OEM_6, VK_RETURN, VK_LCONTROL, 'A', 'S', /* 0x20 */ 'D', 'F', 'G', 'H', 'J', 'K', 'L',
    VK_OEM_1, VK_OEM_7, VK_OEM_3, VK_LSHIFT, VK_OEM_5, 'Z', 'X', 'C', 'V', /* 0x30 */ 'B', 'N',
    'M', VK_OEM_COMMA, VK_OEM_PERIOD, VK_OEM_2, VK_RSHIFT, VK_MULTIPLY, VK_LMENU, VK_SPACE,
    VK_CAPITAL, VK_F1, VK_F2, VK_F3, VK_F4, VK_F5, /* 0x40 */ VK_F6, VK_F7, VK_F8, VK_F9,
    VK_F10, VK_NUMLOCK, VK_SCROLL, VK_HOME, VK_UP, VK_PRIOR, VK_SUBTRACT, VK_LEFT, VK_CLEAR,
    VK_RIGHT, VK_ADD, VK_END, /* 0x50 */ VK_DOWN, VK_NEXT, VK_INSERT, VK_DELETE, VK_SNAPSHOT,
    0, VK_OEM_102, VK_F11, VK_F12,
};

/* Linux key codes above the set-1 range (X keycode - 8) and the scan code the PC sends. */
static const struct { UINT16 code; UINT16 scan; } evdev_ext_scan[] =
{
    { 96, 0x1c | SCAN_EXTENDED },  /* KEY_KPENTER */
    { 97, 0x1d | SCAN_EXTENDED },  /* KEY_RIGHTCTRL */
    { 98, 0x35 | SCAN_EXTENDED },  /* KEY_KPSLASH */
    { 99, 0x37 | SCAN_EXTENDED },  /* KEY_SYSRQ (Print Screen) */
    { 100, 0x38 | SCAN_EXTENDED }, /* KEY_RIGHTALT */
    { 102, 0x47 | SCAN_EXTENDED }, /* KEY_HOME */
    { 103, 0x48 | SCAN_EXTENDED }, /* KEY_UP */
    { 104, 0x49 | SCAN_EXTENDED }, /* KEY_PAGEUP */
    { 105, 0x4b | SCAN_EXTENDED }, /* KEY_LEFT */
    { 106, 0x4d | SCAN_EXTENDED }, /* KEY_RIGHT */
    { 107, 0x4f | SCAN_EXTENDED }, /* KEY_END */
    { 108, 0x50 | SCAN_EXTENDED }, /* KEY_DOWN */
    { 109, 0x51 | SCAN_EXTENDED }, /* KEY_PAGEDOWN */
    { 110, 0x52 | SCAN_EXTENDED }, /* KEY_INSERT */
    { 111, 0x53 | SCAN_EXTENDED }, /* KEY_DELETE */
    { 117, 0x0d },                 /* KEY_KPEQUAL */
    { 119, 0x45 },                 /* KEY_PAUSE: 0x45 without E0 (E1 1D 45 on the wire) */
    { 121, 0x53 },                 /* KEY_KPCOMMA */
    { 125, 0x5b | SCAN_EXTENDED }, /* KEY_LEFTMETA */
    { 126, 0x5c | SCAN_EXTENDED }, /* KEY_RIGHTMETA */
    { 127, 0x5d | SCAN_EXTENDED }, /* KEY_COMPOSE (the menu key) */
    { 183, 0x64 }, { 184, 0x65 }, { 185, 0x66 }, { 186, 0x67 }, /* KEY_F13..F16 */
    { 187, 0x68 }, { 188, 0x69 }, { 189, 0x6a }, { 190, 0x6b }, /* KEY_F17..F20 */
    { 191, 0x6c }, { 192, 0x6d }, { 193, 0x6e }, { 194, 0x76 }, /* KEY_F21..F24 */
};

/* Dead keysyms and the spacing character Windows reports for them in WM_DEADCHAR; then which
 * base characters each one composes with and into what (Latin letters, Unicode's precomposed
 * forms). A dead key followed by space gives the spacing character. */
static const struct dead_key
{
    UINT32 keysym;
    WCHAR spacing;
    const WCHAR *bases;
    const WCHAR *composed;
} dead_keys[] =
{
    { XK_dead_grave, '`', L"aeiouAEIOUnwyNWY", L"àèìòùÀÈÌÒÙǹẁỳǸẀỲ" },
    { XK_dead_acute, 0xb4, L"aeiouyAEIOUYcnszlrgkmpwCNSZLRGKMPW",
      L"áéíóúýÁÉÍÓÚÝćńśźĺŕǵḱḿṕẃĆŃŚŹĹŔǴḰḾṔẂ" },
    { XK_dead_circumflex, '^', L"aeiouAEIOUcghjswyCGHJSWY", L"âêîôûÂÊÎÔÛĉĝĥĵŝŵŷĈĜĤĴŜŴŶ" },
    { XK_dead_tilde, '~', L"anoiuANOIUey", L"ãñõĩũÃÑÕĨŨẽỹ" },
    { XK_dead_macron, 0xaf, L"aeiouAEIOU", L"āēīōūĀĒĪŌŪ" },
    { XK_dead_breve, 0x2d8, L"aeguAEGU", L"ăĕğŭĂĔĞŬ" },
    { XK_dead_abovedot, 0x2d9, L"cegzICEGZ", L"ċėġżİĊĖĠŻ" },
    { XK_dead_diaeresis, 0xa8, L"aeiouyAEIOUY", L"äëïöüÿÄËÏÖÜŸ" },
    { XK_dead_abovering, 0x2da, L"auAU", L"åůÅŮ" },
    { XK_dead_doubleacute, 0x2dd, L"ouOU", L"őűŐŰ" },
    { XK_dead_caron, 0x2c7, L"cdenrstzCDENRSTZ", L"čďěňřšťžČĎĚŇŘŠŤŽ" },
    { XK_dead_cedilla, 0xb8, L"cgklnrstCGKLNRST", L"çģķļņŗşţÇĢĶĻŅŖŞŢ" },
    { XK_dead_ogonek, 0x2db, L"aeiuAEIU", L"ąęįųĄĘĮŲ" },
};

static const struct dead_key *find_dead_key( UINT32 keysym )
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(dead_keys); i++)
        if (dead_keys[i].keysym == keysym) return &dead_keys[i];
    return NULL;
}

/* Whether Caps Lock applies to the character (kernel32's character types: no user32 here). */
static BOOL is_letter( WCHAR ch )
{
    WORD type = 0;

    return ch && GetStringTypeW( CT_CTYPE1, &ch, 1, &type ) && (type & C1_ALPHA);
}

/* The character a keysym types, 0 for none (function keys, modifiers, dead keys). */
static WCHAR keysym_to_char( UINT32 keysym )
{
    unsigned int lo = 0, hi = ARRAY_SIZE(keysym_ucs_table);

    if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) return keysym;
    if ((keysym & 0xff000000) == 0x01000000)
        return (keysym & 0xffffff) <= 0xffff ? (WCHAR)(keysym & 0xffff) : 0;
    switch (keysym)
    {
    case XK_BackSpace: return '\b';
    case XK_Tab: case XK_ISO_Left_Tab: case XK_KP_Tab: return '\t';
    case XK_Return: case XK_KP_Enter: case XK_Linefeed: return '\r';
    case XK_Escape: return 0x1b;
    case XK_KP_Space: return ' ';
    case XK_KP_Equal: return '=';
    }
    if (keysym >= XK_KP_Multiply && keysym <= XK_KP_9) return keysym - XK_KP_Multiply + '*';
    while (lo < hi)
    {
        unsigned int mid = (lo + hi) / 2;
        if (keysym_ucs_table[mid].keysym == keysym) return keysym_ucs_table[mid].ucs;
        if (keysym_ucs_table[mid].keysym < keysym) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

/* The layout-independent virtual key of a keysym (letters, digits, US punctuation, function
 * and editing keys, keypad, modifiers); 0 when the keysym's key is positional. */
static UINT keysym_to_vk( UINT32 keysym )
{
    unsigned int i;

    if (keysym >= 'a' && keysym <= 'z') return keysym - 'a' + 'A';
    if (keysym >= 'A' && keysym <= 'Z') return keysym;
    if (keysym >= '0' && keysym <= '9') return keysym;
    if (keysym >= XK_F1 && keysym <= XK_F24) return VK_F1 + keysym - XK_F1;
    for (i = 0; i < ARRAY_SIZE(keysym_vk_table); i++)
        if (keysym_vk_table[i].keysym == keysym) return keysym_vk_table[i].vk;
    return 0;
}

/* Scan code (| SCAN_EXTENDED) of an evdev keycode; 0 if the key has none. */
static UINT evdev_keycode_to_scan( UINT keycode )
{
    UINT code = keycode - 8;
    unsigned int i;

    if (keycode < 8) return 0;
    if (code == 69) return 0x45 | SCAN_EXTENDED; /* Num Lock: E0 45 (Pause is the plain 45) */
    if (code >= 1 && code <= 88) return code;
    for (i = 0; i < ARRAY_SIZE(evdev_ext_scan); i++)
        if (evdev_ext_scan[i].code == code) return evdev_ext_scan[i].scan;
    return 0;
}

/* The US scan code of a virtual key, for keycodes a non-evdev server numbers its own way. */
static UINT us_vk_to_scan( UINT vk )
{
    unsigned int i;

    switch (vk)
    {
    case VK_RCONTROL: return 0x1d | SCAN_EXTENDED;
    case VK_RMENU: return 0x38 | SCAN_EXTENDED;
    case VK_DIVIDE: return 0x35 | SCAN_EXTENDED;
    case VK_LWIN: return 0x5b | SCAN_EXTENDED;
    case VK_RWIN: return 0x5c | SCAN_EXTENDED;
    case VK_APPS: return 0x5d | SCAN_EXTENDED;
    case VK_PAUSE: return 0x45;
    case VK_NUMLOCK: return 0x45 | SCAN_EXTENDED;
    case VK_NUMPAD0: return 0x52; case VK_NUMPAD1: return 0x4f; case VK_NUMPAD2: return 0x50;
    case VK_NUMPAD3: return 0x51; case VK_NUMPAD4: return 0x4b; case VK_NUMPAD5: return 0x4c;
    case VK_NUMPAD6: return 0x4d; case VK_NUMPAD7: return 0x47; case VK_NUMPAD8: return 0x48;
    case VK_NUMPAD9: return 0x49; case VK_DECIMAL: return 0x53;
    case VK_SHIFT: return 0x2a;
    case VK_CONTROL: return 0x1d;
    case VK_MENU: return 0x38;
    }
    for (i = 1; i < ARRAY_SIZE(us_scan_vk); i++)
        if (us_scan_vk[i] == vk)
        {
            /* the navigation cluster is the extended twin of the keypad keys */
            if ((i >= 0x47 && i <= 0x53 && i != 0x4a && i != 0x4c && i != 0x4e) ||
                i == 0x54)
                return i | SCAN_EXTENDED;
            return i;
        }
    return 0;
}

/* The virtual key of a key from its keysyms (plain, Shift, …) and its scan code. */
static UINT keycode_vk( const UINT32 *syms, UINT scan )
{
    UINT vk, base = scan & 0xff;

    /* letters and digits by their character, at the plain level or, for keys like AZERTY's
     * digit row, the shifted one */
    if ((vk = keysym_to_vk( syms[0] )) && vk >= '0' && vk <= 'Z') return vk;
    if ((vk = keysym_to_vk( syms[1] )) && vk >= '0' && vk <= '9') return vk;
    if ((vk = keysym_to_vk( syms[0] ))) return vk;
    /* the keypad: the plain level is the navigation key, the NumLock one the digit */
    if (syms[0] >= XK_KP_Space && syms[0] <= XK_KP_9 && (vk = keysym_to_vk( syms[1] ))) return vk;
    /* a character US layouts lack, or a dead key: the US key at the same place */
    if (!(scan & SCAN_EXTENDED) && base < ARRAY_SIZE(us_scan_vk) && us_scan_vk[base])
        return us_scan_vk[base];
    return keysym_to_vk( syms[1] );
}

/* Builds the layout from the server's keymap; called by the event thread at start and when
 * the keymap changes. */
void keymap_load( void )
{
    UINT32 syms[256][KEYMAP_LEVELS];
    UINT16 vks[256], scans[256];
    int min_keycode, max_keycode, evdev;
    unsigned int kc;

    memset( syms, 0, sizeof(syms) );
    memset( vks, 0, sizeof(vks) );
    memset( scans, 0, sizeof(scans) );
    x11_read_keymap( syms, &min_keycode, &max_keycode );
    /* evdev numbering: Escape is keycode 9 (1 + 8) */
    evdev = syms[9][0] == XK_Escape;
    for (kc = min_keycode; kc <= (unsigned int)max_keycode && kc < 256; kc++)
    {
        if (!syms[kc][0] && !syms[kc][1]) continue;
        scans[kc] = evdev ? evdev_keycode_to_scan( kc ) : 0;
        vks[kc] = keycode_vk( syms[kc], scans[kc] );
        if (!scans[kc]) scans[kc] = us_vk_to_scan( vks[kc] );
    }
    AcquireSRWLockExclusive( &keymap_lock );
    memcpy( keymap_syms, syms, sizeof(syms) );
    memcpy( keymap_vk, vks, sizeof(vks) );
    memcpy( keymap_scan, scans, sizeof(scans) );
    keymap_loaded = TRUE;
    ReleaseSRWLockExclusive( &keymap_lock );
    TRACE( "keycodes %d..%d, %s numbering\n", min_keycode, max_keycode, evdev ? "evdev" : "server's own" );
}

/* Virtual key, scan code and extended flag of a key event. keysym is the keysym of the event in
 * its modifier state (it decides the keypad keys: digits with NumLock, else navigation). Event
 * thread only: the one thread that writes the layout needs no keymap_lock to read it. */
void keymap_translate_key( unsigned int keycode, unsigned int keysym, unsigned int *vk,
                           unsigned int *scan, int *extended )
{
    UINT s = keycode < 256 ? keymap_scan[keycode] : 0;

    *vk = keycode < 256 ? keymap_vk[keycode] : 0;
    if ((keysym >= XK_KP_0 && keysym <= XK_KP_9) || keysym == XK_KP_Decimal ||
        (keysym >= XK_KP_Home && keysym <= XK_KP_Delete))
        *vk = keysym_to_vk( keysym );
    *scan = s & 0xff;
    *extended = (s & SCAN_EXTENDED) != 0;
    TRACE( "keycode %u keysym %#x -> vk %#x scan %#x%s\n", keycode, keysym, *vk, *scan,
           *extended ? " extended" : "" );
}

/* Whether a keycode is a keypad key (its plain keysym is KP_Home… with NumLock off). */
static BOOL __is_keypad( UINT keycode )
{
    return keymap_syms[keycode][0] >= XK_KP_Space && keymap_syms[keycode][0] <= XK_KP_9;
}

/* The keycode of a scan code (| SCAN_EXTENDED), else of a virtual key: the navigation keys
 * (VK_LEFT…) name the dedicated key rather than its keypad twin; VK_NUMPAD0… the keypad key
 * that types the digit with NumLock. keymap_lock held. */
static UINT __find_keycode( UINT vk, UINT scan )
{
    unsigned int kc, pass;

    if (scan)
        for (kc = 8; kc < 256; kc++)
            if (keymap_scan[kc] == scan) return kc;
    if (!vk) return 0;
    if (vk == VK_SHIFT) vk = VK_LSHIFT;
    else if (vk == VK_CONTROL) vk = VK_LCONTROL;
    else if (vk == VK_MENU) vk = VK_LMENU;
    if ((vk >= VK_NUMPAD0 && vk <= VK_NUMPAD9) || vk == VK_DECIMAL)
    {
        for (kc = 8; kc < 256; kc++)
            if (__is_keypad( kc ) && keysym_to_vk( keymap_syms[kc][1] ) == vk) return kc;
        return 0;
    }
    for (pass = 0; pass < 2; pass++)
        for (kc = 8; kc < 256; kc++)
            if (keymap_vk[kc] == vk && (pass || !__is_keypad( kc ))) return kc;
    return 0;
}

/* --- dead keys ------------------------------------------------------------------------------ */

/* The composition state of one thread's keyboard (Windows keeps it per thread too). */
static DWORD dead_key_tls = TLS_OUT_OF_INDEXES;

static UINT32 get_pending_dead_key( void )
{
    return dead_key_tls == TLS_OUT_OF_INDEXES ? 0 : (UINT32)(ULONG_PTR)TlsGetValue( dead_key_tls );
}

static void set_pending_dead_key( UINT32 keysym )
{
    if (dead_key_tls != TLS_OUT_OF_INDEXES) TlsSetValue( dead_key_tls, (void *)(ULONG_PTR)keysym );
}

void keyboard_init( void )
{
    if (dead_key_tls == TLS_OUT_OF_INDEXES) dead_key_tls = TlsAlloc();
}

/* At shutdown, once no thread calls the layout functions any more (user32 stops first). */
void keyboard_cleanup( void )
{
    if (dead_key_tls != TLS_OUT_OF_INDEXES) TlsFree( dead_key_tls );
    dead_key_tls = TLS_OUT_OF_INDEXES;
    keymap_loaded = FALSE;
}

static WCHAR compose( const struct dead_key *dead, WCHAR ch )
{
    const WCHAR *p;

    if (ch == ' ') return dead->spacing;
    for (p = dead->bases; *p; p++)
        if (*p == ch) return dead->composed[p - dead->bases];
    return 0;
}

/* Feeds one typed keysym through the dead-key state *pending: the characters it produces
 * (ToUnicode's answer: -1 a dead key with its spacing character in buf, 0 none, else a count). */
static int translate_keysym( UINT32 *pending, UINT32 keysym, WCHAR *buf, int size )
{
    const struct dead_key *dead = find_dead_key( keysym ), *prev = find_dead_key( *pending );
    WCHAR ch, composed;

    if (size < 1) return 0;
    if (dead)
    {
        if (!prev)
        {
            *pending = keysym;
            buf[0] = dead->spacing;
            return -1;
        }
        /* two dead keys: both spacing characters, as Windows does */
        *pending = 0;
        buf[0] = prev->spacing;
        if (size < 2) return 1;
        buf[1] = dead->spacing;
        return 2;
    }
    if (!(ch = keysym_to_char( keysym ))) return 0; /* a modifier keeps the dead key pending */
    if (!prev)
    {
        buf[0] = ch;
        return 1;
    }
    *pending = 0;
    if ((composed = compose( prev, ch )))
    {
        buf[0] = composed;
        return 1;
    }
    /* no composition: the dead key's character, then the key's */
    buf[0] = prev->spacing;
    if (size < 2) return 1;
    buf[1] = ch;
    return 2;
}

/* --- the layout functions of the driver table ------------------------------------------------ */

INT32 CDECL x11drv_to_unicode( UINT32 vk, UINT32 scan, const BYTE *keystate, WCHAR *buf,
                               INT32 size, UINT32 flags )
{
    BOOL shift, altgr, ctrl, caps;
    UINT32 syms[KEYMAP_LEVELS], keysym, pending;
    unsigned int kc, level;
    int ret;

    TRACE( "vk %#x scan %#x flags %#x\n", vk, scan, flags );
    if (!keymap_loaded) return -2;
    if (scan & 0x8000) return 0; /* a key release types nothing */
    shift = (keystate[VK_SHIFT] & 0x80) != 0;
    ctrl = (keystate[VK_CONTROL] & 0x80) != 0;
    caps = (keystate[VK_CAPITAL] & 0x01) != 0;
    /* AltGr is right Alt, which Windows also reports as Ctrl+Alt */
    altgr = (keystate[VK_RMENU] & 0x80) || (ctrl && (keystate[VK_MENU] & 0x80));

    if (vk >= VK_NUMPAD0 && vk <= VK_NUMPAD9)
    {
        buf[0] = '0' + vk - VK_NUMPAD0;
        return size > 0;
    }
    AcquireSRWLockShared( &keymap_lock );
    kc = __find_keycode( vk, (scan & 0xff) | ((scan & 0x100) ? SCAN_EXTENDED : 0) );
    if (kc && keymap_vk[kc] != vk && vk != VK_SHIFT && vk != VK_CONTROL && vk != VK_MENU)
        kc = __find_keycode( vk, 0 ); /* the scan code names another key: trust the vk */
    if (kc) memcpy( syms, keymap_syms[kc], sizeof(syms) );
    ReleaseSRWLockShared( &keymap_lock );
    if (!kc) return 0;

    level = (shift ? 1 : 0) + (altgr && (syms[2] || syms[3]) ? 2 : 0);
    keysym = syms[level] ? syms[level] : syms[level & 2];
    /* Caps Lock shifts letters only */
    if (caps && !altgr && syms[level ^ 1] && is_letter( keysym_to_char( keysym ) ))
        keysym = syms[level ^ 1];

    if (ctrl && !altgr)
    {
        /* Ctrl+letter types the control character; Ctrl+[ ] \ ESC, GS, FS; Ctrl+Enter LF */
        if (vk >= 'A' && vk <= 'Z') { buf[0] = vk - 'A' + 1; return size > 0; }
        if (vk == VK_OEM_4) { buf[0] = 0x1b; return size > 0; }
        if (vk == VK_OEM_6) { buf[0] = 0x1d; return size > 0; }
        if (vk == VK_OEM_5) { buf[0] = 0x1c; return size > 0; }
        if (vk == VK_RETURN) { buf[0] = '\n'; return size > 0; }
        if (vk == VK_BACK) { buf[0] = 0x7f; return size > 0; }
        if (vk != VK_ESCAPE && vk != VK_TAB && vk != VK_SPACE) return 0;
    }
    pending = get_pending_dead_key();
    ret = translate_keysym( &pending, keysym, buf, size );
    if (!(flags & 0x4)) set_pending_dead_key( pending ); /* bit 2: keep the keyboard state */
    TRACE( "keycode %u level %u keysym %#x -> %d (%s)\n", kc, level, keysym, ret,
           debugstr_wn( buf, ret < 0 ? 1 : ret ) );
    return ret;
}

UINT32 CDECL x11drv_map_virtual_key( UINT32 code, UINT32 type )
{
    UINT32 ret = 0;
    unsigned int kc;

    TRACE( "code %#x type %u\n", code, type );
    if (!keymap_loaded) return ~0u;
    AcquireSRWLockShared( &keymap_lock );
    switch (type)
    {
    case MAPVK_VK_TO_VSC:
    case MAPVK_VK_TO_VSC_EX:
        if ((kc = __find_keycode( code, 0 )))
        {
            ret = keymap_scan[kc] & 0xff;
            if (type == MAPVK_VK_TO_VSC_EX && (keymap_scan[kc] & SCAN_EXTENDED)) ret |= 0xe000;
        }
        break;
    case MAPVK_VSC_TO_VK:
    case MAPVK_VSC_TO_VK_EX:
    {
        UINT scan = (code & 0xff) | ((code & 0xff00) == 0xe000 ? SCAN_EXTENDED : 0);
        /* the key with that scan code, else one whose scan code differs in the extended bit */
        if (!(kc = __find_keycode( 0, scan )))
            for (kc = 8; kc < 256; kc++)
                if ((keymap_scan[kc] & 0xff) == (scan & 0xff)) break;
        if (kc < 256) ret = keymap_vk[kc];
        if (type == MAPVK_VSC_TO_VK)
        {
            /* "does not distinguish between left- and right-hand keys" */
            if (ret == VK_LSHIFT || ret == VK_RSHIFT) ret = VK_SHIFT;
            else if (ret == VK_LCONTROL || ret == VK_RCONTROL) ret = VK_CONTROL;
            else if (ret == VK_LMENU || ret == VK_RMENU) ret = VK_MENU;
        }
        break;
    }
    case MAPVK_VK_TO_CHAR:
        if (code >= VK_NUMPAD0 && code <= VK_NUMPAD9) ret = '0' + code - VK_NUMPAD0;
        else if ((kc = __find_keycode( code, 0 )))
        {
            const struct dead_key *dead = find_dead_key( keymap_syms[kc][0] );
            if (dead) ret = 0x80000000 | dead->spacing;
            else
            {
                ret = keysym_to_char( keymap_syms[kc][0] );
                if (ret >= 'a' && ret <= 'z') ret -= 'a' - 'A'; /* letters in upper case */
            }
        }
        break;
    default:
        WARN( "unknown type %u\n", type );
        break;
    }
    ReleaseSRWLockShared( &keymap_lock );
    return ret;
}

INT32 CDECL x11drv_vk_key_scan( WCHAR ch )
{
    static const BYTE level_shift_state[KEYMAP_LEVELS] = { 0, 1, 6, 7 };
    unsigned int kc, level;
    INT32 ret = -1;

    TRACE( "ch %s\n", debugstr_wn( &ch, 1 ) );
    if (!keymap_loaded) return -2;
    if (ch >= 1 && ch <= 26) return 0x200 | ('A' + ch - 1); /* control characters: Ctrl+letter */
    AcquireSRWLockShared( &keymap_lock );
    for (level = 0; level < KEYMAP_LEVELS && ret == -1; level++)
        for (kc = 8; kc < 256 && ret == -1; kc++)
            if (keymap_vk[kc] && keymap_syms[kc][level] && !find_dead_key( keymap_syms[kc][level] ) &&
                keysym_to_char( keymap_syms[kc][level] ) == ch &&
                !(keymap_syms[kc][0] >= XK_KP_Space && keymap_syms[kc][0] <= XK_KP_Equal))
                ret = (level_shift_state[level] << 8) | keymap_vk[kc];
    ReleaseSRWLockShared( &keymap_lock );
    return ret;
}

INT32 CDECL x11drv_get_key_name( INT32 lparam, WCHAR *buf, INT32 size )
{
    static const struct { UINT16 scan; const WCHAR *name; } names[] =
    {
        { 0x01, L"Esc" }, { 0x0e, L"Backspace" }, { 0x0f, L"Tab" }, { 0x1c, L"Enter" },
        { 0x1d, L"Ctrl" }, { 0x2a, L"Shift" }, { 0x36, L"Right Shift" }, { 0x37, L"Num *" },
        { 0x38, L"Alt" }, { 0x39, L"Space" }, { 0x3a, L"Caps Lock" }, { 0x45, L"Pause" },
        { 0x46, L"Scroll Lock" }, { 0x47, L"Num 7" }, { 0x48, L"Num 8" }, { 0x49, L"Num 9" },
        { 0x4a, L"Num -" }, { 0x4b, L"Num 4" }, { 0x4c, L"Num 5" }, { 0x4d, L"Num 6" },
        { 0x4e, L"Num +" }, { 0x4f, L"Num 1" }, { 0x50, L"Num 2" }, { 0x51, L"Num 3" },
        { 0x52, L"Num 0" }, { 0x53, L"Num Del" }, { 0x54, L"Sys Req" },
        { 0x11c, L"Num Enter" }, { 0x11d, L"Right Ctrl" }, { 0x135, L"Num /" },
        { 0x137, L"Prnt Scrn" }, { 0x138, L"Right Alt" }, { 0x145, L"Num Lock" },
        { 0x147, L"Home" }, { 0x148, L"Up" }, { 0x149, L"Page Up" }, { 0x14b, L"Left" },
        { 0x14d, L"Right" }, { 0x14f, L"End" }, { 0x150, L"Down" }, { 0x151, L"Page Down" },
        { 0x152, L"Insert" }, { 0x153, L"Delete" }, { 0x15b, L"Left Windows" },
        { 0x15c, L"Right Windows" }, { 0x15d, L"Application" },
    };
    UINT scan = (lparam >> 16) & 0x1ff;
    unsigned int i, kc;
    WCHAR name[32] = { 0 };
    int len;

    TRACE( "lparam %#x\n", lparam );
    if (!keymap_loaded) return -1;
    if (size <= 0) return 0;
    if (lparam & (1 << 25)) /* "do not care": no left/right distinction */
    {
        if (scan == 0x36) scan = 0x2a;
        else if (scan == 0x11d) scan = 0x1d;
        else if (scan == 0x138) scan = 0x38;
    }
    for (i = 0; i < ARRAY_SIZE(names); i++)
        if (names[i].scan == scan) lstrcpynW( name, names[i].name, ARRAY_SIZE(name) );
    if (!name[0] && ((scan >= 0x3b && scan <= 0x44) || scan == 0x57 || scan == 0x58))
    {
        unsigned int n = scan <= 0x44 ? scan - 0x3a : scan - 0x4c;
        name[0] = 'F';
        if (n >= 10) name[1] = '0' + n / 10;
        name[n >= 10 ? 2 : 1] = '0' + n % 10;
    }
    if (!name[0])
    {
        /* a character key: its character, upper case */
        AcquireSRWLockShared( &keymap_lock );
        kc = __find_keycode( 0, (scan & 0xff) | ((scan & 0x100) ? SCAN_EXTENDED : 0) );
        if (kc)
        {
            const struct dead_key *dead = find_dead_key( keymap_syms[kc][0] );
            name[0] = dead ? dead->spacing : keysym_to_char( keymap_syms[kc][0] );
            LCMapStringW( LOCALE_INVARIANT, LCMAP_UPPERCASE, name, 1, name, 1 );
        }
        ReleaseSRWLockShared( &keymap_lock );
    }
    lstrcpynW( buf, name, size );
    len = lstrlenW( buf );
    return len;
}

/* --- entry points for the tests (dlls/x11drv/tests), which need no X server ------------------ */

/* The layout-independent virtual key of a keysym, 0 if positional. */
UINT32 CDECL usermm_x11drv_keysym_to_vk( UINT32 keysym )
{
    return keysym_to_vk( keysym );
}

/* The character a keysym types, 0 if none. */
UINT32 CDECL usermm_x11drv_keysym_to_char( UINT32 keysym )
{
    return keysym_to_char( keysym );
}

/* The virtual key (low word) and scan code (bits 16-23, bit 24 extended) of evdev keycode
 * `keycode` whose keysyms at the four levels are syms[0..3]: what keymap_load computes. */
UINT32 CDECL usermm_x11drv_keycode_info( UINT32 keycode, const UINT32 *syms )
{
    UINT scan = evdev_keycode_to_scan( keycode ), vk = keycode_vk( syms, scan );

    if (!scan) scan = us_vk_to_scan( vk );
    return vk | ((scan & 0xff) << 16) | ((scan & SCAN_EXTENDED) ? 1u << 24 : 0);
}

/* Types `count` keysyms through the dead-key machinery of ToUnicode, from a fresh state; the
 * characters are appended to out (at most size). Returns how many were written. */
INT32 CDECL usermm_x11drv_type_keysyms( const UINT32 *keysyms, UINT32 count, WCHAR *out,
                                        INT32 size )
{
    UINT32 pending = 0, i;
    WCHAR buf[4];
    int n, len = 0;

    for (i = 0; i < count; i++)
    {
        n = translate_keysym( &pending, keysyms[i], buf, ARRAY_SIZE(buf) );
        if (n < 0) continue; /* a dead key: WM_DEADCHAR, nothing typed yet */
        if (len + n > size) break;
        memcpy( out + len, buf, n * sizeof(WCHAR) );
        len += n;
    }
    return len;
}
