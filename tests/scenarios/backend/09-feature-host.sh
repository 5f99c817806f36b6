# rig-timeout: 240
# feature-host: the vhost shows the whole physical host at the same c:t:l; a
# LUN that appears in Dom0 after the guest connected (and has no vscsi-devs
# entry) is found by a scan in the guest and reaches the right device.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=16 max_luns=1
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
h=${hctl%%:*}
case $hctl in *:0:0:0) ;; *) die "expected LUN 0:0:0, got $hctl" ;; esac
guest_create fh back-hostscan 0:0:1
vscsi_vhost "$DOMID" 0 1
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
guest_unpause fh
guest_wait fh 'RIG-VAL phase=one' 120 || die "guest did not start"
echo 2 >/sys/bus/pseudo/drivers/scsi_debug/max_luns || die "max_luns"
echo "0 0 1" >"/sys/class/scsi_host/host$h/scan" || die "dom0 scan"
[ -e "/sys/class/scsi_device/$h:0:0:1" ] || die "Dom0 did not find $h:0:0:1"
guest_done fh 150 || die "guest: $(guest_console fh | grep RIG-GUEST-FAIL)"
want=$(cat "/sys/class/scsi_device/$h:0:0:1/device/wwid")
[ "$(guest_val fh wwid)" = "$want" ] || die "guest 0:0:1 is '$(guest_val fh wwid)', want '$want'"
[ -n "$(guest_val fh sha)" ] || die "no read from the new LUN"
show "feature-host: LUN $h:0:0:1 added in Dom0 later, found by guest scan at 0:0:1 ($want)"
back_end_guest fh || die "backend did not release the vhost"
