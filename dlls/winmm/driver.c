/*
 * Installable drivers: OpenDriver, CloseDriver, SendDriverMessage, DefDriverProc and the
 * HDRVR table.
 *
 * An HDRVR is a typed index, never a pointer: bits 0-15 hold the slot index (slot 0 is never
 * used), bits 16-30 the slot's generation (never 0), bit 31 and up are clear. A slot's
 * generation is bumped each time it is freed and freed slots are reused oldest first, so a
 * closed handle stays invalid until its slot has been reused 32767 times.
 *
 * The slot table is a static array (untouched pages cost nothing). SendDriverMessage, the hot
 * path, takes no lock: an open instance's slot holds its own handle as its key, so validating
 * a handle is one comparison with the slot it selects (see struct driver_slot). Everything else
 * looks slots up under driver_lock.
 */

#include "winmm_private.h"
#include "usermm/asm.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(driver);

/* The ABI drivers and their clients share: mmsystem.h packs its structures to 1 byte. */
C_ASSERT( sizeof(DRVCONFIGINFO) == 4 + 2 * sizeof(void *) );
C_ASSERT( offsetof(DRVCONFIGINFO, lpszDCISectionName) == 4 );
C_ASSERT( offsetof(DRVCONFIGINFO, lpszDCIAliasName) == 4 + sizeof(void *) );
C_ASSERT( sizeof(DRVCONFIGINFOEX) == 8 + 2 * sizeof(void *) );
C_ASSERT( DRV_PNPINSTALL == 0x080b && DRV_USER == 0x4000 && DRV_POWER == 0x000f );

/* driver_lock protects: the module list and every field of struct driver_module, slot
 * allocation (slots_used, the free list, owners[]) and every write to a slot. SendDriverMessage's
 * fast path reads slots without it. Never held while a DriverProc runs (check_not_locked in
 * call_driver). */
struct tracked_lock driver_lock = TRACKED_LOCK_INIT;
/* Signalled (under driver_lock) when a module leaves MODULE_LOADING or MODULE_UNLOADING. */
static CONDITION_VARIABLE module_changed = CONDITION_VARIABLE_INIT;

enum module_state
{
    MODULE_LOADING,   /* DRV_LOAD / DRV_ENABLE being sent by transition_thread */
    MODULE_READY,
    MODULE_UNLOADING, /* DRV_DISABLE / DRV_FREE being sent by transition_thread */
};

/* One per loaded driver DLL; holds one LoadLibrary reference to it. */
struct driver_module
{
    struct driver_module *next;
    WCHAR *file;             /* the name it was first loaded by */
    HMODULE hmodule;
    DRIVERPROC proc;
    enum module_state state;
    DWORD transition_thread;
    unsigned int instances;  /* slots of this module that are opening, open or closing */
};

enum slot_state
{
    SLOT_FREE,    /* never handed out, or freed; slot 0 stays free */
    SLOT_OPENING, /* DRV_OPEN in progress: the handle is not usable yet */
    SLOT_OPEN,
    SLOT_CLOSING, /* DRV_CLOSE in progress or done: the handle is no longer usable */
};

/* What SendDriverMessage's fast path reads. key is the instance's own HDRVR while the instance
 * is open and its messages need no trace line (see __fast_key); otherwise it is a value no
 * handle that selects this slot can have: 0 (a handle's index bits are its slot's nonzero
 * index), and in slot 0, which the NULL handle selects, KEY_NEVER (set by driver_init). proc
 * and driver_id are only written while key is not a handle. */
struct driver_slot
{
    ULONG_PTR key;
    DRIVERPROC proc;       /* the module's */
    DWORD_PTR driver_id;   /* DRV_OPEN's result */
} DECLSPEC_ALIGN(32);      /* a power of two: the fast path indexes the table with a shift */

#define KEY_NEVER (~(ULONG_PTR)0)

/* The rest of a slot, only used under driver_lock. */
struct slot_owner
{
    struct driver_module *module;
    enum slot_state state;
    unsigned int generation; /* of the handle the slot hands out next or has handed out */
    unsigned int next_free;  /* index of the next free slot, 0 at the end */
};

#define MAX_SLOTS      0x10000
#define MAX_GENERATION 0x7fff

