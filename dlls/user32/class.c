/*
 * Window classes: RegisterClass(Ex), UnregisterClass, GetClassInfo(Ex), class data.
 *
 * Class names are atoms of the user atom table (winstr.c), so a class atom is the value
 * RegisterWindowMessage gives for the same string, as on Windows.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(class);

/* The fields WNDCLASS shares with WNDCLASSEX (in either character set), for RegisterClass and
 * GetClassInfo. Field by field: on 64-bit WNDCLASS pads after style where WNDCLASSEX has
 * cbSize, so the two layouts do not line up for a block copy. */
#define COPY_WNDCLASS_FIELDS( dst, src ) \
    do { \
        (dst)->style = (src)->style; \
        (dst)->lpfnWndProc = (src)->lpfnWndProc; \
        (dst)->cbClsExtra = (src)->cbClsExtra; \
        (dst)->cbWndExtra = (src)->cbWndExtra; \
        (dst)->hInstance = (src)->hInstance; \
        (dst)->hIcon = (src)->hIcon; \
        (dst)->hCursor = (src)->hCursor; \
        (dst)->hbrBackground = (src)->hbrBackground; \
        (dst)->lpszMenuName = (src)->lpszMenuName; \
        (dst)->lpszClassName = (src)->lpszClassName; \
    } while (0)

/* RegisterClassExA copies its WNDCLASSEXA whole into a WNDCLASSEXW, then replaces the strings,
 * and GetClassInfoExA fills one as a WNDCLASSEXW: the two differ only in the type of the string
 * pointers. */
C_ASSERT( sizeof(WNDCLASSEXA) == sizeof(WNDCLASSEXW) );
C_ASSERT( FIELD_OFFSET(WNDCLASSEXA, lpszMenuName) == FIELD_OFFSET(WNDCLASSEXW, lpszMenuName) );
C_ASSERT( FIELD_OFFSET(WNDCLASSEXA, lpszClassName) == FIELD_OFFSET(WNDCLASSEXW, lpszClassName) );
C_ASSERT( FIELD_OFFSET(WNDCLASSEXA, hIconSm) == FIELD_OFFSET(WNDCLASSEXW, hIconSm) );

/* The largest cbClsExtra / cbWndExtra a class may have. */
#define MAX_EXTRA_BYTES 40000

/* class_lock protects the class list and every class's fields. */
static SRWLOCK class_lock = SRWLOCK_INIT;
static struct ulist classes = { &classes, &classes };

static void lock_classes( BOOL exclusive )
{
    if (exclusive) AcquireSRWLockExclusive( &class_lock );
    else AcquireSRWLockShared( &class_lock );
    note_lock( TRUE );
}

static void unlock_classes( BOOL exclusive )
{
    note_lock( FALSE );
    if (exclusive) ReleaseSRWLockExclusive( &class_lock );
    else ReleaseSRWLockShared( &class_lock );
}

void release_class( struct win_class *class )
{
    if (InterlockedDecrement( &class->refcount )) return;
    TRACE( "freeing class %s\n", debugstr_w( class->name ) );
    user_atom_delete( class->atom );
    HeapFree( GetProcessHeap(), 0, class->name );
    HeapFree( GetProcessHeap(), 0, class->menu_name_w );
    HeapFree( GetProcessHeap(), 0, class->menu_name_a );
    HeapFree( GetProcessHeap(), 0, class );
}

static HINSTANCE default_instance( HINSTANCE instance )
{
    return instance ? instance : GetModuleHandleW( NULL );
}

/* Called with class_lock held. MSDN "About Window Classes": the system looks for a local class
 * of the given instance, then a global class, then a system class. */
static struct win_class *__find_class( HINSTANCE instance, ATOM atom, const WCHAR *name )
{
    struct win_class *found = NULL;
    struct ulist *cursor;
    int pass;

