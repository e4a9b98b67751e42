/*
 * Thread message queues: creation, the posted-message FIFO and its quota, wake bits and
 * waiting (WaitOnAddress on the fast path, a kernel event only for MsgWaitForMultipleObjectsEx),
 * GetQueueStatus / GetInputState / WaitMessage / MsgWaitForMultipleObjects(Ex), and per-thread
 * state (a TLS slot).
 *
 * Queues live in process memory: posting to and peeking at a queue takes its SRWLOCK and
 * nothing else, so neither makes a system call unless a sleeping thread has to be woken.
 */
#include "user_private.h"
#include <winternl.h>
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(msg);

static DWORD tls_index = TLS_OUT_OF_INDEXES;

/* All live queues by owner thread id, for PostThreadMessage. Protected by queues_lock, which
 * nests inside nothing and is never held while taking a queue lock. */
static SRWLOCK queues_lock = SRWLOCK_INIT;
#define QUEUE_HASH_SIZE 64
static struct ulist queue_hash[QUEUE_HASH_SIZE];
struct queue_hash_entry
{
    struct ulist entry;
    struct msg_queue *queue;
};
static INIT_ONCE queue_globals_once = INIT_ONCE_STATIC_INIT;
static volatile BOOL queue_globals_ready; /* set once init_queue_globals has run */
static UINT post_quota = QUEUE_QUOTA_DEFAULT; /* final once a queue exists */

/* Unused message nodes kept per queue: a post+peek loop then never touches the heap. */
#define FREE_NODES_MAX 64

static BOOL CALLBACK init_queue_globals( INIT_ONCE *once, void *param, void **context )
{
    DWORD value, size = sizeof(value), type;
    HKEY key;
    UINT i;

    for (i = 0; i < QUEUE_HASH_SIZE; i++) ulist_init( &queue_hash[i] );
    /* MSDN (PostMessage): the quota is USERPostMessageLimit, at least 4000, default 10,000. */
    if (!RegOpenKeyExW( HKEY_LOCAL_MACHINE, L"Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows",
                        0, KEY_READ, &key ))
    {
        if (!RegQueryValueExW( key, L"USERPostMessageLimit", NULL, &type, (BYTE *)&value, &size ) &&
            type == REG_DWORD)
            post_quota = max( value, QUEUE_QUOTA_MIN );
        RegCloseKey( key );
    }
    TRACE( "posted-message quota %u\n", post_quota );
    queue_globals_ready = TRUE;
    return TRUE;
}

/* The hash table and the quota, set up by the first queue or the first look-up. */
static void init_queue_globals_once( void )
{
    if (!queue_globals_ready) InitOnceExecuteOnce( &queue_globals_once, init_queue_globals, NULL, NULL );
}

/* ---- per-thread state -------------------------------------------------------------- */

static BOOL CALLBACK alloc_tls( INIT_ONCE *once, void *param, void **context )
{
    DWORD index = TlsAlloc();

    /* only the 64 slots of the TEB itself can be read directly */
    if (index >= ARRAY_SIZE(NtCurrentTeb()->TlsSlots))
    {
        ERR( "no TEB TLS slot left (got %lu)\n", index );
        ExitProcess( 1 );
    }
    tls_index = index;
    return TRUE;
}

struct user_thread_info *get_user_thread_info( void )
{
    static INIT_ONCE tls_once = INIT_ONCE_STATIC_INIT;
    struct user_thread_info *info;
    DWORD err;

    if (tls_index == TLS_OUT_OF_INDEXES) InitOnceExecuteOnce( &tls_once, alloc_tls, NULL, NULL );
    /* the slot read straight from the TEB: what TlsGetValue does, minus a call and minus its
     * clearing of the last error (callers may be about to return one) */
    if ((info = NtCurrentTeb()->TlsSlots[tls_index])) return info;
    err = GetLastError();
    info = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*info) );
    if (!info)
    {
        ERR( "out of memory for thread state\n" );
        ExitThread( 1 );
    }
    count_object( thread_states, 1 );
    TlsSetValue( tls_index, info );
    SetLastError( err );
    return info;
}

