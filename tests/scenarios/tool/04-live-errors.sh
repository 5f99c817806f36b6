# rig-timeout: 300
# Refusals against running guests (our backend): duplicate vdev, a device
# already given to another guest (allowed with --force), unknown vdev,
# missing device, a p-dev the backend refuses, a guest that never connects
# (timeout) and a guest that does not release a LUN (detach timeout).
# Each: one error line, non-zero exit, vscsi xenstore nodes as before.
. /rig/scenarios/lib-tool.sh
tool_backend ours
tool_sdebug 4
h1=$(sdebug_hctl 1) && h2=$(sdebug_hctl 2) && h3=$(sdebug_hctl 3) || die "no disks"
d1=$(hctl_blockdev "$h1") || die "no block device for $h1"
guest_create g1 tool-watch && id1=$DOMID
guest_create g2 tool-watch && id2=$DOMID
guest_unpause g1
guest_unpause g2
guest_wait g1 "RIG-WATCH ready" 120 && guest_wait g2 "RIG-WATCH ready" 120 || die "guests"
pvscsi attach g1 "$d1" 0:0:0:0 --timeout 90 || die "attach to g1"
tool_wait_luns g1 "0:0:0" 30 || die "g1 LUN"

tool_fails "vscsi entry '$h2,0:0:0:0': vdev 0:0:0:0 is already in use on domain $id1" \
	pvscsi attach g1 "$h2" 0:0:0:0
tool_fails "vscsi entry '$h1,0:0:0:0': pdev $h1 is already attached to domain $id1 (g1) as 0:0:0:0; use --force" \
	pvscsi attach g2 "$h1" 0:0:0:0
tool_fails "no vscsi LUN with vdev 0:0:5:0 on domain $id1" pvscsi detach g1 0:0:5:0
tool_fails "vscsi entry '9:9:9:9,0:0:1:0': no SCSI device 9:9:9:9 in Dom0" \
	pvscsi attach g1 9:9:9:9 0:0:1:0
tool_fails "vscsi entry '/dev/sdzz,0:0:1:0': /dev/sdzz: No such file or directory" \
	pvscsi attach g1 /dev/sdzz 0:0:1:0
tool_fails "vscsi entry '$h2,0:0:1:0,feature-host': vhost 0 (vdev host 0) does not use feature-host" \
	pvscsi attach g1 "$h2" 0:0:1:0 --feature-host
tool_fails "vscsi entry 'naa.6001405000000bad,0:0:1:0': the backend refused the device" \
	pvscsi attach g1 naa.6001405000000bad 0:0:1:0 --timeout 60
tool_fails "vscsi entry 'naa.6001405000000bad,1:0:0:0': the backend refused the device" \
	pvscsi attach g1 naa.6001405000000bad 1:0:0:0 --timeout 60
tool_wait_luns g1 "0:0:0" 10 || die "g1 lost its LUN"

pvscsi attach g2 "$h1" 0:0:0:0 --force --timeout 90 || die "--force share"
tool_wait_luns g2 "0:0:0" 30 || die "g2 LUN (forced)"
pvscsi detach g2 0:0:0:0 --timeout 90 || die "detach forced share"
tool_wait_luns g2 none 30 || die "g2 LUN left"
tool_clean "$id2"
show "live refusals: duplicate vdev, shared pdev (--force allows), unknown vdev, missing devices, backend refusal"

# A guest that never runs its frontend: a new vhost times out, is removed.
guest_create g3 tool-watch && id3=$DOMID
tool_fails "vscsi entry '$h3,0:0:0:0': timed out waiting for the guest to connect the LUN" \
	pvscsi attach g3 "$h3" 0:0:0:0 --timeout 5
tool_clean "$id3"
# A paused guest cannot release a LUN: detach times out, the LUN stays.
xl pause g1 || die "xl pause"
tool_fails "detach of vdev 0:0:0:0 from domain $id1 timed out" \
	pvscsi detach g1 0:0:0:0 --timeout 5
xl unpause g1 || die "xl unpause"
sleep 2
tool_wait_luns g1 "0:0:0" 10 || die "g1 lost the LUN after the failed detach"
pvscsi detach g1 0:0:0:0 --timeout 90 || die "detach after unpause"
tool_wait_luns g1 none 30 || die "g1 LUN left"
tool_clean "$id1"
show "timeouts: attach to a guest without frontend and detach from a paused guest leave xenstore as before"