    for (pass = 0; pass < 3 && !found; pass++)
    {
        ULIST_FOR_EACH( cursor, &classes )
        {
            struct win_class *class = ULIST_ENTRY( cursor, struct win_class, entry );
            if (atom ? class->atom != atom : lstrcmpiW( class->name, name )) continue;
            if (pass == 0 && (class->global || class->system || class->instance != instance)) continue;
            if (pass == 1 && !class->global) continue;
            if (pass == 2 && !class->system) continue;
            found = class;
            break;
        }
    }
    return found;
}

/* Called with class_lock held: a class the new one would clash with. A global class clashes with
 * a global class of the same name, a local one with a local class of the same name and instance
 * (MSDN "About Window Classes": application local classes are per module). */
static struct win_class *__find_duplicate( ATOM atom, HINSTANCE instance, BOOL global, BOOL system )
{
    struct ulist *cursor;

    ULIST_FOR_EACH( cursor, &classes )
    {
        struct win_class *class = ULIST_ENTRY( cursor, struct win_class, entry );
        if (class->atom != atom || class->system != system) continue;
        if (global ? class->global : (!class->global && class->instance == instance)) return class;
    }
    return NULL;
}

static ATOM name_to_atom( const WCHAR *name )
{
    if (IS_INTRESOURCE(name)) return LOWORD(name);
    return 0;
}

/* A class with a reference, or NULL. */
struct win_class *find_class( HINSTANCE instance, const WCHAR *name )
{
    struct win_class *class;

    if (!name) return NULL;
    register_builtin_classes();
    lock_classes( FALSE );
    if ((class = __find_class( default_instance( instance ), name_to_atom( name ), name )))
        InterlockedIncrement( &class->refcount );
    unlock_classes( FALSE );
    return class;
}