/* Locks held by this thread, so that call-outs can assert they hold none. */
void note_lock( BOOL acquire )
{
    struct user_thread_info *info = get_user_thread_info();
    if (acquire) info->locks++;
    else info->locks--;
}

void check_not_locked_( const char *func )
{
    struct user_thread_info *info = get_user_thread_info();
    if (info->locks)
    {
        ERR( "%s: calling out with %u user32 lock(s) held\n", func, info->locks );
        DebugBreak();
    }
}

/* ---- queue objects ------------------------------------------------------------------- */

void lock_queue( struct msg_queue *queue )
{
    AcquireSRWLockExclusive( &queue->lock );
    note_lock( TRUE );
}

void unlock_queue( struct msg_queue *queue )
{
    note_lock( FALSE );
    ReleaseSRWLockExclusive( &queue->lock );
}

void grab_queue( struct msg_queue *queue )
{
    InterlockedIncrement( &queue->refcount );
}

void release_queue( struct msg_queue *queue )
{
    struct ulist *cursor, *next;

    if (InterlockedDecrement( &queue->refcount )) return;
    TRACE( "freeing queue %p of thread %04lx\n", queue, queue->tid );
    ULIST_FOR_EACH_SAFE( cursor, next, &queue->posted )
        HeapFree( GetProcessHeap(), 0, ULIST_ENTRY( cursor, struct queued_message, entry ) );
    ULIST_FOR_EACH_SAFE( cursor, next, &queue->input_msgs )
        HeapFree( GetProcessHeap(), 0, ULIST_ENTRY( cursor, struct queued_message, entry ) );
    ULIST_FOR_EACH_SAFE( cursor, next, &queue->free_nodes )
        HeapFree( GetProcessHeap(), 0, ULIST_ENTRY( cursor, struct queued_message, entry ) );
    __free_queue_timers( queue );
    if (queue->event) CloseHandle( queue->event );
    if (queue->input) release_thread_input( queue->input );
    HeapFree( GetProcessHeap(), 0, queue );
    count_object( queues, -1 );
}

static struct msg_queue *create_queue( void )
{
    struct msg_queue *queue;
    struct queue_hash_entry *hash = NULL;

    init_queue_globals_once();
    if (!(queue = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*queue) ))) goto err;
    if (!(hash = HeapAlloc( GetProcessHeap(), 0, sizeof(*hash) ))) goto err;
    InitializeSRWLock( &queue->lock );
    queue->refcount = 2; /* the owner thread's and the hash table's */
    queue->tid = GetCurrentThreadId();
    ulist_init( &queue->posted );
    ulist_init( &queue->input_msgs );
    ulist_init( &queue->sent );
    ulist_init( &queue->free_nodes );
    ulist_init( &queue->timers );
    queue->last_get_time = GetTickCount();
    if (!(queue->input = create_thread_input())) goto err;

    hash->queue = queue;
    AcquireSRWLockExclusive( &queues_lock );
    ulist_add_tail( &queue_hash[queue->tid % QUEUE_HASH_SIZE], &hash->entry );
    ReleaseSRWLockExclusive( &queues_lock );
    count_object( queues, 1 );
    TRACE( "created queue %p for thread %04lx\n", queue, queue->tid );
    return queue;

err:
    ERR( "out of memory creating the queue of thread %04lx\n", GetCurrentThreadId() );
    HeapFree( GetProcessHeap(), 0, hash );
    HeapFree( GetProcessHeap(), 0, queue );
    return NULL;
}

/* The calling thread's queue, created on the first call that needs one (MSDN: "the system
 * creates a thread's message queue on its first call to a USER or GDI function"). */
