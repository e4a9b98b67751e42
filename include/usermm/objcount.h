/*
 * Live-object counts of our user32, for leak tests.
 *
 * user32 keeps, in a named shared section of the process, how many of its objects are alive
 * right now. A test reads them with documented kernel32 calls and no export of ours, so the
 * same test exe runs on Wine's builtin user32 (where the section does not exist: skip):
 *
 *   struct usermm_object_counts *counts = usermm_open_object_counts();
 *   if (!counts) skip( "no object counts (not our user32)\n" );
 *   else before = counts->windows;
 *
 * The name is USERMM_OBJECT_COUNTS_PREFIX and the process id in 8 hex digits ("Local\usermm-objects-
 * 0000002a"); the section is created at DLL_PROCESS_ATTACH and lives as long as user32.
 * Fields are updated with interlocked operations and may be read at any time; a count is
 * exact once the threads that change it are quiet. `size` is sizeof the struct as user32 knew
 * it: new fields go at the end only.
 */
#ifndef USERMM_OBJCOUNT_H
#define USERMM_OBJCOUNT_H

#include <windows.h>

#define USERMM_OBJECT_COUNTS_PREFIX L"Local\\usermm-objects-"

struct usermm_object_counts
{
    LONG size;          /* sizeof(struct usermm_object_counts) in user32 */
    LONG queues;        /* struct msg_queue: one per thread that has a queue, until released */
    LONG windows;       /* struct wnd, until the last reference goes */
    LONG sent_messages; /* struct sent_message records (sends, notifications, callbacks) */
    LONG thread_states; /* struct user_thread_info: one per thread that called user32 */
    LONG hooks;         /* struct hook, until the last reference goes */
};

/* The section's name for process pid (no CRT needed). */
static inline void usermm_object_counts_name( WCHAR name[64], DWORD pid )
{
    static const WCHAR hex[] = L"0123456789abcdef";
    UINT len = 0, i;

    for (; USERMM_OBJECT_COUNTS_PREFIX[len]; len++) name[len] = USERMM_OBJECT_COUNTS_PREFIX[len];
    for (i = 0; i < 8; i++) name[len++] = hex[(pid >> (28 - 4 * i)) & 0xf];
    name[len] = 0;
}

/* For tests: the counts of this process's user32, or NULL if it keeps none (the mapping is
 * left open for the life of the process). */
static inline struct usermm_object_counts *usermm_open_object_counts( void )
{
    WCHAR name[64];
    HANDLE mapping;
    void *view;

    usermm_object_counts_name( name, GetCurrentProcessId() );
    if (!(mapping = OpenFileMappingW( FILE_MAP_READ, FALSE, name ))) return NULL;
    view = MapViewOfFile( mapping, FILE_MAP_READ, 0, 0, sizeof(struct usermm_object_counts) );
    CloseHandle( mapping );
    return view;
}

#endif /* USERMM_OBJCOUNT_H */
