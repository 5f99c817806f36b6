# SPDX-License-Identifier: GPL-2.0
# Endless O_DIRECT writes and reads on /dev/sda until the domain is destroyed.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sda 60 || gfail "no /dev/sda"
gval started 1
while :; do
	dd if=/dev/zero of=/dev/sda bs=256k count=64 oflag=direct 2>/dev/null
	dd if=/dev/sda of=/dev/null bs=256k count=64 iflag=direct 2>/dev/null
done
