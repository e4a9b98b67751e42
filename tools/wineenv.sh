# Sourced by tools/runtest, tools/rundemo and tools/bench/run: the private Wine prefix of the
# build tree and an Xvfb of our own when there is no DISPLAY.
#   usermm_prefix            export WINEPREFIX ($USERMM_PREFIX, default $top/.wineprefix), create
#                            it once (crash dialog off, no Mono/Gecko prompts), take its lock
#   usermm_start_xvfb LOG    export DISPLAY from a new Xvfb unless one is set; usermm_stop_xvfb
#                            stops only the Xvfb we started
# Wine's output goes to files, never through a pipe: its background processes would hold the
# pipe open and the reader would never see EOF.

usermm_prefix() {
    export WINEPREFIX=${USERMM_PREFIX:-$top/.wineprefix}
    export WINEARCH=win64
    mkdir -p "$WINEPREFIX"
    # One user of the prefix at a time: the wineserver is stopped at the end of each run.
    exec 9>"$WINEPREFIX/.usermm.lock"
    flock 9
    [ -f "$WINEPREFIX/.usermm-ready" ] && return 0
    echo "creating the Wine prefix $WINEPREFIX (once)"
    WINEDLLOVERRIDES="mscoree,mshtml=" WINEDEBUG=-all timeout 300 wine wineboot -i \
        > "$WINEPREFIX/.wineboot.log" 2>&1
    WINEDEBUG=-all timeout 60 wine reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog \
        /t REG_DWORD /d 0 /f >> "$WINEPREFIX/.wineboot.log" 2>&1
    timeout 60 wineserver -w
    touch "$WINEPREFIX/.usermm-ready"
}

usermm_xvfb_pid=
usermm_start_xvfb() {
    [ -n "${DISPLAY:-}" ] && return 0
    command -v Xvfb > /dev/null || { echo "no DISPLAY and no Xvfb: running without X"; return 0; }
    local n
    for n in $(seq 90 140); do
        [ -e /tmp/.X$n-lock ] || [ -e /tmp/.X11-unix/X$n ] || break
    done
    # -noreset: by default an X server resets when its last client disconnects, and a client
    # connecting meanwhile is refused (ECONNRESET); between two test processes, or a driver
    # shut down and started again, that is a failed XOpenDisplay.
    Xvfb :$n -screen 0 1024x768x24 -nolisten tcp -noreset > "${1:-/dev/null}" 2>&1 &
    usermm_xvfb_pid=$!
    for _ in $(seq 100); do
        [ -e /tmp/.X11-unix/X$n ] && break
        kill -0 $usermm_xvfb_pid 2> /dev/null || break
        sleep 0.05
    done
    if [ -e /tmp/.X11-unix/X$n ]; then
        export DISPLAY=:$n
    else
        echo "Xvfb did not start (see ${1:-its log})"
        usermm_xvfb_pid=
    fi
}

usermm_stop_xvfb() {
    [ -n "$usermm_xvfb_pid" ] && kill "$usermm_xvfb_pid" 2> /dev/null
    usermm_xvfb_pid=
}
