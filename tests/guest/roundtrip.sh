# SPDX-License-Identifier: GPL-2.0
# roundtrip.sh FRONT_MODULE: roundtrip_io on /dev/sda through that frontend.
. /rig/guest/lib.sh
modprobe -a sd_mod sg "$1" || gfail "modprobe $1"
wait_path /dev/sda 60 || gfail "no /dev/sda"
gval front "$(basename "$(readlink /sys/bus/xen/devices/vscsi-0/driver/module)")"
roundtrip_io /dev/sda
