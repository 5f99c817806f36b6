# SPDX-License-Identifier: GPL-2.0
# feature-host: after the first disk, scans for c:t:l $1 (which appears in
# Dom0 later and is in no vscsi-devs entry) until the guest finds it.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sda 60 || gfail "no /dev/sda"
gval phase one
set -- $(echo "$1" | tr ':' ' ')
left=90
until ls /sys/class/scsi_device | grep -q ":$1:$2:$3\$"; do
	left=$((left - 1))
	[ $left -le 0 ] && gfail "$1:$2:$3 never found by scanning"
	for h in /sys/class/scsi_host/host*; do
		echo "$1 $2 $3" >"$h/scan" 2>/dev/null
	done
	sleep 1
done
d=$(ls -d /sys/class/scsi_device/*:"$1:$2:$3")
gval wwid "$(cat "$d/device/wwid")"
blk=$(ls "$d/device/block")
wait_path "/dev/$blk" 30 || gfail "no /dev/$blk"
gval sha "$(sha_of "/dev/$blk" 0 1)"
