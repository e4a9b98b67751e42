/*
 * Windows: the HWND table, the window tree, creation and destruction, window data.
 *
 * An HWND is a typed index into the window table with a generation count: the low 16 bits
 * index a slot, the high 16 bits must match the slot's generation, which changes each time the
 * slot is freed (as Windows' own handles do). A stale or forged HWND therefore finds no window
 * and the call fails with ERROR_INVALID_WINDOW_HANDLE; nothing ever dereferences it.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(win);

/* win_lock protects: the slot table, every window's parent/owner/children/sibling links and
 * flags, and the fields other threads read (style, exstyle, id, proc, rectangles, text). A
 * window's owner thread takes it exclusively to change them. */
SRWLOCK win_lock = SRWLOCK_INIT;

struct win_slot
{
    struct wnd *wnd; /* NULL when free */
    WORD generation; /* high word of the HWND; 1..0x7fff, so an HWND is never 0 or negative */
    WORD next_free;  /* free list link (0: end) */
};

#define MAX_WIN_SLOTS 0x10000
static struct win_slot *slots; /* MAX_WIN_SLOTS entries, never moved; slots[0] is never used */
static UINT slots_used = 1, free_slot;
static struct wnd *desktop_wnd;     /* constant once created */
static struct wnd *message_root;    /* parent of message-only windows (HWND_MESSAGE) */
static INIT_ONCE desktop_once = INIT_ONCE_STATIC_INIT;
static volatile BOOL desktop_ready;  /* create_desktop has run */

void lock_windows( BOOL exclusive )
{
    if (exclusive) AcquireSRWLockExclusive( &win_lock );
    else AcquireSRWLockShared( &win_lock );
    note_lock( TRUE );
}

void unlock_windows( BOOL exclusive )
{
    note_lock( FALSE );
    if (exclusive) ReleaseSRWLockExclusive( &win_lock );
    else ReleaseSRWLockShared( &win_lock );
}

/* Called with win_lock held. */
struct wnd *__lookup_wnd( HWND hwnd )
{
    ULONG_PTR handle = (ULONG_PTR)hwnd;
    UINT index = handle & 0xffff, generation = (handle >> 16) & 0xffff;

    /* handles are 32-bit values; accept them zero- or sign-extended */
    if ((handle >> 32) && (handle >> 32) != 0xffffffff) return NULL;
    if (!index || index >= slots_used) return NULL;
    if (!slots[index].wnd || slots[index].generation != generation) return NULL;
    return slots[index].wnd;
}

static void init_desktop( void );

/* A window of the calling thread, without the lock and without a reference (NULL for any other
 * window: use get_wnd). Safe because only a window's owner thread destroys it (DestroyWindow
 * refuses other threads, thread exit runs in the owner), and a slot is cleared before its
 * window is freed: if the slot still names the window after its owner was read, the owner read
 * came from the live window. Valid until the caller destroys the window or calls out. */
struct wnd *get_current_thread_wnd( HWND hwnd )
{
    ULONG_PTR handle = (ULONG_PTR)hwnd;
    UINT index = handle & 0xffff, generation = (handle >> 16) & 0xffff;
    struct win_slot *slot;
    struct wnd *wnd;

    if ((handle >> 32) && (handle >> 32) != 0xffffffff) return NULL;
    if (!index || index >= *(volatile UINT *)&slots_used || !slots) return NULL;
    slot = &slots[index];
    wnd = __atomic_load_n( &slot->wnd, __ATOMIC_ACQUIRE );
    if (!wnd || __atomic_load_n( &slot->generation, __ATOMIC_ACQUIRE ) != generation) return NULL;
    if (__atomic_load_n( &wnd->tid, __ATOMIC_ACQUIRE ) != GetCurrentThreadId()) return NULL;
    if (__atomic_load_n( &slot->wnd, __ATOMIC_ACQUIRE ) != wnd ||
        __atomic_load_n( &slot->generation, __ATOMIC_ACQUIRE ) != generation)
        return NULL;
    return wnd;
}

struct wnd *get_wnd( HWND hwnd )
{
    struct wnd *wnd;

    init_desktop();
    lock_windows( FALSE );
    if ((wnd = __lookup_wnd( hwnd ))) InterlockedIncrement( &wnd->refcount );
    unlock_windows( FALSE );
    return wnd;
}

struct wnd *get_wnd_or_fail( HWND hwnd )
{
    struct wnd *wnd = get_wnd( hwnd );

    if (!wnd)
    {
        WARN( "invalid window %p\n", hwnd );
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
    }
    return wnd;
}

void release_wnd( struct wnd *wnd )
{
    if (InterlockedDecrement( &wnd->refcount )) return;
    TRACE( "freeing %p\n", wnd->hwnd );
    HeapFree( GetProcessHeap(), 0, wnd->text );
    if (wnd->class) release_class( wnd->class );
    if (wnd->queue) release_queue( wnd->queue );
    HeapFree( GetProcessHeap(), 0, wnd );
    count_object( windows, -1 );
}

BOOL is_current_thread_window( struct wnd *wnd )
{
    return wnd->tid == GetCurrentThreadId();
}

BOOL is_broadcast_hwnd( HWND hwnd )
{
    /* MSDN: HWND_TOPMOST given to PostMessage/SendMessage reaches every top-level window, as
     * HWND_BROADCAST does */
    return hwnd == HWND_BROADCAST || hwnd == HWND_TOPMOST;
}

/* Called with win_lock held exclusively. */
static HWND __alloc_handle( struct wnd *wnd )
{
    UINT index;

    if (free_slot)
    {
        index = free_slot;
        free_slot = slots[index].next_free;
    }
    else
    {
        if (slots_used >= MAX_WIN_SLOTS) return NULL;
        if (!slots)
        {
            /* The whole table is reserved at once and never moves, so that the owner thread of
             * a window can look it up without the lock (get_current_thread_wnd). Untouched pages
             * cost nothing. */
            slots = VirtualAlloc( NULL, MAX_WIN_SLOTS * sizeof(*slots), MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE );
            if (!slots) return NULL;
        }
        index = slots_used++;
        slots[index].generation = 1;
    }
    slots[index].wnd = wnd;
    return (HWND)(ULONG_PTR)((slots[index].generation << 16) | index);
}

/* Called with win_lock held exclusively. */
static void __free_handle( HWND hwnd )
{
    UINT index = (ULONG_PTR)hwnd & 0xffff;

    slots[index].wnd = NULL;
    if (++slots[index].generation > 0x7fff) slots[index].generation = 1;
    slots[index].next_free = free_slot;
    free_slot = index;
}

static struct wnd *alloc_wnd( struct win_class *class, INT extra )
{
    struct wnd *wnd = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY,
                                 FIELD_OFFSET(struct wnd, extra[max( extra, 1 )]) );
    if (!wnd) return NULL;
    count_object( windows, 1 );
    wnd->refcount = 1; /* the table's */
    wnd->class = class;
    wnd->extra_size = extra;
    wnd->tid = GetCurrentThreadId();
    wnd->pid = GetCurrentProcessId();
    ulist_init( &wnd->children );
    ulist_init( &wnd->sibling );
    return wnd;
}

/* The desktop window and the root of message-only windows belong to no thread of ours: they
 * are answered by DefWindowProc in the caller's thread. */
