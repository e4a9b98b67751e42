/*
 * The keyboard layout: virtual keys, scan codes and characters.
 *
 * Until the display driver supplies the real keyboard (the X11 issue), this is the US English
 * layout (KBDUS, layout 0x04090409) as a table: a driver can later replace layout_to_unicode and
 * the scan code tables without touching TranslateMessage or ToUnicode.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(keyboard);

#define US_LAYOUT ((HKL)(ULONG_PTR)0x04090409)

/* scan code (set 1) of each virtual key; extended keys share the scan code of their numpad twin */
static const BYTE vk_to_scan[256] =
{
    [VK_ESCAPE] = 0x01, ['1'] = 0x02, ['2'] = 0x03, ['3'] = 0x04, ['4'] = 0x05, ['5'] = 0x06,
    ['6'] = 0x07, ['7'] = 0x08, ['8'] = 0x09, ['9'] = 0x0a, ['0'] = 0x0b, [VK_OEM_MINUS] = 0x0c,
    [VK_OEM_PLUS] = 0x0d, [VK_BACK] = 0x0e, [VK_TAB] = 0x0f, ['Q'] = 0x10, ['W'] = 0x11, ['E'] = 0x12,
    ['R'] = 0x13, ['T'] = 0x14, ['Y'] = 0x15, ['U'] = 0x16, ['I'] = 0x17, ['O'] = 0x18, ['P'] = 0x19,
    [VK_OEM_4] = 0x1a, [VK_OEM_6] = 0x1b, [VK_RETURN] = 0x1c, [VK_CONTROL] = 0x1d, [VK_LCONTROL] = 0x1d,
    [VK_RCONTROL] = 0x1d, ['A'] = 0x1e, ['S'] = 0x1f, ['D'] = 0x20, ['F'] = 0x21, ['G'] = 0x22,
    ['H'] = 0x23, ['J'] = 0x24, ['K'] = 0x25, ['L'] = 0x26, [VK_OEM_1] = 0x27, [VK_OEM_7] = 0x28,
    [VK_OEM_3] = 0x29, [VK_SHIFT] = 0x2a, [VK_LSHIFT] = 0x2a, [VK_OEM_5] = 0x2b, ['Z'] = 0x2c,
    ['X'] = 0x2d, ['C'] = 0x2e, ['V'] = 0x2f, ['B'] = 0x30, ['N'] = 0x31, ['M'] = 0x32,
    [VK_OEM_COMMA] = 0x33, [VK_OEM_PERIOD] = 0x34, [VK_OEM_2] = 0x35, [VK_RSHIFT] = 0x36,
    [VK_MULTIPLY] = 0x37, [VK_MENU] = 0x38, [VK_LMENU] = 0x38, [VK_RMENU] = 0x38, [VK_SPACE] = 0x39,
    [VK_CAPITAL] = 0x3a, [VK_F1] = 0x3b, [VK_F2] = 0x3c, [VK_F3] = 0x3d, [VK_F4] = 0x3e, [VK_F5] = 0x3f,
    [VK_F6] = 0x40, [VK_F7] = 0x41, [VK_F8] = 0x42, [VK_F9] = 0x43, [VK_F10] = 0x44, [VK_NUMLOCK] = 0x45,
    [VK_SCROLL] = 0x46, [VK_HOME] = 0x47, [VK_NUMPAD7] = 0x47, [VK_UP] = 0x48, [VK_NUMPAD8] = 0x48,
    [VK_PRIOR] = 0x49, [VK_NUMPAD9] = 0x49, [VK_SUBTRACT] = 0x4a, [VK_LEFT] = 0x4b, [VK_NUMPAD4] = 0x4b,
    [VK_CLEAR] = 0x4c, [VK_NUMPAD5] = 0x4c, [VK_RIGHT] = 0x4d, [VK_NUMPAD6] = 0x4d, [VK_ADD] = 0x4e,
    [VK_END] = 0x4f, [VK_NUMPAD1] = 0x4f, [VK_DOWN] = 0x50, [VK_NUMPAD2] = 0x50, [VK_NEXT] = 0x51,
    [VK_NUMPAD3] = 0x51, [VK_INSERT] = 0x52, [VK_NUMPAD0] = 0x52, [VK_DELETE] = 0x53,
    [VK_DECIMAL] = 0x53, [VK_OEM_102] = 0x56, [VK_F11] = 0x57, [VK_F12] = 0x58, [VK_DIVIDE] = 0x35,
    [VK_LWIN] = 0x5b, [VK_RWIN] = 0x5c, [VK_APPS] = 0x5d,
};

