# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
# Guest helpers for the pvscsifront scripts (sourced after lib.sh).

# front_load: our frontend plus the upper drivers; never the stock one.
front_load() {
	grep -q '^xen_scsifront ' /proc/modules && rmmod xen-scsifront
	modprobe -a sd_mod sg || gfail "modprobe sd_mod sg"
	modprobe pvscsifront || gfail "modprobe pvscsifront"
}

# front_disk HCTL: /dev/sdX of a guest disk once it appears.
front_disk() {
	_left=300
	while [ $_left -gt 0 ]; do
		for _b in /sys/bus/scsi/devices/$1/block/*; do
			[ -e "$_b" ] && { echo "/dev/$(basename "$_b")"; return 0; }
		done
		sleep 0.2
		_left=$((_left - 1))
	done
	return 1
}

# front_sg HCTL: /dev/sgN of a guest SCSI device.
front_sg() {
	for _g in /sys/bus/scsi/devices/$1/scsi_generic/*; do
		[ -e "$_g" ] && { echo "/dev/$(basename "$_g")"; return 0; }
	done
	return 1
}

# front_limits DEV: report the disk's queue limits.
front_limits() {
	_q=/sys/block/${1#/dev/}/queue
	gval max_sectors_kb "$(cat "$_q/max_sectors_kb")"
	gval max_hw_sectors_kb "$(cat "$_q/max_hw_sectors_kb")"
	gval max_segments "$(cat "$_q/max_segments")"
}

# front_big_reads DEV: raise max_sectors_kb to what the host allows, then
# O_DIRECT reads of 512 KiB at 8 MiB and 1 MiB at 12 MiB while Dom0 logs
# the CDBs scsi_debug receives (it starts on "phase=reading").
front_big_reads() {
	_q=/sys/block/${1#/dev/}/queue
	cat "$_q/max_hw_sectors_kb" >"$_q/max_sectors_kb"
	gval max_sectors_kb_now "$(cat "$_q/max_sectors_kb")"
	gval phase reading
	sleep 4
	dd if="$1" of=/dev/null bs=512K count=1 skip=16 iflag=direct 2>/dev/null || gfail "512K read"
	dd if="$1" of=/dev/null bs=1M count=1 skip=12 iflag=direct 2>/dev/null || gfail "1M read"
	sleep 1
	gval phase done
}
