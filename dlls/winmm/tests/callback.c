/*
 * DriverCallback: DCB_NULL, DCB_FUNCTION, DCB_EVENT here; DCB_TASK and DCB_WINDOW, which go
 * through user32, in a child process, so that a user32 still missing PostMessage (a stub) is
 * reported as a skip rather than taking the whole unit down.
 */

#include "drvtest.h"

#define TEST_MSG 0x3bd /* MM_WOM_DONE */

static struct
{
    LONG calls;
    HDRVR hdrvr;
    UINT msg;
    DWORD_PTR user, param1, param2;
} last_call;

static void CALLBACK function_callback( HDRVR hdrvr, UINT msg, DWORD_PTR user, DWORD_PTR param1,
                                        DWORD_PTR param2 )
{
    last_call.calls++;
    last_call.hdrvr = hdrvr;
    last_call.msg = msg;
    last_call.user = user;
    last_call.param1 = param1;
    last_call.param2 = param2;
}

static void test_function_event( void )
{
    HDRVR h = (HDRVR)0x1234;
    HANDLE event;
    BOOL ret;

    /* MSDN: no callback for DCB_NULL; there is nothing to succeed at */
    ret = DriverCallback( 0, DCB_NULL, h, TEST_MSG, 1, 2, 3 );
    ok( !ret, "DCB_NULL returned %d\n", ret );

    ret = DriverCallback( (DWORD_PTR)function_callback, DCB_FUNCTION, h, TEST_MSG, 0x55, 0x66, 0x77 );
    ok( ret, "DCB_FUNCTION returned %d\n", ret );
    ok( last_call.calls == 1, "%ld calls\n", last_call.calls );
    ok( last_call.hdrvr == h && last_call.msg == TEST_MSG && last_call.user == 0x55 &&
        last_call.param1 == 0x66 && last_call.param2 == 0x77,
        "got %p %#x %#Ix %#Ix %#Ix\n", last_call.hdrvr, last_call.msg, last_call.user,
        last_call.param1, last_call.param2 );

    /* DCB_NOSWITCH is outside the type mask */
    ret = DriverCallback( (DWORD_PTR)function_callback, DCB_FUNCTION | DCB_NOSWITCH, h, TEST_MSG,
                          1, 2, 3 );
    ok( ret, "DCB_FUNCTION|DCB_NOSWITCH returned %d\n", ret );
    ok( last_call.calls == 2, "%ld calls\n", last_call.calls );

    /* a bad parameter: no function */
    ret = DriverCallback( 0, DCB_FUNCTION, h, TEST_MSG, 1, 2, 3 );
    ok( !ret, "DCB_FUNCTION without a function returned %d\n", ret );

    event = CreateEventW( NULL, FALSE, FALSE, NULL );
    ret = DriverCallback( (DWORD_PTR)event, DCB_EVENT, h, TEST_MSG, 1, 2, 3 );
    ok( ret, "DCB_EVENT returned %d\n", ret );
    ok( !WaitForSingleObject( event, 0 ), "event not set\n" );
    CloseHandle( event );
    ret = DriverCallback( (DWORD_PTR)event, DCB_EVENT, h, TEST_MSG, 1, 2, 3 );
    ok( !ret, "DCB_EVENT with a closed handle returned %d\n", ret );

    ret = DriverCallback( (DWORD_PTR)function_callback, 6, h, TEST_MSG, 1, 2, 3 );
    ok( !ret, "unknown type 6 returned %d\n", ret );
    ok( last_call.calls == 2, "%ld calls\n", last_call.calls );
}

static DWORD WINAPI queueless_thread( void *event )
{
    WaitForSingleObject( event, INFINITE );
    return 0;
}

