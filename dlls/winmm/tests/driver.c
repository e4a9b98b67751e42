/*
 * Installable drivers: OpenDriver, CloseDriver, SendDriverMessage, DefDriverProc,
 * GetDriverModuleHandle, the lookup paths, configuration messages and bad input, checked with
 * the logging test drivers (drvlog.h).
 */

#include "drvtest.h"

/* Not in Wine's headers; MSDN keeps it for compatibility (same as GetDriverModuleHandle). */
HMODULE WINAPI DrvGetModuleHandle( HDRVR hdrvr );

static struct drvlog_entry logbuf[64];

static const struct message open_first_seq[] =
{
    { DRV_LOAD, driver },
    { DRV_ENABLE, driver },
    { DRV_OPEN, driver|wparam|lparam, 0, 0 },
    { 0 }
};

static const struct message close_last_seq[] =
{
    { DRV_CLOSE, driver|wparam|lparam, 0, 0 },
    { DRV_DISABLE, driver },
    { DRV_FREE, driver },
    { 0 }
};

static const struct message open_session_seq[] =
{
    { DRV_LOAD, driver },
    { DRV_ENABLE, driver },
    { DRV_OPEN, driver|wparam|lparam, 0, 0x1234 },
    { 0 }
};

static const struct message open_again_seq[] =
{
    { DRV_OPEN, driver|wparam|lparam, 0, 0x5678 },
    { 0 }
};

static const struct message close_seq[] =
{
    { DRV_CLOSE, driver|wparam|lparam, 0x11, 0x22 },
    { 0 }
};

static const struct message close_last_params_seq[] =
{
    { DRV_CLOSE, driver|wparam|lparam, 3, 4 },
    { DRV_DISABLE, driver },
    { DRV_FREE, driver },
    { 0 }
};

static const struct message custom_seq[] =
{
    { DRVLOG_ECHO, driver|wparam|lparam, 5, 7 },
    { DRVLOG_RESERVED, driver|wparam|lparam, 50, 8 },
    { 0 }
};

static const struct message empty_seq[] = { { 0 } };

static const struct message failload_seq[] =
{
    { DRV_LOAD, driver },
    { 0 }
};

static const struct message failopen_seq[] =
{
    { DRV_LOAD, driver },
    { DRV_ENABLE, driver },
    { DRV_OPEN, driver|wparam|lparam, 0, 0 },
    { DRV_DISABLE, driver },
    { DRV_FREE, driver },
    { 0 }
};

static BOOL module_loaded( const WCHAR *name )
{
    return GetModuleHandleW( name ) != NULL;
}

/* The life of one driver module: LOAD, ENABLE, OPEN for the first instance, OPEN for the next,
 * CLOSE for all but the last, CLOSE, DISABLE, FREE for the last. */