static ATOM register_class( const WNDCLASSEXW *wc, const char *menu_a, BOOL unicode, BOOL system )
{
    struct win_class *class, *existing;
    HINSTANCE instance;
    ATOM atom;

    if (wc->cbClsExtra < 0 || wc->cbWndExtra < 0 || wc->cbClsExtra > MAX_EXTRA_BYTES ||
        wc->cbWndExtra > MAX_EXTRA_BYTES ||
        !wc->lpszClassName || !wc->lpfnWndProc)
    {
        WARN( "invalid parameters\n" );
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    if (IS_INTRESOURCE(wc->lpszClassName))
    {
        FIXME( "class names given as atoms are not supported\n" );
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    instance = system ? user32_module : default_instance( wc->hInstance );
    if (!(class = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY,
                             FIELD_OFFSET(struct win_class, extra[max( wc->cbClsExtra, 1 )]) )))
    {
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        return 0;
    }
    class->refcount = 1;
    class->style = wc->style;
    class->proc = wc->lpfnWndProc;
    class->unicode = unicode;
    resolve_winproc( wc->lpfnWndProc, &class->proc, &class->unicode );
    class->cls_extra = wc->cbClsExtra;
    class->wnd_extra = wc->cbWndExtra;
    class->instance = instance;
    class->icon = wc->hIcon;
    class->icon_small = wc->hIconSm;
    class->cursor = wc->hCursor;
    class->background = wc->hbrBackground;
    class->global = (wc->style & CS_GLOBALCLASS) != 0;
    class->system = system;
    if (!(class->name = strdup_w( wc->lpszClassName ))) goto nomem;
    if (menu_a && !IS_INTRESOURCE(menu_a))
    {
        if (!(class->menu_name_a = HeapAlloc( GetProcessHeap(), 0, strlen( menu_a ) + 1 ))) goto nomem;
        strcpy( class->menu_name_a, menu_a );
        class->menu_name_w = strdup_a_to_w( menu_a );
    }
    else if (wc->lpszMenuName && !IS_INTRESOURCE(wc->lpszMenuName))
    {
        class->menu_name_w = strdup_w( wc->lpszMenuName );
        class->menu_name_a = strdup_w_to_a( wc->lpszMenuName );
    }
    if (!(atom = user_atom_add( class->name ))) goto nomem;
    class->atom = atom;

    lock_classes( TRUE );
    if ((existing = __find_duplicate( atom, instance, class->global, system )))
    {
        unlock_classes( TRUE );
        WARN( "class %s already exists\n", debugstr_w( wc->lpszClassName ) );
        release_class( class );
        SetLastError( ERROR_CLASS_ALREADY_EXISTS );
        return 0;
    }
    ulist_add_head( &classes, &class->entry );
    unlock_classes( TRUE );
    TRACE( "%s -> atom %#x, instance %p, style %#x\n", debugstr_w( class->name ), atom, instance, class->style );
    return atom;

nomem:
    HeapFree( GetProcessHeap(), 0, class->name );
    HeapFree( GetProcessHeap(), 0, class->menu_name_a );
    HeapFree( GetProcessHeap(), 0, class->menu_name_w );
    HeapFree( GetProcessHeap(), 0, class );
    SetLastError( ERROR_NOT_ENOUGH_MEMORY );
    return 0;
}

static BOOL CALLBACK register_builtins_once( INIT_ONCE *once, void *param, void **context )
{
    WNDCLASSEXW wc = { .cbSize = sizeof(wc), .lpfnWndProc = DefWindowProcW };

    /* The desktop (#32769) and the root of message-only windows: DefWindowProc answers both. */
    wc.lpszClassName = L"#32769";
    register_class( &wc, NULL, TRUE, TRUE );
    wc.lpszClassName = L"Message";
    register_class( &wc, NULL, TRUE, TRUE );
    return TRUE;
}

void register_builtin_classes( void )
{
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
    InitOnceExecuteOnce( &once, register_builtins_once, NULL, NULL );
}

/***********************************************************************
 *      RegisterClassExW (USER32.@)
 */
ATOM WINAPI RegisterClassExW( const WNDCLASSEXW *wc )
{
    if (!wc || wc->cbSize != sizeof(*wc))
    {
        WARN( "invalid WNDCLASSEXW %p\n", wc );
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    TRACE( "%s proc %p style %#x\n", IS_INTRESOURCE(wc->lpszClassName) ? "#atom" : debugstr_w( wc->lpszClassName ),
           wc->lpfnWndProc, wc->style );
    register_builtin_classes();
    return register_class( wc, NULL, TRUE, FALSE );
}

/***********************************************************************
 *      RegisterClassExA (USER32.@)
 */
ATOM WINAPI RegisterClassExA( const WNDCLASSEXA *wc )
{
    WNDCLASSEXW wcw;
    WCHAR *name = NULL;
    ATOM ret;

    if (!wc || wc->cbSize != sizeof(*wc))
    {
        WARN( "invalid WNDCLASSEXA %p\n", wc );
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    TRACE( "%s proc %p style %#x\n", IS_INTRESOURCE(wc->lpszClassName) ? "#atom" : debugstr_a( wc->lpszClassName ),
           wc->lpfnWndProc, wc->style );
    register_builtin_classes();
    memcpy( &wcw, wc, sizeof(wcw) );
    wcw.lpszMenuName = NULL;
    if (wc->lpszClassName && !IS_INTRESOURCE(wc->lpszClassName))
    {
        if (!(name = strdup_a_to_w( wc->lpszClassName ))) return 0;
        wcw.lpszClassName = name;
    }
    ret = register_class( &wcw, wc->lpszMenuName, FALSE, FALSE );
    HeapFree( GetProcessHeap(), 0, name );
    return ret;
}

/***********************************************************************
 *      RegisterClassW (USER32.@)
 */
ATOM WINAPI RegisterClassW( const WNDCLASSW *wc )
{
    WNDCLASSEXW wcex;

    TRACE( "%p\n", wc );

    if (!wc)
    {
        SetLastError( ERROR_NOACCESS );
        return 0;
    }
    wcex.cbSize = sizeof(wcex);
    COPY_WNDCLASS_FIELDS( &wcex, wc );
    wcex.hIconSm = 0;
    return RegisterClassExW( &wcex );
}

/***********************************************************************
 *      RegisterClassA (USER32.@)
 */
ATOM WINAPI RegisterClassA( const WNDCLASSA *wc )
{
    WNDCLASSEXA wcex;

    TRACE( "%p\n", wc );

    if (!wc)
    {
        SetLastError( ERROR_NOACCESS );
        return 0;
    }
    wcex.cbSize = sizeof(wcex);
    COPY_WNDCLASS_FIELDS( &wcex, wc );
    wcex.hIconSm = 0;
    return RegisterClassExA( &wcex );
}

/***********************************************************************
 *      UnregisterClassW (USER32.@)
 */
BOOL WINAPI UnregisterClassW( const WCHAR *name, HINSTANCE instance )
{
    struct win_class *class;
    ATOM atom = name_to_atom( name );

    TRACE( "%s %p\n", atom ? "#atom" : debugstr_w( name ), instance );
    if (!atom && !(atom = user_atom_find( name )))
    {
        WARN( "class %s does not exist\n", debugstr_w( name ) );
        SetLastError( ERROR_CLASS_DOES_NOT_EXIST );
        return FALSE;
    }
    instance = default_instance( instance );
    lock_classes( TRUE );
    if ((class = __find_class( instance, atom, NULL )) && !class->system &&
        (class->instance == instance || class->global))
    {
        /* MSDN: fails with ERROR_CLASS_HAS_WINDOWS while windows of the class exist */
        if (class->refcount > 1)
        {
            unlock_classes( TRUE );
            WARN( "class %s still has windows\n", debugstr_w( class->name ) );
            SetLastError( ERROR_CLASS_HAS_WINDOWS );
            return FALSE;
        }
        ulist_remove( &class->entry );
    }
    else class = NULL;
    unlock_classes( TRUE );
    if (!class)
    {
        WARN( "class not found\n" );
        SetLastError( ERROR_CLASS_DOES_NOT_EXIST );
        return FALSE;
    }
    release_class( class );
    return TRUE;
}

/***********************************************************************
 *      UnregisterClassA (USER32.@)
 */
BOOL WINAPI UnregisterClassA( const char *name, HINSTANCE instance )
{
    WCHAR *name_w;
    BOOL ret;

    TRACE( "%p %p\n", name, instance );

    if (IS_INTRESOURCE(name)) return UnregisterClassW( (const WCHAR *)name, instance );
    if (!(name_w = strdup_a_to_w( name ))) return FALSE;
    ret = UnregisterClassW( name_w, instance );
    HeapFree( GetProcessHeap(), 0, name_w );
    return ret;
}

/* Fills wc but its cbSize and lpszClassName; a WNDCLASSEXA is passed as a WNDCLASSEXW (unicode
 * FALSE): the two differ only in the type of the string pointers. */
static ATOM get_class_info( HINSTANCE instance, const WCHAR *name, WNDCLASSEXW *wc, BOOL unicode )
{
    struct win_class *class;
    ATOM atom = name_to_atom( name );

    if (!atom && name) atom = user_atom_find( name );
    register_builtin_classes();
    lock_classes( FALSE );
    /* MSDN GetClassInfo: NULL instance means the system classes */
    class = atom ? __find_class( instance ? instance : user32_module, atom, NULL ) : NULL;
    if (!class)
    {
        unlock_classes( FALSE );
        WARN( "class %s not found\n", IS_INTRESOURCE(name) ? "#atom" : debugstr_w( name ) );
        SetLastError( ERROR_CLASS_DOES_NOT_EXIST );
        return 0;
    }
    wc->style = class->style;
    wc->lpfnWndProc = get_winproc_for( class->proc, class->unicode, unicode );
    wc->cbClsExtra = class->cls_extra;
    wc->cbWndExtra = class->wnd_extra;
    wc->hInstance = class->system ? NULL : class->instance;
    wc->hIcon = class->icon;
    wc->hCursor = class->cursor;
    wc->hbrBackground = class->background;
    wc->lpszMenuName = unicode ? class->menu_name_w : (const WCHAR *)class->menu_name_a;
    wc->hIconSm = class->icon_small;
    atom = class->atom;
    unlock_classes( FALSE );
    return atom;
}

/***********************************************************************
 *      GetClassInfoExW (USER32.@)
 */
BOOL WINAPI GetClassInfoExW( HINSTANCE instance, const WCHAR *name, WNDCLASSEXW *wc )
{
    ATOM ret;

    TRACE( "%p %s %p\n", instance, IS_INTRESOURCE(name) ? "#atom" : debugstr_w( name ), wc );
    if (!wc)
    {
        SetLastError( ERROR_NOACCESS );
        return FALSE;
    }
    if ((ret = get_class_info( instance, name, wc, TRUE ))) wc->lpszClassName = name;
    return ret;
}

/***********************************************************************
 *      GetClassInfoExA (USER32.@)
 */
BOOL WINAPI GetClassInfoExA( HINSTANCE instance, const char *name, WNDCLASSEXA *wc )
{
    WCHAR *name_w = NULL;
    ATOM ret;

    TRACE( "%p %s %p\n", instance, IS_INTRESOURCE(name) ? "#atom" : debugstr_a( name ), wc );
    if (!wc)
    {
        SetLastError( ERROR_NOACCESS );
        return FALSE;
    }
    if (!IS_INTRESOURCE(name) && !(name_w = strdup_a_to_w( name ))) return FALSE;
    ret = get_class_info( instance, name_w ? name_w : (const WCHAR *)name, (WNDCLASSEXW *)wc, FALSE );
    if (ret) wc->lpszClassName = name;
    HeapFree( GetProcessHeap(), 0, name_w );
    return ret;
}

/***********************************************************************
 *      GetClassInfoW (USER32.@)
 */
BOOL WINAPI GetClassInfoW( HINSTANCE instance, const WCHAR *name, WNDCLASSW *wc )
{
    WNDCLASSEXW wcex;
    ATOM ret;

    TRACE( "%p %p %p\n", instance, name, wc );

    if (!wc)
    {
        SetLastError( ERROR_NOACCESS );
        return FALSE;
    }
    if (!(ret = GetClassInfoExW( instance, name, &wcex ))) return FALSE;
    COPY_WNDCLASS_FIELDS( wc, &wcex );
    return ret;
}

/***********************************************************************
 *      GetClassInfoA (USER32.@)
 */
BOOL WINAPI GetClassInfoA( HINSTANCE instance, const char *name, WNDCLASSA *wc )
{
    WNDCLASSEXA wcex;
    ATOM ret;

    TRACE( "%p %p %p\n", instance, name, wc );

    if (!wc)
    {
        SetLastError( ERROR_NOACCESS );
        return FALSE;
    }
    if (!(ret = GetClassInfoExA( instance, name, &wcex ))) return FALSE;
    COPY_WNDCLASS_FIELDS( wc, &wcex );
    return ret;
}

static struct win_class *get_window_class( HWND hwnd )
{
    struct wnd *wnd = get_wnd_or_fail( hwnd );
    struct win_class *class;

    if (!wnd) return NULL;
    class = wnd->class;
    InterlockedIncrement( &class->refcount );
    release_wnd( wnd );
    return class;
}

static ULONG_PTR get_class_long( HWND hwnd, INT offset, UINT size, BOOL unicode )
{
    struct win_class *class = get_window_class( hwnd );
    ULONG_PTR ret = 0;

    if (!class) return 0;
    lock_classes( FALSE );
    if (offset >= 0)
    {
        if (offset > class->cls_extra - (INT)size) SetLastError( ERROR_INVALID_INDEX );
        else memcpy( &ret, class->extra + offset, size );
    }
    else switch (offset)
    {
    case GCL_STYLE: ret = class->style; break;
    case GCL_CBWNDEXTRA: ret = class->wnd_extra; break;
    case GCL_CBCLSEXTRA: ret = class->cls_extra; break;
    case GCW_ATOM: ret = class->atom; break;
    case GCLP_HMODULE: ret = (ULONG_PTR)class->instance; break;
    case GCLP_WNDPROC: ret = (ULONG_PTR)get_winproc_for( class->proc, class->unicode, unicode ); break;
    case GCLP_HBRBACKGROUND: ret = (ULONG_PTR)class->background; break;
    case GCLP_HCURSOR: ret = (ULONG_PTR)class->cursor; break;
    case GCLP_HICON: ret = (ULONG_PTR)class->icon; break;
    case GCLP_HICONSM: ret = (ULONG_PTR)class->icon_small; break;
    case GCLP_MENUNAME: ret = unicode ? (ULONG_PTR)class->menu_name_w : (ULONG_PTR)class->menu_name_a; break;
    default:
        WARN( "invalid offset %d\n", offset );
        SetLastError( ERROR_INVALID_INDEX );
        break;
    }
    unlock_classes( FALSE );
    release_class( class );
    if (size == sizeof(DWORD)) ret = (DWORD)ret;
    return ret;
}

static ULONG_PTR set_class_long( HWND hwnd, INT offset, UINT size, LONG_PTR value, BOOL unicode )
{
    struct win_class *class = get_window_class( hwnd );
    ULONG_PTR ret = 0;

    if (!class) return 0;
    lock_classes( TRUE );
    if (offset >= 0)
    {
        if (offset > class->cls_extra - (INT)size) SetLastError( ERROR_INVALID_INDEX );
        else
        {
            memcpy( &ret, class->extra + offset, size );
            memcpy( class->extra + offset, &value, size );
        }
    }
    else switch (offset)
    {
    case GCL_STYLE: ret = class->style; class->style = value; break;
    case GCL_CBWNDEXTRA:
        /* the bounds RegisterClass applies: a negative size would come back sign-extended */
        if ((INT)value < 0 || (INT)value > MAX_EXTRA_BYTES)
        {
            WARN( "invalid extra window size %d\n", (INT)value );
            SetLastError( ERROR_INVALID_PARAMETER );
            break;
        }
        ret = class->wnd_extra;
        class->wnd_extra = value;
        break;
    case GCL_CBCLSEXTRA:
        WARN( "cannot change the class extra size\n" );
        SetLastError( ERROR_INVALID_PARAMETER );
        break;
    case GCLP_HMODULE: ret = (ULONG_PTR)class->instance; class->instance = (HINSTANCE)value; break;
    case GCLP_WNDPROC:
        ret = (ULONG_PTR)get_winproc_for( class->proc, class->unicode, unicode );
        class->unicode = unicode;
        resolve_winproc( (WNDPROC)value, &class->proc, &class->unicode );
        break;
    case GCLP_HBRBACKGROUND: ret = (ULONG_PTR)class->background; class->background = (HBRUSH)value; break;
    case GCLP_HCURSOR: ret = (ULONG_PTR)class->cursor; class->cursor = (HCURSOR)value; break;
    case GCLP_HICON: ret = (ULONG_PTR)class->icon; class->icon = (HICON)value; break;
    case GCLP_HICONSM: ret = (ULONG_PTR)class->icon_small; class->icon_small = (HICON)value; break;
    default:
        WARN( "invalid offset %d\n", offset );
        SetLastError( ERROR_INVALID_INDEX );
        break;
    }
    unlock_classes( TRUE );
    release_class( class );
    if (size == sizeof(DWORD)) ret = (DWORD)ret;
    return ret;
}

/***********************************************************************
 *      GetClassLongW (USER32.@)
 */
DWORD WINAPI GetClassLongW( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    return get_class_long( hwnd, offset, sizeof(DWORD), TRUE );
}

/***********************************************************************
 *      GetClassLongA (USER32.@)
 */
DWORD WINAPI GetClassLongA( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    return get_class_long( hwnd, offset, sizeof(DWORD), FALSE );
}

/***********************************************************************
 *      GetClassLongPtrW (USER32.@)
 */
ULONG_PTR WINAPI GetClassLongPtrW( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    return get_class_long( hwnd, offset, sizeof(ULONG_PTR), TRUE );
}

/***********************************************************************
 *      GetClassLongPtrA (USER32.@)
 */
ULONG_PTR WINAPI GetClassLongPtrA( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    return get_class_long( hwnd, offset, sizeof(ULONG_PTR), FALSE );
}

/***********************************************************************
 *      SetClassLongW (USER32.@)
 */
DWORD WINAPI SetClassLongW( HWND hwnd, INT offset, LONG value )
{
    TRACE( "%p %d %#lx\n", hwnd, offset, value );
    return set_class_long( hwnd, offset, sizeof(DWORD), value, TRUE );
}

/***********************************************************************
 *      SetClassLongA (USER32.@)
 */
DWORD WINAPI SetClassLongA( HWND hwnd, INT offset, LONG value )
{
    TRACE( "%p %d %#lx\n", hwnd, offset, value );
    return set_class_long( hwnd, offset, sizeof(DWORD), value, FALSE );
}

/***********************************************************************
 *      SetClassLongPtrW (USER32.@)
 */
ULONG_PTR WINAPI SetClassLongPtrW( HWND hwnd, INT offset, LONG_PTR value )
{
    TRACE( "%p %d %#Ix\n", hwnd, offset, value );
    return set_class_long( hwnd, offset, sizeof(ULONG_PTR), value, TRUE );
}

/***********************************************************************
 *      SetClassLongPtrA (USER32.@)
 */
ULONG_PTR WINAPI SetClassLongPtrA( HWND hwnd, INT offset, LONG_PTR value )
{
    TRACE( "%p %d %#Ix\n", hwnd, offset, value );
    return set_class_long( hwnd, offset, sizeof(ULONG_PTR), value, FALSE );
}

/***********************************************************************
 *      GetClassWord (USER32.@)
 */
WORD WINAPI GetClassWord( HWND hwnd, INT offset )
{
    TRACE( "%p %d\n", hwnd, offset );
    if (offset < 0 && offset != GCW_ATOM)
    {
        SetLastError( ERROR_INVALID_INDEX );
        return 0;
    }
    return get_class_long( hwnd, offset, sizeof(WORD), TRUE );
}

/***********************************************************************
 *      GetClassNameW (USER32.@)
 */
INT WINAPI GetClassNameW( HWND hwnd, WCHAR *buf, INT count )
{
    struct win_class *class;
    INT len;

    TRACE( "%p %p %d\n", hwnd, buf, count );
    if (!buf || count <= 0)
    {
        SetLastError( ERROR_INSUFFICIENT_BUFFER );
        return 0;
    }
    if (!(class = get_window_class( hwnd ))) return 0;
    len = lstrlenW( class->name );
    if (len >= count) len = count - 1;
    memcpy( buf, class->name, len * sizeof(WCHAR) );
    buf[len] = 0;
    release_class( class );
    return len;
}

/***********************************************************************
 *      GetClassNameA (USER32.@)
 */
INT WINAPI GetClassNameA( HWND hwnd, char *buf, INT count )
{
    WCHAR name[256];
    INT len;

    TRACE( "%p %p %d\n", hwnd, buf, count );
    if (!buf || count <= 0)
    {
        SetLastError( ERROR_INSUFFICIENT_BUFFER );
        return 0;
    }
    if (!GetClassNameW( hwnd, name, ARRAY_SIZE(name) )) return 0;
    len = WideCharToMultiByte( CP_ACP, 0, name, -1, buf, count, NULL, NULL );
    if (!len)
    {
        buf[count - 1] = 0;
        return count - 1;
    }
    return len - 1;
}

/***********************************************************************
 *      RealGetWindowClassW (USER32.@)
 */
UINT WINAPI RealGetWindowClassW( HWND hwnd, WCHAR *buf, UINT count )
{
    TRACE( "%p %p %#x\n", hwnd, buf, count );
    return GetClassNameW( hwnd, buf, count );
}

/***********************************************************************
 *      RealGetWindowClassA (USER32.@)
 */
UINT WINAPI RealGetWindowClassA( HWND hwnd, char *buf, UINT count )
{
    TRACE( "%p %p %#x\n", hwnd, buf, count );
    return GetClassNameA( hwnd, buf, count );
}