static BOOL CALLBACK create_desktop( INIT_ONCE *once, void *param, void **context )
{
    struct win_class *desktop_class, *message_class;
    RECT screen;
    INT32 width, height;

    register_builtin_classes();
    desktop_class = find_class( NULL, L"#32769" );
    message_class = find_class( NULL, L"Message" );
    call_driver()->get_screen_size( &width, &height );
    SetRect( &screen, 0, 0, width, height );

    AcquireSRWLockExclusive( &win_lock );
    desktop_wnd = alloc_wnd( desktop_class, 0 );
    desktop_wnd->hwnd = __alloc_handle( desktop_wnd );
    message_root = alloc_wnd( message_class, 0 );
    message_root->hwnd = __alloc_handle( message_root );
    ReleaseSRWLockExclusive( &win_lock );

    desktop_wnd->tid = message_root->tid = 0;
    desktop_wnd->flags = message_root->flags = WIN_DESKTOP | WIN_ISUNICODE | WIN_CREATED;
    desktop_wnd->style = WS_POPUP | WS_VISIBLE | WS_CLIPSIBLINGS | WS_CLIPCHILDREN;
    message_root->style = WS_POPUP | WS_CLIPSIBLINGS;
    desktop_wnd->proc = message_root->proc = DefWindowProcW;
    desktop_wnd->window_rect = desktop_wnd->client_rect = screen;
    SetRect( &message_root->window_rect, 0, 0, 100, 100 );
    message_root->client_rect = message_root->window_rect;
    TRACE( "desktop %p, message root %p\n", desktop_wnd->hwnd, message_root->hwnd );
    desktop_ready = TRUE;
    return TRUE;
}

static void init_desktop( void )
{
    if (!desktop_ready) InitOnceExecuteOnce( &desktop_once, create_desktop, NULL, NULL );
}

HWND get_desktop_hwnd( void )
{
    init_desktop();
    return desktop_wnd->hwnd;
}

struct wnd *get_desktop_wnd( void )
{
    init_desktop();
    return desktop_wnd;
}

/***********************************************************************
 *      GetDesktopWindow (USER32.@)
 */
HWND WINAPI GetDesktopWindow( void )
{
    TRACE( "\n" );
    return get_desktop_hwnd();
}

/* Called with win_lock held: is wnd a descendant of ancestor? */
BOOL __is_child_of( const struct wnd *ancestor, const struct wnd *wnd )
{
    for (wnd = wnd->parent; wnd; wnd = wnd->parent)
        if (wnd == ancestor) return TRUE;
    return FALSE;
}

/* Snapshot of the children of parent (of thread tid if nonzero), top of the z-order first,
 * NULL-terminated; NULL if none or on error. */
HWND *list_window_children( HWND parent, DWORD tid )
{
    struct wnd *wnd;
    struct ulist *cursor;
    HWND *list = NULL;
    UINT count = 0, i = 0;

    init_desktop();
    lock_windows( FALSE );
    if ((wnd = __lookup_wnd( parent )))
    {
        ULIST_FOR_EACH( cursor, &wnd->children ) count++;
        if (count && (list = HeapAlloc( GetProcessHeap(), 0, (count + 1) * sizeof(HWND) )))
        {
            ULIST_FOR_EACH( cursor, &wnd->children )
            {
                struct wnd *child = ULIST_ENTRY( cursor, struct wnd, sibling );
                if (tid && child->tid != tid) continue;
                list[i++] = child->hwnd;
            }
            list[i] = NULL;
        }
    }
    unlock_windows( FALSE );
    if (list && !i)
    {
        HeapFree( GetProcessHeap(), 0, list );
        list = NULL;
    }
    return list;
}

HWND *list_top_level_windows( void )
{
    return list_window_children( get_desktop_hwnd(), 0 );
}

BOOL is_window_visible_wnd( struct wnd *wnd )
{
    BOOL ret = TRUE;

    lock_windows( FALSE );
    for (; wnd && !(wnd->flags & WIN_DESKTOP); wnd = wnd->parent)
    {
        if (!(wnd->style & WS_VISIBLE) || (wnd->flags & WIN_MESSAGE_ONLY)) { ret = FALSE; break; }
        if (!(wnd->style & WS_CHILD)) break;
    }
    if (wnd && (wnd->flags & WIN_DESKTOP) && wnd != desktop_wnd) ret = FALSE;
    unlock_windows( FALSE );
    return ret;
}

/* ---- creation --------------------------------------------------------------------------- */

/* Sends WM_PARENTNOTIFY up the chain of parents, as Windows does for child windows without
 * WS_EX_NOPARENTNOTIFY. */
static void send_parent_notify( HWND hwnd, UINT event )
{
    for (;;)
    {
        struct wnd *wnd = get_wnd( hwnd );
        HWND parent;
        UINT_PTR id;
        BOOL stop;

        if (!wnd) return;
        stop = !(wnd->style & WS_CHILD) || (wnd->exstyle & WS_EX_NOPARENTNOTIFY) || !wnd->parent ||
               (wnd->parent->flags & WIN_DESKTOP);
        parent = stop ? NULL : wnd->parent->hwnd;
        id = wnd->id;
        release_wnd( wnd );
        if (stop) return;
        send_message( parent, WM_PARENTNOTIFY, MAKEWPARAM( event, id ), (LPARAM)hwnd, TRUE );
        hwnd = parent;
    }
}

/* Frees the handles of wnd and its descendants. Called with win_lock held exclusively. */
static void __unlink_and_free_tree( struct wnd *wnd, struct ulist *freed )
{
    while (!ulist_empty( &wnd->children ))
        __unlink_and_free_tree( ULIST_ENTRY( wnd->children.next, struct wnd, sibling ), freed );
    ulist_remove( &wnd->sibling );
    __free_handle( wnd->hwnd );
    wnd->flags |= WIN_DESTROYED;
    wnd->parent = NULL;
    ulist_add_tail( freed, &wnd->sibling ); /* reuse the link for the caller's list */
}

/* Forgets every reference the system keeps to a window about to be freed. */
static void forget_window( struct wnd *wnd )
{
    if (wnd->queue)
    {
        validate_destroyed_window( wnd );
        queue_remove_window_messages( wnd->queue, wnd->hwnd );
        AcquireSRWLockExclusive( &input_lock );
        note_lock( TRUE );
        if (wnd->queue->input) __input_window_destroyed( wnd->queue->input, wnd->hwnd );
        note_lock( FALSE );
        ReleaseSRWLockExclusive( &input_lock );
    }
    window_pos_destroyed( wnd->hwnd );
}

/* Removes wnd and its descendants from the table and releases them. */
static void free_window_tree( struct wnd *wnd )
{
    struct ulist freed, *cursor, *next;

    ulist_init( &freed );
    lock_windows( TRUE );
    if (!(wnd->flags & WIN_DESTROYED)) __unlink_and_free_tree( wnd, &freed );
    /* the owner links of windows owned by these are cut: MSDN says owned windows are destroyed
     * first, so only windows of other threads remain */
    unlock_windows( TRUE );
    ULIST_FOR_EACH_SAFE( cursor, next, &freed )
    {
        struct wnd *dead = ULIST_ENTRY( cursor, struct wnd, sibling );
        ulist_remove( cursor );
        forget_window( dead );
        release_wnd( dead ); /* the table's reference */
    }
}

/* The top-level windows owned by owner lose their owner (it writes them: win_lock exclusively). */
static void cut_owner_links( struct wnd *owner )
{
    struct ulist *cursor;

    lock_windows( TRUE );
    ULIST_FOR_EACH( cursor, &desktop_wnd->children )
    {
        struct wnd *top = ULIST_ENTRY( cursor, struct wnd, sibling );
        if (top->owner == owner) top->owner = NULL;
    }
    unlock_windows( TRUE );
}

static void get_default_rect( CREATESTRUCTW *cs, struct wnd *parent )
{
    RECT screen = desktop_wnd->client_rect;

    if (cs->style & (WS_CHILD | WS_POPUP))
    {
        /* CW_USEDEFAULT only means something for overlapped windows: 0 otherwise */
        if (cs->x == CW_USEDEFAULT) cs->x = cs->y = 0;
        if (cs->cx == CW_USEDEFAULT) cs->cx = cs->cy = 0;
        return;
    }
    if (cs->x == CW_USEDEFAULT)
    {
        cs->x = 26;
        cs->y = 26;
    }
    if (cs->cx == CW_USEDEFAULT)
    {
        cs->cx = (screen.right - screen.left) * 3 / 4 - cs->x;
        cs->cy = (screen.bottom - screen.top) * 3 / 4 - cs->y;
    }
}

