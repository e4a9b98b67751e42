/*
 * Timers: SetTimer / KillTimer for window and thread timers, and the WM_TIMER / WM_SYSTIMER
 * messages synthesized from them.
 *
 * Coalescing policy (MSDN SetTimer / WM_TIMER): a timer is not a queue of messages but a
 * deadline. WM_TIMER is synthesized when a timer is due and nothing else is pending; however
 * late the thread is, each timer has at most one WM_TIMER pending, and removing it (PM_REMOVE)
 * re-arms the timer one period after that moment.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(timer);

struct user_timer
{
    struct ulist entry; /* in msg_queue.timers, under the queue lock */
    HWND hwnd;          /* NULL for a thread timer */
    UINT_PTR id;
    UINT msg;           /* WM_TIMER or WM_SYSTIMER */
    UINT elapse;        /* ms */
    DWORD due;          /* tick at which the timer is due */
    TIMERPROC proc;
};

/* Thread timers get ids from 0x7fff downwards (Wine's observable behaviour; MSDN only says
 * "a new timer ID is generated"). */
#define THREAD_TIMER_ID_FIRST 0x7fff
#define THREAD_TIMER_ID_LAST  0x100

static inline BOOL is_due( DWORD due, DWORD now )
{
    return (LONG)(due - now) <= 0;
}

/* Called with the queue lock held. */
static struct user_timer *__find_timer( struct msg_queue *queue, HWND hwnd, UINT_PTR id, UINT msg )
{
    struct ulist *cursor;
    ULIST_FOR_EACH( cursor, &queue->timers )
    {
        struct user_timer *timer = ULIST_ENTRY( cursor, struct user_timer, entry );
        if (timer->hwnd == hwnd && timer->id == id && timer->msg == msg) return timer;
    }
    return NULL;
}

static UINT_PTR set_timer( HWND hwnd, UINT_PTR id, UINT elapse, TIMERPROC proc, UINT msg )
{
    struct msg_queue *queue;
    struct user_timer *timer, *fresh;
    struct wnd *wnd;
    UINT_PTR ret;

    if (hwnd)
    {
        if (!(wnd = get_wnd_or_fail( hwnd ))) return 0;
        if (!is_current_thread_window( wnd ))
        {
            /* MSDN: the window must belong to the calling thread */
            release_wnd( wnd );
            WARN( "%p belongs to another thread\n", hwnd );
            SetLastError( ERROR_INVALID_WINDOW_HANDLE );
            return 0;
        }
        release_wnd( wnd );
    }
    if (!(queue = get_thread_queue( TRUE ))) return 0;
    /* MSDN: below USER_TIMER_MINIMUM the period is USER_TIMER_MINIMUM, above the maximum it is
     * the maximum */
    if (elapse < USER_TIMER_MINIMUM) elapse = USER_TIMER_MINIMUM;
    if (elapse > USER_TIMER_MAXIMUM) elapse = USER_TIMER_MAXIMUM;
    if (!(fresh = HeapAlloc( GetProcessHeap(), 0, sizeof(*fresh) )))
    {
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        return 0;
    }

    lock_queue( queue );
    if (!hwnd && (!id || !__find_timer( queue, NULL, id, msg )))
    {
        /* MSDN: for a thread timer an id that matches no timer is ignored and one is made up */
        for (id = THREAD_TIMER_ID_FIRST; id >= THREAD_TIMER_ID_LAST; id--)
            if (!__find_timer( queue, NULL, id, msg )) break;
        if (id < THREAD_TIMER_ID_LAST)
        {
            unlock_queue( queue );
            HeapFree( GetProcessHeap(), 0, fresh );
            WARN( "no free timer id\n" );
            SetLastError( ERROR_NO_SYSTEM_RESOURCES );
            return 0;
        }
    }
    if ((timer = __find_timer( queue, hwnd, id, msg ))) HeapFree( GetProcessHeap(), 0, fresh ); /* replaced */
    else
    {
        timer = fresh;
        timer->hwnd = hwnd;
        timer->id = id;
        timer->msg = msg;
        ulist_add_tail( &queue->timers, &timer->entry );
    }
    timer->elapse = elapse;
    timer->proc = proc;
    timer->due = GetTickCount() + elapse;
    queue->seq++; /* a waiting owner recomputes its deadline (only the owner sets timers) */
    unlock_queue( queue );
    ret = hwnd ? (id ? id : 1) : id;
    TRACE( "-> %#Ix\n", ret );
    return ret;
}

static BOOL kill_timer( HWND hwnd, UINT_PTR id, UINT msg )
{
    struct msg_queue *queue;
    struct user_timer *timer = NULL;

    if ((queue = get_thread_queue( FALSE )))
    {
        lock_queue( queue );
        if ((timer = __find_timer( queue, hwnd, id, msg ))) ulist_remove( &timer->entry );
        unlock_queue( queue );
    }
    if (!timer)
    {
        WARN( "no timer %p/%#Ix\n", hwnd, id );
        SetLastError( ERROR_INVALID_PARAMETER );
        return FALSE;
    }
    HeapFree( GetProcessHeap(), 0, timer );
    return TRUE;
}

