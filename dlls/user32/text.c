/*
 * Character and string helpers: CharLower/Upper/Next/Prev, IsChar*, wsprintf, LoadString.
 *
 * Case mapping and character types follow the user's locale through kernel32 (LCMapStringW,
 * GetStringTypeW), as Windows documents for these functions; the ANSI forms go through the ANSI
 * code page.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(string);

/* The MS-format printf family of ntdll: `%s` is a wide string in the W form, as in wsprintfW. */
int __cdecl _vsnprintf( char *buf, size_t size, const char *format, va_list args );
int __cdecl _vsnwprintf( WCHAR *buf, size_t size, const WCHAR *format, va_list args );

/* MSDN: wsprintf writes at most 1024 characters, terminator included. */
#define WSPRINTF_MAX 1024

static DWORD map_case_w( WCHAR *str, DWORD len, DWORD flags )
{
    if (len) LCMapStringW( LOCALE_USER_DEFAULT, flags, str, len, str, len );
    return len;
}

/* Maps LEN bytes of an ANSI string in place through the ANSI code page. */
static DWORD map_case_a( char *str, DWORD len, DWORD flags )
{
    WCHAR stack[256], *wstr = stack;
    int wlen;

    if (!len) return 0;
    wlen = MultiByteToWideChar( CP_ACP, 0, str, len, NULL, 0 );
    if (wlen > ARRAY_SIZE(stack) && !(wstr = HeapAlloc( GetProcessHeap(), 0, wlen * sizeof(WCHAR) )))
        return 0;
    MultiByteToWideChar( CP_ACP, 0, str, len, wstr, wlen );
    map_case_w( wstr, wlen, flags );
    /* Case mapping keeps a character's byte length in the ANSI code pages Windows ships. */
    WideCharToMultiByte( CP_ACP, 0, wstr, wlen, str, len, NULL, NULL );
    if (wstr != stack) HeapFree( GetProcessHeap(), 0, wstr );
    return len;
}

/* MSDN: when the high word of the pointer is zero, the low word is a single character. */
static LPWSTR char_case_w( LPWSTR str, DWORD flags )
{
    if (!IS_INTRESOURCE( str ))
    {
        map_case_w( str, lstrlenW( str ), flags );
        return str;
    }
    else
    {
        WCHAR ch = LOWORD( str );
        map_case_w( &ch, 1, flags );
        return (LPWSTR)(ULONG_PTR)ch;
    }
}

static LPSTR char_case_a( LPSTR str, DWORD flags )
{
    if (!IS_INTRESOURCE( str ))
    {
        map_case_a( str, lstrlenA( str ), flags );
        return str;
    }
    else
    {
        char ch = LOBYTE( LOWORD( str ) );
        map_case_a( &ch, 1, flags );
        return (LPSTR)(ULONG_PTR)(BYTE)ch;
    }
}

LPWSTR WINAPI CharLowerW( LPWSTR str )
{
    return char_case_w( str, LCMAP_LOWERCASE );
}

LPWSTR WINAPI CharUpperW( LPWSTR str )
{
    return char_case_w( str, LCMAP_UPPERCASE );
}

LPSTR WINAPI CharLowerA( LPSTR str )
{
    return char_case_a( str, LCMAP_LOWERCASE );
}

LPSTR WINAPI CharUpperA( LPSTR str )
{
    return char_case_a( str, LCMAP_UPPERCASE );
}

DWORD WINAPI CharLowerBuffW( LPWSTR str, DWORD len )
{
    return str ? map_case_w( str, len, LCMAP_LOWERCASE ) : 0;
}

DWORD WINAPI CharUpperBuffW( LPWSTR str, DWORD len )
{
    return str ? map_case_w( str, len, LCMAP_UPPERCASE ) : 0;
}

DWORD WINAPI CharLowerBuffA( LPSTR str, DWORD len )
{
    return str ? map_case_a( str, len, LCMAP_LOWERCASE ) : 0;
}

DWORD WINAPI CharUpperBuffA( LPSTR str, DWORD len )
{
    return str ? map_case_a( str, len, LCMAP_UPPERCASE ) : 0;
}

LPWSTR WINAPI CharNextW( LPCWSTR ptr )
{
    return (LPWSTR)(*ptr ? ptr + 1 : ptr);
}

LPWSTR WINAPI CharPrevW( LPCWSTR start, LPCWSTR ptr )
{
    return (LPWSTR)(ptr > start ? ptr - 1 : start);
}

LPSTR WINAPI CharNextExA( WORD codepage, LPCSTR ptr, DWORD flags )
{
    if (!*ptr) return (LPSTR)ptr;
    if (IsDBCSLeadByteEx( codepage, *ptr ) && ptr[1]) return (LPSTR)ptr + 2;
    return (LPSTR)ptr + 1;
}

LPSTR WINAPI CharNextA( LPCSTR ptr )
{
    return CharNextExA( CP_ACP, ptr, 0 );
}

/* A lead byte can only be told from a trail byte by walking from the start of the string. */
LPSTR WINAPI CharPrevExA( WORD codepage, LPCSTR start, LPCSTR ptr, DWORD flags )
{
    LPCSTR prev = start;

    while (start < ptr)
    {
        prev = start;
        start = CharNextExA( codepage, start, flags );
        if (start == prev) break;
    }
    return (LPSTR)prev;
}

