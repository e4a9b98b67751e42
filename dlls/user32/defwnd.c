/*
 * DefWindowProc: the default answers to the messages that routing produces.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(win);

/* The non-client border widths for a style (what WM_NCCALCSIZE and AdjustWindowRectEx use). */
void get_nonclient_size( DWORD style, DWORD exstyle, RECT *borders )
{
    int frame = 0;

    SetRectEmpty( borders );
    if (style & WS_THICKFRAME)
        frame = GetSystemMetrics( SM_CXFRAME ) + GetSystemMetrics( SM_CXPADDEDBORDER );
    else if ((style & WS_DLGFRAME) == WS_DLGFRAME || (exstyle & WS_EX_DLGMODALFRAME))
        frame = GetSystemMetrics( SM_CXDLGFRAME );
    else if (style & WS_BORDER)
        frame = GetSystemMetrics( SM_CXBORDER );
    if (exstyle & WS_EX_CLIENTEDGE) frame += GetSystemMetrics( SM_CXEDGE );
    if (exstyle & WS_EX_STATICEDGE) frame += GetSystemMetrics( SM_CXBORDER );
    SetRect( borders, frame, frame, frame, frame );
    if ((style & WS_CAPTION) == WS_CAPTION)
        borders->top += GetSystemMetrics( (exstyle & WS_EX_TOOLWINDOW) ? SM_CYSMCAPTION : SM_CYCAPTION );
}

static void get_style( HWND hwnd, DWORD *style, DWORD *exstyle )
{
    struct wnd *wnd = get_wnd( hwnd );

    *style = *exstyle = 0;
    if (!wnd) return;
    lock_windows( FALSE );
    *style = wnd->style;
    *exstyle = wnd->exstyle;
    unlock_windows( FALSE );
    release_wnd( wnd );
}

static LRESULT nc_hit_test( HWND hwnd, POINT pt )
{
    RECT window, client, borders;
    DWORD style, exstyle;

    if (!get_screen_rects( hwnd, &window, &client ) || !PtInRect( &window, pt )) return HTNOWHERE;
    if (PtInRect( &client, pt )) return HTCLIENT;
    get_style( hwnd, &style, &exstyle );
    get_nonclient_size( style, exstyle, &borders );
    if ((style & WS_CAPTION) == WS_CAPTION && pt.y < client.top && pt.y >= window.top + (borders.left))
        return HTCAPTION;
    if (style & WS_THICKFRAME)
    {
        BOOL left = pt.x < client.left, right = pt.x >= client.right;
        BOOL top = pt.y < window.top + borders.left, bottom = pt.y >= client.bottom;
        if (top && left) return HTTOPLEFT;
        if (top && right) return HTTOPRIGHT;
        if (bottom && left) return HTBOTTOMLEFT;
        if (bottom && right) return HTBOTTOMRIGHT;
        if (top) return HTTOP;
        if (bottom) return HTBOTTOM;
        if (left) return HTLEFT;
        if (right) return HTRIGHT;
    }
    return HTBORDER;
}

static LRESULT handle_window_pos_changing( HWND hwnd, WINDOWPOS *pos )
{
    DWORD style, exstyle;
    MINMAXINFO info = { 0 };
    RECT screen = { 0, 0, GetSystemMetrics( SM_CXSCREEN ), GetSystemMetrics( SM_CYSCREEN ) };

    get_style( hwnd, &style, &exstyle );
    /* MSDN WM_GETMINMAXINFO: sent when the size is about to change, to sizable or overlapped
     * windows */
    if ((pos->flags & SWP_NOSIZE) || !((style & WS_THICKFRAME) || !(style & (WS_POPUP | WS_CHILD)))) return 0;
    info.ptMaxSize.x = info.ptMaxTrackSize.x = screen.right;
    info.ptMaxSize.y = info.ptMaxTrackSize.y = screen.bottom;
    info.ptMinTrackSize.x = GetSystemMetrics( SM_CXMINTRACK );
    info.ptMinTrackSize.y = GetSystemMetrics( SM_CYMINTRACK );
    send_message( hwnd, WM_GETMINMAXINFO, 0, (LPARAM)&info, TRUE );
    if (pos->cx > info.ptMaxTrackSize.x) pos->cx = info.ptMaxTrackSize.x;
    if (pos->cy > info.ptMaxTrackSize.y) pos->cy = info.ptMaxTrackSize.y;
    if (!(style & WS_MINIMIZE))
    {
        if (pos->cx < info.ptMinTrackSize.x) pos->cx = info.ptMinTrackSize.x;
        if (pos->cy < info.ptMinTrackSize.y) pos->cy = info.ptMinTrackSize.y;
    }
    return 0;
}

