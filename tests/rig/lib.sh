# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Dom0 helpers for rig scenarios (busybox ash).  Scenarios are sourced with
# this file already loaded; exit 0 means pass.  See docs/rig.md.

RIG_CONSOLES=/var/log/xen/console
BACKEND_ROOT=/local/domain/0/backend/vscsi

log() { echo "rig: $*"; }
die() { echo "FAIL: $*"; exit 1; }
# Lines starting RIG-SHOW are printed by run-rig.sh even on success.
show() { echo "RIG-SHOW $*"; }

# guest_create NAME SCRIPT [ARGS]: a paused PV guest running
# /rig/guest/SCRIPT.sh ARGS (comma separated); sets DOMID.
guest_create() {
	_name=$1 _script=$2 _args=${3:-}
	cat >"/tmp/$_name.cfg" <<CFG
name = "$_name"
type = "pv"
kernel = "/rig/img/vmlinux"
ramdisk = "/rig/img/guest.cpio"
memory = ${GUEST_MEM:-192}
vcpus = ${GUEST_VCPUS:-1}
extra = "console=hvc0 loglevel=7 rig.script=$_script rig.args=$_args ${GUEST_EXTRA:-}"
CFG
	xl create -p "/tmp/$_name.cfg" >"/tmp/$_name.create" 2>&1 ||
		die "xl create $_name: $(cat "/tmp/$_name.create")"
	DOMID=$(xl domid "$_name") || die "no domid for $_name"
}

guest_unpause() { xl unpause "$1" || die "xl unpause $1"; }
guest_destroy() { xl destroy "$1" 2>/dev/null; }
guest_console() { cat "$RIG_CONSOLES/guest-$1.log" 2>/dev/null; }

# guest_wait NAME ERE [TIMEOUT_S]: wait for a matching console line; fails
# early when the guest reports RIG-GUEST-FAIL or finishes without it.
guest_wait() {
	_name=$1 _re=$2 _left=$((${3:-120} * 5))
	while [ $_left -gt 0 ]; do
		guest_console "$_name" | grep -Eq -- "$_re" && return 0
		if guest_console "$_name" | grep -q 'RIG-GUEST-FAIL\|RIG-GUEST-DONE'; then
			guest_console "$_name" | grep -Eq -- "$_re" && return 0
			echo "guest $_name ended without /$_re/"
			return 1
		fi
		sleep 0.2
		_left=$((_left - 1))
	done
	echo "timeout waiting for /$_re/ on guest $_name"
	return 1
}

# guest_done NAME [TIMEOUT_S]: wait for the guest script to end; returns its rc.
guest_done() {
	_name=$1 _left=$((${2:-180} * 5))
	while [ $_left -gt 0 ]; do
		_rc=$(guest_console "$_name" | sed -n 's/^RIG-GUEST-DONE rc=\([0-9]*\).*/\1/p' | tail -n 1)
		[ -n "$_rc" ] && return "$_rc"
		sleep 0.2
		_left=$((_left - 1))
	done
	echo "timeout waiting for guest $_name to finish"
	return 124
}

# guest_val NAME KEY: the last "RIG-VAL KEY=value" the guest printed.
guest_val() {
	guest_console "$1" | tr -d '\r' | sed -n "s/^RIG-VAL $2=//p" | tail -n 1
}

xs_write() { xenstore-write "$@" || die "xenstore-write $*"; }

# vscsi_vhost DOMID VHOST [FEATURE_HOST]: the vhost's backend and frontend
# directories in the layout of vscsiif.h, backend state written last.
vscsi_vhost() {
	_dom=$1 _vh=$2
	_b=$BACKEND_ROOT/$_dom/$_vh
	_f=/local/domain/$_dom/device/vscsi/$_vh
	xs_write "$_b/frontend" "$_f" "$_b/frontend-id" "$_dom" "$_b/online" 1 \
		"$_b/feature-host" "${3:-0}"
	xs_write "$_f/backend" "$_b" "$_f/backend-id" 0 "$_f/state" 1
	xenstore-chmod -r "$_b" n0 "r$_dom" || die "chmod $_b"
	xenstore-chmod -r "$_f" "n$_dom" r0 || die "chmod $_f"
	xs_write "$_b/state" 1
}

# vscsi_lun DOMID VHOST DEVN PDEV VDEV [STATE]: one LUN entry (state 1 by
# default; hot-add passes the state the dance needs).
vscsi_lun() {
	_d=$BACKEND_ROOT/$1/$2/vscsi-devs/dev-$3
	xs_write "$_d/p-dev" "$4" "$_d/v-dev" "$5" "$_d/p-devname" "$4"
	xenstore-chmod -r "$_d" n0 "r$1" || die "chmod $_d"
	xs_write "$_d/state" "${6:-1}"
}

# vscsi_wait DOMID VHOST STATE [TIMEOUT_S] [DEVN]: backend vhost (or LUN) state.
vscsi_wait() {
	_node=$BACKEND_ROOT/$1/$2/state
	[ -n "${5:-}" ] && _node=$BACKEND_ROOT/$1/$2/vscsi-devs/dev-$5/state
	_left=$((${4:-60} * 5))
	while [ $_left -gt 0 ]; do
		[ "$(xenstore-read "$_node" 2>/dev/null)" = "$3" ] && return 0
		sleep 0.2
		_left=$((_left - 1))
	done
	echo "timeout: $_node is '$(xenstore-read "$_node" 2>/dev/null)', wanted $3"
	return 1
}

