/*
 * drvcfg: list, install, remove, configure installable drivers and send them messages.
 *
 *   drvcfg list [--open] [--section S]
 *   drvcfg install NAME FILE [CONFIG...] [--section S]
 *   drvcfg remove NAME [--section S]
 *   drvcfg configure NAME [--section S]
 *   drvcfg send NAME MESSAGE [LPARAM1 [LPARAM2]] [--section S]
 *   drvcfg broadcast MESSAGE [LPARAM1 [LPARAM2]] [--section S]
 *
 * Exit status: 0 done, 1 failed (unknown driver, the driver refused, ...), 2 bad usage,
 * 3 done but the driver asks for a restart (DRVCNF_RESTART).
 */

#include <stdio.h>
#include <stdlib.h>
#include "drvcfg.h"

#define EXIT_DONE    0
#define EXIT_FAILED  1
#define EXIT_USAGE   2
#define EXIT_RESTART 3

static const WCHAR *section = L"Drivers32";
static BOOL section_given;

static int usage( void )
{
    fwprintf( stderr,
              L"usage: drvcfg list [--open] [--section S]\n"
              L"       drvcfg install NAME FILE [CONFIG...] [--section S]\n"
              L"       drvcfg remove NAME [--section S]\n"
              L"       drvcfg configure NAME [--section S]\n"
              L"       drvcfg send NAME MESSAGE [LPARAM1 [LPARAM2]] [--section S]\n"
              L"       drvcfg broadcast MESSAGE [LPARAM1 [LPARAM2]] [--section S]\n"
              L"MESSAGE: power, exitsession, a DRV_* name or a number (decimal or 0x...).\n"
              L"Drivers are looked up in HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion\\"
              L"<section> and in system.ini [<section>]; the section defaults to Drivers32.\n" );
    return EXIT_USAGE;
}

static const struct { const WCHAR *name; UINT msg; } messages[] =
{
    { L"power", DRV_POWER }, { L"exitsession", DRV_EXITSESSION },
    { L"DRV_LOAD", DRV_LOAD }, { L"DRV_ENABLE", DRV_ENABLE }, { L"DRV_OPEN", DRV_OPEN },
    { L"DRV_CLOSE", DRV_CLOSE }, { L"DRV_DISABLE", DRV_DISABLE }, { L"DRV_FREE", DRV_FREE },
    { L"DRV_CONFIGURE", DRV_CONFIGURE }, { L"DRV_QUERYCONFIGURE", DRV_QUERYCONFIGURE },
    { L"DRV_INSTALL", DRV_INSTALL }, { L"DRV_REMOVE", DRV_REMOVE },
    { L"DRV_EXITSESSION", DRV_EXITSESSION }, { L"DRV_POWER", DRV_POWER },
    { L"DRV_PNPINSTALL", DRV_PNPINSTALL },
};

static BOOL parse_number( const WCHAR *str, LONGLONG *value )
{
    WCHAR *end;

    if (!*str) return FALSE;
    *value = wcstoll( str, &end, 0 );
    return !*end;
}

static BOOL parse_message( const WCHAR *str, UINT *msg )
{
    LONGLONG value;
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(messages); i++)
        if (!wcsicmp( str, messages[i].name ))
        {
            *msg = messages[i].msg;
            return TRUE;
        }
    if (!parse_number( str, &value ) || value < 0 || value > 0xffffffffll) return FALSE;
    *msg = (UINT)value;
    return TRUE;
}

static const WCHAR *dcnf_name( LRESULT ret )
{
    switch (ret)
    {
    case DRVCNF_CANCEL:  return L"DRVCNF_CANCEL";
    case DRVCNF_OK:      return L"DRVCNF_OK";
    case DRVCNF_RESTART: return L"DRVCNF_RESTART";
    default:             return L"an unknown answer";
    }
}

