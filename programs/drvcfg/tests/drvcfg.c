/*
 * Tests of programs/drvcfg, the driver control tool: each command is run as a child process
 * (the runner stages drvcfg.exe beside this exe) against cfgdrv.dll, a driver that logs every
 * message it gets to a file; the test checks the exit status, what the tool printed, the
 * Drivers32 values it wrote or removed, and the driver messages, in order.
 */
#include <stdarg.h>
#include <stdio.h>
#include <windows.h>
#include "wine/test.h"

static const WCHAR drivers32[] = L"Software\\Microsoft\\Windows NT\\CurrentVersion\\Drivers32";

static char drvcfg_path[MAX_PATH], log_path[MAX_PATH], out_path[MAX_PATH];
static char output[8192], driver_log[8192];

static void read_file( const char *path, char *buf, DWORD size )
{
    HANDLE file = CreateFileA( path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                               OPEN_EXISTING, 0, NULL );
    DWORD len = 0;

    buf[0] = 0;
    if (file == INVALID_HANDLE_VALUE) return;
    ReadFile( file, buf, size - 1, &len, NULL );
    buf[len] = 0;
    CloseHandle( file );
}

/* Runs `drvcfg ARGS`; its output (stdout and stderr) lands in `output`, the messages its
 * driver got in `driver_log`. Returns the exit status. */
#define run_drvcfg(args) run_drvcfg_(__FILE__, __LINE__, args)
static DWORD run_drvcfg_( const char *file, int line, const char *args )
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[1024];
    DWORD code = 0xdeadbeef;
    HANDLE out;

    DeleteFileA( log_path );
    out = CreateFileA( out_path, GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, NULL );
    ok_(file, line)( out != INVALID_HANDLE_VALUE, "cannot create %s\n", out_path );
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle( STD_INPUT_HANDLE );
    si.hStdOutput = si.hStdError = out;
    snprintf( cmd, sizeof(cmd), "\"%s\" %s", drvcfg_path, args );
    if (CreateProcessA( NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi ))
    {
        ok_(file, line)( !WaitForSingleObject( pi.hProcess, 30000 ), "drvcfg %s did not finish\n", args );
        GetExitCodeProcess( pi.hProcess, &code );
        CloseHandle( pi.hProcess );
        CloseHandle( pi.hThread );
    }
    else ok_(file, line)( 0, "cannot run %s: %lu\n", cmd, GetLastError() );
    CloseHandle( out );
    read_file( out_path, output, sizeof(output) );
    read_file( log_path, driver_log, sizeof(driver_log) );
    if (winetest_debug > 1) trace_(file, line)( "drvcfg %s -> %lu\n%s-- driver:\n%s", args, code, output, driver_log );
    return code;
}

static BOOL get_value( const WCHAR *name, WCHAR *value, DWORD size )
{
    DWORD type, bytes = size * sizeof(WCHAR);
    return !RegGetValueW( HKEY_LOCAL_MACHINE, drivers32, name, RRF_RT_REG_SZ, &type, value, &bytes );
}

static void delete_value( const WCHAR *name )
{
    HKEY key;

    if (RegOpenKeyExW( HKEY_LOCAL_MACHINE, drivers32, 0, KEY_SET_VALUE, &key )) return;
    RegDeleteValueW( key, name );
    RegCloseKey( key );
}

static void test_install(void)
{
    WCHAR value[MAX_PATH];
    DWORD code;

    code = run_drvcfg( "install cfgtest.plain cfgdrv.dll" );
    ok( code == 0, "got exit %lu: %s\n", code, output );
    ok( get_value( L"cfgtest.plain", value, ARRAY_SIZE(value) ), "value not written\n" );
    ok( !lstrcmpW( value, L"cfgdrv.dll" ), "got %s\n", wine_dbgstr_w(value) );
    /* MSDN DRV_INSTALL: lParam2 is a DRVCONFIGINFO naming the section and the alias. */
    ok( !strcmp( driver_log, "LOAD\nOPEN \nINSTALL Drivers32/cfgtest.plain\nCLOSE\nFREE\n" ),
        "got driver messages:\n%s", driver_log );

    code = run_drvcfg( "install cfgtest.plain cfgdrv.dll" );
    ok( code == 1, "a second install gave exit %lu: %s\n", code, output );
    ok( strstr( output, "already installed" ) != NULL, "got %s\n", output );
    ok( !driver_log[0], "the driver was loaded: %s\n", driver_log );

    /* The configuration text follows the file name in the value and reaches DRV_OPEN. */
    code = run_drvcfg( "install cfgtest.restart cfgdrv.dll restart now" );
    ok( code == 3, "DRVCNF_RESTART gave exit %lu: %s\n", code, output );
    ok( strstr( output, "restart" ) != NULL, "no restart note: %s\n", output );
    ok( get_value( L"cfgtest.restart", value, ARRAY_SIZE(value) ), "value not written\n" );
    ok( !lstrcmpW( value, L"cfgdrv.dll restart now" ), "got %s\n", wine_dbgstr_w(value) );
    ok( strstr( driver_log, "OPEN restart now\n" ) != NULL, "got driver messages:\n%s", driver_log );

    /* DRVCNF_CANCEL: the installation failed, and its value is removed again. */
    code = run_drvcfg( "install cfgtest.cancel cfgdrv.dll cancel" );
    ok( code == 1, "DRVCNF_CANCEL gave exit %lu: %s\n", code, output );
    ok( !get_value( L"cfgtest.cancel", value, ARRAY_SIZE(value) ), "value left behind: %s\n",
        wine_dbgstr_w(value) );
    ok( strstr( driver_log, "INSTALL Drivers32/cfgtest.cancel\n" ) != NULL, "got:\n%s", driver_log );

    code = run_drvcfg( "install cfgtest.missing nosuchdriver.dll" );
    ok( code == 1, "a missing DLL gave exit %lu: %s\n", code, output );
    ok( !get_value( L"cfgtest.missing", value, ARRAY_SIZE(value) ), "value left behind\n" );
}

