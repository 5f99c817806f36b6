# rig-timeout: 240
# Two targets with two LUNs each through one vhost, mapped out of order: the
# guest must reach each physical LUN at its own c:t:l (checked by the
# designator the guest reads through us), and REPORT LUNS on a target lists
# only that target's guest LUNs (0 and 3 here, where the device has 0 and 1).
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=16 num_tgts=2 max_luns=2
p1=$(sdebug_hctl 1) && p2=$(sdebug_hctl 2) && p3=$(sdebug_hctl 3) &&
	p4=$(sdebug_hctl 4) || die "scsi_debug did not make 4 LUNs"
wwid() { cat "/sys/class/scsi_device/$1/device/wwid"; }
guest_create tl back-luns 4,0:1:0
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$p4" 0:0:0:0
vscsi_lun "$DOMID" 0 1 "$p1" 0:0:0:1
vscsi_lun "$DOMID" 0 2 "$p3" 0:0:1:0
vscsi_lun "$DOMID" 0 3 "$p2" 0:0:1:3
guest_unpause tl
guest_done tl 180 || die "guest: $(guest_console tl | grep RIG-GUEST-FAIL)"
for m in "0_0_0 $p4" "0_0_1 $p1" "0_1_0 $p3" "0_1_3 $p2"; do
	set -- $m
	got=$(guest_val tl "wwid_$1")
	[ -n "$got" ] && [ "$got" = "$(wwid "$2")" ] ||
		die "guest $1 has wwid '$got', physical $2 is '$(wwid "$2")'"
	[ -n "$(guest_val tl "sha_$1")" ] || die "guest $1: no read"
done
luns=$(guest_val tl luns)
[ "$luns" = "0000000000000000,0003000000000000," ] ||
	die "REPORT LUNS on target 1 gave '$luns'"
show "targets-luns: 4 LUNs on 2 targets mapped by wwid; REPORT LUNS target 1 = $luns"
back_end_guest tl || die "backend did not release the vhost"
