# rig-timeout: 300
# LUN hotplug (vhost state 7/8, LUN state 1->4 and 5->6) through the stock
# backend while the guest keeps another LUN of the same vhost busy.
. /rig/scenarios/lib-front.sh
front_stock_disk 64 add_host=2 per_host_store=1
front_export 2
a_sha=$(front_fill "$DEV" 16 2)
b_sha=$(front_fill "$DEV_2" 16 2)
[ "$a_sha" != "$b_sha" ] || die "disks share data"
guest_create hp front-hotplug
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause hp
guest_wait hp 'RIG-VAL phase=busy' 120 || die "guest not busy"
vscsi_hot_add "$DOMID" 0 1 "$PDEV_2" 0:0:1:0 || die "hot-add did not complete"
guest_wait hp 'RIG-VAL phase=added' 60 || die "guest did not see the new LUN"
[ "$(guest_val hp added_sha)" = "$b_sha" ] || die "hot-added LUN read $(guest_val hp added_sha), want $b_sha"
fdev=$(xenstore-read "/local/domain/$DOMID/device/vscsi/0/vscsi-devs/dev-1/state")
[ "$fdev" = 4 ] || die "frontend dev-1 state $fdev after add, want 4"
vscsi_hot_del "$DOMID" 0 1 || die "hot-remove did not complete"
guest_wait hp 'RIG-VAL phase=removed' 60 || die "guest did not drop the LUN"
front_guest_ok hp 60
[ "$(guest_val hp busy_sha)" = "$a_sha" ] || die "busy LUN read $(guest_val hp busy_sha), want $a_sha"
show "frontend/hotplug: add+remove of 0:0:1:0 during $(guest_val hp busy_reads) x 4 MiB reads of 0:0:0:0, data verified on both"
