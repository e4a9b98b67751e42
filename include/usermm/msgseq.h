/*
 * Message-sequence checking for tests: record what arrives, compare it with a table of what
 * should, report the first difference at the caller's file and line.
 *
 * The idiom is that of Wine's dlls/user32/tests/msg.c (this is our own code).  Include it
 * after "wine/test.h" (it includes it itself if needed) in a test .c file:
 *
 *   static const struct message create_seq[] =
 *   {
 *       { WM_NCCREATE, sent },
 *       { WM_NCCALCSIZE, sent|wparam, 0 },
 *       { WM_GETMINMAXINFO, sent|optional },   // may or may not come: skipped if absent
 *       { WM_CREATE, sent },
 *       { 0 }                                  // terminator
 *   };
 *
 *   // in a window procedure, hook or driver proc:
 *   struct message msg = { message, sent | wparam | lparam, wParam, lParam };
 *   add_message(&msg);                         // thread safe
 *
 *   flush_sequence();                          // forget what was recorded so far
 *   msgseq_count(WM_KEYUP);                    // how many WM_KEYUP were recorded so far
 *   hwnd = CreateWindowExA(...);
 *   ok_sequence(create_seq, "CreateWindow", FALSE);   // TRUE: a known gap (todo_wine)
 *
 * Flags.  The "kind" bits (sent, posted, parent, defwinproc, beginpaint, hook, winevent_hook,
 * kbd_hook, driver) must be equal in the expected and the recorded entry.  wparam / lparam in
 * the EXPECTED entry ask for wParam / lParam to be compared too (otherwise they are ignored).
 * optional in the expected entry lets the comparison skip it when the recorded message does
 * not match it.  driver marks an installable-driver message (DRV_*): it is named with the
 * DRV_* table, and wParam / lParam hold DriverProc's lParam1 / lParam2.
 *
 * ok_sequence(expected, context, todo) counts as one check: it passes when the whole sequence
 * matches, else fails once, at the caller's line, describing the FIRST difference, e.g.
 *   msg.c:120: Test failed: CreateWindow: 2: the msg WM_CREATE was expected, but got msg
 *   WM_SIZE instead
 * With todo TRUE the check is todo_wine.  With WINETEST_DEBUG > 1 both sequences are traced
 * on failure.  It then empties the recorded sequence.
 *
 * flush_events() dispatches pending messages until none has arrived for 100 ms (200 ms at
 * most); flush_events_ex(settle_ms, max_ms) chooses the times.  user32 is looked up at run time,
 * so a test exe that does not import user32 (a winmm test) can use this header too: without
 * user32 in the process it only sleeps.
 */

#ifndef USERMM_MSGSEQ_H
#define USERMM_MSGSEQ_H

#include <windows.h>
#include "wine/test.h"
#include "usermm/msgnames.h"

typedef enum
{
    sent = 0x1,
    posted = 0x2,
    parent = 0x4,
    wparam = 0x8,
    lparam = 0x10,
    defwinproc = 0x20,
    beginpaint = 0x40,
    optional = 0x80,
    hook = 0x100,
    winevent_hook = 0x200,
    kbd_hook = 0x400,
    driver = 0x800,
} msg_flags_t;

/* The bits that say how a message arrived, as opposed to how to compare it. */
#define MSGSEQ_KIND_MASK (~(UINT)(wparam | lparam | optional))

struct message
{
    UINT message;
    UINT flags;      /* msg_flags_t bits */
    WPARAM wParam;
    LPARAM lParam;
};

/* The recorded sequence of the test file; every function here takes its lock. */
struct msgseq_state
{
    SRWLOCK lock;        /* protects the fields below */
    struct message *seq; /* HeapAlloc'ed, grown by doubling */
    size_t count;
    size_t size;
};

static inline struct msgseq_state *msgseq_state(void)
{
    /* A function-local static: no "defined but not used" warning in files that include this
     * header without recording anything. */
    static struct msgseq_state state = { SRWLOCK_INIT, NULL, 0, 0 };
    return &state;
}

