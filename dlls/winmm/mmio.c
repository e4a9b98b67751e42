/*
 * Multimedia file I/O helpers: mmioStringToFOURCC.
 */

#include <ctype.h>
#include "winmm_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(mmio);

/***********************************************************************
 *      mmioStringToFOURCCA   (WINMM.@)
 *
 * MSDN: the string is copied into the code, truncated or padded with blanks to four characters;
 * MMIO_TOUPPER uppercases it. No other check is made on the characters.
 */
FOURCC WINAPI mmioStringToFOURCCA( LPCSTR str, UINT flags )
{
    unsigned char code[4];
    FOURCC ret;
    int i;

    for (i = 0; i < 4 && str && str[i]; i++)
        code[i] = (flags & MMIO_TOUPPER) ? toupper( (unsigned char)str[i] ) : (unsigned char)str[i];
    for (; i < 4; i++) code[i] = ' ';
    ret = mmioFOURCC( code[0], code[1], code[2], code[3] );
    TRACE( "(%s, %#x) returning %s\n", debugstr_a(str), flags, debugstr_an( (const char *)&ret, 4 ) );
    return ret;
}

/***********************************************************************
 *      mmioStringToFOURCCW   (WINMM.@)
 */
FOURCC WINAPI mmioStringToFOURCCW( LPCWSTR str, UINT flags )
{
    char narrow[5] = { 0 };

    TRACE( "(%s, %#x)\n", debugstr_w(str), flags );
    /* Only the first four characters count; converting more could only change the padding. */
    if (str) WideCharToMultiByte( CP_ACP, 0, str, wcsnlen( str, 4 ), narrow, 4, NULL, NULL );
    return mmioStringToFOURCCA( narrow, flags );
}
