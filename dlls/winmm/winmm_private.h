/*
 * winmm.dll private declarations, grouped under the file that defines them.
 */
#ifndef __USERMM_WINMM_PRIVATE_H
#define __USERMM_WINMM_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include "windef.h"
#include "winbase.h"
#include "winnls.h"
#include "winuser.h"
#include "mmsystem.h"
#include "mmddk.h"

/* A lock that remembers its owner, so that every call-out (a DriverProc, a DriverCallback
 * function, a timer callback) can assert that the calling thread holds no winmm lock. */
struct tracked_lock
{
    SRWLOCK lock;
    DWORD owner; /* thread id of the exclusive owner, 0 when free */
};

#define TRACKED_LOCK_INIT { SRWLOCK_INIT, 0 }

static inline void tracked_lock_acquire( struct tracked_lock *l )
{
    AcquireSRWLockExclusive( &l->lock );
    l->owner = GetCurrentThreadId();
}

static inline void tracked_lock_release( struct tracked_lock *l )
{
    l->owner = 0;
    ReleaseSRWLockExclusive( &l->lock );
}

/* Waits on cv with l held; returns FALSE on timeout. */
static inline BOOL tracked_lock_wait( struct tracked_lock *l, CONDITION_VARIABLE *cv, DWORD ms )
{
    BOOL ret;
    l->owner = 0;
    ret = SleepConditionVariableSRW( cv, &l->lock, ms, 0 );
    l->owner = GetCurrentThreadId();
    return ret;
}

/* Only the owner itself can see its own id here, so a plain read is enough; a free lock (the
 * usual case) costs no GetCurrentThreadId call. */
#define check_not_locked( l ) \
    do { DWORD owner__ = *(volatile DWORD *)&(l)->owner; \
         if (owner__ && owner__ == GetCurrentThreadId()) \
             winmm_lock_violation( #l, __FILE__, __LINE__ ); } while (0)

/* driver.c */
extern struct tracked_lock driver_lock;
void winmm_lock_violation( const char *lock, const char *file, int line ) DECLSPEC_NORETURN;
void driver_init( void );
void driver_unload_all( void );
/* Sends msg to every open instance; exported as __usermm_DriverBroadcast (see documentation/
 * winmm.md). Returns how many instances it reached. */
DWORD WINAPI __usermm_DriverBroadcast( UINT msg, LPARAM lparam1, LPARAM lparam2 );

/* registry.c */
/* Resolves an OpenDriver name: the Drivers32-style registry value, then system.ini. On success
 * *file and *args (NULL when the value has no text after the file name) are heap strings. */
BOOL driver_lookup( const WCHAR *name, const WCHAR *section, WCHAR **file, WCHAR **args );

/* main.c */
extern HINSTANCE winmm_module;

#endif /* __USERMM_WINMM_PRIVATE_H */