static struct driver_slot slots[MAX_SLOTS];
static struct slot_owner owners[MAX_SLOTS];
static unsigned int slots_used = 1;        /* slots below this were handed out at least once */
static unsigned int free_head, free_tail;  /* FIFO of freed slots */
static struct driver_module *modules;

static inline HDRVR make_handle( unsigned int index, unsigned int generation )
{
    return (HDRVR)((ULONG_PTR)generation << 16 | index);
}

static inline unsigned int handle_index( HDRVR hdrvr )
{
    return (ULONG_PTR)hdrvr & 0xffff;
}

void winmm_lock_violation( const char *lock, const char *file, int line )
{
    ERR( "%s:%d: calling out with %s held\n", file, line, lock );
    RaiseException( EXCEPTION_NONCONTINUABLE_EXCEPTION, EXCEPTION_NONCONTINUABLE, 0, NULL );
    for (;;) ;
}

/* At process attach, before any export can be called. */
void driver_init( void )
{
    slots[0].key = KEY_NEVER;
}

/* Called with driver_lock held: the index of hdrvr's slot if it is in the given state, or 0.
 * Bits above the generation, a zero generation or index 0 never match. */
static unsigned int __find_slot( HDRVR hdrvr, enum slot_state state )
{
    unsigned int index = handle_index( hdrvr );

    if (!index || index >= slots_used || owners[index].state != state) return 0;
    return make_handle( index, owners[index].generation ) == hdrvr ? index : 0;
}

/* Called with driver_lock held: what the fast path should accept for this slot. TRACE_ON is
 * asked here, as an instance opens, rather than by every SendDriverMessage: with +driver the
 * key stays 0 and all the instance's messages take the traced path. */
static ULONG_PTR __fast_key( unsigned int index )
{
    if (owners[index].state != SLOT_OPEN || TRACE_ON(driver)) return 0;
    return (ULONG_PTR)make_handle( index, owners[index].generation );
}

/* Called with driver_lock held. Publishing a key releases the slot's fields written before. */
static void __set_slot_state( unsigned int index, enum slot_state state )
{
    owners[index].state = state;
    __atomic_store_n( &slots[index].key, __fast_key( index ), __ATOMIC_SEQ_CST );
}

/* Called with driver_lock held: a new slot in SLOT_OPENING state, or 0. */
static unsigned int __alloc_slot( struct driver_module *module, HDRVR *hdrvr )
{
    unsigned int index;

    if (free_head)
    {
        index = free_head;
        free_head = owners[index].next_free;
        if (!free_head) free_tail = 0;
    }
    else
    {
        if (slots_used >= MAX_SLOTS) return 0;
        index = slots_used++;
        owners[index].generation = 1;
    }
    owners[index].module = module;
    owners[index].next_free = 0;
    slots[index].proc = module->proc;
    slots[index].driver_id = 0;
    __set_slot_state( index, SLOT_OPENING );
    *hdrvr = make_handle( index, owners[index].generation );
    return index;
}

/* Called with driver_lock held: bumps the generation and queues the slot for reuse. */
static void __free_slot( unsigned int index )
{
    if (++owners[index].generation > MAX_GENERATION) owners[index].generation = 1;
    __set_slot_state( index, SLOT_FREE );
    owners[index].module = NULL;
    owners[index].next_free = 0;
    if (free_tail) owners[free_tail].next_free = index;
    else free_head = index;
    free_tail = index;
}

/* What a message to an open instance needs, copied out under the lock. */
struct open_instance
{
    DRIVERPROC proc;
    DWORD_PTR driver_id;
    HMODULE hmodule;
};

/* Copies hdrvr's instance out of its slot if it is open. */
static BOOL lookup_open_instance( HDRVR hdrvr, struct open_instance *instance )
{
    unsigned int index;

    tracked_lock_acquire( &driver_lock );
    if ((index = __find_slot( hdrvr, SLOT_OPEN )))
    {
        instance->proc = slots[index].proc;
        instance->driver_id = slots[index].driver_id;
        instance->hmodule = owners[index].module->hmodule;
    }
    tracked_lock_release( &driver_lock );
    return index != 0;
}

