# rig-timeout: 200
# p-dev given as the logical unit's designator (Dom0's wwid), not h:c:t:l:
# the round trip must reach that device.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=64 num_tgts=2
hctl=$(sdebug_hctl 2) || die "no second scsi_debug disk"
wwn=$(cat "/sys/class/scsi_device/$hctl/device/wwid")
case $wwn in naa.*|eui.*|t10.*) ;; *) die "odd wwid '$wwn'" ;; esac
dd if=/dev/urandom of=/tmp/down bs=1M count=4 2>/dev/null
dd if=/tmp/down of="$(hctl_blockdev "$hctl")" bs=1M seek=16 oflag=direct conv=fsync 2>/dev/null ||
	die "dom0 write"
down_sha=$(sha256sum /tmp/down | cut -d' ' -f1)
guest_create ww back-roundtrip
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$wwn" 0:0:0:0
guest_unpause ww
guest_done ww 180 || die "guest: $(guest_console ww | grep RIG-GUEST-FAIL)"
[ "$(guest_val ww read_sha)" = "$down_sha" ] || die "guest read wrong data"
[ "$(guest_val ww write_sha)" = "$(sdebug_sha "$hctl" 0 4)" ] || die "write mismatch"
show "wwn-pdev: p-dev $wwn ($hctl) round trip ok"
back_end_guest ww || die "backend did not release the vhost"
