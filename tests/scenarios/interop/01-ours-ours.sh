# rig-timeout: 200
# pvscsiback <-> pvscsifront, h:c:t:l p-dev.
. /rig/scenarios/lib-interop.sh
modprobe scsi_debug dev_size_mb=64 || die "modprobe scsi_debug"
modprobe pvscsiback || die "modprobe pvscsiback"
interop_roundtrip oo "$(sdebug_hctl)" pvscsifront
show "interop: pvscsiback <-> pvscsifront sha256 round trip ok"
