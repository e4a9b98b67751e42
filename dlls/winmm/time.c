/*
 * Multimedia timers: timeGetTime, timeGetSystemTime, timeGetDevCaps, timeBeginPeriod,
 * timeEndPeriod, timeSetEvent, timeKillEvent.
 *
 * Timer events run on one timer thread, created by the first timeSetEvent. It holds a reference
 * to winmm (so winmm cannot be unloaded under it) and leaves through FreeLibraryAndExitThread
 * after a second with no timer set.
 */

#include "winmm_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(mmtime);

C_ASSERT( sizeof(TIMECAPS) == 8 );
C_ASSERT( sizeof(MMTIME) == 12 ); /* wType + an 8-byte union, packed */
C_ASSERT( offsetof(MMTIME, u.ms) == 4 );

/* Windows reports 1 ms to 1,000,000 ms (Wine's builtin reports 65535 as the maximum); timeSetEvent
 * and timeBeginPeriod accept exactly that range. */
#define PERIOD_MIN 1
#define PERIOD_MAX 1000000
#define IDLE_EXIT_MS 1000

struct mm_timer
{
    struct mm_timer *next;
    UINT id;
    UINT delay;
    UINT flags;
    LPTIMECALLBACK callback; /* or the event handle, for TIME_CALLBACK_EVENT_* */
    DWORD_PTR user;
    ULONGLONG due;           /* in ms on the now_ms() clock */
};

/* timer_lock protects: the timer list, next_timer_id, timer_thread_running, firing_id,
 * period_requests. Never held while a timer callback runs. */
static struct tracked_lock timer_lock = TRACKED_LOCK_INIT;
static CONDITION_VARIABLE timers_changed = CONDITION_VARIABLE_INIT; /* wakes the timer thread */
static CONDITION_VARIABLE firing_done = CONDITION_VARIABLE_INIT;    /* wakes timeKillEvent */
static struct mm_timer *timers;
static UINT next_timer_id = 1;
static BOOL timer_thread_running;
static DWORD timer_thread_id;
static UINT firing_id;         /* the timer whose callback is running, 0 if none */
static LONG period_requests;   /* timeBeginPeriod calls not yet matched: informational */

static ULONGLONG now_ms( void )
{
    static LARGE_INTEGER frequency;
    LARGE_INTEGER counter;

    if (!frequency.QuadPart) QueryPerformanceFrequency( &frequency );
    QueryPerformanceCounter( &counter );
    return counter.QuadPart / frequency.QuadPart * 1000 +
           counter.QuadPart % frequency.QuadPart * 1000 / frequency.QuadPart;
}

/***********************************************************************
 *      timeGetTime   (WINMM.@)
 *
 * MSDN: milliseconds since the system started, wrapping every 2^32 ms.
 */
DWORD WINAPI timeGetTime( void )
{
    DWORD ret = (DWORD)now_ms();
    TRACE( "returning %lu\n", ret );
    return ret;
}

/***********************************************************************
 *      timeGetSystemTime   (WINMM.@)
 *
 * MSDN: the time in ms, returned in an MMTIME of type TIME_MS; always TIMERR_NOERROR. A buffer
 * too small for an MMTIME is left alone.
 */
MMRESULT WINAPI timeGetSystemTime( LPMMTIME time, UINT size )
{
    TRACE( "(%p, %u)\n", time, size );
    if (time && size >= sizeof(*time))
    {
        time->wType = TIME_MS;
        time->u.ms = timeGetTime();
    }
    return TIMERR_NOERROR;
}

/***********************************************************************
 *      timeGetDevCaps   (WINMM.@)
 */
MMRESULT WINAPI timeGetDevCaps( LPTIMECAPS caps, UINT size )
{
    TRACE( "(%p, %u)\n", caps, size );
    /* MSDN: TIMERR_NOCANDO "if the ptc parameter is NULL or the cbtc parameter is invalid". */
    if (!caps || size < sizeof(*caps))
    {
        WARN( "invalid caps %p size %u\n", caps, size );
        return TIMERR_NOCANDO;
    }
    caps->wPeriodMin = PERIOD_MIN;
    caps->wPeriodMax = PERIOD_MAX;
    return TIMERR_NOERROR;
}

/***********************************************************************
 *      timeBeginPeriod   (WINMM.@)
 *
 * Our timers are always as precise as the host allows, so a period request only has to be
 * validated (MSDN: TIMERR_NOCANDO for a resolution out of range).
 */
MMRESULT WINAPI timeBeginPeriod( UINT period )
{
    TRACE( "(%u)\n", period );
    if (period < PERIOD_MIN || period > PERIOD_MAX) return TIMERR_NOCANDO;
    InterlockedIncrement( &period_requests );
    return TIMERR_NOERROR;
}

/***********************************************************************
 *      timeEndPeriod   (WINMM.@)
 */
MMRESULT WINAPI timeEndPeriod( UINT period )
{
    TRACE( "(%u)\n", period );
    if (period < PERIOD_MIN || period > PERIOD_MAX) return TIMERR_NOCANDO;
    if (InterlockedDecrement( &period_requests ) < 0)
    {
        WARN( "timeEndPeriod(%u) without a matching timeBeginPeriod\n", period );
        InterlockedIncrement( &period_requests );
    }
    return TIMERR_NOERROR;
}

/* Called with timer_lock held. */
static struct mm_timer *__find_timer( UINT id, struct mm_timer ***prev )
{
    struct mm_timer **p;
    for (p = &timers; *p; p = &(*p)->next)
        if ((*p)->id == id)
        {
            if (prev) *prev = p;
            return *p;
        }
    return NULL;
}