struct msg_queue *get_thread_queue( BOOL create )
{
    struct user_thread_info *info = get_user_thread_info();

    if (!info->queue && create) info->queue = create_queue();
    return info->queue;
}

/* The queue of another thread of this process, with a reference; NULL if it has none. */
struct msg_queue *find_queue_by_tid( DWORD tid )
{
    struct msg_queue *queue = NULL;
    struct ulist *cursor;

    init_queue_globals_once();
    AcquireSRWLockShared( &queues_lock );
    ULIST_FOR_EACH( cursor, &queue_hash[tid % QUEUE_HASH_SIZE] )
    {
        struct queue_hash_entry *hash = ULIST_ENTRY( cursor, struct queue_hash_entry, entry );
        if (hash->queue->tid != tid) continue;
        queue = hash->queue;
        grab_queue( queue );
        break;
    }
    ReleaseSRWLockShared( &queues_lock );
    return queue;
}

/* ---- wake bits ------------------------------------------------------------------------- */

/* Sets QS_* bits; called with queue->lock held. If the owner is waiting for them, bumps seq so
 * that unlock_queue_and_wake() wakes it. */
void __queue_set_bits( struct msg_queue *queue, UINT bits )
{
    queue->wake_bits |= bits;
    queue->changed_bits |= bits;
    if ((queue->wake_mask & bits) || (queue->changed_mask & bits)) queue->seq++;
}

/* Called with queue->lock held. */
void __queue_clear_bits( struct msg_queue *queue, UINT bits )
{
    queue->wake_bits &= ~bits;
}

/* Releases the lock taken by lock_queue() and wakes the owner if __queue_set_bits() asked for
 * it. The wake costs a system call only when the owner really sleeps. */
void unlock_queue_and_wake( struct msg_queue *queue )
{
    BOOL waiting = queue->wake_mask || queue->changed_mask;
    BOOL satisfied = (queue->wake_bits & queue->wake_mask) || (queue->changed_bits & queue->changed_mask);
    BOOL set_event = waiting && satisfied && queue->event_wait;

    if (set_event) queue->event_wait = FALSE;
    unlock_queue( queue );
    if (!waiting || !satisfied) return;
    if (set_event) SetEvent( queue->event );
    else WakeByAddressAll( (void *)&queue->seq );
}

/* ---- posted messages ----------------------------------------------------------------- */

/* Called with queue->lock held. */
struct queued_message *__alloc_queued_message( struct msg_queue *queue )
{
    struct ulist *node;

    if (!ulist_empty( &queue->free_nodes ))
    {
        node = queue->free_nodes.next;
        ulist_remove( node );
        queue->free_count--;
        return ULIST_ENTRY( node, struct queued_message, entry );
    }
    return HeapAlloc( GetProcessHeap(), 0, sizeof(struct queued_message) );
}

/* Called with queue->lock held; qmsg is already off its list. */
void __free_queued_message( struct msg_queue *queue, struct queued_message *qmsg )
{
    if (queue->free_count < FREE_NODES_MAX)
    {
        ulist_add_head( &queue->free_nodes, &qmsg->entry );
        queue->free_count++;
        return;
    }
    HeapFree( GetProcessHeap(), 0, qmsg );
}

/* Appends a posted message, stamped with the time and the cursor position of the post. Quota
 * policy (MSDN PostMessage): at most post_quota (10,000 by default) posted messages sit in one
 * queue at a time; past that the post fails with ERROR_NOT_ENOUGH_QUOTA and nothing already
 * queued is touched. Input messages and sent messages do not count. */
