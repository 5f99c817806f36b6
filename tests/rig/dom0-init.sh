#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Dom0's /init in the rig: bring up the Xen toolstack, run the group's
# scenarios, power off (Xen then enters S5 and QEMU exits).
export PATH=/rig/bin:/sbin:/usr/sbin:/bin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm /run/xen /run/xenstored /var/run
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /tmp
ln -sfn /run/xen /var/run/xen
depmod -a
modprobe -a xenfs xen-evtchn xen-gntdev xen-gntalloc xen-privcmd configfs
# No udev: load the SCSI upper drivers so any disk, CD or tape gets its node.
modprobe -a sd_mod sr_mod st sg
mount -t xenfs xenfs /proc/xen
mount -t configfs configfs /sys/kernel/config
XENSTORED_ROOTDIR=/var/lib/xenstored /usr/lib/xen-4.17/bin/xenstored \
	--pid-file /run/xenstore.pid
i=0
until xenstore-read -s / >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -gt 100 ] && { echo "RIG-FATAL xenstored did not start"; poweroff -f; }
	sleep 0.1
done
/usr/lib/xen-4.17/bin/xen-init-dom0
/usr/lib/xen-4.17/bin/xenconsoled --log=guest --log-dir=/var/log/xen/console
echo "RIG-DOM0-READY $(cut -d' ' -f1 /proc/uptime)"
/bin/sh /rig/runner.sh
echo "RIG-DOM0-END"
sync
poweroff -f
