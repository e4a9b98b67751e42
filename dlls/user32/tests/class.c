/*
 * Window classes: registration, lookup, class data, unregistration.
 */
#include "user32test.h"

static LRESULT WINAPI class_proc( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    return DefWindowProcA( hwnd, msg, wp, lp );
}

static void test_register( void )
{
    WNDCLASSEXA cls = { sizeof(cls) }, info = { sizeof(info) };
    WNDCLASSA info_a;
    HINSTANCE inst = GetModuleHandleA( NULL );
    ATOM atom;
    HWND hwnd;
    DWORD err;

    cls.style = CS_DBLCLKS;
    cls.lpfnWndProc = class_proc;
    cls.cbClsExtra = 8;
    cls.cbWndExtra = 4;
    cls.hInstance = inst;
    cls.hbrBackground = (HBRUSH)(COLOR_WINDOW + 1);
    cls.lpszClassName = "ClassTest";
    atom = RegisterClassExA( &cls );
    ok( atom != 0, "RegisterClassEx failed: %lu\n", GetLastError() );
    ok( atom >= 0xc000, "atom %#x\n", atom );

    SetLastError( 0xdeadbeef );
    ok( !RegisterClassExA( &cls ), "registered twice\n" );
    err = GetLastError();
    ok( err == ERROR_CLASS_ALREADY_EXISTS, "error %lu\n", err );

    ok( GetClassInfoExA( inst, "classtest", &info ) == atom, "GetClassInfoEx failed (case?)\n" );
    ok( info.style == CS_DBLCLKS && info.cbClsExtra == 8 && info.cbWndExtra == 4, "wrong class data\n" );
    ok( info.lpfnWndProc == class_proc, "proc %p\n", info.lpfnWndProc );
    ok( info.hbrBackground == (HBRUSH)(COLOR_WINDOW + 1), "brush %p\n", info.hbrBackground );
    ok( GetClassInfoA( inst, (const char *)(ULONG_PTR)atom, &info_a ), "lookup by atom failed\n" );
    /* WNDCLASS is not WNDCLASSEX minus its ends on 64-bit (padding after style): every field. */
    ok( info_a.style == CS_DBLCLKS, "style %#x\n", info_a.style );
    ok( info_a.lpfnWndProc == class_proc, "proc %p\n", info_a.lpfnWndProc );
    ok( info_a.cbClsExtra == 8 && info_a.cbWndExtra == 4, "extra %d %d\n", info_a.cbClsExtra,
        info_a.cbWndExtra );
    ok( info_a.hInstance == inst, "instance %p\n", info_a.hInstance );
    ok( info_a.hbrBackground == (HBRUSH)(COLOR_WINDOW + 1), "brush %p\n", info_a.hbrBackground );

    SetLastError( 0xdeadbeef );
    ok( !GetClassInfoExA( inst, "NoSuchClass", &info ), "found a class that does not exist\n" );
    err = GetLastError();
    ok( err == ERROR_CLASS_DOES_NOT_EXIST, "error %lu\n", err );

    hwnd = CreateWindowExA( 0, "ClassTest", NULL, WS_OVERLAPPED, 0, 0, 10, 10, 0, 0, inst, NULL );
    ok( hwnd != 0, "CreateWindowEx failed\n" );
    ok( GetClassLongA( hwnd, GCL_STYLE ) == CS_DBLCLKS, "GCL_STYLE %#lx\n", GetClassLongA( hwnd, GCL_STYLE ) );
    ok( GetClassLongA( hwnd, GCW_ATOM ) == atom, "GCW_ATOM %#lx\n", GetClassLongA( hwnd, GCW_ATOM ) );
    SetClassLongA( hwnd, 4, 0x77 );
    ok( GetClassLongA( hwnd, 4 ) == 0x77, "class extra bytes lost\n" );
    SetLastError( 0xdeadbeef );
    GetClassLongA( hwnd, 8 );
    ok( GetLastError() == ERROR_INVALID_INDEX, "error %lu\n", GetLastError() );

    /* MSDN UnregisterClass: not while windows of the class exist */
    SetLastError( 0xdeadbeef );
    ok( !UnregisterClassA( "ClassTest", inst ), "unregistered a class with windows\n" );
    err = GetLastError();
    ok( err == ERROR_CLASS_HAS_WINDOWS, "error %lu\n", err );
    DestroyWindow( hwnd );
    ok( UnregisterClassA( "ClassTest", inst ), "UnregisterClass failed: %lu\n", GetLastError() );
    SetLastError( 0xdeadbeef );
    ok( !UnregisterClassA( "ClassTest", inst ), "unregistered twice\n" );
    err = GetLastError();
    ok( err == ERROR_CLASS_DOES_NOT_EXIST, "error %lu\n", err );

    /* an unknown class is ERROR_CANNOT_FIND_WND_CLASS ("Cannot find window class", the error
     * Windows programs report); Wine's builtin gives ERROR_CLASS_DOES_NOT_EXIST */
    SetLastError( 0xdeadbeef );
    ok( !CreateWindowExA( 0, "ClassTest", NULL, WS_OVERLAPPED, 0, 0, 10, 10, 0, 0, inst, NULL ), "created\n" );
    err = GetLastError();
    todo_if( is_builtin_user32() ) ok( err == ERROR_CANNOT_FIND_WND_CLASS, "error %lu\n", err );
}

