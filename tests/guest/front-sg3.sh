# SPDX-License-Identifier: GPL-2.0
# SG_IO from guest userspace through pvscsifront: sg_inq, sg_readcap and
# sg_raw READ(10) of 8 blocks at LBA 32768 (16 MiB, written by Dom0), and
# a device reset (sg_reset -d: the EH device reset handler, which sends
# VSCSIIF_ACT_SCSI_RESET) after which the same read still works.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
front_disk 0:0:0:0 >/dev/null || gfail "no disk at 0:0:0:0"
sg=$(front_sg 0:0:0:0) || gfail "no sg node for 0:0:0:0"
sg_inq "$sg" >/tmp/inq 2>&1 || gfail "sg_inq: $(cat /tmp/inq)"
gval inq_product "$(sed -n 's/^ *Product identification: *//p' /tmp/inq | tr -d ' ')"
sg_readcap "$sg" >/tmp/cap 2>&1 || gfail "sg_readcap: $(cat /tmp/cap)"
gval cap_blocks "$(sed -n 's/^ *Device size: \([0-9]*\) bytes.*/\1/p' /tmp/cap)"
sg_raw -r 4096 -o /tmp/raw "$sg" 28 00 00 00 80 00 00 00 08 00 >/tmp/rawlog 2>&1 ||
	gfail "sg_raw: $(cat /tmp/rawlog)"
gval raw_sha "$(sha256sum /tmp/raw | cut -d' ' -f1)"
# A command the device rejects must come back as CHECK CONDITION + sense.
sg_raw "$sg" ff 00 00 00 00 00 >/tmp/badlog 2>&1 && gfail "opcode 0xff succeeded"
grep -qi "illegal request" /tmp/badlog || gfail "no sense for opcode 0xff: $(cat /tmp/badlog)"
gval bad_sense ok
sg_reset -d "$sg" >/tmp/reset 2>&1 || gfail "sg_reset -d: $(cat /tmp/reset)"
dmesg | grep -q 'reset request succeeded' || gfail "no successful device reset: $(dmesg | tail -n 5)"
# The first command after a reset may report the reset as a unit attention.
if ! sg_raw -r 4096 -o /tmp/raw2 "$sg" 28 00 00 00 80 00 00 00 08 00 >/tmp/rawlog 2>&1; then
	grep -qi "reset" /tmp/rawlog || gfail "sg_raw after reset: $(cat /tmp/rawlog)"
	gval reset_ua "$(sed -n 's/^ *Additional sense: *//p' /tmp/rawlog | tr ' ' _)"
	sg_raw -r 4096 -o /tmp/raw2 "$sg" 28 00 00 00 80 00 00 00 08 00 >/tmp/rawlog 2>&1 ||
		gfail "sg_raw after reset and unit attention: $(cat /tmp/rawlog)"
fi
cmp -s /tmp/raw /tmp/raw2 || gfail "data differs after reset"
gval reset ok
