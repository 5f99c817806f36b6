# rig-timeout: 200
# pvscsiback over a second real LLD (qemu's virtio-scsi) and a second device
# type: the disk by its WWN, the CD-ROM by h:c:t:l, to the stock
# xen-scsifront and to pvscsifront.
. /rig/scenarios/lib-hba.sh
hba_load
modprobe pvscsiback || die "modprobe pvscsiback"
wwn=$(cat /sys/bus/scsi/devices/"$(hba_hctl disk)"/wwid)
[ "$wwn" = naa.5000c50015ea71a1 ] || die "HBA disk wwid is '$wwn'"
hba_guest ocs xen-scsifront "$wwn" "$(hba_hctl cd)"
hba_guest oco pvscsifront "$wwn" "$(hba_hctl cd)"
rmmod pvscsiback || die "rmmod pvscsiback"
show "hba: pvscsiback, virtio-scsi disk (p-dev $wwn) + CD-ROM; xen-scsifront and pvscsifront read and write them"
