/*
 * x11lat: the X11 driver's share of the input latency: XTest key -> x11drv's event thread ->
 * the hardware-input callback, without user32. It speaks the protocol of the benchmark's
 * x11_window metric (tools/bench/x11bench.c), so tools/benchnative's injector drives and times it
 * the same way as a window procedure:
 *
 *   mkfifo F; exec 3<>F
 *   benchnative x11inject TITLE F N &
 *   BENCH_X11_FIFO=F BENCH_X11_TITLE=TITLE wine x11lat.exe N
 *
 * It loads x11drv.dll.so ($USERMM_X11DRV, else next to the exe, else the build tree's), shows an
 * X window titled TITLE through the driver's table, and answers one byte per key event ('d'
 * press, 'u' release) from the callback, until N releases came. Subtracting this from the
 * x11_input figure of our user32 gives what the queue and the window procedure add.
 */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>
#include "usermm/driver.h"

#define LAT_HWND ((HWND)(ULONG_PTR)0x1e0077)

static HANDLE answer_pipe;
static volatile LONG keys_up;

static void CDECL cb_hardware_input( const struct usermm_hw_input *input )
{
    DWORD written;
    char answer;

    if (input->type != USERMM_INPUT_KEYBOARD) return;
    answer = (input->key_flags & KEYEVENTF_KEYUP) ? 'u' : 'd';
    WriteFile( answer_pipe, &answer, 1, &written, NULL );
    if (answer == 'u') InterlockedIncrement( &keys_up );
}

static const struct usermm_user_callbacks callbacks =
{
    .size = sizeof(callbacks),
    .hardware_input = cb_hardware_input,
};

static HMODULE load_driver( void )
{
    char path[MAX_PATH], *p;
    DWORD len = GetEnvironmentVariableA( "USERMM_X11DRV", path, sizeof(path) );
    HMODULE module;

    if (len && len < sizeof(path)) return LoadLibraryA( path );
    GetModuleFileNameA( NULL, path, sizeof(path) );
    if ((p = strrchr( path, '\\' ))) strcpy( p + 1, "x11drv.dll.so" );
    if ((module = LoadLibraryA( path ))) return module;
    /* tools\x11lat\x11lat.exe -> dlls\x11drv\x11drv.dll.so */
    if ((p = strrchr( path, '\\' ))) *p = 0;
    if ((p = strrchr( path, '\\' ))) *p = 0;
    if ((p = strrchr( path, '\\' ))) strcpy( p + 1, "dlls\\x11drv\\x11drv.dll.so" );
    return LoadLibraryA( path );
}

int main( int argc, char **argv )
{
    static const RECT window = { 96, 73, 404, 308 }, client = { 100, 100, 400, 300 };
    const char *fifo = getenv( "BENCH_X11_FIFO" ), *title = getenv( "BENCH_X11_TITLE" );
    const struct usermm_driver_funcs *driver;
    usermm_driver_init_func init;
    LONG iters = argc > 1 ? atol( argv[1] ) : 200, seen = -1;
    DWORD last = GetTickCount();
    char path[MAX_PATH], *p;
    WCHAR wtitle[128];
    HMODULE module;

    if (!fifo || fifo[0] != '/' || !title)
    {
        printf( "x11_window missing BENCH_X11_FIFO-or-BENCH_X11_TITLE-not-set\n" );
        return 1;
    }
    snprintf( path, sizeof(path), "Z:%s", fifo );
    for (p = path; *p; p++) if (*p == '/') *p = '\\';
    answer_pipe = CreateFileA( path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                               OPEN_EXISTING, 0, NULL );
    if (answer_pipe == INVALID_HANDLE_VALUE)
    {
        printf( "x11_window missing open-%s:error=%lu\n", path, GetLastError() );
        return 1;
    }
    if (!(module = load_driver()) ||
        !(init = (usermm_driver_init_func)GetProcAddress( module, USERMM_DRIVER_INIT )) ||
        !(driver = init( USERMM_DRIVER_VERSION, &callbacks )))
    {
        printf( "x11_window missing x11drv-not-loaded:error=%lu\n", GetLastError() );
        return 1;
    }
    MultiByteToWideChar( CP_UTF8, 0, title, -1, wtitle, ARRAY_SIZE(wtitle) );
    driver->set_window_text( LAT_HWND, wtitle );
    driver->window_pos_changed( LAT_HWND, &window, &client, WS_OVERLAPPEDWINDOW | WS_VISIBLE,
                                SWP_SHOWWINDOW );
    /* until every release came, or nothing came for 20 s */
    while (keys_up < iters)
    {
        Sleep( 50 );
        if (keys_up != seen)
        {
            seen = keys_up;
            last = GetTickCount();
        }
        else if (GetTickCount() - last > 20000)
        {
            printf( "x11_window missing no-X-input-after-%ld-keys\n", keys_up );
            break;
        }
    }
    driver->destroy_window( LAT_HWND );
    driver->shutdown();
    CloseHandle( answer_pipe );
    return 0;
}
