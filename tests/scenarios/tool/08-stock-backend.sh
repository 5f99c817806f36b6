# rig-timeout: 300
# With the stock LIO xen-scsiback: p-dev values for the three pdev forms
# are written as documented (the WWN:lun form unchanged); the stock backend
# only understands its own naa.X:lun, so that LUN connects and the h:c:t:l
# ones are refused by it (LUN state Closed).  Hot-add and remove of another
# LIO export on the running guest.
. /rig/scenarios/lib-tool.sh
tool_backend stock
tool_sdebug 4
h1=$(sdebug_hctl 1) && h2=$(sdebug_hctl 2) && h3=$(sdebug_hctl 3) &&
	h4=$(sdebug_hctl 4) || die "no disks"
d1=$(hctl_blockdev "$h1") || die "no block device for $h1"
p4=$(lio_export "$h4") || die "lio export $h4: $p4"
p3=$(lio_export "$h3") || die "lio export $h3: $p3"
tool_cfg st tool-watch "" "vscsi = [ '$d1,0:0:0:0', '$h2,0:0:1:0', '$p4,0:0:2:0' ]"
pvscsi create /tmp/st.cfg || die "create"
id=$(xl domid st) || die "no domain"
b=$BACKEND_ROOT/$id/0/vscsi-devs
[ "$(xenstore-read "$b/dev-0/p-dev")" = "$h1" ] && [ "$(xenstore-read "$b/dev-1/p-dev")" = "$h2" ] &&
	[ "$(xenstore-read "$b/dev-2/p-dev")" = "$p4" ] || die "p-dev values: $(xenstore-ls -f "$b")"
tool_wait_luns st "0:2:0" 120 || die "guest did not see the LIO LUN"
vscsi_wait "$id" 0 4 30 || die "vhost not connected"
vscsi_wait "$id" 0 4 10 2 || die "LIO LUN not connected"
show "stock: p-devs $h1 / $h2 / $p4 (unchanged); states $(xenstore-read "$b/dev-0/state")/$(xenstore-read "$b/dev-1/state")/$(xenstore-read "$b/dev-2/state"); guest sees 0:2:0"
pvscsi attach st "$p3" 0:0:3:0 --timeout 90 || die "hot-add $p3"
tool_wait_luns st "0:2:0 0:3:0" 30 || die "guest did not see 0:3:0"
[ "$(xenstore-read "$b/dev-3/p-dev")" = "$p3" ] || die "dev-3 p-dev"
pvscsi detach st 0:0:3:0 --timeout 90 || die "hot-remove 0:0:3:0"
tool_wait_luns st "0:2:0" 30 || die "0:3:0 still seen"
xenstore-exists "$b/dev-3" && die "dev-3 left"
tool_fails "vscsi entry '$p3,0:0:2:0': vdev 0:0:2:0 is already in use" pvscsi attach st "$p3" 0:0:2:0
show "stock: hot-add and remove of $p3 at 0:0:3:0 ok"
