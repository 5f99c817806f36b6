# rig-timeout: 200
# pvscsi create when something fails after `xl create -p`: the domain is
# destroyed and no vscsi node is left.  An xl wrapper (PVSCSI_XL) breaks
# things on purpose: a conflicting backend node appears right after the
# create, or the unpause fails.  Also: `-p` among the xl options keeps the
# guest paused, and concurrent pvscsi runs on one guest are serialised.
. /rig/scenarios/lib-tool.sh
tool_backend ours
tool_sdebug 4
h1=$(sdebug_hctl 1) && h2=$(sdebug_hctl 2) || die "no disks"
cat >/tmp/xl-wrap <<'W'
#!/bin/sh
if [ "$1" = unpause ] && [ -n "$WRAP_FAIL_UNPAUSE" ]; then
	echo "xl-wrap: unpause refused" >&2
	exit 1
fi
xl "$@" || exit
if [ "$1" = create ] && [ -n "$WRAP_CONFLICT" ]; then
	xenstore-write "/local/domain/0/backend/vscsi/$(xl domid "$WRAP_CONFLICT")/0/frontend" x
fi
W
chmod +x /tmp/xl-wrap
tool_cfg cf tool-watch "" "vscsi = [ '$h1,0:0:0:0' ]"

# failing: pvscsi create of cf must fail, destroy cf and leave nothing.
failing() {
	_before=$(tool_snap)
	PVSCSI_XL=/tmp/xl-wrap pvscsi create /tmp/cf.cfg >/tmp/cf.out 2>&1 &&
		die "create succeeded: $(cat /tmp/cf.out)"
	grep -q "pvscsi: destroying domain cf" /tmp/cf.out || die "no destroy message: $(cat /tmp/cf.out)"
	xl domid cf >/dev/null 2>&1 && die "domain cf still exists"
	[ "$(tool_snap)" = "$_before" ] || die "xenstore changed: $(tool_snap)"
	log "$(cat /tmp/cf.out)"
}
export WRAP_CONFLICT=cf
failing
unset WRAP_CONFLICT
grep -q "vhost 0 of domain [0-9]* already exists" /tmp/cf.out || die "no conflict message"
export WRAP_FAIL_UNPAUSE=1
failing
unset WRAP_FAIL_UNPAUSE
show "create failures: conflicting node after xl create, failed unpause -> domain destroyed, xenstore as before"

pvscsi create /tmp/cf.cfg -p memory=160 || die "create -p memory=160"
xl list cf | awk 'NR == 2 { exit !($5 ~ /p/ && $3 == 160) }' ||
	die "cf not paused with 160 MiB: $(xl list cf)"
[ "$(tool_node "$(xl domid cf)" 0 vscsi-devs/dev-0/p-dev)" = "$h1" ] || die "no LUN on the paused guest"
xl destroy cf
pvscsi cleanup >/dev/null
show "create -p memory=160: xl option and override passed on, guest left paused with its vscsi nodes"

guest_create par tool-watch
id=$DOMID
guest_unpause par
guest_wait par "RIG-WATCH ready" 120 || die "guest"
pvscsi attach par "$h1" 0:0:0:0 --timeout 90 >/tmp/a1 2>&1 &
a1=$!
pvscsi attach par "$h2" 0:0:1:0 --timeout 90 >/tmp/a2 2>&1 &
a2=$!
wait $a1 || die "concurrent attach 1: $(cat /tmp/a1)"
wait $a2 || die "concurrent attach 2: $(cat /tmp/a2)"
[ "$(xenstore-list "$BACKEND_ROOT/$id")" = 0 ] || die "more than one vhost: $(xenstore-list "$BACKEND_ROOT/$id")"
tool_wait_luns par "0:0:0 0:1:0" 30 || die "guest LUNs"
pvscsi detach par 0:0:0:0 --timeout 90 >/tmp/a1 2>&1 &
a1=$!
pvscsi detach par 0:0:1:0 --timeout 90 >/tmp/a2 2>&1 &
a2=$!
wait $a1 || die "concurrent detach 1: $(cat /tmp/a1)"
wait $a2 || die "concurrent detach 2: $(cat /tmp/a2)"
tool_wait_luns par none 30 || die "LUNs left"
tool_clean "$id"
show "concurrent: two attaches share vhost 0, two detaches remove it; xenstore clean"