static void test_list(void)
{
    DWORD code = run_drvcfg( "list --open" );

    ok( code == 0, "got exit %lu: %s\n", code, output );
    ok( strstr( output, "cfgtest.plain" ) != NULL, "cfgtest.plain not listed:\n%s", output );
    ok( strstr( output, "cfgtest.restart" ) != NULL, "cfgtest.restart not listed:\n%s", output );
    ok( strstr( output, "cfgdrv.dll" ) != NULL, "file not listed:\n%s", output );
}

static void test_configure(void)
{
    DWORD code;

    /* Microsoft's "configuring an installable driver": DRV_QUERYCONFIGURE, then DRV_CONFIGURE
     * only if the driver said it has a configuration. */
    code = run_drvcfg( "configure cfgtest.plain" );
    ok( code == 1, "an unconfigurable driver gave exit %lu: %s\n", code, output );
    ok( !strcmp( driver_log, "LOAD\nOPEN \nQUERYCONFIGURE\nCLOSE\nFREE\n" ), "got:\n%s", driver_log );

    code = run_drvcfg( "install cfgtest.conf cfgdrv.dll configurable" );
    ok( code == 0, "got exit %lu: %s\n", code, output );
    code = run_drvcfg( "configure cfgtest.conf" );
    ok( code == 0, "got exit %lu: %s\n", code, output );
    ok( !strcmp( driver_log, "LOAD\nOPEN configurable\nQUERYCONFIGURE\n"
                             "CONFIGURE Drivers32/cfgtest.conf\nCLOSE\nFREE\n" ),
        "got:\n%s", driver_log );

    code = run_drvcfg( "configure cfgtest.nosuch" );
    ok( code == 1, "an unknown name gave exit %lu: %s\n", code, output );
}

static void test_send(void)
{
    DWORD code;

    code = run_drvcfg( "send cfgtest.plain 0x4001 2 3" );
    ok( code == 0, "got exit %lu: %s\n", code, output );
    ok( strstr( output, "answered 5 " ) != NULL, "got %s\n", output );
    ok( strstr( driver_log, "MSG 0x4001 2 3\n" ) != NULL, "got:\n%s", driver_log );

    code = run_drvcfg( "send cfgtest.plain power" );
    ok( code == 0, "got exit %lu: %s\n", code, output );
    ok( strstr( driver_log, "\nPOWER\n" ) != NULL, "got:\n%s", driver_log );
    code = run_drvcfg( "send cfgtest.plain exitsession" );
    ok( code == 0, "got exit %lu: %s\n", code, output );
    ok( strstr( driver_log, "\nEXITSESSION\n" ) != NULL, "got:\n%s", driver_log );

    code = run_drvcfg( "send cfgtest.nosuch power" );
    ok( code == 1, "an unknown name gave exit %lu: %s\n", code, output );
    ok( strstr( output, "cfgtest.nosuch" ) != NULL, "the error does not name the driver: %s\n", output );
    code = run_drvcfg( "send cfgtest.plain notamessage" );
    ok( code == 2, "a bad message gave exit %lu: %s\n", code, output );
    code = run_drvcfg( "frobnicate" );
    ok( code == 2, "an unknown command gave exit %lu: %s\n", code, output );
    ok( strstr( output, "usage" ) != NULL, "no usage: %s\n", output );
}

static void test_remove(void)
{
    WCHAR value[MAX_PATH];
    DWORD code;

    code = run_drvcfg( "remove cfgtest.plain" );
    ok( code == 0, "got exit %lu: %s\n", code, output );
    ok( !strcmp( driver_log, "LOAD\nOPEN \nREMOVE\nCLOSE\nFREE\n" ), "got:\n%s", driver_log );
    ok( !get_value( L"cfgtest.plain", value, ARRAY_SIZE(value) ), "value left behind\n" );

    code = run_drvcfg( "remove cfgtest.plain" );
    ok( code == 1, "a second remove gave exit %lu: %s\n", code, output );
}

START_TEST(drvcfg)
{
    char dir[MAX_PATH], *p;

    GetModuleFileNameA( NULL, dir, sizeof(dir) );
    if ((p = strrchr( dir, '\\' ))) *p = 0;
    snprintf( drvcfg_path, sizeof(drvcfg_path), "%s\\drvcfg.exe", dir );
    if (GetFileAttributesA( drvcfg_path ) == INVALID_FILE_ATTRIBUTES)
    {
        skip( "%s not found beside the test\n", drvcfg_path );
        return;
    }
    GetTempPathA( sizeof(dir), dir );
    snprintf( log_path, sizeof(log_path), "%scfgdrv-%lu.log", dir, GetCurrentProcessId() );
    snprintf( out_path, sizeof(out_path), "%sdrvcfg-%lu.out", dir, GetCurrentProcessId() );
    SetEnvironmentVariableA( "CFGDRV_LOG", log_path );
    delete_value( L"cfgtest.plain" );
    delete_value( L"cfgtest.restart" );
    delete_value( L"cfgtest.conf" );

    test_install();
    test_list();
    test_configure();
    test_send();
    test_remove();

    delete_value( L"cfgtest.plain" );
    delete_value( L"cfgtest.restart" );
    delete_value( L"cfgtest.conf" );
    DeleteFileA( log_path );
    DeleteFileA( out_path );
}
