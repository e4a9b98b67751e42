/*
 * BroadcastSystemMessage(Ex)A/W.
 *
 * MSDN BroadcastSystemMessageEx: recipients are served in a fixed order — system device
 * drivers, network drivers, installable drivers, applications — and a BSF_QUERY recipient that
 * answers BROADCAST_QUERY_DENY stops the broadcast. An in-process user32 has no device or
 * network drivers to reach; installable drivers are those winmm has open in this process,
 * reached through winmm's __usermm_DriverBroadcast (looked up at run time: Wine's builtin
 * winmm has no such entry point, and a process that never loaded winmm has no driver open);
 * applications are this process's top-level windows.
 */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(msg);

#define BSF_KNOWN (BSF_QUERY | BSF_IGNORECURRENTTASK | BSF_FLUSHDISK | BSF_NOHANG | BSF_POSTMESSAGE | \
                   BSF_FORCEIFHUNG | BSF_NOTIMEOUTIFNOTHUNG | BSF_ALLOWSFW | BSF_SENDNOTIFYMESSAGE | \
                   BSF_RETURNHDESK | BSF_LUID)
#define BSM_KNOWN (BSM_VXDS | BSM_NETDRIVER | BSM_INSTALLABLEDRIVERS | BSM_APPLICATIONS | BSM_ALLDESKTOPS)

/* How long each application may take to answer a sent broadcast (Wine's observable value;
 * Microsoft's documentation gives none). */
#define BROADCAST_TIMEOUT 2000

typedef DWORD (WINAPI *driver_broadcast_func)( UINT msg, LPARAM lparam1, LPARAM lparam2 );

/* The installable drivers open in this process: how many got the message. */
static DWORD broadcast_to_drivers( UINT msg, WPARAM wparam, LPARAM lparam )
{
    HMODULE winmm = GetModuleHandleW( L"winmm.dll" );
    driver_broadcast_func func;

    if (!winmm) return 0; /* winmm not loaded: no driver can be open */
    if (!(func = (driver_broadcast_func)GetProcAddress( winmm, "__usermm_DriverBroadcast" )))
    {
        FIXME( "this winmm cannot broadcast to its drivers\n" );
        return 0;
    }
    check_not_locked();
    return func( msg, wparam, lparam );
}

/* What a window's answer means for the rest of the broadcast. */
enum broadcast_next
{
    BROADCAST_CONTINUE,
    BROADCAST_DENIED,  /* a BSF_QUERY denied or unanswered: stop, the broadcast returns 0 */
    BROADCAST_STOP,    /* BSF_NOHANG and the window timed out or hung: stop, but no denial */
};

/* One top-level window. */
static enum broadcast_next broadcast_to_window( HWND hwnd, DWORD flags, UINT msg, WPARAM wparam, LPARAM lparam,
                                                BOOL unicode )
{
    UINT smto = SMTO_NORMAL;
    DWORD_PTR result = 0;
    BOOL ret;

    if (flags & BSF_POSTMESSAGE)
    {
        /* nothing to answer: a posted broadcast is never denied */
        if (unicode) PostMessageW( hwnd, msg, wparam, lparam );
        else PostMessageA( hwnd, msg, wparam, lparam );
        return BROADCAST_CONTINUE;
    }
    if ((flags & BSF_SENDNOTIFYMESSAGE) && !(flags & BSF_QUERY))
    {
        if (unicode) SendNotifyMessageW( hwnd, msg, wparam, lparam );
        else SendNotifyMessageA( hwnd, msg, wparam, lparam );
        return BROADCAST_CONTINUE;
    }
    if (flags & (BSF_NOHANG | BSF_FORCEIFHUNG)) smto |= SMTO_ABORTIFHUNG;
    if (flags & BSF_NOTIMEOUTIFNOTHUNG) smto |= SMTO_NOTIMEOUTIFNOTHUNG;
    ret = unicode ? SendMessageTimeoutW( hwnd, msg, wparam, lparam, smto, BROADCAST_TIMEOUT, &result )
                  : SendMessageTimeoutA( hwnd, msg, wparam, lparam, smto, BROADCAST_TIMEOUT, &result );
    if (!ret)
    {
        /* MSDN BSF_FORCEIFHUNG: "Continues to broadcast the message, even if the time-out
         * period elapses or one of the recipients is not responding" */
        if (flags & BSF_FORCEIFHUNG) return BROADCAST_CONTINUE;
        if (flags & BSF_QUERY)
        {
            WARN( "%p did not answer the query\n", hwnd );
            return BROADCAST_DENIED;
        }
        /* MSDN BSF_NOHANG: "If one of the recipients times out, do not continue broadcasting
         * the message" */
        if (flags & BSF_NOHANG)
        {
            WARN( "%p timed out: the broadcast stops\n", hwnd );
            return BROADCAST_STOP;
        }
        return BROADCAST_CONTINUE;
    }
    if ((flags & BSF_QUERY) && result == BROADCAST_QUERY_DENY)
    {
        TRACE( "%p denied the query\n", hwnd );
        return BROADCAST_DENIED;
    }
    return BROADCAST_CONTINUE;
}