static void test_invalid( void )
{
    WNDCLASSA cls = { 0 };
    DWORD err;

    cls.lpfnWndProc = class_proc;
    cls.lpszClassName = "ClassTestBad";
    cls.cbWndExtra = -1;
    SetLastError( 0xdeadbeef );
    ok( !RegisterClassA( &cls ), "negative extra bytes accepted\n" );
    err = GetLastError();
    ok( err == ERROR_INVALID_PARAMETER, "error %lu\n", err );
}

static void test_local_global( void )
{
    WNDCLASSA cls = { 0 };
    DWORD err;

    cls.lpfnWndProc = class_proc;
    cls.lpszClassName = "ClassTestGlobal";
    cls.style = CS_GLOBALCLASS;
    ok( RegisterClassA( &cls ), "global class failed: %lu\n", GetLastError() );
    SetLastError( 0xdeadbeef );
    ok( !RegisterClassA( &cls ), "global class registered twice\n" );
    err = GetLastError();
    ok( err == ERROR_CLASS_ALREADY_EXISTS, "error %lu\n", err );
    /* a global class is found from any instance */
    ok( CreateWindowExA( 0, "ClassTestGlobal", NULL, WS_POPUP, 0, 0, 1, 1, 0, 0, (HINSTANCE)0x12340000, NULL ) != 0,
        "global class not found from another instance: %lu\n", GetLastError() );
}

static LRESULT WINAPI class_proc_w( HWND hwnd, UINT msg, WPARAM wp, LPARAM lp )
{
    return DefWindowProcW( hwnd, msg, wp, lp );
}

