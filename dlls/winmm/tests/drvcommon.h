/*
 * Code shared by the test drivers: mapping the log and writing entries. Each driver includes it
 * once, after defining DRVLOG_THIS_DRIVER.
 */
#include "drvlog.h"

static struct drvlog_shared *shared;
static BOOL private_log; /* shared is ours, not the test's mapping */

BOOL WINAPI DllMain( HINSTANCE inst, DWORD reason, void *reserved )
{
    WCHAR name[64];
    HANDLE mapping;

    switch (reason)
    {
    case DLL_PROCESS_ATTACH:
        drvlog_mapping_name( name, ARRAY_SIZE(name) );
        if ((mapping = OpenFileMappingW( FILE_MAP_WRITE, FALSE, name )))
        {
            shared = MapViewOfFile( mapping, FILE_MAP_WRITE, 0, 0, 0 );
            CloseHandle( mapping );
            return shared != NULL;
        }
        /* Outside the tests (drvcfg, by hand): a private log, and answers that make the driver
         * installable and configurable. */
        if (!(shared = VirtualAlloc( NULL, sizeof(*shared), MEM_COMMIT, PAGE_READWRITE ))) return FALSE;
        shared->quiet = 1;
        shared->close_result = 1;
        shared->query_configure_result = 1;
        shared->configure_result = DRVCNF_OK;
        shared->install_result = DRVCNF_OK;
        private_log = TRUE;
        break;
    case DLL_PROCESS_DETACH:
        if (reserved || !shared) break;
        if (private_log) VirtualFree( shared, 0, MEM_RELEASE );
        else UnmapViewOfFile( shared );
        break;
    }
    return TRUE;
}

static void log_message( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2,
                         LRESULT result, const WCHAR *text )
{
    struct drvlog_entry *entry;
    LONG index;

    if (msg < 16) InterlockedIncrement( &shared->counts[DRVLOG_THIS_DRIVER][msg] );
    if (shared->quiet) return;
    index = InterlockedIncrement( &shared->count ) - 1;
    if (index >= DRVLOG_MAX_ENTRIES) return;
    entry = &shared->entries[index];
    entry->driver = DRVLOG_THIS_DRIVER;
    entry->msg = msg;
    entry->id = id;
    entry->hdrvr = hdrvr;
    entry->lparam1 = lparam1;
    entry->lparam2 = lparam2;
    entry->result = result;
    entry->text[0] = 0;
    if (text) lstrcpynW( entry->text, text, ARRAY_SIZE(entry->text) );
}

/* The alias of a DRVCONFIGINFO, or NULL. */
static inline const WCHAR *config_alias( LPARAM lparam2 )
{
    const DRVCONFIGINFO *info = (const DRVCONFIGINFO *)lparam2;
    return info && info->dwDCISize >= sizeof(*info) ? info->lpszDCIAliasName : NULL;
}
