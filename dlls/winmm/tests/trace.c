/*
 * WINEDEBUG=+driver: SendDriverMessage traces its arguments and its result on every call (its
 * lock-free fast path must not skip them), and on a closed handle too. Checked in a child
 * process started with the channel on, whose output the parent captures in a file and reads.
 * The child also walks the stack from a DriverProc and longjmps out of it, through the frames
 * SendDriverMessage has when it traces.
 */

#include <ctype.h>
#include <stdlib.h>
#include "drvtest.h"

#define ECHO_PARAM1  0x1234
#define ECHO_PARAM2  0x10
#define ECHO_RESULT  0x1254   /* lParam1 + 2 * lParam2 */
#define CLOSED_PARAM1 0x4321  /* to tell the send to the closed handle from the others */
#define SENDS 3

/* The line that tells the parent which handle the child got. */
static const char handle_tag[] = "usermm-trace-handle ";

/* In the child, with +driver on: a stack walk and a longjmp from the DriverProc, SENDS
 * DRVLOG_ECHO to the same instance, then one to it closed. */
static void child_sends( void )
{
    LRESULT ret;
    HDRVR h;
    int i;

    drvlog_init();
    h = OpenDriver( L"drvlog.dll", NULL, 0 );
    ok( h != NULL, "OpenDriver failed\n" );
    printf( "%s%Ix %s\n", handle_tag, (ULONG_PTR)h, builtin_winmm ? "builtin" : "ours" );
    fflush( stdout );
    ret = SendDriverMessage( h, DRVLOG_WALK, (LPARAM)GetModuleHandleW( NULL ), 0 );
    ok( ret > 0, "frame %Id of the walk from drvlog has no unwind information\n", -ret );
    i = drvlog_send_longjmp( h, DRVLOG_LONGJMP, 7 );
    ok( i == 7, "longjmp came back with %d\n", i );
    for (i = 0; i < SENDS; i++)
    {
        ret = SendDriverMessage( h, DRVLOG_ECHO, ECHO_PARAM1, ECHO_PARAM2 );
        ok( ret == ECHO_RESULT, "DRVLOG_ECHO returned %#Ix\n", ret );
    }
    ok( CloseDriver( h, 0, 0 ), "CloseDriver failed\n" );
    ret = SendDriverMessage( h, DRVLOG_ECHO, CLOSED_PARAM1, ECHO_PARAM2 );
    ok( !ret, "SendDriverMessage to a closed handle returned %#Ix\n", ret );
}

static BOOL ends_with( const char *str, const char *end )
{
    size_t len = strlen( str ), end_len = strlen( end );
    return len >= end_len && !strcmp( str + len - end_len, end );
}

static char *read_output( const char *path )
{
    HANDLE file = CreateFileA( path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                               OPEN_EXISTING, 0, NULL );
    DWORD size, done = 0;
    char *buf;

    if (file == INVALID_HANDLE_VALUE) return NULL;
    size = GetFileSize( file, NULL );
    if (size == INVALID_FILE_SIZE) size = 0;
    buf = HeapAlloc( GetProcessHeap(), 0, size + 1 );
    if (buf && !ReadFile( file, buf, size, &done, NULL )) done = 0;
    CloseHandle( file );
    if (buf) buf[done] = 0;
    return buf;
}

/* Lowercase copy of the line at p (up to its '\n', without '\r'), in line; returns the next line
 * or NULL. */
static char *next_line( char *p, char *line, size_t size )
{
    size_t i = 0;

    while (*p && *p != '\n')
    {
        if (i + 1 < size && *p != '\r') line[i++] = tolower( (unsigned char)*p );
        p++;
    }
    line[i] = 0;
    return *p ? p + 1 : NULL;
}

/* Runs this exe's "trace child" with WINEDEBUG=+driver, its stdout and stderr in the file path;
 * returns FALSE if it cannot, else TRUE with its exit code (its failure count) in code.
 *
 * Wine writes its debug output to the process's Unix stderr (fd 2), which a new Wine process
 * inherits from its parent's: CreateProcess passes WINEDEBUG from the environment block on, but
 * hStdError (STARTF_USESTDHANDLES) only becomes the Windows handle, never fd 2 (Wine 8's
 * spawn_process redirects fds 0 and 1 only). So the child is started from a Unix shell that
 * redirects fd 2, through ntdll's __wine_unix_spawnvp, which also waits for it. The shell gets
 * this process's Unix environment (WINEPREFIX, WINEDLLOVERRIDES, WINELOADER): the child runs in
 * the same prefix, on the same winmm. */