/* What CreateWindowExA/W share: cs is in the W form. */
static HWND create_window( CREATESTRUCTW *cs, BOOL unicode )
{
    struct win_class *class;
    struct wnd *wnd = NULL, *parent = NULL, *owner = NULL;
    struct msg_queue *queue;
    HWND hwnd = NULL;
    LRESULT res;
    RECT rect;
    BOOL visible;

    init_desktop();
    if (!(class = find_class( cs->hInstance, cs->lpszClass )))
    {
        WARN( "class %s not found\n", debugstr_w( IS_INTRESOURCE(cs->lpszClass) ? L"#atom" : cs->lpszClass ) );
        SetLastError( ERROR_CANNOT_FIND_WND_CLASS );
        return NULL;
    }
    if (cs->hwndParent == HWND_MESSAGE)
        parent = message_root, InterlockedIncrement( &message_root->refcount );
    else if (cs->hwndParent)
    {
        struct wnd *given = get_wnd_or_fail( cs->hwndParent );
        if (!given) goto err;
        if (cs->style & WS_CHILD) parent = given;
        else
        {
            /* a top-level window's "parent" is its owner: the root of the given window */
            HWND root = GetAncestor( cs->hwndParent, GA_ROOT );
            release_wnd( given );
            if (!(owner = get_wnd( root ))) goto err;
        }
    }
    else if ((cs->style & (WS_CHILD | WS_POPUP)) == WS_CHILD)
    {
        WARN( "child window without a parent\n" );
        SetLastError( ERROR_TLW_WITH_WSCHILD );
        goto err;
    }
    if (!parent) parent = desktop_wnd, InterlockedIncrement( &desktop_wnd->refcount );
    if (!(queue = get_thread_queue( TRUE ))) goto err;

    if (!(wnd = alloc_wnd( class, class->wnd_extra )))
    {
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        goto err;
    }
    class = NULL; /* the window holds the reference now */
    grab_queue( queue );
    wnd->queue = queue;
    wnd->proc = wnd->class->proc;
    if (wnd->class->unicode) wnd->flags |= WIN_ISUNICODE;
    wnd->instance = cs->hInstance;
    wnd->style = cs->style & ~(WS_VISIBLE | WS_MINIMIZE | WS_MAXIMIZE); /* ShowWindow applies them */
    wnd->exstyle = cs->dwExStyle;
    if ((cs->style & (WS_CHILD | WS_POPUP)) != WS_CHILD)
    {
        /* top-levels always clip their siblings; overlapped ones always have a caption */
        wnd->style |= WS_CLIPSIBLINGS;
        if (!(cs->style & WS_POPUP)) wnd->style |= WS_CAPTION;
    }
    if ((wnd->style & WS_CAPTION) == WS_CAPTION || (wnd->exstyle & WS_EX_DLGMODALFRAME) ||
        (wnd->style & WS_THICKFRAME))
        wnd->exstyle |= WS_EX_WINDOWEDGE;
    if (cs->style & WS_CHILD) wnd->id = (UINT_PTR)cs->hMenu;
    if (parent == message_root) wnd->flags |= WIN_MESSAGE_ONLY;

    lock_windows( TRUE );
    if (!(hwnd = __alloc_handle( wnd )))
    {
        unlock_windows( TRUE );
        release_wnd( wnd );
        wnd = NULL;
        WARN( "window table full\n" );
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        goto err;
    }
    wnd->hwnd = hwnd;
    wnd->parent = parent;
    wnd->owner = owner;
    /* new top-levels go on top of the z-order, new children at the bottom (so that
     * EnumChildWindows lists them in creation order, as on Windows) */
    if (parent == desktop_wnd) ulist_add_head( &parent->children, &wnd->sibling );
    else ulist_add_tail( &parent->children, &wnd->sibling );
    unlock_windows( TRUE );
    InterlockedIncrement( &wnd->refcount ); /* ours, for the rest of this function */

    get_default_rect( cs, parent );
    SetRect( &wnd->window_rect, cs->x, cs->y, cs->x + cs->cx, cs->y + cs->cy );
    wnd->client_rect = wnd->window_rect;
    TRACE( "%p class %p parent %p owner %p style %#lx ex %#lx (%d,%d)-(%d,%d)\n", hwnd, wnd->class,
           parent->hwnd, owner ? owner->hwnd : NULL, cs->style, cs->dwExStyle, cs->x, cs->y, cs->cx, cs->cy );

    if (hooks_installed( WH_CBT ))
    {
        CBT_CREATEWNDW cbt = { .lpcs = cs, .hwndInsertAfter = HWND_TOP };
        if (call_hooks( WH_CBT, HCBT_CREATEWND, (WPARAM)hwnd, (LPARAM)&cbt, TRUE ))
        {
            WARN( "creation of %p refused by a CBT hook\n", hwnd );
            free_window_tree( wnd );
            goto failed;
        }
    }

    if ((cs->style & WS_THICKFRAME) || !(cs->style & (WS_POPUP | WS_CHILD)))
    {
        MINMAXINFO info = { 0 };
        RECT screen = desktop_wnd->client_rect;
        info.ptMaxSize.x = screen.right;
        info.ptMaxSize.y = screen.bottom;
        info.ptMaxTrackSize = info.ptMaxSize;
        info.ptMinTrackSize.x = GetSystemMetrics( SM_CXMINTRACK );
        info.ptMinTrackSize.y = GetSystemMetrics( SM_CYMINTRACK );
        send_message( hwnd, WM_GETMINMAXINFO, 0, (LPARAM)&info, TRUE );
        if (cs->cx > info.ptMaxTrackSize.x) cs->cx = info.ptMaxTrackSize.x;
        if (cs->cy > info.ptMaxTrackSize.y) cs->cy = info.ptMaxTrackSize.y;
        if (cs->cx < info.ptMinTrackSize.x && !(cs->style & WS_CHILD)) cs->cx = info.ptMinTrackSize.x;
        if (cs->cy < info.ptMinTrackSize.y && !(cs->style & WS_CHILD)) cs->cy = info.ptMinTrackSize.y;
    }
    if (cs->cx < 0) cs->cx = 0;
    if (cs->cy < 0) cs->cy = 0;
    lock_windows( TRUE );
    SetRect( &wnd->window_rect, cs->x, cs->y, cs->x + cs->cx, cs->y + cs->cy );
    wnd->client_rect = wnd->normal_rect = wnd->window_rect;
    unlock_windows( TRUE );

    /* cs is in its W form whichever CreateWindowEx was called: the translation to an ANSI
     * procedure works from it */
    if (!send_message( hwnd, WM_NCCREATE, 0, (LPARAM)cs, TRUE ))
    {
        WARN( "%p: WM_NCCREATE returned 0\n", hwnd );
        send_message( hwnd, WM_NCDESTROY, 0, 0, TRUE );
        free_window_tree( wnd );
        goto failed;
    }

    rect = wnd->window_rect;
    send_message( hwnd, WM_NCCALCSIZE, FALSE, (LPARAM)&rect, TRUE );
    lock_windows( TRUE );
    wnd->client_rect = rect;
    unlock_windows( TRUE );

    res = send_message( hwnd, WM_CREATE, 0, (LPARAM)cs, TRUE );
    if (res == -1 || !IsWindow( hwnd ))
    {
        WARN( "%p: WM_CREATE returned -1\n", hwnd );
        DestroyWindow( hwnd );
        goto failed;
    }
    lock_windows( TRUE );
    wnd->flags |= WIN_CREATED;
    unlock_windows( TRUE );

    /* WM_SIZE/WM_MOVE: children and popups get them now, overlapped windows at their first
     * ShowWindow */
    if (cs->style & (WS_CHILD | WS_POPUP))
    {
        RECT client = wnd->client_rect;
        send_message( hwnd, WM_SIZE, SIZE_RESTORED,
                      MAKELONG( client.right - client.left, client.bottom - client.top ), TRUE );
        send_message( hwnd, WM_MOVE, 0, MAKELONG( client.left, client.top ), TRUE );
    }
    else
    {
        lock_windows( TRUE );
        wnd->flags |= WIN_NEED_SIZE;
        unlock_windows( TRUE );
    }

    send_parent_notify( hwnd, WM_CREATE );
    if (!IsWindow( hwnd )) goto failed;
    notify_driver_window_pos( wnd, SWP_NOZORDER | SWP_NOACTIVATE );

    visible = (cs->style & WS_VISIBLE) != 0;
    if (visible)
        show_window( hwnd, (cs->style & WS_MINIMIZE) ? SW_SHOWMINIMIZED
                           : (cs->style & WS_MAXIMIZE) ? SW_SHOWMAXIMIZED : SW_SHOW );

    release_wnd( wnd );
    if (owner) release_wnd( owner );
    release_wnd( parent );
    TRACE( "-> %p\n", hwnd );
    return hwnd;

failed:
    release_wnd( wnd );
    wnd = NULL;
    hwnd = NULL;
err:
    if (class) release_class( class );
    if (owner) release_wnd( owner );
    if (parent) release_wnd( parent );
    return NULL;
}