static void test_lifecycle( void )
{
    HDRVR h1, h2;
    DWORD_PTR id1, id2;
    unsigned int n;
    LRESULT ret;

    /* lParam2 == 0: Wine's builtin and ours agree. */
    drvlog_reset();
    h1 = OpenDriver( L"drvlog.dll", NULL, 0 );
    ok( h1 != NULL, "OpenDriver failed\n" );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( open_first_seq, "first open", FALSE );
    if (n == 3)
    {
        /* MSDN DRV_LOAD: "The hdrvr parameter is always zero." */
        todo_builtin ok( logbuf[0].hdrvr == 0, "DRV_LOAD hdrvr %p\n", logbuf[0].hdrvr );
        ok( logbuf[0].id == 0, "DRV_LOAD id %#Ix\n", logbuf[0].id );
        ok( logbuf[1].hdrvr == h1, "DRV_ENABLE hdrvr %p, expected %p\n", logbuf[1].hdrvr, h1 );
        ok( logbuf[2].hdrvr == h1, "DRV_OPEN hdrvr %p, expected %p\n", logbuf[2].hdrvr, h1 );
        ok( logbuf[2].lparam1 == 0, "DRV_OPEN lParam1 %#Ix\n", logbuf[2].lparam1 );
    }
    ok( module_loaded( L"drvlog.dll" ), "drvlog.dll not loaded\n" );
    ok( GetDriverModuleHandle( h1 ) == GetModuleHandleW( L"drvlog.dll" ),
        "GetDriverModuleHandle %p\n", GetDriverModuleHandle( h1 ) );
    ok( DrvGetModuleHandle( h1 ) == GetModuleHandleW( L"drvlog.dll" ),
        "DrvGetModuleHandle %p\n", DrvGetModuleHandle( h1 ) );

    ret = CloseDriver( h1, 0, 0 );
    ok( ret, "CloseDriver returned %Id\n", ret );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( close_last_seq, "last close", FALSE );
    if (n == 3)
    {
        ok( logbuf[0].hdrvr == h1, "DRV_CLOSE hdrvr %p\n", logbuf[0].hdrvr );
        ok( logbuf[2].hdrvr == h1, "DRV_FREE hdrvr %p\n", logbuf[2].hdrvr );
    }
    ok( !module_loaded( L"drvlog.dll" ), "drvlog.dll still loaded\n" );

    /* lParam2 != 0 on the first instance: Wine's builtin first opens a hidden "session"
     * instance with lParam2 = 0. MSDN (OpenDriver, DRV_OPEN) knows of no such instance: every
     * OpenDriver is one DRV_OPEN with the caller's lParam, and that is what ours does. */
    h1 = OpenDriver( L"drvlog.dll", NULL, 0x1234 );
    ok( h1 != NULL, "OpenDriver failed\n" );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    todo_builtin ok_sequence( open_session_seq, "first open, lParam2 0x1234", FALSE );
    id1 = n ? logbuf[n - 1].result : 0;
    ok( id1 != 0, "no driver id\n" );

    h2 = OpenDriver( L"drvlog.dll", NULL, 0x5678 );
    ok( h2 != NULL && h2 != h1, "OpenDriver returned %p, first %p\n", h2, h1 );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( open_again_seq, "second open", FALSE );
    id2 = n == 1 ? logbuf[0].result : 0;
    ok( id2 != 0 && id2 != id1, "driver ids %#Ix %#Ix\n", id1, id2 );
    if (n == 1) ok( logbuf[0].hdrvr == h2, "DRV_OPEN hdrvr %p\n", logbuf[0].hdrvr );

    /* custom messages pass through with both parameters and the driver's result */
    ret = SendDriverMessage( h1, DRVLOG_ECHO, 5, 7 );
    ok( ret == 19, "DRVLOG_ECHO returned %Id\n", ret );
    ret = SendDriverMessage( h2, DRVLOG_RESERVED, 50, 8 );
    ok( ret == 42, "DRVLOG_RESERVED returned %Id\n", ret );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( custom_seq, "custom messages", FALSE );
    if (n == 2)
    {
        ok( logbuf[0].id == id1 && logbuf[0].hdrvr == h1, "ECHO got id %#Ix hdrvr %p\n",
            logbuf[0].id, logbuf[0].hdrvr );
        ok( logbuf[1].id == id2 && logbuf[1].hdrvr == h2, "RESERVED got id %#Ix hdrvr %p\n",
            logbuf[1].id, logbuf[1].hdrvr );
    }

    ret = CloseDriver( h1, 0x11, 0x22 );
    ok( ret, "CloseDriver returned %Id\n", ret );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( close_seq, "first close", FALSE );
    if (n == 1) ok( logbuf[0].id == id1, "DRV_CLOSE id %#Ix, expected %#Ix\n", logbuf[0].id, id1 );

    /* a closed handle is dead: no message reaches the driver */
    ret = CloseDriver( h1, 0, 0 );
    ok( !ret, "second CloseDriver returned %Id\n", ret );
    ret = SendDriverMessage( h1, DRVLOG_ECHO, 1, 1 );
    ok( !ret, "SendDriverMessage to a closed handle returned %Id\n", ret );
    ok( !GetDriverModuleHandle( h1 ), "GetDriverModuleHandle of a closed handle\n" );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( empty_seq, "closed handle", FALSE );

    ret = CloseDriver( h2, 3, 4 );
    ok( ret, "CloseDriver returned %Id\n", ret );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    /* Wine's builtin closes its hidden session instance here too. */
    todo_builtin ok_sequence( close_last_params_seq, "last close", FALSE );
    if (n) ok( logbuf[n - 1].msg == DRV_FREE, "last message %#x\n", logbuf[n - 1].msg );
    if (n >= 1) ok( logbuf[0].id == id2, "DRV_CLOSE id %#Ix, expected %#Ix\n", logbuf[0].id, id2 );
    ok( !module_loaded( L"drvlog.dll" ), "drvlog.dll still loaded\n" );
}

/* A DRV_CLOSE answered with 0 still closes the instance: there is nothing a caller could do
 * with a half-closed handle. MSDN only says CloseDriver "returns nonzero if successful". */
static void test_close_refused( void )
{
    LRESULT ret;
    HDRVR h;

    drvlog_reset();
    h = OpenDriver( L"drvlog.dll", NULL, 0 );
    ok( h != NULL, "OpenDriver failed\n" );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    drvlog->close_result = 0;
    ret = CloseDriver( h, 0, 0 );
    ok( ret, "CloseDriver returned %Id\n", ret );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( close_last_seq, "refused close", FALSE );
    ok( !SendDriverMessage( h, DRVLOG_ECHO, 1, 2 ), "instance still open\n" );
    ok( !module_loaded( L"drvlog.dll" ), "drvlog.dll still loaded\n" );
    drvlog_reset();
}

