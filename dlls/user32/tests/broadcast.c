/*
 * BroadcastSystemMessage(Ex): flags, recipients, BSF_QUERY denial with BSMINFO, posting,
 * BSF_IGNORECURRENTTASK.
 */
#include "user32test.h"
#include <mmsystem.h>

static UINT bcast_msg;
static HWND deny_hwnd;
static int received;
/* the installable-driver test: how many messages the driver had when a window got one */
static LONG (WINAPI *pbcastdrv_last)( UINT *, LPARAM *, LPARAM * );
static LONG driver_count_at_window = -1;

static LRESULT WINAPI bcast_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    if (msg == bcast_msg)
    {
        received++;
        if (pbcastdrv_last)
        {
            UINT last;
            LPARAM lp1, lp2;
            driver_count_at_window = pbcastdrv_last( &last, &lp1, &lp2 );
        }
        if (wp == 1 && hwnd == deny_hwnd) return BROADCAST_QUERY_DENY;
        return TRUE;
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void test_broadcast( void )
{
    HWND hwnd1, hwnd2;
    DWORD recipients;
    BSMINFO info = { sizeof(info) };
    LONG ret;
    DWORD err;
    MSG msg;

    bcast_msg = RegisterWindowMessageA( "UsermmBroadcastTest" );
    register_test_class( "BroadcastTest", bcast_proc );
    hwnd1 = CreateWindowExA( 0, "BroadcastTest", NULL, WS_OVERLAPPED, 0, 0, 10, 10, 0, 0, 0, NULL );
    hwnd2 = CreateWindowExA( 0, "BroadcastTest", NULL, WS_POPUP, 0, 0, 10, 10, 0, 0, 0, NULL );
    pump_messages();

    /* MSDN: a failure returns -1; unknown flags are ERROR_INVALID_PARAMETER (Wine's builtin
     * returns 0) */
    recipients = BSM_APPLICATIONS;
    SetLastError( 0xdeadbeef );
    ret = BroadcastSystemMessageA( 0x80000000, &recipients, bcast_msg, 0, 0 );
    err = GetLastError();
    todo_if( is_builtin_user32() ) ok( ret == -1, "ret %ld\n", ret );
    ok( err == ERROR_INVALID_PARAMETER, "error %lu\n", err );

    /* sent to every top-level window */
    received = 0;
    recipients = BSM_APPLICATIONS;
    ret = BroadcastSystemMessageA( 0, &recipients, bcast_msg, 0, 0 );
    ok( ret > 0, "ret %ld\n", ret );
    ok( received == 2, "received %d during the call\n", received );
    ok( recipients & BSM_APPLICATIONS, "recipients %#lx\n", recipients );

    /* BSF_POSTMESSAGE posts */
    received = 0;
    recipients = BSM_APPLICATIONS;
    ret = BroadcastSystemMessageA( BSF_POSTMESSAGE, &recipients, bcast_msg, 0, 0 );
    ok( ret > 0, "ret %ld\n", ret );
    ok( received == 0, "posted broadcast handled before retrieval\n" );
    while (PeekMessageA( &msg, 0, bcast_msg, bcast_msg, PM_REMOVE )) DispatchMessageA( &msg );
    ok( received == 2, "received %d once retrieved\n", received );

    /* a BSF_QUERY recipient answering BROADCAST_QUERY_DENY stops it: 0, BSMINFO names it */
    deny_hwnd = hwnd2;
    recipients = BSM_APPLICATIONS;
    ret = BroadcastSystemMessageExA( BSF_QUERY, &recipients, bcast_msg, 1, 0, &info );
    ok( ret == 0, "ret %ld\n", ret );
    todo_if( is_builtin_user32() ) ok( info.hwnd == hwnd2, "BSMINFO hwnd %p, expected %p\n", info.hwnd, hwnd2 );
    deny_hwnd = 0;
    recipients = BSM_APPLICATIONS;
    ret = BroadcastSystemMessageExA( BSF_QUERY, &recipients, bcast_msg, 1, 0, &info );
    ok( ret > 0, "ret %ld without a denial\n", ret );

    /* BSF_IGNORECURRENTTASK: not to this process's windows */
    received = 0;
    recipients = BSM_APPLICATIONS;
    ret = BroadcastSystemMessageA( BSF_IGNORECURRENTTASK, &recipients, bcast_msg, 0, 0 );
    ok( ret > 0, "ret %ld\n", ret );
    pump_messages();
    ok( received == 0, "own windows received %d\n", received );

    DestroyWindow( hwnd1 );
    DestroyWindow( hwnd2 );
}

/* BSM_INSTALLABLEDRIVERS: every installable driver open in the process gets the message, before
 * the applications (MSDN BroadcastSystemMessageEx). Wine's builtin delivers nothing to drivers
 * (a FIXME there). */
static void test_installable_drivers( void )
{
    HDRVR (WINAPI *pOpenDriver)( const WCHAR *, const WCHAR *, LPARAM );
    LRESULT (WINAPI *pCloseDriver)( HDRVR, LPARAM, LPARAM );
    HMODULE (WINAPI *pGetDriverModuleHandle)( HDRVR );
    HMODULE winmm = LoadLibraryA( "winmm.dll" );
    DWORD recipients = BSM_INSTALLABLEDRIVERS;
    LPARAM lp1 = 0, lp2 = 0;
    UINT last = 0;
    LONG count, ret;
    HDRVR hdrv;

    pOpenDriver = (void *)GetProcAddress( winmm, "OpenDriver" );
    pCloseDriver = (void *)GetProcAddress( winmm, "CloseDriver" );
    pGetDriverModuleHandle = (void *)GetProcAddress( winmm, "GetDriverModuleHandle" );
    if (!pOpenDriver || !pCloseDriver || !pGetDriverModuleHandle)
    {
        skip( "no winmm driver functions\n" );
        return;
    }
    hdrv = pOpenDriver( L"bcastdrv.dll", NULL, 0 );
    ok( hdrv != 0, "OpenDriver(bcastdrv.dll) failed\n" );
    if (!hdrv) return;
    pbcastdrv_last = (void *)GetProcAddress( pGetDriverModuleHandle( hdrv ), "bcastdrv_last" );
    ok( pbcastdrv_last != NULL, "no bcastdrv_last\n" );
    if (!pbcastdrv_last) goto done;

    ret = BroadcastSystemMessageA( 0, &recipients, DRV_POWER, 0x11, 0x22 );
    ok( ret > 0, "ret %ld\n", ret );
    count = pbcastdrv_last( &last, &lp1, &lp2 );
    todo_if( is_builtin_user32() )
    ok( count == 1 && last == DRV_POWER && lp1 == 0x11 && lp2 == 0x22, "count %ld last %#x %#Ix %#Ix\n", count,
        last, lp1, lp2 );
    ok( recipients == BSM_INSTALLABLEDRIVERS, "recipients %#lx\n", recipients );

    /* drivers before applications (MSDN's order): when the window gets the message, the driver
     * already has it */
    {
        HWND hwnd;

        register_test_class( "BroadcastOrderTest", bcast_proc );
        hwnd = CreateWindowExA( 0, "BroadcastOrderTest", NULL, WS_POPUP, 0, 0, 10, 10, 0, 0, 0, NULL );
        bcast_msg = RegisterWindowMessageA( "UsermmBroadcastOrder" );
        count = pbcastdrv_last( &last, &lp1, &lp2 );
        received = 0;
        recipients = BSM_INSTALLABLEDRIVERS | BSM_APPLICATIONS;
        ret = BroadcastSystemMessageA( 0, &recipients, bcast_msg, 0x33, 0x44 );
        ok( ret > 0, "ret %ld\n", ret );
        ok( received == 1, "the window received %d\n", received );
        todo_if( is_builtin_user32() )
        ok( driver_count_at_window == count + 1, "the driver had %ld messages (before: %ld) when the window got it\n",
            driver_count_at_window, count );
        ok( recipients == (BSM_INSTALLABLEDRIVERS | BSM_APPLICATIONS), "recipients %#lx\n", recipients );
        DestroyWindow( hwnd );
    }
done:
    pbcastdrv_last = NULL;
    pCloseDriver( hdrv, 0, 0 );
}

START_TEST(broadcast)
{
    test_broadcast();
    test_installable_drivers();
}
