# rig-timeout: 200
# make demo: a scsi_debug disk in Dom0 handed to a PV guest, which shows it
# as an ordinary /dev/sda.
modprobe scsi_debug dev_size_mb=64 || die "modprobe scsi_debug"
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
show "dom0: physical device $hctl = $(hctl_blockdev "$hctl") ($(cat /sys/bus/scsi/devices/$hctl/vendor) $(cat /sys/bus/scsi/devices/$hctl/model))"
pdev=$(lio_export "$hctl") || die "lio export: $pdev"
show "dom0: backend xen-scsiback (stock, LIO pscsi), p-dev $pdev"
guest_create demo demo-show
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$pdev" 0:0:0:0
guest_unpause demo
guest_done demo 150 || die "guest: $(guest_console demo | grep RIG-GUEST-FAIL)"
guest_console demo | tr -d '\r' | sed -n 's/^DEMO: /guest: /p' | while read -r line; do
	show "$line"
done
