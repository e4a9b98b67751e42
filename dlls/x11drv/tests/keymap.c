/*
 * The keyboard map of x11drv as pure functions (no X server needed): keysyms -> virtual keys,
 * evdev keycodes -> scan codes and extended bits, keysyms -> characters, dead keys.
 *
 * The expected values are Microsoft's: the virtual-key and scan-code tables of "Keyboard Input"
 * (scan codes of set 1, extended keys being those sent with the E0 prefix: the right Ctrl and
 * Alt, the navigation cluster, keypad Enter and /, Num Lock...), and what Wine's builtin driver
 * delivers (../shared/reference/x11-input-baseline.md: 'a' scan 0x1e, keypad Enter 0x11c, Left
 * 0x14b).
 */
#include <X11/keysym.h>
#include "x11drvtest.h"

static UINT32 (CDECL *p_keysym_to_vk)( UINT32 keysym );
static UINT32 (CDECL *p_keysym_to_char)( UINT32 keysym );
static UINT32 (CDECL *p_keycode_info)( UINT32 keycode, const UINT32 *syms );
static INT32 (CDECL *p_type_keysyms)( const UINT32 *keysyms, UINT32 count, WCHAR *out, INT32 size );

static void test_keysym_to_vk( void )
{
    static const struct { UINT32 keysym; UINT vk; } tests[] =
    {
        { XK_a, 'A' }, { XK_A, 'A' }, { XK_z, 'Z' }, { XK_0, '0' }, { XK_9, '9' },
        { XK_F1, VK_F1 }, { XK_F12, VK_F12 }, { XK_F24, VK_F24 },
        { XK_Return, VK_RETURN }, { XK_KP_Enter, VK_RETURN }, { XK_BackSpace, VK_BACK },
        { XK_Tab, VK_TAB }, { XK_ISO_Left_Tab, VK_TAB }, { XK_Escape, VK_ESCAPE },
        { XK_space, VK_SPACE }, { XK_Delete, VK_DELETE }, { XK_Insert, VK_INSERT },
        { XK_Home, VK_HOME }, { XK_End, VK_END }, { XK_Prior, VK_PRIOR }, { XK_Next, VK_NEXT },
        { XK_Left, VK_LEFT }, { XK_Up, VK_UP }, { XK_Right, VK_RIGHT }, { XK_Down, VK_DOWN },
        { XK_Shift_L, VK_LSHIFT }, { XK_Shift_R, VK_RSHIFT },
        { XK_Control_L, VK_LCONTROL }, { XK_Control_R, VK_RCONTROL },
        { XK_Alt_L, VK_LMENU }, { XK_Alt_R, VK_RMENU }, { XK_ISO_Level3_Shift, VK_RMENU },
        { XK_Super_L, VK_LWIN }, { XK_Super_R, VK_RWIN }, { XK_Menu, VK_APPS },
        { XK_Caps_Lock, VK_CAPITAL }, { XK_Num_Lock, VK_NUMLOCK }, { XK_Scroll_Lock, VK_SCROLL },
        { XK_Pause, VK_PAUSE }, { XK_Print, VK_SNAPSHOT },
        { XK_KP_0, VK_NUMPAD0 }, { XK_KP_7, VK_NUMPAD7 }, { XK_KP_Decimal, VK_DECIMAL },
        { XK_KP_Add, VK_ADD }, { XK_KP_Subtract, VK_SUBTRACT }, { XK_KP_Multiply, VK_MULTIPLY },
        { XK_KP_Divide, VK_DIVIDE }, { XK_KP_Home, VK_HOME }, { XK_KP_Begin, VK_CLEAR },
        { XK_semicolon, VK_OEM_1 }, { XK_equal, VK_OEM_PLUS }, { XK_comma, VK_OEM_COMMA },
        { XK_minus, VK_OEM_MINUS }, { XK_period, VK_OEM_PERIOD }, { XK_slash, VK_OEM_2 },
        { XK_grave, VK_OEM_3 }, { XK_bracketleft, VK_OEM_4 }, { XK_backslash, VK_OEM_5 },
        { XK_bracketright, VK_OEM_6 }, { XK_apostrophe, VK_OEM_7 }, { XK_less, VK_OEM_102 },
        /* positional keys: no virtual key of their own */
        { XK_udiaeresis, 0 }, { XK_eacute, 0 }, { XK_dead_acute, 0 }, { XK_Cyrillic_a, 0 },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(tests); i++)
        ok( p_keysym_to_vk( tests[i].keysym ) == tests[i].vk, "keysym %#x: vk %#x, expected %#x\n",
            tests[i].keysym, p_keysym_to_vk( tests[i].keysym ), tests[i].vk );
}

