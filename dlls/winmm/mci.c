/*
 * MCI (Media Control Interface): the error texts, and the command entry points msvfw32's
 * MCIWnd imports. No MCI device is available through this winmm: every command fails with
 * MCIERR_UNSUPPORTED_FUNCTION, which MCI clients report as "not supported" and carry on.
 */

#include "winmm_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(mci);

/* Our own wording of what each error means. */
static const struct
{
    DWORD code;
    const WCHAR *text;
} mci_errors[] =
{
    { MCIERR_INVALID_DEVICE_ID,      L"The MCI device identifier is not valid." },
    { MCIERR_UNRECOGNIZED_KEYWORD,   L"The command contains a keyword the device does not know." },
    { MCIERR_UNRECOGNIZED_COMMAND,   L"The command is not known to the device." },
    { MCIERR_HARDWARE,               L"The device reported a hardware problem." },
    { MCIERR_INVALID_DEVICE_NAME,    L"No MCI device of that name is open or installed." },
    { MCIERR_OUT_OF_MEMORY,          L"There is not enough memory to carry out the command." },
    { MCIERR_DEVICE_OPEN,            L"That device name is already in use in this program." },
    { MCIERR_CANNOT_LOAD_DRIVER,     L"The device driver could not be loaded." },
    { MCIERR_MISSING_COMMAND_STRING, L"The command string is empty." },
    { MCIERR_MISSING_PARAMETER,      L"The command needs a parameter that is missing." },
    { MCIERR_UNSUPPORTED_FUNCTION,   L"The device does not support this command." },
    { MCIERR_FILE_NOT_FOUND,         L"The file could not be found." },
    { MCIERR_DEVICE_NOT_READY,       L"The device is not ready." },
    { MCIERR_INTERNAL,               L"An internal MCI error occurred." },
    { MCIERR_DRIVER,                 L"The device driver reported an error." },
    { MCIERR_OUTOFRANGE,             L"A parameter is out of range for this command." },
    { MCIERR_FLAGS_NOT_COMPATIBLE,   L"The command's flags cannot be used together." },
    { MCIERR_INVALID_FILE,           L"The file is not in a format the device can use." },
    { MCIERR_NULL_PARAMETER_BLOCK,   L"The command needs a parameter block and none was given." },
    { MCIERR_DEVICE_NOT_INSTALLED,   L"The device is not installed." },
    { MCIERR_NO_WINDOW,              L"The device has no display window." },
    { MCIERR_FILE_READ,              L"The file could not be read." },
    { MCIERR_FILE_WRITE,             L"The file could not be written." },
};

static const WCHAR *mci_error_text( DWORD code )
{
    unsigned int i;
    for (i = 0; i < ARRAY_SIZE(mci_errors); i++)
        if (mci_errors[i].code == code) return mci_errors[i].text;
    return NULL;
}

/***********************************************************************
 *      mciGetErrorStringW   (WINMM.@)
 *
 * MSDN: TRUE if successful, FALSE if the error code is not known. The text is truncated to fit.
 */
BOOL WINAPI mciGetErrorStringW( MCIERROR code, LPWSTR buffer, UINT len )
{
    const WCHAR *text = mci_error_text( code );
    BOOL ret = FALSE;

    TRACE( "(%lu, %p, %u)\n", code, buffer, len );
    if (buffer && len)
    {
        *buffer = 0;
        if (text)
        {
            lstrcpynW( buffer, text, len );
            ret = TRUE;
        }
    }
    TRACE( "returning %d\n", ret );
    return ret;
}

/***********************************************************************
 *      mciGetErrorStringA   (WINMM.@)
 */
BOOL WINAPI mciGetErrorStringA( MCIERROR code, LPSTR buffer, UINT len )
{
    const WCHAR *text = mci_error_text( code );
    BOOL ret = FALSE;

    TRACE( "(%lu, %p, %u)\n", code, buffer, len );
    if (buffer && len)
    {
        *buffer = 0;
        if (text && WideCharToMultiByte( CP_ACP, 0, text, -1, buffer, len, NULL, NULL )) ret = TRUE;
        else if (text)
        {
            /* too small: truncated, as the W function does */
            buffer[len - 1] = 0;
            ret = TRUE;
        }
    }
    TRACE( "returning %d\n", ret );
    return ret;
}

/***********************************************************************
 *      mciSendCommandW   (WINMM.@)
 */
MCIERROR WINAPI mciSendCommandW( MCIDEVICEID device, UINT msg, DWORD_PTR flags, DWORD_PTR params )
{
    FIXME( "(%u, %#x, %#Ix, %#Ix): no MCI devices\n", device, msg, flags, params );
    return MCIERR_UNSUPPORTED_FUNCTION;
}

/***********************************************************************
 *      mciSendCommandA   (WINMM.@)
 */
MCIERROR WINAPI mciSendCommandA( MCIDEVICEID device, UINT msg, DWORD_PTR flags, DWORD_PTR params )
{
    FIXME( "(%u, %#x, %#Ix, %#Ix): no MCI devices\n", device, msg, flags, params );
    return MCIERR_UNSUPPORTED_FUNCTION;
}

/***********************************************************************
 *      mciSendStringW   (WINMM.@)
 */
MCIERROR WINAPI mciSendStringW( LPCWSTR command, LPWSTR ret, UINT len, HWND callback )
{
    FIXME( "(%s, %p, %u, %p): no MCI devices\n", debugstr_w(command), ret, len, callback );
    if (!command) return MCIERR_MISSING_COMMAND_STRING;
    if (ret && len) *ret = 0;
    return MCIERR_UNSUPPORTED_FUNCTION;
}

/***********************************************************************
 *      mciSendStringA   (WINMM.@)
 */
MCIERROR WINAPI mciSendStringA( LPCSTR command, LPSTR ret, UINT len, HWND callback )
{
    FIXME( "(%s, %p, %u, %p): no MCI devices\n", debugstr_a(command), ret, len, callback );
    if (!command) return MCIERR_MISSING_COMMAND_STRING;
    if (ret && len) *ret = 0;
    return MCIERR_UNSUPPORTED_FUNCTION;
}