static const char *driver_msg_name( UINT msg )
{
    static const char * const names[] =
    {
        "0", "DRV_LOAD", "DRV_ENABLE", "DRV_OPEN", "DRV_CLOSE", "DRV_DISABLE", "DRV_FREE",
        "DRV_CONFIGURE", "DRV_QUERYCONFIGURE", "DRV_INSTALL", "DRV_REMOVE", "DRV_EXITSESSION",
        "DRV_EXITAPPLICATION", "0x000d", "0x000e", "DRV_POWER",
    };
    if (msg < ARRAY_SIZE(names)) return names[msg];
    if (msg == DRV_PNPINSTALL) return "DRV_PNPINSTALL";
    if (msg >= DRV_USER) return wine_dbg_sprintf( "DRV_USER+%#x", msg - DRV_USER );
    if (msg >= DRV_RESERVED) return wine_dbg_sprintf( "DRV_RESERVED+%#x", msg - DRV_RESERVED );
    return wine_dbg_sprintf( "%#x", msg );
}

/* Every call into a driver goes through here. */
static LRESULT call_driver( DRIVERPROC proc, DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1,
                            LPARAM lparam2 )
{
    LRESULT ret;

    check_not_locked( &driver_lock );
    TRACE( "-> proc %p (id %#Ix, %p, %s, %#Ix, %#Ix)\n", proc, id, hdrvr, driver_msg_name( msg ),
           lparam1, lparam2 );
    ret = proc( id, hdrvr, msg, lparam1, lparam2 );
    TRACE( "<- proc %p %s returned %#Ix\n", proc, driver_msg_name( msg ), ret );
    return ret;
}

/* Called with driver_lock held. */
static struct driver_module *__find_module( HMODULE hmodule )
{
    struct driver_module *module;
    for (module = modules; module; module = module->next)
        if (module->hmodule == hmodule) return module;
    return NULL;
}

/* Called with driver_lock held. */
static void __unlink_module( struct driver_module *module )
{
    struct driver_module **p;
    for (p = &modules; *p; p = &(*p)->next)
        if (*p == module) { *p = module->next; break; }
    WakeAllConditionVariable( &module_changed );
}

/* Frees an instance's slot; on the module's last instance sends DRV_DISABLE and DRV_FREE and
 * unloads it. Called without the lock, for a slot in SLOT_OPENING or SLOT_CLOSING state. */
static void release_instance( unsigned int index, HDRVR hdrvr )
{
    struct driver_module *module;
    BOOL last;

    tracked_lock_acquire( &driver_lock );
    module = owners[index].module;
    __free_slot( index );
    last = !--module->instances;
    if (last)
    {
        module->state = MODULE_UNLOADING;
        module->transition_thread = GetCurrentThreadId();
    }
    tracked_lock_release( &driver_lock );
    if (!last) return;

    call_driver( module->proc, 0, hdrvr, DRV_DISABLE, 0, 0 );
    call_driver( module->proc, 0, hdrvr, DRV_FREE, 0, 0 );

    tracked_lock_acquire( &driver_lock );
    __unlink_module( module );
    tracked_lock_release( &driver_lock );
    TRACE( "unloading %p\n", module->hmodule );
    FreeLibrary( module->hmodule );
    free( module->file );
    free( module );
}

/* Called with driver_lock held: a module by the name it was first loaded by. */
static struct driver_module *__find_module_by_file( const WCHAR *file )
{
    struct driver_module *module;
    for (module = modules; module; module = module->next)
        if (!wcsicmp( module->file, file )) return module;
    return NULL;
}

/* Called with driver_lock held: takes an instance of a READY module and allocates its slot. */
static unsigned int __add_instance( struct driver_module *module, HDRVR *hdrvr )
{
    unsigned int index;

    module->instances++;
    if (!(index = __alloc_slot( module, hdrvr )))
    {
        WARN( "out of driver handles\n" );
        module->instances--; /* never the last: the module is READY, so others are open */
    }
    return index;
}

/* Sends DRV_OPEN to a new instance and publishes it, or releases it. */
static HDRVR open_instance( unsigned int index, HDRVR hdrvr, DRIVERPROC proc, const WCHAR *args,
                            LPARAM lparam2 )
{
    DWORD_PTR id;

    if (!(id = call_driver( proc, 0, hdrvr, DRV_OPEN, (LPARAM)args, lparam2 )))
    {
        WARN( "DRV_OPEN failed\n" );
        release_instance( index, hdrvr );
        return NULL;
    }
    tracked_lock_acquire( &driver_lock );
    slots[index].driver_id = id;
    __set_slot_state( index, SLOT_OPEN );
    tracked_lock_release( &driver_lock );
    return hdrvr;
}