/* In the child: the callbacks that post messages. */
static void test_post_callbacks( void )
{
    WNDCLASSW cls = { 0 };
    HDRVR h = (HDRVR)0x1234;
    HANDLE event, thread;
    DWORD tid;
    HWND hwnd;
    MSG msg;
    BOOL ret;
    int i;

    AddVectoredExceptionHandler( 1, stub_handler );
    PeekMessageW( &msg, NULL, 0, 0, PM_NOREMOVE ); /* this thread gets a queue */

    /* MSDN: a thread gets the message, the device handle as wParam and dwParam1 as lParam */
    ret = DriverCallback( GetCurrentThreadId(), DCB_TASK, h, TEST_MSG, 0x55, 0x66, 0x77 );
    ok( ret, "DCB_TASK returned %d\n", ret );
    ok( PeekMessageW( &msg, NULL, 0, 0, PM_REMOVE ), "no message\n" );
    ok( !msg.hwnd && msg.message == TEST_MSG && msg.wParam == (WPARAM)h && msg.lParam == 0x66,
        "got %p %#x %#Ix %#Ix\n", msg.hwnd, msg.message, msg.wParam, msg.lParam );

    /* a thread with no message queue cannot be posted to */
    event = CreateEventW( NULL, TRUE, FALSE, NULL );
    thread = CreateThread( NULL, 0, queueless_thread, event, 0, &tid );
    ret = DriverCallback( tid, DCB_TASK, h, TEST_MSG, 1, 2, 3 );
    ok( !ret, "DCB_TASK to a thread without a queue returned %d\n", ret );
    SetEvent( event );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    CloseHandle( event );
    ret = DriverCallback( 0xfffffff0, DCB_TASK, h, TEST_MSG, 1, 2, 3 );
    ok( !ret, "DCB_TASK to a bogus thread returned %d\n", ret );

    cls.lpfnWndProc = DefWindowProcW;
    cls.hInstance = GetModuleHandleW( NULL );
    cls.lpszClassName = L"usermm_winmm_callback";
    RegisterClassW( &cls );
    hwnd = CreateWindowExW( 0, cls.lpszClassName, NULL, 0, 0, 0, 10, 10, NULL, NULL, cls.hInstance,
                            NULL );
    ok( hwnd != NULL, "CreateWindowEx failed: %lu\n", GetLastError() );
    ret = DriverCallback( (DWORD_PTR)hwnd, DCB_WINDOW, h, TEST_MSG, 0x55, 0x66, 0x77 );
    ok( ret, "DCB_WINDOW returned %d\n", ret );
    ok( PeekMessageW( &msg, hwnd, TEST_MSG, TEST_MSG, PM_REMOVE ), "no message\n" );
    ok( msg.hwnd == hwnd && msg.message == TEST_MSG && msg.wParam == (WPARAM)h && msg.lParam == 0x66,
        "got %p %#x %#Ix %#Ix\n", msg.hwnd, msg.message, msg.wParam, msg.lParam );
    DestroyWindow( hwnd );
    ret = DriverCallback( (DWORD_PTR)hwnd, DCB_WINDOW, h, TEST_MSG, 1, 2, 3 );
    ok( !ret, "DCB_WINDOW to a destroyed window returned %d\n", ret );

    /* MSDN: FALSE when the queue is full; Windows' posted-message quota is 10,000. Wine's
     * builtin user32 has no quota. */
    for (i = 0; i < 10100; i++)
        if (!DriverCallback( GetCurrentThreadId(), DCB_TASK, h, TEST_MSG, i, 0, 0 )) break;
    todo_if( usermm_is_builtin_dll( L"user32.dll" ) ) ok( i == 10000, "the queue took %d messages\n", i );
    while (PeekMessageW( &msg, NULL, 0, 0, PM_REMOVE )) ;
}

static void run_child( void )
{
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[MAX_PATH + 64], **argv;
    DWORD code;

    winetest_get_mainargs( &argv );
    sprintf( cmd, "\"%s\" callback post", argv[0] );
    ok( CreateProcessA( NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi ),
        "CreateProcess failed: %lu\n", GetLastError() );
    WaitForSingleObject( pi.hProcess, 30000 );
    GetExitCodeProcess( pi.hProcess, &code );
    if (code == EXCEPTION_WINE_STUB)
        skip( "this user32 does not implement what DCB_TASK / DCB_WINDOW need yet\n" );
    else
        wait_child_process( pi.hProcess );
    CloseHandle( pi.hProcess );
    CloseHandle( pi.hThread );
}

START_TEST(callback)
{
    char **argv;
    int argc = winetest_get_mainargs( &argv );

    builtin_winmm = is_builtin_winmm();
    if (argc > 2 && !strcmp( argv[2], "post" ))
    {
        test_post_callbacks();
        return;
    }
    test_function_event();
    run_child();
}
