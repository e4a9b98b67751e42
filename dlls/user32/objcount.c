/*
 * Live-object counts (include/usermm/objcount.h): a named shared section that leak tests read
 * through OpenFileMapping, so that no export beyond Windows' own is needed.
 *
 * Counting is one interlocked add on allocation and free, never a system call. Before the
 * section exists (or if it cannot be made) the counts go to a private fallback, so callers
 * never check.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(user);

static struct usermm_object_counts fallback_counts;
struct usermm_object_counts *object_counts = &fallback_counts;
static HANDLE counts_mapping;

/* Called from DLL_PROCESS_ATTACH, before any object exists. */
void init_object_counts( void )
{
    struct usermm_object_counts *view;
    WCHAR name[64];

    usermm_object_counts_name( name, GetCurrentProcessId() );
    if (!(counts_mapping = CreateFileMappingW( INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
                                               sizeof(*view), name )))
    {
        WARN( "cannot create %s: %lu\n", debugstr_w( name ), GetLastError() );
        return;
    }
    if (!(view = MapViewOfFile( counts_mapping, FILE_MAP_WRITE, 0, 0, sizeof(*view) )))
    {
        WARN( "cannot map %s: %lu\n", debugstr_w( name ), GetLastError() );
        CloseHandle( counts_mapping );
        counts_mapping = NULL;
        return;
    }
    *view = fallback_counts;
    view->size = sizeof(*view);
    object_counts = view;
    TRACE( "object counts in %s\n", debugstr_w( name ) );
}