BOOL post_to_queue( struct msg_queue *queue, HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    struct queued_message *qmsg;
    DWORD time = GetTickCount();
    POINT pt;

    get_cursor_pos( &pt );

    lock_queue( queue );
    if (queue->dead)
    {
        unlock_queue( queue );
        WARN( "thread %04lx has exited\n", queue->tid );
        SetLastError( ERROR_INVALID_THREAD_ID );
        return FALSE;
    }
    if (queue->posted_count >= post_quota) /* set up before the queue was made */
    {
        unlock_queue( queue );
        WARN( "queue of thread %04lx is full (%u messages)\n", queue->tid, post_quota );
        SetLastError( ERROR_NOT_ENOUGH_QUOTA );
        return FALSE;
    }
    if (!(qmsg = __alloc_queued_message( queue )))
    {
        unlock_queue( queue );
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        return FALSE;
    }
    qmsg->msg.hwnd = hwnd;
    qmsg->msg.message = msg;
    qmsg->msg.wParam = wparam;
    qmsg->msg.lParam = lparam;
    qmsg->msg.time = time;
    qmsg->msg.pt = pt;
    qmsg->extra_info = 0;
    ulist_add_tail( &queue->posted, &qmsg->entry );
    queue->posted_count++;
    __queue_set_bits( queue, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE );
    unlock_queue_and_wake( queue );
    return TRUE;
}

/* Takes off the queue the messages sent to hwnd (all of them if hwnd is NULL) that will never
 * be answered, chained through next_orphan, to be released by release_orphans() once the lock
 * is dropped. Unlinked under the lock: a sender timing out meanwhile sees them as taken. Results
 * of our own SendMessageCallback calls stay while the thread lives: they are for us. Called with
 * queue->lock held. */
static struct sent_message *__take_orphans( struct msg_queue *queue, HWND hwnd )
{
    struct sent_message *orphans = NULL, **tail = &orphans, *smsg;
    struct ulist *cursor, *next;

    ULIST_FOR_EACH_SAFE( cursor, next, &queue->sent )
    {
        smsg = ULIST_ENTRY( cursor, struct sent_message, entry );
        if (hwnd && (smsg->hwnd != hwnd || smsg->kind == SENT_RESULT)) continue;
        ulist_remove( cursor );
        smsg->receiver_gone = TRUE;
        smsg->next_orphan = NULL;
        *tail = smsg;
        tail = &smsg->next_orphan;
    }
    if (ulist_empty( &queue->sent )) __queue_clear_bits( queue, QS_SENDMESSAGE );
    return orphans;
}

/* MSDN: a sender whose receiver ends gets 0 back. finish_sent_message takes the senders' queue
 * locks: never called under ours. */
static void release_orphans( struct sent_message *orphans )
{
    struct sent_message *smsg;

    while ((smsg = orphans))
    {
        orphans = smsg->next_orphan;
        TRACE( "releasing the sender of %s to %p\n", debugstr_msg_name( smsg->msg ), smsg->hwnd );
        finish_sent_message( smsg, 0 );
    }
}

/* Drops the posted and input messages of a window being destroyed (MSDN DestroyWindow: "flushes
 * the thread message queue" of the window's messages), and releases at once, with 0, every
 * thread still waiting for a message sent to it: no procedure will ever run for them (issue 5:
 * a receiver that destroys the window releases its senders, even if it never looks at its
 * queue again). */
void queue_remove_window_messages( struct msg_queue *queue, HWND hwnd )
{
    struct ulist *cursor, *next;
    struct sent_message *orphans;

    lock_queue( queue );
    orphans = __take_orphans( queue, hwnd );
    ULIST_FOR_EACH_SAFE( cursor, next, &queue->posted )
    {
        struct queued_message *qmsg = ULIST_ENTRY( cursor, struct queued_message, entry );
        if (qmsg->msg.hwnd != hwnd) continue;
        ulist_remove( cursor );
        queue->posted_count--;
        __free_queued_message( queue, qmsg );
    }
    ULIST_FOR_EACH_SAFE( cursor, next, &queue->input_msgs )
    {
        struct queued_message *qmsg = ULIST_ENTRY( cursor, struct queued_message, entry );
        if (qmsg->msg.hwnd != hwnd) continue;
        ulist_remove( cursor );
        __free_queued_message( queue, qmsg );
    }
    if (ulist_empty( &queue->posted )) __queue_clear_bits( queue, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE );
    if (ulist_empty( &queue->input_msgs )) __queue_clear_bits( queue, QS_INPUT );
    __kill_window_timers( queue, hwnd );
    unlock_queue( queue );
    release_orphans( orphans );
}