/* Keycodes are evdev's (Linux key code + 8), as Xorg, Xvfb and Xwayland number them. */
static void test_keycodes( void )
{
    static const struct
    {
        const char *what;
        UINT32 keycode, syms[4];
        UINT vk, scan;
        BOOL extended;
    } tests[] =
    {
        { "us a", 38, { XK_a, XK_A }, 'A', 0x1e, FALSE },
        { "us 1", 10, { XK_1, XK_exclam }, '1', 0x02, FALSE },
        { "Escape", 9, { XK_Escape }, VK_ESCAPE, 0x01, FALSE },
        { "Return", 36, { XK_Return }, VK_RETURN, 0x1c, FALSE },
        { "keypad Enter", 104, { XK_KP_Enter }, VK_RETURN, 0x1c, TRUE },
        { "left Shift", 50, { XK_Shift_L }, VK_LSHIFT, 0x2a, FALSE },
        { "right Shift", 62, { XK_Shift_R }, VK_RSHIFT, 0x36, FALSE },
        { "left Ctrl", 37, { XK_Control_L }, VK_LCONTROL, 0x1d, FALSE },
        { "right Ctrl", 105, { XK_Control_R }, VK_RCONTROL, 0x1d, TRUE },
        { "left Alt", 64, { XK_Alt_L, XK_Meta_L }, VK_LMENU, 0x38, FALSE },
        { "AltGr", 108, { XK_ISO_Level3_Shift }, VK_RMENU, 0x38, TRUE },
        { "Left", 113, { XK_Left }, VK_LEFT, 0x4b, TRUE },
        { "Home", 110, { XK_Home }, VK_HOME, 0x47, TRUE },
        { "Delete", 119, { XK_Delete }, VK_DELETE, 0x53, TRUE },
        { "keypad 7 (NumLock off)", 79, { XK_KP_Home, XK_KP_7 }, VK_HOME, 0x47, FALSE },
        { "keypad /", 106, { XK_KP_Divide }, VK_DIVIDE, 0x35, TRUE },
        { "Num Lock", 77, { XK_Num_Lock }, VK_NUMLOCK, 0x45, TRUE },
        { "Pause", 127, { XK_Pause, XK_Break }, VK_PAUSE, 0x45, FALSE },
        { "F1", 67, { XK_F1 }, VK_F1, 0x3b, FALSE },
        { "F12", 96, { XK_F12 }, VK_F12, 0x58, FALSE },
        { "left Windows", 133, { XK_Super_L }, VK_LWIN, 0x5b, TRUE },
        { "Menu", 135, { XK_Menu }, VK_APPS, 0x5d, TRUE },
        { "ISO 102nd", 94, { XK_less, XK_greater }, VK_OEM_102, 0x56, FALSE },
        /* French AZERTY: the digit row types & é " … unshifted, and its keys are the digits */
        { "fr &/1", 10, { XK_ampersand, XK_1 }, '1', 0x02, FALSE },
        { "fr é/2", 11, { XK_eacute, XK_2, XK_asciitilde }, '2', 0x03, FALSE },
        { "fr a (US q)", 24, { XK_a, XK_A }, 'A', 0x10, FALSE },
        /* German QWERTZ: letters by their character, ü and the dead ^ by position */
        { "de z (US y)", 29, { XK_z, XK_Z }, 'Z', 0x15, FALSE },
        { "de ü (US [)", 34, { XK_udiaeresis, XK_Udiaeresis }, VK_OEM_4, 0x1a, FALSE },
        { "de dead ^ (US `)", 49, { XK_dead_circumflex, XK_degree }, VK_OEM_3, 0x29, FALSE },
        /* Russian: Cyrillic letters take the US key's letter, as Windows' Russian layout does */
        { "ru ф (US a)", 38, { XK_Cyrillic_ef, XK_Cyrillic_EF }, 'A', 0x1e, FALSE },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(tests); i++)
    {
        UINT32 info = p_keycode_info( tests[i].keycode, tests[i].syms );
        ok( LOWORD(info) == tests[i].vk, "%s: vk %#x, expected %#x\n", tests[i].what, LOWORD(info),
            tests[i].vk );
        ok( ((info >> 16) & 0xff) == tests[i].scan, "%s: scan %#x, expected %#x\n", tests[i].what,
            (info >> 16) & 0xff, tests[i].scan );
        ok( !!(info & (1u << 24)) == tests[i].extended, "%s: extended %u, expected %u\n",
            tests[i].what, !!(info & (1u << 24)), tests[i].extended );
    }
}

