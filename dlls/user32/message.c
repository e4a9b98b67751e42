/*
 * Messages: post, send, peek, get and dispatch.
 *
 * Retrieval order (MSDN "About Messages and Message Queues", PeekMessage remarks): sent
 * messages, posted messages, input messages, sent messages again, WM_PAINT, WM_TIMER. WM_QUIT
 * is a flag, not a queued message: it comes back whatever the filter, once nothing is posted.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(msg);

C_ASSERT( sizeof(MSG) == 48 );
C_ASSERT( FIELD_OFFSET(MSG, time) == 32 );

/* Messages whose wParam or lParam points to memory: they cannot be posted (MSDN PostMessage:
 * "messages below WM_USER that carry pointers fail with ERROR_MESSAGE_SYNC_ONLY"). */
static BOOL is_pointer_message( UINT msg )
{
    switch (msg)
    {
    case WM_CREATE:
    case WM_NCCREATE:
    case WM_SETTEXT:
    case WM_GETTEXT:
    case WM_WININICHANGE:
    case WM_DEVMODECHANGE:
    case WM_GETMINMAXINFO:
    case WM_DRAWITEM:
    case WM_MEASUREITEM:
    case WM_DELETEITEM:
    case WM_COMPAREITEM:
    case WM_WINDOWPOSCHANGING:
    case WM_WINDOWPOSCHANGED:
    case WM_COPYDATA:
    case WM_NOTIFY:
    case WM_HELP:
    case WM_STYLECHANGING:
    case WM_STYLECHANGED:
    case WM_NCCALCSIZE:
    case WM_GETDLGCODE:
    case WM_NEXTMENU:
    case WM_SIZING:
    case WM_MOVING:
    case WM_MDICREATE:
    case WM_ASKCBFORMATNAME:
        return TRUE;
    }
    return FALSE;
}

static BOOL is_char_message( UINT msg )
{
    return msg == WM_CHAR || msg == WM_DEADCHAR || msg == WM_SYSCHAR || msg == WM_SYSDEADCHAR ||
           msg == WM_IME_CHAR;
}

/* ---- posting ------------------------------------------------------------------------- */

static BOOL post_message( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    struct msg_queue *queue;
    struct wnd *wnd;
    BOOL ret;

    if (is_pointer_message( msg ))
    {
        WARN( "%p %s: message carries a pointer\n", hwnd, debugstr_msg_name( msg ) );
        SetLastError( ERROR_MESSAGE_SYNC_ONLY );
        return FALSE;
    }
    /* posted messages are kept in their W form: GetMessageA converts back */
    if (!unicode && is_char_message( msg )) wparam = map_char_a_to_w( wparam );

    if (!hwnd)
    {
        if (!(queue = get_thread_queue( TRUE ))) return FALSE;
        return post_to_queue( queue, NULL, msg, wparam, lparam );
    }
    if (is_broadcast_hwnd( hwnd ))
    {
        HWND *list = list_top_level_windows();
        UINT i;

        if (!list) return FALSE;
        for (i = 0; list[i]; i++)
        {
            if (!(wnd = get_wnd( list[i] ))) continue;
            queue = wnd->queue;
            grab_queue( queue );
            release_wnd( wnd );
            post_to_queue( queue, list[i], msg, wparam, lparam );
            release_queue( queue );
        }
        HeapFree( GetProcessHeap(), 0, list );
        return TRUE;
    }
    if ((wnd = get_current_thread_wnd( hwnd )))
    {
        /* our own window: it cannot go away under us (fast path, no lock) */
        return post_to_queue( wnd->queue, hwnd, msg, wparam, lparam );
    }
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    if (wnd->flags & WIN_DESKTOP)
    {
        release_wnd( wnd );
        return TRUE; /* the desktop's thread is not ours: nothing to deliver to */
    }
    /* our reference on the window keeps its queue alive */
    ret = post_to_queue( wnd->queue, hwnd, msg, wparam, lparam );
    release_wnd( wnd );
    return ret;
}

/***********************************************************************
 *      PostMessageW (USER32.@)
 */
BOOL WINAPI PostMessageW( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%p %s %#Ix %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam );
    return post_message( hwnd, msg, wparam, lparam, TRUE );
}

/***********************************************************************
 *      PostMessageA (USER32.@)
 */
BOOL WINAPI PostMessageA( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%p %s %#Ix %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam );
    return post_message( hwnd, msg, wparam, lparam, FALSE );
}

static BOOL post_thread_message( DWORD tid, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    struct msg_queue *queue;
    BOOL ret;

    if (is_pointer_message( msg ))
    {
        WARN( "%04lx %s: message carries a pointer\n", tid, debugstr_msg_name( msg ) );
        SetLastError( ERROR_MESSAGE_SYNC_ONLY );
        return FALSE;
    }
    /* MSDN: fails with ERROR_INVALID_THREAD_ID if the thread has no message queue */
    if (!tid || !(queue = find_queue_by_tid( tid )))
    {
        WARN( "thread %04lx has no message queue\n", tid );
        SetLastError( ERROR_INVALID_THREAD_ID );
        return FALSE;
    }
    if (!unicode && is_char_message( msg )) wparam = map_char_a_to_w( wparam );
    ret = post_to_queue( queue, NULL, msg, wparam, lparam );
    release_queue( queue );
    return ret;
}

