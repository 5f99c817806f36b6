# SPDX-License-Identifier: GPL-2.0
# bench-io.sh FRONT_MODULE: throughput of /dev/sda through that frontend.
. /rig/guest/lib.sh
modprobe -a sd_mod sg "$1" || gfail "modprobe $1"
wait_path /dev/sda 60 || gfail "no /dev/sda"

now_cs() { cut -d' ' -f1 /proc/uptime | tr -d '.'; }
# rate MIB CENTISECONDS: MiB/s with one decimal
rate() { awk -v m="$1" -v c="$2" 'BEGIN { printf "%.1f", (c > 0 ? m * 100 / c : 0) }'; }

t0=$(now_cs)
dd if=/dev/zero of=/dev/sda bs=1M count=128 oflag=direct 2>/dev/null || gfail "seq write"
t1=$(now_cs)
dd if=/dev/sda of=/dev/null bs=1M count=128 iflag=direct 2>/dev/null || gfail "seq read"
t2=$(now_cs)
dd if=/dev/sda of=/dev/null bs=4k count=2048 iflag=direct 2>/dev/null || gfail "4k read"
t3=$(now_cs)
gval seqw "$(rate 128 $((t1 - t0)))"
gval seqr "$(rate 128 $((t2 - t1)))"
gval rand4k "$(awk -v c=$((t3 - t2)) 'BEGIN { printf "%.0f", (c > 0 ? 2048 * 100 / c : 0) }')"
