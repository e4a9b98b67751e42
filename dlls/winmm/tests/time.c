/*
 * Multimedia timers: timeGetTime, timeGetSystemTime, timeGetDevCaps, timeBeginPeriod /
 * timeEndPeriod, timeSetEvent / timeKillEvent (one-shot and periodic; function, event-set and
 * event-pulse callbacks), and mmsystemGetVersion.
 */

#include <windows.h>
#include <mmsystem.h>
#include "mmtest.h"

static void test_get_time( void )
{
    DWORD t1, t2;
    MMTIME mmt;
    MMRESULT ret;

    t1 = timeGetTime();
    Sleep( 50 );
    t2 = timeGetTime();
    ok( t2 - t1 >= 45 && t2 - t1 < 1000, "timeGetTime advanced by %lu ms over 50 ms\n", t2 - t1 );

    memset( &mmt, 0xcc, sizeof(mmt) );
    ret = timeGetSystemTime( &mmt, sizeof(mmt) );
    t2 = timeGetTime();
    ok( ret == TIMERR_NOERROR, "timeGetSystemTime returned %u\n", ret );
    ok( mmt.wType == TIME_MS, "wType %u\n", mmt.wType );
    ok( t2 - mmt.u.ms < 100, "timeGetSystemTime %lu, timeGetTime %lu\n", mmt.u.ms, t2 );

    ok( mmsystemGetVersion() == 0x030a, "mmsystemGetVersion returned %#x\n", mmsystemGetVersion() );
}

static void test_caps_and_periods( void )
{
    TIMECAPS caps;
    MMRESULT ret;

    /* MSDN: TIMERR_NOCANDO "if the ptc parameter is NULL or the cbtc parameter is invalid" */
    ret = timeGetDevCaps( NULL, sizeof(caps) );
    ok( ret == TIMERR_NOCANDO, "timeGetDevCaps(NULL) returned %u\n", ret );
    ret = timeGetDevCaps( &caps, 1 );
    ok( ret == TIMERR_NOCANDO, "timeGetDevCaps(size 1) returned %u\n", ret );
    memset( &caps, 0, sizeof(caps) );
    ret = timeGetDevCaps( &caps, sizeof(caps) );
    ok( ret == TIMERR_NOERROR, "timeGetDevCaps returned %u\n", ret );
    ok( caps.wPeriodMin == 1, "wPeriodMin %u\n", caps.wPeriodMin );
    ok( caps.wPeriodMax >= 65535, "wPeriodMax %u\n", caps.wPeriodMax );
    trace( "timer periods %u to %u ms\n", caps.wPeriodMin, caps.wPeriodMax );

    /* MSDN: TIMERR_NOCANDO for a resolution out of range */
    ret = timeBeginPeriod( 0 );
    ok( ret == TIMERR_NOCANDO, "timeBeginPeriod(0) returned %u\n", ret );
    ret = timeEndPeriod( 0 );
    ok( ret == TIMERR_NOCANDO, "timeEndPeriod(0) returned %u\n", ret );
    if (caps.wPeriodMax < ~0u)
    {
        ret = timeBeginPeriod( caps.wPeriodMax + 1 );
        ok( ret == TIMERR_NOCANDO, "timeBeginPeriod(max + 1) returned %u\n", ret );
    }
    ret = timeBeginPeriod( 1 );
    ok( ret == TIMERR_NOERROR, "timeBeginPeriod(1) returned %u\n", ret );
    ret = timeEndPeriod( 1 );
    ok( ret == TIMERR_NOERROR, "timeEndPeriod(1) returned %u\n", ret );
}

struct timer_data
{
    LONG calls;
    UINT id;          /* as passed to the callback */
    DWORD_PTR user;
    UINT kill_self;   /* nonzero: the callback kills its own timer on this call */
    MMRESULT kill_ret;
    DWORD sleep_ms;   /* how long each call takes */
    LONG in_callback;
};

static void CALLBACK timer_callback( UINT id, UINT msg, DWORD_PTR user, DWORD_PTR dw1, DWORD_PTR dw2 )
{
    struct timer_data *data = (struct timer_data *)user;
    LONG calls;

    InterlockedIncrement( &data->in_callback );
    calls = InterlockedIncrement( &data->calls );
    data->id = id;
    data->user = user;
    if (data->kill_self && calls == data->kill_self) data->kill_ret = timeKillEvent( id );
    if (data->sleep_ms) Sleep( data->sleep_ms );
    InterlockedDecrement( &data->in_callback );
}

