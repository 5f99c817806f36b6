# rig-timeout: 200
# The frontend disconnects and reconnects (driver reload in the guest): the
# backend tears the ring down, offers it again and serves the new one.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=16
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
want=$(sdebug_sha "$hctl" 0 1)
guest_create rc back-reconnect
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
guest_unpause rc
guest_done rc 150 || die "guest: $(guest_console rc | grep RIG-GUEST-FAIL)"
[ "$(guest_val rc sha1)" = "$want" ] || die "first read"
[ "$(guest_val rc sha2)" = "$want" ] || die "read after reconnect"
vscsi_wait "$DOMID" 0 4 5 || die "vhost not connected after reconnect"
show "reconnect: read ok before and after a frontend reload"
back_end_guest rc || die "backend did not release the vhost"