static void test_failures( void )
{
    HDRVR h;

    drvlog_reset();
    h = OpenDriver( L"drvfailload.dll", NULL, 0 );
    ok( !h, "OpenDriver returned %p\n", h );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( failload_seq, "DRV_LOAD fails", FALSE );
    ok( !module_loaded( L"drvfailload.dll" ), "drvfailload.dll still loaded\n" );

    h = OpenDriver( L"drvfailopen.dll", NULL, 0 );
    ok( !h, "OpenDriver returned %p\n", h );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    /* MSDN DRV_FREE: "always the last message that a device driver receives": a driver that
     * was loaded and enabled is disabled and freed before it goes. Wine's builtin unloads it
     * after the failed DRV_OPEN without another message. */
    todo_builtin ok_sequence( failopen_seq, "DRV_OPEN fails", FALSE );
    ok( !module_loaded( L"drvfailopen.dll" ), "drvfailopen.dll still loaded\n" );
}

static void test_bad_input( void )
{
    static const ULONG_PTR bad[] = { 0, 1, 0x10001, 0x7fff0001, 0xdeadbeef, 0x12345678,
                                     (ULONG_PTR)-1 };
    HDRVR h, h2;
    unsigned int i;
    LRESULT ret;

    drvlog_reset();
    /* A NULL name fails cleanly in ours; Wine's builtin dereferences it. */
    if (!builtin_winmm)
    {
        h = OpenDriver( NULL, NULL, 0 );
        ok( !h, "OpenDriver(NULL) returned %p\n", h );
        h = OpenDriverA( NULL, NULL, 0 );
        ok( !h, "OpenDriverA(NULL) returned %p\n", h );
    }
    else skip( "Wine's builtin OpenDriver crashes on a NULL name\n" );
    h = OpenDriver( L"", NULL, 0 );
    ok( !h, "OpenDriver(\"\") returned %p\n", h );
    h = OpenDriver( L"usermm_no_such_driver.dll", NULL, 0 );
    ok( !h, "OpenDriver(missing file) returned %p\n", h );
    h = OpenDriver( L"usermm_no_such_driver.dll", L"usermm_no_such_section", 0 );
    ok( !h, "OpenDriver(missing section) returned %p\n", h );
    /* a DLL without a DriverProc */
    h = OpenDriver( L"advapi32.dll", NULL, 0 );
    ok( !h, "OpenDriver(advapi32.dll) returned %p\n", h );

    for (i = 0; i < ARRAY_SIZE(bad); i++)
    {
        winetest_push_context( "handle %#Ix", bad[i] );
        ret = SendDriverMessage( (HDRVR)bad[i], DRVLOG_ECHO, 1, 2 );
        ok( !ret, "SendDriverMessage returned %Id\n", ret );
        ret = CloseDriver( (HDRVR)bad[i], 0, 0 );
        ok( !ret, "CloseDriver returned %Id\n", ret );
        ok( !GetDriverModuleHandle( (HDRVR)bad[i] ), "GetDriverModuleHandle succeeded\n" );
        winetest_pop_context();
    }
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( empty_seq, "bad handles", FALSE );

    /* a stale handle stays dead when its slot is reused */
    h = OpenDriver( L"drvlog.dll", NULL, 0 );
    ok( h != NULL, "OpenDriver failed\n" );
    CloseDriver( h, 0, 0 );
    h2 = OpenDriver( L"drvlog.dll", NULL, 0 );
    ok( h2 != NULL, "OpenDriver failed\n" );
    /* Ours never hands out a closed handle's value again soon; Wine's builtin uses heap
     * addresses, which may come back. MSDN only requires handles of open instances to differ. */
    if (h2 != h)
    {
        drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
        ret = SendDriverMessage( h, DRVLOG_ECHO, 1, 2 );
        ok( !ret, "stale handle reached the driver: %Id\n", ret );
        ret = CloseDriver( h, 0, 0 );
        ok( !ret, "CloseDriver on a stale handle returned %Id\n", ret );
        drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
        ok_sequence( empty_seq, "stale handle", FALSE );
    }
    else ok( builtin_winmm, "our winmm reused handle %p at once\n", h );

    /* Near misses of a live handle, and the handles of slot 0 (which NULL selects): ours
     * compares a handle with its slot's key, so these are what a wrong key would let through.
     * To Wine's builtin they are just other bad pointers. */
    {
        const ULONG_PTR near[] = { (ULONG_PTR)h2 ^ 0x10000, (ULONG_PTR)h2 | 0x80000000,
                                   (ULONG_PTR)h2 | (ULONG_PTR)1 << 32, (ULONG_PTR)h2 & 0xffff,
                                   (ULONG_PTR)h2 & ~(ULONG_PTR)0xffff, (ULONG_PTR)h2 ^ 1,
                                   0x10000, 0x7fff0000, ~(ULONG_PTR)0xffff };

        drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
        for (i = 0; i < ARRAY_SIZE(near); i++)
        {
            winetest_push_context( "handle %#Ix (open: %p)", near[i], h2 );
            ret = SendDriverMessage( (HDRVR)near[i], DRVLOG_ECHO, 1, 2 );
            ok( !ret, "SendDriverMessage returned %Id\n", ret );
            ok( !GetDriverModuleHandle( (HDRVR)near[i] ), "GetDriverModuleHandle succeeded\n" );
            ret = CloseDriver( (HDRVR)near[i], 0, 0 );
            ok( !ret, "CloseDriver returned %Id\n", ret );
            winetest_pop_context();
        }
        drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
        ok_sequence( empty_seq, "near misses", FALSE );
    }
    ok( SendDriverMessage( h2, DRVLOG_ECHO, 1, 2 ) == 5, "new handle does not work\n" );
    ok( CloseDriver( h2, 0, 0 ), "CloseDriver failed\n" );
    ok( !module_loaded( L"drvlog.dll" ), "drvlog.dll still loaded\n" );
}

