# rig-timeout: 200
# The same through the stock pair (LIO pscsi -> xen-scsiback ->
# xen-scsifront): a second real LLD and device type for the reference peer.
. /rig/scenarios/lib-hba.sh
hba_load
pdisk=$(lio_export "$(hba_hctl disk)") || die "lio export disk: $pdisk"
pcd=$(lio_export "$(hba_hctl cd)") || die "lio export cd: $pcd"
hba_guest scs xen-scsifront "$pdisk" "$pcd"
show "hba: stock pair, virtio-scsi disk + CD-ROM read and written"