/* Splits "file [configuration]" (as OpenDriver does). */
static void split_value( const WCHAR *value, WCHAR *file, size_t size, const WCHAR **config )
{
    const WCHAR *end;

    while (*value == ' ' || *value == '\t') value++;
    for (end = value; *end && *end != ' ' && *end != '\t'; end++) ;
    lstrcpynW( file, value, min( size, (size_t)(end - value) + 1 ) );
    while (*end == ' ' || *end == '\t') end++;
    *config = end;
}

/* Opens a driver by name as OpenDriver sees it; explains a failure. */
static HDRVR open_driver( const WCHAR *name )
{
    struct driver_entry entry;
    HDRVR hdrvr = OpenDriver( name, section_given ? section : NULL, 0 );

    if (hdrvr) return hdrvr;
    if (!store_find( section, name, &entry ))
        fwprintf( stderr, L"drvcfg: no driver named \"%ls\" in %ls (registry or system.ini)\n",
                  name, section );
    else
        fwprintf( stderr, L"drvcfg: \"%ls\" (%ls) does not open: its file is missing, has no "
                  L"DriverProc, or refused DRV_LOAD / DRV_OPEN\n", name, entry.value );
    return NULL;
}

struct list_context
{
    BOOL try_open;
    unsigned int count;
};

static void list_one( const struct driver_entry *entry, void *arg )
{
    struct list_context *context = arg;
    WCHAR file[MAX_PATH], status[64];
    const WCHAR *config;
    HMODULE module;

    split_value( entry->value, file, ARRAY_SIZE(file), &config );
    if (!(module = LoadLibraryW( file )))
        _snwprintf( status, ARRAY_SIZE(status), L"missing (error %lu)", GetLastError() );
    else
    {
        lstrcpyW( status, GetProcAddress( module, "DriverProc" ) ? L"loads" : L"no DriverProc" );
        FreeLibrary( module );
    }
    if (context->try_open && module)
    {
        HDRVR hdrvr = OpenDriver( entry->name, section_given ? section : NULL, 0 );
        wcscat( status, hdrvr ? L", opens" : L", does not open" );
        if (hdrvr) CloseDriver( hdrvr, 0, 0 );
    }
    status[ARRAY_SIZE(status) - 1] = 0;
    wprintf( L"%-24ls %-10ls %-20ls %-22ls %ls\n", entry->name, store_name( entry->store ), file,
             status, config );
    context->count++;
}

static int cmd_list( int argc, WCHAR **argv )
{
    struct list_context context = { FALSE, 0 };
    int i;

    for (i = 0; i < argc; i++)
    {
        if (!wcscmp( argv[i], L"--open" )) context.try_open = TRUE;
        else return usage();
    }
    wprintf( L"%-24ls %-10ls %-20ls %-22ls %ls\n", L"NAME", L"WHERE", L"FILE", L"STATUS",
             L"CONFIGURATION" );
    store_enum( section, list_one, &context );
    wprintf( L"%u drivers in %ls\n", context.count, section );
    return EXIT_DONE;
}

/* Writes the value, then DRV_INSTALL with a DRVCONFIGINFO (MSDN DRV_INSTALL): DRVCNF_CANCEL
 * undoes the installation. */
