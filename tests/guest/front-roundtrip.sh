# SPDX-License-Identifier: GPL-2.0
# pvscsifront: queue limits, then a sha256 round trip.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
front_limits "$dev"
roundtrip_io "$dev"
