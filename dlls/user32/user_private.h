/*
 * user32 internals shared between its source files, grouped by the file that defines them.
 *
 * Locking, in the order in which locks may nest (never the other way round):
 *   1. win_lock (win.c): the HWND table, the window tree, window fields other threads read;
 *      class_lock (class.c) never nests with it (classes are looked up before windows).
 *   2. a queue's lock (queue.c): that queue's lists, counters and wake bits.
 *   3. input_lock (input.c), hook_lock (hook.c), atom_lock (winstr.c): leaves, nothing nests
 *      inside them.
 * No lock is ever held while calling out (a window procedure, a hook, a TIMERPROC, a
 * SendMessageCallback callback, the display driver): every call-out starts with
 * check_not_locked().
 */
#ifndef USER_PRIVATE_H
#define USER_PRIVATE_H

#include <stdarg.h>
#include <windef.h>
#include <winbase.h>
#include <wingdi.h>
#include <winuser.h>
#include <winnls.h>
#include <winreg.h>
#include "usermm/driver.h"
#include "usermm/objcount.h"

#ifndef WM_SYSTIMER
#define WM_SYSTIMER 0x0118 /* undocumented, but real programs and Wine's tests see it */
#endif

/* A minimal intrusive doubly linked list (a sentinel node heads each list). */
struct ulist
{
    struct ulist *next, *prev;
};

static inline void ulist_init( struct ulist *list ) { list->next = list->prev = list; }
static inline BOOL ulist_empty( const struct ulist *list ) { return list->next == list; }
static inline void ulist_add_before( struct ulist *where, struct ulist *elem )
{
    elem->next = where;
    elem->prev = where->prev;
    where->prev->next = elem;
    where->prev = elem;
}
static inline void ulist_add_tail( struct ulist *list, struct ulist *elem ) { ulist_add_before( list, elem ); }
static inline void ulist_add_head( struct ulist *list, struct ulist *elem ) { ulist_add_before( list->next, elem ); }
static inline void ulist_remove( struct ulist *elem )
{
    elem->prev->next = elem->next;
    elem->next->prev = elem->prev;
    elem->next = elem->prev = elem;
}
#define ULIST_ENTRY(elem, type, field) CONTAINING_RECORD(elem, type, field)
#define ULIST_FOR_EACH(cursor, list) \
    for ((cursor) = (list)->next; (cursor) != (list); (cursor) = (cursor)->next)
#define ULIST_FOR_EACH_SAFE(cursor, next_, list) \
    for ((cursor) = (list)->next, (next_) = (cursor)->next; (cursor) != (list); \
         (cursor) = (next_), (next_) = (cursor)->next)

/* Internal wake bits next to the documented QS_* ones. */
#define QS_SMRESULT 0x8000 /* a message this thread sent to another one has its result */

/* main.c */
extern HINSTANCE user32_module;

/* driver.c */
extern const struct usermm_driver_funcs *get_display_driver( void );
/* the display driver, for a call out (asserts that no user32 lock is held) */
#define call_driver() (check_not_locked(), get_display_driver())
extern void unload_display_driver( void );

/* spy.c */
extern const char *debugstr_msg_name( UINT msg );
extern const char *debugstr_msg( const MSG *msg );

/* queue.c */

/* A posted or input message waiting in a queue. */
struct queued_message
{
    struct ulist entry; /* in msg_queue.posted or msg_queue.input_msgs */
    MSG msg;            /* hwnd, message, wParam, lParam, time, pt */
    LPARAM extra_info;  /* GetMessageExtraInfo while it is processed */
};

/* What kind of sent message a record is (issue 5 adds timeouts and broadcasts on top). */
enum sent_kind
{
    SENT_SEND,     /* SendMessage / SendMessageTimeout: the sender blocks for the result */
    SENT_NOTIFY,   /* SendNotifyMessage: nobody waits */
    SENT_CALLBACK, /* SendMessageCallback: the result goes back to the sender's queue */
    SENT_RESULT,   /* the result of a SENT_CALLBACK, delivered to the sender's callback */
};

/* A message sent from one thread to a window of another. Both the sender and the receiver
 * hold a reference (refcount); whoever drops the last one frees it, so a sender that gives up
 * (timeout, exit) and a receiver that dies are both safe. */