static void test_defdriverproc( void )
{
    static const struct { UINT msg; LRESULT ret; } tests[] =
    {
        { DRV_LOAD, 1 }, { DRV_ENABLE, 1 }, { DRV_DISABLE, 1 }, { DRV_FREE, 1 },
        { DRV_INSTALL, DRVCNF_OK }, { DRV_REMOVE, DRVCNF_OK },
        { DRV_OPEN, 0 }, { DRV_CLOSE, 0 }, { DRV_QUERYCONFIGURE, 0 }, { DRV_CONFIGURE, 0 },
        { DRV_POWER, 0 }, { DRV_EXITSESSION, 0 }, { DRV_EXITAPPLICATION, 0 },
        /* MSDN: custom messages passed to DefDriverProc are ignored */
        { DRV_RESERVED + 3, 0 }, { DRV_USER, 0 }, { DRV_USER + 77, 0 },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(tests); i++)
    {
        LRESULT ret = DefDriverProc( 1, (HDRVR)0x10001, tests[i].msg, 2, 3 );
        ok( ret == tests[i].ret, "DefDriverProc(%#x) returned %Id, expected %Id\n", tests[i].msg,
            ret, tests[i].ret );
    }
}

static const WCHAR drivers32_key[] = L"Software\\Microsoft\\Windows NT\\CurrentVersion\\Drivers32";
static const WCHAR section_key[] = L"Software\\Microsoft\\Windows NT\\CurrentVersion\\usermm.testsection";

static BOOL set_reg_value( const WCHAR *path, const WCHAR *name, const WCHAR *value )
{
    HKEY key;
    LONG err;

    if (RegCreateKeyExW( HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL ))
        return FALSE;
    if (value)
        err = RegSetValueExW( key, name, 0, REG_SZ, (const BYTE *)value,
                              (wcslen( value ) + 1) * sizeof(WCHAR) );
    else err = RegDeleteValueW( key, name );
    RegCloseKey( key );
    return !err;
}

/* Opens name from section, checks DRV_OPEN's configuration text, closes it. */
static void check_lookup( const WCHAR *name, const WCHAR *section, const WCHAR *text, int line )
{
    unsigned int i, n;
    HDRVR h;
    BOOL seen = FALSE;

    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    h = OpenDriver( name, section, 0 );
    ok_( __FILE__, line )( h != NULL, "OpenDriver(%s, %s) failed\n", wine_dbgstr_w(name),
                           wine_dbgstr_w(section) );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    for (i = 0; i < n && i < ARRAY_SIZE(logbuf); i++)
    {
        if (logbuf[i].msg != DRV_OPEN || logbuf[i].hdrvr != h) continue;
        seen = TRUE;
        if (text)
            ok_( __FILE__, line )( logbuf[i].lparam1 && !wcscmp( logbuf[i].text, text ),
                                   "DRV_OPEN text %s, expected %s\n", wine_dbgstr_w(logbuf[i].text),
                                   wine_dbgstr_w(text) );
        else
            ok_( __FILE__, line )( !logbuf[i].lparam1, "DRV_OPEN lParam1 %#Ix (%s), expected NULL\n",
                                   logbuf[i].lparam1, wine_dbgstr_w(logbuf[i].text) );
    }
    ok_( __FILE__, line )( seen || !h, "no DRV_OPEN for %p\n", h );
    if (h) CloseDriver( h, 0, 0 );
    flush_sequence();
}