static BOOL run_child( const char *path, int *code )
{
    static const char script[] =
        "t=; command -v timeout >/dev/null && t='timeout 60'; "
        "WINEDEBUG=+driver exec $t \"${WINELOADER:-wine}\" \"$0\" trace child "
        "</dev/null >\"$1\" 2>&1";
    LONG (CDECL *spawnvp)( char * const argv[], int wait ); /* returns an NTSTATUS or exit code */
    char *(CDECL *get_unix_name)( const WCHAR *dos );
    WCHAR exe[MAX_PATH], file[MAX_PATH];
    char *argv[6] = { (char *)"/bin/sh", (char *)"-c", (char *)script };
    BOOL ret = FALSE;

    spawnvp = (void *)GetProcAddress( GetModuleHandleW( L"ntdll.dll" ), "__wine_unix_spawnvp" );
    get_unix_name = (void *)GetProcAddress( GetModuleHandleW( L"kernel32.dll" ),
                                            "wine_get_unix_file_name" );
    if (!spawnvp || !get_unix_name)
    {
        skip( "no __wine_unix_spawnvp or wine_get_unix_file_name\n" );
        return FALSE;
    }
    GetModuleFileNameW( NULL, exe, ARRAY_SIZE(exe) );
    MultiByteToWideChar( CP_ACP, 0, path, -1, file, ARRAY_SIZE(file) );
    argv[3] = get_unix_name( exe );
    argv[4] = get_unix_name( file );
    ok( argv[3] && argv[4], "no Unix names for %s, %s\n", wine_dbgstr_w(exe), wine_dbgstr_w(file) );
    if (argv[3] && argv[4])
    {
        /* the child's exit status, or an NTSTATUS when the shell could not be started */
        *code = spawnvp( argv, 1 );
        ok( *code >= 0 && *code <= 255, "cannot run %s: %#x\n", argv[0], *code );
        ret = *code >= 0 && *code <= 255;
    }
    HeapFree( GetProcessHeap(), 0, argv[3] );
    HeapFree( GetProcessHeap(), 0, argv[4] );
    return ret;
}

static void test_send_traces( void )
{
    char path[MAX_PATH], dir[MAX_PATH], line[1024], handle[32], result[32], *output, *p, *tag;
    char call[2][32], closed_call[2][32], builtin_result[32];
    const char *kind;
    unsigned int calls = 0, results = 0, builtin_results = 0, closed_calls = 0, closed_results = 0;
    BOOL after_closed_call = FALSE;
    ULONG_PTR h = 0;
    int code;

    if (!winetest_platform_is_wine)
    {
        skip( "WINEDEBUG is Wine's\n" );
        return;
    }
    GetTempPathA( sizeof(dir), dir );
    GetTempFileNameA( dir, "drv", 0, path );
    if (!run_child( path, &code ))
    {
        DeleteFileA( path );
        return;
    }
    output = read_output( path );
    DeleteFileA( path );
    ok( output != NULL, "cannot read the child's output\n" );
    if (!output) return;
    ok( !code, "the child failed (%d):\n%s", code, output );

    if ((tag = strstr( output, handle_tag ))) h = strtoull( tag + strlen( handle_tag ), &tag, 16 );
    ok( h != 0, "the child printed no handle:\n%s", output );
    /* the child runs on the same winmm: WINEDLLOVERRIDES reached it */
    kind = builtin_winmm ? " builtin" : " ours";
    ok( tag && !strncmp( tag, kind, strlen( kind ) ), "the child ran on the other winmm:\n%s",
        output );
    /* both winmms trace the handle with %p: 16 hex digits */
    snprintf( handle, sizeof(handle), "%016Ix", h );
    /* Each winmm is held to its own format (a trace format is no Windows behaviour). Ours:
     * "(HANDLE, DRV_USER+0x1, 0x1234, 0x10)"; Wine's builtin: "(HANDLE, 4001, 00001234,
     * 00000010)", without 0x */
    snprintf( call[0], sizeof(call[0]), ", %#x, %#x)", ECHO_PARAM1, ECHO_PARAM2 );
    snprintf( call[1], sizeof(call[1]), ", %08x, %08x)", ECHO_PARAM1, ECHO_PARAM2 );
    snprintf( closed_call[0], sizeof(closed_call[0]), ", %#x, %#x)", CLOSED_PARAM1, ECHO_PARAM2 );
    snprintf( closed_call[1], sizeof(closed_call[1]), ", %08x, %08x)", CLOSED_PARAM1, ECHO_PARAM2 );
    /* ours: "returning 0x1254"; Wine's builtin: "retval = 4692", in decimal */
    snprintf( result, sizeof(result), " returning %#x", ECHO_RESULT );
    snprintf( builtin_result, sizeof(builtin_result), " retval = %u", ECHO_RESULT );

    for (p = output; p; )
    {
        p = next_line( p, line, sizeof(line) );
        if (!strstr( line, "trace:driver:senddrivermessage" )) continue;
        if (strstr( line, handle ) && strstr( line, call[builtin_winmm] )) calls++;
        else if (strstr( line, handle ) && strstr( line, closed_call[builtin_winmm] ))
        {
            closed_calls++;
            after_closed_call = TRUE;
            continue;
        }
        else if (ends_with( line, result )) results++;
        else if (ends_with( line, builtin_result )) builtin_results++;
        else if (after_closed_call &&
                 ends_with( line, builtin_winmm ? " retval = 0" : " returning 0" ))
            closed_results++;
        after_closed_call = FALSE;
    }

    ok( calls >= SENDS, "%u of %u calls traced with handle %s:\n%s", calls, SENDS, handle, output );
    if (!builtin_winmm)
        ok( results >= SENDS, "%u of %u results traced as \"...%s\"\n", results, SENDS, result );
    else
        ok( builtin_results >= SENDS, "%u of %u results traced as \"...%s\"\n", builtin_results,
            SENDS, builtin_result );
    ok( closed_calls == 1, "%u calls traced to the closed handle\n", closed_calls );
    ok( closed_results == 1, "%u results traced for the closed handle\n", closed_results );
    if (winetest_debug > 1) trace( "child output:\n%s", output );
    HeapFree( GetProcessHeap(), 0, output );
}

START_TEST(trace)
{
    char **argv;
    int argc = winetest_get_mainargs( &argv );

    builtin_winmm = is_builtin_winmm();
    if (argc > 2 && !strcmp( argv[2], "child" ))
    {
        child_sends();
        return;
    }
    test_send_traces();
}