/* characters: unshifted and shifted */
static const WCHAR vk_chars[256][2] =
{
    [VK_SPACE] = { ' ', ' ' }, [VK_RETURN] = { '\r', '\r' }, [VK_BACK] = { '\b', '\b' },
    [VK_TAB] = { '\t', '\t' }, [VK_ESCAPE] = { 0x1b, 0x1b },
    ['0'] = { '0', ')' }, ['1'] = { '1', '!' }, ['2'] = { '2', '@' }, ['3'] = { '3', '#' },
    ['4'] = { '4', '$' }, ['5'] = { '5', '%' }, ['6'] = { '6', '^' }, ['7'] = { '7', '&' },
    ['8'] = { '8', '*' }, ['9'] = { '9', '(' },
    [VK_OEM_1] = { ';', ':' }, [VK_OEM_PLUS] = { '=', '+' }, [VK_OEM_COMMA] = { ',', '<' },
    [VK_OEM_MINUS] = { '-', '_' }, [VK_OEM_PERIOD] = { '.', '>' }, [VK_OEM_2] = { '/', '?' },
    [VK_OEM_3] = { '`', '~' }, [VK_OEM_4] = { '[', '{' }, [VK_OEM_5] = { '\\', '|' },
    [VK_OEM_6] = { ']', '}' }, [VK_OEM_7] = { '\'', '"' }, [VK_OEM_102] = { '\\', '|' },
    [VK_NUMPAD0] = { '0', '0' }, [VK_NUMPAD1] = { '1', '1' }, [VK_NUMPAD2] = { '2', '2' },
    [VK_NUMPAD3] = { '3', '3' }, [VK_NUMPAD4] = { '4', '4' }, [VK_NUMPAD5] = { '5', '5' },
    [VK_NUMPAD6] = { '6', '6' }, [VK_NUMPAD7] = { '7', '7' }, [VK_NUMPAD8] = { '8', '8' },
    [VK_NUMPAD9] = { '9', '9' }, [VK_MULTIPLY] = { '*', '*' }, [VK_ADD] = { '+', '+' },
    [VK_SUBTRACT] = { '-', '-' }, [VK_DECIMAL] = { '.', '.' }, [VK_DIVIDE] = { '/', '/' },
};

UINT layout_vk_to_scan( UINT vk )
{
    return vk < 256 ? vk_to_scan[vk] : 0;
}

UINT layout_scan_to_vk( UINT scan )
{
    static const BYTE preferred[] = { VK_LSHIFT, VK_LCONTROL, VK_LMENU, VK_HOME, VK_UP, VK_PRIOR, VK_LEFT,
                                      VK_CLEAR, VK_RIGHT, VK_END, VK_DOWN, VK_NEXT, VK_INSERT, VK_DELETE,
                                      VK_OEM_2 };
    UINT vk, i;

    scan &= 0xff;
    if (!scan) return 0;
    for (i = 0; i < ARRAY_SIZE(preferred); i++)
        if (vk_to_scan[preferred[i]] == scan)
            return preferred[i];
    for (vk = 1; vk < 256; vk++)
        if (vk_to_scan[vk] == scan) return vk;
    return 0;
}

/* Characters for a key press in a key state; returns their count (the US layout has no dead
 * keys, so never negative). */
static int us_to_unicode( UINT vk, UINT scan, const BYTE *state, WCHAR *buf, int size, UINT flags );