struct sent_message
{
    struct ulist entry;   /* in the receiver's msg_queue.sent, under its lock */
    LONG refcount;
    enum sent_kind kind;
    HWND hwnd;
    UINT msg;
    WPARAM wparam;
    LPARAM lparam;
    BOOL unicode;               /* wparam/lparam are in the W form */
    struct msg_queue *sender;   /* reference held; NULL for SENT_NOTIFY */
    LRESULT result;             /* written by the receiver before done is set */
    volatile LONG done;         /* 1 once result is final (replied, or receiver gone) */
    BOOL replied;               /* receiver side: ReplyMessage already gave the result */
    BOOL abandoned;             /* the sender gave up waiting (timeout): nobody reads result */
    BOOL receiver_gone;         /* the receiving window or thread ended before answering
                                 * (SMTO_ERRORONEXIT) */
    SENDASYNCPROC callback;     /* SENT_CALLBACK / SENT_RESULT */
    ULONG_PTR callback_data;
    struct sent_message *outer; /* receiver side: the sent message being processed before this */
    struct sent_message *next_orphan; /* receiver side: taken off the queue to be released with 0
                                       * (thread exit, window destroyed); entry is then unlinked,
                                       * so a sender that times out sees it is no longer queued */
};

/* Input state shared by the threads attached to one another with AttachThreadInput (each
 * thread starts with its own). Protected by input_lock (input.c). */
struct thread_input
{
    LONG refcount;
    HWND focus;
    HWND active;
    HWND capture;
    BYTE keystate[256]; /* GetKeyState: key state as of the last input message retrieved */
    struct thread_input *retired_next; /* AttachThreadInput's retired list (input.c) */
};

/* A thread's message queue. Lives in process memory: the owner thread waits on `seq` with
 * WaitOnAddress, and on `event` only inside MsgWaitForMultipleObjectsEx. */
struct msg_queue
{
    SRWLOCK lock;         /* protects every field below except refcount, tid and seq */
    LONG refcount;        /* owner thread + windows + senders + senders' records; atomic */
    DWORD tid;            /* owner thread, constant */
    volatile LONG seq;    /* bumped (under lock) whenever the owner may need to wake */
    struct ulist posted;  /* struct queued_message, FIFO */
    UINT posted_count;    /* entries in posted: the quota counts these */
    struct ulist input_msgs; /* struct queued_message: keyboard and mouse input routed here */
    struct ulist sent;    /* struct sent_message sent to this thread, FIFO */
    struct ulist free_nodes; /* cache of unused queued_message nodes (at most FREE_NODES_MAX) */
    UINT free_count;
    BOOL quit_posted;     /* PostQuitMessage was called; WM_QUIT is synthesized */
    int quit_code;
    UINT wake_bits;       /* QS_* of what is in the queue */
    UINT changed_bits;    /* QS_* that arrived since the owner last looked */
    UINT wake_mask;       /* while the owner waits: wake for these wake_bits... */
    UINT changed_mask;    /* ...or these changed_bits; both 0 when it does not wait */
    BOOL event_wait;      /* the owner waits on `event` too (MsgWaitForMultipleObjectsEx) */
    HANDLE event;         /* auto-reset; created the first time the owner needs it */
    UINT paint_count;     /* windows of this thread with a pending WM_PAINT (paint.c) */
    struct ulist timers;  /* struct user_timer (timer.c) */
    DWORD last_get_time;  /* tick of the last Get/PeekMessage: the hung-window rule */
    BOOL dead;            /* the owner thread has exited: refuse new messages */
    struct thread_input *input; /* under input_lock */
};

/* Per-thread user32 state, reached through a TLS slot (never mingw's __thread). */
struct user_thread_info
{
    struct msg_queue *queue;      /* created on the first call that needs one */
    DWORD msg_time;               /* GetMessageTime */
    DWORD msg_pos;                /* GetMessagePos (MAKELONG(x, y)) */
    LPARAM extra_info;            /* Get/SetMessageExtraInfo */
    struct sent_message *receiving; /* innermost sent message being processed (InSendMessage) */
    UINT locks;                   /* user32 locks this thread holds: check_not_locked() */
    struct hook *current_hook;    /* hook procedure being called (CallNextHookEx) */
    UINT hooks_busy;              /* a bit per hook type being called (no recursion) */
    UINT last_click_msg;          /* double-click detection (input.c) */
    HWND last_click_hwnd;
    DWORD last_click_time;
    POINT last_click_pt;
    WORD last_click_xbutton;
};