static void test_lookup( void )
{
    HDRVR h;

    drvlog_reset();
    if (!set_reg_value( drivers32_key, L"usermm.test.reg", L"drvlog.dll  reg config text" ))
    {
        skip( "cannot write HKLM\\%s\n", wine_dbgstr_w(drivers32_key) );
        return;
    }
    /* Drivers32 value: the text after the file name is DRV_OPEN's lParam1 */
    check_lookup( L"usermm.test.reg", NULL, L"reg config text", __LINE__ );
    h = OpenDriverA( "usermm.test.reg", NULL, 0 );
    ok( h != NULL, "OpenDriverA failed\n" );
    if (h) CloseDriver( h, 0, 0 );

    /* a key of its own, given as the section */
    ok( set_reg_value( section_key, L"mydrv", L"drvlog.dll" ), "cannot write the section key\n" );
    check_lookup( L"mydrv", L"usermm.testsection", NULL, __LINE__ );
    h = OpenDriver( L"mydrv", NULL, 0 );
    ok( !h, "found a section's value in Drivers32\n" );

    /* system.ini [drivers32], and a section of its own */
    WritePrivateProfileStringW( L"drivers32", L"usermm.test.ini", L"drvlog.dll ini text",
                                L"system.ini" );
    WritePrivateProfileStringW( L"usermm.inisection", L"inidrv", L"drvlog.dll", L"system.ini" );
    check_lookup( L"usermm.test.ini", NULL, L"ini text", __LINE__ );
    check_lookup( L"inidrv", L"usermm.inisection", NULL, __LINE__ );

    /* the registry comes before system.ini */
    WritePrivateProfileStringW( L"drivers32", L"usermm.test.reg", L"drvfailload.dll from ini",
                                L"system.ini" );
    check_lookup( L"usermm.test.reg", NULL, L"reg config text", __LINE__ );

    /* the name as a file, with no section */
    check_lookup( L"drvlog.dll", NULL, NULL, __LINE__ );

    set_reg_value( drivers32_key, L"usermm.test.reg", NULL );
    RegDeleteKeyW( HKEY_LOCAL_MACHINE, section_key );
    WritePrivateProfileStringW( L"drivers32", L"usermm.test.ini", NULL, L"system.ini" );
    WritePrivateProfileStringW( L"drivers32", L"usermm.test.reg", NULL, L"system.ini" );
    WritePrivateProfileStringW( L"usermm.inisection", NULL, NULL, L"system.ini" );
    h = OpenDriver( L"usermm.test.reg", NULL, 0 );
    ok( !h, "removed value still opens\n" );
    ok( !module_loaded( L"drvlog.dll" ), "drvlog.dll still loaded\n" );
}

static const struct message configure_seq[] =
{
    { DRV_QUERYCONFIGURE, driver|wparam|lparam, 0, 0 },
    { DRV_CONFIGURE, driver|wparam, 0 },
    { DRV_INSTALL, driver|wparam, 0 },
    { DRV_PNPINSTALL, driver|wparam, 0 },
    { DRV_INSTALL, driver|wparam|lparam, 0, 0 },
    { DRV_REMOVE, driver|wparam|lparam, 0, 0 },
    { DRV_POWER, driver|wparam|lparam, 0, 0 },
    { DRV_EXITSESSION, driver|wparam|lparam, 0, 0 },
    { 0 }
};

/* Microsoft's "configuring an installable driver": DRV_QUERYCONFIGURE, then DRV_CONFIGURE with
 * a DRVCONFIGINFO; and DRV_INSTALL / DRV_PNPINSTALL / DRV_REMOVE: winmm passes them and the
 * driver's DRVCNF_* answer through unchanged. */
