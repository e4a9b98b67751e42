/*
 * Tests of include/usermm/msgnames.h: names and the fallback formats.
 */

#include <stdarg.h>
#include <string.h>
#include <windows.h>
#include <mmsystem.h>

#include "wine/test.h"
#include "usermm/msgnames.h"

static void check_name_(const char *file, int line, const char *got, const char *expect)
{
    ok_(file, line)(got && !strcmp(got, expect), "got %s, expected %s\n", got ? got : "(null)", expect);
}
#define check_name(got, expect) check_name_(__FILE__, __LINE__, got, expect)

static void test_names(void)
{
    check_name(usermm_msg_name(WM_NULL), "WM_NULL");
    check_name(usermm_msg_name(WM_CREATE), "WM_CREATE");
    check_name(usermm_msg_name(WM_KEYDOWN), "WM_KEYDOWN");
    check_name(usermm_msg_name(WM_MOUSEMOVE), "WM_MOUSEMOVE");
    check_name(usermm_msg_name(WM_SETTINGCHANGE), "WM_WININICHANGE");
    check_name(usermm_msg_name(WM_NCXBUTTONDBLCLK), "WM_NCXBUTTONDBLCLK");
    check_name(usermm_msg_name(WM_MOUSEHWHEEL), "WM_MOUSEHWHEEL");
    check_name(usermm_msg_name(WM_CLIPBOARDUPDATE), "WM_CLIPBOARDUPDATE");
    check_name(usermm_msg_name(WM_GETTITLEBARINFOEX), "WM_GETTITLEBARINFOEX");
    ok(!usermm_msg_name(0x003f), "0x3f has a name\n");
    ok(!usermm_msg_name(WM_USER), "WM_USER has a name\n");
    ok(!usermm_msg_name(0xc000), "0xc000 has a name\n");

    check_name(usermm_drv_msg_name(DRV_LOAD), "DRV_LOAD");
    check_name(usermm_drv_msg_name(DRV_POWER), "DRV_POWER");
    check_name(usermm_drv_msg_name(DRV_RESERVED + 11), "DRV_PNPINSTALL");
    ok(!usermm_drv_msg_name(DRV_USER), "DRV_USER has a name\n");
    ok(!usermm_drv_msg_name(0x000d), "0x000d has a name\n");
}

static void test_format(void)
{
    char buf[64];

    check_name(usermm_format_msg(WM_PAINT, buf, sizeof(buf)), "WM_PAINT");
    check_name(usermm_format_msg(WM_USER, buf, sizeof(buf)), "WM_USER+0");
    check_name(usermm_format_msg(WM_USER + 5, buf, sizeof(buf)), "WM_USER+5");
    check_name(usermm_format_msg(WM_APP + 2, buf, sizeof(buf)), "WM_APP+2");
    check_name(usermm_format_msg(0xc0a1, buf, sizeof(buf)), "registered 0xC0A1");
    check_name(usermm_format_msg(0x003f, buf, sizeof(buf)), "0x003f");
    check_name(usermm_format_msg(0x12345, buf, sizeof(buf)), "0x12345");
    check_name(usermm_format_drv_msg(DRV_CLOSE, buf, sizeof(buf)), "DRV_CLOSE");
    check_name(usermm_format_drv_msg(DRV_USER + 3, buf, sizeof(buf)), "DRV_USER+3");
    check_name(usermm_format_drv_msg(DRV_RESERVED + 0x20, buf, sizeof(buf)), "DRV_RESERVED+0x20");
    check_name(usermm_format_drv_msg(0x000d, buf, sizeof(buf)), "0x000d");
}

START_TEST(msgnames)
{
    test_names();
    test_format();
}
