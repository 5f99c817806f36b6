# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
# Dom0 helpers for the frontend scenarios (sourced after /rig/lib.sh).

# front_cleanup: undo what an earlier scenario of this boot left behind:
# vscsi backend nodes of dead guests, the LIO configuration, scsi_debug.
front_cleanup() {
	for _d in $(xenstore-list "$BACKEND_ROOT" 2>/dev/null); do
		xl list "$_d" >/dev/null 2>&1 || xenstore-rm "$BACKEND_ROOT/$_d"
	done
	sleep 1
	_t=/sys/kernel/config/target
	for _tpg in "$_t"/xen-pvscsi/naa.*/tpgt_*; do
		[ -d "$_tpg" ] || continue
		for _l in "$_tpg"/lun/lun_*; do
			rm -f "$_l"/pscsi
			rmdir "$_l"
		done
		echo NULL >"$_tpg/nexus" 2>/dev/null
		rmdir "$_tpg"
	done
	for _w in "$_t"/xen-pvscsi/naa.*; do
		[ -d "$_w" ] && rmdir "$_w"
	done
	for _b in "$_t"/core/pscsi_0/lun*; do
		[ -d "$_b" ] && rmdir "$_b"
	done
	[ -d "$_t/core/pscsi_0" ] && rmdir "$_t/core/pscsi_0"
	# The fabric directory holds xen-scsiback: drop it so it can unload.
	[ -d "$_t/xen-pvscsi" ] && rmdir "$_t/xen-pvscsi"
	rmmod pvscsiback 2>/dev/null
	sdebug_unload
	return 0
}

# front_ours_disk [PVSCSIBACK_ARGS...]: scsi_debug (64 MiB) served by our
# pvscsiback; sets HCTL, DEV and PDEV (= HCTL, the h:c:t:l p-dev form).
front_ours_disk() {
	front_cleanup
	if grep -q '^xen_scsiback ' /proc/modules; then
		rmmod xen-scsiback || die "rmmod xen-scsiback"
	fi
	insmod /rig/modules/pvscsiback.ko "$@" || die "insmod pvscsiback $*"
	modprobe scsi_debug dev_size_mb=64 || die "modprobe scsi_debug"
	HCTL=$(sdebug_hctl) || die "no scsi_debug disk"
	DEV=$(hctl_blockdev "$HCTL") || die "no block device for $HCTL"
	PDEV=$HCTL
}

# front_stock_disk [DEV_SIZE_MB] [SDEBUG_ARGS...]: load scsi_debug and the
# stock LIO backend; sets HCTL, DEV (Dom0's /dev/sdX) and PDEV (LIO p-dev).
front_stock_disk() {
	_mb=${1:-64}
	shift 2>/dev/null
	front_cleanup
	modprobe scsi_debug dev_size_mb="$_mb" "$@" || die "modprobe scsi_debug"
	HCTL=$(sdebug_hctl) || die "no scsi_debug disk"
	DEV=$(hctl_blockdev "$HCTL") || die "no block device for $HCTL"
	PDEV=$(lio_export "$HCTL") || die "lio export: $PDEV"
}

# front_stock_dev [SDEBUG_ARGS...]: like front_stock_disk for a scsi_debug
# device of any type (no block device needed); sets HCTL and PDEV.
front_stock_dev() {
	front_cleanup
	modprobe scsi_debug "$@" || die "modprobe scsi_debug $*"
	HCTL=$(sdebug_hctl) || die "no scsi_debug device"
	PDEV=$(lio_export "$HCTL") || die "lio export: $PDEV"
}

# front_sha DEV OFF_MIB LEN_MIB: sha256 of a region of a Dom0 disk.
front_sha() {
	dd if="$1" bs=1M skip="$2" count="$3" iflag=direct 2>/dev/null |
		sha256sum | cut -d' ' -f1
}

# front_fill DEV OFF_MIB LEN_MIB: random data into a Dom0 disk region;
# prints its sha256.
front_fill() {
	dd if=/dev/urandom of=/tmp/front-fill bs=1M count="$3" 2>/dev/null
	dd if=/tmp/front-fill of="$1" bs=1M seek="$2" oflag=direct conv=fsync \
		2>/dev/null || die "dom0 write $1"
	sha256sum /tmp/front-fill | cut -d' ' -f1
}

# front_guest_ok NAME [TIMEOUT_S]: the guest script finished with rc 0.
front_guest_ok() {
	guest_done "$1" "${2:-180}" ||
		die "guest $1: $(guest_console "$1" | grep -E 'RIG-GUEST-FAIL|pvscsifront|Call Trace' | head -n 20)"
}

# front_export N: export the Nth scsi_debug disk through LIO as well; sets
# HCTL_N, DEV_N and PDEV_N (N >= 2).
front_export() {
	_h=$(sdebug_hctl "$1") || die "no scsi_debug disk $1"
	eval "HCTL_$1=$_h"
	_d=$(hctl_blockdev "$_h") || die "no block device for $_h"
	eval "DEV_$1=$_d"
	_p=$(lio_export "$_h") || die "lio export $_h: $_p"
	eval "PDEV_$1=$_p"
}