static void test_configure( void )
{
    DRVCONFIGINFO info = { sizeof(info), L"Drivers32", L"usermm.alias" };
    unsigned int n;
    LRESULT ret;
    HDRVR h;

    drvlog_reset();
    h = OpenDriver( L"drvlog.dll", NULL, 0 );
    ok( h != NULL, "OpenDriver failed\n" );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );

    drvlog->query_configure_result = 1;
    drvlog->configure_result = DRVCNF_RESTART;
    ret = SendDriverMessage( h, DRV_QUERYCONFIGURE, 0, 0 );
    ok( ret == 1, "DRV_QUERYCONFIGURE returned %Id\n", ret );
    ret = SendDriverMessage( h, DRV_CONFIGURE, 0, (LPARAM)&info );
    ok( ret == DRVCNF_RESTART, "DRV_CONFIGURE returned %Id\n", ret );
    drvlog->install_result = DRVCNF_CANCEL;
    ret = SendDriverMessage( h, DRV_INSTALL, 0, (LPARAM)&info );
    ok( ret == DRVCNF_CANCEL, "DRV_INSTALL returned %Id\n", ret );
    drvlog->install_result = DRVCNF_RESTART;
    ret = SendDriverMessage( h, DRV_PNPINSTALL, 0, (LPARAM)&info );
    ok( ret == DRVCNF_RESTART, "DRV_PNPINSTALL returned %Id\n", ret );
    drvlog->install_result = DRVCNF_OK;
    ret = SendDriverMessage( h, DRV_INSTALL, 0, 0 );
    ok( ret == DRVCNF_OK, "DRV_INSTALL returned %Id\n", ret );
    ret = SendDriverMessage( h, DRV_REMOVE, 0, 0 );
    ok( ret == 1, "DRV_REMOVE returned %Id\n", ret );
    ret = SendDriverMessage( h, DRV_POWER, 0, 0 );
    ok( ret == 1, "DRV_POWER returned %Id\n", ret );
    ret = SendDriverMessage( h, DRV_EXITSESSION, 0, 0 );
    ok( ret == 0, "DRV_EXITSESSION returned %Id\n", ret );

    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( configure_seq, "configure", FALSE );
    if (n >= 4)
    {
        ok( logbuf[1].lparam2 == (LPARAM)&info, "DRV_CONFIGURE lParam2 %#Ix\n", logbuf[1].lparam2 );
        ok( !wcscmp( logbuf[1].text, L"usermm.alias" ), "DRV_CONFIGURE alias %s\n",
            wine_dbgstr_w(logbuf[1].text) );
        ok( logbuf[3].lparam2 == (LPARAM)&info, "DRV_PNPINSTALL lParam2 %#Ix\n", logbuf[3].lparam2 );
    }
    CloseDriver( h, 0, 0 );
    drvlog_reset();
}

static const struct message nest_open_seq[] =
{
    { DRV_LOAD, driver },     /* drvnest */
    { DRV_ENABLE, driver },
    { DRV_OPEN, driver },
    { DRV_LOAD, driver },     /* its drvlog instance */
    { DRV_ENABLE, driver },
    { DRV_OPEN, driver },
    { 0 }
};

static const struct message nest_send_seq[] =
{
    { DRVNEST_INNER, driver|wparam|lparam, 2, 3 },
    { DRVLOG_ECHO, driver|wparam|lparam, 2, 3 },
    { DRVLOG_SELF, driver|wparam|lparam, 1, 2 },
    { DRVLOG_ECHO, driver|wparam|lparam, 1, 2 },
    { 0 }
};

static const struct message nest_open_self_seq[] =
{
    { DRVNEST_OPEN_SELF, driver },
    { DRV_OPEN, driver },     /* drvnest */
    { DRV_OPEN, driver },     /* its drvlog instance */
    { DRV_CLOSE, driver },    /* closing the new drvnest instance */
    { DRV_CLOSE, driver },    /* which closes its drvlog instance */
    { 0 }
};

static const struct message nest_close_self_seq[] =
{
    { DRVNEST_CLOSE_SELF, driver },
    { DRV_CLOSE, driver },    /* drvnest */
    { DRV_CLOSE, driver },    /* its drvlog instance */
    { DRV_DISABLE, driver },  /* drvnest's last instance */
    { DRV_FREE, driver },
    { 0 }
};

/* A DriverProc that opens, sends to and closes drivers, itself included: only works if winmm
 * holds no lock while it runs. */