static inline void add_message(const struct message *msg)
{
    struct msgseq_state *state = msgseq_state();

    AcquireSRWLockExclusive(&state->lock);
    if (state->count == state->size)
    {
        size_t size = state->size ? state->size * 2 : 64;
        struct message *seq = state->seq
                                  ? HeapReAlloc(GetProcessHeap(), 0, state->seq, size * sizeof(*seq))
                                  : HeapAlloc(GetProcessHeap(), 0, size * sizeof(*seq));
        if (!seq)
        {
            ReleaseSRWLockExclusive(&state->lock);
            return;
        }
        state->seq = seq;
        state->size = size;
    }
    state->seq[state->count++] = *msg;
    ReleaseSRWLockExclusive(&state->lock);
}

static inline void flush_sequence(void)
{
    struct msgseq_state *state = msgseq_state();

    AcquireSRWLockExclusive(&state->lock);
    state->count = 0;
    ReleaseSRWLockExclusive(&state->lock);
}

/* How many of the messages recorded so far are `message` (any kind): what a test waiting for
 * input polls. */
static inline size_t msgseq_count(UINT message)
{
    struct msgseq_state *state = msgseq_state();
    size_t i, n = 0;

    AcquireSRWLockShared(&state->lock);
    for (i = 0; i < state->count; i++)
        if (state->seq[i].message == message) n++;
    ReleaseSRWLockShared(&state->lock);
    return n;
}

/* A name for an entry of either kind; buf is used for numbers without a name. */
static inline const char *msgseq_name(const struct message *msg, char *buf, size_t size)
{
    if (msg->flags & driver) return usermm_format_drv_msg(msg->message, buf, size);
    return usermm_format_msg(msg->message, buf, size);
}

static inline void msgseq_dump(const char *file, int line, const char *label,
                               const struct message *seq, size_t count)
{
    char name[64];
    size_t i;

    trace_(file, line)("%s:\n", label);
    for (i = 0; i < count; i++)
        trace_(file, line)("  %u: %s flags %#x wp %#Ix lp %#Ix\n", (unsigned)i,
                           msgseq_name(&seq[i], name, sizeof(name)), seq[i].flags, seq[i].wParam,
                           seq[i].lParam);
}

#define ok_sequence(expected, context, todo) ok_sequence_(expected, context, todo, __FILE__, __LINE__)

