# SPDX-License-Identifier: GPL-2.0
# demo-show.sh FRONT_MODULE: what the guest sees of its vscsi devices.
. /rig/guest/lib.sh
modprobe -a sd_mod sg "$1" || gfail "modprobe $1"
wait_path /dev/sda 60 || gfail "no /dev/sda"
lsscsi | sed "s/^/DEMO: lsscsi: /"
ls -l /dev/sda /dev/sg0 | sed "s/^/DEMO: /"
echo "DEMO: /dev/sda: $(cat /sys/block/sda/size) sectors of 512 bytes"
echo "DEMO: xenbus device vscsi-0 bound to $(basename "$(readlink /sys/bus/xen/devices/vscsi-0/driver/module)")"
dd if=/dev/sda bs=1M count=1 iflag=direct 2>/dev/null | sha256sum | sed 's/^/DEMO: first MiB sha256 /'