/***********************************************************************
 *      CreateWindowExW (USER32.@)
 */
HWND WINAPI CreateWindowExW( DWORD exstyle, const WCHAR *class_name, const WCHAR *name, DWORD style,
                             INT x, INT y, INT width, INT height, HWND parent, HMENU menu,
                             HINSTANCE instance, void *params )
{
    CREATESTRUCTW cs = { .lpCreateParams = params, .hInstance = instance, .hMenu = menu,
                         .hwndParent = parent, .cy = height, .cx = width, .y = y, .x = x,
                         .style = style, .lpszName = name, .lpszClass = class_name,
                         .dwExStyle = exstyle };

    TRACE( "%#lx %s %s %#lx %d,%d %dx%d %p %p %p %p\n", exstyle,
           IS_INTRESOURCE(class_name) ? wine_dbg_sprintf( "#%04x", LOWORD(class_name) ) : debugstr_w( class_name ),
           IS_INTRESOURCE(name) ? "#id" : debugstr_w( name ), style, x, y, width, height, parent, menu,
           instance, params );
    return create_window( &cs, TRUE );
}

/***********************************************************************
 *      CreateWindowExA (USER32.@)
 */
HWND WINAPI CreateWindowExA( DWORD exstyle, const char *class_name, const char *name, DWORD style,
                             INT x, INT y, INT width, INT height, HWND parent, HMENU menu,
                             HINSTANCE instance, void *params )
{
    WCHAR *class_w = NULL, *name_w = NULL;
    CREATESTRUCTW cs = { .lpCreateParams = params, .hInstance = instance, .hMenu = menu,
                         .hwndParent = parent, .cy = height, .cx = width, .y = y, .x = x,
                         .style = style, .dwExStyle = exstyle };
    HWND ret;

    TRACE( "%#lx %s %s %#lx %d,%d %dx%d %p %p %p %p\n", exstyle,
           IS_INTRESOURCE(class_name) ? wine_dbg_sprintf( "#%04x", LOWORD(class_name) ) : debugstr_a( class_name ),
           IS_INTRESOURCE(name) ? "#id" : debugstr_a( name ), style, x, y, width, height, parent, menu,
           instance, params );
    if (IS_INTRESOURCE(class_name)) cs.lpszClass = (const WCHAR *)class_name;
    else if (!(cs.lpszClass = class_w = strdup_a_to_w( class_name ))) return NULL;
    if (IS_INTRESOURCE(name)) cs.lpszName = (const WCHAR *)name;
    else if (!(cs.lpszName = name_w = strdup_a_to_w( name )))
    {
        HeapFree( GetProcessHeap(), 0, class_w );
        return NULL;
    }
    ret = create_window( &cs, FALSE );
    HeapFree( GetProcessHeap(), 0, class_w );
    HeapFree( GetProcessHeap(), 0, name_w );
    return ret;
}

/* ---- destruction ------------------------------------------------------------------------ */

/* WM_DESTROY goes to the window first, then to its children (MSDN WM_DESTROY). */
static void send_destroy_messages( HWND hwnd )
{
    HWND *children;
    UINT i;

    send_message( hwnd, WM_DESTROY, 0, 0, TRUE );
    if (!(children = list_window_children( hwnd, 0 ))) return;
    for (i = 0; children[i]; i++) send_destroy_messages( children[i] );
    HeapFree( GetProcessHeap(), 0, children );
}

/* WM_NCDESTROY goes to the children first, then to the window, which is then freed. */
static void send_ncdestroy_messages( HWND hwnd )
{
    HWND *children;
    UINT i;

    if ((children = list_window_children( hwnd, 0 )))
    {
        for (i = 0; children[i]; i++) send_ncdestroy_messages( children[i] );
        HeapFree( GetProcessHeap(), 0, children );
    }
    send_message( hwnd, WM_NCDESTROY, 0, 0, TRUE );
}

/***********************************************************************
 *      DestroyWindow (USER32.@)
 */
BOOL WINAPI DestroyWindow( HWND hwnd )
{
    struct wnd *wnd;
    HWND *list;
    UINT i;

    TRACE( "%p\n", hwnd );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    if ((wnd->flags & WIN_DESKTOP) || !is_current_thread_window( wnd ))
    {
        /* MSDN: "A thread cannot use DestroyWindow to destroy a window created by a different
         * thread." */
        WARN( "%p belongs to another thread\n", hwnd );
        release_wnd( wnd );
        SetLastError( ERROR_ACCESS_DENIED );
        return FALSE;
    }
    if (wnd->flags & WIN_DESTROYING)
    {
        release_wnd( wnd );
        return TRUE;
    }
    if (hooks_installed( WH_CBT ) && call_hooks( WH_CBT, HCBT_DESTROYWND, (WPARAM)hwnd, 0, TRUE ))
    {
        WARN( "destruction of %p refused by a CBT hook\n", hwnd );
        release_wnd( wnd );
        return FALSE;
    }
    lock_windows( TRUE );
    wnd->flags |= WIN_DESTROYING;
    unlock_windows( TRUE );

    send_parent_notify( hwnd, WM_DESTROY );
    if (wnd->style & WS_VISIBLE)
    {
        UINT flags = SWP_HIDEWINDOW | SWP_NOSIZE | SWP_NOMOVE | SWP_NOZORDER;
        if (!(wnd->style & WS_CHILD) && get_active_hwnd() != hwnd) flags |= SWP_NOACTIVATE;
        set_window_pos( hwnd, NULL, 0, 0, 0, 0, flags );
    }
    if (!(wnd->style & WS_CHILD) && (list = list_top_level_windows()))
    {
        /* MSDN: owned windows are destroyed first */
        for (i = 0; list[i]; i++)
        {
            struct wnd *other = get_wnd( list[i] );
            BOOL owned;
            if (!other) continue;
            lock_windows( FALSE );
            owned = other->owner == wnd;
            unlock_windows( FALSE );
            if (owned && is_current_thread_window( other )) DestroyWindow( list[i] );
            release_wnd( other );
        }
        HeapFree( GetProcessHeap(), 0, list );
        cut_owner_links( wnd );
    }
    if (get_active_hwnd() == hwnd) set_active_hwnd( NULL );

    send_destroy_messages( hwnd );
    if (IsWindow( hwnd )) send_ncdestroy_messages( hwnd );
    if (!(wnd->style & WS_CHILD) && !(wnd->flags & WIN_MESSAGE_ONLY)) call_driver()->destroy_window( hwnd );
    free_window_tree( wnd );
    release_wnd( wnd );
    return TRUE;
}

