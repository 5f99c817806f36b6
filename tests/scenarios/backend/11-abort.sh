# rig-timeout: 240
# ABORT: scsi_debug silently drops every 6th command; the guest times out
# and aborts it.  Without a working abort the guest would wait for Dom0's
# own 60 s command timeout per lost command.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=16
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
want=$(sdebug_sha "$hctl" 0 8)
guest_create ab back-abort
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
guest_unpause ab
guest_wait ab 'RIG-VAL phase=one' 120 || die "guest did not start"
sd=/sys/bus/pseudo/drivers/scsi_debug
echo 6 >$sd/every_nth && echo 4 >$sd/opts || die "scsi_debug timeout injection"
guest_done ab 200 || die "guest: $(guest_console ab | grep RIG-GUEST-FAIL)"
echo 0 >$sd/opts
tmf=$(back_stat "$DOMID" 0 task_mgmt)
secs=$(guest_val ab secs)
[ "$(guest_val ab sha)" = "$want" ] || die "guest read wrong data"
[ "$tmf" -ge 1 ] || die "no task management request reached the backend"
[ "$secs" -lt 60 ] || die "read took $secs s: aborts not answered promptly"
show "abort: 8 MiB read with dropped commands in ${secs}s; $tmf ABORT/RESET answered"
back_end_guest ab || die "backend did not release the vhost"
