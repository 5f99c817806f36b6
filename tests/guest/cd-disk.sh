# SPDX-License-Identifier: GPL-2.0
# cd-disk.sh FRONT_MODULE: a disk at 0:0:0:0 and a CD-ROM at 0:0:1:0 through
# that frontend; reports their types, the disk's vendor and the CD's sha256.
. /rig/guest/lib.sh
modprobe -a sd_mod sr_mod sg "$1" || gfail "modprobe $1"
wait_path /dev/sr0 60 || gfail "no /dev/sr0"
wait_path /dev/sda 60 || gfail "no /dev/sda"
lsscsi -g
gval cd_type "$(cat /sys/bus/scsi/devices/0:0:1:0/type)"
gval disk_vendor "$(cat /sys/bus/scsi/devices/0:0:0:0/vendor | tr -d ' ')"
gval cd_sha "$(dd if=/dev/sr0 bs=64k 2>/dev/null | sha256sum | cut -d' ' -f1)"
dd if=/dev/urandom of=/tmp/up bs=1M count=2 2>/dev/null
dd if=/tmp/up of=/dev/sda bs=1M seek=8 oflag=direct conv=fsync 2>/dev/null || gfail "disk write"
gval disk_sha "$(sha256sum /tmp/up | cut -d' ' -f1)"