/***********************************************************************
 *      PostThreadMessageW (USER32.@)
 */
BOOL WINAPI PostThreadMessageW( DWORD tid, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%04lx %s %#Ix %#Ix\n", tid, debugstr_msg_name( msg ), wparam, lparam );
    return post_thread_message( tid, msg, wparam, lparam, TRUE );
}

/***********************************************************************
 *      PostThreadMessageA (USER32.@)
 */
BOOL WINAPI PostThreadMessageA( DWORD tid, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%04lx %s %#Ix %#Ix\n", tid, debugstr_msg_name( msg ), wparam, lparam );
    return post_thread_message( tid, msg, wparam, lparam, FALSE );
}

/***********************************************************************
 *      PostQuitMessage (USER32.@)
 */
void WINAPI PostQuitMessage( INT code )
{
    struct msg_queue *queue;

    TRACE( "%d\n", code );
    if (!(queue = get_thread_queue( TRUE ))) return;
    lock_queue( queue );
    queue->quit_posted = TRUE;
    queue->quit_code = code;
    __queue_set_bits( queue, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE );
    unlock_queue_and_wake( queue );
}

/* ---- sending ---------------------------------------------------------------------------- */

/* Calls the window procedure of a window of this thread, with the WH_CALLWNDPROC and
 * WH_CALLWNDPROCRET hooks around it (MSDN: they see sent messages, not dispatched ones). */
static LRESULT call_with_hooks( struct wnd *wnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    HWND hwnd = wnd->hwnd; /* wnd may be gone once the procedure returns: only hwnd after it */
    LRESULT ret;

    if (msg > 0xffff && handle_internal_message( hwnd, msg, wparam, lparam )) return 0;
    if (hooks_installed( WH_CALLWNDPROC ))
    {
        CWPSTRUCT cwp = { .lParam = lparam, .wParam = wparam, .message = msg, .hwnd = hwnd };
        call_hooks( WH_CALLWNDPROC, HC_ACTION, 0, (LPARAM)&cwp, unicode );
        /* a hook may change the message it is shown */
        msg = cwp.message;
        wparam = cwp.wParam;
        lparam = cwp.lParam;
        if (!IsWindow( hwnd )) return 0;
    }
    ret = dispatch_to_window( wnd, msg, wparam, lparam, unicode );
    if (hooks_installed( WH_CALLWNDPROCRET ))
    {
        CWPRETSTRUCT cwpret = { .lResult = ret, .lParam = lparam, .wParam = wparam, .message = msg,
                                .hwnd = hwnd };
        call_hooks( WH_CALLWNDPROCRET, HC_ACTION, 0, (LPARAM)&cwpret, unicode );
    }
    return ret;
}

static struct sent_message *alloc_sent_message( enum sent_kind kind, HWND hwnd, UINT msg,
                                                WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    struct sent_message *smsg = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*smsg) );

    if (!smsg)
    {
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        return NULL;
    }
    count_object( sent_messages, 1 );
    ulist_init( &smsg->entry );
    smsg->refcount = 1;
    smsg->kind = kind;
    smsg->hwnd = hwnd;
    smsg->msg = msg;
    smsg->wparam = wparam;
    smsg->lparam = lparam;
    smsg->unicode = unicode;
    return smsg;
}

static void release_sent_message( struct sent_message *smsg )
{
    if (InterlockedDecrement( &smsg->refcount )) return;
    if (smsg->sender) release_queue( smsg->sender );
    HeapFree( GetProcessHeap(), 0, smsg );
    count_object( sent_messages, -1 );
}

/* Hands a sent message to the queue of the thread owning its window; takes over the caller's
 * reference on smsg. */
static BOOL queue_sent_message( struct msg_queue *dest, struct sent_message *smsg )
{
    lock_queue( dest );
    if (dest->dead)
    {
        unlock_queue( dest );
        release_sent_message( smsg );
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return FALSE;
    }
    ulist_add_tail( &dest->sent, &smsg->entry );
    __queue_set_bits( dest, QS_SENDMESSAGE );
    unlock_queue_and_wake( dest );
    return TRUE;
}

/* The receiver is done with smsg (or gone): gives the result to whoever waits for it and
 * drops the receiver's reference. */
void finish_sent_message( struct sent_message *smsg, LRESULT result )
{
    struct msg_queue *sender = smsg->sender;

    if (!smsg->replied)
    {
        smsg->replied = TRUE;
        smsg->result = result;
        switch (smsg->kind)
        {
        case SENT_SEND:
            InterlockedExchange( &smsg->done, 1 );
            lock_queue( sender );
            __queue_set_bits( sender, QS_SMRESULT );
            unlock_queue_and_wake( sender );
            break;
        case SENT_CALLBACK:
            /* MSDN SendMessageCallback: the callback runs in the sender's thread when it next
             * retrieves messages; the result travels back as a sent-list record. */
            {
                struct sent_message *reply = alloc_sent_message( SENT_RESULT, smsg->hwnd, smsg->msg, 0, 0,
                                                                 smsg->unicode );
                if (reply)
                {
                    reply->callback = smsg->callback;
                    reply->callback_data = smsg->callback_data;
                    reply->result = result;
                    queue_sent_message( sender, reply );
                }
            }
            break;
        default:
            break;
        }
    }
    release_sent_message( smsg );
}