static void test_keysym_to_char( void )
{
    static const struct { UINT32 keysym; WCHAR ch; } tests[] =
    {
        { XK_a, 'a' }, { XK_A, 'A' }, { XK_1, '1' }, { XK_space, ' ' }, { XK_asciitilde, '~' },
        { XK_eacute, 0xe9 }, { XK_udiaeresis, 0xfc }, { XK_ssharp, 0xdf },
        { XK_Cyrillic_a, 0x430 }, { XK_Cyrillic_EF, 0x424 }, { XK_Greek_alpha, 0x3b1 },
        { XK_aogonek, 0x105 }, { XK_EuroSign, 0x20ac }, { 0x1000101, 0x101 },
        { XK_BackSpace, '\b' }, { XK_Tab, '\t' }, { XK_Return, '\r' }, { XK_KP_Enter, '\r' },
        { XK_Escape, 0x1b }, { XK_KP_5, '5' }, { XK_KP_Add, '+' }, { XK_KP_Decimal, '.' },
        /* keys that type nothing: Delete has no WM_CHAR on Windows (baseline: arrows, Home,
         * Delete give none) */
        { XK_Delete, 0 }, { XK_F1, 0 }, { XK_Shift_L, 0 }, { XK_Left, 0 }, { XK_dead_acute, 0 },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(tests); i++)
        ok( p_keysym_to_char( tests[i].keysym ) == tests[i].ch, "keysym %#x: char %#x, expected %#x\n",
            tests[i].keysym, p_keysym_to_char( tests[i].keysym ), tests[i].ch );
}

/* Dead keys as ToUnicode documents them: a dead key types nothing yet (-1, WM_DEADCHAR); the
 * next key types the composed character, or, if they do not compose, both characters; two dead
 * keys type both spacing characters; a dead key then space types the spacing character. */
static void test_dead_keys( void )
{
    static const struct { UINT32 keysyms[4]; const WCHAR *typed; } tests[] =
    {
        { { XK_dead_acute, XK_e }, L"\x00e9" },
        { { XK_dead_acute, XK_E }, L"\x00c9" },
        { { XK_dead_grave, XK_a }, L"\x00e0" },
        { { XK_dead_circumflex, XK_o }, L"\x00f4" },
        { { XK_dead_diaeresis, XK_u }, L"\x00fc" },
        { { XK_dead_tilde, XK_n }, L"\x00f1" },
        { { XK_dead_cedilla, XK_c }, L"\x00e7" },
        { { XK_dead_caron, XK_s }, L"\x0161" },
        { { XK_dead_abovering, XK_a }, L"\x00e5" },
        { { XK_dead_acute, XK_space }, L"\x00b4" },
        { { XK_dead_circumflex, XK_space }, L"^" },
        { { XK_dead_acute, XK_x }, L"\x00b4x" },
        { { XK_dead_grave, XK_dead_grave }, L"``" },
        { { XK_dead_acute, XK_Shift_L, XK_E }, L"\x00c9" }, /* Shift keeps the dead key pending */
        { { XK_a, XK_b }, L"ab" },
        { { XK_dead_acute, XK_e, XK_e }, L"\x00e9" L"e" },
    };
    unsigned int i, count;
    WCHAR out[16];
    int len;

    for (i = 0; i < ARRAY_SIZE(tests); i++)
    {
        for (count = 0; count < 4 && tests[i].keysyms[count]; count++) {}
        memset( out, 0, sizeof(out) );
        len = p_type_keysyms( tests[i].keysyms, count, out, ARRAY_SIZE(out) );
        ok( len == lstrlenW( tests[i].typed ) && !memcmp( out, tests[i].typed, len * sizeof(WCHAR) ),
            "%u: typed %d %s, expected %s\n", i, len, wine_dbgstr_wn( out, len ),
            wine_dbgstr_w( tests[i].typed ) );
    }
}

START_TEST(keymap)
{
    HMODULE module = load_x11drv();

    if (!module)
    {
        ok( 0, "x11drv.dll.so not found or not loadable (error %lu)\n", GetLastError() );
        return;
    }
    p_keysym_to_vk = (void *)GetProcAddress( module, "usermm_x11drv_keysym_to_vk" );
    p_keysym_to_char = (void *)GetProcAddress( module, "usermm_x11drv_keysym_to_char" );
    p_keycode_info = (void *)GetProcAddress( module, "usermm_x11drv_keycode_info" );
    p_type_keysyms = (void *)GetProcAddress( module, "usermm_x11drv_type_keysyms" );
    ok( p_keysym_to_vk && p_keysym_to_char && p_keycode_info && p_type_keysyms,
        "x11drv.dll.so lacks its test entry points\n" );
    if (!p_keysym_to_vk || !p_keysym_to_char || !p_keycode_info || !p_type_keysyms) return;
    test_keysym_to_vk();
    test_keycodes();
    test_keysym_to_char();
    test_dead_keys();
}