#define QUEUE_QUOTA_DEFAULT 10000
#define QUEUE_QUOTA_MIN 4000

extern struct user_thread_info *get_user_thread_info( void );
extern struct msg_queue *get_thread_queue( BOOL create );
extern struct msg_queue *find_queue_by_tid( DWORD tid );
extern void grab_queue( struct msg_queue *queue );
extern void release_queue( struct msg_queue *queue );
extern void lock_queue( struct msg_queue *queue );
extern void unlock_queue( struct msg_queue *queue );
extern void __queue_set_bits( struct msg_queue *queue, UINT bits );
extern void __queue_clear_bits( struct msg_queue *queue, UINT bits );
extern void unlock_queue_and_wake( struct msg_queue *queue );
extern struct queued_message *__alloc_queued_message( struct msg_queue *queue );
extern void __free_queued_message( struct msg_queue *queue, struct queued_message *qmsg );
extern BOOL post_to_queue( struct msg_queue *queue, HWND hwnd, UINT msg, WPARAM wparam,
                           LPARAM lparam );
extern void queue_remove_window_messages( struct msg_queue *queue, HWND hwnd );
/* ms left of a timeout that started at tick `start`: 0 once it has passed; INFINITE stays so */
static inline DWORD timeout_left( DWORD start, DWORD timeout )
{
    DWORD elapsed;

    if (timeout == INFINITE) return INFINITE;
    elapsed = GetTickCount() - start;
    return elapsed >= timeout ? 0 : timeout - elapsed;
}
#define QUEUE_WAIT_NO_SENT 0x80000000 /* queue_wait flag: sent messages do not end the wait */
extern DWORD queue_wait( struct msg_queue *queue, UINT wake_mask, UINT changed_mask, DWORD count,
                         const HANDLE *handles, DWORD timeout, DWORD flags );
extern BOOL is_queue_hung( struct msg_queue *queue );
extern void user_thread_detach( void );
extern void check_not_locked_( const char *func );
#define check_not_locked() check_not_locked_( __func__ )
extern void note_lock( BOOL acquire );

/* objcount.c: live-object counts for leak tests (include/usermm/objcount.h) */
extern struct usermm_object_counts *object_counts;
extern void init_object_counts( void );
#define count_object( field, delta ) InterlockedExchangeAdd( &object_counts->field, (delta) )

/* message.c */
extern LRESULT send_message( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode );
extern BOOL process_sent_messages( struct msg_queue *queue );
extern void finish_sent_message( struct sent_message *smsg, LRESULT result );

/* win.c */

/* flags in struct wnd.flags */
#define WIN_DESTROYING    0x0001 /* DestroyWindow is under way */
#define WIN_DESTROYED     0x0002 /* handle freed; only references keep the memory */
#define WIN_NEED_SIZE     0x0004 /* WM_SIZE/WM_MOVE still owed at the first ShowWindow */
#define WIN_ISUNICODE     0x0008 /* the window procedure takes W messages */
#define WIN_MESSAGE_ONLY  0x0010 /* child of HWND_MESSAGE */
#define WIN_CREATED       0x0020 /* WM_CREATE returned */
#define WIN_DESKTOP       0x0040 /* the desktop window */
#define WIN_RESTORE_MAX   0x0080 /* minimized from maximized: SW_RESTORE maximizes (winpos.c) */
#define WIN_GHOST         0x0100 /* closed by the user while hung: X window hidden (ghost.c) */

struct win_class;

