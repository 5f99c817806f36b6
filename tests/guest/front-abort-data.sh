# SPDX-License-Identifier: GPL-2.0
# SCSI EH abort of data commands: with a 5 s command timeout, an 8 MiB
# O_DIRECT read runs while Dom0 makes scsi_debug drop every 25th command.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
echo 5 >/sys/block/${dev#/dev/}/device/timeout || gfail "set timeout"
gval phase one
# Dom0 turns the command dropping on when it sees the line above.
sleep 3
start=$(date +%s)
sha=$(dd if="$dev" bs=128K count=64 iflag=direct 2>/tmp/dd.err | sha256sum | cut -d' ' -f1)
gval secs $(($(date +%s) - start))
gval sha "$sha"
gval aborts "$(dmesg | grep -c 'abort request succeeded')"
dmesg | grep -E 'abort|reset|vscsi' | tail -n 10
