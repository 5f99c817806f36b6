# rig-timeout: 240
# The stock pair proves the rig: scsi_debug -> LIO pscsi -> xen-scsiback ->
# xen-scsifront, with a sha256 round trip in each direction.
modprobe scsi_debug dev_size_mb=64 || die "modprobe scsi_debug"
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
dev=$(hctl_blockdev "$hctl") || die "no block device for $hctl"
dd if=/dev/urandom of=/tmp/down bs=1M count=4 2>/dev/null
dd if=/tmp/down of="$dev" bs=1M seek=16 oflag=direct conv=fsync 2>/dev/null || die "dom0 write"
down_sha=$(sha256sum /tmp/down | cut -d' ' -f1)
pdev=$(lio_export "$hctl") || die "lio export: $pdev"
guest_create rt roundtrip xen-scsifront
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$pdev" 0:0:0:0
guest_unpause rt
guest_done rt 180 || die "guest: $(guest_console rt | grep RIG-GUEST-FAIL)"
vscsi_wait "$DOMID" 0 4 5 || die "vhost not connected"
[ "$(guest_val rt read_sha)" = "$down_sha" ] ||
	die "guest read $(guest_val rt read_sha), dom0 wrote $down_sha"
up_sha=$(dd if="$dev" bs=1M count=4 iflag=direct 2>/dev/null | sha256sum | cut -d' ' -f1)
[ "$(guest_val rt write_sha)" = "$up_sha" ] ||
	die "guest wrote $(guest_val rt write_sha), dom0 read $up_sha"
show "baseline: stock xen-scsiback <-> xen-scsifront, 4 MiB each way, sha256 $down_sha / $up_sha"
