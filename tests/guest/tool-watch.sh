# SPDX-License-Identifier: GPL-2.0
# Loads a vscsi frontend ($1, default the stock xen-scsifront) and then
# reports the SCSI devices the guest sees, as lsscsi lists them, every time
# the set changes: "RIG-LUNS c:t:l ..." (or "none"), then one
# "RIG-LUN c:t:l wwid" per device, so Dom0 can follow hot-add and removal.
. /rig/guest/lib.sh
modprobe -a sd_mod sg "${1:-xen-scsifront}" || gfail "modprobe ${1:-xen-scsifront}"
echo "RIG-WATCH ready"
prev=start
while :; do
	cur=$(lsscsi 2>/dev/null | sed -n 's/^\[[0-9]*:\([0-9]*:[0-9]*:[0-9]*\)\].*/\1/p' |
		sort | tr '\n' ' ')
	cur=${cur% }
	if [ "$cur" != "$prev" ]; then
		echo "RIG-LUNS ${cur:-none}"
		for d in /sys/class/scsi_device/*; do
			[ -e "$d" ] || continue
			echo "RIG-LUN $(basename "$d" | cut -d: -f2-) $(cat "$d/device/wwid" 2>/dev/null)"
		done
		prev=$cur
	fi
	sleep 0.3
done
