# rig-timeout: 200
# RESET from the stock frontend's error handler is answered RESET_SUCCESS.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=16
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
guest_create rs back-reset
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
guest_unpause rs
guest_done rs 150 || die "guest: $(guest_console rs | grep RIG-GUEST-FAIL)"
[ "$(guest_val rs reset_rc)" = 0 ] || die "sg_reset -d failed: rc $(guest_val rs reset_rc)"
[ "$(guest_val rs sha)" = "$(sdebug_sha "$hctl" 0 1)" ] || die "I/O after reset"
show "reset: device reset answered SUCCESS, I/O continues"
back_end_guest rs || die "backend did not release the vhost"
