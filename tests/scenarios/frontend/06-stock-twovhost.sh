# rig-timeout: 240
# One guest, two vhosts (two Scsi_Hosts, two rings), each with its own
# stock-backend disk: reads verified per vhost, concurrent writes verified.
. /rig/scenarios/lib-front.sh
front_stock_disk 64 add_host=2 per_host_store=1
front_export 2
a_sha=$(front_fill "$DEV" 16 2)
b_sha=$(front_fill "$DEV_2" 16 2)
guest_create tv front-twovhost
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
vscsi_vhost "$DOMID" 1
vscsi_lun "$DOMID" 1 0 "$PDEV_2" 1:0:0:0
guest_unpause tv
front_guest_ok tv
[ "$(guest_val tv read_vscsi-0)" = "$a_sha" ] || die "vhost 0 read $(guest_val tv read_vscsi-0), want $a_sha"
[ "$(guest_val tv read_vscsi-1)" = "$b_sha" ] || die "vhost 1 read $(guest_val tv read_vscsi-1), want $b_sha"
[ "$(guest_val tv write_vscsi-0)" = "$(front_sha "$DEV" 0 2)" ] || die "vhost 0 write mismatch"
[ "$(guest_val tv write_vscsi-1)" = "$(front_sha "$DEV_2" 0 2)" ] || die "vhost 1 write mismatch"
show "frontend/twovhost: two vhosts in one guest, reads and concurrent writes verified on each"
