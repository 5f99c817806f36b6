#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A rig guest's /init: run /rig/guest/<rig.script>.sh with rig.args (comma
# separated) from the kernel command line, report its exit code on the
# console, then idle until Dom0 destroys the domain.
export PATH=/sbin:/usr/sbin:/bin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
depmod -a
script=
args=
for word in $(cat /proc/cmdline); do
	case "$word" in
	rig.script=*) script=${word#rig.script=} ;;
	rig.args=*) args=${word#rig.args=} ;;
	esac
done
echo "RIG-GUEST-START script=$script args=$args"
if [ -f "/rig/guest/$script.sh" ]; then
	# shellcheck disable=SC2086
	sh /rig/guest/$script.sh $(echo "$args" | tr ',' ' ')
	rc=$?
else
	echo "RIG-GUEST-FAIL: no guest script '$script'"
	rc=127
fi
echo "RIG-GUEST-DONE rc=$rc"
while :; do
	sleep 3600
done