/* ---- waiting --------------------------------------------------------------------------- */

/* Called with queue->lock held. */
static BOOL __wait_satisfied( struct msg_queue *queue, UINT wake_mask, UINT changed_mask )
{
    return (queue->wake_bits & wake_mask) || (queue->changed_bits & changed_mask);
}

/* The owner waits until wake_bits & wake_mask or changed_bits & changed_mask, a handle is
 * signalled, a timer falls due, or timeout ms pass. Returns like WaitForMultipleObjectsEx,
 * with WAIT_OBJECT_0 + count meaning "the queue". Sent messages always end the wait so that
 * the caller can process them. */
DWORD queue_wait( struct msg_queue *queue, UINT wake_mask, UINT changed_mask, DWORD count,
                  const HANDLE *handles, DWORD timeout, DWORD flags )
{
    DWORD start = GetTickCount(), ret, timer_timeout, wait;
    HANDLE all[MAXIMUM_WAIT_OBJECTS];
    LONG seq;

    /* sent messages end every wait, except a SendMessageTimeout(SMTO_BLOCK) sender's */
    if (!(flags & QUEUE_WAIT_NO_SENT)) wake_mask |= QS_SENDMESSAGE;
    flags &= ~QUEUE_WAIT_NO_SENT;
    for (;;)
    {
        wait = timeout_left( start, timeout );
        lock_queue( queue );
        if (__wait_satisfied( queue, wake_mask, changed_mask ))
        {
            unlock_queue( queue );
            return WAIT_OBJECT_0 + count;
        }
        if ((wake_mask | changed_mask) & QS_TIMER)
        {
            timer_timeout = __next_timer_timeout( queue );
            if (timer_timeout == 0)
            {
                __queue_set_bits( queue, QS_TIMER ); /* a timer fell due: that is input */
                unlock_queue( queue );
                return WAIT_OBJECT_0 + count;
            }
            if (timer_timeout < wait) wait = timer_timeout;
        }
        queue->wake_mask = wake_mask;
        queue->changed_mask = changed_mask;
        seq = queue->seq;
        if (count || (flags & MWMO_ALERTABLE))
        {
            if (!queue->event) queue->event = CreateEventW( NULL, FALSE, FALSE, NULL );
            queue->event_wait = TRUE;
        }
        unlock_queue( queue );

        if (!count && !(flags & MWMO_ALERTABLE))
        {
            if (wait == 0) ret = WAIT_TIMEOUT;
            else ret = WaitOnAddress( (void *)&queue->seq, &seq, sizeof(seq), wait ) ? WAIT_OBJECT_0 + count
                                                                                   : WAIT_TIMEOUT;
        }
        else
        {
            memcpy( all, handles, count * sizeof(HANDLE) );
            all[count] = queue->event;
            ret = WaitForMultipleObjectsEx( count + 1, all, (flags & MWMO_WAITALL) != 0, wait,
                                            (flags & MWMO_ALERTABLE) != 0 );
        }

        lock_queue( queue );
        queue->wake_mask = queue->changed_mask = 0;
        queue->event_wait = FALSE;
        unlock_queue( queue );

        if (ret == WAIT_TIMEOUT)
        {
            if (!timeout_left( start, timeout )) return WAIT_TIMEOUT;
            continue; /* a timer fell due, or a spurious wake: look again */
        }
        if (ret == WAIT_OBJECT_0 + count) continue; /* re-check the bits under the lock */
        return ret;
    }
}

