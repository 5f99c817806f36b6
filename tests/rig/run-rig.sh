#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The rig: boots Xen 4.17 + a Debian 6.1 Dom0 under qemu-system-x86_64 once
# per scenario group (tests/scenarios/<group>/), with this tree's freshly
# built modules and tool, and reports one line per scenario and a closing
# "N passed, N failed".  Exit status is non-zero on any failure.
#
#   tests/rig/run-rig.sh [GROUP...]     default: every group but demo/bench
#
# Serial logs stay in build/rig/logs/<group>.log.  One qemu at a time on the
# machine: each group's build and boot hold a lock.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RIG_DIR=$ROOT/tests/rig
export RIG_BUILD=${RIG_BUILD:-$ROOT/build/rig}
if [ -z "${RIG_KVER:-}" ]; then
	RIG_KVER=$(cd /lib/modules && ls -d 6.1.*-amd64 2>/dev/null | sort -V | tail -n 1)
fi
export RIG_KVER
[ -n "$RIG_KVER" ] && [ -f "/boot/vmlinuz-$RIG_KVER" ] ||
	{ echo "rig: no Debian 6.1 kernel installed (run tests/install-deps.sh)" >&2; exit 2; }
KDIR=/usr/src/linux-headers-$RIG_KVER
LOCK=${RIG_LOCK:-/tmp/xen-pvscsi-rig.lock}

