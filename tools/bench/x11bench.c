/*
 * usermm benchmark: X11 input latency, the window's side.
 *
 * The measurement needs three parties, started by tools/bench/run:
 *   - the native injector (`benchnative x11inject TITLE FIFO N`, libXtst) finds the X
 *     window titled TITLE, gives it X focus, and N times presses and releases a key,
 *     timing each event from XTestFakeKeyEvent until the window procedure's answer
 *     arrives on FIFO; it prints the figure (median latency) itself;
 *   - this metric, `bench.exe metric x11_window N`, with BENCH_X11_FIFO=FIFO and
 *     BENCH_X11_TITLE=TITLE: it shows a top-level window whose procedure writes one byte
 *     to FIFO for each WM_KEYDOWN / WM_KEYUP, and pumps messages until N key-ups came;
 *   - the script, which holds FIFO open for reading before either starts, so that
 *     opening it for writing never blocks (the wineserver does that open).
 * The answer path (WriteFile on a FIFO) costs a few microseconds, small against the
 * X round trip being measured.  Without DISPLAY, or when the user32 under test shows
 * no X window, the injector reports the metric missing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

#include "bench.h"

typedef ATOM (WINAPI *RegisterClassW_t)(const WNDCLASSW *);
typedef HWND (WINAPI *CreateWindowExW_t)(DWORD, LPCWSTR, LPCWSTR, DWORD, int, int, int, int, HWND,
                                         HMENU, HINSTANCE, void *);
typedef BOOL (WINAPI *ShowWindow_t)(HWND, int);
typedef BOOL (WINAPI *DestroyWindow_t)(HWND);
typedef BOOL (WINAPI *PeekMessageW_t)(MSG *, HWND, UINT, UINT, UINT);
typedef LRESULT (WINAPI *DispatchMessageW_t)(const MSG *);
typedef DWORD (WINAPI *MsgWaitForMultipleObjects_t)(DWORD, const HANDLE *, BOOL, DWORD, DWORD);
typedef LRESULT (WINAPI *DefWindowProcW_t)(HWND, UINT, WPARAM, LPARAM);

static DefWindowProcW_t def_window_proc;
static HANDLE answer_pipe;
static LONGLONG keys_down, keys_up;

static LRESULT WINAPI input_wndproc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    DWORD written;

    if (msg == WM_KEYDOWN || msg == WM_KEYUP)
    {
        char answer = msg == WM_KEYDOWN ? 'd' : 'u';
        WriteFile(answer_pipe, &answer, 1, &written, NULL);
        if (msg == WM_KEYDOWN) keys_down++;
        else keys_up++;
        return 0;
    }
    return def_window_proc(hwnd, msg, wp, lp);
}

static HANDLE open_answer_pipe(void)
{
    const char *fifo = getenv("BENCH_X11_FIFO");
    char path[MAX_PATH];
    HANDLE handle;

    if (!fifo || fifo[0] != '/') bench_missing("BENCH_X11_FIFO-not-set");
    snprintf(path, sizeof(path), "Z:%s", fifo);
    for (char *p = path; *p; p++)
        if (*p == '/') *p = '\\';
    handle = CreateFileA(path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    if (handle == INVALID_HANDLE_VALUE) bench_missing("open-%s:error=%lu", path, GetLastError());
    return handle;
}

static double run_x11_window(LONGLONG iters)
{
    static const WCHAR class_name[] = L"usermm_bench_input";
    BENCH_PROC("user32.dll", RegisterClassW_t, RegisterClassW);
    BENCH_PROC("user32.dll", CreateWindowExW_t, CreateWindowExW);
    BENCH_PROC("user32.dll", ShowWindow_t, ShowWindow);
    BENCH_PROC("user32.dll", DestroyWindow_t, DestroyWindow);
    BENCH_PROC("user32.dll", PeekMessageW_t, PeekMessageW);
    BENCH_PROC("user32.dll", DispatchMessageW_t, DispatchMessageW);
    BENCH_PROC("user32.dll", MsgWaitForMultipleObjects_t, MsgWaitForMultipleObjects);
    const char *title = getenv("BENCH_X11_TITLE");
    WCHAR wtitle[128];
    WNDCLASSW cls = { 0 };
    LONGLONG start, last_progress, seen = -1;
    HWND hwnd;
    MSG msg;

    if (!getenv("DISPLAY")) bench_missing("no-DISPLAY");
    def_window_proc = (DefWindowProcW_t)bench_proc("user32.dll", "DefWindowProcW");
    answer_pipe = open_answer_pipe();
    MultiByteToWideChar(CP_UTF8, 0, title ? title : "usermm-bench-input", -1, wtitle, ARRAY_SIZE(wtitle));

    cls.lpfnWndProc = input_wndproc;
    cls.hInstance = GetModuleHandleW(NULL);
    cls.lpszClassName = class_name;
    if (!RegisterClassW(&cls)) bench_missing("RegisterClassW:error=%lu", GetLastError());
    hwnd = CreateWindowExW(0, class_name, wtitle, WS_OVERLAPPEDWINDOW, 100, 100, 300, 200, NULL, NULL,
                           GetModuleHandleW(NULL), NULL);
    if (!hwnd) bench_missing("CreateWindowExW:error=%lu", GetLastError());
    ShowWindow(hwnd, SW_SHOW);

    /* Pump until every key-up arrived, or nothing arrived for 20 s. */
    start = last_progress = bench_now_ns();
    while (keys_up < iters)
    {
        while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE)) DispatchMessageW(&msg);
        if (keys_down + keys_up != seen)
        {
            seen = keys_down + keys_up;
            last_progress = bench_now_ns();
        }
        else if (bench_now_ns() - last_progress > 20000000000LL)
            bench_missing("no-X-input-after-%lld-keys", keys_up);
        MsgWaitForMultipleObjects(0, NULL, FALSE, 100, QS_ALLINPUT);
    }
    DestroyWindow(hwnd);
    CloseHandle(answer_pipe);
    bench_note("keys_down=%lld keys_up=%lld", keys_down, keys_up);
    return (double)(bench_now_ns() - start);
}

const struct bench_metric x11_metrics[] = {
    { "x11_window", "window side of x11_input (run by tools/bench/run with the injector)", 0, run_x11_window },
    { NULL }
};
