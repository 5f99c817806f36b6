# rig-timeout: 240
# xl destroy while the guest has I/O in flight: the backend answers or drops
# what is in flight, unmaps everything and releases the vhost; a new guest
# then uses the same LUN for a clean round trip.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=64
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
guest_create d1 back-ddloop
d1=$DOMID
vscsi_vhost "$d1" 0
vscsi_lun "$d1" 0 0 "$hctl" 0:0:0:0
guest_unpause d1
guest_wait d1 'RIG-VAL started=1' 120 || die "guest never started I/O"
left=100
while [ "$(back_stat "$d1" 0 requests)" -lt 200 ]; do
	left=$((left - 1))
	[ $left -le 0 ] && die "I/O did not flow: $(back_stat "$d1" 0 requests) requests"
	sleep 0.1
done
log "destroying d1 with $(back_stat "$d1" 0 in_flight) in flight"
guest_destroy d1
back_gone "$d1" 0 30 || die "vhost of the destroyed guest not released"
xl list | grep -q '^d1 ' && die "d1 still listed (zombie: grants still mapped?)"
dd if=/dev/urandom of=/tmp/down bs=1M count=4 2>/dev/null
dd if=/tmp/down of="$(hctl_blockdev "$hctl")" bs=1M seek=16 oflag=direct conv=fsync 2>/dev/null ||
	die "dom0 write"
guest_create d2 back-roundtrip
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
guest_unpause d2
guest_done d2 180 || die "guest d2: $(guest_console d2 | grep RIG-GUEST-FAIL)"
[ "$(guest_val d2 read_sha)" = "$(sha256sum /tmp/down | cut -d' ' -f1)" ] ||
	die "d2 read wrong data"
[ "$(guest_val d2 write_sha)" = "$(sdebug_sha "$hctl" 0 4)" ] || die "d2 write mismatch"
show "destroy-mid-io: d1 destroyed mid-I/O, vhost released; d2 round trip on the same LUN ok"
back_end_guest d2 || die "backend did not release the vhost"
