#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Installs, from Debian 12 packages, everything `make check` and `make demo`
# need: the kernel the rig boots and its headers (one apt run, so the modules
# we build match it), Xen 4.17, qemu, the toolstack library, test tools.
set -eu
PKGS="build-essential qemu-system-x86 xen-hypervisor-4.17-amd64 xen-utils-4.17
xen-utils-common xenstore-utils libxen-dev linux-image-amd64 linux-headers-amd64
busybox-static cpio kmod sg3-utils lsscsi sparse libcmocka-dev python3 xz-utils
linux-source-6.1 util-linux"

missing=
for pkg in $PKGS; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing packages:$missing (run as root to install)" >&2
	exit 1
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get -q update >/dev/null
# xen-utils' postinst complains that this machine has no hypervisor: harmless.
# shellcheck disable=SC2086
apt-get -q -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $missing >/dev/null
