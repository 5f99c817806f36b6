# SPDX-License-Identifier: GPL-2.0
# Frontend reconnect: read, unbind xen-scsifront from the vscsi device (its
# ring is torn down, state Closed), bind it again and read through the new
# ring.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sda 60 || gfail "no /dev/sda"
gval sha1 "$(sha_of /dev/sda 0 1)"
drv=/sys/bus/xen/drivers/vscsi
echo vscsi-0 >$drv/unbind || gfail "unbind"
left=100
while [ -e /sys/class/scsi_device/0:0:0:0 ]; do
	left=$((left - 1))
	[ $left -le 0 ] && gfail "LUN still there after unbind"
	sleep 0.2
done
gval unbound 1
# The stock frontend does not wait for the backend to close before a new
# probe; give the backend time to see Closed, as a real reload would.
sleep 3
echo vscsi-0 >$drv/bind || gfail "bind"
wait_path /dev/sda 60 || gfail "no /dev/sda after reconnect"
gval sha2 "$(sha_of /dev/sda 0 1)"