/***********************************************************************
 *      GetQueueStatus (USER32.@)
 */
DWORD WINAPI GetQueueStatus( UINT flags )
{
    struct msg_queue *queue;
    DWORD ret;

    TRACE( "%#x\n", flags );
    if (flags & ~(QS_ALLINPUT | QS_ALLPOSTMESSAGE | QS_SMRESULT))
    {
        WARN( "invalid flags %#x\n", flags );
        SetLastError( ERROR_INVALID_FLAGS );
        return 0;
    }
    if (!(queue = get_thread_queue( TRUE ))) return 0;
    lock_queue( queue );
    if (__any_timer_due( queue )) __queue_set_bits( queue, QS_TIMER );
    ret = MAKELONG( queue->changed_bits & flags, queue->wake_bits & flags );
    /* MSDN: the high word is what is in the queue, the low word what was added since the last
     * call to GetQueueStatus, GetMessage or PeekMessage; reading it clears it. */
    queue->changed_bits &= ~flags;
    unlock_queue( queue );
    return ret;
}

/***********************************************************************
 *      GetInputState (USER32.@)
 */
BOOL WINAPI GetInputState( void )
{
    struct msg_queue *queue;
    BOOL ret;

    TRACE( "\n" );
    if (!(queue = get_thread_queue( TRUE ))) return FALSE;
    lock_queue( queue );
    ret = (queue->wake_bits & (QS_KEY | QS_MOUSEBUTTON)) != 0;
    unlock_queue( queue );
    return ret;
}

/***********************************************************************
 *      WaitMessage (USER32.@)
 *
 * Waits until a message arrives that the last Get/PeekMessage has not seen; sent messages are
 * processed while waiting.
 */
BOOL WINAPI WaitMessage( void )
{
    struct msg_queue *queue;

    TRACE( "\n" );
    if (!(queue = get_thread_queue( TRUE ))) return FALSE;
    for (;;)
    {
        if (process_sent_messages( queue )) return TRUE;
        queue_wait( queue, 0, QS_ALLINPUT, 0, NULL, INFINITE, 0 );
        lock_queue( queue );
        if (queue->changed_bits & (QS_ALLINPUT & ~QS_SENDMESSAGE))
        {
            unlock_queue( queue );
            return TRUE;
        }
        unlock_queue( queue );
    }
}

/***********************************************************************
 *      MsgWaitForMultipleObjectsEx (USER32.@)
 */
DWORD WINAPI MsgWaitForMultipleObjectsEx( DWORD count, const HANDLE *handles, DWORD timeout,
                                          DWORD mask, DWORD flags )
{
    struct msg_queue *queue;
    UINT wake_mask, changed_mask;
    DWORD ret, start = GetTickCount();

    TRACE( "%lu, %p, %lu, %#lx, %#lx\n", count, handles, timeout, mask, flags );
    if (count > MAXIMUM_WAIT_OBJECTS - 1 || (count && !handles))
    {
        WARN( "invalid handle count %lu\n", count );
        SetLastError( ERROR_INVALID_PARAMETER );
        return WAIT_FAILED;
    }
    if (!(queue = get_thread_queue( TRUE ))) return WAIT_FAILED;
    /* MSDN: without MWMO_INPUTAVAILABLE only input that arrived since the thread last looked at
     * its queue counts; with it, any input already in the queue does. */
    changed_mask = mask;
    wake_mask = (flags & MWMO_INPUTAVAILABLE) ? mask : 0;
    for (;;)
    {
        ret = queue_wait( queue, wake_mask, changed_mask, count, handles, timeout_left( start, timeout ), flags );
        if (ret != WAIT_OBJECT_0 + count) break;
        lock_queue( queue );
        if (__wait_satisfied( queue, wake_mask | (mask & QS_SENDMESSAGE), changed_mask ))
        {
            unlock_queue( queue );
            /* Issue 5: a thread waiting here with QS_SENDMESSAGE runs what is sent to it (Wine's
             * builtin only returns, and a receiver that then waits on something else leaves
             * its sender blocked). The caller still learns that something arrived. */
            if (mask & QS_SENDMESSAGE) process_sent_messages( queue );
            break;
        }
        unlock_queue( queue );
        if (!timeout_left( start, timeout ))
        {
            ret = WAIT_TIMEOUT;
            break;
        }
        /* only results of our own sends or timers we are not asked about: keep waiting */
        process_sent_messages( queue );
    }
    TRACE( "-> %#lx\n", ret );
    return ret;
}

