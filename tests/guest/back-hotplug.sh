# SPDX-License-Identifier: GPL-2.0
# LUN hotplug seen from the stock frontend: starts with one disk, waits for a
# second (hot-added at c:t:l $1) and reads it, then waits for it to vanish.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
d=/sys/class/scsi_device
wait_path /dev/sda 60 || gfail "no /dev/sda"
gval phase one
left=300
until ls "$d" | grep -q ":$1\$"; do
	left=$((left - 1))
	[ $left -le 0 ] && gfail "LUN $1 never appeared"
	sleep 0.2
done
gval added "$(cat "$d"/*:"$1"/device/wwid)"
blk=$(ls "$d"/*:"$1"/device/block)
wait_path "/dev/$blk" 30 || gfail "no /dev/$blk"
gval sha_added "$(sha_of "/dev/$blk" 0 1)"
gval phase two
left=300
while ls "$d" | grep -q ":$1\$"; do
	left=$((left - 1))
	[ $left -le 0 ] && gfail "LUN $1 never went away"
	sleep 0.2
done
sha_of /dev/sda 0 1 >/dev/null || gfail "first disk broken after removal"
gval removed 1