/* The display driver's layout (the X server's keymap) first, the US table when it has none. */
int layout_to_unicode( UINT vk, UINT scan, const BYTE *state, WCHAR *buf, int size, UINT flags )
{
    INT32 ret = call_driver()->to_unicode( vk, scan, state, buf, size, flags );
    if (ret != -2) return ret;
    return us_to_unicode( vk, scan, state, buf, size, flags );
}

static int us_to_unicode( UINT vk, UINT scan, const BYTE *state, WCHAR *buf, int size, UINT flags )
{
    BOOL shift = (state[VK_SHIFT] & 0x80) != 0, ctrl = (state[VK_CONTROL] & 0x80) != 0;
    BOOL alt = (state[VK_MENU] & 0x80) != 0, caps = (state[VK_CAPITAL] & 0x01) != 0;
    WCHAR ch = 0;

    if (vk >= 256 || size < 1) return 0;
    if (ctrl && alt) return 0; /* AltGr: nothing on the US layout */
    if (vk >= 'A' && vk <= 'Z')
    {
        if (ctrl) ch = vk - 'A' + 1;
        else ch = (shift != caps) ? vk : vk - 'A' + 'a';
    }
    else if (ctrl)
    {
        /* the control characters the US layout produces */
        switch (vk)
        {
        case VK_OEM_4: ch = 0x1b; break;
        case VK_OEM_5: ch = 0x1c; break;
        case VK_OEM_6: ch = 0x1d; break;
        case VK_RETURN: ch = '\n'; break;
        case VK_BACK: ch = 0x7f; break;
        case VK_SPACE: ch = ' '; break;
        case VK_ESCAPE: ch = 0x1b; break;
        case '2': if (shift) ch = 0; break;
        case '6': if (shift) ch = 0x1e; break;
        case VK_OEM_MINUS: if (shift) ch = 0x1f; break;
        }
    }
    else ch = vk_chars[vk][shift ? 1 : 0];
    if (vk >= VK_NUMPAD0 && vk <= VK_NUMPAD9 && !(state[VK_NUMLOCK] & 0x01)) ch = 0;
    if (!ch) return 0;
    buf[0] = ch;
    if (size > 1) buf[1] = 0;
    return 1;
}

/***********************************************************************
 *      ToUnicodeEx (USER32.@)
 */
INT WINAPI ToUnicodeEx( UINT vk, UINT scan, const BYTE *state, WCHAR *buf, INT size, UINT flags, HKL layout )
{
    TRACE( "%#x %#x %p %p %d %#x %p\n", vk, scan, state, buf, size, flags, layout );
    if (!state || !buf) return 0;
    if (scan & 0x8000) return 0; /* a key release gives no character */
    return layout_to_unicode( vk, scan, state, buf, size, flags );
}

/***********************************************************************
 *      ToUnicode (USER32.@)
 */
INT WINAPI ToUnicode( UINT vk, UINT scan, const BYTE *state, WCHAR *buf, INT size, UINT flags )
{
    TRACE( "%#x %#x %p %p %d %#x\n", vk, scan, state, buf, size, flags );
    return ToUnicodeEx( vk, scan, state, buf, size, flags, US_LAYOUT );
}

/***********************************************************************
 *      ToAsciiEx (USER32.@)
 */
INT WINAPI ToAsciiEx( UINT vk, UINT scan, const BYTE *state, WORD *chars, UINT flags, HKL layout )
{
    WCHAR buf[2];
    INT ret = ToUnicodeEx( vk, scan, state, buf, ARRAY_SIZE(buf), flags, layout );
    char ch;

    TRACE( "%#x %#x %p %p %#x %p\n", vk, scan, state, chars, flags, layout );

    if (ret <= 0 || !chars) return ret;
    if (WideCharToMultiByte( CP_ACP, 0, buf, 1, &ch, 1, NULL, NULL ) != 1) return 0;
    *chars = (BYTE)ch;
    return 1;
}

/***********************************************************************
 *      ToAscii (USER32.@)
 */
INT WINAPI ToAscii( UINT vk, UINT scan, const BYTE *state, WORD *chars, UINT flags )
{
    TRACE( "%#x %#x %p %p %#x\n", vk, scan, state, chars, flags );
    return ToAsciiEx( vk, scan, state, chars, flags, US_LAYOUT );
}

