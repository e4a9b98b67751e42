/*
 * demo: the main job of `make run`. Shows which user32 and winmm the process runs on and the
 * display driver user32 chose, then routes messages through a window and prints every message
 * its procedure gets, with the names user32's +msg traces use.
 *
 * Options: --seconds N  keep pumping messages for N seconds (default: until the window closes
 *                       when there is a display, else exit after the scripted part).
 */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>
#include "usermm/msgnames.h"

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

static LRESULT CALLBACK demo_wndproc( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    char buf[64];

    printf( "%6lu ms  %-20s wParam %08Ix lParam %08Ix  (time %lu, pos %ld,%ld)\n",
            GetTickCount() - start_time, usermm_format_msg( msg, buf, sizeof(buf) ), wparam, lparam,
            GetMessageTime() - start_time, (long)(short)LOWORD(GetMessagePos()),
            (long)(short)HIWORD(GetMessagePos()) );
    fflush( stdout );
    if (msg == WM_DESTROY) PostQuitMessage( 0 );
    return DefWindowProcW( hwnd, msg, wparam, lparam );
}

int main( int argc, char **argv )
{
    WNDCLASSW cls = { 0 };
    HWND hwnd;
    MSG msg;
    int seconds = -1, i;

    for (i = 1; i < argc; i++)
        if (!strcmp( argv[i], "--seconds" ) && i + 1 < argc) seconds = atoi( argv[++i] );

    start_time = GetTickCount();
    printf( "usermm demo\n" );
    print_module( "user32" );
    print_module( "winmm" );
    printf( "screen     %dx%d\n", GetSystemMetrics( SM_CXSCREEN ), GetSystemMetrics( SM_CYSCREEN ) );

    cls.lpfnWndProc = demo_wndproc;
    cls.hInstance = GetModuleHandleW( NULL );
    cls.lpszClassName = L"usermm demo";
    cls.style = CS_DBLCLKS;
    if (!RegisterClassW( &cls ))
    {
        printf( "RegisterClass failed: %lu\n", GetLastError() );
        return 1;
    }
    hwnd = CreateWindowExW( 0, cls.lpszClassName, L"usermm demo", WS_OVERLAPPEDWINDOW | WS_VISIBLE,
                            100, 100, 400, 300, NULL, NULL, cls.hInstance, NULL );
    if (!hwnd)
    {
        printf( "CreateWindowEx failed: %lu\n", GetLastError() );
        return 1;
    }

    /* One message through the queue: posted, retrieved, dispatched to the procedure. */
    printf( "posting WM_USER+1 to the window\n" );
    PostMessageW( hwnd, WM_USER + 1, 1, 2 );

    if (seconds < 0) seconds = 0;
    SetTimer( hwnd, 1, seconds * 1000 + 200, NULL );
    while (GetMessageW( &msg, NULL, 0, 0 ) > 0)
    {
        if (msg.message == WM_TIMER && msg.hwnd == hwnd && msg.wParam == 1)
        {
            KillTimer( hwnd, 1 );
            DestroyWindow( hwnd );
            continue;
        }
        TranslateMessage( &msg );
        DispatchMessageW( &msg );
    }
    printf( "done\n" );
    return 0;
}