/* Runs one message sent from another thread, in the receiving thread. */
static void receive_sent_message( struct sent_message *smsg )
{
    struct user_thread_info *info = get_user_thread_info();
    LRESULT result = 0;
    struct wnd *wnd;

    if (smsg->kind == SENT_RESULT)
    {
        TRACE( "callback %p for %p %s result %#Ix\n", smsg->callback, smsg->hwnd,
               debugstr_msg_name( smsg->msg ), smsg->result );
        check_not_locked();
        smsg->callback( smsg->hwnd, smsg->msg, smsg->callback_data, smsg->result );
        release_sent_message( smsg );
        return;
    }
    TRACE( "%p %s %#Ix %#Ix from another thread\n", smsg->hwnd, debugstr_msg_name( smsg->msg ),
           smsg->wparam, smsg->lparam );
    smsg->outer = info->receiving;
    info->receiving = smsg;
    /* the window is this thread's (the record came through its queue), and only this thread
     * can destroy it: the lock-free lookup is enough, before and after the procedure */
    if ((wnd = get_current_thread_wnd( smsg->hwnd )))
        result = call_with_hooks( wnd, smsg->msg, smsg->wparam, smsg->lparam, smsg->unicode );
    /* MSDN SMTO_ERRORONEXIT: 0 if the window is destroyed while the message is processed; not
     * once ReplyMessage has given the sender its result */
    if (!smsg->replied && !get_current_thread_wnd( smsg->hwnd )) smsg->receiver_gone = TRUE;
    info->receiving = smsg->outer;
    finish_sent_message( smsg, result );
}

/* Processes every message other threads sent to this one; TRUE if there was any. */
BOOL process_sent_messages( struct msg_queue *queue )
{
    BOOL any = FALSE;

    for (;;)
    {
        struct sent_message *smsg;

        if (ulist_empty( &queue->sent )) return any; /* racy peek: queue_sent_message wakes us */
        lock_queue( queue );
        if (ulist_empty( &queue->sent ))
        {
            __queue_clear_bits( queue, QS_SENDMESSAGE );
            unlock_queue( queue );
            return any;
        }
        smsg = ULIST_ENTRY( queue->sent.next, struct sent_message, entry );
        ulist_remove( &smsg->entry );
        if (ulist_empty( &queue->sent )) __queue_clear_bits( queue, QS_SENDMESSAGE );
        unlock_queue( queue );
        receive_sent_message( smsg );
        /* the thread answered: it responds (IsHungAppWindow), however long the procedure took */
        queue->last_get_time = GetTickCount();
        any = TRUE;
    }
}

/* How often a sender with SMTO_ABORTIFHUNG or SMTO_NOTIMEOUTIFNOTHUNG looks whether the
 * receiver is hung (IsHungAppWindow's rule: 5 s without retrieving messages). */
#define HUNG_POLL_MS 250

/* Sends to a window of another thread and, for SENT_SEND, waits for the result while
 * processing what others send to us (so that A->B->A never deadlocks). */