/***********************************************************************
 *      MapVirtualKeyExW (USER32.@)
 */
UINT WINAPI MapVirtualKeyExW( UINT code, UINT type, HKL layout )
{
    BYTE state[256] = { 0 };
    WCHAR ch;
    UINT ret = 0;

    TRACE( "%#x %u %p\n", code, type, layout );
    if ((ret = call_driver()->map_virtual_key( code, type )) != ~0u) return ret;
    ret = 0;
    switch (type)
    {
    case MAPVK_VK_TO_VSC:
    case MAPVK_VK_TO_VSC_EX:
        if (code == VK_SHIFT) code = VK_LSHIFT;
        ret = layout_vk_to_scan( code );
        break;
    case MAPVK_VSC_TO_VK:
    case MAPVK_VSC_TO_VK_EX:
        ret = layout_scan_to_vk( code );
        if (type == MAPVK_VSC_TO_VK && (ret == VK_LSHIFT || ret == VK_RSHIFT)) ret = VK_SHIFT;
        if (type == MAPVK_VSC_TO_VK && (ret == VK_LCONTROL || ret == VK_RCONTROL)) ret = VK_CONTROL;
        if (type == MAPVK_VSC_TO_VK && (ret == VK_LMENU || ret == VK_RMENU)) ret = VK_MENU;
        break;
    case MAPVK_VK_TO_CHAR:
        if (code >= 'A' && code <= 'Z') ret = code;
        else if (layout_to_unicode( code, 0, state, &ch, 1, 0 ) == 1) ret = ch;
        break;
    default:
        WARN( "unknown type %u\n", type );
        break;
    }
    return ret;
}

/***********************************************************************
 *      MapVirtualKeyExA (USER32.@)
 */
UINT WINAPI MapVirtualKeyExA( UINT code, UINT type, HKL layout )
{
    TRACE( "%#x %#x %p\n", code, type, layout );
    return MapVirtualKeyExW( code, type, layout );
}

/***********************************************************************
 *      MapVirtualKeyW (USER32.@)
 */
UINT WINAPI MapVirtualKeyW( UINT code, UINT type )
{
    TRACE( "%#x %#x\n", code, type );
    return MapVirtualKeyExW( code, type, US_LAYOUT );
}

/***********************************************************************
 *      MapVirtualKeyA (USER32.@)
 */
UINT WINAPI MapVirtualKeyA( UINT code, UINT type )
{
    return MapVirtualKeyExW( code, type, US_LAYOUT );
}

/***********************************************************************
 *      VkKeyScanExW (USER32.@)
 */
WORD WINAPI VkKeyScanExW( WCHAR ch, HKL layout )
{
    UINT vk;
    INT32 res;

    TRACE( "%#x %p\n", ch, layout );
    if ((res = call_driver()->vk_key_scan( ch )) != -2) return res;
    if (ch >= 'a' && ch <= 'z') return ch - 'a' + 'A';
    if (ch >= 'A' && ch <= 'Z') return 0x100 | ch; /* shift */
    if (ch >= 1 && ch <= 26) return 0x200 | (ch - 1 + 'A'); /* ctrl */
    for (vk = 0; vk < 256; vk++)
    {
        if (vk >= VK_NUMPAD0 && vk <= VK_DIVIDE) continue;
        if (vk_chars[vk][0] == ch) return vk;
        if (vk_chars[vk][1] == ch) return 0x100 | vk;
    }
    return -1;
}

/***********************************************************************
 *      VkKeyScanExA (USER32.@)
 */
WORD WINAPI VkKeyScanExA( CHAR ch, HKL layout )
{
    WCHAR wch;

    TRACE( "%#x %p\n", ch, layout );
    if (MultiByteToWideChar( CP_ACP, 0, &ch, 1, &wch, 1 ) != 1) return -1;
    return VkKeyScanExW( wch, layout );
}

/***********************************************************************
 *      VkKeyScanW (USER32.@)
 */