if [ $# -eq 0 ]; then
	set -- $(cd "$ROOT/tests/scenarios" && ls -d */ | tr -d / | grep -vx 'demo\|bench')
fi

# One qemu at a time on the machine, and one build at a time in a tree:
# each group takes the lock for its build and boot, so runs interleave.
lock_rig() {
	exec 9>"$LOCK"
	if ! flock -n 9; then
		echo "rig: waiting for another rig run to finish ($LOCK)"
		flock 9
	fi
}

unlock_rig() {
	exec 9>&-
}

build() {
	make -s -C "$ROOT" modules KDIR="$KDIR" >"$RIG_BUILD/build.log" 2>&1 &&
		make -s -C "$ROOT" tools >>"$RIG_BUILD/build.log" 2>&1 &&
		"$RIG_DIR/build-images.sh" >>"$RIG_BUILD/build.log" 2>&1
}

mkdir -p "$RIG_BUILD/logs"

# overlay_cpio DIR OUT: a newc archive of DIR appended to a base image.
overlay_cpio() {
	(cd "$1" && find . -print0 | sort -z | cpio --quiet -o -0 -H newc -R 0:0)
}

copy_libs() {
	local root=$1 bin=$2 lib
	for lib in $(ldd "$bin" 2>/dev/null | grep -o '/[^ ]*'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L --remove-destination "$lib" "$root$lib"
	done
}

make_images() {
	local group=$1 run=$RIG_BUILD/run/$1 upd=lib/modules/$RIG_KVER/updates
	rm -rf "$run"
	mkdir -p "$run/guest/rig/guest" "$run/guest/$upd" "$run/dom0/rig/scenarios" \
		"$run/dom0/rig/img" "$run/dom0/rig/bin" "$run/dom0/$upd"
	install -m 755 "$RIG_DIR/guest-init.sh" "$run/guest/init"
	cp "$ROOT"/tests/guest/*.sh "$run/guest/rig/guest/"
	cp "$ROOT/frontend/pvscsifront.ko" "$run/guest/$upd/"
	ln -s "/$upd" "$run/guest/rig/modules"
	cat "$RIG_BUILD/img/guest-base.cpio" >"$run/dom0/rig/img/guest.cpio"
	overlay_cpio "$run/guest" >>"$run/dom0/rig/img/guest.cpio"

	install -m 755 "$RIG_DIR/dom0-init.sh" "$run/dom0/init"
	cp "$RIG_DIR/lib.sh" "$RIG_DIR/dom0-runner.sh" "$run/dom0/rig/"
	mv "$run/dom0/rig/dom0-runner.sh" "$run/dom0/rig/runner.sh"
	cp "$ROOT/tests/scenarios/$group"/* "$run/dom0/rig/scenarios/"
	cp "$ROOT/backend/pvscsiback.ko" "$run/dom0/$upd/"
	ln -s "/$upd" "$run/dom0/rig/modules"
	if [ -x "$ROOT/tools/pvscsi" ]; then
		cp "$ROOT/tools/pvscsi" "$run/dom0/rig/bin/"
		copy_libs "$run/dom0" "$ROOT/tools/pvscsi"
	fi
	echo "$group" >"$run/dom0/rig/group"
	cat "$RIG_BUILD/img/dom0-base.cpio" >"$run/dom0.cpio"
	overlay_cpio "$run/dom0" >>"$run/dom0.cpio"
}

# hba_args: a virtio-scsi HBA for Dom0 with a 64 MiB disk (target 1) and a
# CD-ROM (target 2), fresh media every boot: a second real LLD besides
# scsi_debug, and the device types scsi_debug cannot be.
hba_args() {
	local disk=$RIG_BUILD/hba-disk.img cd=$RIG_BUILD/hba-cd.iso
	rm -f "$disk" "$cd"
	truncate -s 64M "$disk"
	head -c 4M /dev/urandom >"$cd"
	echo "-device virtio-scsi-pci,id=hba,disable-legacy=on" \
		"-drive if=none,id=hbadisk,file=$disk,format=raw,cache=unsafe" \
		"-device scsi-hd,drive=hbadisk,bus=hba.0,scsi-id=1,lun=0,serial=PVSCSIHD1,wwn=0x5000c50015ea71a1" \
		"-drive if=none,id=hbacd,file=$cd,format=raw,media=cdrom,readonly=on" \
		"-device scsi-cd,drive=hbacd,bus=hba.0,scsi-id=2,lun=0,serial=PVSCSICD1"
}

# Optional per-group settings: tests/scenarios/<group>/rig.conf may set
# RIG_HBA=1 (see hba_args) or QEMU_EXTRA (more qemu arguments).
boot_group() {
	local group=$1 log=$RIG_BUILD/logs/$1.log limit=90 script t QEMU_EXTRA= RIG_HBA=
	for script in "$ROOT/tests/scenarios/$group"/[0-9]*.sh; do
		t=$(sed -n 's/^# rig-timeout: *\([0-9]*\).*/\1/p' "$script")
		limit=$((limit + ${t:-300} + 10))
	done
	# shellcheck disable=SC1090
	[ -f "$ROOT/tests/scenarios/$group/rig.conf" ] && . "$ROOT/tests/scenarios/$group/rig.conf"
	[ "$RIG_HBA" = 1 ] && QEMU_EXTRA="$QEMU_EXTRA $(hba_args)"
	make_images "$group"
	local dom0_args="console=hvc0 earlyprintk=xen loglevel=6"
	local start=$SECONDS
	rm -f "$log"
	# shellcheck disable=SC2086
	timeout -k 10 "$limit" qemu-system-x86_64 -machine q35 -accel tcg \
		-cpu qemu64 -m 2048 -smp 2 -no-reboot -nographic -net none \
		-display none -monitor none -serial "file:$log" \
		-kernel "$RIG_BUILD/img/xen.elf" \
		-append "console=com1 com1=115200,8n1 dom0_mem=768M,max:768M loglvl=all guest_loglvl=all noreboot bootscrub=0" \
		-initrd "$RIG_BUILD/img/vmlinux $dom0_args,$RIG_BUILD/run/$group/dom0.cpio" \
		$QEMU_EXTRA </dev/null >"$RIG_BUILD/logs/$group.qemu" 2>&1 &
	local qemu=$!
	watch_boot "$group" "$log" "$qemu"
	wait "$qemu"
	local rc=$?
	echo "rig: group $group booted in $((SECONDS - start)) s (qemu exit $rc, limit ${limit}s)"
	return $rc
}

# watch_boot GROUP LOG PID: stops qemu early when the boot cannot produce
# more results: Dom0 never came up, a scenario overran its own timeout by a
# minute (Dom0 hung), or Dom0 finished but did not power off.
watch_boot() {
	local group=$1 log=$2 pid=$3 began=$SECONDS current= since=0 ended=0 name t why=
	while kill -0 "$pid" 2>/dev/null; do
		sleep 2
		if ! grep -aq '^RIG-DOM0-READY' "$log" 2>/dev/null; then
			[ $((SECONDS - began)) -gt 180 ] && why="Dom0 not ready after 180 s"
		elif grep -aq '^RIG-DOM0-END' "$log"; then
			[ "$ended" -eq 0 ] && ended=$SECONDS
			[ $((SECONDS - ended)) -gt 30 ] && why="Dom0 did not power off"
		else
			name=$(grep -a '^RIG-START ' "$log" | tail -n 1 | tr -d '\r' | cut -d' ' -f2)
			if [ "$name" != "$current" ]; then
				current=$name
				since=$SECONDS
			fi
			t=$(sed -n 's/^# rig-timeout: *\([0-9]*\).*/\1/p' \
				"$ROOT/tests/scenarios/$group/$current.sh" 2>/dev/null)
			[ -n "$current" ] && [ $((SECONDS - since)) -gt $((${t:-300} + 60)) ] &&
				why="Dom0 stuck in $current"
		fi
		if [ -n "$why" ]; then
			echo "RIG-WATCHDOG $why" >>"$log"
			kill "$pid" 2>/dev/null
			return
		fi
	done
}

passed=0
failed=0
report_group() {
	local group=$1 log=$RIG_BUILD/logs/$1.log name line status script
	tr -d '\r' <"$log" >"$log.txt"
	grep '^RIG-SHOW ' "$log.txt" | sed 's/^RIG-SHOW /  | /'
	for script in "$ROOT/tests/scenarios/$group"/[0-9]*.sh; do
		name=$(basename "$script" .sh)
		line=$(grep -m1 "^RIG-RESULT $name " "$log.txt")
		status=$(echo "$line" | awk '{ print $3 }')
		if [ "$status" = PASS ]; then
			passed=$((passed + 1))
			echo "PASS $group/$name ($(echo "$line" | awk '{ print $4 }') s)"
			continue
		fi
		failed=$((failed + 1))
		if [ -n "$line" ]; then
			echo "FAIL $group/$name: $(echo "$line" | cut -d' ' -f5-)"
			sed -n "/^RIG-DIAG-BEGIN $name\$/,/^RIG-DIAG-END $name\$/p" "$log.txt" | sed 's/^/  | /'
		else
			echo "FAIL $group/$name: no result (boot died or timed out); serial log tail:"
			tail -n 60 "$log.txt" | sed 's/^/  | /'
		fi
	done
	if grep -q '^RIG-WATCHDOG Dom0 did not power off' "$log.txt"; then
		failed=$((failed + 1))
		echo "FAIL $group: Dom0 did not power off after the last scenario; serial log tail:"
		tail -n 80 "$log.txt" | sed 's/^/  | /'
	fi
	if grep -q 'Panic on CPU\|FATAL PAGE FAULT\|Kernel panic' "$log.txt"; then
		failed=$((failed + 1))
		echo "FAIL $group: hypervisor or dom0 panic"
		grep -m1 -B5 -A25 'Panic on CPU\|FATAL PAGE FAULT\|Kernel panic' "$log.txt" | sed 's/^/  | /'
	fi
}

for group in "$@"; do
	if [ ! -d "$ROOT/tests/scenarios/$group" ]; then
		echo "FAIL $group: no such scenario group"
		failed=$((failed + 1))
		continue
	fi
	lock_rig
	if ! build; then
		unlock_rig
		tail -n 40 "$RIG_BUILD/build.log"
		echo "FAIL $group: build failed"
		failed=$((failed + 1))
		continue
	fi
	boot_group "$group"
	unlock_rig
	report_group "$group"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
