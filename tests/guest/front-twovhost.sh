# SPDX-License-Identifier: GPL-2.0
# Two vhosts in one guest: each disk is read at 16 MiB, then both are
# written at 0 concurrently.  Values are keyed by xenbus device (vscsi-N).
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
front_disk 0:0:0:0 >/dev/null || gfail "no disk on host 0"
front_disk 1:0:0:0 >/dev/null || gfail "no disk on host 1"
for h in 0 1; do
	vh=$(readlink -f /sys/bus/scsi/devices/$h:0:0:0 | sed -n 's#.*/\(vscsi-[0-9]*\)/.*#\1#p')
	d=$(front_disk $h:0:0:0)
	gval "read_$vh" "$(sha_of "$d" 16 2)"
	dd if=/dev/urandom of=/tmp/up-$vh bs=1M count=2 2>/dev/null
	gval "write_$vh" "$(sha256sum /tmp/up-$vh | cut -d' ' -f1)"
	dd if=/tmp/up-$vh of="$d" bs=1M oflag=direct conv=fsync 2>/dev/null &
done
wait || gfail "write"