SHORT WINAPI VkKeyScanW( WCHAR ch )
{
    TRACE( "%#x\n", ch );
    return VkKeyScanExW( ch, US_LAYOUT );
}

/***********************************************************************
 *      VkKeyScanA (USER32.@)
 */
SHORT WINAPI VkKeyScanA( CHAR ch )
{
    TRACE( "%#x\n", ch );
    return VkKeyScanExA( ch, US_LAYOUT );
}

/***********************************************************************
 *      GetKeyboardLayout (USER32.@)
 */
HKL WINAPI GetKeyboardLayout( DWORD tid )
{
    TRACE( "%#lx\n", tid );
    return US_LAYOUT;
}

/***********************************************************************
 *      GetKeyboardLayoutList (USER32.@)
 */
UINT WINAPI GetKeyboardLayoutList( INT size, HKL *layouts )
{
    TRACE( "%d %p\n", size, layouts );
    if (size > 0 && layouts) layouts[0] = US_LAYOUT;
    return 1;
}

/***********************************************************************
 *      GetKeyboardType (USER32.@)
 */
INT WINAPI GetKeyboardType( INT type )
{
    TRACE( "%d\n", type );
    switch (type)
    {
    case 0: return 4;  /* enhanced 101/102 keys */
    case 1: return 0;
    case 2: return 12; /* function keys */
    }
    return 0;
}

/***********************************************************************
 *      GetKeyNameTextW (USER32.@)
 */
INT WINAPI GetKeyNameTextW( LONG lparam, WCHAR *buf, INT size )
{
    static const WCHAR *names[0x60] =
    {
        [0x01] = L"Esc", [0x0e] = L"Backspace", [0x0f] = L"Tab", [0x1c] = L"Enter", [0x1d] = L"Ctrl",
        [0x2a] = L"Shift", [0x36] = L"Right Shift", [0x38] = L"Alt", [0x39] = L"Space", [0x3a] = L"Caps Lock",
        [0x3b] = L"F1", [0x3c] = L"F2", [0x3d] = L"F3", [0x3e] = L"F4", [0x3f] = L"F5", [0x40] = L"F6",
        [0x41] = L"F7", [0x42] = L"F8", [0x43] = L"F9", [0x44] = L"F10", [0x57] = L"F11", [0x58] = L"F12",
    };
    UINT scan = (lparam >> 16) & 0xff, vk;
    INT32 ret;
    WCHAR ch;
    BYTE state[256] = { 0 };

    TRACE( "%#lx %p %d\n", lparam, buf, size );
    if (!buf || size <= 0) return 0;
    if ((ret = call_driver()->get_key_name( lparam, buf, size )) != -1) return ret;
    if (scan < ARRAY_SIZE(names) && names[scan])
    {
        lstrcpynW( buf, names[scan], size );
        return lstrlenW( buf );
    }
    vk = layout_scan_to_vk( scan );
    if (vk && us_to_unicode( vk, scan, state, &ch, 1, 0 ) == 1 && ch > ' ')
    {
        if (ch >= 'a' && ch <= 'z') ch -= 'a' - 'A';
        if (size < 2)
        {
            buf[0] = 0;
            return 0;
        }
        buf[0] = ch;
        buf[1] = 0;
        return 1;
    }
    buf[0] = 0;
    return 0;
}

/***********************************************************************
 *      GetKeyNameTextA (USER32.@)
 */
INT WINAPI GetKeyNameTextA( LONG lparam, LPSTR buf, INT size )
{
    WCHAR name[64];
    INT len;

    TRACE( "%#lx %p %d\n", lparam, buf, size );

    if (!buf || size <= 0) return 0;
    if (!GetKeyNameTextW( lparam, name, ARRAY_SIZE(name) ))
    {
        buf[0] = 0;
        return 0;
    }
    len = WideCharToMultiByte( CP_ACP, 0, name, -1, buf, size, NULL, NULL );
    if (!len)
    {
        buf[size - 1] = 0;
        return size - 1;
    }
    return len - 1;
}
