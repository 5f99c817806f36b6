#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Builds the rig's base images from installed Debian packages, once per
# kernel version and rig revision, under $RIG_BUILD/img:
#   xen.elf          Xen 4.17 as a multiboot ELF
#   vmlinux          the Debian kernel's ELF, used for Dom0 and guests
#   dom0-base.cpio   busybox, kmod, the Xen toolstack, sg3-utils, modules
#   guest-base.cpio  busybox, kmod, sg3-utils, lsscsi, SCSI modules
# Per-run content (our modules, tool, scripts) is appended by run-rig.sh.
set -euo pipefail

RIG_DIR=$(cd "$(dirname "$0")" && pwd)
: "${RIG_BUILD:?}" "${RIG_KVER:?}"
IMG=$RIG_BUILD/img
STAMP=$IMG/stamp
want_stamp="$RIG_KVER $(cat "$RIG_DIR/build-images.sh" "$RIG_DIR/extract-vmlinux.py" | sha256sum | cut -c1-16)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ]; then
	exit 0
fi
rm -rf "$IMG"
mkdir -p "$IMG"

XENBIN=/usr/lib/xen-4.17/bin
MODDIR=/lib/modules/$RIG_KVER

zcat /boot/xen-4.17-amd64.gz > "$IMG/xen.elf"
python3 "$RIG_DIR/extract-vmlinux.py" "/boot/vmlinuz-$RIG_KVER" "$IMG/vmlinux"

# copy_bin ROOT FILE...: a binary and every library ldd names, at their paths.
copy_bin() {
	local root=$1 f lib
	shift
	for f in "$@"; do
		mkdir -p "$root$(dirname "$f")"
		cp -L --remove-destination "$f" "$root$f"
		for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*'); do
			[ -e "$root$lib" ] && continue
			mkdir -p "$root$(dirname "$lib")"
			cp -L --remove-destination "$lib" "$root$lib"
		done
	done
}

# copy_modules ROOT NAME...: the modules and their dependencies, then depmod.
copy_modules() {
	local root=$1 name ko
	shift
	for name in "$@"; do
		for ko in $(modprobe -S "$RIG_KVER" --show-depends "$name" | awk '$1 == "insmod" { print $2 }'); do
			mkdir -p "$root$(dirname "$ko")"
			cp "$ko" "$root$ko"
		done
	done
	cp "$MODDIR"/modules.order "$MODDIR"/modules.builtin* "$root$MODDIR/"
	depmod -b "$root" "$RIG_KVER"
}

# base_root ROOT: busybox applets plus kmod as the module tools.
base_root() {
	local root=$1 applet
	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,run,tmp,var/log,etc,root}
	copy_bin "$root" /usr/bin/kmod /usr/bin/lsscsi /usr/bin/sg_*
	for applet in modprobe insmod rmmod lsmod depmod modinfo; do
		ln -s /usr/bin/kmod "$root/sbin/$applet"
	done
	cp /bin/busybox "$root/bin/busybox"
	# Busybox fills in the rest; the real tools above keep their names.
	for applet in $(/bin/busybox --list-full); do
		[ -e "$root/usr/bin/${applet##*/}" ] || [ -e "$root/sbin/${applet##*/}" ] ||
			[ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
	done
	mkdir -p "$root/lib/x86_64-linux-gnu"
	cp -L /lib/x86_64-linux-gnu/libgcc_s.so.1 "$root/lib/x86_64-linux-gnu/"
	echo "root:x:0:0:root:/root:/bin/sh" > "$root/etc/passwd"
	echo "root:x:0:" > "$root/etc/group"
}

make_cpio() {
	(cd "$1" && find . -print0 | sort -z | cpio --quiet -o -0 -H newc) > "$2"
}

DOM0=$IMG/dom0-root
base_root "$DOM0"
copy_bin "$DOM0" "$XENBIN/xl" "$XENBIN/xenstored" "$XENBIN/xenconsoled" \
	"$XENBIN/xen-init-dom0" "$XENBIN/libxl-save-helper" /usr/bin/xenstore
for tool in read write ls rm chmod list exists watch; do
	ln -sf /usr/bin/xenstore "$DOM0/usr/bin/xenstore-$tool"
done
ln -sf "$XENBIN/xl" "$DOM0/usr/sbin/xl"
mkdir -p "$DOM0"/{etc/xen,var/lib/xen,var/lib/xenstored,var/run/xen,var/log/xen/console}
echo 'autoballoon="off"' > "$DOM0/etc/xen/xl.conf"
copy_modules "$DOM0" xenfs xen-evtchn xen-gntdev xen-gntalloc xen-privcmd \
	configfs scsi_debug sd_mod sg sr_mod st xen-scsiback target_core_pscsi \
	virtio_scsi virtio_pci
mkdir -p "$DOM0/rig/img"
cp "$IMG/vmlinux" "$DOM0/rig/img/vmlinux"
make_cpio "$DOM0" "$IMG/dom0-base.cpio"

GUEST=$IMG/guest-root
base_root "$GUEST"
copy_modules "$GUEST" sd_mod sr_mod st sg xen-scsifront
make_cpio "$GUEST" "$IMG/guest-base.cpio"

rm -rf "$DOM0" "$GUEST"
echo "$want_stamp" > "$STAMP"
