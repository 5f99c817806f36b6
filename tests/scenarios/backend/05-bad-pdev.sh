# rig-timeout: 200
# Two unknown p-devs (h:c:t:l and WWN forms) next to a good one: only those
# LUNs close (state 6) with an xenbus error; the good LUN connects and works.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=64
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
dd if=/dev/urandom of=/tmp/down bs=1M count=4 2>/dev/null
dd if=/tmp/down of="$(hctl_blockdev "$hctl")" bs=1M seek=16 oflag=direct conv=fsync 2>/dev/null ||
	die "dom0 write"
guest_create bp back-roundtrip
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 1 "77:0:0:9" 0:0:0:1
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
vscsi_lun "$DOMID" 0 2 "naa.00000000deadbeef" 0:0:0:2
guest_unpause bp
guest_done bp 180 || die "guest: $(guest_console bp | grep RIG-GUEST-FAIL)"
vscsi_wait "$DOMID" 0 6 5 1 || die "bad h:c:t:l LUN not closed"
vscsi_wait "$DOMID" 0 6 5 2 || die "bad WWN LUN not closed"
vscsi_wait "$DOMID" 0 4 5 0 || die "good LUN not connected"
vscsi_wait "$DOMID" 0 4 5 || die "vhost not connected"
err=$(xenstore-read "/local/domain/0/error/backend/vscsi/$DOMID/0/error" 2>/dev/null)
echo "xenbus error: $err"
echo "$err" | grep -q 'not found' || die "no xenbus error node ('$err')"
[ "$(guest_val bp read_sha)" = "$(sha256sum /tmp/down | cut -d' ' -f1)" ] ||
	die "good LUN read wrong data"
[ "$(guest_val bp write_sha)" = "$(sdebug_sha "$hctl" 0 4)" ] || die "write mismatch"
show "bad-pdev: dev-1/dev-2 closed ('$err'), dev-0 round trip ok"
back_end_guest bp || die "backend did not release the vhost"
