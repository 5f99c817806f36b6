# SPDX-License-Identifier: GPL-2.0
. /rig/guest/lib.sh
modprobe -a sd_mod sr_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sr0 60 || gfail "no /dev/sr0"
wait_path /dev/sda 60 || gfail "no /dev/sda"
lsscsi -g
gval cd_type "$(cat /sys/bus/scsi/devices/0:0:1:0/type)"
gval disk_vendor "$(cat /sys/bus/scsi/devices/0:0:0:0/vendor | tr -d ' ')"
gval cd_sha "$(dd if=/dev/sr0 bs=64k 2>/dev/null | sha256sum | cut -d' ' -f1)"
