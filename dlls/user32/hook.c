/*
 * Hooks: SetWindowsHookEx chains, CallNextHookEx, CallMsgFilter.
 *
 * A hook applies to one thread of this process or (dwThreadId 0) to every thread of it; hooks
 * of other processes are out of reach of an in-process user32 (FIXME'd). The most recently
 * installed hook is called first. A thread inside a hook procedure of some type does not get
 * that type's hooks called again (no recursion, as on Windows).
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(hook);

#define NB_HOOKS (WH_MAXHOOK - WH_MINHOOK + 1)
#define MAX_HOOKS 0x1000

struct hook
{
    struct ulist entry; /* in hook_chains[id], under hook_lock */
    LONG refcount;      /* the chain's + one per call in progress; atomic */
    HHOOK handle;
    int id;
    HOOKPROC proc;
    BOOL unicode;
    DWORD tid;          /* thread it applies to, 0 for all */
    DWORD owner;        /* installing thread */
    BOOL removed;
};

/* hook_lock protects the chains, the handle table and every hook's removed flag. */
static SRWLOCK hook_lock = SRWLOCK_INIT;
static struct ulist hook_chains[NB_HOOKS];
static volatile LONG hook_counts[NB_HOOKS]; /* read without the lock: "is any hook installed?" */
static struct hook *hook_handles[MAX_HOOKS];
static WORD hook_generations[MAX_HOOKS];
static INIT_ONCE hook_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK init_hooks( INIT_ONCE *once, void *param, void **context )
{
    for (int i = 0; i < NB_HOOKS; i++) ulist_init( &hook_chains[i] );
    return TRUE;
}

static void lock_hooks( BOOL exclusive )
{
    InitOnceExecuteOnce( &hook_once, init_hooks, NULL, NULL );
    if (exclusive) AcquireSRWLockExclusive( &hook_lock );
    else AcquireSRWLockShared( &hook_lock );
    note_lock( TRUE );
}

static void unlock_hooks( BOOL exclusive )
{
    note_lock( FALSE );
    if (exclusive) ReleaseSRWLockExclusive( &hook_lock );
    else ReleaseSRWLockShared( &hook_lock );
}

BOOL hooks_installed( int id )
{
    return id >= WH_MINHOOK && id <= WH_MAXHOOK && hook_counts[id - WH_MINHOOK] > 0;
}

static void release_hook( struct hook *hook )
{
    if (InterlockedDecrement( &hook->refcount )) return;
    HeapFree( GetProcessHeap(), 0, hook );
    count_object( hooks, -1 );
}

/* Called with hook_lock held: the handle's hook or NULL. */
static struct hook *__lookup_hook( HHOOK handle )
{
    UINT index = LOWORD((ULONG_PTR)handle), generation = HIWORD((ULONG_PTR)handle);
    if (index >= MAX_HOOKS || !hook_handles[index] || hook_generations[index] != generation) return NULL;
    return hook_handles[index];
}

/* Called with hook_lock held: the first hook after `after` (or the head) that applies to tid. */
static struct hook *__next_hook( int id, struct hook *after, DWORD tid )
{
    struct ulist *chain = &hook_chains[id - WH_MINHOOK], *cursor = after ? after->entry.next : chain->next;

    for (; cursor != chain; cursor = cursor->next)
    {
        struct hook *hook = ULIST_ENTRY( cursor, struct hook, entry );
        if (hook->removed) continue;
        if (hook->tid && hook->tid != tid) continue;
        return hook;
    }
    return NULL;
}

