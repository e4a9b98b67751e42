/*
 * cfgdrv.dll: an installable driver for the drvcfg tests. Its configuration string (the text
 * after the DLL name in the Drivers32 value, DRV_OPEN's lParam1) says how it answers:
 *   "restart"      DRV_INSTALL answers DRVCNF_RESTART
 *   "cancel"       DRV_INSTALL answers DRVCNF_CANCEL
 *   "configurable" DRV_QUERYCONFIGURE answers 1 and DRV_CONFIGURE DRVCNF_OK
 * Every message it gets is appended, one line each, to the file named by %CFGDRV_LOG%, so that
 * the test (another process than drvcfg) can check the sequence.
 */
#include <stdarg.h>
#include <stdio.h>
#include <windef.h>
#include <winbase.h>
#include <mmsystem.h>
#include <mmddk.h>

static WCHAR config[64];

static void log_line( const char *fmt, ... )
{
    char path[MAX_PATH], line[512];
    va_list args;
    HANDLE file;
    DWORD written;
    int len;

    if (!GetEnvironmentVariableA( "CFGDRV_LOG", path, sizeof(path) )) return;
    va_start( args, fmt );
    len = vsnprintf( line, sizeof(line) - 1, fmt, args );
    va_end( args );
    if (len < 0 || len > (int)sizeof(line) - 2) len = sizeof(line) - 2;
    line[len++] = '\n';
    file = CreateFileA( path, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS,
                        0, NULL );
    if (file == INVALID_HANDLE_VALUE) return;
    WriteFile( file, line, len, &written, NULL );
    CloseHandle( file );
}

/* "section/alias" of a DRVCONFIGINFO, or "none". */
static const char *describe_info( LPARAM lparam, char *buf, size_t size )
{
    const DRVCONFIGINFO *info = (const DRVCONFIGINFO *)lparam;

    if (!info) return "none";
    if (info->dwDCISize != sizeof(*info)) return "bad-size";
    snprintf( buf, size, "%ls/%ls", info->lpszDCISectionName ? info->lpszDCISectionName : L"(null)",
              info->lpszDCIAliasName ? info->lpszDCIAliasName : L"(null)" );
    return buf;
}

LRESULT WINAPI DriverProc( DWORD_PTR id, HDRVR hdrvr, UINT msg, LPARAM lparam1, LPARAM lparam2 )
{
    char buf[256];

    switch (msg)
    {
    case DRV_LOAD:
        log_line( "LOAD" );
        return 1;
    case DRV_FREE:
        log_line( "FREE" );
        return 1;
    case DRV_ENABLE:
    case DRV_DISABLE:
        return 1;
    case DRV_OPEN:
        lstrcpynW( config, lparam1 ? (const WCHAR *)lparam1 : L"", ARRAY_SIZE(config) );
        log_line( "OPEN %ls", config );
        return 0x100;
    case DRV_CLOSE:
        log_line( "CLOSE" );
        return 1;
    case DRV_INSTALL:
        log_line( "INSTALL %s", describe_info( lparam2, buf, sizeof(buf) ) );
        if (wcsstr( config, L"restart" )) return DRVCNF_RESTART;
        if (wcsstr( config, L"cancel" )) return DRVCNF_CANCEL;
        return DRVCNF_OK;
    case DRV_REMOVE:
        log_line( "REMOVE" );
        return 1;
    case DRV_QUERYCONFIGURE:
        log_line( "QUERYCONFIGURE" );
        return wcsstr( config, L"configurable" ) != NULL;
    case DRV_CONFIGURE:
        log_line( "CONFIGURE %s", describe_info( lparam2, buf, sizeof(buf) ) );
        return DRVCNF_OK;
    case DRV_POWER:
        log_line( "POWER" );
        return 1;
    case DRV_EXITSESSION:
        log_line( "EXITSESSION" );
        return 0;
    default:
        log_line( "MSG %#x %Id %Id", msg, lparam1, lparam2 );
        return msg >= DRV_USER ? lparam1 + lparam2 : 0;
    }
}