/* Opens one instance of the driver in file, loading it (if it has a DriverProc) unless it is
 * loaded already. A module already loaded by this very name is found without the loader. */
static HDRVR open_driver_file( const WCHAR *file, const WCHAR *args, LPARAM lparam2 )
{
    struct driver_module *module;
    unsigned int index;
    DRIVERPROC proc;
    HMODULE hmodule;
    HDRVR hdrvr = NULL;

    tracked_lock_acquire( &driver_lock );
    if ((module = __find_module_by_file( file )) && module->state == MODULE_READY)
    {
        index = __add_instance( module, &hdrvr );
        proc = module->proc;
        tracked_lock_release( &driver_lock );
        return index ? open_instance( index, hdrvr, proc, args, lparam2 ) : NULL;
    }
    tracked_lock_release( &driver_lock );

    if (!(hmodule = LoadLibraryW( file )))
    {
        TRACE( "%s: cannot load, error %lu\n", debugstr_w(file), GetLastError() );
        return NULL;
    }
    if (!(proc = (DRIVERPROC)GetProcAddress( hmodule, "DriverProc" )))
    {
        WARN( "%s has no DriverProc\n", debugstr_w(file) );
        FreeLibrary( hmodule );
        return NULL;
    }

    tracked_lock_acquire( &driver_lock );
    for (;;)
    {
        module = __find_module( hmodule );
        if (!module || module->state == MODULE_READY) break;
        if (module->transition_thread == GetCurrentThreadId())
        {
            /* Reentered from our own DRV_LOAD/ENABLE: the module is usable; from DRV_DISABLE
             * or DRV_FREE it is going away and waiting for ourselves would never end. */
            if (module->state == MODULE_LOADING) break;
            WARN( "%s: opened from its own DRV_DISABLE/DRV_FREE\n", debugstr_w(file) );
            goto fail_locked;
        }
        tracked_lock_wait( &driver_lock, &module_changed, INFINITE );
    }
    if (module)
    {
        /* loaded meanwhile, or under another name: the module keeps its own reference */
        if (!(index = __add_instance( module, &hdrvr ))) goto fail_locked;
        tracked_lock_release( &driver_lock );
        FreeLibrary( hmodule );
        return open_instance( index, hdrvr, proc, args, lparam2 );
    }

    if (!(module = calloc( 1, sizeof(*module) )) || !(module->file = _wcsdup( file )))
    {
        free( module );
        goto fail_locked;
    }
    module->hmodule = hmodule;
    module->proc = proc;
    module->state = MODULE_LOADING;
    module->transition_thread = GetCurrentThreadId();
    module->instances = 1;
    if (!(index = __alloc_slot( module, &hdrvr )))
    {
        WARN( "out of driver handles\n" );
        free( module->file );
        free( module );
        goto fail_locked;
    }
    module->next = modules;
    modules = module;
    tracked_lock_release( &driver_lock );

    /* MSDN DRV_LOAD: "The hdrvr parameter is always zero." */
    if (!call_driver( proc, 0, 0, DRV_LOAD, 0, 0 ))
    {
        WARN( "%s: DRV_LOAD failed\n", debugstr_w(file) );
        tracked_lock_acquire( &driver_lock );
        __free_slot( index );
        __unlink_module( module );
        tracked_lock_release( &driver_lock );
        free( module->file );
        free( module );
        FreeLibrary( hmodule );
        return NULL;
    }
    call_driver( proc, 0, hdrvr, DRV_ENABLE, 0, 0 );
    tracked_lock_acquire( &driver_lock );
    module->state = MODULE_READY;
    WakeAllConditionVariable( &module_changed );
    tracked_lock_release( &driver_lock );
    return open_instance( index, hdrvr, proc, args, lparam2 );

fail_locked:
    tracked_lock_release( &driver_lock );
    FreeLibrary( hmodule );
    return NULL;
}

/***********************************************************************
 *      OpenDriver   (WINMM.@)
 *
 * With no section the name is first tried as a DLL file name (as Wine does, and as programs that
 * pass "foo.drv" expect), then looked up in the Drivers32 registry key and system.ini.
 */
