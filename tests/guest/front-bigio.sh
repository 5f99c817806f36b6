# SPDX-License-Identifier: GPL-2.0
# Queue limits, then O_DIRECT reads whose splitting Dom0 observes.
. /rig/guest/lib.sh
. /rig/guest/front-lib.sh
front_load
dev=$(front_disk 0:0:0:0) || gfail "no disk at 0:0:0:0"
front_limits "$dev"
front_big_reads "$dev"
