# shellcheck shell=sh
# interop_roundtrip NAME PDEV FRONT_MODULE: a guest on FRONT_MODULE reads
# 4 MiB Dom0 wrote and writes 4 MiB Dom0 reads back; both sha256-checked.
interop_roundtrip() {
	_dev=$(hctl_blockdev "$(sdebug_hctl)") || die "no scsi_debug disk"
	dd if=/dev/urandom of=/tmp/down bs=1M count=4 2>/dev/null
	dd if=/tmp/down of="$_dev" bs=1M seek=16 oflag=direct conv=fsync 2>/dev/null || die "dom0 write"
	_down=$(sha256sum /tmp/down | cut -d' ' -f1)
	guest_create "$1" roundtrip "$3"
	vscsi_vhost "$DOMID" 0
	vscsi_lun "$DOMID" 0 0 "$2" 0:0:0:0
	guest_unpause "$1"
	guest_done "$1" 180 || die "guest: $(guest_console "$1" | grep RIG-GUEST-FAIL)"
	[ "$(guest_val "$1" front)" = "$(echo "$3" | tr - _)" ] ||
		die "guest bound $(guest_val "$1" front), wanted $3"
	[ "$(guest_val "$1" read_sha)" = "$_down" ] ||
		die "guest read $(guest_val "$1" read_sha), dom0 wrote $_down"
	_up=$(dd if="$_dev" bs=1M count=4 iflag=direct 2>/dev/null | sha256sum | cut -d' ' -f1)
	[ "$(guest_val "$1" write_sha)" = "$_up" ] ||
		die "guest wrote $(guest_val "$1" write_sha), dom0 read $_up"
	guest_destroy "$1"
}