/* Thread exit: its windows go without messages (the thread no longer runs code). */
void destroy_thread_windows( void )
{
    DWORD tid = GetCurrentThreadId();
    HWND *list;
    UINT i;

    if (!desktop_wnd || !(list = list_window_children( desktop_wnd->hwnd, tid ))) return;
    for (i = 0; list[i]; i++)
    {
        struct wnd *wnd = get_wnd( list[i] );
        if (!wnd) continue;
        cut_owner_links( wnd );
        call_driver()->destroy_window( list[i] );
        free_window_tree( wnd );
        release_wnd( wnd );
    }
    HeapFree( GetProcessHeap(), 0, list );
    if ((list = list_window_children( message_root->hwnd, tid )))
    {
        for (i = 0; list[i]; i++)
        {
            struct wnd *wnd = get_wnd( list[i] );
            if (!wnd) continue;
            free_window_tree( wnd );
            release_wnd( wnd );
        }
        HeapFree( GetProcessHeap(), 0, list );
    }
}

/* ---- queries ------------------------------------------------------------------------------ */

/***********************************************************************
 *      IsWindow (USER32.@)
 */
BOOL WINAPI IsWindow( HWND hwnd )
{
    struct wnd *wnd = get_wnd( hwnd );

    TRACE( "%p\n", hwnd );
    if (!wnd) return FALSE;
    release_wnd( wnd );
    return TRUE;
}

/***********************************************************************
 *      IsWindowUnicode (USER32.@)
 */
BOOL WINAPI IsWindowUnicode( HWND hwnd )
{
    struct wnd *wnd;
    BOOL ret;

    TRACE( "%p\n", hwnd );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    ret = (wnd->flags & WIN_ISUNICODE) != 0;
    release_wnd( wnd );
    return ret;
}

/***********************************************************************
 *      GetWindowThreadProcessId (USER32.@)
 */
DWORD WINAPI GetWindowThreadProcessId( HWND hwnd, DWORD *pid )
{
    struct wnd *wnd;
    DWORD tid;

    TRACE( "%p %p\n", hwnd, pid );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return 0;
    tid = wnd->tid;
    if (pid) *pid = wnd->pid;
    if (wnd->flags & WIN_DESKTOP)
    {
        /* the desktop belongs to the system: report the thread that asks */
        tid = GetCurrentThreadId();
    }
    release_wnd( wnd );
    return tid;
}

/***********************************************************************
 *      IsWindowVisible (USER32.@)
 */
BOOL WINAPI IsWindowVisible( HWND hwnd )
{
    struct wnd *wnd;
    BOOL ret;

    TRACE( "%p\n", hwnd );
    if (!(wnd = get_wnd( hwnd ))) return FALSE;
    ret = is_window_visible_wnd( wnd );
    release_wnd( wnd );
    return ret;
}

/***********************************************************************
 *      IsWindowEnabled (USER32.@)
 */
BOOL WINAPI IsWindowEnabled( HWND hwnd )
{
    struct wnd *wnd;
    BOOL ret;

    TRACE( "%p\n", hwnd );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    ret = !(wnd->style & WS_DISABLED);
    release_wnd( wnd );
    return ret;
}

/***********************************************************************
 *      EnableWindow (USER32.@)
 */
BOOL WINAPI EnableWindow( HWND hwnd, BOOL enable )
{
    struct wnd *wnd;
    BOOL was_disabled;

    TRACE( "%p %d\n", hwnd, enable );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return FALSE;
    lock_windows( TRUE );
    was_disabled = (wnd->style & WS_DISABLED) != 0;
    if (enable) wnd->style &= ~WS_DISABLED;
    else wnd->style |= WS_DISABLED;
    unlock_windows( TRUE );
    release_wnd( wnd );
    if (enable && was_disabled) send_message( hwnd, WM_ENABLE, TRUE, 0, TRUE );
    else if (!enable && !was_disabled)
    {
        send_message( hwnd, WM_CANCELMODE, 0, 0, TRUE );
        if (get_focus_hwnd() == hwnd) set_focus_hwnd( NULL );
        send_message( hwnd, WM_ENABLE, FALSE, 0, TRUE );
    }
    return was_disabled;
}

/***********************************************************************
 *      IsChild (USER32.@)
 */
BOOL WINAPI IsChild( HWND parent, HWND child )
{
    struct wnd *wnd;
    BOOL ret = FALSE;

    TRACE( "%p %p\n", parent, child );
    init_desktop();
    lock_windows( FALSE );
    for (wnd = __lookup_wnd( child ); wnd && (wnd->style & WS_CHILD) && wnd->parent; wnd = wnd->parent)
    {
        if (wnd->parent->hwnd == parent)
        {
            ret = TRUE;
            break;
        }
    }
    unlock_windows( FALSE );
    return ret;
}

/***********************************************************************
 *      GetParent (USER32.@)
 */
HWND WINAPI GetParent( HWND hwnd )
{
    struct wnd *wnd;
    HWND ret = NULL;

    TRACE( "%p\n", hwnd );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return NULL;
    lock_windows( FALSE );
    /* MSDN: a child's parent; a WS_POPUP window's owner; NULL for other top-levels */
    if ((wnd->style & WS_CHILD) && wnd->parent) ret = wnd->parent->hwnd;
    else if ((wnd->style & WS_POPUP) && wnd->owner) ret = wnd->owner->hwnd;
    unlock_windows( FALSE );
    release_wnd( wnd );
    return ret;
}

/***********************************************************************
 *      GetAncestor (USER32.@)
 */
HWND WINAPI GetAncestor( HWND hwnd, UINT type )
{
    struct wnd *wnd, *cur;
    HWND ret = NULL;

    TRACE( "%p %u\n", hwnd, type );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return NULL;
    lock_windows( FALSE );
    switch (type)
    {
    case GA_PARENT:
        if (wnd->parent) ret = wnd->parent->hwnd;
        break;
    case GA_ROOT:
    case GA_ROOTOWNER:
        if (wnd->flags & WIN_DESKTOP) break;
        for (cur = wnd; cur->parent && !(cur->parent->flags & WIN_DESKTOP); cur = cur->parent) ;
        if (type == GA_ROOTOWNER)
            while (cur->owner) cur = cur->owner;
        ret = cur->hwnd;
        break;
    default:
        WARN( "invalid type %u\n", type );
        break;
    }
    unlock_windows( FALSE );
    release_wnd( wnd );
    return ret;
}

/***********************************************************************
 *      SetParent (USER32.@)
 */
HWND WINAPI SetParent( HWND hwnd, HWND parent )
{
    struct wnd *wnd, *new_parent;
    HWND old = NULL;
    BOOL was_visible;

    TRACE( "%p %p\n", hwnd, parent );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return NULL;
    if (parent == HWND_MESSAGE) new_parent = message_root, InterlockedIncrement( &message_root->refcount );
    else if (!parent) new_parent = desktop_wnd, InterlockedIncrement( &desktop_wnd->refcount );
    else if (!(new_parent = get_wnd_or_fail( parent )))
    {
        release_wnd( wnd );
        return NULL;
    }
    if ((wnd->flags & WIN_DESKTOP) || new_parent == wnd)
    {
        WARN( "invalid parent %p for %p\n", parent, hwnd );
        SetLastError( ERROR_INVALID_PARAMETER );
        goto done;
    }
    was_visible = (wnd->style & WS_VISIBLE) != 0;
    if (was_visible) ShowWindow( hwnd, SW_HIDE );
    lock_windows( TRUE );
    if (__is_child_of( wnd, new_parent ))
    {
        unlock_windows( TRUE );
        WARN( "%p is a descendant of %p\n", parent, hwnd );
        SetLastError( ERROR_INVALID_PARAMETER );
        goto done;
    }
    old = wnd->parent ? wnd->parent->hwnd : NULL;
    ulist_remove( &wnd->sibling );
    ulist_add_head( &new_parent->children, &wnd->sibling );
    wnd->parent = new_parent;
    if (new_parent == message_root) wnd->flags |= WIN_MESSAGE_ONLY;
    else wnd->flags &= ~WIN_MESSAGE_ONLY;
    unlock_windows( TRUE );
    if (was_visible) ShowWindow( hwnd, SW_SHOWNA );
done:
    release_wnd( new_parent );
    release_wnd( wnd );
    return old;
}

