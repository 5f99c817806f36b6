# rig-timeout: 200
# A second real LLD (qemu's virtio-scsi) and a second device type (CD-ROM)
# through the stock pair: one vhost, the disk at 0:0:0:0 and the CD at
# 0:0:1:0; the guest reads the CD through sr and checks its content.
hba_load
disk=$(hba_hctl disk) cd=$(hba_hctl cd)
cd_dev=/dev/$(basename /sys/bus/scsi/devices/"$cd"/block/*)
cd_sha=$(dd if="$cd_dev" bs=64k 2>/dev/null | sha256sum | cut -d' ' -f1)
pdisk=$(lio_export "$disk") || die "lio export disk: $pdisk"
pcd=$(lio_export "$cd") || die "lio export cd: $pcd"
guest_create cdg stock-cd-disk
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$pdisk" 0:0:0:0
vscsi_lun "$DOMID" 0 1 "$pcd" 0:0:1:0
guest_unpause cdg
guest_done cdg 150 || die "guest: $(guest_console cdg | grep RIG-GUEST-FAIL)"
[ "$(guest_val cdg cd_sha)" = "$cd_sha" ] || die "guest read CD $(guest_val cdg cd_sha), dom0 $cd_sha"
[ "$(guest_val cdg cd_type)" = 5 ] || die "CD type in guest: $(guest_val cdg cd_type)"
[ "$(guest_val cdg disk_vendor)" = QEMU ] || die "disk vendor in guest: $(guest_val cdg disk_vendor)"
show "hba: virtio-scsi disk + CD-ROM via stock pair; guest sr0 sha256 matches ($cd_sha)"
