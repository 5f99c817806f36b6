# rig-timeout: 300
# SCSI EH abort through the stock backend: scsi_debug delays a command 6 s,
# the guest's 2 s timeout fires, pvscsifront sends ACT_SCSI_ABORT (bounded
# wait), the backend acknowledges, and the guest's disk works afterwards.
# Keep this scenario LAST in the group: the stock xen-scsiback never
# answers nor releases an aborted command (its aborted_task hook is empty),
# so its vhost can no longer disconnect and Dom0's xenwatch would block on
# the next backend teardown.  A TEST UNIT READY carries no data, so no
# grant is left mapped; aborting a data command against the stock backend
# leaves its grants mapped, which pvscsifront treats as fatal for the vhost.
. /rig/scenarios/lib-front.sh
front_stock_disk 64
a_sha=$(front_fill "$DEV" 16 2)
guest_create ab front-abort
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause ab
guest_wait ab 'RIG-VAL phase=ready' 120 || die "guest not ready"
# 1500 jiffies at HZ=250: 6 s per command.
echo 1500 >/sys/bus/pseudo/drivers/scsi_debug/delay || die "set delay"
guest_wait ab 'RIG-VAL phase=issue' 30 || die "guest did not issue"
sleep 1
# Refused while the delayed command is queued: retry until it finished.
n=0
until echo 0 >/sys/bus/pseudo/drivers/scsi_debug/delay 2>/dev/null; do
	n=$((n + 1))
	[ $n -gt 100 ] && die "cannot clear scsi_debug delay"
	sleep 0.2
done
front_guest_ok ab 120
[ "$(guest_val ab abort)" = ok ] || die "no abort"
[ "$(guest_val ab read_sha)" = "$a_sha" ] || die "read after abort $(guest_val ab read_sha), want $a_sha"
show "frontend/abort: delayed TUR timed out after $(guest_val ab tur_secs) s, ACT_SCSI_ABORT acknowledged by xen-scsiback, disk read verified afterwards"
