# SPDX-License-Identifier: GPL-2.0
# SCSI EH abort: Dom0 delays scsi_debug so a TEST UNIT READY issued with a
# 2 s SG_IO timeout times out; the error handler sends
# VSCSIIF_ACT_SCSI_ABORT; afterwards the disk must work again.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
sg=$(front_sg 0:0:0:0) || gfail "no sg node"
gval phase ready
# Dom0 turns the delay on when it sees the line above.
sleep 4
gval phase issue
start=$(date +%s)
sg_raw -t 2 "$sg" 00 00 00 00 00 00 >/tmp/tur 2>&1 && gfail "delayed TUR did not time out"
gval tur_secs $(($(date +%s) - start))
dmesg | grep -q 'abort request succeeded' || gfail "no successful abort: $(dmesg | tail -n 20)"
gval abort ok
gval read_sha "$(sha_of "$dev" 16 2)"
dmesg | grep -E 'pvscsifront|vscsi|sd 0:0:0:0' | tail -n 20
