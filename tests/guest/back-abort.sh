# SPDX-License-Identifier: GPL-2.0
# Dom0 drops every Nth command: with a 5 s command timeout the guest's error
# handler aborts each lost command (ACT_SCSI_ABORT), retries, and the read
# still completes with the right data.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sda 60 || gfail "no /dev/sda"
echo 5 >/sys/block/sda/device/timeout || gfail "timeout"
gval phase one
wait_path /tmp/never 8
start=$(cut -d. -f1 /proc/uptime)
gval sha "$(sha_of /dev/sda 0 8)"
gval secs $(($(cut -d. -f1 /proc/uptime) - start))