/* The CBT_CREATEWND of HCBT_CREATEWND carries strings: translate them for the other side. */
static LRESULT call_hook_proc( struct hook *hook, int code, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    LRESULT ret;

    check_not_locked();
    TRACE( "calling hook %p type %d code %d wp %#Ix lp %#Ix\n", hook->proc, hook->id, code, wparam, lparam );
    if (hook->id == WH_CBT && code == HCBT_CREATEWND && !hook->unicode != !unicode)
    {
        CBT_CREATEWNDW *cbtw = (CBT_CREATEWNDW *)lparam;
        CREATESTRUCTW csw = *cbtw->lpcs;
        CBT_CREATEWNDW copy = { .lpcs = &csw, .hwndInsertAfter = cbtw->hwndInsertAfter };
        void *class_conv = NULL, *name_conv = NULL;

        if (unicode) /* to an ANSI hook */
        {
            if (!IS_INTRESOURCE(csw.lpszClass)) csw.lpszClass = class_conv = strdup_w_to_a( csw.lpszClass );
            if (csw.lpszName && !IS_INTRESOURCE(csw.lpszName)) csw.lpszName = name_conv = strdup_w_to_a( csw.lpszName );
        }
        else
        {
            if (!IS_INTRESOURCE(csw.lpszClass)) csw.lpszClass = class_conv = strdup_a_to_w( (const char *)csw.lpszClass );
            if (csw.lpszName && !IS_INTRESOURCE(csw.lpszName))
                csw.lpszName = name_conv = strdup_a_to_w( (const char *)csw.lpszName );
        }
        ret = hook->proc( code, wparam, (LPARAM)&copy );
        cbtw->hwndInsertAfter = copy.hwndInsertAfter;
        HeapFree( GetProcessHeap(), 0, class_conv );
        HeapFree( GetProcessHeap(), 0, name_conv );
        return ret;
    }
    if (hook->id == WH_GETMESSAGE && !hook->unicode)
    {
        MSG *msg = (MSG *)lparam;
        if (msg->message == WM_CHAR || msg->message == WM_DEADCHAR || msg->message == WM_SYSCHAR ||
            msg->message == WM_SYSDEADCHAR)
        {
            msg->wParam = map_char_w_to_a( msg->wParam );
            ret = hook->proc( code, wparam, lparam );
            msg->wParam = map_char_a_to_w( msg->wParam );
            return ret;
        }
    }
    return hook->proc( code, wparam, lparam );
}

/* Calls hook, the one CallNextHookEx goes on from; the caller holds a reference on it. */
static LRESULT call_hook_chain( struct hook *hook, int code, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    struct user_thread_info *info = get_user_thread_info();
    struct hook *prev = info->current_hook;
    UINT prev_busy = info->hooks_busy;
    LRESULT ret;

    info->current_hook = hook;
    info->hooks_busy |= 1u << (hook->id - WH_MINHOOK);
    ret = call_hook_proc( hook, code, wparam, lparam, unicode );
    info->current_hook = prev;
    info->hooks_busy = prev_busy;
    return ret;
}

LRESULT call_hooks( int id, int code, WPARAM wparam, LPARAM lparam, BOOL unicode )
{
    struct user_thread_info *info;
    struct hook *hook;
    LRESULT ret;

    if (!hooks_installed( id )) return 0;
    info = get_user_thread_info();
    if (info->hooks_busy & (1u << (id - WH_MINHOOK))) return 0; /* no recursion */
    lock_hooks( FALSE );
    if ((hook = __next_hook( id, NULL, GetCurrentThreadId() ))) InterlockedIncrement( &hook->refcount );
    unlock_hooks( FALSE );
    if (!hook) return 0;
    ret = call_hook_chain( hook, code, wparam, lparam, unicode );
    release_hook( hook );
    return ret;
}

