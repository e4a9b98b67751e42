/*
 * drvcfg: the installable-driver control tool. Declarations grouped by defining file.
 */
#ifndef USERMM_DRVCFG_H
#define USERMM_DRVCFG_H

#include <windows.h>
#include <mmsystem.h>
#include <mmddk.h>

/* store.c: where driver entries live (the registry key
 * HKLM\Software\Microsoft\Windows NT\CurrentVersion\<section> and system.ini's [<section>]). */
enum store { STORE_NONE, STORE_REGISTRY, STORE_INI };

struct driver_entry
{
    WCHAR name[256];
    WCHAR value[1024]; /* "file [configuration]" */
    enum store store;
};

/* Calls found() for every entry of section (registry first, then system.ini entries whose
 * name the registry does not have). */
void store_enum( const WCHAR *section, void (*found)( const struct driver_entry *, void * ),
                 void *context );
/* Looks one entry up, registry first. */
BOOL store_find( const WCHAR *section, const WCHAR *name, struct driver_entry *entry );
BOOL store_write_registry( const WCHAR *section, const WCHAR *name, const WCHAR *value );
BOOL store_delete( const WCHAR *section, const struct driver_entry *entry );
const WCHAR *store_name( enum store store );

#endif