HDRVR WINAPI OpenDriver( LPCWSTR name, LPCWSTR section, LPARAM lparam2 )
{
    WCHAR *file, *args;
    HDRVR ret = NULL;

    TRACE( "(%s, %s, %#Ix)\n", debugstr_w(name), debugstr_w(section), lparam2 );

    if (!name || !*name)
    {
        WARN( "no driver name\n" );
        SetLastError( ERROR_INVALID_PARAMETER );
        return NULL;
    }

    if (!section) ret = open_driver_file( name, NULL, lparam2 );
    if (!ret && driver_lookup( name, section, &file, &args ))
    {
        ret = open_driver_file( file, args, lparam2 );
        free( file );
        free( args );
    }
    if (!ret) WARN( "%s: not opened\n", debugstr_w(name) );
    TRACE( "returning %p\n", ret );
    return ret;
}

static WCHAR *strdup_atow( const char *str )
{
    WCHAR *ret;
    int len;

    if (!str) return NULL;
    len = MultiByteToWideChar( CP_ACP, 0, str, -1, NULL, 0 );
    if ((ret = malloc( len * sizeof(WCHAR) ))) MultiByteToWideChar( CP_ACP, 0, str, -1, ret, len );
    return ret;
}

/***********************************************************************
 *      OpenDriverA   (WINMM.@)
 */
HDRVR WINAPI OpenDriverA( LPCSTR name, LPCSTR section, LPARAM lparam2 )
{
    WCHAR *nameW = strdup_atow( name ), *sectionW = strdup_atow( section );
    HDRVR ret = NULL;

    TRACE( "(%s, %s, %#Ix)\n", debugstr_a(name), debugstr_a(section), lparam2 );

    if ((name && !nameW) || (section && !sectionW)) SetLastError( ERROR_NOT_ENOUGH_MEMORY );
    else ret = OpenDriver( nameW, sectionW, lparam2 );
    free( nameW );
    free( sectionW );
    TRACE( "returning %p\n", ret );
    return ret;
}

/***********************************************************************
 *      CloseDriver   (WINMM.@)
 *
 * The instance is gone once DRV_CLOSE returns, whatever it returned (Wine does the same); the
 * result says whether hdrvr was an open instance.
 */
LRESULT WINAPI CloseDriver( HDRVR hdrvr, LPARAM lparam1, LPARAM lparam2 )
{
    unsigned int index;
    DRIVERPROC proc;
    DWORD_PTR id;

    TRACE( "(%p, %#Ix, %#Ix)\n", hdrvr, lparam1, lparam2 );

    tracked_lock_acquire( &driver_lock );
    if (!(index = __find_slot( hdrvr, SLOT_OPEN )))
    {
        tracked_lock_release( &driver_lock );
        WARN( "invalid handle %p\n", hdrvr );
        TRACE( "returning 0\n" );
        return FALSE;
    }
    __set_slot_state( index, SLOT_CLOSING );
    proc = slots[index].proc;
    id = slots[index].driver_id;
    tracked_lock_release( &driver_lock );

    call_driver( proc, id, hdrvr, DRV_CLOSE, lparam1, lparam2 );
    release_instance( index, hdrvr );
    TRACE( "returning 1\n" );
    return TRUE;
}

/* Trace and warning lines under the export's name rather than the helper's (as +driver users
 * expect). */
#define TRACE_AS( func, ... ) \
    do { if (TRACE_ON(driver)) wine_dbg_log( __WINE_DBCL_TRACE, &__wine_dbch_driver, func, __VA_ARGS__ ); } while (0)
#define WARN_AS( func, ... ) \
    do { if (WARN_ON(driver)) wine_dbg_log( __WINE_DBCL_WARN, &__wine_dbch_driver, func, __VA_ARGS__ ); } while (0)

/* SendDriverMessage for what its fast path leaves: an instance opened with +driver on, a
 * handle that is not an open instance, an instance closed while the fast path read its slot.
 * On x86_64 the fast path jumps here with its arguments untouched. */