/***********************************************************************
 *      SetTimer (USER32.@)
 */
UINT_PTR WINAPI SetTimer( HWND hwnd, UINT_PTR id, UINT elapse, TIMERPROC proc )
{
    TRACE( "%p %#Ix %u %p\n", hwnd, id, elapse, proc );
    return set_timer( hwnd, id, elapse, proc, WM_TIMER );
}

/***********************************************************************
 *      SetSystemTimer (USER32.@)
 */
UINT_PTR WINAPI SetSystemTimer( HWND hwnd, UINT_PTR id, UINT elapse, void *proc )
{
    TRACE( "%p %#Ix %u %p\n", hwnd, id, elapse, proc );
    return set_timer( hwnd, id, elapse, proc, WM_SYSTIMER );
}

/***********************************************************************
 *      KillTimer (USER32.@)
 */
BOOL WINAPI KillTimer( HWND hwnd, UINT_PTR id )
{
    TRACE( "%p %#Ix\n", hwnd, id );
    return kill_timer( hwnd, id, WM_TIMER );
}

/***********************************************************************
 *      KillSystemTimer (USER32.@)
 */
BOOL WINAPI KillSystemTimer( HWND hwnd, UINT_PTR id )
{
    TRACE( "%p %#Ix\n", hwnd, id );
    return kill_timer( hwnd, id, WM_SYSTIMER );
}

/* Called with the queue lock held (and win_lock shared if filter is a window). Finds the due
 * timer that has waited longest among those the filter accepts. */
BOOL __find_due_timer( struct msg_queue *queue, HWND filter, UINT first, UINT last, BOOL remove, MSG *msg )
{
    struct user_timer *best = NULL;
    struct ulist *cursor;
    DWORD now = GetTickCount();

    ULIST_FOR_EACH( cursor, &queue->timers )
    {
        struct user_timer *timer = ULIST_ENTRY( cursor, struct user_timer, entry );
        if (!is_due( timer->due, now )) continue;
        if ((first || last) && (timer->msg < first || timer->msg > last)) continue;
        if (filter == (HWND)-1 ? timer->hwnd != NULL : filter && filter != timer->hwnd) continue;
        if (!best || (LONG)(timer->due - best->due) < 0) best = timer;
    }
    if (!best) return FALSE;
    memset( msg, 0, sizeof(*msg) );
    msg->hwnd = best->hwnd;
    msg->message = best->msg;
    msg->wParam = best->id;
    msg->lParam = (LPARAM)best->proc;
    msg->time = now;
    get_cursor_pos( &msg->pt );
    if (remove) best->due = now + best->elapse;
    return TRUE;
}

/* Called with the queue lock held: ms until a timer that was not due at the last look falls
 * due (timers already due then were seen, and maybe filtered out: they must not wake us), or
 * INFINITE. */
DWORD __next_timer_timeout( struct msg_queue *queue )
{
    DWORD now = GetTickCount(), ret = INFINITE;
    struct ulist *cursor;

    ULIST_FOR_EACH( cursor, &queue->timers )
    {
        struct user_timer *timer = ULIST_ENTRY( cursor, struct user_timer, entry );
        DWORD left;
        if (is_due( timer->due, queue->last_get_time )) continue;
        left = is_due( timer->due, now ) ? 0 : timer->due - now;
        if (left < ret) ret = left;
    }
    return ret;
}

/* Called with the queue lock held: is any timer due now? */
BOOL __any_timer_due( struct msg_queue *queue )
{
    DWORD now = GetTickCount();
    struct ulist *cursor;

    ULIST_FOR_EACH( cursor, &queue->timers )
        if (is_due( ULIST_ENTRY( cursor, struct user_timer, entry )->due, now )) return TRUE;
    return FALSE;
}

/* Called with the queue lock held. */
void __kill_window_timers( struct msg_queue *queue, HWND hwnd )
{
    struct ulist *cursor, *next;
    ULIST_FOR_EACH_SAFE( cursor, next, &queue->timers )
    {
        struct user_timer *timer = ULIST_ENTRY( cursor, struct user_timer, entry );
        if (timer->hwnd != hwnd) continue;
        ulist_remove( cursor );
        HeapFree( GetProcessHeap(), 0, timer );
    }
}

/* The queue is being freed. */
void __free_queue_timers( struct msg_queue *queue )
{
    struct ulist *cursor, *next;
    ULIST_FOR_EACH_SAFE( cursor, next, &queue->timers )
        HeapFree( GetProcessHeap(), 0, ULIST_ENTRY( cursor, struct user_timer, entry ) );
}

/* DispatchMessage only calls a TIMERPROC that belongs to a live timer of this thread. */
BOOL is_valid_timer_proc( struct msg_queue *queue, LPARAM proc )
{
    struct ulist *cursor;
    BOOL ret = FALSE;

    lock_queue( queue );
    ULIST_FOR_EACH( cursor, &queue->timers )
        if ((LPARAM)ULIST_ENTRY( cursor, struct user_timer, entry )->proc == proc)
        {
            ret = TRUE;
            break;
        }
    unlock_queue( queue );
    return ret;
}