static BOOL send_inter_thread( struct wnd *wnd, enum sent_kind kind, UINT msg, WPARAM wparam,
                               LPARAM lparam, BOOL unicode, DWORD timeout, UINT smto, SENDASYNCPROC callback,
                               ULONG_PTR data, LRESULT *result )
{
    struct msg_queue *self = get_thread_queue( TRUE ), *dest = wnd->queue;
    struct sent_message *smsg;
    DWORD start = GetTickCount();

    if (!self) return FALSE;
    if ((smto & SMTO_ABORTIFHUNG) && is_queue_hung( dest ))
    {
        /* MSDN SendMessageTimeout: SMTO_ABORTIFHUNG returns at once for a hung receiver */
        WARN( "%p %s: the receiving thread is hung\n", wnd->hwnd, debugstr_msg_name( msg ) );
        SetLastError( ERROR_TIMEOUT );
        return FALSE;
    }
    if (!(smsg = alloc_sent_message( kind, wnd->hwnd, msg, wparam, lparam, unicode ))) return FALSE;
    smsg->callback = callback;
    smsg->callback_data = data;
    if (kind != SENT_NOTIFY)
    {
        smsg->sender = self;
        grab_queue( self );
    }
    if (kind == SENT_SEND) smsg->refcount = 2; /* ours, until we have read the result */
    if (!queue_sent_message( dest, smsg ))
    {
        if (kind == SENT_SEND) release_sent_message( smsg );
        return FALSE;
    }
    if (kind != SENT_SEND) return TRUE;

    for (;;)
    {
        DWORD wait;

        if (smsg->done) break;
        /* MSDN SMTO_BLOCK: the sender does not process other sent messages while it waits */
        if (!(smto & SMTO_BLOCK)) process_sent_messages( self );
        if (smsg->done) break;
        wait = timeout_left( start, timeout );
        /* MSDN SMTO_NOTIMEOUTIFNOTHUNG: "does not enforce the time-out period as long as the
         * receiving thread is processing messages"; SMTO_ABORTIFHUNG: returns "if the receiving
         * thread appears to not respond" - also when it starts hanging while we wait. Both look
         * at the receiver again every HUNG_POLL_MS. */
        if (smto & (SMTO_ABORTIFHUNG | SMTO_NOTIMEOUTIFNOTHUNG))
        {
            BOOL hung = is_queue_hung( dest );
            if ((smto & SMTO_ABORTIFHUNG) && hung) wait = 0;
            else if ((smto & SMTO_NOTIMEOUTIFNOTHUNG) && !hung && !wait) wait = HUNG_POLL_MS;
            else wait = min( wait, HUNG_POLL_MS );
        }
        if (!wait)
        {
            /* The receiver has not answered in time. If it has not started on the message, it
             * never will (the record leaves its queue: Wine's builtin does the same); if it has,
             * it finishes and the result is dropped. */
            BOOL unqueued = FALSE;
            lock_queue( dest );
            if (!smsg->done && smsg->entry.next != &smsg->entry)
            {
                ulist_remove( &smsg->entry );
                if (ulist_empty( &dest->sent )) __queue_clear_bits( dest, QS_SENDMESSAGE );
                unqueued = TRUE;
            }
            smsg->abandoned = TRUE;
            unlock_queue( dest );
            if (unqueued) release_sent_message( smsg ); /* the receiver's reference */
            release_sent_message( smsg );
            WARN( "%p %s timed out\n", wnd->hwnd, debugstr_msg_name( msg ) );
            SetLastError( ERROR_TIMEOUT );
            return FALSE;
        }
        queue_wait( self, QS_SMRESULT, 0, 0, NULL, wait, (smto & SMTO_BLOCK) ? QUEUE_WAIT_NO_SENT : 0 );
        lock_queue( self );
        __queue_clear_bits( self, QS_SMRESULT );
        unlock_queue( self );
    }
    *result = smsg->result;
    if (smsg->receiver_gone && (smto & SMTO_ERRORONEXIT))
    {
        /* MSDN SMTO_ERRORONEXIT: "return 0 if the receiving window is destroyed or its owning
         * thread dies while the message is being processed" */
        release_sent_message( smsg );
        WARN( "%p %s: the receiving thread ended\n", wnd->hwnd, debugstr_msg_name( msg ) );
        return FALSE;
    }
    release_sent_message( smsg );
    return TRUE;
}

/* Sends to a window: a direct call in the owner thread, through its queue from another. */
static BOOL send_message_full( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode,
                               enum sent_kind kind, DWORD timeout, UINT smto, SENDASYNCPROC callback,
                               ULONG_PTR data, LRESULT *result )
{
    struct wnd *wnd;
    BOOL ret = TRUE;

    *result = 0;
    if (is_broadcast_hwnd( hwnd ))
    {
        HWND *list = list_top_level_windows();
        LRESULT dummy;
        UINT i;

        if (!list) return FALSE;
        for (i = 0; list[i]; i++)
            send_message_full( list[i], msg, wparam, lparam, unicode, kind, timeout, smto, callback, data,
                               &dummy );
        HeapFree( GetProcessHeap(), 0, list );
        return TRUE;
    }
    if (kind == SENT_SEND && (wnd = get_current_thread_wnd( hwnd )))
    {
        /* the common same-thread SendMessage: no lock, no reference (the window procedure may
         * destroy the window: call_with_hooks does not touch wnd after calling it) */
        *result = call_with_hooks( wnd, msg, wparam, lparam, unicode );
        return TRUE;
    }
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    if (wnd->flags & WIN_DESKTOP)
        *result = default_window_proc( hwnd, msg, wparam, lparam, unicode );
    else if (is_current_thread_window( wnd ))
    {
        *result = call_with_hooks( wnd, msg, wparam, lparam, unicode );
        if (kind == SENT_CALLBACK && callback)
        {
            /* MSDN: for a window of the calling thread the callback is called at once */
            check_not_locked();
            callback( hwnd, msg, data, *result );
        }
    }
    else ret = send_inter_thread( wnd, kind, msg, wparam, lparam, unicode, timeout, smto, callback, data, result );
    release_wnd( wnd );
    return ret;
}

LRESULT send_message( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    LRESULT result;

    send_message_full( hwnd, msg, wparam, lparam, unicode, SENT_SEND, INFINITE, 0, NULL, 0, &result );
    return result;
}

/***********************************************************************
 *      SendMessageW (USER32.@)
 */
LRESULT WINAPI SendMessageW( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%p %s %#Ix %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam );
    return send_message( hwnd, msg, wparam, lparam, TRUE );
}

/***********************************************************************
 *      SendMessageA (USER32.@)
 */
LRESULT WINAPI SendMessageA( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%p %s %#Ix %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam );
    return send_message( hwnd, msg, wparam, lparam, FALSE );
}

static LRESULT send_message_timeout( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, UINT flags,
                                     UINT timeout, PDWORD_PTR result, BOOL unicode )
{
    LRESULT res;
    BOOL ret;

    /* MSDN: for a window of the calling thread the timeout is ignored */
    ret = send_message_full( hwnd, msg, wparam, lparam, unicode, SENT_SEND, timeout, flags, NULL, 0, &res );
    if (ret && result) *result = res;
    return ret;
}

/***********************************************************************
 *      SendMessageTimeoutW (USER32.@)
 */
