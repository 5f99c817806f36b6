# rig-timeout: 240
# pvscsifront against the stock LIO xen-scsiback: sha256 round trip of
# 4 MiB in each direction through scsi_debug.
. /rig/scenarios/lib-front.sh
front_stock_disk 64
down_sha=$(front_fill "$DEV" 16 4)
guest_create rt front-roundtrip
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause rt
front_guest_ok rt
vscsi_wait "$DOMID" 0 4 5 || die "vhost not connected"
[ "$(guest_val rt read_sha)" = "$down_sha" ] ||
	die "guest read $(guest_val rt read_sha), dom0 wrote $down_sha"
up_sha=$(front_sha "$DEV" 0 4)
[ "$(guest_val rt write_sha)" = "$up_sha" ] ||
	die "guest wrote $(guest_val rt write_sha), dom0 read $up_sha"
show "frontend/stock: 4 MiB each way, sha256 $down_sha / $up_sha; guest max_sectors_kb=$(guest_val rt max_sectors_kb) max_segments=$(guest_val rt max_segments)"
