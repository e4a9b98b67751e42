/*
 * mmioStringToFOURCC, which msvfw32 imports.
 */

#include <windows.h>
#include <mmsystem.h>
#include "wine/test.h"

START_TEST(mmio)
{
    static const struct { const char *str; UINT flags; FOURCC code; } tests[] =
    {
        /* MSDN: copied, padded with blanks or truncated to four characters */
        { "RIFF", 0, mmioFOURCC('R','I','F','F') },
        { "abc", 0, mmioFOURCC('a','b','c',' ') },
        { "a", 0, mmioFOURCC('a',' ',' ',' ') },
        { "", 0, mmioFOURCC(' ',' ',' ',' ') },
        { "abcdef", 0, mmioFOURCC('a','b','c','d') },
        { "cvid", MMIO_TOUPPER, mmioFOURCC('C','V','I','D') },
        { "mRle", MMIO_TOUPPER, mmioFOURCC('M','R','L','E') },
        { "vidc", 0, mmioFOURCC('v','i','d','c') },
    };
    WCHAR wide[16];
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(tests); i++)
    {
        FOURCC code = mmioStringToFOURCCA( tests[i].str, tests[i].flags );
        ok( code == tests[i].code, "%s %#x: got %#lx, expected %#lx\n", tests[i].str,
            tests[i].flags, code, tests[i].code );
        MultiByteToWideChar( CP_ACP, 0, tests[i].str, -1, wide, ARRAY_SIZE(wide) );
        code = mmioStringToFOURCCW( wide, tests[i].flags );
        ok( code == tests[i].code, "W %s %#x: got %#lx, expected %#lx\n", tests[i].str,
            tests[i].flags, code, tests[i].code );
    }
}
