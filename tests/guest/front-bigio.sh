# SPDX-License-Identifier: GPL-2.0
# O_DIRECT reads whose splitting Dom0 observes: 512 KiB at 8 MiB and
# 1 MiB at 12 MiB.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
q=/sys/block/${dev#/dev/}/queue
gval max_sectors_kb "$(cat $q/max_sectors_kb)"
gval max_hw_sectors_kb "$(cat $q/max_hw_sectors_kb)"
gval max_segments "$(cat $q/max_segments)"
# Raise the soft limit to what the host allows.
cat $q/max_hw_sectors_kb >$q/max_sectors_kb
gval max_sectors_kb_now "$(cat $q/max_sectors_kb)"
gval phase reading
# Dom0 switches scsi_debug's CDB logging on when it sees the line above.
sleep 4
dd if="$dev" of=/dev/null bs=512K count=1 skip=16 iflag=direct 2>/dev/null || gfail "512K read"
dd if="$dev" of=/dev/null bs=1M count=1 skip=12 iflag=direct 2>/dev/null || gfail "1M read"
sleep 1
gval phase done
