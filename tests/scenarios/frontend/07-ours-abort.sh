# rig-timeout: 240
# SCSI EH abort of data commands, pvscsifront <-> pvscsiback: scsi_debug
# drops every 25th command; the guest's 5 s timeout fires, pvscsifront
# sends ACT_SCSI_ABORT, the backend aborts the Dom0 request and answers
# both the command and the abort, every grant is revoked, the midlayer
# retries, and the 8 MiB read is correct and prompt.
. /rig/scenarios/lib-front.sh
front_ours_disk
want=$(front_fill "$DEV" 0 8)
guest_create ab front-abort-data
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause ab
guest_wait ab 'RIG-VAL phase=one' 120 || die "guest did not start"
sd=/sys/bus/pseudo/drivers/scsi_debug
echo 25 >$sd/every_nth && echo 4 >$sd/opts || die "scsi_debug timeout injection"
front_guest_ok ab 200
echo 0 >$sd/opts
[ "$(guest_val ab sha)" = "$want" ] || die "guest read $(guest_val ab sha), want $want"
aborts=$(guest_val ab aborts)
[ "$aborts" -ge 1 ] || die "no abort succeeded"
secs=$(guest_val ab secs)
[ "$secs" -lt 60 ] || die "read took $secs s"
show "frontend/abort: 8 MiB read with dropped commands in ${secs}s, $aborts ACT_SCSI_ABORT acknowledged by pvscsiback, data verified"
