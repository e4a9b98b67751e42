/*
 * Input: the system input path (SendInput, keybd_event, mouse_event, and later the display
 * driver), key state, focus and capture, TranslateMessage.
 *
 * Every keyboard or mouse event, whatever its source, goes through queue_input_event(): the
 * low-level hooks see it, the system key state and cursor follow it, and it is routed to the
 * queue of the thread owning its target window (keys: the focus window, else the active
 * window as WM_SYSKEY*; mouse: the capture window, else the window under the cursor).
 *
 * Merging policy (MSDN WM_MOUSEMOVE / GetMouseMovePointsEx): a WM_MOUSEMOVE arriving while the
 * previous message in the same queue's input list is an unread WM_MOUSEMOVE for the same window
 * replaces it (latest position, time and extra info win). Nothing else ever merges, and input
 * messages are not limited by the posted-message quota.
 */
#include <stdlib.h>
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(input);

/* input_lock protects every thread_input, the system key state, the cursor position and the
 * active top-level window (winpos.c). */
SRWLOCK input_lock = SRWLOCK_INIT;
static BYTE async_keystate[256]; /* GetAsyncKeyState: bit 7 down, bit 0 toggled */
/* written under input_lock; read whole, without it, as one aligned 64-bit value */
static union
{
    POINT pt;
    LONG64 packed;
} cursor;
#define cursor_pos cursor.pt

struct thread_input *create_thread_input( void )
{
    struct thread_input *input = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*input) );
    if (input) input->refcount = 1;
    return input;
}

void release_thread_input( struct thread_input *input )
{
    if (!InterlockedDecrement( &input->refcount )) HeapFree( GetProcessHeap(), 0, input );
}

/* Called with input_lock held exclusively. */
void __input_window_destroyed( struct thread_input *input, HWND hwnd )
{
    if (input->focus == hwnd) input->focus = NULL;
    if (input->active == hwnd) input->active = NULL;
    if (input->capture == hwnd) input->capture = NULL;
}

static struct thread_input *current_input( void )
{
    struct msg_queue *queue = get_thread_queue( TRUE );
    return queue ? queue->input : NULL;
}

C_ASSERT( sizeof(POINT) == sizeof(LONG64) );

/* Every posted message carries the cursor position: read it as one atomic 64-bit load. */
void get_cursor_pos( POINT *pt )
{
    LONG64 value = *(volatile LONG64 *)&cursor.packed;
    memcpy( pt, &value, sizeof(*pt) );
}

/* The driver knows where the pointer really is (the X server's); else our own idea. */
static void get_cursor_pos_from_driver( POINT *pt )
{
    if (call_driver()->get_cursor_pos( pt )) return;
    get_cursor_pos( pt );
}

HWND get_focus_hwnd( void )
{
    struct thread_input *input = current_input();
    HWND ret;

    if (!input) return NULL;
    AcquireSRWLockShared( &input_lock );
    ret = input->focus;
    ReleaseSRWLockShared( &input_lock );
    return ret;
}

HWND get_active_hwnd( void )
{
    struct thread_input *input = current_input();
    HWND ret;

    if (!input) return NULL;
    AcquireSRWLockShared( &input_lock );
    ret = input->active;
    ReleaseSRWLockShared( &input_lock );
    return ret;
}

void set_active_hwnd( HWND hwnd )
{
    struct thread_input *input = current_input();

    if (!input) return;
    AcquireSRWLockExclusive( &input_lock );
    input->active = hwnd;
    ReleaseSRWLockExclusive( &input_lock );
}

/* Moves the focus, with HCBT_SETFOCUS, WM_KILLFOCUS to the old window and WM_SETFOCUS to the
 * new one (MSDN SetFocus). */
void set_focus_hwnd( HWND hwnd )
{
    struct thread_input *input = current_input();
    HWND old;

    if (!input) return;
    old = get_focus_hwnd();
    if (old == hwnd) return;
    if (hooks_installed( WH_CBT ) && call_hooks( WH_CBT, HCBT_SETFOCUS, (WPARAM)hwnd, (LPARAM)old, TRUE ))
    {
        WARN( "focus change to %p refused by a CBT hook\n", hwnd );
        return;
    }
    AcquireSRWLockExclusive( &input_lock );
    input->focus = hwnd;
    ReleaseSRWLockExclusive( &input_lock );
    if (old && IsWindow( old )) send_message( old, WM_KILLFOCUS, (WPARAM)hwnd, 0, TRUE );
    if (hwnd && get_focus_hwnd() == hwnd) send_message( hwnd, WM_SETFOCUS, (WPARAM)old, 0, TRUE );
}

/***********************************************************************
 *      SetFocus (USER32.@)
 */
HWND WINAPI SetFocus( HWND hwnd )
{
    HWND old = get_focus_hwnd(), root;
    struct wnd *wnd;

    TRACE( "%p\n", hwnd );
    if (hwnd)
    {
        if (!(wnd = get_wnd_or_fail( hwnd ))) return NULL;
        if (!is_current_thread_window( wnd ))
        {
            release_wnd( wnd );
            WARN( "%p belongs to another thread\n", hwnd );
            return NULL;
        }
        if (wnd->style & (WS_MINIMIZE | WS_DISABLED))
        {
            release_wnd( wnd );
            return NULL;
        }
        release_wnd( wnd );
        /* MSDN: the top-level window of the focus window becomes active */
        root = GetAncestor( hwnd, GA_ROOT );
        if (root != get_active_hwnd())
        {
            set_active_window( root );
            if (!IsWindow( hwnd )) return NULL;
            if (get_focus_hwnd() == hwnd) return old; /* WM_ACTIVATE gave it already */
        }
    }
    set_focus_hwnd( hwnd );
    return old;
}

/***********************************************************************
 *      GetFocus (USER32.@)
 */
HWND WINAPI GetFocus( void )
{
    TRACE( "\n" );
    return get_focus_hwnd();
}