/***********************************************************************
 *      GetWindow (USER32.@)
 */
HWND WINAPI GetWindow( HWND hwnd, UINT cmd )
{
    struct wnd *wnd;
    struct ulist *link;
    HWND ret = NULL;

    TRACE( "%p %u\n", hwnd, cmd );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return NULL;
    lock_windows( FALSE );
    switch (cmd)
    {
    case GW_HWNDFIRST:
        if (wnd->parent && !ulist_empty( &wnd->parent->children ))
            ret = ULIST_ENTRY( wnd->parent->children.next, struct wnd, sibling )->hwnd;
        break;
    case GW_HWNDLAST:
        if (wnd->parent && !ulist_empty( &wnd->parent->children ))
            ret = ULIST_ENTRY( wnd->parent->children.prev, struct wnd, sibling )->hwnd;
        break;
    case GW_HWNDNEXT:
        if (wnd->parent && (link = wnd->sibling.next) != &wnd->parent->children)
            ret = ULIST_ENTRY( link, struct wnd, sibling )->hwnd;
        break;
    case GW_HWNDPREV:
        if (wnd->parent && (link = wnd->sibling.prev) != &wnd->parent->children)
            ret = ULIST_ENTRY( link, struct wnd, sibling )->hwnd;
        break;
    case GW_OWNER:
        if (wnd->owner) ret = wnd->owner->hwnd;
        break;
    case GW_CHILD:
        if (!ulist_empty( &wnd->children )) ret = ULIST_ENTRY( wnd->children.next, struct wnd, sibling )->hwnd;
        break;
    case 6: /* GW_ENABLEDPOPUP */
        break;
    default:
        WARN( "invalid command %u\n", cmd );
        SetLastError( ERROR_INVALID_GW_COMMAND );
        break;
    }
    unlock_windows( FALSE );
    release_wnd( wnd );
    return ret;
}

/***********************************************************************
 *      GetTopWindow (USER32.@)
 */
HWND WINAPI GetTopWindow( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    if (!hwnd) hwnd = get_desktop_hwnd();
    return GetWindow( hwnd, GW_CHILD );
}

static BOOL enum_child_windows( HWND parent, WNDENUMPROC proc, LPARAM lparam );

/* Calls proc for each window of list still alive when its turn comes (and, with children, for
 * its descendants, depth first), until proc returns FALSE; frees list. The list is a snapshot
 * taken under the lock; proc runs without it and may create or destroy windows. */
static BOOL enum_window_list( HWND *list, WNDENUMPROC proc, LPARAM lparam, BOOL children )
{
    BOOL ret = TRUE;
    UINT i;

    for (i = 0; list[i]; i++)
    {
        if (!IsWindow( list[i] )) continue;
        check_not_locked();
        if (!(ret = proc( list[i], lparam ))) break;
        if (children && !(ret = enum_child_windows( list[i], proc, lparam ))) break;
    }
    HeapFree( GetProcessHeap(), 0, list );
    return ret;
}

/***********************************************************************
 *      EnumWindows (USER32.@)
 */
BOOL WINAPI EnumWindows( WNDENUMPROC proc, LPARAM lparam )
{
    HWND *list;

    TRACE( "%p %#Ix\n", proc, lparam );
    if (!(list = list_top_level_windows())) return TRUE;
    return enum_window_list( list, proc, lparam, FALSE );
}

/***********************************************************************
 *      EnumThreadWindows (USER32.@)
 */
BOOL WINAPI EnumThreadWindows( DWORD tid, WNDENUMPROC proc, LPARAM lparam )
{
    HWND *list;

    TRACE( "%04lx %p %#Ix\n", tid, proc, lparam );
    /* MSDN: FALSE when the thread has no windows */
    if (!(list = list_window_children( get_desktop_hwnd(), tid ))) return FALSE;
    return enum_window_list( list, proc, lparam, FALSE );
}

static BOOL enum_child_windows( HWND parent, WNDENUMPROC proc, LPARAM lparam )
{
    HWND *list;

    if (!(list = list_window_children( parent, 0 ))) return TRUE;
    return enum_window_list( list, proc, lparam, TRUE );
}

/***********************************************************************
 *      EnumChildWindows (USER32.@)
 */
BOOL WINAPI EnumChildWindows( HWND parent, WNDENUMPROC proc, LPARAM lparam )
{
    TRACE( "%p %p %#Ix\n", parent, proc, lparam );
    if (!parent) return EnumWindows( proc, lparam ); /* MSDN: NULL parent means top-levels */
    return enum_child_windows( parent, proc, lparam );
}

/* Does wnd's class name / title match (case-insensitive, as FindWindow documents)? */
static BOOL window_matches( HWND hwnd, const WCHAR *class_name, const WCHAR *title )
{
    WCHAR buf[256];

    if (class_name)
    {
        if (IS_INTRESOURCE(class_name))
        {
            if (GetClassLongW( hwnd, GCW_ATOM ) != LOWORD(class_name)) return FALSE;
        }
        else
        {
            if (!GetClassNameW( hwnd, buf, ARRAY_SIZE(buf) )) return FALSE;
            if (lstrcmpiW( buf, class_name )) return FALSE;
        }
    }
    if (title)
    {
        struct wnd *wnd = get_wnd( hwnd );
        BOOL same;
        if (!wnd) return FALSE;
        lock_windows( FALSE );
        same = !lstrcmpiW( wnd->text ? wnd->text : L"", title );
        unlock_windows( FALSE );
        release_wnd( wnd );
        if (!same) return FALSE;
    }
    return TRUE;
}

static HWND find_window( HWND parent, HWND after, const WCHAR *class_name, const WCHAR *title )
{
    HWND *list, ret = NULL;
    UINT i = 0;

    if (!parent) parent = get_desktop_hwnd();
    else if (parent == HWND_MESSAGE) parent = message_root->hwnd;
    if (!(list = list_window_children( parent, 0 )))
    {
        SetLastError( ERROR_FILE_NOT_FOUND );
        return NULL;
    }
    if (after)
    {
        while (list[i] && list[i] != after) i++;
        if (list[i]) i++;
    }
    for (; list[i]; i++)
        if (window_matches( list[i], class_name, title ))
        {
            ret = list[i];
            break;
        }
    HeapFree( GetProcessHeap(), 0, list );
    if (!ret) SetLastError( ERROR_FILE_NOT_FOUND );
    return ret;
}

/***********************************************************************
 *      FindWindowExW (USER32.@)
 */
HWND WINAPI FindWindowExW( HWND parent, HWND after, const WCHAR *class_name, const WCHAR *title )
{
    TRACE( "%p %p %s %s\n", parent, after, IS_INTRESOURCE(class_name) ? "#atom" : debugstr_w( class_name ),
           debugstr_w( title ) );
    return find_window( parent, after, class_name, title );
}

/***********************************************************************
 *      FindWindowExA (USER32.@)
 */
HWND WINAPI FindWindowExA( HWND parent, HWND after, const char *class_name, const char *title )
{
    WCHAR *class_w = NULL, *title_w = NULL;
    HWND ret;

    TRACE( "%p %p %p %p\n", parent, after, class_name, title );

    if (class_name && !IS_INTRESOURCE(class_name)) class_w = strdup_a_to_w( class_name );
    if (title) title_w = strdup_a_to_w( title );
    ret = FindWindowExW( parent, after, IS_INTRESOURCE(class_name) ? (const WCHAR *)class_name : class_w,
                         title_w );
    HeapFree( GetProcessHeap(), 0, class_w );
    HeapFree( GetProcessHeap(), 0, title_w );
    return ret;
}

/***********************************************************************
 *      FindWindowW (USER32.@)
 */
HWND WINAPI FindWindowW( const WCHAR *class_name, const WCHAR *title )
{
    TRACE( "%p %p\n", class_name, title );
    return FindWindowExW( NULL, NULL, class_name, title );
}

