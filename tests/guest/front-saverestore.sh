# SPDX-License-Identifier: GPL-2.0
# xl save / xl restore in the middle of an O_DIRECT dd: the write must
# complete after the restore and read back identical.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
# The guest clock runs on while it is saved: keep the commands caught in
# the save from timing out under emulation before the restore requeues them.
echo 120 >/sys/block/${dev#/dev/}/device/timeout || gfail "set timeout"
dd if=/dev/urandom of=/tmp/data bs=1M count=24 2>/dev/null
gval data_sha "$(sha256sum /tmp/data | cut -d' ' -f1)"
gval phase dd-start
dd if=/tmp/data of="$dev" bs=64K oflag=direct conv=fsync 2>/tmp/dd.err ||
	gfail "dd across save/restore: $(cat /tmp/dd.err)"
gval phase dd-done
gval readback_sha "$(sha_of "$dev" 0 24)"
dmesg | grep -E 'vscsi|pvscsifront' | tail -n 10
