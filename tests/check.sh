#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Everything `make check` proves, in order: W=1 build, sparse, checkpatch,
# the tool, userspace unit tests, then every rig group.  Each stage runs even
# when an earlier one failed, so one CI run shows every problem; the exit
# status is non-zero if any stage failed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
start=$SECONDS
failed_stages=()

stage() {
	local name=$1 t=$SECONDS
	shift
	echo "=== $name"
	if "$@"; then
		echo "=== $name: ok ($((SECONDS - t)) s)"
	else
		echo "=== $name: FAILED ($((SECONDS - t)) s)"
		failed_stages+=("$name")
	fi
}

# The 6.1 headers the rig boots, whatever kernel this machine runs.
RIG_KVER=$(cd /lib/modules && ls -d 6.1.*-amd64 2>/dev/null | sort -V | tail -n 1)
KDIR=/usr/src/linux-headers-$RIG_KVER

stage "build W=1" make -s lint KDIR="$KDIR"
stage "sparse" make -s sparse KDIR="$KDIR"
stage "checkpatch" tests/checkpatch.sh
stage "tools" make -s tools
stage "unit tests" make -s unit
stage "rig" tests/rig/run-rig.sh

echo "check: $((SECONDS - start)) s; failed stages: ${failed_stages[*]:-none}"
[ ${#failed_stages[@]} -eq 0 ]