static void fire( UINT id, UINT flags, LPTIMECALLBACK callback, DWORD_PTR user )
{
    check_not_locked( &timer_lock );
    check_not_locked( &driver_lock );
    switch (flags & (TIME_CALLBACK_EVENT_SET | TIME_CALLBACK_EVENT_PULSE))
    {
    case TIME_CALLBACK_EVENT_SET:
        SetEvent( (HANDLE)callback );
        break;
    case TIME_CALLBACK_EVENT_PULSE:
        PulseEvent( (HANDLE)callback );
        break;
    default:
        TRACE( "-> callback %p (%u, 0, %#Ix, 0, 0)\n", callback, id, user );
        callback( id, 0, user, 0, 0 );
        TRACE( "<- callback %p\n", callback );
        break;
    }
}

static DWORD WINAPI timer_thread( void *module )
{
    tracked_lock_acquire( &timer_lock );
    for (;;)
    {
        struct mm_timer **timer_ptr, *earliest = NULL, **prev = NULL;
        LPTIMECALLBACK callback;
        DWORD_PTR user;
        ULONGLONG now;
        UINT id, flags;

        for (timer_ptr = &timers; *timer_ptr; timer_ptr = &(*timer_ptr)->next)
            if (!earliest || (*timer_ptr)->due < earliest->due)
            {
                earliest = *timer_ptr;
                prev = timer_ptr;
            }
        if (!earliest)
        {
            if (!tracked_lock_wait( &timer_lock, &timers_changed, IDLE_EXIT_MS ) && !timers) break;
            continue;
        }
        now = now_ms();
        if (earliest->due > now)
        {
            tracked_lock_wait( &timer_lock, &timers_changed, (DWORD)(earliest->due - now) );
            continue;
        }

        id = earliest->id;
        flags = earliest->flags;
        callback = earliest->callback;
        user = earliest->user;
        if (flags & TIME_PERIODIC)
        {
            /* Ticks missed while a callback ran late are dropped, not replayed in a burst. */
            earliest->due += earliest->delay;
            if (earliest->due <= now) earliest->due = now + earliest->delay;
        }
        else
        {
            *prev = earliest->next;
            free( earliest );
        }
        firing_id = id;
        tracked_lock_release( &timer_lock );

        fire( id, flags, callback, user );

        tracked_lock_acquire( &timer_lock );
        firing_id = 0;
        WakeAllConditionVariable( &firing_done );
    }
    timer_thread_running = FALSE;
    tracked_lock_release( &timer_lock );
    TRACE( "timer thread exiting\n" );
    FreeLibraryAndExitThread( module, 0 );
}

/* Called with timer_lock held. */
static BOOL __start_timer_thread( void )
{
    HMODULE module;
    HANDLE thread;

    if (timer_thread_running) return TRUE;
    if (!GetModuleHandleExW( GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (const WCHAR *)timer_thread,
                             &module ))
        return FALSE;
    if (!(thread = CreateThread( NULL, 0, timer_thread, module, 0, &timer_thread_id )))
    {
        FreeLibrary( module );
        return FALSE;
    }
    CloseHandle( thread );
    timer_thread_running = TRUE;
    return TRUE;
}

/***********************************************************************
 *      timeSetEvent   (WINMM.@)
 *
 * MSDN: returns the timer's id, or NULL if the event could not be created (a delay outside the
 * timer's range, no callback). The resolution is a hint; ours is always the finest available.
 */
MMRESULT WINAPI timeSetEvent( UINT delay, UINT resolution, LPTIMECALLBACK callback, DWORD_PTR user,
                              UINT flags )
{
    struct mm_timer *timer;
    UINT id = 0;

    TRACE( "(%u, %u, %p, %#Ix, %#x)\n", delay, resolution, callback, user, flags );

    if (delay < PERIOD_MIN || delay > PERIOD_MAX || !callback ||
        (flags & (TIME_CALLBACK_EVENT_SET | TIME_CALLBACK_EVENT_PULSE)) ==
            (TIME_CALLBACK_EVENT_SET | TIME_CALLBACK_EVENT_PULSE))
    {
        WARN( "invalid delay %u, callback %p or flags %#x\n", delay, callback, flags );
        return 0;
    }
    if (!(timer = calloc( 1, sizeof(*timer) ))) return 0;
    timer->delay = delay;
    timer->flags = flags;
    timer->callback = callback;
    timer->user = user;
    timer->due = now_ms() + delay;

    tracked_lock_acquire( &timer_lock );
    if (__start_timer_thread())
    {
        do id = next_timer_id++; while (!id || __find_timer( id, NULL ) || id == firing_id);
        timer->id = id;
        timer->next = timers;
        timers = timer;
        WakeAllConditionVariable( &timers_changed );
    }
    tracked_lock_release( &timer_lock );
    if (!id) free( timer );
    TRACE( "returning %u\n", id );
    return id;
}

/***********************************************************************
 *      timeKillEvent   (WINMM.@)
 *
 * Once it returns, the timer's callback is not running and will not run again (what
 * TIME_KILL_SYNCHRONOUS promises; we give it to every timer), unless called from that very
 * callback.
 */
MMRESULT WINAPI timeKillEvent( UINT id )
{
    struct mm_timer *timer, **prev;

    TRACE( "(%u)\n", id );

    tracked_lock_acquire( &timer_lock );
    if (!(timer = __find_timer( id, &prev )))
    {
        tracked_lock_release( &timer_lock );
        WARN( "no timer %u\n", id );
        return MMSYSERR_INVALPARAM;
    }
    *prev = timer->next;
    free( timer );
    WakeAllConditionVariable( &timers_changed );
    if (GetCurrentThreadId() != timer_thread_id)
        while (firing_id == id) tracked_lock_wait( &timer_lock, &firing_done, INFINITE );
    tracked_lock_release( &timer_lock );
    return TIMERR_NOERROR;
}
