# SPDX-License-Identifier: GPL-2.0
#
# xen-pvscsi: out-of-tree build of pvscsifront.ko and pvscsiback.ko, the
# pvscsi tool, the unit tests and the emulated-Xen rig.

# The kernel to build against: the running kernel's build tree, else the
# newest installed Debian 6.1 headers (the kernel the rig boots).
KVER ?= $(shell uname -r)
KDIR ?= $(firstword $(wildcard /lib/modules/$(KVER)/build) \
	$(lastword $(sort $(wildcard /usr/src/linux-headers-6.1.*-amd64))))

KBUILD_OPTS := CONFIG_XEN_PVSCSI_FRONTEND=m CONFIG_XEN_PVSCSI_BACKEND=m
KMAKE = $(MAKE) -C $(KDIR) M=$(CURDIR) $(KBUILD_OPTS)

.PHONY: all modules tools clean check unit rig demo bench deps install \
	modules_install lint sparse checkpatch

all: modules tools

modules:
	@test -n "$(KDIR)" || { echo "no kernel build tree: set KDIR" >&2; exit 1; }
	$(KMAKE) modules

# W=1 clean is part of the standard; warnings fail the build here.
lint:
	$(KMAKE) clean >/dev/null
	$(KMAKE) W=1 KCFLAGS=-Werror modules

sparse:
	$(KMAKE) clean >/dev/null
	$(KMAKE) C=1 CHECK="sparse -Wsparse-error" modules

checkpatch:
	tests/checkpatch.sh

tools:
	$(MAKE) -C tools

unit:
	$(MAKE) -C tests/unit run

rig:
	tests/rig/run-rig.sh $(SCENARIOS)

deps:
	tests/install-deps.sh

check: deps
	tests/check.sh

demo: deps
	tests/rig/run-rig.sh demo

bench: deps
	tests/rig/run-rig.sh bench

modules_install:
	$(KMAKE) modules_install

install: modules_install
	$(MAKE) -C tools install

clean:
	-test -z "$(KDIR)" || $(KMAKE) clean
	$(MAKE) -C tools clean
	$(MAKE) -C tests/unit clean
	rm -rf build