static void handle_window_pos_changed( HWND hwnd, const WINDOWPOS *pos )
{
    struct wnd *wnd;
    RECT client;

    if (!(wnd = get_wnd( hwnd ))) return;
    lock_windows( FALSE );
    client = wnd->client_rect;
    unlock_windows( FALSE );
    release_wnd( wnd );
    if (!(pos->flags & SWP_NOCLIENTMOVE))
        send_message( hwnd, WM_MOVE, 0, MAKELONG( client.left, client.top ), TRUE );
    /* WM_SIZE says which state the window is in (MSDN WM_SIZE) */
    if (!(pos->flags & SWP_NOCLIENTSIZE) || (pos->flags & 0x8000 /* SWP_STATECHANGED */))
    {
        DWORD style, exstyle;
        get_style( hwnd, &style, &exstyle );
        send_message( hwnd, WM_SIZE,
                      (style & WS_MINIMIZE) ? SIZE_MINIMIZED : (style & WS_MAXIMIZE) ? SIZE_MAXIMIZED : SIZE_RESTORED,
                      MAKELONG( client.right - client.left, client.bottom - client.top ), TRUE );
    }
}

static HWND parent_of_child( HWND hwnd )
{
    DWORD style, exstyle;
    get_style( hwnd, &style, &exstyle );
    return (style & WS_CHILD) ? GetParent( hwnd ) : NULL;
}

/* A heap copy of the window's text, for the ANSI answers to WM_GETTEXT and WM_GETTEXTLENGTH. */
static WCHAR *dup_window_text( HWND hwnd )
{
    INT len = get_window_text_internal( hwnd, NULL, 0 ) + 1;
    WCHAR *text = HeapAlloc( GetProcessHeap(), 0, len * sizeof(WCHAR) );

    if (text) get_window_text_internal( hwnd, text, len );
    return text;
}

