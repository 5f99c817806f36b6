# SPDX-License-Identifier: GPL-2.0
# roundtrip.sh FRONT_MODULE: through that frontend, read 4 MiB at 16 MiB
# (written by Dom0) and write 4 MiB of random data at 0.
. /rig/guest/lib.sh
modprobe -a sd_mod sg "$1" || gfail "modprobe $1"
wait_path /dev/sda 60 || gfail "no /dev/sda"
gval front "$(basename "$(readlink /sys/bus/xen/devices/vscsi-0/driver/module)")"
gval read_sha "$(sha_of /dev/sda 16 4)"
dd if=/dev/urandom of=/tmp/up bs=1M count=4 2>/dev/null
dd if=/tmp/up of=/dev/sda bs=1M oflag=direct conv=fsync 2>/dev/null || gfail "write"
gval write_sha "$(sha256sum /tmp/up | cut -d' ' -f1)"