/***********************************************************************
 *      FindWindowA (USER32.@)
 */
HWND WINAPI FindWindowA( const char *class_name, const char *title )
{
    TRACE( "%p %p\n", class_name, title );
    return FindWindowExA( NULL, NULL, class_name, title );
}

/* ---- window data ------------------------------------------------------------------------- */

static LONG_PTR get_window_long( HWND hwnd, INT offset, UINT size, BOOL unicode )
{
    struct wnd *wnd;
    LONG_PTR ret = 0;

    if (!(wnd = get_wnd_or_fail( hwnd ))) return 0;
    if (offset >= 0)
    {
        if (offset > wnd->extra_size - (INT)size)
        {
            WARN( "%p: offset %d out of range\n", hwnd, offset );
            SetLastError( ERROR_INVALID_INDEX );
        }
        else if (size == sizeof(LONG_PTR)) memcpy( &ret, wnd->extra + offset, sizeof(ret) );
        else
        {
            LONG val;
            memcpy( &val, wnd->extra + offset, sizeof(val) );
            ret = val;
        }
        release_wnd( wnd );
        return ret;
    }
    lock_windows( FALSE );
    switch (offset)
    {
    case GWL_STYLE: ret = (LONG)wnd->style; break;
    case GWL_EXSTYLE: ret = (LONG)wnd->exstyle; break;
    case GWLP_ID: ret = wnd->id; break;
    case GWLP_USERDATA: ret = wnd->userdata; break;
    case GWLP_HINSTANCE:
    case GWLP_WNDPROC:
    case GWLP_HWNDPARENT:
        if (size != sizeof(LONG_PTR))
        {
            /* pointer-sized values cannot be read through the 32-bit functions on Win64 */
            WARN( "%p: offset %d needs GetWindowLongPtr\n", hwnd, offset );
            SetLastError( ERROR_INVALID_INDEX );
            break;
        }
        if (offset == GWLP_HINSTANCE) ret = (LONG_PTR)wnd->instance;
        else if (offset == GWLP_HWNDPARENT)
            ret = (LONG_PTR)((wnd->style & WS_CHILD) ? (wnd->parent ? wnd->parent->hwnd : NULL)
                                                     : (wnd->owner ? wnd->owner->hwnd : NULL));
        else ret = (LONG_PTR)get_winproc_for( wnd->proc, (wnd->flags & WIN_ISUNICODE) != 0, unicode );
        break;
    default:
        WARN( "%p: invalid offset %d\n", hwnd, offset );
        SetLastError( ERROR_INVALID_INDEX );
        break;
    }
    unlock_windows( FALSE );
    release_wnd( wnd );
    if (size == sizeof(LONG)) ret = (LONG)ret;
    return ret;
}

static LONG_PTR set_window_long( HWND hwnd, INT offset, UINT size, LONG_PTR value, BOOL unicode )
{
    struct wnd *wnd;
    LONG_PTR old = 0;
    STYLESTRUCT style;

    if (!(wnd = get_wnd_or_fail( hwnd ))) return 0;
    if (wnd->flags & WIN_DESKTOP)
    {
        WARN( "cannot change the desktop window\n" );
        release_wnd( wnd );
        SetLastError( ERROR_ACCESS_DENIED );
        return 0;
    }
    if (offset >= 0)
    {
        if (offset > wnd->extra_size - (INT)size)
        {
            WARN( "%p: offset %d out of range\n", hwnd, offset );
            SetLastError( ERROR_INVALID_INDEX );
        }
        else if (size == sizeof(LONG_PTR))
        {
            memcpy( &old, wnd->extra + offset, sizeof(old) );
            memcpy( wnd->extra + offset, &value, sizeof(value) );
        }
        else
        {
            LONG val = value, prev;
            memcpy( &prev, wnd->extra + offset, sizeof(prev) );
            memcpy( wnd->extra + offset, &val, sizeof(val) );
            old = prev;
        }
        release_wnd( wnd );
        return old;
    }
    switch (offset)
    {
    case GWL_STYLE:
    case GWL_EXSTYLE:
        /* MSDN SetWindowLong: WM_STYLECHANGING lets the window alter the new style, then
         * WM_STYLECHANGED reports it */
        style.styleOld = offset == GWL_STYLE ? wnd->style : wnd->exstyle;
        style.styleNew = value;
        send_message( hwnd, WM_STYLECHANGING, offset, (LPARAM)&style, TRUE );
        lock_windows( TRUE );
        old = (LONG)style.styleOld;
        if (offset == GWL_STYLE) wnd->style = style.styleNew;
        else wnd->exstyle = style.styleNew;
        unlock_windows( TRUE );
        send_message( hwnd, WM_STYLECHANGED, offset, (LPARAM)&style, TRUE );
        break;
    case GWLP_ID:
        lock_windows( TRUE );
        old = wnd->id;
        wnd->id = value;
        unlock_windows( TRUE );
        break;
    case GWLP_HINSTANCE:
    case GWLP_WNDPROC:
    case GWLP_HWNDPARENT:
        if (size != sizeof(LONG_PTR))
        {
            WARN( "%p: offset %d needs SetWindowLongPtr\n", hwnd, offset );
            SetLastError( ERROR_INVALID_INDEX );
            break;
        }
        if (offset == GWLP_HINSTANCE)
        {
            old = (LONG_PTR)wnd->instance;
            wnd->instance = (HINSTANCE)value;
        }
        else if (offset == GWLP_HWNDPARENT)
        {
            if (wnd->style & WS_CHILD) old = (LONG_PTR)SetParent( hwnd, (HWND)value );
            else
            {
                struct wnd *owner = value ? get_wnd( (HWND)value ) : NULL;
                lock_windows( TRUE );
                old = (LONG_PTR)(wnd->owner ? wnd->owner->hwnd : NULL);
                wnd->owner = owner;
                unlock_windows( TRUE );
                if (owner) release_wnd( owner );
            }
        }
        else
        {
            WNDPROC proc;
            BOOL proc_unicode;
            lock_windows( TRUE );
            old = (LONG_PTR)get_winproc_for( wnd->proc, (wnd->flags & WIN_ISUNICODE) != 0, unicode );
            if (!resolve_winproc( (WNDPROC)value, &proc, &proc_unicode )) proc_unicode = unicode;
            wnd->proc = proc;
            if (proc_unicode) wnd->flags |= WIN_ISUNICODE;
            else wnd->flags &= ~WIN_ISUNICODE;
            unlock_windows( TRUE );
        }
        break;
    default:
        WARN( "%p: invalid offset %d\n", hwnd, offset );
        SetLastError( ERROR_INVALID_INDEX );
        break;
    }
    release_wnd( wnd );
    return old;
}

/* GWLP_USERDATA needs the old value: done apart from the generic path above. */
static LONG_PTR set_user_data( HWND hwnd, LONG_PTR value )
{
    struct wnd *wnd;
    LONG_PTR old;

    if (!(wnd = get_wnd_or_fail( hwnd ))) return 0;
    old = (LONG_PTR)InterlockedExchangePointer( (void **)&wnd->userdata, (void *)value );
    release_wnd( wnd );
    return old;
}

/***********************************************************************
 *      GetWindowLongW (USER32.@)
 */
LONG WINAPI GetWindowLongW( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    return get_window_long( hwnd, offset, sizeof(LONG), TRUE );
}

/***********************************************************************
 *      GetWindowLongA (USER32.@)
 */
LONG WINAPI GetWindowLongA( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    return get_window_long( hwnd, offset, sizeof(LONG), FALSE );
}

/***********************************************************************
 *      GetWindowLongPtrW (USER32.@)
 */
LONG_PTR WINAPI GetWindowLongPtrW( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    return get_window_long( hwnd, offset, sizeof(LONG_PTR), TRUE );
}

/***********************************************************************
 *      GetWindowLongPtrA (USER32.@)
 */