static void test_timer_events( void )
{
    struct timer_data data;
    HANDLE event;
    MMRESULT id, ret;
    LONG calls;

    /* bad parameters: MSDN says NULL when the event cannot be created */
    id = timeSetEvent( 0, 0, timer_callback, 0, TIME_ONESHOT );
    ok( !id, "delay 0 gave timer %u\n", id );
    /* MSDN timeKillEvent: MMSYSERR_INVALPARAM "if the specified timer event does not exist";
     * Wine's builtin returns TIMERR_NOCANDO. */
    ret = timeKillEvent( 0xdead );
    todo_builtin ok( ret == MMSYSERR_INVALPARAM, "timeKillEvent(bogus) returned %u\n", ret );

    /* one-shot: one call with the timer's id and the user value, then the timer is gone */
    memset( &data, 0, sizeof(data) );
    id = timeSetEvent( 20, 1, timer_callback, (DWORD_PTR)&data, TIME_ONESHOT | TIME_CALLBACK_FUNCTION );
    ok( id != 0, "timeSetEvent failed\n" );
    Sleep( 200 );
    ok( data.calls == 1, "one-shot timer called %ld times\n", data.calls );
    ok( data.id == id, "callback got id %u, expected %u\n", data.id, id );
    ok( data.user == (DWORD_PTR)&data, "callback got user %#Ix\n", data.user );
    ret = timeKillEvent( id );
    todo_builtin ok( ret == MMSYSERR_INVALPARAM, "killing a fired one-shot timer returned %u\n", ret );

    /* periodic, killed from outside: no call after timeKillEvent returns */
    memset( &data, 0, sizeof(data) );
    id = timeSetEvent( 10, 1, timer_callback, (DWORD_PTR)&data, TIME_PERIODIC );
    ok( id != 0, "timeSetEvent failed\n" );
    Sleep( 200 );
    ret = timeKillEvent( id );
    ok( ret == TIMERR_NOERROR, "timeKillEvent returned %u\n", ret );
    calls = data.calls;
    ok( calls >= 5 && calls <= 25, "periodic 10 ms timer called %ld times in 200 ms\n", calls );
    Sleep( 50 );
    ok( data.calls == calls, "called %ld times after being killed\n", data.calls - calls );
    ret = timeKillEvent( id );
    todo_builtin ok( ret == MMSYSERR_INVALPARAM, "second timeKillEvent returned %u\n", ret );

    /* periodic, killed by its own callback on the third call */
    memset( &data, 0, sizeof(data) );
    data.kill_self = 3;
    id = timeSetEvent( 10, 1, timer_callback, (DWORD_PTR)&data, TIME_PERIODIC );
    Sleep( 200 );
    ok( data.calls == 3, "self-killing timer called %ld times\n", data.calls );
    ok( data.kill_ret == TIMERR_NOERROR, "timeKillEvent from the callback returned %u\n", data.kill_ret );

    /* TIME_KILL_SYNCHRONOUS: once timeKillEvent returns, the callback is not running */
    memset( &data, 0, sizeof(data) );
    data.sleep_ms = 50;
    id = timeSetEvent( 5, 1, timer_callback, (DWORD_PTR)&data, TIME_PERIODIC | TIME_KILL_SYNCHRONOUS );
    while (!data.in_callback) Sleep( 1 );
    ret = timeKillEvent( id );
    ok( ret == TIMERR_NOERROR, "timeKillEvent returned %u\n", ret );
    ok( !data.in_callback, "callback still running after timeKillEvent\n" );
    calls = data.calls;
    Sleep( 100 );
    ok( data.calls == calls, "called %ld times after being killed\n", data.calls - calls );

    /* TIME_CALLBACK_EVENT_SET: the event is set on every period */
    event = CreateEventW( NULL, FALSE, FALSE, NULL );
    id = timeSetEvent( 10, 1, (LPTIMECALLBACK)event, 0, TIME_PERIODIC | TIME_CALLBACK_EVENT_SET );
    ok( id != 0, "timeSetEvent(EVENT_SET) failed\n" );
    ok( !WaitForSingleObject( event, 1000 ), "event not set\n" );
    ok( !WaitForSingleObject( event, 1000 ), "event not set again\n" );
    timeKillEvent( id );

    /* TIME_CALLBACK_EVENT_PULSE: a waiter is released, the event does not stay set */
    CloseHandle( event );
    event = CreateEventW( NULL, TRUE, FALSE, NULL );
    id = timeSetEvent( 20, 1, (LPTIMECALLBACK)event, 0, TIME_ONESHOT | TIME_CALLBACK_EVENT_PULSE );
    ok( id != 0, "timeSetEvent(EVENT_PULSE) failed\n" );
    ok( !WaitForSingleObject( event, 1000 ), "waiter not released by the pulse\n" );
    ok( WaitForSingleObject( event, 0 ) == WAIT_TIMEOUT, "event left set by a pulse\n" );
    CloseHandle( event );
}

START_TEST(time)
{
    builtin_winmm = is_builtin_winmm();
    test_get_time();
    test_caps_and_periods();
    test_timer_events();
}