LPSTR WINAPI CharPrevA( LPCSTR start, LPCSTR ptr )
{
    return CharPrevExA( CP_ACP, start, ptr, 0 );
}

static WORD char_type_w( WCHAR ch )
{
    WORD type = 0;

    GetStringTypeW( CT_CTYPE1, &ch, 1, &type );
    return type;
}

static WORD char_type_a( CHAR ch )
{
    WCHAR wch;

    MultiByteToWideChar( CP_ACP, 0, &ch, 1, &wch, 1 );
    return char_type_w( wch );
}

BOOL WINAPI IsCharAlphaW( WCHAR ch )
{
    return !!(char_type_w( ch ) & C1_ALPHA);
}

BOOL WINAPI IsCharAlphaNumericW( WCHAR ch )
{
    return !!(char_type_w( ch ) & (C1_ALPHA | C1_DIGIT));
}

BOOL WINAPI IsCharLowerW( WCHAR ch )
{
    return !!(char_type_w( ch ) & C1_LOWER);
}

BOOL WINAPI IsCharUpperW( WCHAR ch )
{
    return !!(char_type_w( ch ) & C1_UPPER);
}

BOOL WINAPI IsCharAlphaA( CHAR ch )
{
    return !!(char_type_a( ch ) & C1_ALPHA);
}

BOOL WINAPI IsCharAlphaNumericA( CHAR ch )
{
    return !!(char_type_a( ch ) & (C1_ALPHA | C1_DIGIT));
}

BOOL WINAPI IsCharLowerA( CHAR ch )
{
    return !!(char_type_a( ch ) & C1_LOWER);
}

BOOL WINAPI IsCharUpperA( CHAR ch )
{
    return !!(char_type_a( ch ) & C1_UPPER);
}

/* wsprintf: the MS printf format without floating point, truncated to 1024 characters. The
 * return value is the number of characters stored, terminator excluded. */
INT WINAPI wvsprintfW( LPWSTR buffer, LPCWSTR format, va_list args )
{
    int len = _vsnwprintf( buffer, WSPRINTF_MAX, format, args );

    if (len >= 0 && len < WSPRINTF_MAX) return len;
    /* Truncated: whether the CRT left a terminator or not, the result is 1023 characters. */
    buffer[WSPRINTF_MAX - 1] = 0;
    return lstrlenW( buffer );
}

INT WINAPI wvsprintfA( LPSTR buffer, LPCSTR format, va_list args )
{
    int len = _vsnprintf( buffer, WSPRINTF_MAX, format, args );

    if (len >= 0 && len < WSPRINTF_MAX) return len;
    /* Truncated: whether the CRT left a terminator or not, the result is 1023 characters. */
    buffer[WSPRINTF_MAX - 1] = 0;
    return lstrlenA( buffer );
}

INT WINAPIV wsprintfW( LPWSTR buffer, LPCWSTR format, ... )
{
    va_list args;
    INT ret;

    va_start( args, format );
    ret = wvsprintfW( buffer, format, args );
    va_end( args );
    return ret;
}

INT WINAPIV wsprintfA( LPSTR buffer, LPCSTR format, ... )
{
    va_list args;
    INT ret;

    va_start( args, format );
    ret = wvsprintfA( buffer, format, args );
    va_end( args );
    return ret;
}

/* String resources come in blocks of 16, each string a length-prefixed UTF-16 run. */
static const WCHAR *find_string_resource( HINSTANCE instance, UINT id, UINT *len )
{
    const WCHAR *p;
    HRSRC rsrc;
    HGLOBAL mem;
    UINT i;

    if (!(rsrc = FindResourceW( instance, MAKEINTRESOURCEW( (LOWORD(id) >> 4) + 1 ), (LPWSTR)RT_STRING )))
        return NULL;
    if (!(mem = LoadResource( instance, rsrc )) || !(p = LockResource( mem ))) return NULL;
    for (i = 0; i < (id & 0x0f); i++) p += *p + 1;
    *len = *p;
    return p + 1;
}

INT WINAPI LoadStringW( HINSTANCE instance, UINT id, LPWSTR buffer, INT size )
{
    const WCHAR *str;
    UINT len = 0;

    TRACE( "%p, %u, %p, %d\n", instance, id, buffer, size );

    if (!buffer)
    {
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    str = find_string_resource( instance, id, &len );
    /* MSDN: a zero size asks for a read-only pointer to the resource itself. */
    if (!size)
    {
        *(const WCHAR **)buffer = str;
        return str ? len : 0;
    }
    if (!str) len = 0;
    if (len > (UINT)size - 1) len = size - 1;
    if (len) memcpy( buffer, str, len * sizeof(WCHAR) );
    buffer[len] = 0;
    TRACE( "-> %s\n", debugstr_wn( buffer, len ) );
    return len;
}

INT WINAPI LoadStringA( HINSTANCE instance, UINT id, LPSTR buffer, INT size )
{
    const WCHAR *str;
    UINT len = 0;
    int ret = 0;

    TRACE( "%p, %u, %p, %d\n", instance, id, buffer, size );

    if (!buffer || size <= 0)
    {
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    if ((str = find_string_resource( instance, id, &len )) && len)
        ret = WideCharToMultiByte( CP_ACP, 0, str, len, buffer, size - 1, NULL, NULL );
    buffer[ret] = 0;
    return ret;
}