/***********************************************************************
 *      SetCapture (USER32.@)
 */
HWND WINAPI SetCapture( HWND hwnd )
{
    struct thread_input *input = current_input();
    HWND old;

    TRACE( "%p\n", hwnd );
    if (!input) return NULL;
    if (hwnd && !IsWindow( hwnd ))
    {
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return NULL;
    }
    AcquireSRWLockExclusive( &input_lock );
    old = input->capture;
    input->capture = hwnd;
    ReleaseSRWLockExclusive( &input_lock );
    if (old && old != hwnd) send_message( old, WM_CAPTURECHANGED, 0, (LPARAM)hwnd, TRUE );
    return old;
}

/***********************************************************************
 *      ReleaseCapture (USER32.@)
 */
BOOL WINAPI ReleaseCapture( void )
{
    TRACE( "\n" );
    SetCapture( NULL );
    return TRUE;
}

/***********************************************************************
 *      GetCapture (USER32.@)
 */
HWND WINAPI GetCapture( void )
{
    struct thread_input *input = current_input();
    HWND ret;

    TRACE( "\n" );

    if (!input) return NULL;
    AcquireSRWLockShared( &input_lock );
    ret = input->capture;
    ReleaseSRWLockShared( &input_lock );
    return ret;
}

/***********************************************************************
 *      GetCursorPos (USER32.@)
 */
BOOL WINAPI GetCursorPos( POINT *pt )
{
    TRACE( "%p\n", pt );
    if (!pt)
    {
        SetLastError( ERROR_NOACCESS );
        return FALSE;
    }
    get_cursor_pos_from_driver( pt );
    return TRUE;
}

/***********************************************************************
 *      SetCursorPos (USER32.@)
 */
BOOL WINAPI SetCursorPos( INT x, INT y )
{
    INT32 width, height;

    TRACE( "%d,%d\n", x, y );
    call_driver()->get_screen_size( &width, &height );
    AcquireSRWLockExclusive( &input_lock );
    cursor_pos.x = max( 0, min( x, width - 1 ) );
    cursor_pos.y = max( 0, min( y, height - 1 ) );
    x = cursor_pos.x;
    y = cursor_pos.y;
    ReleaseSRWLockExclusive( &input_lock );
    call_driver()->set_cursor_pos( x, y );
    return TRUE;
}

/***********************************************************************
 *      GetKeyState (USER32.@)
 */
SHORT WINAPI GetKeyState( INT vk )
{
    struct thread_input *input = current_input();
    BYTE state = 0;

    TRACE( "%d\n", vk );

    if (input && vk >= 0 && vk < 256)
    {
        AcquireSRWLockShared( &input_lock );
        state = input->keystate[vk];
        ReleaseSRWLockShared( &input_lock );
    }
    /* MSDN: high bit down, low bit toggled */
    return (SHORT)(((state & 0x80) ? 0xff80 : 0) | (state & 0x01));
}

/***********************************************************************
 *      GetAsyncKeyState (USER32.@)
 */
SHORT WINAPI GetAsyncKeyState( INT vk )
{
    BYTE state = 0;

    TRACE( "%d\n", vk );

    if (vk >= 0 && vk < 256)
    {
        AcquireSRWLockShared( &input_lock );
        state = async_keystate[vk];
        ReleaseSRWLockShared( &input_lock );
    }
    return (state & 0x80) ? (SHORT)0x8000 : 0;
}

/***********************************************************************
 *      GetKeyboardState (USER32.@)
 */
BOOL WINAPI GetKeyboardState( BYTE *state )
{
    struct thread_input *input = current_input();

    TRACE( "%p\n", state );

    if (!state || !input) return FALSE;
    AcquireSRWLockShared( &input_lock );
    memcpy( state, input->keystate, 256 );
    ReleaseSRWLockShared( &input_lock );
    return TRUE;
}

/***********************************************************************
 *      SetKeyboardState (USER32.@)
 */
