# SPDX-License-Identifier: GPL-2.0
# READ(10) of LBA $1, where Dom0's scsi_debug injects a medium error: prints
# the status and sense the stock frontend delivered to sg.
. /rig/guest/lib.sh
modprobe -a sd_mod sg xen-scsifront || gfail "modprobe"
wait_path /dev/sg0 60 || gfail "no /dev/sg0"
lba=$(printf '%08x' "$1")
set -- $(echo "$lba" | sed 's/../& /g')
sg_raw -r 512 /dev/sg0 28 00 "$1" "$2" "$3" "$4" 00 00 01 00 >/tmp/raw 2>&1
gval raw_rc $?
cat /tmp/raw
gval status "$(grep -o 'SCSI Status: [A-Za-z ]*' /tmp/raw | head -n 1)"
gval sense_key "$(grep -o 'Sense key: [A-Za-z ]*' /tmp/raw | head -n 1 | sed 's/ *$//')"
gval asc "$(grep -o 'Additional sense: .*' /tmp/raw | head -n 1)"
sg_raw -r 512 /dev/sg0 28 00 00 00 00 00 00 00 01 00 >/tmp/ok 2>&1 ||
	gfail "clean read failed: $(cat /tmp/ok)"
gval clean_read ok
