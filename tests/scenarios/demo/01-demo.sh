# rig-timeout: 200
# make demo: a scsi_debug disk in Dom0 handed to a PV guest by a vscsi= line
# in its xl config through `pvscsi create`; pvscsiback in Dom0, pvscsifront
# in the guest, which sees an ordinary /dev/sda.
modprobe scsi_debug dev_size_mb=64 || die "modprobe scsi_debug"
modprobe pvscsiback || die "modprobe pvscsiback"
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
dev=$(hctl_blockdev "$hctl") || die "no block device for $hctl"
show "dom0: physical disk $dev at $hctl: $(cat /sys/bus/scsi/devices/$hctl/vendor) $(cat /sys/bus/scsi/devices/$hctl/model)"
cat >/tmp/demo.cfg <<CFG
name = "demo"
type = "pv"
kernel = "/rig/img/vmlinux"
ramdisk = "/rig/img/guest.cpio"
memory = 192
extra = "console=hvc0 rig.script=demo-show rig.args=pvscsifront"
vscsi = [ '$dev,0:0:0:0' ]
CFG
show "dom0: /tmp/demo.cfg: $(grep '^vscsi' /tmp/demo.cfg)"
show "dom0: pvscsi create /tmp/demo.cfg"
pvscsi create /tmp/demo.cfg >/tmp/create.out 2>&1 || die "pvscsi create: $(cat /tmp/create.out)"
guest_done demo 150 || die "guest: $(guest_console demo | grep RIG-GUEST-FAIL)"
pvscsi list demo | while read -r line; do show "dom0: pvscsi list: $line"; done
guest_console demo | tr -d '\r' | sed -n 's/^DEMO: /guest: /p' | while read -r line; do
	show "$line"
done