LRESULT default_window_proc( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    HWND parent;
    LRESULT ret;

    switch (msg)
    {
    case WM_NCCREATE:
        if (lparam)
        {
            const CREATESTRUCTW *cs = (const CREATESTRUCTW *)lparam;
            if (cs->lpszName && !IS_INTRESOURCE(cs->lpszName))
            {
                if (unicode) set_window_text_internal( hwnd, cs->lpszName );
                else
                {
                    WCHAR *text = strdup_a_to_w( (const char *)cs->lpszName );
                    set_window_text_internal( hwnd, text );
                    HeapFree( GetProcessHeap(), 0, text );
                }
            }
        }
        return TRUE;

    case WM_NCCALCSIZE:
    {
        /* wParam TRUE: an NCCALCSIZE_PARAMS, whose first rectangle is the one to adjust */
        C_ASSERT( FIELD_OFFSET(NCCALCSIZE_PARAMS, rgrc[0]) == 0 );
        RECT *rect = (RECT *)lparam, borders;
        DWORD style, exstyle;
        if (!rect) return 0;
        get_style( hwnd, &style, &exstyle );
        if (style & WS_MINIMIZE)
        {
            /* a minimized window has no client area */
            rect->right = rect->left;
            rect->bottom = rect->top;
            return 0;
        }
        if (style & WS_CHILD && !(style & (WS_BORDER | WS_THICKFRAME | WS_DLGFRAME)) &&
            !(exstyle & (WS_EX_CLIENTEDGE | WS_EX_STATICEDGE | WS_EX_DLGMODALFRAME)))
            return 0;
        get_nonclient_size( style, exstyle, &borders );
        rect->left += borders.left;
        rect->top += borders.top;
        rect->right -= borders.right;
        rect->bottom -= borders.bottom;
        if (rect->right < rect->left) rect->right = rect->left;
        if (rect->bottom < rect->top) rect->bottom = rect->top;
        return 0;
    }

    case WM_NCHITTEST:
    {
        POINT pt = { (short)LOWORD(lparam), (short)HIWORD(lparam) };
        return nc_hit_test( hwnd, pt );
    }

    case WM_SETTEXT:
        if (unicode || !lparam) set_window_text_internal( hwnd, (const WCHAR *)lparam );
        else
        {
            WCHAR *text = strdup_a_to_w( (const char *)lparam );
            if (!text) return FALSE;
            set_window_text_internal( hwnd, text );
            HeapFree( GetProcessHeap(), 0, text );
        }
        return TRUE;

    case WM_GETTEXT:
        if (!wparam || !lparam) return 0;
        if (unicode) return get_window_text_internal( hwnd, (WCHAR *)lparam, wparam );
        else
        {
            WCHAR *text = dup_window_text( hwnd );
            char *buf = (char *)lparam;
            INT len;
            if (!text) return 0;
            len = WideCharToMultiByte( CP_ACP, 0, text, -1, buf, wparam, NULL, NULL );
            HeapFree( GetProcessHeap(), 0, text );
            if (!len) len = wparam;
            buf[len - 1] = 0;
            return len - 1;
        }

    case WM_GETTEXTLENGTH:
        if (unicode) return get_window_text_internal( hwnd, NULL, 0 );
        else
        {
            WCHAR *text = dup_window_text( hwnd );
            if (!text) return 0;
            ret = WideCharToMultiByte( CP_ACP, 0, text, -1, NULL, 0, NULL, NULL ) - 1;
            HeapFree( GetProcessHeap(), 0, text );
            return ret;
        }

    case WM_CLOSE:
        DestroyWindow( hwnd );
        return 0;

    case WM_PAINT:
    {
        PAINTSTRUCT ps;
        if (BeginPaint( hwnd, &ps )) EndPaint( hwnd, &ps );
        return 0;
    }

    case WM_ERASEBKGND:
        /* erasing would fill with the class brush; without GDI, report it done if there is one */
        return GetClassLongPtrW( hwnd, GCLP_HBRBACKGROUND ) != 0;

    case WM_SYNCPAINT:
        RedrawWindow( hwnd, NULL, NULL, RDW_ERASENOW | RDW_ERASE | RDW_ALLCHILDREN );
        return 0;

    case WM_WINDOWPOSCHANGING:
        return handle_window_pos_changing( hwnd, (WINDOWPOS *)lparam );

    case WM_WINDOWPOSCHANGED:
        handle_window_pos_changed( hwnd, (const WINDOWPOS *)lparam );
        return 0;

    case WM_ACTIVATE:
        /* MSDN WM_ACTIVATE: DefWindowProc gives the focus to an activated window */
        if (LOWORD(wparam) != WA_INACTIVE && !IsIconic( hwnd )) SetFocus( hwnd );
        return 0;

    case WM_NCACTIVATE:
        return TRUE;

    case WM_MOUSEACTIVATE:
        if ((parent = parent_of_child( hwnd )) && (ret = send_message( parent, msg, wparam, lparam, unicode )))
            return ret;
        return MA_ACTIVATE;

    case WM_SETCURSOR:
        /* MSDN: the parent of a child window decides first */
        if ((parent = parent_of_child( hwnd )) && send_message( parent, msg, wparam, lparam, unicode ))
            return TRUE;
        return FALSE;

    case WM_MOUSEWHEEL:
    case WM_MOUSEHWHEEL:
    case WM_APPCOMMAND:
        if ((parent = parent_of_child( hwnd ))) return send_message( parent, msg, wparam, lparam, unicode );
        return 0;

    case WM_KEYDOWN:
        /* MSDN WM_HELP: sent when the user presses F1 */
        if (wparam == VK_F1 && !(GetKeyState( VK_CONTROL ) & 0x8000))
        {
            HELPINFO info = { sizeof(info) };
            info.iContextType = HELPINFO_WINDOW;
            info.iCtrlId = GetWindowLongPtrW( hwnd, GWLP_ID );
            info.hItemHandle = hwnd;
            info.dwContextId = 0;
            GetCursorPos( &info.MousePos );
            send_message( hwnd, WM_HELP, 0, (LPARAM)&info, TRUE );
        }
        return 0;

    case WM_HELP:
    case WM_CONTEXTMENU:
        /* a child passes them on to its parent */
        if ((parent = parent_of_child( hwnd ))) return send_message( parent, msg, wparam, lparam, unicode );
        return 0;

    case WM_RBUTTONUP:
    {
        /* MSDN WM_CONTEXTMENU: DefWindowProc sends it on the right button's release, the
         * position in screen coordinates */
        POINT pt = { (short)LOWORD(lparam), (short)HIWORD(lparam) };
        ClientToScreen( hwnd, &pt );
        send_message( hwnd, WM_CONTEXTMENU, (WPARAM)hwnd, MAKELPARAM( pt.x, pt.y ), unicode );
        return 0;
    }

    case WM_NCRBUTTONUP:
        send_message( hwnd, WM_CONTEXTMENU, (WPARAM)hwnd, lparam, unicode );
        return 0;

    case WM_SYSKEYDOWN:
        if (wparam == VK_F4 && (HIWORD(lparam) & KF_ALTDOWN))
            PostMessageW( hwnd, WM_SYSCOMMAND, SC_CLOSE, 0 ); /* Alt+F4 */
        return 0;

    case WM_SYSCHAR:
        /* MSDN WM_SYSCHAR / WM_SYSCOMMAND: Alt+character asks for the menu with that mnemonic
         * (SC_KEYMENU, the character in lParam); Alt+Tab and Alt+Esc are the system's */
        if ((HIWORD(lparam) & KF_ALTDOWN) && wparam != '\t' && wparam != 0x1b)
        {
            if (wparam == ' ' && (parent = parent_of_child( hwnd )))
                return send_message( parent, msg, wparam, lparam, unicode );
            send_message( hwnd, WM_SYSCOMMAND, SC_KEYMENU, wparam, TRUE );
        }
        return 0;

    case WM_SYSCOMMAND:
        switch (wparam & 0xfff0)
        {
        case SC_CLOSE:
            return send_message( hwnd, WM_CLOSE, 0, 0, TRUE );
        case SC_MINIMIZE:
            ShowWindow( hwnd, SW_MINIMIZE );
            return 0;
        case SC_MAXIMIZE:
            ShowWindow( hwnd, SW_MAXIMIZE );
            return 0;
        case SC_RESTORE:
            ShowWindow( hwnd, SW_RESTORE );
            return 0;
        default:
            return 0;
        }

    case WM_CANCELMODE:
        if (GetCapture() == hwnd) ReleaseCapture();
        return 0;

    case WM_QUERYOPEN:
    case WM_QUERYENDSESSION:
        return TRUE;

    case WM_CTLCOLORMSGBOX:
    case WM_CTLCOLOREDIT:
    case WM_CTLCOLORLISTBOX:
    case WM_CTLCOLORBTN:
    case WM_CTLCOLORDLG:
    case WM_CTLCOLORSTATIC:
    case WM_CTLCOLORSCROLLBAR:
        return 0; /* no brushes without GDI */
    }
    return 0;
}

/***********************************************************************
 *      DefWindowProcW (USER32.@)
 */
LRESULT WINAPI DefWindowProcW( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    LRESULT ret;

    TRACE( "%p %s %#Ix %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam );
    if (!IsWindow( hwnd )) return 0;
    ret = default_window_proc( hwnd, msg, wparam, lparam, TRUE );
    TRACE( "%p %s -> %#Ix\n", hwnd, debugstr_msg_name( msg ), ret );
    return ret;
}

/***********************************************************************
 *      DefWindowProcA (USER32.@)
 */
LRESULT WINAPI DefWindowProcA( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    LRESULT ret;

    TRACE( "%p %s %#Ix %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam );
    if (!IsWindow( hwnd )) return 0;
    ret = default_window_proc( hwnd, msg, wparam, lparam, FALSE );
    TRACE( "%p %s -> %#Ix\n", hwnd, debugstr_msg_name( msg ), ret );
    return ret;
}
