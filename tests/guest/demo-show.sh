# SPDX-License-Identifier: GPL-2.0
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sda 60 || gfail "no /dev/sda"
lsscsi -g | sed "s/^/DEMO: lsscsi: /"
ls -l /dev/sda /dev/sg0 | sed "s/^/DEMO: /"
echo "DEMO: /dev/sda: $(cat /sys/block/sda/size) sectors of 512 bytes"
echo "DEMO: driver $(basename "$(readlink /sys/bus/xen/devices/vscsi-0/driver)") on xenbus device vscsi-0"
dd if=/dev/sda bs=1M count=1 iflag=direct 2>/dev/null | sha256sum | sed 's/^/DEMO: first MiB sha256 /'