BOOL WINAPI SetKeyboardState( BYTE *state )
{
    struct thread_input *input = current_input();

    TRACE( "%p\n", state );

    if (!state || !input)
    {
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    AcquireSRWLockExclusive( &input_lock );
    memcpy( input->keystate, state, 256 );
    ReleaseSRWLockExclusive( &input_lock );
    return TRUE;
}

/* Called with input_lock held: key state bookkeeping for a key going down or up. */
static void update_keystate( BYTE *state, UINT vk, BOOL down )
{
    UINT side = 0;

    if (down)
    {
        if (!(state[vk] & 0x80)) state[vk] ^= 0x01;
        state[vk] |= 0x80;
    }
    else state[vk] &= ~0x80;
    /* the generic shift keys follow their left/right versions */
    switch (vk)
    {
    case VK_LSHIFT: case VK_RSHIFT: side = VK_SHIFT; break;
    case VK_LCONTROL: case VK_RCONTROL: side = VK_CONTROL; break;
    case VK_LMENU: case VK_RMENU: side = VK_MENU; break;
    }
    if (side)
    {
        UINT left = side == VK_SHIFT ? VK_LSHIFT : side == VK_CONTROL ? VK_LCONTROL : VK_LMENU;
        state[side] = (state[side] & 0x01) | ((state[left] | state[left + 1]) & 0x80);
    }
}

/* Where an input message goes: a window (with a reference on its queue) or NULL. */
static HWND route_input( MSG *msg, struct msg_queue **queue )
{
    BOOL key = msg->message >= WM_KEYFIRST && msg->message <= WM_KEYLAST;
    HWND target = NULL, fg = GetForegroundWindow();
    struct wnd *wnd, *top = fg ? get_wnd( fg ) : NULL;

    *queue = NULL;
    /* the foreground thread's input state: its focus (keys) or capture (mouse) */
    if (top)
    {
        AcquireSRWLockShared( &input_lock );
        if (!key) target = top->queue->input->capture;
        else if (!(target = top->queue->input->focus) && (target = top->queue->input->active))
        {
            /* MSDN WM_SYSKEYDOWN: with no focus window, keys go to the active window as
             * WM_SYSKEY* */
            if (msg->message == WM_KEYDOWN) msg->message = WM_SYSKEYDOWN;
            else if (msg->message == WM_KEYUP) msg->message = WM_SYSKEYUP;
        }
        ReleaseSRWLockShared( &input_lock );
        release_wnd( top );
    }
    if (!key && !target) target = WindowFromPoint( msg->pt );
    if (!target || !(wnd = get_wnd( target ))) return NULL;
    if (wnd->flags & WIN_DESKTOP)
    {
        release_wnd( wnd );
        return NULL;
    }
    *queue = wnd->queue;
    grab_queue( *queue );
    release_wnd( wnd );
    return target;
}

/* Appends an input message to a queue, merging mouse moves as the file comment says. */
static void queue_input_message( struct msg_queue *queue, const MSG *msg, LPARAM extra )
{
    struct queued_message *qmsg;

    lock_queue( queue );
    if (msg->message == WM_MOUSEMOVE && !ulist_empty( &queue->input_msgs ))
    {
        qmsg = ULIST_ENTRY( queue->input_msgs.prev, struct queued_message, entry );
        if (qmsg->msg.message == WM_MOUSEMOVE && qmsg->msg.hwnd == msg->hwnd)
        {
            qmsg->msg = *msg;
            qmsg->extra_info = extra;
            __queue_set_bits( queue, QS_MOUSEMOVE );
            unlock_queue_and_wake( queue );
            return;
        }
    }
    if (!(qmsg = __alloc_queued_message( queue )))
    {
        unlock_queue( queue );
        ERR( "out of memory: input message %s lost\n", debugstr_msg_name( msg->message ) );
        return;
    }
    qmsg->msg = *msg;
    qmsg->extra_info = extra;
    ulist_add_tail( &queue->input_msgs, &qmsg->entry );
    __queue_set_bits( queue, msg->message == WM_MOUSEMOVE ? QS_MOUSEMOVE
                             : (msg->message >= WM_KEYFIRST && msg->message <= WM_KEYLAST) ? QS_KEY
                                                                                          : QS_MOUSEBUTTON );
    unlock_queue_and_wake( queue );
}

static void deliver_input( MSG *msg, LPARAM extra )
{
    struct msg_queue *queue;
    HWND hwnd = route_input( msg, &queue );

    if (!hwnd)
    {
        TRACE( "%s: no window to receive it\n", debugstr_msg_name( msg->message ) );
        return;
    }
    msg->hwnd = hwnd;
    queue_input_message( queue, msg, extra );
    release_queue( queue );
}

/* Whether the modifier `key` (VK_MENU or VK_CONTROL) is down once the event for vk happens. */
static BOOL modifier_down_after( UINT key, UINT vk, BOOL up, const BYTE *state )
{
    UINT left = key == VK_MENU ? VK_LMENU : VK_LCONTROL, right = key == VK_MENU ? VK_RMENU : VK_RCONTROL;

    if (vk == key || vk == left || vk == right) return !up;
    return (state[key] & 0x80) != 0;
}

static void send_keyboard_input( const KEYBDINPUT *ki, BOOL injected )
{
    BOOL up = (ki->dwFlags & KEYEVENTF_KEYUP) != 0, was_down, alt, ctrl;
    UINT vk = ki->wVk, scan = ki->wScan;
    DWORD time = ki->time ? ki->time : GetTickCount();
    MSG msg = { 0 };

    if (ki->dwFlags & KEYEVENTF_UNICODE)
    {
        FIXME( "KEYEVENTF_UNICODE input is delivered as VK_PACKET without its character\n" );
        vk = VK_PACKET;
    }
    else if (ki->dwFlags & KEYEVENTF_SCANCODE) vk = layout_scan_to_vk( scan );
    /* the scan code is the one given, 0 included (programs that read scan codes need callers
     * of SendInput to fill wScan, as on Windows) */
    if (!vk || vk > 0xff) return;

    AcquireSRWLockShared( &input_lock );
    was_down = (async_keystate[vk] & 0x80) != 0;
    alt = modifier_down_after( VK_MENU, vk, up, async_keystate );
    ctrl = modifier_down_after( VK_CONTROL, vk, up, async_keystate );
    ReleaseSRWLockShared( &input_lock );

    /* MSDN "Keystroke Message Flags": repeat count 1, scan code, extended bit, context code
     * (Alt down), previous state, transition state; built as 32 bits (never sign-extended) */
    {
        DWORD flags = 1 | ((scan & 0xff) << 16);
        if (ki->dwFlags & KEYEVENTF_EXTENDEDKEY) flags |= KF_EXTENDED << 16;
        if (alt && !ctrl) flags |= (DWORD)KF_ALTDOWN << 16;
        if (up || was_down) flags |= (DWORD)KF_REPEAT << 16;
        if (up) flags |= (DWORD)KF_UP << 16;
        msg.lParam = flags;
    }
    /* MSDN WM_SYSKEYDOWN: a key with Alt down (the state after this event: releasing Alt is a
     * WM_KEYUP), or F10, is a system key; with Ctrl too it is not */
    if ((alt && !ctrl) || vk == VK_F10) msg.message = up ? WM_SYSKEYUP : WM_SYSKEYDOWN;
    else msg.message = up ? WM_KEYUP : WM_KEYDOWN;

    /* MSDN LowLevelKeyboardProc: wParam is the keyboard message (WM_SYSKEYDOWN and WM_SYSKEYUP
     * included); KBDLLHOOKSTRUCT's LLKHF_ALTDOWN is the message's context code. Nonzero from a
     * hook discards the event: the key state does not change. */
    if (hooks_installed( WH_KEYBOARD_LL ))
    {
        KBDLLHOOKSTRUCT ll = { .vkCode = vk, .scanCode = scan, .time = time, .dwExtraInfo = ki->dwExtraInfo };
        ll.flags = (up ? LLKHF_UP : 0) | ((ki->dwFlags & KEYEVENTF_EXTENDEDKEY) ? LLKHF_EXTENDED : 0) |
                   (injected ? LLKHF_INJECTED : 0) |
                   ((msg.lParam & ((DWORD)KF_ALTDOWN << 16)) ? LLKHF_ALTDOWN : 0);
        if (call_hooks( WH_KEYBOARD_LL, HC_ACTION, msg.message, (LPARAM)&ll, TRUE )) return;
    }

    AcquireSRWLockExclusive( &input_lock );
    update_keystate( async_keystate, vk, !up );
    msg.pt = cursor_pos;
    ReleaseSRWLockExclusive( &input_lock );

    msg.wParam = (vk == VK_LSHIFT || vk == VK_RSHIFT) ? VK_SHIFT
               : (vk == VK_LCONTROL || vk == VK_RCONTROL) ? VK_CONTROL
               : (vk == VK_LMENU || vk == VK_RMENU) ? VK_MENU : vk;
    msg.time = time;
    deliver_input( &msg, ki->dwExtraInfo );
}

/* The MK_* flags of the mouse buttons and keys that are down (a mouse message's wParam). */
static WPARAM mouse_key_state( void )
{
    WPARAM keys = 0;

    AcquireSRWLockShared( &input_lock );
    if (async_keystate[VK_LBUTTON] & 0x80) keys |= MK_LBUTTON;
    if (async_keystate[VK_RBUTTON] & 0x80) keys |= MK_RBUTTON;
    if (async_keystate[VK_MBUTTON] & 0x80) keys |= MK_MBUTTON;
    if (async_keystate[VK_XBUTTON1] & 0x80) keys |= MK_XBUTTON1;
    if (async_keystate[VK_XBUTTON2] & 0x80) keys |= MK_XBUTTON2;
    if (async_keystate[VK_SHIFT] & 0x80) keys |= MK_SHIFT;
    if (async_keystate[VK_CONTROL] & 0x80) keys |= MK_CONTROL;
    ReleaseSRWLockShared( &input_lock );
    return keys;
}

static void send_mouse_message( UINT message, WPARAM wparam_extra, POINT pt, DWORD time, ULONG_PTR extra )
{
    MSG msg = { 0 };

    msg.message = message;
    msg.wParam = mouse_key_state() | (wparam_extra << 16);
    msg.pt = pt;
    msg.time = time;
    /* lParam is filled in client coordinates of the target once it is known */
    deliver_input( &msg, extra );
}

static void check_mouse_leave( POINT pt );

/* WH_MOUSE_LL for one of the messages a mouse input makes; TRUE if a hook discarded it. MSDN
 * LowLevelMouseProc: wParam is the mouse message; MSLLHOOKSTRUCT's mouseData holds the wheel
 * delta, or the X button, in its high word (data is MOUSEINPUT's mouseData for those). */
static BOOL mouse_ll_hook( UINT message, DWORD data, POINT pt, const MOUSEINPUT *mi, BOOL injected, DWORD time )
{
    MSLLHOOKSTRUCT ll = { .pt = pt, .mouseData = (DWORD)(WORD)data << 16, .flags = injected ? LLMHF_INJECTED : 0,
                          .time = time, .dwExtraInfo = mi->dwExtraInfo };

    return hooks_installed( WH_MOUSE_LL ) && call_hooks( WH_MOUSE_LL, HC_ACTION, message, (LPARAM)&ll, TRUE );
}

static void send_mouse_input( const MOUSEINPUT *mi, BOOL injected )
{
    static const struct { DWORD flag; UINT message; UINT vk; BOOL down; } buttons[] =
    {
        { MOUSEEVENTF_LEFTDOWN, WM_LBUTTONDOWN, VK_LBUTTON, TRUE },
        { MOUSEEVENTF_LEFTUP, WM_LBUTTONUP, VK_LBUTTON, FALSE },
        { MOUSEEVENTF_RIGHTDOWN, WM_RBUTTONDOWN, VK_RBUTTON, TRUE },
        { MOUSEEVENTF_RIGHTUP, WM_RBUTTONUP, VK_RBUTTON, FALSE },
        { MOUSEEVENTF_MIDDLEDOWN, WM_MBUTTONDOWN, VK_MBUTTON, TRUE },
        { MOUSEEVENTF_MIDDLEUP, WM_MBUTTONUP, VK_MBUTTON, FALSE },
    };
    DWORD time = mi->time ? mi->time : GetTickCount();
    INT32 width = 0, height = 0;
    POINT pt;
    UINT i;

    /* asked once, before input_lock: the driver is not called with a lock held */
    if (mi->dwFlags & MOUSEEVENTF_MOVE) call_driver()->get_screen_size( &width, &height );
    AcquireSRWLockExclusive( &input_lock );
    if (mi->dwFlags & MOUSEEVENTF_MOVE)
    {
        if (mi->dwFlags & MOUSEEVENTF_ABSOLUTE)
        {
            /* MSDN MOUSEINPUT: absolute coordinates are normalized to 0..65535 */
            cursor_pos.x = MulDiv( mi->dx, width, 65536 );
            cursor_pos.y = MulDiv( mi->dy, height, 65536 );
        }
        else
        {
            cursor_pos.x += mi->dx;
            cursor_pos.y += mi->dy;
        }
        cursor_pos.x = max( 0, min( cursor_pos.x, width - 1 ) );
        cursor_pos.y = max( 0, min( cursor_pos.y, height - 1 ) );
    }
    pt = cursor_pos;
    ReleaseSRWLockExclusive( &input_lock );
    /* injected moves move the real pointer too (hardware ones come from it) */
    if (injected && (mi->dwFlags & MOUSEEVENTF_MOVE)) call_driver()->set_cursor_pos( pt.x, pt.y );

    if ((mi->dwFlags & MOUSEEVENTF_MOVE) && !mouse_ll_hook( WM_MOUSEMOVE, 0, pt, mi, injected, time ))
    {
        send_mouse_message( WM_MOUSEMOVE, 0, pt, time, mi->dwExtraInfo );
        check_mouse_leave( pt );
    }
    for (i = 0; i < ARRAY_SIZE(buttons); i++)
    {
        if (!(mi->dwFlags & buttons[i].flag)) continue;
        if (mouse_ll_hook( buttons[i].message, 0, pt, mi, injected, time )) continue;
        AcquireSRWLockExclusive( &input_lock );
        update_keystate( async_keystate, buttons[i].vk, buttons[i].down );
        ReleaseSRWLockExclusive( &input_lock );
        send_mouse_message( buttons[i].message, 0, pt, time, mi->dwExtraInfo );
    }
    if (mi->dwFlags & (MOUSEEVENTF_XDOWN | MOUSEEVENTF_XUP))
    {
        BOOL down = (mi->dwFlags & MOUSEEVENTF_XDOWN) != 0;
        UINT vk = (mi->mouseData & XBUTTON2) ? VK_XBUTTON2 : VK_XBUTTON1;
        UINT message = down ? WM_XBUTTONDOWN : WM_XBUTTONUP;

        if (!mouse_ll_hook( message, mi->mouseData, pt, mi, injected, time ))
        {
            AcquireSRWLockExclusive( &input_lock );
            update_keystate( async_keystate, vk, down );
            ReleaseSRWLockExclusive( &input_lock );
            send_mouse_message( message, mi->mouseData & 0xffff, pt, time, mi->dwExtraInfo );
        }
    }
    if ((mi->dwFlags & MOUSEEVENTF_WHEEL) && !mouse_ll_hook( WM_MOUSEWHEEL, mi->mouseData, pt, mi, injected, time ))
        send_mouse_message( WM_MOUSEWHEEL, (WORD)mi->mouseData, pt, time, mi->dwExtraInfo );
    if ((mi->dwFlags & MOUSEEVENTF_HWHEEL) && !mouse_ll_hook( WM_MOUSEHWHEEL, mi->mouseData, pt, mi, injected, time ))
        send_mouse_message( WM_MOUSEHWHEEL, (WORD)mi->mouseData, pt, time, mi->dwExtraInfo );
}

/* TrackMouseEvent state: one tracked window, as on Windows; under input_lock. */
static struct
{
    HWND hwnd;
    DWORD flags;      /* TME_HOVER | TME_LEAVE | TME_NONCLIENT still pending */
    DWORD hover_time; /* ms */
    RECT hover_rect;  /* screen; the pointer must stay in it for hover_time */
} tracking;

#define TRACK_TIMER_ID   0xfffa /* the system timer that watches for hover */
#define HOVER_SIZE       4      /* SPI_GETMOUSEHOVERWIDTH/HEIGHT defaults */
#define HOVER_TIME       400    /* SPI_GETMOUSEHOVERTIME default */

/* Is pt (screen) where tracking of hwnd counts as "over": its client area (or, for
 * TME_NONCLIENT, its non-client area), with no other window on top? */
static BOOL pointer_over( HWND hwnd, DWORD flags, POINT pt )
{
    RECT client, window;
    POINT origin = { 0, 0 };
    BOOL in_client;

    if (WindowFromPoint( pt ) != hwnd) return FALSE;
    if (!GetClientRect( hwnd, &client ) || !ClientToScreen( hwnd, &origin )) return FALSE;
    OffsetRect( &client, origin.x, origin.y );
    in_client = PtInRect( &client, pt );
    if (flags & TME_NONCLIENT) return !in_client && GetWindowRect( hwnd, &window ) && PtInRect( &window, pt );
    return in_client;
}

/* The pointer moved to pt: a tracked window it left gets WM_MOUSELEAVE (MSDN TrackMouseEvent),
 * also when the pointer is now over no window of ours. */
static void check_mouse_leave( POINT pt )
{
    HWND hwnd;
    DWORD flags;

    AcquireSRWLockShared( &input_lock );
    hwnd = tracking.hwnd;
    flags = tracking.flags;
    ReleaseSRWLockShared( &input_lock );
    if (!hwnd || !(flags & TME_LEAVE) || pointer_over( hwnd, flags, pt )) return;
    AcquireSRWLockExclusive( &input_lock );
    if (tracking.hwnd != hwnd) hwnd = NULL;
    else tracking.flags = 0, tracking.hwnd = NULL;
    ReleaseSRWLockExclusive( &input_lock );
    if (!hwnd) return;
    PostMessageW( hwnd, (flags & TME_NONCLIENT) ? WM_NCMOUSELEAVE : WM_MOUSELEAVE, 0, 0 );
}

/* The hover timer (a system timer of the tracked window's thread, run by DispatchMessage). */
static void CALLBACK hover_timer_proc( HWND hwnd, UINT msg, UINT_PTR id, DWORD time )
{
    POINT pt;
    BOOL hover = FALSE, stop = FALSE;
    DWORD flags = 0;

    get_cursor_pos_from_driver( &pt );
    AcquireSRWLockExclusive( &input_lock );
    if (tracking.hwnd != hwnd || !(tracking.flags & TME_HOVER)) stop = TRUE;
    else if (PtInRect( &tracking.hover_rect, pt ))
    {
        hover = TRUE;
        flags = tracking.flags;
        tracking.flags &= ~TME_HOVER;
        if (!tracking.flags) tracking.hwnd = NULL;
    }
    else SetRect( &tracking.hover_rect, pt.x - HOVER_SIZE / 2, pt.y - HOVER_SIZE / 2,
                  pt.x + HOVER_SIZE / 2 + 1, pt.y + HOVER_SIZE / 2 + 1 ); /* moved: start again */
    ReleaseSRWLockExclusive( &input_lock );
    if (!hover && !stop) return;
    KillSystemTimer( hwnd, TRACK_TIMER_ID );
    if (!hover || !pointer_over( hwnd, flags, pt )) return;
    if (flags & TME_NONCLIENT)
        PostMessageW( hwnd, WM_NCMOUSEHOVER, SendMessageW( hwnd, WM_NCHITTEST, 0, MAKELONG( pt.x, pt.y ) ),
                      MAKELONG( pt.x, pt.y ) );
    else
    {
        ScreenToClient( hwnd, &pt );
        PostMessageW( hwnd, WM_MOUSEHOVER, mouse_key_state(), MAKELONG( pt.x, pt.y ) );
    }
}

/***********************************************************************
 *      TrackMouseEvent (USER32.@)
 */
BOOL WINAPI TrackMouseEvent( TRACKMOUSEEVENT *tme )
{
    DWORD flags, hover_time;
    POINT pt;
    HWND hwnd;

    if (!tme || tme->cbSize != sizeof(*tme))
    {
        WARN( "invalid TRACKMOUSEEVENT %p\n", tme );
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    TRACE( "%#lx %p %lu\n", tme->dwFlags, tme->hwndTrack, tme->dwHoverTime );
    if (tme->dwFlags & TME_QUERY)
    {
        AcquireSRWLockShared( &input_lock );
        tme->dwFlags = tracking.flags;
        tme->hwndTrack = tracking.hwnd;
        tme->dwHoverTime = tracking.hover_time;
        ReleaseSRWLockShared( &input_lock );
        return TRUE;
    }
    if (tme->dwFlags & ~(TME_HOVER | TME_LEAVE | TME_NONCLIENT | TME_CANCEL))
        FIXME( "flags %#lx not supported\n", tme->dwFlags );
    hwnd = tme->hwndTrack;
    if (!IsWindow( hwnd ))
    {
        WARN( "invalid window %p\n", hwnd );
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return FALSE;
    }
    flags = tme->dwFlags & (TME_HOVER | TME_LEAVE | TME_NONCLIENT);
    hover_time = (tme->dwHoverTime == HOVER_DEFAULT || !tme->dwHoverTime) ? HOVER_TIME : tme->dwHoverTime;

    if (tme->dwFlags & TME_CANCEL)
    {
        AcquireSRWLockExclusive( &input_lock );
        if (tracking.hwnd == hwnd)
        {
            tracking.flags &= ~(flags & (TME_HOVER | TME_LEAVE));
            if (!(tracking.flags & (TME_HOVER | TME_LEAVE))) tracking.hwnd = NULL, tracking.flags = 0;
        }
        ReleaseSRWLockExclusive( &input_lock );
        if (flags & TME_HOVER) KillSystemTimer( hwnd, TRACK_TIMER_ID );
        return TRUE;
    }

    get_cursor_pos_from_driver( &pt );
    if (!pointer_over( hwnd, flags, pt ))
    {
        /* MSDN: if the pointer is not over the window, WM_MOUSELEAVE comes at once */
        if (flags & TME_LEAVE)
            PostMessageW( hwnd, (flags & TME_NONCLIENT) ? WM_NCMOUSELEAVE : WM_MOUSELEAVE, 0, 0 );
        return TRUE;
    }
    AcquireSRWLockExclusive( &input_lock );
    if (tracking.hwnd != hwnd) tracking.flags = 0;
    tracking.hwnd = hwnd;
    tracking.flags |= flags;
    if (flags & TME_HOVER)
    {
        tracking.hover_time = hover_time;
        SetRect( &tracking.hover_rect, pt.x - HOVER_SIZE / 2, pt.y - HOVER_SIZE / 2,
                 pt.x + HOVER_SIZE / 2 + 1, pt.y + HOVER_SIZE / 2 + 1 );
    }
    ReleaseSRWLockExclusive( &input_lock );
    if ((flags & TME_HOVER) && !SetSystemTimer( hwnd, TRACK_TIMER_ID, hover_time, hover_timer_proc ))
        FIXME( "hover tracking of %p, a window of another thread, is not supported\n", hwnd );
    return TRUE;
}

/***********************************************************************
 *      SendInput (USER32.@)
 */
UINT WINAPI SendInput( UINT count, INPUT *inputs, int size )
{
    UINT i;

    TRACE( "%u %p %d\n", count, inputs, size );
    if (size != sizeof(INPUT) || (count && !inputs))
    {
        WARN( "invalid size %d\n", size );
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    for (i = 0; i < count; i++)
    {
        switch (inputs[i].type)
        {
        case INPUT_KEYBOARD: send_keyboard_input( &inputs[i].ki, TRUE ); break;
        case INPUT_MOUSE: send_mouse_input( &inputs[i].mi, TRUE ); break;
        case INPUT_HARDWARE: FIXME( "INPUT_HARDWARE ignored\n" ); break;
        default:
            WARN( "invalid input type %lu\n", inputs[i].type );
            SetLastError( ERROR_INVALID_PARAMETER );
            return i;
        }
    }
    return count;
}

/* Input from the display driver's event thread: SendInput's path, not marked injected; the
 * time is the event's, mouse coordinates are absolute and normalised. */
void send_hardware_input( const INPUT *input, HWND hint )
{
    TRACE( "type %lu hint %p\n", input->type, hint );
    if (input->type == INPUT_KEYBOARD) send_keyboard_input( &input->ki, FALSE );
    else if (input->type == INPUT_MOUSE) send_mouse_input( &input->mi, FALSE );
}

/***********************************************************************
 *      keybd_event (USER32.@)
 */
void WINAPI keybd_event( BYTE vk, BYTE scan, DWORD flags, ULONG_PTR extra )
{
    INPUT input = { .type = INPUT_KEYBOARD };

    TRACE( "%#x %#x %#lx %#Ix\n", vk, scan, flags, extra );

    input.ki.wVk = vk;
    input.ki.wScan = scan;
    input.ki.dwFlags = flags;
    input.ki.dwExtraInfo = extra;
    SendInput( 1, &input, sizeof(input) );
}

/***********************************************************************
 *      mouse_event (USER32.@)
 */
void WINAPI mouse_event( DWORD flags, DWORD dx, DWORD dy, DWORD data, ULONG_PTR extra )
{
    INPUT input = { .type = INPUT_MOUSE };

    TRACE( "%#lx %#lx %#lx %#lx %#Ix\n", flags, dx, dy, data, extra );

    input.mi.dx = dx;
    input.mi.dy = dy;
    input.mi.mouseData = data;
    input.mi.dwFlags = flags;
    input.mi.dwExtraInfo = extra;
    SendInput( 1, &input, sizeof(input) );
}

/* Drops one input message that a hook refused while it was only peeked at (PM_NOREMOVE). */
static void remove_input_message( const MSG *msg )
{
    struct msg_queue *queue = get_thread_queue( FALSE );
    struct ulist *cursor;

    if (!queue) return;
    lock_queue( queue );
    ULIST_FOR_EACH( cursor, &queue->input_msgs )
    {
        struct queued_message *qmsg = ULIST_ENTRY( cursor, struct queued_message, entry );
        if (qmsg->msg.hwnd != msg->hwnd || qmsg->msg.message != msg->message || qmsg->msg.time != msg->time)
            continue;
        ulist_remove( cursor );
        __free_queued_message( queue, qmsg );
        break;
    }
    if (ulist_empty( &queue->input_msgs )) __queue_clear_bits( queue, QS_INPUT );
    unlock_queue( queue );
}

/* MSDN "Mouse Input": a second press of the same button, on the same window of a CS_DBLCLKS
 * class, within GetDoubleClickTime and SM_CXDOUBLECLK x SM_CYDOUBLECLK of the first, becomes
 * WM_*BUTTONDBLCLK (WM_NC*BUTTONDBLCLK outside the client area, for any class). Called in the
 * retrieving thread, on removal; the state is the thread's. */
static void synthesize_double_click( MSG *msg )
{
    struct user_thread_info *info = get_user_thread_info();
    UINT msg_id = msg->message, base;
    BOOL nonclient = msg_id >= WM_NCMOUSEMOVE && msg_id <= WM_NCXBUTTONDBLCLK;

    base = nonclient ? msg_id - (WM_NCMOUSEMOVE - WM_MOUSEMOVE) : msg_id;
    if (base != WM_LBUTTONDOWN && base != WM_RBUTTONDOWN && base != WM_MBUTTONDOWN && base != WM_XBUTTONDOWN)
    {
        if (base != WM_MOUSEMOVE && base != WM_LBUTTONUP && base != WM_RBUTTONUP && base != WM_MBUTTONUP &&
            base != WM_XBUTTONUP)
            info->last_click_msg = 0;
        return;
    }
    if (info->last_click_msg == msg_id && info->last_click_hwnd == msg->hwnd &&
        (base != WM_XBUTTONDOWN || HIWORD(msg->wParam) == info->last_click_xbutton) &&
        msg->time - info->last_click_time <= GetDoubleClickTime() &&
        abs( msg->pt.x - info->last_click_pt.x ) <= GetSystemMetrics( SM_CXDOUBLECLK ) / 2 &&
        abs( msg->pt.y - info->last_click_pt.y ) <= GetSystemMetrics( SM_CYDOUBLECLK ) / 2 &&
        (nonclient || (GetClassLongW( msg->hwnd, GCL_STYLE ) & CS_DBLCLKS)))
    {
        msg->message += WM_LBUTTONDBLCLK - WM_LBUTTONDOWN;
        info->last_click_msg = 0; /* a third press starts again */
        return;
    }
    info->last_click_msg = msg_id;
    info->last_click_hwnd = msg->hwnd;
    info->last_click_time = msg->time;
    info->last_click_pt = msg->pt;
    info->last_click_xbutton = HIWORD(msg->wParam);
}

/* The retrieving thread's part of an input message: hooks, key state, hit testing and mouse
 * activation, client coordinates. FALSE if a hook discarded it. */
BOOL process_input_message( MSG *msg, UINT remove_flags, LPARAM extra )
{
    BOOL remove = (remove_flags & PM_REMOVE) != 0;

    if (msg->message >= WM_KEYFIRST && msg->message <= WM_KEYLAST)
    {
        if (hooks_installed( WH_KEYBOARD ) &&
            call_hooks( WH_KEYBOARD, remove ? HC_ACTION : HC_NOREMOVE, msg->wParam, msg->lParam, TRUE ))
        {
            if (!remove) remove_input_message( msg );
            return FALSE;
        }
        if (remove && msg->wParam < 256 && msg->message != WM_CHAR)
        {
            struct thread_input *input = current_input();
            BOOL down = msg->message == WM_KEYDOWN || msg->message == WM_SYSKEYDOWN;
            AcquireSRWLockExclusive( &input_lock );
            update_keystate( input->keystate, msg->wParam, down );
            ReleaseSRWLockExclusive( &input_lock );
        }
        return TRUE;
    }

    /* mouse */
    {
        POINT client = msg->pt;
        LRESULT hit = send_message( msg->hwnd, WM_NCHITTEST, 0, MAKELONG( msg->pt.x, msg->pt.y ), TRUE );
        BOOL capture = GetCapture() == msg->hwnd;

        if (hooks_installed( WH_MOUSE ))
        {
            MOUSEHOOKSTRUCT mhs = { .pt = msg->pt, .hwnd = msg->hwnd, .wHitTestCode = hit, .dwExtraInfo = extra };
            if (call_hooks( WH_MOUSE, remove ? HC_ACTION : HC_NOREMOVE, msg->message, (LPARAM)&mhs, TRUE ))
            {
                if (!remove) remove_input_message( msg );
                return FALSE;
            }
        }
        if (hit != HTCLIENT && !capture && msg->message != WM_MOUSEWHEEL && msg->message != WM_MOUSEHWHEEL)
        {
            /* MSDN: outside the client area mouse messages become WM_NC* with the hit code */
            msg->message += WM_NCMOUSEMOVE - WM_MOUSEMOVE;
            msg->wParam = hit;
            msg->lParam = MAKELONG( msg->pt.x, msg->pt.y );
        }
        else if (msg->message == WM_MOUSEWHEEL || msg->message == WM_MOUSEHWHEEL)
            msg->lParam = MAKELONG( msg->pt.x, msg->pt.y ); /* screen coordinates */
        else
        {
            ScreenToClient( msg->hwnd, &client );
            msg->lParam = MAKELONG( client.x, client.y );
        }
        if (remove) synthesize_double_click( msg );
        if (remove)
        {
            UINT base = msg->message >= WM_NCMOUSEMOVE && msg->message <= WM_NCXBUTTONDBLCLK
                            ? msg->message - (WM_NCMOUSEMOVE - WM_MOUSEMOVE) : msg->message;
            BOOL button_down = base == WM_LBUTTONDOWN || base == WM_RBUTTONDOWN || base == WM_MBUTTONDOWN ||
                               base == WM_XBUTTONDOWN;
            HWND top = GetAncestor( msg->hwnd, GA_ROOT );
            if (button_down && top && top != get_active_hwnd())
            {
                LRESULT ma = send_message( msg->hwnd, WM_MOUSEACTIVATE, (WPARAM)top, MAKELONG( hit, msg->message ), TRUE );
                if (ma == MA_ACTIVATE || ma == MA_ACTIVATEANDEAT || !ma) set_active_window( top );
                if (ma == MA_NOACTIVATEANDEAT || ma == MA_ACTIVATEANDEAT) return FALSE;
            }
            if (!capture) send_message( msg->hwnd, WM_SETCURSOR, (WPARAM)msg->hwnd, MAKELONG( hit, base ), TRUE );
        }
    }
    return TRUE;
}

/***********************************************************************
 *      TranslateMessage (USER32.@)
 */
BOOL WINAPI TranslateMessage( const MSG *msg )
{
    WCHAR chars[4];
    BYTE state[256];
    int count, i;
    UINT char_msg;

    if (!msg) return FALSE;
    TRACE( "%s\n", debugstr_msg( msg ) );
    if (msg->message != WM_KEYDOWN && msg->message != WM_SYSKEYDOWN && msg->message != WM_KEYUP &&
        msg->message != WM_SYSKEYUP)
        return FALSE;
    /* MSDN: nonzero for key messages, translated or not */
    if (msg->message == WM_KEYUP || msg->message == WM_SYSKEYUP) return TRUE;
    GetKeyboardState( state );
    count = layout_to_unicode( msg->wParam, HIWORD(msg->lParam) & 0xff, state, chars, ARRAY_SIZE(chars), 0 );
    if (count < 0)
    {
        char_msg = msg->message == WM_SYSKEYDOWN ? WM_SYSDEADCHAR : WM_DEADCHAR;
        PostMessageW( msg->hwnd, char_msg, chars[0], msg->lParam );
        return TRUE;
    }
    char_msg = msg->message == WM_SYSKEYDOWN ? WM_SYSCHAR : WM_CHAR;
    for (i = 0; i < count; i++) PostMessageW( msg->hwnd, char_msg, chars[i], msg->lParam );
    return TRUE;
}

/* Input states replaced by AttachThreadInput. Their old owner may still be reading one (the
 * queue's input pointer is read before input_lock is taken), so they are kept, not freed: a few
 * hundred bytes per attachment. Protected by input_lock. */
static struct thread_input *retired_inputs;

static void __retire_input( struct thread_input *input )
{
    if (InterlockedDecrement( &input->refcount )) return;
    input->retired_next = retired_inputs;
    retired_inputs = input;
}

/***********************************************************************
 *      AttachThreadInput (USER32.@)
 *
 * MSDN: attached threads share their input state (focus, active window, capture, key state);
 * detaching gives the thread a copy of it.
 */
BOOL WINAPI AttachThreadInput( DWORD from, DWORD to, BOOL attach )
{
    struct msg_queue *queue_from, *queue_to;
    struct thread_input *fresh = NULL;
    BOOL ret = FALSE;

    TRACE( "%04lx %04lx %d\n", from, to, attach );
    if (from == to || !(queue_from = find_queue_by_tid( from )))
    {
        WARN( "invalid thread %04lx\n", from );
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    if (!(queue_to = find_queue_by_tid( to )))
    {
        release_queue( queue_from );
        WARN( "invalid thread %04lx\n", to );
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    if (!attach && !(fresh = create_thread_input()))
    {
        release_queue( queue_from );
        release_queue( queue_to );
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        return FALSE;
    }
    AcquireSRWLockExclusive( &input_lock );
    if (attach)
    {
        if (queue_from->input != queue_to->input)
        {
            InterlockedIncrement( &queue_to->input->refcount );
            __retire_input( queue_from->input );
            queue_from->input = queue_to->input;
        }
        ret = TRUE;
    }
    else if (queue_from->input == queue_to->input)
    {
        memcpy( fresh->keystate, queue_from->input->keystate, sizeof(fresh->keystate) );
        __retire_input( queue_from->input );
        queue_from->input = fresh;
        fresh = NULL;
        ret = TRUE;
    }
    else SetLastError( ERROR_INVALID_PARAMETER ); /* they were not attached */
    ReleaseSRWLockExclusive( &input_lock );
    if (fresh) release_thread_input( fresh );
    release_queue( queue_from );
    release_queue( queue_to );
    return ret;
}

/***********************************************************************
 *      BlockInput (USER32.@)
 */
BOOL WINAPI BlockInput( BOOL block )
{
    FIXME( "%d\n", block );
    return TRUE;
}

/***********************************************************************
 *      GetDoubleClickTime (USER32.@)
 */
UINT WINAPI GetDoubleClickTime( void )
{
    TRACE( "\n" );
    return 500;
}