static HHOOK set_windows_hook( int id, HOOKPROC proc, HINSTANCE module, DWORD tid, BOOL unicode )
{
    struct hook *hook;
    UINT index;

    if (id < WH_MINHOOK || id > WH_MAXHOOK)
    {
        WARN( "invalid hook type %d\n", id );
        SetLastError( ERROR_INVALID_HOOK_FILTER );
        return NULL;
    }
    if (!proc)
    {
        WARN( "NULL procedure\n" );
        SetLastError( ERROR_INVALID_FILTER_PROC );
        return NULL;
    }
    if (id == WH_JOURNALRECORD || id == WH_JOURNALPLAYBACK)
    {
        FIXME( "journal hooks are not supported\n" );
        SetLastError( ERROR_ACCESS_DENIED );
        return NULL;
    }
    if (!tid && !module && id != WH_KEYBOARD_LL && id != WH_MOUSE_LL)
    {
        /* MSDN: a global hook needs the module holding its procedure */
        WARN( "global hook without a module\n" );
        SetLastError( ERROR_HOOK_NEEDS_HMOD );
        return NULL;
    }
    if (tid)
    {
        HANDLE thread = OpenThread( THREAD_QUERY_LIMITED_INFORMATION, FALSE, tid );
        DWORD pid = thread ? GetProcessIdOfThread( thread ) : 0;
        if (thread) CloseHandle( thread );
        if (!pid)
        {
            WARN( "invalid thread %04lx\n", tid );
            SetLastError( ERROR_INVALID_PARAMETER );
            return NULL;
        }
        if (pid != GetCurrentProcessId())
        {
            FIXME( "hooks on threads of other processes are not supported\n" );
            SetLastError( ERROR_ACCESS_DENIED );
            return NULL;
        }
    }
    else FIXME( "global hook %d only reaches the threads of this process\n", id );
    get_thread_queue( TRUE );
    if (!(hook = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*hook) )))
    {
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        return NULL;
    }
    count_object( hooks, 1 );
    hook->refcount = 1;
    hook->id = id;
    hook->proc = proc;
    hook->unicode = unicode;
    hook->tid = tid;
    hook->owner = GetCurrentThreadId();

    lock_hooks( TRUE );
    for (index = 1; index < MAX_HOOKS; index++) if (!hook_handles[index]) break;
    if (index == MAX_HOOKS)
    {
        unlock_hooks( TRUE );
        release_hook( hook );
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        return NULL;
    }
    if (!hook_generations[index] || ++hook_generations[index] > 0x7fff) hook_generations[index] = 1;
    hook_handles[index] = hook;
    hook->handle = (HHOOK)(ULONG_PTR)((hook_generations[index] << 16) | index);
    ulist_add_head( &hook_chains[id - WH_MINHOOK], &hook->entry );
    InterlockedIncrement( &hook_counts[id - WH_MINHOOK] );
    unlock_hooks( TRUE );
    TRACE( "-> %p\n", hook->handle );
    return hook->handle;
}

/***********************************************************************
 *      SetWindowsHookExW (USER32.@)
 */
HHOOK WINAPI SetWindowsHookExW( INT id, HOOKPROC proc, HINSTANCE module, DWORD tid )
{
    TRACE( "%d %p %p %04lx\n", id, proc, module, tid );
    return set_windows_hook( id, proc, module, tid, TRUE );
}

/***********************************************************************
 *      SetWindowsHookExA (USER32.@)
 */
HHOOK WINAPI SetWindowsHookExA( INT id, HOOKPROC proc, HINSTANCE module, DWORD tid )
{
    TRACE( "%d %p %p %04lx\n", id, proc, module, tid );
    return set_windows_hook( id, proc, module, tid, FALSE );
}

/***********************************************************************
 *      SetWindowsHookW (USER32.@)
 */
HHOOK WINAPI SetWindowsHookW( INT id, HOOKPROC proc )
{
    TRACE( "%d %p\n", id, proc );
    return set_windows_hook( id, proc, NULL, GetCurrentThreadId(), TRUE );
}

/***********************************************************************
 *      SetWindowsHookA (USER32.@)
 */
HHOOK WINAPI SetWindowsHookA( INT id, HOOKPROC proc )
{
    TRACE( "%d %p\n", id, proc );
    return set_windows_hook( id, proc, NULL, GetCurrentThreadId(), FALSE );
}

/* Called with hook_lock held exclusively. */
static void __remove_hook( struct hook *hook )
{
    UINT index = LOWORD((ULONG_PTR)hook->handle);
    hook_handles[index] = NULL;
    hook->removed = TRUE;
    ulist_remove( &hook->entry );
    InterlockedDecrement( &hook_counts[hook->id - WH_MINHOOK] );
}

/***********************************************************************
 *      UnhookWindowsHookEx (USER32.@)
 */