static int cmd_install( int argc, WCHAR **argv )
{
    DRVCONFIGINFO info = { sizeof(info) };
    struct driver_entry existing;
    WCHAR value[1024];
    HDRVR hdrvr;
    LRESULT ret;
    int i;

    if (argc < 2) return usage();
    if (store_find( section, argv[0], &existing ))
    {
        fwprintf( stderr, L"drvcfg: \"%ls\" is already installed (%ls, %ls)\n", argv[0],
                  existing.value, store_name( existing.store ) );
        return EXIT_FAILED;
    }
    lstrcpynW( value, argv[1], ARRAY_SIZE(value) );
    for (i = 2; i < argc; i++)
    {
        if (wcslen( value ) + wcslen( argv[i] ) + 2 > ARRAY_SIZE(value)) return usage();
        wcscat( value, L" " );
        wcscat( value, argv[i] );
    }
    if (!store_write_registry( section, argv[0], value ))
    {
        fwprintf( stderr, L"drvcfg: cannot write HKLM\\...\\%ls\\%ls (error %lu)\n", section,
                  argv[0], GetLastError() );
        return EXIT_FAILED;
    }
    if (!(hdrvr = open_driver( argv[0] )))
    {
        store_find( section, argv[0], &existing );
        store_delete( section, &existing );
        return EXIT_FAILED;
    }
    info.lpszDCISectionName = section;
    info.lpszDCIAliasName = argv[0];
    ret = SendDriverMessage( hdrvr, DRV_INSTALL, 0, (LPARAM)&info );
    CloseDriver( hdrvr, 0, 0 );
    if (ret == DRVCNF_CANCEL)
    {
        fwprintf( stderr, L"drvcfg: \"%ls\" refused to install (DRVCNF_CANCEL); entry removed\n",
                  argv[0] );
        store_find( section, argv[0], &existing );
        store_delete( section, &existing );
        return EXIT_FAILED;
    }
    wprintf( L"installed \"%ls\" = \"%ls\" in %ls\n", argv[0], value, section );
    if (ret == DRVCNF_RESTART)
    {
        wprintf( L"the driver asks for a restart before it takes effect (DRVCNF_RESTART)\n" );
        return EXIT_RESTART;
    }
    return EXIT_DONE;
}

/* DRV_REMOVE, then the entry goes (MSDN DRV_REMOVE: the driver is told it is being removed). */
static int cmd_remove( int argc, WCHAR **argv )
{
    struct driver_entry entry;
    HDRVR hdrvr;

    if (argc != 1) return usage();
    if (!store_find( section, argv[0], &entry ))
    {
        fwprintf( stderr, L"drvcfg: no driver named \"%ls\" in %ls (registry or system.ini)\n",
                  argv[0], section );
        return EXIT_FAILED;
    }
    if ((hdrvr = OpenDriver( argv[0], section_given ? section : NULL, 0 )))
    {
        SendDriverMessage( hdrvr, DRV_REMOVE, 0, 0 );
        CloseDriver( hdrvr, 0, 0 );
    }
    else fwprintf( stderr, L"drvcfg: warning: \"%ls\" does not open; removing its entry anyway\n",
                   argv[0] );
    if (!store_delete( section, &entry ))
    {
        fwprintf( stderr, L"drvcfg: cannot delete \"%ls\" from %ls\n", argv[0],
                  store_name( entry.store ) );
        return EXIT_FAILED;
    }
    wprintf( L"removed \"%ls\" from %ls (%ls)\n", argv[0], section, store_name( entry.store ) );
    return EXIT_DONE;
}

/* Microsoft's "configuring an installable driver": DRV_QUERYCONFIGURE, then DRV_CONFIGURE. */
static int cmd_configure( int argc, WCHAR **argv )
{
    DRVCONFIGINFO info = { sizeof(info) };
    HDRVR hdrvr;
    LRESULT ret;

    if (argc != 1) return usage();
    if (!(hdrvr = open_driver( argv[0] ))) return EXIT_FAILED;
    if (!SendDriverMessage( hdrvr, DRV_QUERYCONFIGURE, 0, 0 ))
    {
        CloseDriver( hdrvr, 0, 0 );
        fwprintf( stderr, L"drvcfg: \"%ls\" has no configuration (DRV_QUERYCONFIGURE returned 0)\n",
                  argv[0] );
        return EXIT_FAILED;
    }
    info.lpszDCISectionName = section;
    info.lpszDCIAliasName = argv[0];
    ret = SendDriverMessage( hdrvr, DRV_CONFIGURE, (LPARAM)GetConsoleWindow(), (LPARAM)&info );
    CloseDriver( hdrvr, 0, 0 );
    wprintf( L"\"%ls\" configured: %ls\n", argv[0], dcnf_name( ret ) );
    if (ret == DRVCNF_RESTART) return EXIT_RESTART;
    return ret == DRVCNF_OK ? EXIT_DONE : EXIT_FAILED;
}

