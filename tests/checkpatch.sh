#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# checkpatch.pl from Debian's linux-source-6.1 over the kernel sources: any
# error, warning or --strict check fails.  uint*_t stays: the ABI header and
# the pure protocol files are shared with userspace tests.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CP=$ROOT/build/checkpatch
TARBALL=$(ls /usr/src/linux-source-6.1*.tar.xz 2>/dev/null | tail -n 1)
[ -n "$TARBALL" ] || { echo "checkpatch: linux-source-6.1 is not installed" >&2; exit 1; }
if [ ! -x "$CP/scripts/checkpatch.pl" ]; then
	mkdir -p "$CP"
	tar -xJf "$TARBALL" -C "$CP" --strip-components=1 --wildcards \
		'*/scripts/checkpatch.pl' '*/scripts/spelling.txt' \
		'*/scripts/const_structs.checkpatch'
fi
cd "$ROOT"
# shellcheck disable=SC2046
"$CP/scripts/checkpatch.pl" --no-tree --terse --show-types --strict \
	--ignore FILE_PATH_CHANGES,PREFER_KERNEL_TYPES,CAMELCASE -f $(git ls-files 'frontend/*.[ch]' 'backend/*.[ch]' 'include/*.h')