static LONG broadcast_system_message( DWORD flags, DWORD *recipients, UINT msg, WPARAM wparam, LPARAM lparam,
                                      BSMINFO *info, BOOL unicode )
{
    DWORD targets = recipients ? *recipients : BSM_ALLCOMPONENTS, reached = 0;
    HWND *list;
    UINT i;

    if (flags & ~BSF_KNOWN)
    {
        WARN( "unknown flags %#lx\n", flags & ~BSF_KNOWN );
        SetLastError( ERROR_INVALID_PARAMETER );
        return -1;
    }
    if (targets & ~BSM_KNOWN)
    {
        WARN( "unknown recipients %#lx\n", targets & ~BSM_KNOWN );
        SetLastError( ERROR_INVALID_PARAMETER );
        return -1;
    }
    if (info && info->cbSize != sizeof(*info))
    {
        WARN( "invalid BSMINFO size %u\n", info->cbSize );
        SetLastError( ERROR_INVALID_PARAMETER );
        return -1;
    }
    if (flags & BSF_LUID) FIXME( "BSF_LUID: sessions are not distinguished\n" );
    if (!targets) targets = BSM_VXDS | BSM_NETDRIVER | BSM_INSTALLABLEDRIVERS | BSM_APPLICATIONS;

    /* the documented order: device drivers and network drivers (none here), installable
     * drivers, applications */
    if ((targets & BSM_INSTALLABLEDRIVERS) && broadcast_to_drivers( msg, wparam, lparam ))
        reached |= BSM_INSTALLABLEDRIVERS;

    if ((targets & (BSM_APPLICATIONS | BSM_ALLDESKTOPS)) && !(flags & BSF_IGNORECURRENTTASK) &&
        (list = list_top_level_windows()))
    {
        for (i = 0; list[i]; i++)
        {
            enum broadcast_next next;

            if (!IsWindow( list[i] )) continue;
            next = broadcast_to_window( list[i], flags, msg, wparam, lparam, unicode );
            if (next == BROADCAST_CONTINUE)
            {
                reached |= BSM_APPLICATIONS;
                continue;
            }
            if (next == BROADCAST_STOP) break; /* not a denial: the broadcast succeeded so far */
            if (info)
            {
                info->hdesk = NULL;
                info->hwnd = list[i];
                info->luid.LowPart = 0;
                info->luid.HighPart = 0;
            }
            HeapFree( GetProcessHeap(), 0, list );
            if (recipients) *recipients = reached;
            return 0;
        }
        HeapFree( GetProcessHeap(), 0, list );
    }
    /* MSDN: the variable receives the recipients that actually got the message */
    if (recipients) *recipients = reached;
    return 1;
}

/***********************************************************************
 *      BroadcastSystemMessageExW (USER32.@)
 */
LONG WINAPI BroadcastSystemMessageExW( DWORD flags, DWORD *recipients, UINT msg, WPARAM wparam, LPARAM lparam,
                                       BSMINFO *info )
{
    TRACE( "%#lx %#lx %s %#Ix %#Ix %p\n", flags, recipients ? *recipients : 0, debugstr_msg_name( msg ), wparam,
           lparam, info );
    return broadcast_system_message( flags, recipients, msg, wparam, lparam, info, TRUE );
}

/***********************************************************************
 *      BroadcastSystemMessageExA (USER32.@)
 */
LONG WINAPI BroadcastSystemMessageExA( DWORD flags, DWORD *recipients, UINT msg, WPARAM wparam, LPARAM lparam,
                                       BSMINFO *info )
{
    TRACE( "%#lx %#lx %s %#Ix %#Ix %p\n", flags, recipients ? *recipients : 0, debugstr_msg_name( msg ), wparam,
           lparam, info );
    return broadcast_system_message( flags, recipients, msg, wparam, lparam, info, FALSE );
}

/***********************************************************************
 *      BroadcastSystemMessageW (USER32.@)
 */
LONG WINAPI BroadcastSystemMessageW( DWORD flags, DWORD *recipients, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%#lx %#lx %s %#Ix %#Ix\n", flags, recipients ? *recipients : 0, debugstr_msg_name( msg ), wparam, lparam );
    return broadcast_system_message( flags, recipients, msg, wparam, lparam, NULL, TRUE );
}

/***********************************************************************
 *      BroadcastSystemMessageA (USER32.@)
 */
LONG WINAPI BroadcastSystemMessageA( DWORD flags, DWORD *recipients, UINT msg, WPARAM wparam, LPARAM lparam )
{
    TRACE( "%#lx %#lx %s %#Ix %#Ix\n", flags, recipients ? *recipients : 0, debugstr_msg_name( msg ), wparam, lparam );
    return broadcast_system_message( flags, recipients, msg, wparam, lparam, NULL, FALSE );
}
