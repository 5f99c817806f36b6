# rig-timeout: 200
# pvscsiback <-> stock xen-scsifront.
. /rig/scenarios/lib-interop.sh
modprobe scsi_debug dev_size_mb=64 || die "modprobe scsi_debug"
modprobe pvscsiback || die "modprobe pvscsiback"
interop_roundtrip os "$(sdebug_hctl)" xen-scsifront
show "interop: pvscsiback <-> xen-scsifront sha256 round trip ok"
