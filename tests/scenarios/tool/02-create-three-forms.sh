# rig-timeout: 200
# pvscsi create with our backend: entries in the three pdev forms (/dev
# path, h:c:t:l, WWN), the documented xenstore layout and permissions, and
# the stock frontend sees each device at its own c:t:l (checked by wwid).
. /rig/scenarios/lib-tool.sh
tool_backend ours
tool_sdebug 4
h1=$(sdebug_hctl 1) && h2=$(sdebug_hctl 2) && h3=$(sdebug_hctl 3) || die "no disks"
d1=$(hctl_blockdev "$h1") || die "no block device for $h1"
w2=$(wwid_of "$h2")
tool_cfg three tool-watch "" "vscsi = [ '$d1,0:0:0:0',   # a /dev path
	\"$w2,0:0:1:0\",                         # the LU's designator
	'$h3,0:0:2:0', ]"
pvscsi create /tmp/three.cfg || die "pvscsi create failed"
id=$(xl domid three) || die "no domain"
b=$BACKEND_ROOT/$id/0 f=/local/domain/$id/device/vscsi/0
for kv in "dev-0/p-dev=$h1" "dev-0/p-devname=$d1" "dev-0/v-dev=0:0:0:0" \
	"dev-1/p-dev=$w2" "dev-1/v-dev=0:0:1:0" "dev-2/p-dev=$h3" "dev-2/v-dev=0:0:2:0"; do
	got=$(xenstore-read "$b/vscsi-devs/${kv%%=*}")
	[ "$got" = "${kv#*=}" ] || die "$b/vscsi-devs/${kv%%=*} is '$got', wanted '${kv#*=}'"
done
for kv in "frontend=$f" "frontend-id=$id" "online=1" "feature-host=0" "libxl_ctrl_index=0"; do
	[ "$(xenstore-read "$b/${kv%%=*}")" = "${kv#*=}" ] || die "$b/${kv%%=*} wrong"
done
[ "$(xenstore-read "$f/backend")" = "$b" ] && [ "$(xenstore-read "$f/backend-id")" = 0 ] ||
	die "frontend nodes wrong"
tool_snap | grep -q "^$b = .*(n0,r$id)\$" || die "backend perms: $(tool_snap | grep "^$b ")"
tool_snap | grep -q "^$b/vscsi-devs/dev-0/p-dev = .*(n0,r$id)\$" || die "backend leaf perms"
tool_snap | grep -q "^$f = .*(n$id,r0)\$" || die "frontend perms: $(tool_snap | grep "^$f ")"
tool_snap | grep -q "^$f/state = .*(n$id,r0)\$" || die "frontend leaf perms"
tool_wait_luns three "0:0:0 0:1:0 0:2:0" 120 || die "guest LUNs wrong"
vscsi_wait "$id" 0 4 30 || die "vhost not connected"
for m in "0:0:0 $h1" "0:1:0 $h2" "0:2:0 $h3"; do
	set -- $m
	[ "$(tool_guest_wwid three "$1")" = "$(wwid_of "$2")" ] ||
		die "guest $1 is '$(tool_guest_wwid three "$1")', wanted $2's $(wwid_of "$2")"
done
pvscsi list three >/tmp/list.txt || die "list"
while read -r line; do show "list: $line"; done </tmp/list.txt
[ "$(pvscsi list -m three | awk -F'\t' '$7 == 4 && $8 == 4' | wc -l)" -eq 3 ] ||
	die "list -m: $(pvscsi list -m three)"
show "create-three-forms: $d1 -> 0:0:0, $w2 -> 0:1:0, $h3 -> 0:2:0 seen by the guest; layout and perms ok"