BOOL WINAPI UnhookWindowsHookEx( HHOOK handle )
{
    struct hook *hook;

    TRACE( "%p\n", handle );
    lock_hooks( TRUE );
    if ((hook = __lookup_hook( handle ))) __remove_hook( hook );
    unlock_hooks( TRUE );
    if (!hook)
    {
        WARN( "invalid hook %p\n", handle );
        SetLastError( ERROR_INVALID_HOOK_HANDLE );
        return FALSE;
    }
    /* a hook being called keeps its memory (and its place for CallNextHookEx) until it returns */
    release_hook( hook );
    return TRUE;
}

/***********************************************************************
 *      UnhookWindowsHook (USER32.@)
 */
BOOL WINAPI UnhookWindowsHook( INT id, HOOKPROC proc )
{
    struct hook *hook = NULL;
    struct ulist *cursor;

    TRACE( "%d %p\n", id, proc );
    if (id < WH_MINHOOK || id > WH_MAXHOOK) return FALSE;
    lock_hooks( TRUE );
    ULIST_FOR_EACH( cursor, &hook_chains[id - WH_MINHOOK] )
    {
        struct hook *entry = ULIST_ENTRY( cursor, struct hook, entry );
        if (entry->proc == proc && entry->owner == GetCurrentThreadId()) { hook = entry; break; }
    }
    if (hook) __remove_hook( hook );
    unlock_hooks( TRUE );
    if (!hook)
    {
        SetLastError( ERROR_INVALID_HOOK_HANDLE );
        return FALSE;
    }
    release_hook( hook );
    return TRUE;
}

/***********************************************************************
 *      CallNextHookEx (USER32.@)
 */
LRESULT WINAPI CallNextHookEx( HHOOK handle, INT code, WPARAM wparam, LPARAM lparam )
{
    struct user_thread_info *info = get_user_thread_info();
    struct hook *current = info->current_hook, *next = NULL;
    LRESULT ret;

    TRACE( "%p %d %#Ix %#Ix\n", handle, code, wparam, lparam );
    if (!current) return 0;
    lock_hooks( FALSE );
    /* a removed hook has left its chain: its successor can no longer be found (FIXME) */
    if (!current->removed && (next = __next_hook( current->id, current, GetCurrentThreadId() )))
        InterlockedIncrement( &next->refcount );
    unlock_hooks( FALSE );
    if (!next) return 0;
    ret = call_hook_chain( next, code, wparam, lparam, current->unicode );
    release_hook( next );
    return ret;
}

/***********************************************************************
 *      CallMsgFilterW (USER32.@)
 */
BOOL WINAPI CallMsgFilterW( MSG *msg, INT code )
{
    TRACE( "%p %d\n", msg, code );
    /* MSDN: WH_SYSMSGFILTER first; if it does not handle the message, WH_MSGFILTER */
    if (call_hooks( WH_SYSMSGFILTER, code, 0, (LPARAM)msg, TRUE )) return TRUE;
    return call_hooks( WH_MSGFILTER, code, 0, (LPARAM)msg, TRUE ) != 0;
}

/***********************************************************************
 *      CallMsgFilterA (USER32.@)
 */
BOOL WINAPI CallMsgFilterA( MSG *msg, INT code )
{
    TRACE( "%p %d\n", msg, code );
    if (call_hooks( WH_SYSMSGFILTER, code, 0, (LPARAM)msg, FALSE )) return TRUE;
    return call_hooks( WH_MSGFILTER, code, 0, (LPARAM)msg, FALSE ) != 0;
}

/* Thread exit: its hooks go. */
void remove_thread_hooks( DWORD tid )
{
    struct hook *dead[64];
    UINT count, i;
    int id;

    do
    {
        count = 0;
        lock_hooks( TRUE );
        for (id = 0; id < NB_HOOKS && count < ARRAY_SIZE(dead); id++)
        {
            struct ulist *cursor, *next;
            ULIST_FOR_EACH_SAFE( cursor, next, &hook_chains[id] )
            {
                struct hook *hook = ULIST_ENTRY( cursor, struct hook, entry );
                if (hook->owner != tid && hook->tid != tid) continue;
                __remove_hook( hook );
                dead[count++] = hook;
                if (count == ARRAY_SIZE(dead)) break;
            }
        }
        unlock_hooks( TRUE );
        for (i = 0; i < count; i++) release_hook( dead[i] );
    } while (count == ARRAY_SIZE(dead));
}
