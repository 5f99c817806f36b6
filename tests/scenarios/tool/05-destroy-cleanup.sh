# rig-timeout: 200
# What `xl destroy` leaves of a guest's vscsi nodes, and pvscsi removing
# the backend directories of dead domains (list, create, cleanup).
. /rig/scenarios/lib-tool.sh
tool_backend ours
tool_sdebug 4
h1=$(sdebug_hctl 1) || die "no disks"
tool_cfg gone tool-watch "" "vscsi = [ '$h1,0:0:0:0' ]"
pvscsi create /tmp/gone.cfg || die "create"
id=$(xl domid gone) || die "no domain"
tool_wait_luns gone "0:0:0" 120 || die "guest LUN"
xl destroy gone || die "xl destroy"
sleep 1
if xenstore-exists "$BACKEND_ROOT/$id"; then
	show "xl destroy leaves $BACKEND_ROOT/$id ($(xenstore-list "$BACKEND_ROOT/$id" | wc -l) vhost) behind"
else
	show "xl destroy removed $BACKEND_ROOT/$id itself"
fi
xenstore-exists "/local/domain/$id" && die "xl destroy left /local/domain/$id"
pvscsi list >/dev/null || die "list"
tool_clean "$id"

# The device of a dead guest is free again: a new create may use it.
pvscsi create /tmp/gone.cfg || die "create again"
id2=$(xl domid gone) || die "no domain"
tool_wait_luns gone "0:0:0" 120 || die "guest LUN (second life)"
xl destroy gone || die "xl destroy"
out=$(pvscsi cleanup) || die "cleanup"
echo "$out" | grep -q "removed vscsi backend nodes of [01] dead domain" || die "cleanup said '$out'"
tool_clean "$id2"
show "cleanup: dead domains' backend/vscsi nodes pruned by list and cleanup ('$out')"
