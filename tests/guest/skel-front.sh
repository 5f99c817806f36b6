# SPDX-License-Identifier: GPL-2.0
. /rig/guest/lib.sh
modprobe pvscsifront || gfail "modprobe pvscsifront"
[ -d /sys/bus/xen/drivers/vscsi ] || gfail "pvscsifront did not register a vscsi frontend"
rmmod pvscsifront || gfail "rmmod pvscsifront"
[ -d /sys/bus/xen/drivers/vscsi ] && gfail "vscsi frontend still registered after rmmod"
grep -q '^pvscsifront ' /proc/modules && gfail "pvscsifront still loaded"
exit 0