/***********************************************************************
 *      MsgWaitForMultipleObjects (USER32.@)
 */
DWORD WINAPI MsgWaitForMultipleObjects( DWORD count, const HANDLE *handles, BOOL wait_all,
                                        DWORD timeout, DWORD mask )
{
    TRACE( "%#lx %p %d %#lx %#lx\n", count, handles, wait_all, timeout, mask );
    return MsgWaitForMultipleObjectsEx( count, handles, timeout, mask, wait_all ? MWMO_WAITALL : 0 );
}

/* Thread exit: destroys the thread's windows and hooks, releases the senders still waiting on
 * it, and drops its queue. Called from DllMain(DLL_THREAD_DETACH). */
void user_thread_detach( void )
{
    struct user_thread_info *info;
    struct msg_queue *queue;
    struct queue_hash_entry *hash = NULL;
    struct sent_message *orphans;
    struct ulist *cursor;

    if (tls_index == TLS_OUT_OF_INDEXES || !(info = NtCurrentTeb()->TlsSlots[tls_index])) return;
    if ((queue = info->queue))
    {
        /* First the senders, so that they learn the thread ended (SMTO_ERRORONEXIT) rather
         * than that its windows were destroyed; nothing new can arrive once the queue is dead. */
        lock_queue( queue );
        queue->dead = TRUE;
        orphans = __take_orphans( queue, NULL );
        unlock_queue( queue );
        release_orphans( orphans );

        destroy_thread_windows();
        remove_thread_hooks( queue->tid );

        AcquireSRWLockExclusive( &queues_lock );
        ULIST_FOR_EACH( cursor, &queue_hash[queue->tid % QUEUE_HASH_SIZE] )
        {
            struct queue_hash_entry *entry = ULIST_ENTRY( cursor, struct queue_hash_entry, entry );
            if (entry->queue != queue) continue;
            ulist_remove( cursor );
            hash = entry;
            break;
        }
        ReleaseSRWLockExclusive( &queues_lock );

        if (hash)
        {
            HeapFree( GetProcessHeap(), 0, hash );
            release_queue( queue ); /* the hash table's reference */
        }
        release_queue( queue );     /* the thread's */
    }
    TlsSetValue( tls_index, NULL );
    HeapFree( GetProcessHeap(), 0, info );
    count_object( thread_states, -1 );
}

/***********************************************************************
 *      IsHungAppWindow (USER32.@)
 *
 * MSDN: hung if the thread is not waiting for input and has not retrieved messages for 5 s.
 */
BOOL WINAPI IsHungAppWindow( HWND hwnd )
{
    struct wnd *wnd;
    struct msg_queue *queue;
    BOOL ret = FALSE;

    TRACE( "%p\n", hwnd );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    if ((queue = wnd->queue)) ret = is_queue_hung( queue );
    release_wnd( wnd );
    return ret;
}

/* The hung rule of IsHungAppWindow (MSDN: not waiting for input and no message retrieved for
 * 5 seconds). */
BOOL is_queue_hung( struct msg_queue *queue )
{
    BOOL ret;

    lock_queue( queue );
    ret = !queue->wake_mask && !queue->changed_mask && !queue->dead &&
          GetTickCount() - queue->last_get_time > 5000;
    unlock_queue( queue );
    return ret;
}
