# shellcheck shell=sh
# hba_guest NAME FRONT_MODULE DISK_PDEV CD_PDEV: one vhost with the HBA's
# disk at 0:0:0:0 and CD-ROM at 0:0:1:0; checks what the guest saw.
hba_guest() {
	_cd=/dev/$(basename /sys/bus/scsi/devices/"$(hba_hctl cd)"/block/*)
	_cd_sha=$(dd if="$_cd" bs=64k 2>/dev/null | sha256sum | cut -d' ' -f1)
	guest_create "$1" cd-disk "$2"
	vscsi_vhost "$DOMID" 0
	vscsi_lun "$DOMID" 0 0 "$3" 0:0:0:0
	vscsi_lun "$DOMID" 0 1 "$4" 0:0:1:0
	guest_unpause "$1"
	guest_done "$1" 150 || die "guest: $(guest_console "$1" | grep RIG-GUEST-FAIL)"
	[ "$(guest_val "$1" cd_sha)" = "$_cd_sha" ] ||
		die "guest read CD $(guest_val "$1" cd_sha), dom0 $_cd_sha"
	[ "$(guest_val "$1" cd_type)" = 5 ] || die "CD type in guest: $(guest_val "$1" cd_type)"
	[ "$(guest_val "$1" disk_vendor)" = QEMU ] ||
		die "disk vendor in guest: $(guest_val "$1" disk_vendor)"
	_disk=$(hctl_blockdev "$(hba_hctl disk)")
	_got=$(dd if="$_disk" bs=1M skip=8 count=2 iflag=direct 2>/dev/null | sha256sum | cut -d' ' -f1)
	[ "$(guest_val "$1" disk_sha)" = "$_got" ] ||
		die "guest wrote $(guest_val "$1" disk_sha) to the disk, dom0 read $_got"
	guest_destroy "$1"
}
