# SPDX-License-Identifier: GPL-2.0
# LUN hotplug while another LUN is busy: 0:0:0:0 is read in a loop while
# Dom0 adds 0:0:1:0 (read back at 16 MiB) and then removes it.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
a=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
(
	n=0
	while [ ! -e /tmp/stop ]; do
		dd if="$a" of=/dev/null bs=64K count=64 iflag=direct 2>/dev/null ||
			echo "read $n failed" >>/tmp/busy-errors
		n=$((n + 1))
	done
	echo "$n" >/tmp/busy-count
) &
gval phase busy
b=$(front_disk 0:0:1:0) || gfail "hot-added 0:0:1:0 did not appear"
gval added_sha "$(sha_of "$b" 16 2)"
gval phase added
left=300
while [ -e /sys/bus/scsi/devices/0:0:1:0 ]; do
	left=$((left - 1))
	[ $left -le 0 ] && gfail "0:0:1:0 not removed"
	sleep 0.2
done
[ -e "$b" ] && gfail "$b still present"
gval phase removed
touch /tmp/stop
wait
[ -s /tmp/busy-errors ] && gfail "busy LUN errors: $(cat /tmp/busy-errors)"
gval busy_reads "$(cat /tmp/busy-count)"
gval busy_sha "$(sha_of "$a" 16 2)"