# vscsi_hot_add DOMID VHOST DEVN PDEV VDEV: the Reconfiguring dance.  The
# LUN's nodes go first: a peer that reacts to state 7 at once must find them.
vscsi_hot_add() {
	vscsi_lun "$1" "$2" "$3" "$4" "$5" 1
	xs_write "$BACKEND_ROOT/$1/$2/state" 7
	vscsi_wait "$1" "$2" 4 60 "$3" && vscsi_wait "$1" "$2" 4 60
}

# vscsi_hot_del DOMID VHOST DEVN: remove a LUN, wait for 6, delete its nodes.
vscsi_hot_del() {
	xs_write "$BACKEND_ROOT/$1/$2/vscsi-devs/dev-$3/state" 5
	xs_write "$BACKEND_ROOT/$1/$2/state" 7
	vscsi_wait "$1" "$2" 6 60 "$3" || return 1
	vscsi_wait "$1" "$2" 4 60 || return 1
	xenstore-rm "$BACKEND_ROOT/$1/$2/vscsi-devs/dev-$3"
}

# sdebug_hctl [N]: h:c:t:l of the Nth (default first) scsi_debug device.
sdebug_hctl() {
	_want=${1:-1} _n=0
	for _dev in /sys/bus/scsi/devices/*:*:*:*; do
		[ "$(cat "$_dev/model" 2>/dev/null | tr -d ' ')" = scsi_debug ] || continue
		_n=$((_n + 1))
		[ $_n -eq "$_want" ] && { basename "$_dev"; return 0; }
	done
	return 1
}

# sdebug_unload: rmmod scsi_debug, retrying while a closing user still
# holds it (up to 10 s).
sdebug_unload() {
	_left=50
	while grep -q '^scsi_debug ' /proc/modules; do
		rmmod scsi_debug 2>/dev/null && return 0
		_left=$((_left - 1))
		[ $_left -le 0 ] && die "scsi_debug still in use"
		sleep 0.2
	done
}

# hctl_blockdev H:C:T:L: /dev/sdX of a SCSI disk.
hctl_blockdev() {
	for _b in /sys/bus/scsi/devices/$1/block/*; do
		[ -e "$_b" ] && { echo "/dev/$(basename "$_b")"; return 0; }
	done
	return 1
}

# lio_export H:C:T:L: export the device through the stock xen-scsiback (LIO
# pscsi backstore + xen-pvscsi TPG); prints the p-dev "naa.<wwn>:0".
lio_export() {
	modprobe -a xen-scsiback target_core_pscsi || die "modprobe LIO"
	_n=$(ls -d /sys/kernel/config/target/core/pscsi_0/lun* 2>/dev/null | wc -l)
	_bs=/sys/kernel/config/target/core/pscsi_0/lun$_n
	_dev=$(hctl_blockdev "$1") || _dev=/dev/$(basename /sys/bus/scsi/devices/$1/scsi_generic/*)
	set -- $(echo "$1" | tr ':' ' ')
	mkdir -p "$_bs" || die "mkdir $_bs"
	echo "scsi_host_id=$1,scsi_channel_id=$2,scsi_target_id=$3,scsi_lun_id=$4" \
		>"$_bs/control" || die "pscsi control"
	echo "$_dev" >"$_bs/udev_path" || die "pscsi udev_path"
	echo 1 >"$_bs/enable" || die "pscsi enable"
	_wwn=naa.$(printf '6001405%09x' $((_n + 1)))
	_tpg=/sys/kernel/config/target/xen-pvscsi/$_wwn/tpgt_1
	mkdir -p "$_tpg/lun/lun_0" || die "mkdir $_tpg"
	ln -s "$_bs" "$_tpg/lun/lun_0/pscsi" || die "lun link"
	echo "naa.$(printf '60014050%08x' $((_n + 1)))" >"$_tpg/nexus" || die "nexus"
	echo "$_wwn:0"
}

# hba_load: bring up the virtio-scsi HBA a group's rig.conf asked for
# (RIG_HBA=1): disk at target 1, CD-ROM at target 2; waits for both.
hba_load() {
	modprobe -a virtio_pci virtio_scsi || die "modprobe virtio_scsi"
	_left=100
	until hba_hctl disk >/dev/null && hba_hctl cd >/dev/null; do
		_left=$((_left - 1))
		[ $_left -le 0 ] && die "virtio-scsi devices did not appear"
		sleep 0.2
	done
}

# hba_hctl disk|cd: h:c:t:l of the HBA's disk or CD-ROM.
hba_hctl() {
	case $1 in
	disk) _type=0 ;;
	cd) _type=5 ;;
	*) return 1 ;;
	esac
	for _dev in /sys/bus/scsi/devices/*:*:*:*; do
		[ "$(cat "$_dev/vendor" 2>/dev/null | tr -d ' ')" = QEMU ] || continue
		[ "$(cat "$_dev/type" 2>/dev/null)" = "$_type" ] && { basename "$_dev"; return 0; }
	done
	return 1
}
