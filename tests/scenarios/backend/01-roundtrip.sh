# rig-timeout: 240
# pvscsiback + stock xen-scsifront: a scsi_debug disk, sha256 round trip in
# both directions with 1 MiB O_DIRECT requests (indirect segments).
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=64
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
dev=$(hctl_blockdev "$hctl") || die "no block device for $hctl"
dd if=/dev/urandom of=/tmp/down bs=1M count=4 2>/dev/null
dd if=/tmp/down of="$dev" bs=1M seek=16 oflag=direct conv=fsync 2>/dev/null || die "dom0 write"
down_sha=$(sha256sum /tmp/down | cut -d' ' -f1)
guest_create rt back-roundtrip
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
guest_unpause rt
guest_done rt 180 || die "guest: $(guest_console rt | grep RIG-GUEST-FAIL)"
vscsi_wait "$DOMID" 0 4 5 || die "vhost not connected"
[ "$(xenstore-read "$BACKEND_ROOT/$DOMID/0/feature-sg-grant")" -ge 128 ] ||
	die "feature-sg-grant below 128"
[ "$(guest_val rt read_sha)" = "$down_sha" ] ||
	die "guest read $(guest_val rt read_sha), dom0 wrote $down_sha"
up_sha=$(sdebug_sha "$hctl" 0 4)
[ "$(guest_val rt write_sha)" = "$up_sha" ] ||
	die "guest wrote $(guest_val rt write_sha), dom0 read $up_sha"
reqs=$(back_stat "$DOMID" 0 requests)
bytes=$(back_stat "$DOMID" 0 bytes)
[ "$bytes" -ge $((8 * 1024 * 1024)) ] || die "stats: only $bytes bytes"
show "roundtrip: pvscsiback <-> xen-scsifront 4 MiB each way ok; $reqs requests, $bytes bytes"
back_end_guest rt || die "backend did not release the vhost"
