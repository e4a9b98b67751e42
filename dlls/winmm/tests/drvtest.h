/*
 * Helpers shared by the winmm test units: the driver log (drvlog.h) seen from the test side,
 * and which winmm the process runs on (mmtest.h).
 */
#ifndef USERMM_WINMM_TESTS_DRVTEST_H
#define USERMM_WINMM_TESTS_DRVTEST_H

#include <setjmp.h>
#include <windows.h>
#include <mmsystem.h>
#include <mmddk.h>
#include "wine/test.h"
#include "usermm/msgseq.h"
#include "drvlog.h"
#include "mmtest.h"

static struct drvlog_shared *drvlog;

static inline void drvlog_reset( void )
{
    drvlog->count = 0;
    drvlog->quiet = 0;
    drvlog->close_result = 1;
    drvlog->query_configure_result = 0;
    drvlog->configure_result = DRVCNF_OK;
    drvlog->install_result = DRVCNF_OK;
    memset( drvlog->counts, 0, sizeof(drvlog->counts) );
    flush_sequence();
}

/* Creates the log the test drivers map; call first in every unit that opens test drivers. */
static inline void drvlog_init( void )
{
    WCHAR name[64];
    HANDLE mapping;

    builtin_winmm = is_builtin_winmm();
    trace( "running on %s winmm\n", builtin_winmm ? "Wine's builtin" : "our" );
    drvlog_mapping_name( name, ARRAY_SIZE(name) );
    mapping = CreateFileMappingW( INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
                                  sizeof(struct drvlog_shared), name );
    ok( mapping != NULL, "CreateFileMapping failed: %lu\n", GetLastError() );
    drvlog = MapViewOfFile( mapping, FILE_MAP_WRITE, 0, 0, 0 );
    ok( drvlog != NULL, "MapViewOfFile failed: %lu\n", GetLastError() );
    /* the mapping handle is kept open for the whole process on purpose */
    drvlog_reset();
}

/* Copies the entries logged since the last call into log (up to max; returns how many were
 * logged), records them for ok_sequence as driver messages with lParam1/lParam2, and empties
 * the log. */
static inline unsigned int drvlog_take( struct drvlog_entry *log, unsigned int max )
{
    unsigned int i, count = drvlog->count;

    if (count > DRVLOG_MAX_ENTRIES) count = DRVLOG_MAX_ENTRIES;
    flush_sequence();
    for (i = 0; i < count; i++)
    {
        struct message msg = { drvlog->entries[i].msg, driver, drvlog->entries[i].lparam1,
                               drvlog->entries[i].lparam2 };
        add_message( &msg );
        if (i < max) log[i] = drvlog->entries[i];
    }
    drvlog->count = 0;
    return count;
}

/* Sends msg (DRVLOG_LONGJMP or DRVLOG_SELF_LONGJMP) with a jmp_buf that the driver longjmps to
 * with value; returns setjmp's second return value. Not inlined, so that setjmp's frame and what
 * it does to locals concern this function only. */
static __attribute__((noinline, unused)) int drvlog_send_longjmp( HDRVR h, UINT msg, int value )
{
    /* setjmp is _setjmpex( buf, __builtin_frame_address(0) ) here: longjmp unwinds (RtlUnwind) */
    jmp_buf buf;
    volatile int sent = 0;
    int ret;

    if (!(ret = setjmp( buf )))
    {
        sent = 1;
        SendDriverMessage( h, msg, (LPARAM)&buf, value );
        ok( 0, "SendDriverMessage(%#x) returned\n", msg );
        return 0;
    }
    ok( sent, "setjmp returned a second time before the send\n" );
    return ret;
}

#endif
