/*
 * demo: the main job of `make run`. Shows which user32 and winmm the process runs on, opens the
 * sample installable driver demodrv.dll (which prints every driver message it gets), then shows
 * a window whose procedure prints every message it gets, with the names user32's +msg traces
 * use. Under `make run` without a DISPLAY, tools/rundemo starts Xvfb and plays a scripted input
 * sequence (programs/demo/demo.xinject) into the window with tools/xinject: real X11 keyboard
 * and mouse input, routed to the window procedure.
 *
 * Options: --seconds N  close the window after N seconds (default: run until the window is
 *                       closed when there is a display, else stop after the driver part)
 *          --no-driver  skip the installable-driver part
 */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>
#include <mmsystem.h>
#include "usermm/msgnames.h"

#define DEMO_TITLE L"usermm demo"

static DWORD start_time;

static void print_module( const char *name )
{
    WCHAR path[MAX_PATH];
    HMODULE module = GetModuleHandleA( name );

    if (!module || !GetModuleFileNameW( module, path, ARRAY_SIZE(path) ))
    {
        printf( "%-10s not loaded\n", name );
        return;
    }
    /* Wine's builtin DLLs live in its system directory; ours are loaded from the exe's. */
    printf( "%-10s %ls (%s)\n", name, path,
            wcsstr( path, L"\\windows\\system32\\" ) ? "Wine's builtin" : "usermm" );
}

/* What a message's parameters mean, for the input messages a newcomer is looking for. */
static void describe_params( UINT msg, WPARAM wparam, LPARAM lparam, char *buf, size_t size )
{
    buf[0] = 0;
    switch (msg)
    {
    case WM_CHAR: case WM_SYSCHAR: case WM_DEADCHAR: case WM_SYSDEADCHAR:
        if (wparam >= 0x20 && wparam < 0x7f) snprintf( buf, size, "'%c'", (char)wparam );
        else snprintf( buf, size, "U+%04X", (unsigned int)wparam );
        break;
    case WM_KEYDOWN: case WM_KEYUP: case WM_SYSKEYDOWN: case WM_SYSKEYUP:
        snprintf( buf, size, "vk %#x scan %#x%s%s", (unsigned int)wparam,
                  (unsigned int)((lparam >> 16) & 0xff), (lparam & (1 << 24)) ? " ext" : "",
                  (lparam & (1u << 31)) ? " up" : "" );
        break;
    case WM_MOUSEMOVE: case WM_LBUTTONDOWN: case WM_LBUTTONUP: case WM_LBUTTONDBLCLK:
    case WM_RBUTTONDOWN: case WM_RBUTTONUP: case WM_MBUTTONDOWN: case WM_MBUTTONUP:
    case WM_XBUTTONDOWN: case WM_XBUTTONUP:
        snprintf( buf, size, "client %d,%d", (short)LOWORD(lparam), (short)HIWORD(lparam) );
        break;
    case WM_MOUSEWHEEL: case WM_MOUSEHWHEEL:
        snprintf( buf, size, "delta %d at screen %d,%d", (short)HIWORD(wparam),
                  (short)LOWORD(lparam), (short)HIWORD(lparam) );
        break;
    }
}

static LRESULT CALLBACK demo_wndproc( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    char name[64], params[64];

    LONG time = GetMessageTime() - (LONG)start_time;

    describe_params( msg, wparam, lparam, params, sizeof(params) );
    /* GetMessageTime / GetMessagePos describe the last message retrieved from the queue: none
     * yet for the messages CreateWindow sends */
    if (time >= 0)
        printf( "%6lu ms  %-20s wParam %08Ix lParam %08Ix  (time %ld, pos %d,%d) %s\n",
                GetTickCount() - start_time, usermm_format_msg( msg, name, sizeof(name) ), wparam,
                lparam, time, (short)LOWORD(GetMessagePos()), (short)HIWORD(GetMessagePos()), params );
    else
        printf( "%6lu ms  %-20s wParam %08Ix lParam %08Ix  %s\n", GetTickCount() - start_time,
                usermm_format_msg( msg, name, sizeof(name) ), wparam, lparam, params );
    fflush( stdout );
    if (msg == WM_DESTROY) PostQuitMessage( 0 );
    return DefWindowProcW( hwnd, msg, wparam, lparam );
}

