# rig-timeout: 240
# rmmod pvscsifront: clean with no vscsi device at all; with a vhost bound
# it is refused (xenbus pins the module), unbind with the disk open removes
# it safely, the backend sees the frontend close, and rmmod is then clean.
. /rig/scenarios/lib-front.sh
guest_create nodev front-rmmod nodev
guest_unpause nodev
front_guest_ok nodev
[ "$(guest_val nodev unloaded)" = nodev ] || die "no-device unload not reported"
guest_destroy nodev

front_stock_disk 64
guest_create wd front-rmmod withdev
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause wd
front_guest_ok wd
[ "$(guest_val wd unloaded)" = withdev ] || die "with-device unload not reported"
fstate=$(xenstore-read "/local/domain/$DOMID/device/vscsi/0/state")
[ "$fstate" = 6 ] || [ "$fstate" = 5 ] || die "frontend state $fstate after rmmod, want 5/6"
bstate=$(xenstore-read "$BACKEND_ROOT/$DOMID/0/state")
[ "$bstate" = 6 ] || [ "$bstate" = 5 ] || die "backend state $bstate after unbind, want 5/6"
show "frontend/rmmod: clean with no devices; refused while bound; unbind with disk open then rmmod clean (frontend state $fstate, backend $(xenstore-read $BACKEND_ROOT/$DOMID/0/state))"
