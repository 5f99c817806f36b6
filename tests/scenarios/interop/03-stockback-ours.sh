# rig-timeout: 200
# stock xen-scsiback (LIO pscsi) <-> pvscsifront.
. /rig/scenarios/lib-interop.sh
modprobe scsi_debug dev_size_mb=64 || die "modprobe scsi_debug"
if grep -q "^pvscsiback " /proc/modules; then rmmod pvscsiback || die "rmmod pvscsiback"; fi
pdev=$(lio_export "$(sdebug_hctl)") || die "lio export: $pdev"
interop_roundtrip so "$pdev" pvscsifront
show "interop: xen-scsiback <-> pvscsifront sha256 round trip ok"
