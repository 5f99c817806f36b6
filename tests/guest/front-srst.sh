# SPDX-License-Identifier: GPL-2.0
# Non-disk device types through pvscsifront.  cd: sr_mod attaches 0:0:0:0,
# whose first MiB is read; tape: st attaches 0:0:0:0.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
mode=$1
modprobe -a sr_mod st || gfail "modprobe sr_mod st"
front_load
left=300
while [ ! -e /sys/bus/scsi/devices/0:0:0:0/scsi_generic ]; do
	left=$((left - 1))
	[ $left -le 0 ] && gfail "no device at 0:0:0:0"
	sleep 0.2
done
sg=$(front_sg 0:0:0:0) || gfail "no sg node"
gval pdt "$(sg_inq "$sg" 2>/dev/null | sed -n 's/.*Peripheral device type: *//p' | tr ' /' '__')"
if [ "$mode" = cd ]; then
	dev=$(front_disk 0:0:0:0) || gfail "sr did not attach"
	gval cd_dev "$dev"
	gval cd_sha "$(dd if="$dev" bs=2048 count=512 2>/dev/null | sha256sum | cut -d' ' -f1)"
else
	wait_path /sys/bus/scsi/devices/0:0:0:0/scsi_tape 30 || gfail "st did not attach"
	gval tape_dev "$(ls /sys/bus/scsi/devices/0:0:0:0/scsi_tape | head -n 1)"
fi
