# SPDX-License-Identifier: GPL-2.0
# Frontend reconnect: load xen-scsifront, read, unload it (ring torn down),
# load it again and read again through the new ring.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sda 60 || gfail "no /dev/sda"
gval sha1 "$(sha_of /dev/sda 0 1)"
rmmod xen-scsifront || gfail "rmmod xen-scsifront"
[ -e /dev/sda ] && sleep 2
modprobe xen-scsifront || gfail "modprobe again"
wait_path /sys/class/scsi_device/0:0:0:0 60 || gfail "no LUN after reconnect"
wait_path /dev/sda 60 || gfail "no /dev/sda after reconnect"
gval sha2 "$(sha_of /dev/sda 0 1)"