LRESULT WINAPI SendMessageTimeoutW( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, UINT flags,
                                    UINT timeout, PDWORD_PTR result )
{
    TRACE( "%p %s %#Ix %#Ix %#x %u %p\n", hwnd, debugstr_msg_name( msg ), wparam, lparam, flags,
           timeout, result );
    return send_message_timeout( hwnd, msg, wparam, lparam, flags, timeout, result, TRUE );
}

/***********************************************************************
 *      SendMessageTimeoutA (USER32.@)
 */
LRESULT WINAPI SendMessageTimeoutA( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, UINT flags,
                                    UINT timeout, PDWORD_PTR result )
{
    TRACE( "%p %s %#Ix %#Ix %#x %u %p\n", hwnd, debugstr_msg_name( msg ), wparam, lparam, flags,
           timeout, result );
    return send_message_timeout( hwnd, msg, wparam, lparam, flags, timeout, result, FALSE );
}

static BOOL send_notify_message( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    LRESULT result;

    if (is_pointer_message( msg ) && !is_broadcast_hwnd( hwnd ))
    {
        struct wnd *wnd = get_wnd( hwnd );
        BOOL other = wnd && !is_current_thread_window( wnd );
        if (wnd) release_wnd( wnd );
        if (other)
        {
            WARN( "%p %s: message carries a pointer\n", hwnd, debugstr_msg_name( msg ) );
            SetLastError( ERROR_MESSAGE_SYNC_ONLY );
            return FALSE;
        }
    }
    return send_message_full( hwnd, msg, wparam, lparam, unicode, SENT_NOTIFY, INFINITE, 0, NULL, 0, &result );
}

/***********************************************************************
 *      SendNotifyMessageW (USER32.@)
 */
BOOL WINAPI SendNotifyMessageW( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%p %s %#Ix %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam );
    return send_notify_message( hwnd, msg, wparam, lparam, TRUE );
}

/***********************************************************************
 *      SendNotifyMessageA (USER32.@)
 */
BOOL WINAPI SendNotifyMessageA( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%p %s %#Ix %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam );
    return send_notify_message( hwnd, msg, wparam, lparam, FALSE );
}

/***********************************************************************
 *      SendMessageCallbackW (USER32.@)
 */
