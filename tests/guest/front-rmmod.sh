# SPDX-License-Identifier: GPL-2.0
# Load/unload pvscsifront.  nodev: no vscsi device at all.  withdev: xenbus
# pins the module while a vhost is bound, so rmmod is refused; unbinding
# the vhost with its disk held open removes the disk (I/O on the open fd
# then fails cleanly) and rmmod succeeds.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
mode=$1
front_load
if [ "$mode" = nodev ]; then
	rmmod pvscsifront || gfail "rmmod with no devices"
	grep -q '^pvscsifront ' /proc/modules && gfail "still loaded"
	gval unloaded nodev
	exit 0
fi
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
exec 3<"$dev"
rmmod pvscsifront 2>/dev/null && gfail "rmmod succeeded with a bound vhost"
dd if="$dev" of=/dev/null bs=64K count=16 iflag=direct 2>/dev/null || gfail "read after refused rmmod"
echo vscsi-0 >/sys/bus/xen/drivers/vscsi/unbind || gfail "unbind vscsi-0"
[ -e "$dev" ] && gfail "$dev still present after unbind"
dd if=/dev/fd/3 of=/dev/null bs=64K count=1 iflag=direct 2>/dev/null && gfail "read on removed disk succeeded"
exec 3<&-
rmmod pvscsifront || gfail "rmmod after unbind"
grep -q '^pvscsifront ' /proc/modules && gfail "still loaded"
gval unloaded withdev