static void test_nested( void )
{
    static const UINT open_drivers[] = { DRVLOG_NEST, DRVLOG_NEST, DRVLOG_NEST,
                                         DRVLOG_LOG, DRVLOG_LOG, DRVLOG_LOG };
    HMODULE pin;
    HDRVR h, h2, h3;
    unsigned int i, n;
    LRESULT ret;

    drvlog_reset();
    h = OpenDriver( L"drvnest.dll", NULL, 0 );
    ok( h != NULL, "OpenDriver(drvnest.dll) failed\n" );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( nest_open_seq, "nested open", FALSE );
    for (i = 0; i < n && i < ARRAY_SIZE(open_drivers); i++)
        ok( logbuf[i].driver == open_drivers[i], "%u: driver %u\n", i, logbuf[i].driver );

    h2 = OpenDriver( L"drvlog.dll", NULL, 0 );
    ok( h2 != NULL, "OpenDriver(drvlog.dll) failed\n" );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ret = SendDriverMessage( h, DRVNEST_INNER, 2, 3 );
    ok( ret == 8, "DRVNEST_INNER returned %Id\n", ret );
    ret = SendDriverMessage( h2, DRVLOG_SELF, 1, 2 );
    ok( ret == 1005, "DRVLOG_SELF returned %Id\n", ret );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( nest_send_seq, "nested sends", FALSE );

    h3 = (HDRVR)SendDriverMessage( h, DRVNEST_OPEN_SELF, 0, 0 );
    ok( h3 != NULL && h3 != h, "DRVNEST_OPEN_SELF returned %p\n", h3 );
    ok( CloseDriver( h3, 0, 0 ), "CloseDriver failed\n" );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( nest_open_self_seq, "driver opening itself", FALSE );

    /* Closing its own last instance unloads drvnest.dll under its own DriverProc: keep the DLL
     * mapped until it has returned, as any such driver must. */
    pin = LoadLibraryW( L"drvnest.dll" );
    ret = SendDriverMessage( h, DRVNEST_CLOSE_SELF, 0, 0 );
    ok( ret, "DRVNEST_CLOSE_SELF returned %Id\n", ret );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( nest_close_self_seq, "driver closing itself", FALSE );
    ret = SendDriverMessage( h, DRVNEST_INNER, 2, 3 );
    ok( !ret, "closed instance answered %Id\n", ret );
    FreeLibrary( pin );
    ok( !module_loaded( L"drvnest.dll" ), "drvnest.dll still loaded\n" );

    ok( CloseDriver( h2, 0, 0 ), "CloseDriver failed\n" );
    ok( !module_loaded( L"drvlog.dll" ), "drvlog.dll still loaded\n" );
    drvlog_reset();
}

static const struct message unwind_seq[] =
{
    { DRVLOG_WALK, driver },
    { DRVLOG_LONGJMP, driver|lparam, 0, 7 },
    { DRVLOG_ECHO, driver|wparam|lparam, 5, 7 },
    { 0 }
};

static const struct message unwind_nested_seq[] =
{
    { DRVLOG_SELF_LONGJMP, driver|lparam, 0, 9 },
    { DRVLOG_LONGJMP, driver|lparam, 0, 9 },
    { DRVLOG_ECHO, driver|wparam|lparam, 5, 7 },
    { 0 }
};

/* A DriverProc may leave by longjmp (or an exception handled above SendDriverMessage): on
 * x86_64 that unwinds through winmm's frames with RtlUnwind, which needs unwind information
 * for each of them, and must leave nothing of winmm's locked or half done. DRVLOG_WALK checks
 * the unwind information itself: Wine's RtlUnwind often gets past a frame that has none. */
static void test_unwind( void )
{
    unsigned int n;
    LRESULT ret;
    HDRVR h;
    int jumped;

    drvlog_reset();
    h = OpenDriver( L"drvlog.dll", NULL, 0 );
    ok( h != NULL, "OpenDriver failed\n" );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );

    ret = SendDriverMessage( h, DRVLOG_WALK, (LPARAM)GetModuleHandleW( NULL ), 0 );
    ok( ret > 0, "frame %Id of the walk from drvlog has no unwind information\n", -ret );
    jumped = drvlog_send_longjmp( h, DRVLOG_LONGJMP, 7 );
    ok( jumped == 7, "longjmp came back with %d\n", jumped );
    ret = SendDriverMessage( h, DRVLOG_ECHO, 5, 7 );
    ok( ret == 19, "DRVLOG_ECHO after longjmp returned %Id\n", ret );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( unwind_seq, "longjmp out of DriverProc", FALSE );
    if (n >= 2) ok( logbuf[1].hdrvr == h, "DRVLOG_LONGJMP hdrvr %p\n", logbuf[1].hdrvr );

    /* out of two DriverProcs and two SendDriverMessage frames at once */
    jumped = drvlog_send_longjmp( h, DRVLOG_SELF_LONGJMP, 9 );
    ok( jumped == 9, "nested longjmp came back with %d\n", jumped );
    ret = SendDriverMessage( h, DRVLOG_ECHO, 5, 7 );
    ok( ret == 19, "DRVLOG_ECHO after nested longjmp returned %Id\n", ret );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( unwind_nested_seq, "nested longjmp out of DriverProc", FALSE );

    ok( CloseDriver( h, 0, 0 ), "CloseDriver failed\n" );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok_sequence( close_last_seq, "close after longjmp", FALSE );
    ok( !module_loaded( L"drvlog.dll" ), "drvlog.dll still loaded\n" );
    drvlog_reset();
}

/* __usermm_DriverBroadcast: our export that user32's BroadcastSystemMessage and drvcfg use to
 * send DRV_POWER / DRV_EXITSESSION to every open instance. Wine's builtin has no such export. */
