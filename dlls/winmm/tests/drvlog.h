/*
 * The log the test drivers (drvlog, drvfailload, drvfailopen, drvnest) write and the tests read.
 *
 * It lives in a named file mapping, per process, so that it survives the driver DLLs being
 * unloaded (which is what the tests check). The test creates it before opening any driver;
 * each driver maps it at DLL_PROCESS_ATTACH.
 */
#ifndef USERMM_WINMM_TESTS_DRVLOG_H
#define USERMM_WINMM_TESTS_DRVLOG_H

#include <windows.h>
#include <mmsystem.h>
#include <mmddk.h>
#include <stdio.h>

#define DRVLOG_MAX_ENTRIES 2048

/* Which test driver wrote an entry. */
enum drvlog_driver
{
    DRVLOG_LOG = 1,     /* drvlog.dll: answers like Microsoft's template DriverProc */
    DRVLOG_FAILLOAD,    /* drvfailload.dll: DRV_LOAD returns 0 */
    DRVLOG_FAILOPEN,    /* drvfailopen.dll: DRV_OPEN returns 0 */
    DRVLOG_NEST,        /* drvnest.dll: opens, sends to and closes drivers from its DriverProc */
    DRVLOG_DRIVERS
};

/* Custom messages the test drivers understand. */
#define DRVLOG_ECHO     (DRV_USER + 1)     /* returns lParam1 + 2 * lParam2 */
#define DRVLOG_SELF     (DRV_USER + 2)     /* drvlog: SendDriverMessage(itself, ECHO) + 1000 */
#define DRVNEST_INNER   (DRV_USER + 3)     /* drvnest: ECHO to its inner drvlog instance */
#define DRVNEST_CLOSE_SELF (DRV_USER + 4)  /* drvnest: CloseDriver(itself, 0, 0) */
#define DRVNEST_OPEN_SELF  (DRV_USER + 5)  /* drvnest: returns OpenDriver("drvnest.dll") */
/* drvlog: longjmp( *(jmp_buf *)lParam1, lParam2 ): leaves through winmm's frames by unwinding */
#define DRVLOG_LONGJMP  (DRV_USER + 6)
/* drvlog: SendDriverMessage(itself, DRVLOG_LONGJMP, lParam1, lParam2): two winmm frames to
 * unwind */
#define DRVLOG_SELF_LONGJMP (DRV_USER + 7)
/* drvlog: walks its stack by unwind information alone up to the first frame in module lParam1;
 * returns how many frames that took, or -n when the nth had none (0 off x86_64) */
#define DRVLOG_WALK     (DRV_USER + 8)
#define DRVLOG_RESERVED (DRV_RESERVED + 0x20) /* returns lParam1 - lParam2 */

struct drvlog_entry
{
    UINT driver;        /* enum drvlog_driver */
    UINT msg;
    DWORD_PTR id;       /* dwDriverId as received */
    HDRVR hdrvr;
    LPARAM lparam1;
    LPARAM lparam2;
    LRESULT result;     /* what the DriverProc returned */
    WCHAR text[40];     /* DRV_OPEN: lParam1's text; DRV_CONFIGURE / DRV_INSTALL: the alias */
};

struct drvlog_shared
{
    LONG count;         /* entries written; those past DRVLOG_MAX_ENTRIES are dropped */
    LONG quiet;         /* nonzero: count messages but write no entries (stress tests) */
    LONG next_id;       /* source of DRV_OPEN results */
    LONG counts[DRVLOG_DRIVERS][16]; /* per driver, per standard message (0x01..0x0f) */
    LRESULT close_result;          /* drvlog's answer to DRV_CLOSE */
    LRESULT query_configure_result; /* to DRV_QUERYCONFIGURE */
    LRESULT configure_result;      /* to DRV_CONFIGURE */
    LRESULT install_result;        /* to DRV_INSTALL and DRV_PNPINSTALL */
    struct drvlog_entry entries[DRVLOG_MAX_ENTRIES];
};

static inline void drvlog_mapping_name( WCHAR *name, size_t size )
{
    _snwprintf( name, size, L"usermm_drvlog_%lu", GetCurrentProcessId() );
    name[size - 1] = 0;
}

#endif