/* RegisterClassW and GetClassInfoW carry every WNDCLASS field through. */
static void test_register_plain_w( void )
{
    HINSTANCE inst = GetModuleHandleW( NULL );
    WNDCLASSW cls = { 0 }, info;
    ATOM atom;

    cls.style = CS_HREDRAW | CS_VREDRAW;
    cls.lpfnWndProc = class_proc_w;
    cls.cbClsExtra = 16;
    cls.cbWndExtra = 24;
    cls.hInstance = inst;
    cls.hbrBackground = (HBRUSH)(COLOR_BTNFACE + 1);
    cls.lpszMenuName = L"SomeMenu";
    cls.lpszClassName = L"ClassTestPlainW";
    atom = RegisterClassW( &cls );
    ok( atom != 0, "RegisterClassW failed: %lu\n", GetLastError() );

    memset( &info, 0xcc, sizeof(info) );
    ok( GetClassInfoW( inst, L"ClassTestPlainW", &info ), "GetClassInfoW failed: %lu\n", GetLastError() );
    ok( info.style == (CS_HREDRAW | CS_VREDRAW), "style %#x\n", info.style );
    ok( info.lpfnWndProc == class_proc_w, "proc %p\n", info.lpfnWndProc );
    ok( info.cbClsExtra == 16 && info.cbWndExtra == 24, "extra %d %d\n", info.cbClsExtra, info.cbWndExtra );
    ok( info.hInstance == inst, "instance %p\n", info.hInstance );
    ok( info.hbrBackground == (HBRUSH)(COLOR_BTNFACE + 1), "brush %p\n", info.hbrBackground );
    ok( info.lpszMenuName && !lstrcmpW( info.lpszMenuName, L"SomeMenu" ), "menu %s\n",
        wine_dbgstr_w(info.lpszMenuName) );
    ok( UnregisterClassW( L"ClassTestPlainW", inst ), "UnregisterClassW failed: %lu\n", GetLastError() );
}

/* GCL_CBWNDEXTRA takes what RegisterClass would: a negative size is refused, not stored and
 * handed back sign-extended by GetClassLongPtr (0xffffffffffffffff on 64-bit). */
static void test_set_wnd_extra( void )
{
    static const LONG bad[] = { -1, (LONG)0x80000000, 40001 };
    WNDCLASSA cls = { 0 };
    ULONG_PTR ret;
    HWND hwnd;
    UINT i;

    cls.lpfnWndProc = class_proc;
    cls.lpszClassName = "ClassTestWndExtra";
    cls.cbWndExtra = 16;
    ok( RegisterClassA( &cls ), "RegisterClass failed: %lu\n", GetLastError() );
    hwnd = CreateWindowExA( 0, "ClassTestWndExtra", NULL, WS_POPUP, 0, 0, 1, 1, 0, 0, 0, NULL );
    ok( hwnd != 0, "CreateWindowEx failed: %lu\n", GetLastError() );
    for (i = 0; i < ARRAY_SIZE(bad); i++)
    {
        SetLastError( 0xdeadbeef );
        ret = SetClassLongW( hwnd, GCL_CBWNDEXTRA, bad[i] );
        ok( !ret && GetLastError() == ERROR_INVALID_PARAMETER, "SetClassLong(%ld) returned %#Ix, error %lu\n",
            bad[i], ret, GetLastError() );
        SetLastError( 0xdeadbeef );
        ret = SetClassLongPtrW( hwnd, GCL_CBWNDEXTRA, bad[i] );
        ok( !ret && GetLastError() == ERROR_INVALID_PARAMETER, "SetClassLongPtr(%ld) returned %#Ix, error %lu\n",
            bad[i], ret, GetLastError() );
        ret = GetClassLongPtrW( hwnd, GCL_CBWNDEXTRA );
        ok( ret == 16, "after %ld: GCL_CBWNDEXTRA %#Ix\n", bad[i], ret );
    }
    ret = SetClassLongPtrW( hwnd, GCL_CBWNDEXTRA, 100 );
    ok( ret == 16, "SetClassLongPtr(100) returned %#Ix\n", ret );
    ok( GetClassLongPtrW( hwnd, GCL_CBWNDEXTRA ) == 100, "GCL_CBWNDEXTRA %#Ix\n",
        GetClassLongPtrW( hwnd, GCL_CBWNDEXTRA ) );
    DestroyWindow( hwnd );
    ok( UnregisterClassA( "ClassTestWndExtra", NULL ), "UnregisterClass failed: %lu\n", GetLastError() );
}

START_TEST(class)
{
    test_register();
    test_register_plain_w();
    test_invalid();
    test_local_global();
    test_set_wnd_extra();
}
