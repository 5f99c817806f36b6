# rig-timeout: 300
# Hot-add and hot-remove on a running guest with our backend and the stock
# frontend: a first LUN creates vhost 0, a second one joins it through the
# Reconfiguring dance, another vdev host makes vhost 1; detaching removes
# LUNs, the last LUN of a vhost tears the vhost down, and a vhost can be
# created again afterwards.
. /rig/scenarios/lib-tool.sh
tool_backend ours
tool_sdebug 4
h1=$(sdebug_hctl 1) && h2=$(sdebug_hctl 2) && h3=$(sdebug_hctl 3) || die "no disks"
d1=$(hctl_blockdev "$h1") || die "no block device for $h1"
w3=$(wwid_of "$h3")
guest_create hot tool-watch
id=$DOMID
guest_unpause hot
guest_wait hot "RIG-WATCH ready" 120 || die "guest did not start"
tool_wait_luns hot none 30 || die "guest has LUNs already"

pvscsi attach hot "$d1" 0:0:0:0 --timeout 90 || die "attach $d1"
tool_wait_luns hot "0:0:0" 30 || die "guest did not see 0:0:0"
[ "$(tool_node "$id" 0 vscsi-devs/dev-0/p-dev)" = "$h1" ] || die "dev-0 p-dev"
pvscsi attach "$id" "$h2" 0:0:1:0 --timeout 90 || die "attach $h2 (dance)"
tool_wait_luns hot "0:0:0 0:1:0" 30 || die "guest did not see 0:1:0"
[ "$(tool_node "$id" 0 vscsi-devs/dev-1/state)" = 4 ] && [ "$(tool_node "$id" 0 state)" = 4 ] ||
	die "dev-1 or vhost 0 not Connected"
pvscsi attach hot "$w3" 1:0:3:0 --timeout 90 || die "attach $w3 (vhost 1)"
tool_wait_luns hot "0:0:0 0:1:0 0:3:0" 30 || die "guest did not see 0:3:0"
[ "$(tool_node "$id" 1 libxl_ctrl_index)" = 1 ] || die "vhost 1 ctrl index"
[ "$(tool_guest_wwid hot 0:3:0)" = "$w3" ] || die "0:3:0 is not $w3"
pvscsi list -m hot >/tmp/list.txt || die "list -m"
while read -r line; do show "list -m: $line"; done </tmp/list.txt
[ "$(wc -l </tmp/list.txt)" -eq 3 ] || die "list -m: $(cat /tmp/list.txt)"
show "attach: vhost 0 <- $d1 (new vhost), $h2 (Reconfiguring); vhost 1 <- $w3"

pvscsi detach hot 0:0:0:0 --timeout 90 || die "detach 0:0:0:0"
tool_wait_luns hot "0:1:0 0:3:0" 30 || die "0:0:0 still seen"
xenstore-exists "$BACKEND_ROOT/$id/0/vscsi-devs/dev-0" && die "dev-0 nodes left"
[ "$(tool_node "$id" 0 state)" = 4 ] || die "vhost 0 not back to Connected"
pvscsi detach hot 0:0:1:0 --timeout 90 || die "detach 0:0:1:0 (last of vhost 0)"
tool_wait_luns hot "0:3:0" 30 || die "0:1:0 still seen"
xenstore-exists "$BACKEND_ROOT/$id/0" && die "vhost 0 backend left"
xenstore-exists "/local/domain/$id/device/vscsi/0" && die "vhost 0 frontend left"
pvscsi detach hot 1:0:3:0 --timeout 90 || die "detach 1:0:3:0"
tool_wait_luns hot none 30 || die "LUNs left in the guest"
tool_clean "$id"
show "detach: LUN by LUN, last LUN of each vhost removes the vhost; xenstore clean"

pvscsi attach hot "$h2" 0:0:2:0 --timeout 90 || die "attach after teardown"
tool_wait_luns hot "0:2:0" 60 || die "guest did not see 0:2:0 on a new vhost 0"
pvscsi detach hot 0:0:2:0 --timeout 90 || die "final detach"
tool_wait_luns hot none 30 || die "0:2:0 still seen"
tool_clean "$id"
show "re-attach after teardown ok"
