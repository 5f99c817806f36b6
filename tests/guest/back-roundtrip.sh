# SPDX-License-Identifier: GPL-2.0
# Stock xen-scsifront against pvscsiback: reads 4 MiB at 16 MiB (written by
# Dom0), writes 4 MiB of random data at 0, both O_DIRECT.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sda 60 || gfail "no /dev/sda"
gval read_sha "$(sha_of /dev/sda 16 4)"
dd if=/dev/urandom of=/tmp/up bs=1M count=4 2>/dev/null
dd if=/tmp/up of=/dev/sda bs=1M oflag=direct conv=fsync 2>/dev/null || gfail "write"
gval write_sha "$(sha256sum /tmp/up | cut -d' ' -f1)"