static BOOL parse_params( int argc, WCHAR **argv, LPARAM *lparam1, LPARAM *lparam2 )
{
    LONGLONG value;

    *lparam1 = *lparam2 = 0;
    if (argc > 2) return FALSE;
    if (argc > 0)
    {
        if (!parse_number( argv[0], &value )) return FALSE;
        *lparam1 = (LPARAM)value;
    }
    if (argc > 1)
    {
        if (!parse_number( argv[1], &value )) return FALSE;
        *lparam2 = (LPARAM)value;
    }
    return TRUE;
}

static int cmd_send( int argc, WCHAR **argv )
{
    LPARAM lparam1, lparam2;
    HDRVR hdrvr;
    LRESULT ret;
    UINT msg;

    if (argc < 2 || !parse_message( argv[1], &msg ) || !parse_params( argc - 2, argv + 2, &lparam1, &lparam2 ))
        return usage();
    if (!(hdrvr = open_driver( argv[0] ))) return EXIT_FAILED;
    ret = SendDriverMessage( hdrvr, msg, lparam1, lparam2 );
    CloseDriver( hdrvr, 0, 0 );
    wprintf( L"\"%ls\" answered %Id (%#Ix) to message %#x\n", argv[0], ret, ret, msg );
    return EXIT_DONE;
}

struct broadcast_context
{
    HDRVR handles[256];
    unsigned int count;
};

static void open_one( const struct driver_entry *entry, void *arg )
{
    struct broadcast_context *context = arg;
    HDRVR hdrvr;

    if (context->count == ARRAY_SIZE(context->handles)) return;
    if ((hdrvr = OpenDriver( entry->name, section_given ? section : NULL, 0 )))
        context->handles[context->count++] = hdrvr;
    else wprintf( L"skipping \"%ls\": does not open\n", entry->name );
}

/* Opens every installed driver and sends it one message through winmm's broadcast entry point
 * (__usermm_DriverBroadcast, ours only: with another winmm, instance by instance). */
static int cmd_broadcast( int argc, WCHAR **argv )
{
    static struct broadcast_context context;
    DWORD (WINAPI *broadcast)( UINT, LPARAM, LPARAM );
    LPARAM lparam1, lparam2;
    unsigned int i;
    DWORD reached = 0;
    UINT msg;

    if (argc < 1 || !parse_message( argv[0], &msg ) || !parse_params( argc - 1, argv + 1, &lparam1, &lparam2 ))
        return usage();
    store_enum( section, open_one, &context );
    broadcast = (void *)GetProcAddress( GetModuleHandleW( L"winmm.dll" ), "__usermm_DriverBroadcast" );
    if (broadcast) reached = broadcast( msg, lparam1, lparam2 );
    else
    {
        wprintf( L"(this winmm has no __usermm_DriverBroadcast: sending instance by instance)\n" );
        for (i = 0; i < context.count; i++, reached++)
            SendDriverMessage( context.handles[i], msg, lparam1, lparam2 );
    }
    for (i = 0; i < context.count; i++) CloseDriver( context.handles[i], 0, 0 );
    wprintf( L"message %#x reached %lu driver instances\n", msg, reached );
    return EXIT_DONE;
}

int wmain( int argc, WCHAR **argv )
{
    static const struct { const WCHAR *name; int (*run)( int, WCHAR ** ); } commands[] =
    {
        { L"list", cmd_list }, { L"install", cmd_install }, { L"remove", cmd_remove },
        { L"configure", cmd_configure }, { L"send", cmd_send }, { L"broadcast", cmd_broadcast },
    };
    WCHAR *args[64];
    int i, count = 0;
    unsigned int c;

    if (argc < 2) return usage();
    for (i = 2; i < argc; i++)
    {
        if (!wcscmp( argv[i], L"--section" ))
        {
            if (++i == argc) return usage();
            section = argv[i];
            section_given = TRUE;
        }
        else if (count < ARRAY_SIZE(args)) args[count++] = argv[i];
        else return usage();
    }
    for (c = 0; c < ARRAY_SIZE(commands); c++)
        if (!wcscmp( argv[1], commands[c].name )) return commands[c].run( count, args );
    fwprintf( stderr, L"drvcfg: unknown command \"%ls\"\n", argv[1] );
    return usage();
}
