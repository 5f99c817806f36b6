# SPDX-License-Identifier: GPL-2.0
# Task management through the stock frontend: a device reset (sg_reset -d
# -> eh_device_reset_handler -> ACT_SCSI_RESET) must succeed and I/O go on.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sg0 60 || gfail "no /dev/sg0"
wait_path /dev/sda 60 || gfail "no /dev/sda"
sg_reset -d /dev/sg0 >/tmp/reset 2>&1
gval reset_rc $?
cat /tmp/reset
gval sha "$(sha_of /dev/sda 0 1)"
