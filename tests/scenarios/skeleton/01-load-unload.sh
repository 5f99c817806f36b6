# rig-timeout: 150
# pvscsiback registers the "vscsi" backend driver in Dom0 and pvscsifront the
# "vscsi" frontend driver in a guest; both unload cleanly.
modprobe pvscsiback || die "modprobe pvscsiback"
[ -d /sys/bus/xen-backend/drivers/vscsi ] || die "pvscsiback did not register a vscsi backend"
guest_create skel skel-front
guest_unpause skel
guest_done skel 120 || die "guest: $(guest_console skel | grep RIG-GUEST-FAIL)"
rmmod pvscsiback || die "rmmod pvscsiback"
[ -d /sys/bus/xen-backend/drivers/vscsi ] && die "vscsi backend still registered after rmmod"
grep -q '^pvscsiback ' /proc/modules && die "pvscsiback still loaded"
show "skeleton: pvscsiback and pvscsifront registered and unloaded"
