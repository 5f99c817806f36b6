# rig-timeout: 240
# The physical device is deleted under guest I/O: commands fail (no oops,
# no hang), and when a device with the same WWN comes back it is bound again
# and I/O succeeds.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=64
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
h=${hctl%%:*}
wwn=$(cat "/sys/class/scsi_device/$hctl/device/wwid")
guest_create pd back-ddloop
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$wwn" 0:0:0:0
guest_unpause pd
guest_wait pd 'RIG-VAL started=1' 120 || die "guest never started I/O"
stat() { back_stat "$DOMID" 0 "$1"; }
left=100
while [ "$(stat requests)" -lt 100 ]; do
	left=$((left - 1))
	[ $left -le 0 ] && die "I/O did not flow"
	sleep 0.1
done
e0=$(stat errors)
echo 1 >"/sys/class/scsi_device/$hctl/device/delete" || die "delete"
sleep 4
e1=$(stat errors)
[ "$e1" -gt "$e0" ] || die "no failed commands after delete ($e0 -> $e1)"
echo "- - -" >"/sys/class/scsi_host/host$h/scan" || die "rescan"
[ "$(cat "/sys/class/scsi_device/$hctl/device/wwid" 2>/dev/null)" = "$wwn" ] ||
	die "device did not come back as $hctl"
sleep 4
e2=$(stat errors) b2=$(stat bytes)
sleep 3
e3=$(stat errors) b3=$(stat bytes)
[ "$e3" = "$e2" ] || die "errors still rising after rebind ($e2 -> $e3)"
[ "$b3" -gt "$b2" ] || die "no I/O after rebind"
dmesg | grep -q "bound again" || die "no rebind logged"
show "pdev-delete: $((e1 - e0)) commands failed while deleted; $wwn bound again, $((b3 - b2)) bytes in 3 s after"
back_end_guest pd || die "backend did not release the vhost"
