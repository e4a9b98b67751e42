/*
 * The MCI functions msvfw32 imports: error texts, and commands failing cleanly when no MCI
 * device can serve them.
 */

#include <windows.h>
#include <mmsystem.h>
#include "wine/test.h"

START_TEST(mci)
{
    WCHAR bufW[256];
    char bufA[256];
    BOOL ret;

    /* MSDN: TRUE for a known error code, with its text; FALSE for an unknown one */
    memset( bufW, 0xcc, sizeof(bufW) );
    ret = mciGetErrorStringW( MCIERR_UNSUPPORTED_FUNCTION, bufW, ARRAY_SIZE(bufW) );
    ok( ret, "mciGetErrorStringW failed\n" );
    ok( bufW[0] && wcslen( bufW ) < ARRAY_SIZE(bufW), "no text\n" );
    ret = mciGetErrorStringA( MCIERR_INVALID_DEVICE_ID, bufA, sizeof(bufA) );
    ok( ret, "mciGetErrorStringA failed\n" );
    ok( bufA[0], "no text\n" );
    ret = mciGetErrorStringA( MCIERR_FILE_NOT_FOUND, bufA, 5 );
    ok( ret, "mciGetErrorStringA with a short buffer failed\n" );
    ok( strlen( bufA ) < 5, "text %s overflows\n", bufA );
    ret = mciGetErrorStringW( 0x7fff, bufW, ARRAY_SIZE(bufW) );
    ok( !ret, "unknown code gave %s\n", wine_dbgstr_w(bufW) );
    ret = mciGetErrorStringW( MCIERR_UNSUPPORTED_FUNCTION, NULL, 10 );
    ok( !ret, "NULL buffer succeeded\n" );
}
