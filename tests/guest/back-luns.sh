# SPDX-License-Identifier: GPL-2.0
# Waits for $1 SCSI devices, reports each one's c:t:l, wwid (read through
# the backend by the guest's own scan) and a read checksum, then REPORT LUNS
# as seen from the device at c:t:l $2.
. /rig/guest/lib.sh
want=$1 rl=$2
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
left=300
while [ "$(ls -d /sys/class/scsi_device/* 2>/dev/null | wc -l)" -lt "$want" ]; do
	left=$((left - 1))
	[ $left -le 0 ] && gfail "only $(ls /sys/class/scsi_device | wc -l) devices"
	sleep 0.2
done
sleep 1
for d in /sys/class/scsi_device/*; do
	ctl=$(basename "$d" | cut -d: -f2-)
	key=$(echo "$ctl" | tr : _)
	gval "wwid_$key" "$(cat "$d/device/wwid")"
	blk=$(ls "$d/device/block" 2>/dev/null)
	[ -n "$blk" ] && gval "sha_$key" "$(sha_of "/dev/$blk" 0 1)"
	if [ "$ctl" = "$rl" ]; then
		sg=$(ls "$d/device/scsi_generic")
		sg_luns "/dev/$sg" >/tmp/luns 2>&1 || gfail "sg_luns: $(cat /tmp/luns)"
		gval luns "$(grep -Eo '^ +[0-9a-f]{16}' /tmp/luns | tr -d ' ' | tr '\n' ',')"
	fi
done
