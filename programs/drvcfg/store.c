/*
 * drvcfg: reading and writing driver entries in the registry and system.ini, the two places
 * OpenDriver looks (MSDN OpenDriver; Wine reads them in the same order).
 */

#include <stdio.h>
#include "drvcfg.h"

static HKEY open_section_key( const WCHAR *section, REGSAM access, BOOL create )
{
    WCHAR path[512];
    HKEY key;

    _snwprintf( path, ARRAY_SIZE(path), L"Software\\Microsoft\\Windows NT\\CurrentVersion\\%ls",
                section );
    path[ARRAY_SIZE(path) - 1] = 0;
    if (create)
    {
        if (RegCreateKeyExW( HKEY_LOCAL_MACHINE, path, 0, NULL, 0, access, NULL, &key, NULL ))
            return NULL;
    }
    else if (RegOpenKeyExW( HKEY_LOCAL_MACHINE, path, 0, access, &key )) return NULL;
    return key;
}

const WCHAR *store_name( enum store store )
{
    switch (store)
    {
    case STORE_REGISTRY: return L"registry";
    case STORE_INI:      return L"system.ini";
    default:             return L"-";
    }
}

static BOOL find_registry( const WCHAR *section, const WCHAR *name, struct driver_entry *entry )
{
    DWORD type, size = sizeof(entry->value) - sizeof(WCHAR);
    HKEY key = open_section_key( section, KEY_QUERY_VALUE, FALSE );
    LONG err;

    if (!key) return FALSE;
    memset( entry->value, 0, sizeof(entry->value) );
    err = RegQueryValueExW( key, name, NULL, &type, (BYTE *)entry->value, &size );
    RegCloseKey( key );
    if (err || (type != REG_SZ && type != REG_EXPAND_SZ)) return FALSE;
    lstrcpynW( entry->name, name, ARRAY_SIZE(entry->name) );
    entry->store = STORE_REGISTRY;
    return TRUE;
}

static BOOL find_ini( const WCHAR *section, const WCHAR *name, struct driver_entry *entry )
{
    if (!GetPrivateProfileStringW( section, name, L"", entry->value, ARRAY_SIZE(entry->value),
                                   L"system.ini" ))
        return FALSE;
    lstrcpynW( entry->name, name, ARRAY_SIZE(entry->name) );
    entry->store = STORE_INI;
    return TRUE;
}

BOOL store_find( const WCHAR *section, const WCHAR *name, struct driver_entry *entry )
{
    return find_registry( section, name, entry ) || find_ini( section, name, entry );
}

void store_enum( const WCHAR *section, void (*found)( const struct driver_entry *, void * ),
                 void *context )
{
    struct driver_entry entry, other;
    static WCHAR lines[32768];
    WCHAR *line, *eq;
    HKEY key;
    DWORD i;

    if ((key = open_section_key( section, KEY_QUERY_VALUE, FALSE )))
    {
        for (i = 0;; i++)
        {
            DWORD name_len = ARRAY_SIZE(entry.name), size = sizeof(entry.value) - sizeof(WCHAR), type;

            memset( entry.value, 0, sizeof(entry.value) );
            if (RegEnumValueW( key, i, entry.name, &name_len, NULL, &type, (BYTE *)entry.value,
                               &size ))
                break;
            if (type != REG_SZ && type != REG_EXPAND_SZ) continue;
            entry.store = STORE_REGISTRY;
            found( &entry, context );
        }
        RegCloseKey( key );
    }

    if (!GetPrivateProfileSectionW( section, lines, ARRAY_SIZE(lines), L"system.ini" )) return;
    for (line = lines; *line; line += wcslen( line ) + 1)
    {
        if (*line == ';' || !(eq = wcschr( line, '=' ))) continue;
        *eq = 0;
        lstrcpynW( entry.name, line, ARRAY_SIZE(entry.name) );
        lstrcpynW( entry.value, eq + 1, ARRAY_SIZE(entry.value) );
        *eq = '=';
        entry.store = STORE_INI;
        /* OpenDriver reads the registry first: an ini entry it shadows is not listed */
        if (find_registry( section, entry.name, &other )) continue;
        found( &entry, context );
    }
}

BOOL store_write_registry( const WCHAR *section, const WCHAR *name, const WCHAR *value )
{
    HKEY key = open_section_key( section, KEY_SET_VALUE, TRUE );
    LONG err;

    if (!key) return FALSE;
    err = RegSetValueExW( key, name, 0, REG_SZ, (const BYTE *)value,
                          (wcslen( value ) + 1) * sizeof(WCHAR) );
    RegCloseKey( key );
    return !err;
}

BOOL store_delete( const WCHAR *section, const struct driver_entry *entry )
{
    HKEY key;
    LONG err;

    if (entry->store == STORE_INI)
        return WritePrivateProfileStringW( section, entry->name, NULL, L"system.ini" );
    if (!(key = open_section_key( section, KEY_SET_VALUE, FALSE ))) return FALSE;
    err = RegDeleteValueW( key, entry->name );
    RegCloseKey( key );
    return !err;
}