/* Opens the sample driver twice and closes it: DRV_LOAD, DRV_ENABLE and DRV_OPEN for the first
 * instance, DRV_OPEN for the second, then DRV_CLOSE each and DRV_DISABLE, DRV_FREE at the last. */
static void driver_demo( void )
{
    HDRVR first, second;
    LRESULT ret;

    printf( "opening the sample driver demodrv.dll\n" );
    fflush( stdout );
    if (!(first = OpenDriver( L"demodrv.dll", NULL, 0 )))
    {
        printf( "OpenDriver(demodrv.dll) failed (error %lu)\n", GetLastError() );
        return;
    }
    printf( "opening a second instance\n" );
    fflush( stdout );
    second = OpenDriver( L"demodrv.dll", NULL, 0 );
    printf( "sending DRV_QUERYCONFIGURE and DRV_USER+1 (2, 3)\n" );
    fflush( stdout );
    SendDriverMessage( first, DRV_QUERYCONFIGURE, 0, 0 );
    ret = SendDriverMessage( first, DRV_USER + 1, 2, 3 );
    printf( "DRV_USER+1 answered %Id\n", ret );
    printf( "closing both instances\n" );
    fflush( stdout );
    if (second) CloseDriver( second, 0, 0 );
    CloseDriver( first, 0, 0 );
}

int main( int argc, char **argv )
{
    WNDCLASSW cls = { 0 };
    char display[256];
    BOOL have_display, with_driver = TRUE;
    HWND hwnd;
    MSG msg;
    int seconds = -1, i;

    for (i = 1; i < argc; i++)
    {
        if (!strcmp( argv[i], "--seconds" ) && i + 1 < argc) seconds = atoi( argv[++i] );
        else if (!strcmp( argv[i], "--no-driver" )) with_driver = FALSE;
    }
    have_display = GetEnvironmentVariableA( "DISPLAY", display, sizeof(display) ) != 0;

    start_time = GetTickCount();
    printf( "usermm demo\n" );
    print_module( "user32" );
    print_module( "winmm" );
    printf( "display    %s\n", have_display ? display : "none (user32's null driver)" );
    printf( "screen     %dx%d\n", GetSystemMetrics( SM_CXSCREEN ), GetSystemMetrics( SM_CYSCREEN ) );
    fflush( stdout );

    if (with_driver) driver_demo();

    cls.lpfnWndProc = demo_wndproc;
    cls.hInstance = GetModuleHandleW( NULL );
    cls.lpszClassName = L"usermm demo";
    cls.style = CS_DBLCLKS;
    if (!RegisterClassW( &cls ))
    {
        printf( "RegisterClass failed: %lu\n", GetLastError() );
        return 1;
    }
    printf( "creating the window \"%ls\"\n", DEMO_TITLE );
    fflush( stdout );
    hwnd = CreateWindowExW( 0, cls.lpszClassName, DEMO_TITLE, WS_OVERLAPPEDWINDOW | WS_VISIBLE,
                            100, 100, 400, 300, NULL, NULL, cls.hInstance, NULL );
    if (!hwnd)
    {
        printf( "CreateWindowEx failed: %lu\n", GetLastError() );
        return 1;
    }

    /* One message through the queue: posted, retrieved, dispatched to the procedure. */
    printf( "posting WM_USER+1 to the window\n" );
    fflush( stdout );
    PostMessageW( hwnd, WM_USER + 1, 1, 2 );

    if (seconds < 0 && !have_display) seconds = 0;
    if (seconds >= 0) SetTimer( hwnd, 1, seconds * 1000 + 200, NULL );
    else printf( "close the window to end the demo\n" );
    while (GetMessageW( &msg, NULL, 0, 0 ) > 0)
    {
        if (msg.message == WM_TIMER && msg.hwnd == hwnd && msg.wParam == 1)
        {
            KillTimer( hwnd, 1 );
            printf( "time is up: destroying the window\n" );
            DestroyWindow( hwnd );
            continue;
        }
        TranslateMessage( &msg );
        DispatchMessageW( &msg );
    }
    printf( "done\n" );
    return 0;
}
