# SPDX-License-Identifier: GPL-2.0
# pvscsifront <-> pvscsiback: report the queue limits, O_DIRECT reads of
# 512 KiB at 8 MiB and 1 MiB at 12 MiB for Dom0 to count, then a sha256
# round trip (read 4 MiB at 16 MiB, write 4 MiB at 0).
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
q=/sys/block/${dev#/dev/}/queue
gval max_hw_sectors_kb "$(cat $q/max_hw_sectors_kb)"
cat $q/max_hw_sectors_kb >$q/max_sectors_kb
gval max_sectors_kb_now "$(cat $q/max_sectors_kb)"
gval phase reading
# Dom0 switches scsi_debug's CDB logging on when it sees the line above.
sleep 4
dd if="$dev" of=/dev/null bs=512K count=1 skip=16 iflag=direct 2>/dev/null || gfail "512K read"
dd if="$dev" of=/dev/null bs=1M count=1 skip=12 iflag=direct 2>/dev/null || gfail "1M read"
sleep 1
gval phase done
gval read_sha "$(sha_of "$dev" 16 4)"
dd if=/dev/urandom of=/tmp/up bs=1M count=4 2>/dev/null
dd if=/tmp/up of="$dev" bs=1M oflag=direct conv=fsync 2>/dev/null || gfail "write"
gval write_sha "$(sha256sum /tmp/up | cut -d' ' -f1)"
