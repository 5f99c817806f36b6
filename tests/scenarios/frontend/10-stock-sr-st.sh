# rig-timeout: 240
# Device types other than disks through pvscsifront and the stock backend:
# a scsi_debug CD-ROM (2048-byte blocks) attaches as sr in the guest and
# its first MiB reads back as in Dom0; a scsi_debug tape attaches as st.
. /rig/scenarios/lib-front.sh
front_stock_dev dev_size_mb=16 ptype=5 sector_size=2048
cd=$(hctl_blockdev "$HCTL") || die "no Dom0 block device for the CD"
want=$(dd if="$cd" bs=2048 count=512 2>/dev/null | sha256sum | cut -d' ' -f1)
guest_create cd front-srst cd
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause cd
front_guest_ok cd
[ "$(guest_val cd pdt)" = cd_dvd ] || die "guest sees type '$(guest_val cd pdt)'"
[ "$(guest_val cd cd_sha)" = "$want" ] || die "guest read $(guest_val cd cd_sha) from $(guest_val cd cd_dev), Dom0 $want"
cd_dev=$(guest_val cd cd_dev)
guest_destroy cd

front_stock_dev dev_size_mb=16 ptype=1
guest_create tp front-srst tape
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause tp
front_guest_ok tp
[ "$(guest_val tp pdt)" = tape ] || die "guest sees type '$(guest_val tp pdt)'"
show "frontend/sr-st: CD-ROM as $cd_dev (1 MiB read matches Dom0), tape as $(guest_val tp tape_dev)"
