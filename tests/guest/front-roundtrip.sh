# SPDX-License-Identifier: GPL-2.0
# pvscsifront round trip: read 4 MiB at 16 MiB (written by Dom0), write
# 4 MiB of random data at 0, report the queue limits.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
q=/sys/block/${dev#/dev/}/queue
gval max_sectors_kb "$(cat $q/max_sectors_kb)"
gval max_hw_sectors_kb "$(cat $q/max_hw_sectors_kb)"
gval max_segments "$(cat $q/max_segments)"
gval read_sha "$(sha_of "$dev" 16 4)"
dd if=/dev/urandom of=/tmp/up bs=1M count=4 2>/dev/null
dd if=/tmp/up of="$dev" bs=1M oflag=direct conv=fsync 2>/dev/null || gfail "write"
gval write_sha "$(sha256sum /tmp/up | cut -d' ' -f1)"
