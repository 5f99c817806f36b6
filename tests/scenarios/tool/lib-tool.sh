# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
# Dom0 helpers for the pvscsi tool scenarios (sourced after /rig/lib.sh).

# tool_sdebug N: N scsi_debug disks (loaded once per boot).
tool_sdebug() {
	grep -q '^scsi_debug ' /proc/modules ||
		modprobe scsi_debug dev_size_mb=8 num_tgts="$1" || die "modprobe scsi_debug"
	_left=50
	while ! sdebug_hctl "$1" >/dev/null; do
		_left=$((_left - 1))
		[ $_left -le 0 ] && die "scsi_debug: fewer than $1 disks"
		sleep 0.2
	done
}

# tool_backend ours|stock: which driver owns xenbus type "vscsi" (dead
# guests' backend nodes pruned first so the old driver lets go).
tool_backend() {
	pvscsi cleanup >/dev/null || die "pvscsi cleanup"
	case $1 in
	ours)
		if grep -q '^xen_scsiback ' /proc/modules; then
			rmmod xen-scsiback || die "xen-scsiback still in use (LIO exports): run stock scenarios last"
		fi
		grep -q '^pvscsiback ' /proc/modules ||
			insmod /rig/modules/pvscsiback.ko || die "insmod pvscsiback"
		;;
	stock)
		grep -q '^pvscsiback ' /proc/modules && { rmmod pvscsiback || die "rmmod pvscsiback"; }
		modprobe xen-scsiback || die "modprobe xen-scsiback"
		;;
	esac
}

wwid_of() { cat "/sys/class/scsi_device/$1/device/wwid"; }

# tool_cfg NAME SCRIPT ARGS VSCSI_LINE: a guest config like guest_create's,
# plus a vscsi = [...] line, written to /tmp/NAME.cfg.
tool_cfg() {
	cat >"/tmp/$1.cfg" <<CFG
# written by lib-tool.sh
name = "$1"
type = "pv"
kernel = "/rig/img/vmlinux"
ramdisk = "/rig/img/guest.cpio"
memory = ${GUEST_MEM:-192}
vcpus = 1
extra = "console=hvc0 loglevel=7 rig.script=$2 rig.args=$3"
$4
CFG
}

# The last "RIG-LUNS ..." line of a guest running tool-watch.
tool_luns() {
	guest_console "$1" | tr -d '\r' | sed -n 's/^RIG-LUNS //p' | tail -n 1
}

# tool_wait_luns NAME "c:t:l c:t:l" [T]: until the guest's LUN set is that.
tool_wait_luns() {
	_left=$((${3:-60} * 5))
	while [ "$(tool_luns "$1")" != "$2" ]; do
		_left=$((_left - 1))
		[ $_left -le 0 ] && { echo "guest $1 sees '$(tool_luns "$1")', wanted '$2'"; return 1; }
		sleep 0.2
	done
}

# The wwid the guest reported for c:t:l in its latest report.  The guest
# prints the LUN set first and each LUN's wwid after it, so wait (up to
# 10 s) for that LUN's line to follow the latest set.
tool_guest_wwid() {
	_left=50
	while :; do
		_w=$(guest_console "$1" | tr -d '\r' |
			awk '/^RIG-LUNS / { w = "" } $1 == "RIG-LUN" && $2 == c { w = $0; sub(/^RIG-LUN [^ ]* /, "", w) } END { print w }' c="$2")
		[ -n "$_w" ] || [ $_left -le 0 ] && { echo "$_w"; return 0; }
		_left=$((_left - 1))
		sleep 0.2
	done
}

# Every vscsi node in xenstore, full paths and permissions, one per line.
tool_snap() {
	xenstore-ls -f -p /local/domain 2>/dev/null | grep -E '/(backend|device)/vscsi(/|$| )' |
		grep -v '^/local/domain/0/error/' | sort
}

# tool_fails WANT CMD...: CMD must exit non-zero with exactly one line on
# stderr containing WANT, and leave every vscsi node in xenstore as it was.
tool_fails() {
	_want=$1
	shift
	_before=$(tool_snap)
	"$@" >/tmp/tool.out 2>/tmp/tool.err && die "'$*' succeeded; wanted failure '$_want'"
	[ "$(wc -l </tmp/tool.err)" -eq 1 ] || die "'$*': not one error line: $(cat /tmp/tool.err)"
	grep -qF -- "$_want" /tmp/tool.err || die "'$*': said '$(cat /tmp/tool.err)', wanted '$_want'"
	[ "$(tool_snap)" = "$_before" ] || die "'$*' changed xenstore: $(tool_snap)"
	log "refused as expected: $(cat /tmp/tool.err)"
}

# tool_clean DOMID: no vscsi node of that domain left on either side, nor
# the backend's error nodes for its devices.
tool_clean() {
	xenstore-exists "/local/domain/0/error/backend/vscsi/$1" &&
		die "left behind: $(xenstore-ls -f "/local/domain/0/error/backend/vscsi/$1")"
	xenstore-exists "$BACKEND_ROOT/$1" && die "left behind: $(xenstore-ls -f "$BACKEND_ROOT/$1")"
	xenstore-exists "/local/domain/$1/device/vscsi" &&
		die "left behind: $(xenstore-ls -f "/local/domain/$1/device/vscsi")"
	return 0
}

# tool_node DOMID VHOST REL: a backend node of a vhost.
tool_node() { xenstore-read "$BACKEND_ROOT/$1/$2/$3" 2>/dev/null; }
