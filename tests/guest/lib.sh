# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
# Guest-side helpers for /rig/guest/*.sh scripts.

gfail() { echo "RIG-GUEST-FAIL: $*"; exit 1; }
gval() { echo "RIG-VAL $1=$2"; }

# wait_path PATH [TIMEOUT_S]
wait_path() {
	_left=$((${2:-30} * 5))
	while [ ! -e "$1" ]; do
		_left=$((_left - 1))
		[ $_left -le 0 ] && return 1
		sleep 0.2
	done
}

# sha_of DEV OFFSET_MIB SIZE_MIB: sha256 of a region, read with O_DIRECT.
sha_of() {
	dd if="$1" bs=1M skip="$2" count="$3" iflag=direct 2>/dev/null | sha256sum | cut -d' ' -f1
}

# roundtrip_io DEV: read 4 MiB at 16 MiB (Dom0 wrote it), write 4 MiB of
# random data at 0; reports both sha256 sums for Dom0 to compare.
roundtrip_io() {
	gval read_sha "$(sha_of "$1" 16 4)"
	dd if=/dev/urandom of=/tmp/up bs=1M count=4 2>/dev/null
	dd if=/tmp/up of="$1" bs=1M oflag=direct conv=fsync 2>/dev/null || gfail "write"
	gval write_sha "$(sha256sum /tmp/up | cut -d' ' -f1)"
}