static inline void ok_sequence_(const struct message *expected, const char *context, BOOL todo,
                                const char *file, int line)
{
    struct msgseq_state *state = msgseq_state();
    struct message *actual;
    size_t count, exp_count, e = 0, a = 0;
    char diff[512] = "";
    char name1[64], name2[64];

    /* Compare a snapshot: another thread may keep recording while we look. */
    AcquireSRWLockExclusive(&state->lock);
    count = state->count;
    actual = HeapAlloc(GetProcessHeap(), 0, (count ? count : 1) * sizeof(*actual));
    if (actual && count) memcpy(actual, state->seq, count * sizeof(*actual));
    state->count = 0;
    ReleaseSRWLockExclusive(&state->lock);
    if (!actual)
    {
        ok_(file, line)(0, "%s: out of memory\n", context);
        return;
    }

    while (!diff[0] && (expected[e].message || expected[e].flags || a < count))
    {
        const struct message *exp = &expected[e];
        const struct message *act;
        int end_of_expected = !exp->message && !exp->flags;

        if (a == count)
        {
            if (exp->flags & optional)
            {
                e++;
                continue;
            }
            snprintf(diff, sizeof(diff), "%u: the msg sequence is not complete: expected %s - actual none",
                     (unsigned)a, msgseq_name(exp, name1, sizeof(name1)));
            break;
        }
        act = &actual[a];
        if (end_of_expected)
        {
            snprintf(diff, sizeof(diff), "%u: the msg sequence is not complete: expected none - actual %s",
                     (unsigned)a, msgseq_name(act, name2, sizeof(name2)));
            break;
        }
        if (exp->message == act->message && (exp->flags & MSGSEQ_KIND_MASK) == (act->flags & MSGSEQ_KIND_MASK))
        {
            if ((exp->flags & wparam) && exp->wParam != act->wParam)
                snprintf(diff, sizeof(diff), "%u: in msg %s expecting wParam %#Ix got %#Ix", (unsigned)a,
                         msgseq_name(exp, name1, sizeof(name1)), exp->wParam, act->wParam);
            else if ((exp->flags & lparam) && exp->lParam != act->lParam)
                snprintf(diff, sizeof(diff), "%u: in msg %s expecting lParam %#Ix got %#Ix", (unsigned)a,
                         msgseq_name(exp, name1, sizeof(name1)), exp->lParam, act->lParam);
            e++;
            a++;
            continue;
        }
        if (exp->flags & optional)
        {
            e++;
            continue;
        }
        if (exp->message == act->message)
            snprintf(diff, sizeof(diff), "%u: the msg %s was expected with flags %#x, but got flags %#x",
                     (unsigned)a, msgseq_name(exp, name1, sizeof(name1)), exp->flags & MSGSEQ_KIND_MASK,
                     act->flags & MSGSEQ_KIND_MASK);
        else
            snprintf(diff, sizeof(diff), "%u: the msg %s was expected, but got msg %s instead", (unsigned)a,
                     msgseq_name(exp, name1, sizeof(name1)), msgseq_name(act, name2, sizeof(name2)));
    }

    todo_wine_if(todo)
    {
        if (diff[0])
            ok_(file, line)(0, "%s: %s\n", context, diff);
        else
            ok_(file, line)(1, "%s: the msg sequence matched\n", context);
    }

    if (diff[0] && winetest_debug > 1)
    {
        for (exp_count = 0; expected[exp_count].message || expected[exp_count].flags; exp_count++)
            ;
        msgseq_dump(file, line, "expected", expected, exp_count);
        msgseq_dump(file, line, "actual", actual, count);
    }
    HeapFree(GetProcessHeap(), 0, actual);
}

static inline void flush_events_ex(DWORD settle_ms, DWORD max_ms)
{
    typedef DWORD(WINAPI * msgwait_func)(DWORD, const HANDLE *, BOOL, DWORD, DWORD);
    typedef BOOL(WINAPI * peek_func)(MSG *, HWND, UINT, UINT, UINT);
    typedef LRESULT(WINAPI * dispatch_func)(const MSG *);
    HMODULE user32 = GetModuleHandleA("user32.dll");
    msgwait_func msgwait = NULL;
    peek_func peek = NULL;
    dispatch_func dispatch = NULL;
    DWORD start = GetTickCount();
    MSG msg;

    if (user32)
    {
        msgwait = (msgwait_func)(void *)GetProcAddress(user32, "MsgWaitForMultipleObjects");
        peek = (peek_func)(void *)GetProcAddress(user32, "PeekMessageA");
        dispatch = (dispatch_func)(void *)GetProcAddress(user32, "DispatchMessageA");
    }
    if (!msgwait || !peek || !dispatch)
    {
        /* No user32 in this process: nothing can be queued, only give other threads time. */
        Sleep(settle_ms);
        return;
    }

    for (;;)
    {
        DWORD elapsed;

        while (peek(&msg, 0, 0, 0, PM_REMOVE)) dispatch(&msg);
        elapsed = GetTickCount() - start;
        if (elapsed >= max_ms) break;
        /* Input from the X server or another thread may still be on its way: wait until
         * nothing new arrives for settle_ms. */
        if (msgwait(0, NULL, FALSE, settle_ms < max_ms - elapsed ? settle_ms : max_ms - elapsed,
                    QS_ALLINPUT) == WAIT_TIMEOUT)
            break;
    }
}

static inline void flush_events(void)
{
    flush_events_ex(100, 200);
}

#endif /* USERMM_MSGSEQ_H */
