# rig-timeout: 120
# Guests destroyed before their frontend connected (paused: never ran) and
# right after connecting: the backend lets go of the vhost every time, and
# the LUN is still usable afterwards.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=16
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
guest_create e1 back-roundtrip
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
vscsi_wait "$DOMID" 0 2 10 || die "backend not in InitWait"
e1=$DOMID
guest_destroy e1
back_gone "$e1" 0 30 || die "paused guest's vhost not released"
guest_create e2 back-roundtrip
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
guest_unpause e2
vscsi_wait "$DOMID" 0 4 60 || die "e2 never connected"
e2=$DOMID
guest_destroy e2
back_gone "$e2" 0 30 || die "connected guest's vhost not released"
back_sdebug dev_size_mb=16
show "destroy-early: vhosts released before connect and right after connect"