LONG_PTR WINAPI GetWindowLongPtrA( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    return get_window_long( hwnd, offset, sizeof(LONG_PTR), FALSE );
}

/***********************************************************************
 *      SetWindowLongW (USER32.@)
 */
LONG WINAPI SetWindowLongW( HWND hwnd, INT offset, LONG value )
{
    TRACE( "%p %d %#lx\n", hwnd, offset, value );
    if (offset == GWLP_USERDATA) return set_user_data( hwnd, value );
    return set_window_long( hwnd, offset, sizeof(LONG), value, TRUE );
}

/***********************************************************************
 *      SetWindowLongA (USER32.@)
 */
LONG WINAPI SetWindowLongA( HWND hwnd, INT offset, LONG value )
{
    TRACE( "%p %d %#lx\n", hwnd, offset, value );
    if (offset == GWLP_USERDATA) return set_user_data( hwnd, value );
    return set_window_long( hwnd, offset, sizeof(LONG), value, FALSE );
}

/***********************************************************************
 *      SetWindowLongPtrW (USER32.@)
 */
LONG_PTR WINAPI SetWindowLongPtrW( HWND hwnd, INT offset, LONG_PTR value )
{
    TRACE( "%p %d %#Ix\n", hwnd, offset, value );
    if (offset == GWLP_USERDATA) return set_user_data( hwnd, value );
    return set_window_long( hwnd, offset, sizeof(LONG_PTR), value, TRUE );
}

/***********************************************************************
 *      SetWindowLongPtrA (USER32.@)
 */
LONG_PTR WINAPI SetWindowLongPtrA( HWND hwnd, INT offset, LONG_PTR value )
{
    TRACE( "%p %d %#Ix\n", hwnd, offset, value );
    if (offset == GWLP_USERDATA) return set_user_data( hwnd, value );
    return set_window_long( hwnd, offset, sizeof(LONG_PTR), value, FALSE );
}

/***********************************************************************
 *      GetWindowWord (USER32.@)
 */
WORD WINAPI GetWindowWord( HWND hwnd, INT offset )
{
    struct wnd *wnd;
    WORD ret = 0;

    TRACE( "%p %d\n", hwnd, offset );
    if (offset < 0) return (WORD)get_window_long( hwnd, offset, sizeof(LONG), TRUE );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return 0;
    if (offset > wnd->extra_size - (INT)sizeof(WORD)) SetLastError( ERROR_INVALID_INDEX );
    else memcpy( &ret, wnd->extra + offset, sizeof(ret) );
    release_wnd( wnd );
    return ret;
}

/***********************************************************************
 *      SetWindowWord (USER32.@)
 */
WORD WINAPI SetWindowWord( HWND hwnd, INT offset, WORD value )
{
    struct wnd *wnd;
    WORD ret = 0;

    TRACE( "%p %d %#x\n", hwnd, offset, value );
    if (offset < 0) return (WORD)set_window_long( hwnd, offset, sizeof(LONG), value, TRUE );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return 0;
    if (offset > wnd->extra_size - (INT)sizeof(WORD)) SetLastError( ERROR_INVALID_INDEX );
    else
    {
        memcpy( &ret, wnd->extra + offset, sizeof(ret) );
        memcpy( wnd->extra + offset, &value, sizeof(value) );
    }
    release_wnd( wnd );
    return ret;
}

/* ---- window text ------------------------------------------------------------------------ */

/* Stores the text that DefWindowProc's WM_SETTEXT was given. */
BOOL set_window_text_internal( HWND hwnd, const WCHAR *text )
{
    struct wnd *wnd;
    WCHAR *copy = NULL, *old;
    BOOL top_level;

    if (!(wnd = get_wnd( hwnd ))) return FALSE;
    if (text && !(copy = strdup_w( text )))
    {
        release_wnd( wnd );
        return FALSE;
    }
    lock_windows( TRUE );
    old = wnd->text;
    wnd->text = copy;
    top_level = wnd->parent == desktop_wnd;
    unlock_windows( TRUE );
    HeapFree( GetProcessHeap(), 0, old );
    if (top_level) call_driver()->set_window_text( hwnd, copy ? copy : L"" );
    release_wnd( wnd );
    return TRUE;
}

/* Copies the stored text (what DefWindowProc's WM_GETTEXT answers); returns its length. */
INT get_window_text_internal( HWND hwnd, WCHAR *buf, INT count )
{
    struct wnd *wnd;
    INT len = 0;

    if (!(wnd = get_wnd( hwnd ))) return 0;
    lock_windows( FALSE );
    if (wnd->text) len = lstrlenW( wnd->text );
    if (buf && count > 0)
    {
        if (len >= count) len = count - 1;
        if (wnd->text) memcpy( buf, wnd->text, len * sizeof(WCHAR) );
        buf[len] = 0;
    }
    unlock_windows( FALSE );
    release_wnd( wnd );
    return len;
}

/***********************************************************************
 *      InternalGetWindowText (USER32.@)
 */
INT WINAPI InternalGetWindowText( HWND hwnd, WCHAR *buf, INT count )
{
    struct wnd *wnd;

    TRACE( "%p %p %d\n", hwnd, buf, count );
    if (!(wnd = get_wnd_or_fail( hwnd ))) return 0;
    release_wnd( wnd );
    if (count <= 0) return 0;
    return get_window_text_internal( hwnd, buf, count );
}

/***********************************************************************
 *      SetWindowTextW (USER32.@)
 */
BOOL WINAPI SetWindowTextW( HWND hwnd, const WCHAR *text )
{
    TRACE( "%p %s\n", hwnd, debugstr_w( text ) );
    if (!IsWindow( hwnd ))
    {
        WARN( "invalid window %p\n", hwnd );
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return FALSE;
    }
    return send_message( hwnd, WM_SETTEXT, 0, (LPARAM)text, TRUE ) != 0;
}

/***********************************************************************
 *      SetWindowTextA (USER32.@)
 */
BOOL WINAPI SetWindowTextA( HWND hwnd, const char *text )
{
    TRACE( "%p %s\n", hwnd, debugstr_a( text ) );
    if (!IsWindow( hwnd ))
    {
        WARN( "invalid window %p\n", hwnd );
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return FALSE;
    }
    return send_message( hwnd, WM_SETTEXT, 0, (LPARAM)text, FALSE ) != 0;
}

/***********************************************************************
 *      GetWindowTextW (USER32.@)
 */
INT WINAPI GetWindowTextW( HWND hwnd, WCHAR *buf, INT count )
{
    TRACE( "%p %p %d\n", hwnd, buf, count );
    if (!buf || count <= 0) return 0;
    buf[0] = 0;
    if (!IsWindow( hwnd ))
    {
        WARN( "invalid window %p\n", hwnd );
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return 0;
    }
    return send_message( hwnd, WM_GETTEXT, count, (LPARAM)buf, TRUE );
}

/***********************************************************************
 *      GetWindowTextA (USER32.@)
 */
INT WINAPI GetWindowTextA( HWND hwnd, char *buf, INT count )
{
    TRACE( "%p %p %d\n", hwnd, buf, count );
    if (!buf || count <= 0) return 0;
    buf[0] = 0;
    if (!IsWindow( hwnd ))
    {
        WARN( "invalid window %p\n", hwnd );
        SetLastError( ERROR_INVALID_WINDOW_HANDLE );
        return 0;
    }
    return send_message( hwnd, WM_GETTEXT, count, (LPARAM)buf, FALSE );
}

/***********************************************************************
 *      GetWindowTextLengthW (USER32.@)
 */
INT WINAPI GetWindowTextLengthW( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    return send_message( hwnd, WM_GETTEXTLENGTH, 0, 0, TRUE );
}

/***********************************************************************
 *      GetWindowTextLengthA (USER32.@)
 */
INT WINAPI GetWindowTextLengthA( HWND hwnd )
{
    TRACE( "%p\n", hwnd );
    return send_message( hwnd, WM_GETTEXTLENGTH, 0, 0, FALSE );
}