struct wnd
{
    HWND hwnd;                /* constant */
    LONG refcount;            /* atomic; the table holds one until the window is destroyed */
    DWORD tid, pid;           /* owner thread, constant */
    struct msg_queue *queue;  /* owner thread's queue (reference held), constant */
    struct win_class *class;  /* constant (reference held) */
    /* under win_lock: */
    struct wnd *parent;       /* desktop, the message root, or a window */
    struct wnd *owner;
    struct ulist children;    /* z-order, topmost first */
    struct ulist sibling;     /* entry in parent->children */
    UINT flags;
    /* written by the owner thread (under win_lock when another thread may read them): */
    WNDPROC proc;
    DWORD style, exstyle;
    UINT_PTR id;              /* GWLP_ID (child) or menu */
    HINSTANCE instance;
    LONG_PTR userdata;
    WCHAR *text;
    RECT window_rect;         /* in the parent's client coordinates */
    RECT client_rect;         /* likewise */
    RECT normal_rect;         /* window_rect when neither minimized nor maximized (winpos.c) */
    /* paint.c, under the owner queue's lock: */
    RECT update_rect;         /* bounding box of the update region, client coordinates */
    UINT paint_flags;         /* PAINT_* */
    INT extra_size;
    BYTE extra[1];            /* cbWndExtra bytes */
};

extern SRWLOCK win_lock;
extern void lock_windows( BOOL exclusive );
extern void unlock_windows( BOOL exclusive );
extern struct wnd *get_wnd( HWND hwnd );          /* a reference, or NULL (no error set) */
extern struct wnd *get_wnd_or_fail( HWND hwnd );  /* ERROR_INVALID_WINDOW_HANDLE on failure */
extern void release_wnd( struct wnd *wnd );
extern struct wnd *get_current_thread_wnd( HWND hwnd ); /* no lock, no reference */
extern struct wnd *__lookup_wnd( HWND hwnd );     /* win_lock held; no reference */
extern BOOL is_current_thread_window( struct wnd *wnd );
extern HWND get_desktop_hwnd( void );
extern struct wnd *get_desktop_wnd( void );
extern HWND *list_window_children( HWND parent, DWORD tid );
extern BOOL __is_child_of( const struct wnd *ancestor, const struct wnd *wnd );
extern BOOL is_window_visible_wnd( struct wnd *wnd );
extern void destroy_thread_windows( void );
extern HWND *list_top_level_windows( void );
extern BOOL is_broadcast_hwnd( HWND hwnd );
extern BOOL set_window_text_internal( HWND hwnd, const WCHAR *text );
extern INT get_window_text_internal( HWND hwnd, WCHAR *buf, INT count );

/* class.c */
struct win_class
{
    struct ulist entry;   /* in the class list, under class_lock */
    LONG refcount;        /* the list's + one per window; atomic */
    ATOM atom;
    WCHAR *name;
    UINT style;
    WNDPROC proc;
    BOOL unicode;         /* proc takes W messages */
    INT cls_extra, wnd_extra;
    HINSTANCE instance;
    HICON icon, icon_small;
    HCURSOR cursor;
    HBRUSH background;
    WCHAR *menu_name_w;
    char *menu_name_a;
    BOOL global;          /* CS_GLOBALCLASS */
    BOOL system;          /* registered by user32 */
    BYTE extra[1];
};
extern struct win_class *find_class( HINSTANCE instance, const WCHAR *name );
extern void release_class( struct win_class *class );
extern void register_builtin_classes( void );

/* winproc.c */
#define WINPROC_HANDLE_MASK  ((ULONG_PTR)0xffff0000)
#define WINPROC_HANDLE_TAG   ((ULONG_PTR)0xffff0000)
extern WNDPROC get_winproc_for( WNDPROC proc, BOOL unicode, BOOL want_unicode );
extern BOOL resolve_winproc( WNDPROC handle, WNDPROC *proc, BOOL *unicode );
extern LRESULT call_window_proc( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam,
                                 BOOL caller_unicode, WNDPROC proc, BOOL proc_unicode );
extern LRESULT dispatch_to_window( struct wnd *wnd, UINT msg, WPARAM wparam, LPARAM lparam,
                                   BOOL unicode );
extern WCHAR *strdup_a_to_w( const char *str );
extern char *strdup_w_to_a( const WCHAR *str );
extern WCHAR *strdup_w( const WCHAR *str );
extern WPARAM map_char_a_to_w( WPARAM wparam );
extern WPARAM map_char_w_to_a( WPARAM wparam );

