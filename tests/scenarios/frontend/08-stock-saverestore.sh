# rig-timeout: 300
# xl save + xl restore while the guest's dd is writing (scsi_debug delays
# each command 8 ms so the dd is still running).  xl 4.17 does not know
# vscsi, so Dom0 rewires the vhost for the restored domain; pvscsifront
# reconnects, requeues what the old ring left, and the data reads back.
. /rig/scenarios/lib-front.sh
helper=/usr/lib/xen-4.17/bin/libxl-save-helper
[ -x "$helper" ] || die "the rig's Dom0 image lacks $helper: xl save cannot work"
front_stock_disk 64 delay=2
guest_create sr front-saverestore
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause sr
guest_wait sr 'RIG-VAL phase=dd-start' 120 || die "guest did not start dd"
sleep 1
guest_console sr | grep -q 'RIG-VAL phase=dd-done' && die "dd ended before the save"
old=$DOMID
xl save sr /tmp/sr.save >/tmp/sr.savelog 2>&1 || die "xl save: $(cat /tmp/sr.savelog)"
xenstore-rm "$BACKEND_ROOT/$old"
xl restore -p /tmp/sr.save >/tmp/sr.restlog 2>&1 || die "xl restore: $(cat /tmp/sr.restlog)"
rm -f /tmp/sr.save
DOMID=$(xl domid sr) || die "no restored domain"
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$PDEV" 0:0:0:0
guest_unpause sr
front_guest_ok sr 180
vscsi_wait "$DOMID" 0 4 10 || die "restored vhost not connected"
want=$(guest_val sr data_sha)
[ "$(guest_val sr readback_sha)" = "$want" ] || die "guest read back $(guest_val sr readback_sha), wrote $want"
[ "$(front_sha "$DEV" 0 24)" = "$want" ] || die "dom0 sees $(front_sha "$DEV" 0 24), guest wrote $want"
resumed=$(guest_console sr | sed -n 's/.*vscsi-0: resumed: 0, \([0-9]*\) commands requeued.*/\1/p' | tail -n 1)
[ -n "$resumed" ] || die "no frontend resume logged"
show "frontend/saverestore: xl save/restore (domain $old -> $DOMID) mid-dd of 24 MiB, $resumed command(s) requeued from the old ring, data verified in guest and Dom0"
