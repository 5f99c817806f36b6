# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
# Dom0 helpers shared by the backend scenarios (sourced after /rig/lib.sh).

# back_load: our pvscsiback owns xenbus type "vscsi" (stock backend out).
back_load() {
	rmmod xen-scsiback 2>/dev/null
	grep -q '^pvscsiback ' /proc/modules && return 0
	insmod /rig/modules/pvscsiback.ko "$@" || die "insmod pvscsiback"
}

# back_sdebug ARGS...: a fresh scsi_debug with these parameters.
back_sdebug() {
	sdebug_unload
	modprobe scsi_debug "$@" || die "modprobe scsi_debug $*"
	sleep 1
}

# back_dev DOMID VHOST: the vhost's xenbus backend device in sysfs.
back_dev() { echo "/sys/bus/xen-backend/devices/vscsi-$1-$2"; }

# back_stat DOMID VHOST NAME: one per-vhost statistic.
back_stat() { cat "$(back_dev "$1" "$2")/stats/$3"; }

# back_gone DOMID VHOST [T]: destroy the guest's vhost and wait until the
# backend device released it (so scsi_debug can be unloaded).
back_gone() {
	_left=$((${3:-30} * 5))
	while [ -e "$(back_dev "$1" "$2")" ]; do
		_left=$((_left - 1))
		[ $_left -le 0 ] && { echo "backend vscsi-$1-$2 still bound"; return 1; }
		sleep 0.2
	done
	xenstore-rm "$BACKEND_ROOT/$1" 2>/dev/null
	return 0
}

# back_guest NAME SCRIPT ARGS: destroys a guest and waits for its vhost 0.
back_end_guest() {
	_id=$(xl domid "$1" 2>/dev/null) || return 0
	guest_destroy "$1"
	back_gone "$_id" 0
}

# sdebug_sha HCTL OFF_MIB LEN_MIB: sha256 of a region read with O_DIRECT.
sdebug_sha() {
	dd if="$(hctl_blockdev "$1")" bs=1M skip="$2" count="$3" iflag=direct \
		2>/dev/null | sha256sum | cut -d' ' -f1
}