BOOL WINAPI SendMessageCallbackW( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam,
                                  SENDASYNCPROC callback, ULONG_PTR data )
{
    LRESULT result;

    TRACE( "%p %s %#Ix %#Ix %p %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam, callback, data );
    return send_message_full( hwnd, msg, wparam, lparam, TRUE, SENT_CALLBACK, INFINITE, 0, callback, data,
                              &result );
}

/***********************************************************************
 *      SendMessageCallbackA (USER32.@)
 */
BOOL WINAPI SendMessageCallbackA( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam,
                                  SENDASYNCPROC callback, ULONG_PTR data )
{
    LRESULT result;

    TRACE( "%p %s %#Ix %#Ix %p %#Ix\n", hwnd, debugstr_msg_name( msg ), wparam, lparam, callback, data );
    return send_message_full( hwnd, msg, wparam, lparam, FALSE, SENT_CALLBACK, INFINITE, 0, callback, data,
                              &result );
}

/***********************************************************************
 *      InSendMessageEx (USER32.@)
 */
DWORD WINAPI InSendMessageEx( void *reserved )
{
    struct sent_message *smsg = get_user_thread_info()->receiving;
    DWORD ret;

    if (!smsg) ret = ISMEX_NOSEND;
    else
    {
        switch (smsg->kind)
        {
        case SENT_NOTIFY: ret = ISMEX_NOTIFY; break;
        case SENT_CALLBACK: ret = ISMEX_CALLBACK; break;
        default: ret = ISMEX_SEND; break;
        }
        if (smsg->replied) ret |= ISMEX_REPLIED;
    }
    TRACE( "%p -> %#lx\n", reserved, ret );
    return ret;
}

/***********************************************************************
 *      InSendMessage (USER32.@)
 */
BOOL WINAPI InSendMessage( void )
{
    TRACE( "\n" );
    return (InSendMessageEx( NULL ) & (ISMEX_SEND | ISMEX_REPLIED)) == ISMEX_SEND;
}

/***********************************************************************
 *      ReplyMessage (USER32.@)
 */
BOOL WINAPI ReplyMessage( LRESULT result )
{
    struct sent_message *smsg = get_user_thread_info()->receiving;

    TRACE( "%#Ix\n", result );
    /* MSDN: no effect unless processing a message sent from another thread */
    if (!smsg || smsg->replied) return FALSE;
    InterlockedIncrement( &smsg->refcount ); /* finish_sent_message drops one; the caller still uses it */
    finish_sent_message( smsg, result );
    return TRUE;
}

/* ---- retrieving ------------------------------------------------------------------------- */

static inline BOOL check_range( UINT msg, UINT first, UINT last )
{
    if (!first && !last) return TRUE;
    return msg >= first && msg <= last;
}

/* Called with win_lock held (shared) when filter is a window. MSDN: hWnd == -1 retrieves only
 * messages whose hwnd is NULL; a window also matches the messages of its children (Windows and
 * Wine agree on that). */
static BOOL check_hwnd_filter( HWND msg_hwnd, HWND filter )
{
    struct wnd *filter_wnd, *msg_wnd;

    if (!filter) return TRUE;
    if (filter == (HWND)-1) return msg_hwnd == NULL;
    if (msg_hwnd == filter) return TRUE;
    if (!msg_hwnd) return FALSE;
    if (!(filter_wnd = __lookup_wnd( filter )) || !(msg_wnd = __lookup_wnd( msg_hwnd ))) return FALSE;
    return __is_child_of( filter_wnd, msg_wnd );
}

/* Which kinds of message a PeekMessage call looks at (PM_QS_* or everything). */
static UINT get_peek_mask( UINT flags )
{
    UINT mask = flags >> 16;
    if (!mask) return QS_ALLINPUT | QS_ALLPOSTMESSAGE;
    if (mask & QS_POSTMESSAGE) mask |= QS_ALLPOSTMESSAGE | QS_HOTKEY | QS_TIMER;
    return mask;
}

/* PEEK_SENT: messages sent to this thread arrived meanwhile: run them, then look again */
enum peek_source { PEEK_NONE, PEEK_SENT, PEEK_POSTED, PEEK_QUIT, PEEK_INPUT, PEEK_PAINT, PEEK_TIMER };

/* One pass over the queue. Called with the queue locked (and win_lock shared if filtering by a
 * window or looking for WM_PAINT). */
static enum peek_source __peek_queue( struct msg_queue *queue, MSG *msg, LPARAM *extra, HWND hwnd,
                                      UINT first, UINT last, UINT flags, UINT mask )
{
    struct ulist *cursor;
    HWND paint_hwnd;

    if (mask & QS_POSTMESSAGE)
    {
        ULIST_FOR_EACH( cursor, &queue->posted )
        {
            struct queued_message *qmsg = ULIST_ENTRY( cursor, struct queued_message, entry );
            if (!check_range( qmsg->msg.message, first, last )) continue;
            if (!check_hwnd_filter( qmsg->msg.hwnd, hwnd )) continue;
            *msg = qmsg->msg;
            *extra = qmsg->extra_info;
            if (flags & PM_REMOVE)
            {
                ulist_remove( cursor );
                queue->posted_count--;
                __free_queued_message( queue, qmsg );
                if (ulist_empty( &queue->posted ) && !queue->quit_posted)
                    __queue_clear_bits( queue, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE );
            }
            return PEEK_POSTED;
        }
    }
    /* MSDN PostQuitMessage: WM_QUIT comes only once no other message is posted, whatever the
     * filter asks for. */
    if (queue->quit_posted && ulist_empty( &queue->posted ))
    {
        memset( msg, 0, sizeof(*msg) );
        msg->message = WM_QUIT;
        msg->wParam = queue->quit_code;
        msg->time = GetTickCount();
        *extra = 0;
        if (flags & PM_REMOVE)
        {
            queue->quit_posted = FALSE;
            __queue_clear_bits( queue, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE );
        }
        return PEEK_QUIT;
    }
    if (mask & QS_INPUT)
    {
        ULIST_FOR_EACH( cursor, &queue->input_msgs )
        {
            struct queued_message *qmsg = ULIST_ENTRY( cursor, struct queued_message, entry );
            UINT kind = (qmsg->msg.message >= WM_KEYFIRST && qmsg->msg.message <= WM_KEYLAST) ? QS_KEY
                        : qmsg->msg.message == WM_MOUSEMOVE ? QS_MOUSEMOVE : QS_MOUSEBUTTON;
            if (!(mask & kind)) continue;
            if (!check_range( qmsg->msg.message, first, last )) continue;
            if (!check_hwnd_filter( qmsg->msg.hwnd, hwnd )) continue;
            *msg = qmsg->msg;
            *extra = qmsg->extra_info;
            if (flags & PM_REMOVE)
            {
                ulist_remove( cursor );
                __free_queued_message( queue, qmsg );
                if (ulist_empty( &queue->input_msgs )) __queue_clear_bits( queue, QS_INPUT );
            }
            return PEEK_INPUT;
        }
    }
    if (!ulist_empty( &queue->sent ) && (mask & QS_SENDMESSAGE)) return PEEK_SENT;
    /* WM_PAINT belongs to a window: never a match for hwnd -1 (thread messages only) */
    if ((mask & QS_PAINT) && hwnd != (HWND)-1 && check_range( WM_PAINT, first, last ) && queue->paint_count &&
        __find_paint_window( queue, hwnd, &paint_hwnd ))
    {
        memset( msg, 0, sizeof(*msg) );
        msg->hwnd = paint_hwnd;
        msg->message = WM_PAINT;
        msg->time = GetTickCount();
        *extra = 0;
        return PEEK_PAINT; /* stays until the update region is validated */
    }
    if ((mask & QS_TIMER) && __find_due_timer( queue, hwnd, first, last, flags & PM_REMOVE, msg ))
    {
        *extra = 0;
        if ((flags & PM_REMOVE) && !__any_timer_due( queue )) __queue_clear_bits( queue, QS_TIMER );
        return PEEK_TIMER;
    }
    if ((queue->wake_bits & QS_TIMER) && !__any_timer_due( queue )) __queue_clear_bits( queue, QS_TIMER );
    return PEEK_NONE;
}

static BOOL peek_message( MSG *msg, HWND hwnd, UINT first, UINT last, UINT flags, BOOL unicode )
{
    struct user_thread_info *info = get_user_thread_info();
    struct msg_queue *queue;
    enum peek_source source;
    UINT mask = get_peek_mask( flags );
    LPARAM extra = 0;
    BOOL window_lock;

    if (!(queue = info->queue) && !(queue = get_thread_queue( TRUE ))) return FALSE;

    /* Fast path: nothing at all in the queue (the common idle PeekMessage). Read without the
     * lock: a message arriving meanwhile is found by the next call, exactly as if it had come
     * just after this one. wake_bits is exact for posted, input, sent and paint; timers are
     * checked by their list, and unseen "changed" bits need the slow path to be cleared. */
    if (!(*(volatile UINT *)&queue->wake_bits & (QS_ALLINPUT & ~QS_TIMER)) &&
        !(*(volatile UINT *)&queue->changed_bits & mask) &&
        ulist_empty( (struct ulist *)(volatile struct ulist *)&queue->timers ))
    {
        queue->last_get_time = GetTickCount();
        return FALSE;
    }

    for (;;)
    {
        /* the call itself is what the hung rule looks for (MSDN IsHungAppWindow): before the
         * sent messages, so that a sender we answer never finds us hung afterwards (an aligned
         * DWORD only the owner writes) */
        queue->last_get_time = GetTickCount();
        if (mask & QS_SENDMESSAGE) process_sent_messages( queue );

        /* the window tree is needed to match children of a filter window and to find windows
         * to paint; win_lock nests outside the queue lock */
        window_lock = (hwnd && hwnd != (HWND)-1) || queue->paint_count;
        if (window_lock) lock_windows( FALSE );
        lock_queue( queue );
        queue->last_get_time = GetTickCount();
        queue->changed_bits &= ~mask; /* the caller has now seen these */
        source = __peek_queue( queue, msg, &extra, hwnd, first, last, flags, mask );
        unlock_queue( queue );
        if (window_lock) unlock_windows( FALSE );
        if (source == PEEK_SENT) continue;
        if (source == PEEK_NONE) return FALSE;

        info->msg_time = msg->time;
        info->msg_pos = MAKELONG( msg->pt.x, msg->pt.y );
        info->extra_info = extra;
        if (source == PEEK_INPUT && !process_input_message( msg, flags, extra )) continue; /* a hook ate it */
        break;
    }

    if (hooks_installed( WH_GETMESSAGE ))
    {
        /* the hook sees (and may change) the message in its W form */
        call_hooks( WH_GETMESSAGE, HC_ACTION, flags & PM_REMOVE, (LPARAM)msg, TRUE );
    }
    if (!unicode && is_char_message( msg->message )) msg->wParam = map_char_w_to_a( msg->wParam );
    TRACE( "-> %s\n", debugstr_msg( msg ) );
    return TRUE;
}

/* The argument checks of PeekMessage and GetMessage: a MSG to fill, and a filter window that
 * exists (MSDN GetMessage: "If hWnd is an invalid window handle ... the return value is -1"). */
static inline BOOL check_retrieve_args( const MSG *msg, HWND hwnd )
{
    struct wnd *wnd;

    if (!msg)
    {
        WARN( "NULL msg\n" );
        SetLastError( ERROR_NOACCESS );
        return FALSE;
    }
    /* the usual filter, a window of this thread, is checked without the lock (it keeps the idle
     * PeekMessage lock-free) */
    if (!hwnd || hwnd == (HWND)-1 || get_current_thread_wnd( hwnd )) return TRUE;
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    release_wnd( wnd );
    return TRUE;
}

/***********************************************************************
 *      PeekMessageW (USER32.@)
 */
BOOL WINAPI PeekMessageW( MSG *msg, HWND hwnd, UINT first, UINT last, UINT flags )
{
    TRACE( "%p %p %#x %#x %#x\n", msg, hwnd, first, last, flags );
    return check_retrieve_args( msg, hwnd ) && peek_message( msg, hwnd, first, last, flags, TRUE );
}

/***********************************************************************
 *      PeekMessageA (USER32.@)
 */
BOOL WINAPI PeekMessageA( MSG *msg, HWND hwnd, UINT first, UINT last, UINT flags )
{
    TRACE( "%p %p %#x %#x %#x\n", msg, hwnd, first, last, flags );
    return check_retrieve_args( msg, hwnd ) && peek_message( msg, hwnd, first, last, flags, FALSE );
}

/* The QS_* bits a GetMessage with this range could be woken by. */
static UINT get_wait_mask( UINT first, UINT last )
{
    UINT mask = QS_POSTMESSAGE | QS_ALLPOSTMESSAGE | QS_SENDMESSAGE;

    if (!first && !last) return QS_ALLINPUT | QS_ALLPOSTMESSAGE;
    if (first <= WM_KEYLAST && last >= WM_KEYFIRST) mask |= QS_KEY;
    if (first <= WM_MOUSELAST && last >= WM_MOUSEFIRST) mask |= QS_MOUSE;
    if (first <= WM_TIMER && last >= WM_TIMER) mask |= QS_TIMER;
    if (first <= WM_SYSTIMER && last >= WM_SYSTIMER) mask |= QS_TIMER;
    if (first <= WM_PAINT && last >= WM_PAINT) mask |= QS_PAINT;
    return mask;
}

static BOOL is_foreground_thread( void )
{
    HWND fg = GetForegroundWindow();
    struct wnd *wnd;
    BOOL ret;

    if (!fg || !(wnd = get_wnd( fg ))) return FALSE;
    ret = is_current_thread_window( wnd );
    release_wnd( wnd );
    return ret;
}

static BOOL get_message( MSG *msg, HWND hwnd, UINT first, UINT last, BOOL unicode )
{
    struct msg_queue *queue;

    if (!check_retrieve_args( msg, hwnd ) || !(queue = get_thread_queue( TRUE ))) return -1;
    for (;;)
    {
        if (peek_message( msg, hwnd, first, last, PM_REMOVE, unicode )) break;
        /* MSDN WH_FOREGROUNDIDLE: when the foreground thread is about to become idle */
        if (hooks_installed( WH_FOREGROUNDIDLE ) && is_foreground_thread())
            call_hooks( WH_FOREGROUNDIDLE, HC_ACTION, 0, 0, TRUE );
        queue_wait( queue, 0, get_wait_mask( first, last ), 0, NULL, INFINITE, 0 );
    }
    return msg->message != WM_QUIT;
}

/***********************************************************************
 *      GetMessageW (USER32.@)
 */
BOOL WINAPI GetMessageW( MSG *msg, HWND hwnd, UINT first, UINT last )
{
    TRACE( "%p %p %#x %#x\n", msg, hwnd, first, last );
    return get_message( msg, hwnd, first, last, TRUE );
}

/***********************************************************************
 *      GetMessageA (USER32.@)
 */
BOOL WINAPI GetMessageA( MSG *msg, HWND hwnd, UINT first, UINT last )
{
    TRACE( "%p %p %#x %#x\n", msg, hwnd, first, last );
    return get_message( msg, hwnd, first, last, FALSE );
}

static LRESULT dispatch_message( const MSG *msg, BOOL unicode )
{
    struct wnd *wnd;

    if (!msg)
    {
        WARN( "NULL msg\n" );
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    TRACE( "%s\n", debugstr_msg( msg ) );
    if ((msg->message == WM_TIMER || msg->message == WM_SYSTIMER) && msg->lParam)
    {
        /* MSDN: DispatchMessage calls a timer's TIMERPROC, given in lParam, instead of the window
         * procedure; only procedures of live timers of this thread are called. */
        struct msg_queue *queue = get_thread_queue( FALSE );
        if (queue && is_valid_timer_proc( queue, msg->lParam ))
        {
            check_not_locked();
            ((TIMERPROC)msg->lParam)( msg->hwnd, msg->message, msg->wParam, GetTickCount() );
            return 0;
        }
        WARN( "lParam %#Ix is not a timer procedure of this thread\n", msg->lParam );
    }
    if (!msg->hwnd) return 0; /* MSDN: a thread message is not dispatched */
    /* a window of this thread (that of every message it retrieved): no lock, no reference
     * (dispatch_to_window does not touch wnd after calling the procedure) */
    if ((wnd = get_current_thread_wnd( msg->hwnd )))
        return dispatch_to_window( wnd, msg->message, msg->wParam, msg->lParam, unicode );
    if (!(wnd = get_wnd_or_fail( msg->hwnd ))) return 0;
    release_wnd( wnd );
    WARN( "%p belongs to another thread\n", msg->hwnd );
    SetLastError( ERROR_MESSAGE_SYNC_ONLY );
    return 0;
}

/***********************************************************************
 *      DispatchMessageW (USER32.@)
 */
LRESULT WINAPI DispatchMessageW( const MSG *msg )
{
    TRACE( "%p\n", msg );
    return dispatch_message( msg, TRUE );
}

/***********************************************************************
 *      DispatchMessageA (USER32.@)
 */
LRESULT WINAPI DispatchMessageA( const MSG *msg )
{
    TRACE( "%p\n", msg );
    return dispatch_message( msg, FALSE );
}

/***********************************************************************
 *      GetMessageTime (USER32.@)
 */
LONG WINAPI GetMessageTime( void )
{
    TRACE( "\n" );
    return get_user_thread_info()->msg_time;
}

/***********************************************************************
 *      GetMessagePos (USER32.@)
 */
DWORD WINAPI GetMessagePos( void )
{
    TRACE( "\n" );
    return get_user_thread_info()->msg_pos;
}

/***********************************************************************
 *      GetMessageExtraInfo (USER32.@)
 */
LPARAM WINAPI GetMessageExtraInfo( void )
{
    TRACE( "\n" );
    return get_user_thread_info()->extra_info;
}

/***********************************************************************
 *      SetMessageExtraInfo (USER32.@)
 */
LPARAM WINAPI SetMessageExtraInfo( LPARAM extra )
{
    struct user_thread_info *info = get_user_thread_info();
    LPARAM old = info->extra_info;

    TRACE( "%#Ix\n", extra );
    info->extra_info = extra;
    return old;
}

/***********************************************************************
 *      SetMessageQueue (USER32.@)
 */
BOOL WINAPI SetMessageQueue( INT size )
{
    TRACE( "%d\n", size );
    return size > 0; /* queues grow on demand up to the quota */
}
