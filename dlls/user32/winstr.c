/*
 * The user atom table: RegisterWindowMessage values and window class atoms.
 *
 * MSDN RegisterWindowMessage: values are in 0xC000..0xFFFF, the comparison is case-insensitive,
 * and the same string always gives the same value. The table is only reached through
 * user_atom_add / user_atom_find / user_atom_get_name / user_atom_delete, so that it can move
 * into memory shared between processes (a named section) without touching its callers; today
 * it lives in this process.
 */
#include <wctype.h>
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(atom);

#define ATOM_BASE  0xc000
#define ATOM_COUNT 0x4000
#define ATOM_HASH  256
#define ATOM_MAX_NAME 255

struct user_atom
{
    struct user_atom *next_in_hash;
    UINT refcount;     /* RegisterWindowMessage never drops its reference, classes do */
    UINT hash;
    UINT index;        /* in atoms[] */
    WCHAR name[1];
};

/* atom_lock protects the table and the hash chains. */
static SRWLOCK atom_lock = SRWLOCK_INIT;
static struct user_atom *atoms[ATOM_COUNT];     /* by atom - ATOM_BASE */
static struct user_atom *hash_heads[ATOM_HASH];
static UINT atom_next;                          /* high-water mark in atoms[] */

static UINT hash_name( const WCHAR *name )
{
    UINT hash = 0;
    for (; *name; name++)
    {
        WCHAR ch = *name;
        if (ch >= 'a' && ch <= 'z') ch -= 'a' - 'A';
        else if (ch >= 0x80) ch = towupper( ch );
        hash = hash * 31 + ch;
    }
    return hash;
}

/* Atom names compare case-insensitively character by character (upper-cased one at a time,
 * as the hash is), not with the locale's collation. */
static BOOL same_name( const WCHAR *a, const WCHAR *b )
{
    for (; *a && *b; a++, b++)
        if (*a != *b && towupper( *a ) != towupper( *b )) return FALSE;
    return *a == *b;
}

/* Called with atom_lock held. */
static ATOM __find_atom( const WCHAR *name, UINT hash )
{
    struct user_atom *atom;
    for (atom = hash_heads[hash % ATOM_HASH]; atom; atom = atom->next_in_hash)
    {
        if (atom->hash == hash && same_name( atom->name, name )) return ATOM_BASE + atom->index;
    }
    return 0;
}

ATOM user_atom_add( const WCHAR *name )
{
    UINT hash, i, len = lstrlenW( name );
    struct user_atom *atom;
    ATOM ret;

    if (!len || len > ATOM_MAX_NAME)
    {
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    hash = hash_name( name );
    AcquireSRWLockExclusive( &atom_lock );
    if ((ret = __find_atom( name, hash )))
    {
        atoms[ret - ATOM_BASE]->refcount++;
        ReleaseSRWLockExclusive( &atom_lock );
        return ret;
    }
    for (i = 0; i < atom_next; i++) if (!atoms[i]) break;
    if (i == ATOM_COUNT ||
        !(atom = HeapAlloc( GetProcessHeap(), 0, FIELD_OFFSET(struct user_atom, name[len + 1]) )))
    {
        ReleaseSRWLockExclusive( &atom_lock );
        WARN( "atom table full\n" );
        SetLastError( ERROR_NOT_ENOUGH_MEMORY );
        return 0;
    }
    atom->refcount = 1;
    atom->hash = hash;
    atom->index = i;
    memcpy( atom->name, name, (len + 1) * sizeof(WCHAR) );
    atom->next_in_hash = hash_heads[hash % ATOM_HASH];
    hash_heads[hash % ATOM_HASH] = atom;
    atoms[i] = atom;
    if (i == atom_next) atom_next++;
    ReleaseSRWLockExclusive( &atom_lock );
    TRACE( "%s -> %#x\n", debugstr_w( name ), ATOM_BASE + i );
    return ATOM_BASE + i;
}

ATOM user_atom_find( const WCHAR *name )
{
    ATOM ret;

    AcquireSRWLockShared( &atom_lock );
    ret = __find_atom( name, hash_name( name ) );
    ReleaseSRWLockShared( &atom_lock );
    return ret;
}

UINT user_atom_get_name( ATOM atom, WCHAR *buf, UINT size )
{
    UINT len = 0;

    if (atom < ATOM_BASE || !size) return 0;
    AcquireSRWLockShared( &atom_lock );
    if (atom - ATOM_BASE < atom_next && atoms[atom - ATOM_BASE])
    {
        len = lstrlenW( atoms[atom - ATOM_BASE]->name );
        if (len >= size) len = size - 1;
        memcpy( buf, atoms[atom - ATOM_BASE]->name, len * sizeof(WCHAR) );
        buf[len] = 0;
    }
    ReleaseSRWLockShared( &atom_lock );
    return len;
}

BOOL user_atom_delete( ATOM atom )
{
    struct user_atom *entry, **link;

    if (atom < ATOM_BASE) return FALSE;
    AcquireSRWLockExclusive( &atom_lock );
    if (atom - ATOM_BASE >= atom_next || !(entry = atoms[atom - ATOM_BASE]))
    {
        ReleaseSRWLockExclusive( &atom_lock );
        return FALSE;
    }
    if (!--entry->refcount)
    {
        for (link = &hash_heads[entry->hash % ATOM_HASH]; *link != entry; link = &(*link)->next_in_hash) ;
        *link = entry->next_in_hash;
        atoms[atom - ATOM_BASE] = NULL;
        HeapFree( GetProcessHeap(), 0, entry );
    }
    ReleaseSRWLockExclusive( &atom_lock );
    return TRUE;
}

/***********************************************************************
 *      RegisterWindowMessageW (USER32.@)
 */
UINT WINAPI RegisterWindowMessageW( const WCHAR *name )
{
    UINT ret;

    TRACE( "%s\n", debugstr_w( name ) );
    if (!name || !*name)
    {
        WARN( "empty name\n" );
        SetLastError( ERROR_INVALID_PARAMETER );
        return 0;
    }
    ret = user_atom_add( name );
    TRACE( "-> %#x\n", ret );
    return ret;
}

/***********************************************************************
 *      RegisterWindowMessageA (USER32.@)
 */
UINT WINAPI RegisterWindowMessageA( const char *name )
{
    WCHAR *name_w = NULL;
    UINT ret;

    TRACE( "%s\n", debugstr_a( name ) );
    /* a NULL or empty name is refused by the W form */
    if (name && *name && !(name_w = strdup_a_to_w( name ))) return 0;
    ret = RegisterWindowMessageW( name_w );
    HeapFree( GetProcessHeap(), 0, name_w );
    return ret;
}

/***********************************************************************
 *      RegisterClipboardFormatW (USER32.@)
 */
UINT WINAPI RegisterClipboardFormatW( const WCHAR *name )
{
    TRACE( "%p\n", name );
    return RegisterWindowMessageW( name );
}

/***********************************************************************
 *      RegisterClipboardFormatA (USER32.@)
 */
UINT WINAPI RegisterClipboardFormatA( const char *name )
{
    TRACE( "%p\n", name );
    return RegisterWindowMessageA( name );
}