/* defwnd.c */
extern LRESULT default_window_proc( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL unicode );
extern void get_nonclient_size( DWORD style, DWORD exstyle, RECT *borders );

/* winpos.c */
extern BOOL set_window_pos( HWND hwnd, HWND after, int x, int y, int cx, int cy, UINT flags );
extern BOOL show_window( HWND hwnd, int cmd );
extern void set_active_window( HWND hwnd );
extern void window_pos_destroyed( HWND hwnd );
extern void set_foreground_from_driver( HWND hwnd, BOOL in );
extern void window_moved_from_driver( HWND hwnd, const RECT *client );
extern BOOL handle_internal_message( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam );
extern void notify_driver_window_pos( struct wnd *wnd, UINT swp_flags );
extern void get_client_size_rect( struct wnd *wnd, RECT *rect );
extern BOOL get_screen_rects( HWND hwnd, RECT *window, RECT *client );

/* ghost.c */
extern BOOL ghost_close_request( HWND hwnd );
extern BOOL handle_ghost_message( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam );

/* paint.c */
#define PAINT_UPDATE      0x01 /* update_rect is not empty */
#define PAINT_ERASE       0x02 /* WM_ERASEBKGND owed at BeginPaint */
#define PAINT_INTERNAL    0x04 /* RDW_INTERNALPAINT */
#define PAINT_NONCLIENT   0x08 /* WM_NCPAINT owed */
#define PAINT_COUNTED     0x10 /* counted in the queue's paint_count */
extern BOOL __find_paint_window( struct msg_queue *queue, HWND filter, HWND *hwnd );
extern void invalidate_whole_window( struct wnd *wnd, BOOL erase );
extern void validate_destroyed_window( struct wnd *wnd );
extern void validate_hidden_window( struct wnd *wnd );
#define PLACEHOLDER_HDC ((HDC)(ULONG_PTR)0x00dc0001)

/* timer.c */
struct user_timer;
extern BOOL __find_due_timer( struct msg_queue *queue, HWND filter, UINT first, UINT last,
                              BOOL remove, MSG *msg );
extern DWORD __next_timer_timeout( struct msg_queue *queue );
extern BOOL __any_timer_due( struct msg_queue *queue );
extern void __kill_window_timers( struct msg_queue *queue, HWND hwnd );
extern void __free_queue_timers( struct msg_queue *queue );
extern BOOL is_valid_timer_proc( struct msg_queue *queue, LPARAM proc );

/* hook.c */
struct hook;
extern BOOL hooks_installed( int id );
extern LRESULT call_hooks( int id, int code, WPARAM wparam, LPARAM lparam, BOOL unicode );
extern void remove_thread_hooks( DWORD tid );

/* input.c */
extern SRWLOCK input_lock;
extern struct thread_input *create_thread_input( void );
extern void release_thread_input( struct thread_input *input );
extern void __input_window_destroyed( struct thread_input *input, HWND hwnd );
extern BOOL process_input_message( MSG *msg, UINT remove_flags, LPARAM extra );
extern HWND get_focus_hwnd( void );
extern void set_focus_hwnd( HWND hwnd );
extern void set_active_hwnd( HWND hwnd );
extern HWND get_active_hwnd( void );
extern void get_cursor_pos( POINT *pt );
extern void send_hardware_input( const INPUT *input, HWND hint );

/* keyboard.c */
extern int layout_to_unicode( UINT vk, UINT scan, const BYTE *keystate, WCHAR *buf, int size,
                              UINT flags );
extern UINT layout_vk_to_scan( UINT vk );
extern UINT layout_scan_to_vk( UINT scan );

/* winstr.c: the atom table of registered window messages and class names. Behind these
 * functions so that it can move into memory shared between processes without touching callers. */
extern ATOM user_atom_add( const WCHAR *name );
extern ATOM user_atom_find( const WCHAR *name );
extern UINT user_atom_get_name( ATOM atom, WCHAR *buf, UINT size );
extern BOOL user_atom_delete( ATOM atom );

#endif /* USER_PRIVATE_H */
