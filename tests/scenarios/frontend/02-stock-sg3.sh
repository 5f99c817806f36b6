# rig-timeout: 240
# SG_IO from guest userspace (sg3_utils) through pvscsifront and the stock
# backend: INQUIRY, READ CAPACITY, a raw READ(10) checked against Dom0's
# data, an illegal opcode returning CHECK CONDITION with sense, and a
# device reset (VSCSIIF_ACT_SCSI_RESET) answered by the backend.
. /rig/scenarios/lib-front.sh
front_stock_disk 64
front_fill "$DEV" 16 1 >/dev/null
want=$(dd if="$DEV" bs=4096 skip=4096 count=1 iflag=direct 2>/dev/null | sha256sum | cut -d' ' -f1)
guest_create sg front-sg3
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause sg
front_guest_ok sg
[ "$(guest_val sg inq_product)" = scsi_debug ] || die "inquiry product '$(guest_val sg inq_product)'"
[ "$(guest_val sg cap_blocks)" = $((64 * 1024 * 1024)) ] || die "capacity '$(guest_val sg cap_blocks)'"
[ "$(guest_val sg raw_sha)" = "$want" ] || die "sg_raw read $(guest_val sg raw_sha), dom0 has $want"
[ "$(guest_val sg reset)" = ok ] || die "device reset not confirmed"
show "frontend/sg3: sg_inq product scsi_debug, sg_readcap 64 MiB, sg_raw READ(10) sha256 match, illegal opcode -> sense, sg_reset -d -> ACT_SCSI_RESET succeeded"
