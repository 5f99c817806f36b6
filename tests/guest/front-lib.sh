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
