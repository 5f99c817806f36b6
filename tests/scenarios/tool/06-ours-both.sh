# rig-timeout: 240
# Our backend and our frontend (pvscsifront) driven by pvscsi: create with
# a /dev path and a WWN entry, then hot-add and hot-remove a LUN.
. /rig/scenarios/lib-tool.sh
tool_backend ours
tool_sdebug 4
h1=$(sdebug_hctl 1) && h2=$(sdebug_hctl 2) && h3=$(sdebug_hctl 3) || die "no disks"
d1=$(hctl_blockdev "$h1") || die "no block device for $h1"
w2=$(wwid_of "$h2")
tool_cfg both tool-watch pvscsifront "vscsi = [ '$d1,0:0:0:0', '$w2,0:0:1:0' ]"
pvscsi create /tmp/both.cfg || die "create"
id=$(xl domid both) || die "no domain"
tool_wait_luns both "0:0:0 0:1:0" 120 || die "pvscsifront did not see both LUNs"
[ "$(tool_guest_wwid both 0:1:0)" = "$w2" ] || die "0:1:0 is not $w2"
pvscsi attach both "$h3" 0:0:2:0 --timeout 90 || die "hot-add"
tool_wait_luns both "0:0:0 0:1:0 0:2:0" 30 || die "pvscsifront did not see 0:2:0"
pvscsi detach both 0:0:0:0 --timeout 90 || die "hot-remove"
tool_wait_luns both "0:1:0 0:2:0" 30 || die "0:0:0 still seen"
pvscsi list both
show "ours-both: pvscsiback + pvscsifront: create ($d1, $w2), hot-add $h3, hot-remove 0:0:0:0 ok"
