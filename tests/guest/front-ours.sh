# SPDX-License-Identifier: GPL-2.0
# pvscsifront <-> pvscsiback: queue limits, O_DIRECT reads for Dom0 to
# count, then a sha256 round trip.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
front_limits "$dev"
front_big_reads "$dev"
roundtrip_io "$dev"
