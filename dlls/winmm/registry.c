/*
 * Where installable drivers are found: the Drivers32-style registry keys and system.ini.
 *
 * MSDN (OpenDriver): the section names a registry key or an initialization-file section that
 * holds the driver's value; without one, "Drivers32" is used. The value is the driver's file
 * name, optionally followed by a space and configuration text, which DRV_OPEN gets as lParam1.
 */

#include "winmm_private.h"
#include "winreg.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(driver);

static const WCHAR drivers_key_prefix[] = L"Software\\Microsoft\\Windows NT\\CurrentVersion\\";

/* The value under HKLM\Software\Microsoft\Windows NT\CurrentVersion\<section>, as a heap
 * string, or NULL. */
static WCHAR *read_registry_value( const WCHAR *name, const WCHAR *section )
{
    WCHAR *path, *value = NULL;
    DWORD type, size = 0;
    size_t len = wcslen( drivers_key_prefix ) + wcslen( section ) + 1;
    HKEY key;

    if (!(path = malloc( len * sizeof(WCHAR) ))) return NULL;
    wcscpy( path, drivers_key_prefix );
    wcscat( path, section );
    if (RegOpenKeyExW( HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE, &key ))
    {
        free( path );
        return NULL;
    }
    free( path );
    if (!RegQueryValueExW( key, name, NULL, &type, NULL, &size ) &&
        (type == REG_SZ || type == REG_EXPAND_SZ) &&
        (value = calloc( 1, size + sizeof(WCHAR) )) &&
        RegQueryValueExW( key, name, NULL, &type, (BYTE *)value, &size ))
    {
        free( value );
        value = NULL;
    }
    RegCloseKey( key );
    return value;
}

/* The key's value in the [section] of system.ini, as a heap string, or NULL. */
static WCHAR *read_system_ini( const WCHAR *name, const WCHAR *section )
{
    DWORD size = 256, len;
    WCHAR *value = NULL, *grown;

    for (;;)
    {
        if (!(grown = realloc( value, size * sizeof(WCHAR) ))) break;
        value = grown;
        len = GetPrivateProfileStringW( section, name, L"", value, size, L"system.ini" );
        if (len < size - 1)
        {
            if (len) return value;
            break;
        }
        size *= 2;
    }
    free( value );
    return NULL;
}

/* Splits "file [configuration]" at the first space. */
static BOOL split_value( WCHAR *value, WCHAR **file, WCHAR **args )
{
    WCHAR *start = value, *end, *rest;

    while (*start == ' ' || *start == '\t') start++;
    if (!*start) return FALSE;
    for (end = start; *end && *end != ' ' && *end != '\t'; end++) ;
    rest = end;
    while (*rest == ' ' || *rest == '\t') rest++;

    *args = *rest ? _wcsdup( rest ) : NULL;
    *end = 0;
    *file = _wcsdup( start );
    if (!*file || (*rest && !*args))
    {
        free( *file );
        free( *args );
        return FALSE;
    }
    return TRUE;
}

BOOL driver_lookup( const WCHAR *name, const WCHAR *section, WCHAR **file, WCHAR **args )
{
    WCHAR *value;
    BOOL ret;

    if (!(value = read_registry_value( name, section ? section : L"Drivers32" )))
        value = read_system_ini( name, section ? section : L"drivers32" );
    if (!value)
    {
        TRACE( "%s not found in %s\n", debugstr_w(name), debugstr_w(section) );
        return FALSE;
    }
    ret = split_value( value, file, args );
    TRACE( "%s in %s -> %s\n", debugstr_w(name), debugstr_w(section), debugstr_w(value) );
    if (ret) TRACE( "file %s, configuration %s\n", debugstr_w(*file), debugstr_w(*args) );
    free( value );
    return ret;
}
