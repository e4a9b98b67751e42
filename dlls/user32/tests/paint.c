/*
 * Painting: update regions, WM_PAINT synthesis and its place in the retrieval order,
 * BeginPaint / EndPaint, UpdateWindow, ValidateRect.
 */
#include "user32test.h"

static int paint_count, erase_count;
static PAINTSTRUCT last_ps;
static BOOL call_begin_paint = TRUE;

static LRESULT WINAPI paint_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    switch (msg)
    {
    case WM_PAINT:
        paint_count++;
        if (call_begin_paint)
        {
            BeginPaint( hwnd, &last_ps );
            EndPaint( hwnd, &last_ps );
        }
        return 0;
    case WM_ERASEBKGND:
        erase_count++;
        return 0; /* not erased: BeginPaint must say so in fErase */
    }
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static HWND create_paint_window( void )
{
    HWND hwnd;
    DWORD start;

    register_test_class( "PaintTest", paint_proc );
    hwnd = CreateWindowExA( 0, "PaintTest", NULL, WS_POPUP | WS_VISIBLE, 0, 0, 200, 100, 0, 0, 0, NULL );
    /* with a real display the window's first Expose comes a little later: let it pass */
    start = GetTickCount();
    while (GetTickCount() - start < 300)
    {
        pump_messages();
        MsgWaitForMultipleObjects( 0, NULL, FALSE, 20, QS_ALLINPUT );
    }
    return hwnd;
}

static void test_update_region( HWND hwnd )
{
    RECT rect, update;
    MSG msg;

    ValidateRect( hwnd, NULL );
    ok( !GetUpdateRect( hwnd, &update, FALSE ), "update region after ValidateRect\n" );
    SetRect( &rect, 10, 10, 20, 20 );
    InvalidateRect( hwnd, &rect, TRUE );
    ok( GetUpdateRect( hwnd, &update, FALSE ), "no update region\n" );
    ok( EqualRect( &update, &rect ), "update %s\n", wine_dbgstr_rect( &update ) );
    SetRect( &rect, 50, 30, 60, 40 );
    InvalidateRect( hwnd, &rect, FALSE );
    GetUpdateRect( hwnd, &update, FALSE );
    ok( update.left == 10 && update.top == 10 && update.right == 60 && update.bottom == 40,
        "update %s: not the union\n", wine_dbgstr_rect( &update ) );

    /* WM_PAINT comes after posted messages, once, and BeginPaint validates */
    PostMessageA( hwnd, WM_USER, 0, 0 );
    ok( PeekMessageA( &msg, 0, 0, 0, PM_REMOVE ) && msg.message == WM_USER, "got %x before WM_USER\n", msg.message );
    ok( PeekMessageA( &msg, 0, 0, 0, PM_NOREMOVE ) && msg.message == WM_PAINT && msg.hwnd == hwnd,
        "got %x\n", msg.message );
    /* MSDN: WM_PAINT stays until the region is validated, whatever PM_REMOVE says */
    ok( PeekMessageA( &msg, 0, 0, 0, PM_REMOVE ) && msg.message == WM_PAINT, "got %x\n", msg.message );
    ok( PeekMessageA( &msg, 0, 0, 0, PM_REMOVE ) && msg.message == WM_PAINT, "WM_PAINT went away unvalidated\n" );
    paint_count = erase_count = 0;
    DispatchMessageA( &msg );
    ok( paint_count == 1 && erase_count == 1, "paint %d erase %d\n", paint_count, erase_count );
    ok( last_ps.fErase, "fErase FALSE though WM_ERASEBKGND did not erase\n" );
    ok( last_ps.rcPaint.left == 10 && last_ps.rcPaint.bottom == 40, "rcPaint %s\n", wine_dbgstr_rect( &last_ps.rcPaint ) );
    ok( last_ps.hdc != 0, "no hdc\n" );
    ok( !PeekMessageA( &msg, 0, WM_PAINT, WM_PAINT, PM_REMOVE ), "WM_PAINT after BeginPaint\n" );

    /* UpdateWindow sends WM_PAINT at once */
    InvalidateRect( hwnd, NULL, FALSE );
    paint_count = 0;
    UpdateWindow( hwnd );
    ok( paint_count == 1, "UpdateWindow painted %d times\n", paint_count );
    paint_count = 0;
    UpdateWindow( hwnd );
    ok( paint_count == 0, "UpdateWindow painted a valid window\n" );

    /* a hidden window gets no WM_PAINT */
    ShowWindow( hwnd, SW_HIDE );
    InvalidateRect( hwnd, NULL, TRUE );
    ok( !PeekMessageA( &msg, hwnd, WM_PAINT, WM_PAINT, PM_NOREMOVE ), "WM_PAINT for a hidden window\n" );
    ShowWindow( hwnd, SW_SHOWNA );
    ok( PeekMessageA( &msg, hwnd, WM_PAINT, WM_PAINT, PM_NOREMOVE ), "no WM_PAINT after showing\n" );
    pump_messages();
}

static void test_default_paint( HWND hwnd )
{
    MSG msg;

    /* DefWindowProc's WM_PAINT validates too */
    call_begin_paint = FALSE;
    InvalidateRect( hwnd, NULL, FALSE );
    ok( PeekMessageA( &msg, hwnd, WM_PAINT, WM_PAINT, PM_REMOVE ), "no WM_PAINT\n" );
    DefWindowProcA( hwnd, WM_PAINT, 0, 0 );
    ok( !PeekMessageA( &msg, hwnd, WM_PAINT, WM_PAINT, PM_REMOVE ), "DefWindowProc did not validate\n" );
    call_begin_paint = TRUE;

    /* RDW_INTERNALPAINT gives a WM_PAINT without an update region */
    RedrawWindow( hwnd, NULL, NULL, RDW_INTERNALPAINT );
    ok( PeekMessageA( &msg, hwnd, WM_PAINT, WM_PAINT, PM_REMOVE ), "no internal WM_PAINT\n" );
    DispatchMessageA( &msg );
    ok( !PeekMessageA( &msg, hwnd, WM_PAINT, WM_PAINT, PM_REMOVE ), "internal paint repeated\n" );
}

static void test_qs_filters( HWND hwnd )
{
    MSG msg;

    pump_messages();
    PostMessageA( hwnd, WM_USER, 0, 0 );
    InvalidateRect( hwnd, NULL, FALSE );
    /* MSDN PeekMessage: PM_QS_PAINT looks at WM_PAINT only, PM_QS_POSTMESSAGE at posted messages */
    ok( PeekMessageA( &msg, 0, 0, 0, PM_REMOVE | PM_QS_PAINT ) && msg.message == WM_PAINT, "got %x\n", msg.message );
    DispatchMessageA( &msg );
    InvalidateRect( hwnd, NULL, FALSE );
    ok( PeekMessageA( &msg, 0, 0, 0, PM_REMOVE | PM_QS_POSTMESSAGE ) && msg.message == WM_USER, "got %x\n", msg.message );
    ok( !PeekMessageA( &msg, 0, 0, 0, PM_REMOVE | PM_QS_POSTMESSAGE ), "got %x\n", msg.message );
    ok( PeekMessageA( &msg, 0, 0, 0, PM_REMOVE | PM_NOYIELD ) && msg.message == WM_PAINT, "got %x\n", msg.message );
    DispatchMessageA( &msg );
}

START_TEST(paint)
{
    HWND hwnd = create_paint_window();
    test_update_region( hwnd );
    test_default_paint( hwnd );
    test_qs_filters( hwnd );
    DestroyWindow( hwnd );
}