static LRESULT WINAPI __attribute__((used)) send_message_slow( HDRVR hdrvr, UINT msg,
                                                               LPARAM lparam1, LPARAM lparam2 )
{
    struct open_instance instance;
    LRESULT ret;

    TRACE_AS( "SendDriverMessage", "(%p, %s, %#Ix, %#Ix)\n", hdrvr, driver_msg_name( msg ),
              lparam1, lparam2 );
    if (!lookup_open_instance( hdrvr, &instance ))
    {
        WARN_AS( "SendDriverMessage", "invalid handle %p\n", hdrvr );
        TRACE_AS( "SendDriverMessage", "returning 0\n" );
        return 0;
    }
    ret = call_driver( instance.proc, instance.driver_id, hdrvr, msg, lparam1, lparam2 );
    TRACE_AS( "SendDriverMessage", "returning %#Ix\n", ret );
    return ret;
}

/***********************************************************************
 *      SendDriverMessage   (WINMM.@)
 *
 * The hot path of the driver interface, with no lock and no system call: if the slot hdrvr
 * selects has hdrvr as its key, read the DriverProc and the driver identifier, check the key
 * again (they are only written while the key is not a handle, so an unchanged key means they
 * belong to hdrvr) and call the DriverProc. Everything else goes to send_message_slow.
 *
 * Unlike the other call-outs this one needs no check_not_locked: the calling thread is in its
 * caller's code, and winmm only ever calls out to other code with no lock held (every such
 * call-out checks).
 *
 * On x86_64 the fast path is written in assembly. The DriverProc takes a fifth argument on the
 * stack, so SendDriverMessage has to call it rather than jump to it; GCC compiles the C version
 * below with a saved register and a frame set up before the checks, which makes it 3.4 ns a
 * message against 2.5 ns (documentation/winmm.md). The C version is the specification of the
 * assembly, and what a build with -DUSERMM_NO_ASM uses.
 */
#ifdef USERMM_ASM_GLOBAL_FUNC

C_ASSERT( sizeof(struct driver_slot) == 32 );
C_ASSERT( offsetof(struct driver_slot, key) == 0 );
C_ASSERT( offsetof(struct driver_slot, proc) == 8 );
C_ASSERT( offsetof(struct driver_slot, driver_id) == 16 );

/* In: rcx = hdrvr, edx = msg, r8 = lparam1, r9 = lparam2. The slot is at r10 + rax. */
USERMM_ASM_GLOBAL_FUNC( SendDriverMessage,
    "movzwl %cx, %eax\n\t"              /* slot = &slots[handle_index( hdrvr )] */
    "shll $5, %eax\n\t"
    "leaq slots(%rip), %r10\n\t"
    "cmpq %rcx, (%r10,%rax)\n\t"        /* if (slot->key != hdrvr) goto slow */
    "jne 2f\n\t"
    "subq $0x38, %rsp\n\t"              /* home space of 4 arguments, the 5th, alignment */
    ".seh_stackalloc 0x38\n\t"
    ".seh_endprologue\n\t"
    "movq %r9, 0x20(%rsp)\n\t"          /* lparam2 */
    "movq %r8, %r9\n\t"                 /* lparam1 */
    "movl %edx, %r8d\n\t"               /* msg */
    "movq %rcx, %rdx\n\t"               /* hdrvr */
    "movq 16(%r10,%rax), %rcx\n\t"      /* slot->driver_id */
    "movq 8(%r10,%rax), %r11\n\t"       /* slot->proc */
    "cmpq %rdx, (%r10,%rax)\n\t"        /* if (slot->key != hdrvr) goto closed */
    "jne 1f\n\t"
    "call *%r11\n\t"                    /* return slot->proc( id, hdrvr, msg, lparam1, lparam2 ) */
    "addq $0x38, %rsp\n\t"
    "ret\n"
    "1:\tmovq %rdx, %rcx\n\t"           /* closed: the arguments back in place */
    "movl %r8d, %edx\n\t"
    "movq %r9, %r8\n\t"
    "movq 0x20(%rsp), %r9\n\t"
    "addq $0x38, %rsp\n"
    "2:\tjmp send_message_slow" )       /* slow: return send_message_slow( hdrvr, msg, ... ) */

#else

LRESULT WINAPI SendDriverMessage( HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    struct driver_slot *slot = &slots[handle_index( hdrvr )];
    DRIVERPROC proc;
    DWORD_PTR id;

    if (__atomic_load_n( &slot->key, __ATOMIC_ACQUIRE ) != (ULONG_PTR)hdrvr) goto slow;
    proc = slot->proc;
    id = slot->driver_id;
    __atomic_thread_fence( __ATOMIC_ACQUIRE );
    if (__atomic_load_n( &slot->key, __ATOMIC_RELAXED ) != (ULONG_PTR)hdrvr) goto slow;
    return proc( id, hdrvr, msg, lparam1, lparam2 );

slow:
    return send_message_slow( hdrvr, msg, lparam1, lparam2 );
}

