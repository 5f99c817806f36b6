# rig-timeout: 240
# LUN hot-add (state 7/8, dev 1->3->4) and hot-remove (dev 5->6) on a
# connected stock frontend.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=16 num_tgts=2
p1=$(sdebug_hctl 1) && p2=$(sdebug_hctl 2) || die "need 2 scsi_debug disks"
guest_create hp back-hotplug 0:2:5
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$p1" 0:0:0:0
guest_unpause hp
guest_wait hp 'RIG-VAL phase=one' 120 || die "guest did not start"
vscsi_hot_add "$DOMID" 0 1 "$p2" 0:0:2:5 || die "hot add"
guest_wait hp 'RIG-VAL phase=two' 120 || die "guest did not see the new LUN"
[ "$(guest_val hp added)" = "$(cat "/sys/class/scsi_device/$p2/device/wwid")" ] ||
	die "hot-added LUN is not $p2"
vscsi_hot_del "$DOMID" 0 1 || die "hot remove"
guest_done hp 120 || die "guest: $(guest_console hp | grep RIG-GUEST-FAIL)"
[ "$(guest_val hp removed)" = 1 ] || die "removal not seen"
show "hotplug: $p2 added at 0:2:5 and removed on a running guest"
back_end_guest hp || die "backend did not release the vhost"
