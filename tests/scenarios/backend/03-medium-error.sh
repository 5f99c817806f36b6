# rig-timeout: 200
# scsi_debug injects an unrecovered read error (opts=2: MEDIUM ERROR at
# medium_error_start); the guest must see CHECK CONDITION with sense key
# MEDIUM ERROR and ASC/ASCQ 11/00 exactly as Dom0's device returned it.
. /rig/scenarios/lib-back.sh
back_load
back_sdebug dev_size_mb=16 opts=2 medium_error_start=4660 medium_error_count=10
hctl=$(sdebug_hctl) || die "no scsi_debug disk"
guest_create me back-sense 4662
vscsi_vhost "$DOMID" 0
vscsi_lun "$DOMID" 0 0 "$hctl" 0:0:0:0
guest_unpause me
guest_done me 180 || die "guest: $(guest_console me | grep RIG-GUEST-FAIL)"
st=$(guest_val me status) key=$(guest_val me sense_key) asc=$(guest_val me asc)
echo "status '$st' key '$key' asc '$asc'"
echo "$st" | grep -q 'Check Condition' || die "status '$st'"
[ "$key" = "Sense key: Medium Error" ] || die "sense key '$key'"
echo "$asc" | grep -q 'Unrecovered read error' || die "asc '$asc'"
[ "$(guest_val me clean_read)" = ok ] || die "clean read"
show "medium-error: guest got '$st', '$key', '$asc'"
back_end_guest me || die "backend did not release the vhost"