#endif

/***********************************************************************
 *      DefDriverProc   (WINMM.@)
 *
 * MSDN and Wine: the load/enable/disable/free messages succeed, install and remove report
 * DRVCNF_OK, everything else (configuration queries, custom messages) is ignored.
 */
LRESULT WINAPI DefDriverProc( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    LRESULT ret;

    switch (msg)
    {
    case DRV_LOAD:
    case DRV_FREE:
    case DRV_ENABLE:
    case DRV_DISABLE:
        ret = 1;
        break;
    case DRV_INSTALL:
    case DRV_REMOVE:
        ret = DRVCNF_OK;
        break;
    default:
        ret = 0;
        break;
    }
    TRACE( "(%#Ix, %p, %s, %#Ix, %#Ix) returning %Id\n", id, hdrvr, driver_msg_name( msg ),
           lparam1, lparam2, ret );
    return ret;
}

/***********************************************************************
 *      GetDriverModuleHandle   (WINMM.@)
 *      DrvGetModuleHandle      (WINMM.@)
 */
HMODULE WINAPI GetDriverModuleHandle( HDRVR hdrvr )
{
    struct open_instance instance;
    HMODULE ret = lookup_open_instance( hdrvr, &instance ) ? instance.hmodule : NULL;

    TRACE( "(%p) returning %p\n", hdrvr, ret );
    return ret;
}

/***********************************************************************
 *      GetDriverFlags   (WINMM.@)
 *
 * Undocumented; Wine returns 0x80000000 for an open instance and 0 otherwise.
 */
DWORD WINAPI GetDriverFlags( HDRVR hdrvr )
{
    struct open_instance instance;
    DWORD ret = lookup_open_instance( hdrvr, &instance ) ? 0x80000000 : 0;

    TRACE( "(%p) returning %#lx\n", hdrvr, ret );
    return ret;
}

/* Called with driver_lock held: the handles of all open instances, or NULL (*count is 0). */
static HDRVR *__snapshot_open_handles( unsigned int *count )
{
    HDRVR *handles;
    unsigned int i, n = 0;

    *count = 0;
    if (!(handles = malloc( slots_used * sizeof(*handles) ))) return NULL;
    for (i = 1; i < slots_used; i++)
        if (owners[i].state == SLOT_OPEN) handles[n++] = make_handle( i, owners[i].generation );
    *count = n;
    return handles;
}

/***********************************************************************
 *      __usermm_DriverBroadcast   (WINMM.@)
 *
 * usermm's own export: sends msg (meant for DRV_POWER and DRV_EXITSESSION) to every instance
 * open in this process, in the order they were allocated, and returns how many it reached.
 * Instances opened or closed by a DriverProc during the broadcast are not visited or are
 * skipped. User32's BroadcastSystemMessage reaches installable drivers through this.
 */
DWORD WINAPI __usermm_DriverBroadcast( UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    struct open_instance instance;
    unsigned int i, count;
    HDRVR *handles;
    DWORD reached = 0;

    TRACE( "(%s, %#Ix, %#Ix)\n", driver_msg_name( msg ), lparam1, lparam2 );

    tracked_lock_acquire( &driver_lock );
    handles = __snapshot_open_handles( &count );
    tracked_lock_release( &driver_lock );

    for (i = 0; i < count; i++)
    {
        if (!lookup_open_instance( handles[i], &instance )) continue;
        call_driver( instance.proc, instance.driver_id, handles[i], msg, lparam1, lparam2 );
        reached++;
    }
    free( handles );
    TRACE( "reached %lu instances\n", reached );
    return reached;
}

/* On FreeLibrary of winmm: close every instance still open (DRV_CLOSE 0, 0), which unloads
 * every driver DLL. */
void driver_unload_all( void )
{
    unsigned int i, count;
    HDRVR *handles;

    tracked_lock_acquire( &driver_lock );
    handles = __snapshot_open_handles( &count );
    tracked_lock_release( &driver_lock );

    for (i = 0; i < count; i++) CloseDriver( handles[i], 0, 0 );
    free( handles );
}