static void test_broadcast( void )
{
    DWORD (WINAPI *broadcast)( UINT, LPARAM, LPARAM );
    HDRVR h[3];
    unsigned int i, j, n, found;
    DWORD reached;

    broadcast = (void *)GetProcAddress( GetModuleHandleW( L"winmm.dll" ), "__usermm_DriverBroadcast" );
    if (!broadcast)
    {
        ok( builtin_winmm, "__usermm_DriverBroadcast missing from our winmm\n" );
        skip( "no __usermm_DriverBroadcast in Wine's builtin winmm\n" );
        return;
    }
    drvlog_reset();
    h[0] = OpenDriver( L"drvlog.dll", NULL, 0 );
    h[1] = OpenDriver( L"drvlog.dll", NULL, 0 );
    h[2] = OpenDriver( L"drvnest.dll", NULL, 0 );  /* plus its own drvlog instance */
    ok( h[0] && h[1] && h[2], "OpenDriver failed\n" );
    drvlog_take( logbuf, ARRAY_SIZE(logbuf) );

    reached = broadcast( DRV_POWER, 0, 0 );
    ok( reached == 4, "DRV_POWER reached %lu instances\n", reached );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    ok( n == 4, "%u messages logged\n", n );
    for (i = found = 0; i < n && i < ARRAY_SIZE(logbuf); i++)
    {
        ok( logbuf[i].msg == DRV_POWER, "%u: message %#x\n", i, logbuf[i].msg );
        for (j = 0; j < ARRAY_SIZE(h); j++) if (logbuf[i].hdrvr == h[j]) found |= 1 << j;
        for (j = 0; j < i; j++)
            ok( logbuf[j].hdrvr != logbuf[i].hdrvr, "%p reached twice\n", logbuf[i].hdrvr );
    }
    ok( found == 7, "not every instance reached: %#x\n", found );

    reached = broadcast( DRV_EXITSESSION, 0, 0 );
    ok( reached == 4, "DRV_EXITSESSION reached %lu instances\n", reached );
    n = drvlog_take( logbuf, ARRAY_SIZE(logbuf) );
    for (i = 0; i < n && i < ARRAY_SIZE(logbuf); i++)
        ok( logbuf[i].msg == DRV_EXITSESSION, "%u: message %#x\n", i, logbuf[i].msg );

    for (i = 0; i < ARRAY_SIZE(h); i++) CloseDriver( h[i], 0, 0 );
    reached = broadcast( DRV_POWER, 0, 0 );
    ok( reached == 0, "DRV_POWER reached %lu instances after closing\n", reached );
    drvlog_reset();
}

/* Ours holds at most 65,535 open instances (the handle's 16-bit index); past that OpenDriver
 * fails cleanly and the open ones keep working. Wine's builtin has no such bound. */
static void test_handle_limit( void )
{
    static HDRVR handles[0x10000];
    unsigned int i, count;
    HDRVR h;

    if (builtin_winmm)
    {
        skip( "no instance limit in Wine's builtin winmm\n" );
        return;
    }
    drvlog_reset();
    drvlog->quiet = 1;
    for (count = 0; count < ARRAY_SIZE(handles); count++)
        if (!(handles[count] = OpenDriver( L"drvlog.dll", NULL, 0 ))) break;
    ok( count == 0xffff, "opened %u instances\n", count );
    ok( SendDriverMessage( handles[0], DRVLOG_ECHO, 1, 2 ) == 5, "first instance broken\n" );
    if (count)
    {
        ok( CloseDriver( handles[count - 1], 0, 0 ), "CloseDriver failed\n" );
        h = OpenDriver( L"drvlog.dll", NULL, 0 );
        ok( h != NULL, "no instance after closing one\n" );
        handles[count - 1] = h;
    }
    for (i = 0; i < count; i++) CloseDriver( handles[i], 0, 0 );
    ok( drvlog->counts[DRVLOG_LOG][DRV_OPEN] == drvlog->counts[DRVLOG_LOG][DRV_CLOSE],
        "%ld DRV_OPEN, %ld DRV_CLOSE\n", drvlog->counts[DRVLOG_LOG][DRV_OPEN],
        drvlog->counts[DRVLOG_LOG][DRV_CLOSE] );
    ok( !GetModuleHandleW( L"drvlog.dll" ), "drvlog.dll still loaded\n" );
    drvlog_reset();
}

START_TEST(driver)
{
    drvlog_init();
    test_lifecycle();
    test_close_refused();
    test_failures();
    test_bad_input();
    test_defdriverproc();
    test_lookup();
    test_configure();
    test_nested();
    test_unwind();
    test_broadcast();
    test_handle_limit();
}
